"""§2 Widget identity: ids, duplicates, keyed vs unkeyed, whitelisted params, key collisions."""

from __future__ import annotations

import pytest

from tests.conformance.harness import Case, act, case, check_case, params, run, set_value, state

CASES: list[Case] = [
    case(
        "unkeyed_label_change_resets",
        """
        label = "Slider B" if st.session_state.get("rename") else "Slider A"
        show(st.slider(label, 0, 10, 2))
        """,
        set_value("slider", 0, 7),
        run(),
        state("rename", True),
    ),
    case(
        "keyed_label_change_keeps",
        """
        label = "Slider B" if st.session_state.get("rename") else "Slider A"
        show(st.slider(label, 0, 10, 2, key="s"))
        """,
        set_value("slider", "s", 7),
        state("rename", True),
        run(),
    ),
    case(
        "keyed_slider_min_value_is_whitelisted",
        """
        lo = st.session_state.get("lo", 0)
        show(st.slider("S", lo, 10, 5, key="s"))
        """,
        set_value("slider", "s", 8),
        state("lo", 1),
        run(),
    ),
    case(
        "keyed_slider_default_change_keeps",
        """
        dflt = st.session_state.get("dflt", 5)
        show(st.slider("S", 0, 10, dflt, key="s"))
        """,
        set_value("slider", "s", 8),
        state("dflt", 3),
    ),
    case(
        "keyed_radio_options_change_keeps",
        """
        opts = ["x", "y", "z"] if st.session_state.get("more") else ["x", "y"]
        show(st.radio("R", opts, key="r"))
        """,
        set_value("radio", "r", "y"),
        state("more", True),
        run(),
    ),
    case(
        "unkeyed_radio_options_change_resets",
        """
        opts = ["x", "y", "z"] if st.session_state.get("more") else ["x", "y"]
        show(st.radio("R", opts))
        """,
        set_value("radio", 0, "y"),
        state("more", True),
    ),
    case(
        "unkeyed_checkbox_value_param_is_identity",
        """
        dflt = st.session_state.get("dflt", False)
        show(st.checkbox("C", value=dflt))
        """,
        act("checkbox", 0, "check"),
        state("dflt", True),
        act("checkbox", 0, "uncheck"),
    ),
    case(
        "unkeyed_help_is_identity",
        """
        show(st.text_input("T", help=st.session_state.get("help")))
        """,
        act("text_input", 0, "input", "abc"),
        state("help", "some help"),
    ),
    case(
        "unkeyed_disabled_not_identity",
        """
        show(st.text_input("T", disabled=st.session_state.get("dis", False)))
        """,
        act("text_input", 0, "input", "abc"),
        state("dis", True),
        state("dis", False),
    ),
    case(
        "keyed_text_input_max_chars_whitelisted",
        """
        show(st.text_input("T", "abc", max_chars=st.session_state.get("mc", 10), key="t"))
        """,
        act("text_input", "t", "input", "hello"),
        state("mc", 8),
    ),
    case(
        "keyed_text_area_placeholder_change_keeps",
        """
        show(st.text_area("T", placeholder=st.session_state.get("ph", "a"), key="t"))
        """,
        act("text_area", "t", "input", "hello"),
        state("ph", "b"),
    ),
    case(
        "duplicate_auto_id_checkbox",
        """
        st.text("first")
        st.checkbox("A")
        st.checkbox("A")
        st.text("never")
        """,
    ),
    case(
        "duplicate_auto_id_ignores_disabled",
        """
        st.checkbox("A")
        st.checkbox("A", disabled=True)
        """,
    ),
    case(
        "duplicate_auto_id_ignores_format_func_and_callbacks",
        """
        st.radio("R", [1, 2])
        st.radio("R", [1, 2], on_change=lambda: None, label_visibility="hidden")
        """,
    ),
    case(
        "duplicate_auto_id_button",
        """
        st.button("Go")
        st.button("Go")
        """,
    ),
    case(
        "duplicate_auto_id_text_input",
        """
        st.text_input("Name")
        st.text_input("Name")
        """,
    ),
    case(
        "duplicate_auto_id_across_columns",
        """
        left, right = st.columns(2)
        left.checkbox("A")
        right.checkbox("A")
        """,
    ),
    case(
        "same_widget_main_sidebar_and_form_ok",
        """
        a = st.checkbox("A")
        b = st.sidebar.checkbox("A")
        with st.form("f"):
            c = st.checkbox("A")
            st.form_submit_button()
        show(a, b, c)
        """,
        act("checkbox", 1, "check"),
    ),
    case(
        "same_label_different_types_ok",
        """
        show(st.checkbox("A"), st.toggle("A"), st.button("A"))
        """,
        act("toggle", 0, "set_value", True),
    ),
    case(
        "duplicate_key_across_types",
        """
        st.text_input("T", key="k")
        st.checkbox("C", key="k")
        """,
    ),
    case(
        "duplicate_key_checked_before_id",
        """
        st.checkbox("A", key="k")
        st.checkbox("A", key="k")
        """,
    ),
    case(
        "duplicate_form_key",
        """
        with st.form("f"):
            st.form_submit_button()
        with st.form("f"):
            st.form_submit_button()
        """,
    ),
    case(
        "form_key_separate_namespace",
        """
        with st.form("k"):
            v = st.text_input("inside", key="inner")
            st.form_submit_button()
        t = st.text_input("T", key="k")
        show(t, sorted(st.session_state.keys()))
        """,
        act("text_input", "k", "input", "x"),
    ),
    case(
        "int_key_becomes_str",
        """
        show(st.checkbox("C", key=1), sorted(st.session_state.keys()), st.session_state["1"])
        """,
        act("checkbox", "1", "check"),
    ),
    case(
        "non_str_keys_converted",
        """
        st.checkbox("C", key=True)
        st.text_input("T", key=2.5)
        st.slider("S", key=("a", 1))
        show(sorted(st.session_state.keys()), st.session_state[True], st.session_state[2.5])
        attempt(lambda: st.checkbox("D", key=b""))
        """,
        act("checkbox", "True", "check"),
    ),
    case(
        "empty_key_rejected",
        """
        st.text("before")
        st.checkbox("C", key="")
        """,
    ),
    case(
        "reserved_key_rejected",
        """
        st.checkbox("C", key="$$IDx")
        """,
    ),
    case(
        "widget_key_adopts_existing_state",
        """
        if "k" not in st.session_state:
            st.session_state.k = "pre"
        show(st.text_input("T", "dflt", key="k"))
        """,
        run(),
        act("text_input", "k", "input", "typed"),
        run(),
    ),
    case(
        "duplicate_error_keeps_earlier_state",
        """
        a = st.text_input("A", key="a")
        st.text_input("B", key="b")
        if st.session_state.get("dup"):
            st.checkbox("X", key="a")
        st.text_input("C", key="c")
        """,
        act("text_input", "c", "input", "cc"),
        state("dup", True),
        state("dup", False),
    ),
    case(
        "keyed_selectbox_options_change",
        """
        opts = st.session_state.get("opts", ["a", "b", "c"])
        show(st.selectbox("S", opts, key="s"))
        """,
        act("selectbox", "s", "select", "b"),
        state("opts", ["b", "c"]),
        state("opts", ["c", "d"]),
    ),
    case(
        "keyed_multiselect_max_selections_whitelisted",
        """
        show(st.multiselect("M", ["a", "b", "c"], key="m", max_selections=st.session_state.get("mx", 3)))
        """,
        act("multiselect", "m", "select", "a"),
        state("mx", 2),
    ),
    case(
        "unkeyed_widget_moved_into_expander_keeps_id",
        """
        if st.session_state.get("moved"):
            with st.expander("E"):
                show(st.number_input("N", 0, 10, 1))
        else:
            show(st.number_input("N", 0, 10, 1))
        """,
        set_value("number_input", 0, 5),
        state("moved", True),
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_identity(case: Case) -> None:
    check_case(case)
