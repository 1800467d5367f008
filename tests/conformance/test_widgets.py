"""§9 Per-widget value semantics: defaults, wire round trips, validation errors, resets."""

from __future__ import annotations

import pytest

from tests.conformance.harness import (
    Case,
    act,
    case,
    check_case,
    click,
    params,
    run,
    set_value,
    state,
)

CASES: list[Case] = [
    # ------------------------------------------------------------------ checkbox / toggle
    case(
        "checkbox_default_and_value",
        """
        a = st.checkbox("A")
        b = st.checkbox("B", value=True, key="b")
        c = st.checkbox("C", value=1)
        show(a, b, c, type(c).__name__)
        """,
        act("checkbox", 0, "check"),
        act("checkbox", "b", "uncheck"),
        set_value("checkbox", 2, False),
    ),
    case(
        "toggle_set_value",
        """
        t = st.toggle("T", key="t", help="toggle help")
        show(t, st.session_state.t)
        """,
        set_value("toggle", "t", True),
        run(),
        set_value("toggle", "t", False),
    ),
    # ------------------------------------------------------------------ radio
    case(
        "radio_default_index_and_select",
        """
        r = st.radio("R", ["a", "b", "c"], index=1, key="r", horizontal=True, captions=["A", "B", "C"])
        show(r)
        """,
        set_value("radio", "r", "c"),
        run(),
    ),
    case(
        "radio_index_none_and_empty_options",
        """
        show(st.radio("R", ["a", "b"], index=None, key="r"), st.radio("E", [], key="e"))
        """,
        set_value("radio", "r", "b"),
    ),
    case(
        "radio_index_type_error",
        """
        st.radio("R", ["a", "b"], index="1")
        """,
    ),
    case(
        "radio_index_out_of_range",
        """
        st.radio("R", ["a", "b"], index=2)
        """,
    ),
    case(
        "radio_invalid_state_write_resets",
        """
        if "r" not in st.session_state:
            st.session_state.r = "zz"
        show(st.radio("R", ["a", "b"], index=1, key="r"), st.session_state.r)
        """,
        run(),
    ),
    case(
        "radio_duplicate_labels_last_wins",
        """
        v = st.radio("R", [1, 2, 3], format_func=lambda x: "odd" if x % 2 else "even", key="r")
        show(v)
        """,
        set_value("radio", "r", 1),
        run(),
    ),
    case(
        "radio_dict_options_returned_as_objects",
        """
        opts = [{"id": 1, "name": "one"}, {"id": 2, "name": "two"}]
        v = st.radio("R", opts, format_func=lambda o: o["name"], key="r")
        show(v, st.session_state.r)
        """,
        set_value("radio", "r", {"id": 2, "name": "two"}),
    ),
    # ------------------------------------------------------------------ selectbox
    case(
        "selectbox_default_select_and_none",
        """
        a = st.selectbox("A", ["x", "y", "z"], key="a")
        b = st.selectbox("B", ["x", "y"], index=None, placeholder="pick", key="b")
        show(a, b)
        """,
        act("selectbox", "a", "select", "z"),
        act("selectbox", "b", "select_index", 1),
        act("selectbox", "b", "set_value", None),
    ),
    case(
        "selectbox_accept_new_options",
        """
        v = st.selectbox("S", ["x", "y"], accept_new_options=True, key="s")
        show(v, type(v).__name__)
        """,
        state("s", "brand new"),
        run(),
        act("selectbox", "s", "select", "y"),
        # AppTest maps a selectbox value back to an index of its options, so a new option
        # ("brand new") makes it raise ValueError. A browser shows "brand new" as the selection
        # and the script receives it as a str.
        artifact="AppTest's Selectbox cannot hold a value outside its options (accept_new_options)",
    ),
    case(
        "selectbox_format_func_and_ints",
        """
        v = st.selectbox("S", [10, 20, 30], format_func=lambda n: f"{n} items", index=2, key="s")
        show(v, type(v).__name__)
        """,
        act("selectbox", "s", "select", 20),
    ),
    case(
        "selectbox_index_out_of_range",
        """
        st.selectbox("S", ["x"], index=3)
        """,
    ),
    # ------------------------------------------------------------------ multiselect
    case(
        "multiselect_defaults_select_unselect",
        """
        a = st.multiselect("A", ["x", "y", "z"], key="a")
        b = st.multiselect("B", ["x", "y", "z"], default="y", key="b")
        c = st.multiselect("C", ["x", "y", "z"], default=("x", "z"), key="c")
        show(a, b, c)
        """,
        act("multiselect", "a", "select", "z"),
        act("multiselect", "c", "unselect", "x"),
        act("multiselect", "b", "set_value", ["z", "x"]),
    ),
    case(
        "multiselect_default_not_in_options",
        """
        st.multiselect("M", ["a", "b"], default=["z"])
        """,
    ),
    case(
        "multiselect_max_selections_exceeded_by_default",
        """
        st.multiselect("M", ["a", "b"], default=["a", "b"], max_selections=1)
        """,
    ),
    case(
        "multiselect_max_selections_exceeded_by_state",
        """
        st.session_state.m = ["a", "b"]
        st.multiselect("M", ["a", "b", "c"], key="m", max_selections=1)
        """,
    ),
    case(
        "multiselect_max_selections_zero",
        """
        st.multiselect("M", ["a"], max_selections=0)
        """,
    ),
    case(
        "multiselect_invalid_state_items_dropped",
        """
        if "m" not in st.session_state:
            st.session_state.m = ["a", "zz"]
        show(st.multiselect("M", ["a", "b"], key="m"), st.session_state.m)
        """,
        run(),
    ),
    # ------------------------------------------------------------------ slider
    case(
        "slider_kinds_defaults",
        """
        import datetime
        a = st.slider("int")
        b = st.slider("float", 0.0, 1.0)
        c = st.slider("range", 0, 100, (20, 80))
        d = st.slider("one", 0, 10, [3])
        e = st.slider("date", value=datetime.date(2024, 5, 17))
        f = st.slider("time", value=datetime.time(12, 0))
        show(a, b, c, d, e, f)
        """,
        set_value("slider", 0, 42),
        set_value("slider", 2, (10, 30)),
    ),
    case(
        "slider_set_range_and_floats",
        """
        v = st.slider("R", 0.0, 10.0, (1.5, 2.5), step=0.5, key="r")
        show(v)
        """,
        act("slider", "r", "set_range", 3.0, 7.5),
    ),
    case(
        "slider_default_outside_widens_and_swapped_bounds",
        """
        show(st.slider("A", 0, 10, 20), st.slider("B", 10, 0, 5))
        """,
    ),
    case(
        "slider_min_equals_max",
        """
        st.slider("S", 5, 5)
        """,
    ),
    case(
        "slider_mixed_types",
        """
        st.slider("S", 0, 1.5)
        """,
    ),
    case(
        "slider_step_zero",
        """
        st.slider("S", 0, 10, step=0)
        """,
    ),
    case(
        "slider_state_write_out_of_range_raises",
        """
        st.session_state.s = st.session_state.get("next", -1)
        st.slider("S", 0, 10, key="s")
        """,
        state("next", 99),
    ),
    case(
        "slider_state_write_wrong_shape_returned",
        """
        if "s" not in st.session_state:
            st.session_state.s = (2, 3)
        show(st.slider("S", 0, 10, key="s"))
        """,
        run(),
    ),
    # ------------------------------------------------------------------ select_slider
    case(
        "select_slider_default_and_range",
        """
        a = st.select_slider("A", ["s", "m", "l"], key="a")
        b = st.select_slider("B", ["s", "m", "l", "xl"], value=("xl", "m"), key="b")
        show(a, b)
        """,
        set_value("select_slider", "a", "l"),
        act("select_slider", "b", "set_range", "s", "l"),
    ),
    case(
        "select_slider_empty_options",
        """
        st.select_slider("S", [])
        """,
    ),
    case(
        "select_slider_value_not_in_options",
        """
        st.select_slider("S", ["a", "b"], value="z")
        """,
    ),
    case(
        "select_slider_invalid_state_write_resets",
        """
        if "s" not in st.session_state:
            st.session_state.s = "zz"
        show(st.select_slider("S", ["a", "b", "c"], value="b", key="s"))
        """,
        run(),
    ),
    # ------------------------------------------------------------------ number_input
    case(
        "number_input_kinds",
        """
        a = st.number_input("float")
        b = st.number_input("int", value=5)
        c = st.number_input("min", min_value=3)
        d = st.number_input("none", value=None, key="d")
        show(a, b, c, d, type(a).__name__, type(b).__name__)
        """,
        act("number_input", 1, "increment"),
        act("number_input", 0, "decrement"),
        set_value("number_input", "d", 2.5),
    ),
    case(
        "number_input_mixed_types",
        """
        st.number_input("N", min_value=0, max_value=1.5)
        """,
    ),
    case(
        "number_input_min_greater_than_max",
        """
        st.number_input("N", min_value=10, max_value=0)
        """,
    ),
    case(
        "number_input_default_below_min",
        """
        st.number_input("N", min_value=5, max_value=10, value=1)
        """,
    ),
    case(
        "number_input_state_write_out_of_range_resets",
        """
        if "n" not in st.session_state:
            st.session_state.n = 50
        show(st.number_input("N", 0, 10, key="n"), st.session_state.n)
        """,
        run(),
    ),
    # ------------------------------------------------------------------ text
    case(
        "text_input_value_conversion_and_max_chars",
        """
        a = st.text_input("A", 5)
        b = st.text_input("B", "abcdef", max_chars=3, key="b")
        c = st.text_input("C", value=None, key="c", type="password")
        show(a, b, c)
        """,
        act("text_input", "b", "input", "xyz"),
        act("text_input", "c", "input", "secret"),
    ),
    case(
        "text_input_bad_type",
        """
        st.text_input("T", type="email")
        """,
    ),
    case(
        "text_area_input",
        """
        v = st.text_area("Notes", "line 1\\nline 2", height=200, key="notes")
        show(v)
        """,
        act("text_area", "notes", "input", "changed\\ntext"),
        run(),
    ),
    # ------------------------------------------------------------------ date / time
    case(
        "date_input_values",
        """
        import datetime
        a = st.date_input("A", datetime.date(2024, 5, 17), key="a")
        b = st.date_input("B", datetime.datetime(2024, 5, 17, 10, 30))
        c = st.date_input("C", "2023-01-02")
        d = st.date_input("D", [datetime.date(2024, 1, 1), datetime.date(2024, 1, 9)], key="d")
        e = st.date_input("E", [])
        f = st.date_input("F", None)
        show(a, b, c, d, e, f)
        """,
        set_value("date_input", "a", __import__("datetime").date(2024, 6, 1)),
        set_value("date_input", "d", (__import__("datetime").date(2024, 2, 1),)),
    ),
    case(
        "date_input_default_below_min",
        """
        import datetime
        st.date_input("D", datetime.date(2020, 1, 1), min_value=datetime.date(2021, 1, 1))
        """,
    ),
    case(
        "date_input_state_write_bounds",
        """
        import datetime
        if "a" not in st.session_state:
            st.session_state.a = datetime.date(2090, 1, 1)
            st.session_state.b = datetime.date(2090, 1, 1)
            st.session_state.c = datetime.datetime(2024, 1, 1, 9, 0)
        a = st.date_input("A", datetime.date(2024, 1, 1), key="a")
        b = st.date_input("B", datetime.date(2024, 1, 1), max_value=datetime.date(2025, 1, 1), key="b")
        c = st.date_input("C", datetime.date(2024, 1, 1), key="c")
        show(a, b, c)
        """,
        run(),
    ),
    case(
        "time_input_values",
        """
        import datetime
        a = st.time_input("A", datetime.time(8, 45), key="a")
        b = st.time_input("B", "13:30")
        c = st.time_input("C", datetime.datetime(2024, 1, 1, 7, 15, 42))
        d = st.time_input("D", datetime.time(7, 15, 42), step=1)
        e = st.time_input("E", None)
        show(a, b, c, d, e)
        """,
        set_value("time_input", "a", __import__("datetime").time(9, 0)),
        act("time_input", "a", "increment"),
    ),
    case(
        "time_input_bad_step",
        """
        import datetime
        st.time_input("T", datetime.time(1, 0), step=0)
        """,
    ),
    # ------------------------------------------------------------------ color_picker
    case(
        "color_picker_values",
        """
        a = st.color_picker("A", key="a")
        b = st.color_picker("B", "#abc")
        c = st.color_picker("C", None)
        show(a, b, c)
        """,
        act("color_picker", "a", "pick", "#FF0000"),
    ),
    case(
        "color_picker_invalid_default",
        """
        st.color_picker("C", "red")
        """,
    ),
    case(
        "color_picker_state_write_not_validated",
        """
        if "c" not in st.session_state:
            st.session_state.c = "notacolor"
        show(st.color_picker("C", key="c"))
        """,
        run(),
    ),
    # ------------------------------------------------------------------ cross-widget
    case(
        "uncoerced_state_writes_normalise_next_run",
        """
        import datetime, enum

        class E(enum.Enum):
            A = "a"
            B = "b"

        if "init" not in st.session_state:
            st.session_state.init = True
            st.session_state.sl = 2.5
            st.session_state.ms = ("x",)
            st.session_state.ss = "b"
            st.session_state.en = E.B
            st.session_state.dt = datetime.datetime(2024, 3, 3, 10, 0)
            st.session_state.ti = datetime.datetime(2024, 3, 3, 10, 7)
            st.session_state.rng = [2, 5]
        show(st.slider("sl", 0, 10, key="sl"))
        show(st.multiselect("ms", ["x", "y"], key="ms"))
        show(st.select_slider("ss", ["a", "b", "c"], key="ss"))
        show(st.radio("en", list(E), key="en"))
        show(st.date_input("dt", datetime.date(2024, 1, 1), key="dt"))
        show(st.time_input("ti", datetime.time(9, 0), key="ti"))
        show(st.slider("rng", 0, 10, (1, 9), key="rng"))
        """,
        run(),
        run(),
    ),
    case(
        "format_func_duplicates_steps_and_temporal_sliders",
        """
        import datetime

        ff = lambda x: "odd" if x % 2 else "even"
        show(st.multiselect("M", [1, 2, 3, 4], format_func=ff, key="m"))
        show(st.select_slider("S", [1, 2, 3], format_func=ff, key="s"))
        show(st.slider("F", 0.0, 1.0, 0.1, step=0.1, key="f"))
        show(st.number_input("N", 0.0, 1.0, 0.1, step=0.1, format="%.1f", key="n"))
        show(st.slider("D", datetime.date(2024, 1, 1), datetime.date(2024, 2, 1), datetime.date(2024, 1, 10),
                       step=datetime.timedelta(days=7), key="d"))
        show(st.slider("T", value=datetime.time(8, 0), step=datetime.timedelta(minutes=30), key="t"))
        show(st.slider("DT", value=datetime.datetime(2024, 1, 1, 8, 0), key="dt"))
        """,
        set_value("multiselect", "m", [1, 2]),
        set_value("select_slider", "s", 1),
        set_value("slider", "f", 0.30000000000000004),
        act("number_input", "n", "increment"),
        act("number_input", "n", "increment"),
    ),
    # ------------------------------------------------------------------ buttons
    case(
        "button_basic",
        """
        show(st.button("Primary", type="primary", key="p"), st.button("Icon", icon=":material/add:"))
        """,
        click("p"),
        click(1),
    ),
    case(
        "download_button_data_kinds",
        """
        a = st.download_button("Text", "hello", file_name="a.txt", key="a")
        b = st.download_button("Bytes", b"\\x00\\x01", file_name="b.bin", mime="application/octet-stream")
        show(a, b)
        """,
        click("a", "download_button"),
        click(1, "download_button"),
    ),
    case(
        "download_button_on_click_ignore",
        """
        st.session_state.runs = st.session_state.get("runs", 0) + 1
        v = st.download_button("D", "data", key="dl", on_click="ignore")
        show(v, st.session_state.runs)
        """,
        click("dl", "download_button"),
        run(),
        # In a browser a click on an on_click="ignore" download button only downloads: no rerun,
        # so the script never sees True. AppTest runs the script because the test calls run().
        artifact="AppTest reruns on run() even for a click the browser would not send (on_click='ignore')",
    ),
    case(
        "form_submit_button_basic",
        """
        with st.form("f"):
            n = st.number_input("N", 0, 10, 1, key="n")
            ok = st.form_submit_button("OK", type="primary")
        show(n, ok)
        """,
        set_value("number_input", "n", 4, run=False),
        click(0),
        run(),
    ),
    # ------------------------------------------------------------------ chat_input
    case(
        "chat_input_top_level_goes_to_bottom",
        """
        st.text("main")
        msg = st.chat_input("Ask", key="q")
        if msg:
            with st.chat_message("user"):
                st.write(msg)
        """,
        set_value("chat_input", "q", "What is 2+2?"),
        run(),
    ),
    case(
        "chat_input_inside_container_in_place",
        """
        with st.container():
            msg = st.chat_input("Ask", key="q")
        with st.sidebar:
            side = st.chat_input("Side", key="s")
        show(msg, side)
        """,
        set_value("chat_input", "q", "inline"),
        set_value("chat_input", "s", "sidebar"),
    ),
    # ------------------------------------------------------------------ file_uploader
    case(
        "file_uploader_single",
        """
        f = st.file_uploader("Upload", type=["txt"], key="u")
        if f is not None:
            show(f.name, f.type, f.size, f.read())
        else:
            show(None)
        """,
        act("file_uploader", "u", "upload", "notes.txt", b"hello", "text/plain"),
        run(),
        act("file_uploader", "u", "clear"),
    ),
    case(
        "file_uploader_multiple",
        """
        files = st.file_uploader("Upload", accept_multiple_files=True, key="u")
        show([(f.name, f.getvalue()) for f in files])
        """,
        act("file_uploader", "u", "set_value", [("a.csv", b"1,2", "text/csv"), ("b.csv", b"3", "text/csv")]),
        run(),
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_widgets(case: Case) -> None:
    check_case(case)
