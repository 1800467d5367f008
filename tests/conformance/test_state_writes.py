"""§4 Setting widget state through ``st.session_state``: before/after creation, no coercion, None."""

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
    case(
        "write_before_creation_wins_over_default",
        """
        if st.session_state.get("init", True):
            st.session_state.s = 7
            st.session_state.init = False
        show(st.slider("S", 0, 10, value=3, key="s"))
        """,
        run(),
        set_value("slider", "s", 2),
        run(),
    ),
    case(
        "write_after_creation_raises",
        """
        s = st.slider("My Slider", 1, 10, 5, key="my_slider")
        st.text("created")
        st.session_state.my_slider = 7
        st.text("never")
        """,
    ),
    case(
        "write_after_creation_caught_and_state_unchanged",
        """
        st.text_input("T", "a", key="t")
        try:
            st.session_state["t"] = "b"
        except Exception as e:
            show(type(e).__name__, type(e).__mro__[1].__name__, str(e))
        show(st.session_state.t)
        """,
    ),
    case(
        "write_after_creation_non_identifier_key",
        """
        st.checkbox("C", key="my key")
        st.session_state["my key"] = True
        """,
    ),
    case(
        "update_after_creation_raises",
        """
        st.number_input("N", key="n")
        st.session_state.update({"other": 1, "n": 3})
        """,
    ),
    case(
        "write_form_key_after_form_raises",
        """
        with st.form("f"):
            st.text_input("T")
            st.form_submit_button()
        st.session_state.f = 1
        """,
    ),
    case(
        "write_form_key_before_form_raises",
        """
        st.session_state.f = 1
        with st.form("f"):
            st.form_submit_button()
        """,
    ),
    case(
        "write_then_user_change_then_write_again",
        """
        def bump():
            st.session_state.num = st.session_state.num + 10

        st.button("bump", on_click=bump)
        show(st.number_input("N", 0, 100, 5, key="num"))
        """,
        click(0),
        set_value("number_input", "num", 1),
        click(0),
        run(),
    ),
    case(
        "no_coercion_checkbox_int_normalises_next_run",
        """
        if "c" not in st.session_state:
            st.session_state.c = 1
        v = st.checkbox("C", key="c")
        show(v, type(v).__name__, st.session_state.c)
        """,
        run(),
        run(),
    ),
    case(
        "no_coercion_number_input_float_on_int",
        """
        if "n" not in st.session_state:
            st.session_state.n = 3.7
        v = st.number_input("N", 0, 10, 1, key="n")
        show(v, type(v).__name__)
        """,
        run(),
    ),
    case(
        "text_input_max_chars_ss_write_whole_then_truncated",
        """
        if "t" not in st.session_state:
            st.session_state.t = "abcdefghij"
        show(st.text_input("T", max_chars=3, key="t"))
        """,
        run(),
        run(),
    ),
    case(
        "none_write_text_input_and_area",
        """
        st.session_state.a = None
        st.session_state.b = None
        show(st.text_input("A", "dflt", key="a"), st.text_area("B", "dflt", key="b"))
        """,
        run(),
    ),
    case(
        "none_write_number_input",
        """
        if "n" not in st.session_state:
            st.session_state.n = None
        show(st.number_input("N", 0, 10, 4, key="n"))
        """,
        run(),
        set_value("number_input", "n", 8),
    ),
    case(
        "none_write_radio_selectbox",
        """
        if "r" not in st.session_state:
            st.session_state.r = None
            st.session_state.s = None
        show(st.radio("R", ["x", "y"], key="r"), st.selectbox("S", ["x", "y"], key="s"))
        """,
        run(),
        set_value("radio", "r", "y"),
    ),
    case(
        "none_write_time_input",
        """
        import datetime
        if "t" not in st.session_state:
            st.session_state.t = None
        show(st.time_input("T", datetime.time(8, 30), key="t"))
        """,
        run(),
    ),
    case(
        "none_write_checkbox_type_error",
        """
        st.session_state.c = None
        st.checkbox("C", key="c")
        """,
    ),
    case(
        "str_write_checkbox_type_error",
        """
        st.session_state.c = "yes"
        st.toggle("C", key="c")
        """,
    ),
    case(
        "int_write_checkbox_accepted_float_rejected",
        """
        st.session_state.c = 2
        st.session_state.d = 1.0
        show(st.checkbox("C", key="c"))
        show(st.checkbox("D", key="d"))
        """,
    ),
    case(
        "int_write_text_input_type_error",
        """
        if "t" not in st.session_state:
            st.session_state.t = 5
        show(st.text_input("T", key="t"))
        """,
        run(),
    ),
    case(
        "driver_write_acts_like_script_write_no_callback",
        """
        def cb():
            st.session_state.calls = st.session_state.get("calls", 0) + 1

        show(st.text_input("T", "dflt", key="t", on_change=cb), st.session_state.get("calls", 0))
        """,
        state("t", "from test"),
        run(),
        act("text_input", "t", "input", "typed"),
        # A browser has no between-runs write: the value would come from a callback or the script,
        # and the text box would show the written value after the rerun.
        artifact='AppTest applies at.session_state writes as a script write at the top of the next run and re-sends them as the widget value',
    ),
    case(
        "programmatic_write_never_fires_on_change",
        """
        def cb():
            st.session_state.calls = st.session_state.get("calls", 0) + 1

        s = st.slider("S", 0, 10, key="s", on_change=cb)
        show(s, st.session_state.get("calls", 0))

        def setter():
            st.session_state.s = 9

        st.button("program", on_click=setter)
        """,
        click(0),
        run(),
        set_value("slider", "s", 3),
        run(),
    ),
    case(
        "callback_write_to_other_widget_wins",
        """
        def on_a():
            st.session_state.c = 9

        st.checkbox("A", key="a", on_change=on_a)
        show(st.slider("C", 0, 10, 1, key="c"))
        """,
        act("checkbox", "a", "check"),
        run(),
    ),
    case(
        "write_before_rerun_counts_in_rerun_run",
        """
        st.session_state.setdefault("go", False)
        if st.session_state.go:
            st.session_state.go = False
            st.session_state.s = 4
            st.rerun()
        show(st.slider("S", 0, 10, 1, key="s"))
        """,
        state("go", True),
        run(),
    ),
    case(
        "default_and_state_write_no_ui_warning",
        """
        st.session_state.my_slider = 7
        slider = st.slider(label="Choose a Value", min_value=1, max_value=10, value=5, key="my_slider")
        show(slider)
        """,
        run(),
    ),
    case(
        "write_to_widget_key_while_widget_hidden",
        """
        show_it = st.checkbox("show", True)
        if not show_it:
            st.session_state.t = "while hidden"
        if show_it:
            show(st.text_input("T", "dflt", key="t"))
        """,
        act("text_input", "t", "input", "typed"),
        act("checkbox", 0, "uncheck"),
        act("checkbox", 0, "check"),
        run(),
    ),
    case(
        "mutating_widget_state_in_place",
        """
        st.multiselect("M", ["a", "b", "c"], ["a"], key="m")
        if st.button("mutate"):
            st.session_state.m.append("b")
        show(st.session_state.m)
        """,
        click(0),
        run(),
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_state_writes(case: Case) -> None:
    check_case(case)
