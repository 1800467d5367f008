"""§3 Widget state lifecycle: registration, stale cleanup, when cleanup is skipped, quirks."""

from __future__ import annotations

import pytest

from tests.conformance.harness import Case, act, case, check_case, click, params, run, state

CASES: list[Case] = [
    case(
        "registered_value_readable_before_widget_next_run",
        """
        show("before", st.session_state.get("t", "<missing>"))
        st.text_input("T", "d", key="t")
        show("after", st.session_state.get("t", "<missing>"))
        """,
        act("text_input", "t", "input", "x"),
        run(),
    ),
    case(
        "hidden_widget_cleaned_up_after_run",
        """
        visible = st.checkbox("show", True)
        show("before", st.session_state.get("t", "<missing>"))
        if visible:
            st.text_input("T", "dflt", key="t")
        show("after", st.session_state.get("t", "<missing>"))
        """,
        act("text_input", "t", "input", "hello"),
        act("checkbox", 0, "uncheck"),
        run(),
        act("checkbox", 0, "check"),
    ),
    case(
        "hidden_unkeyed_widget_resets_on_return",
        """
        if st.checkbox("show", True):
            show(st.number_input("N", 0, 10, 2))
        """,
        act("number_input", 0, "set_value", 6),
        act("checkbox", 0, "uncheck"),
        act("checkbox", 0, "check"),
    ),
    case(
        "cleanup_skipped_on_stop",
        """
        if st.checkbox("stop early"):
            st.text("stopping")
            st.stop()
        show(st.text_input("T", "dflt", key="t"))
        """,
        act("text_input", "t", "input", "kept"),
        act("checkbox", 0, "check"),
        run(),
        act("checkbox", 0, "uncheck"),
    ),
    case(
        "cleanup_skipped_on_exception",
        """
        if st.checkbox("fail"):
            raise ValueError("boom")
        show(st.text_input("T", "dflt", key="t"))
        """,
        act("text_input", "t", "input", "kept"),
        act("checkbox", 0, "check"),
        run(),
        act("checkbox", 0, "uncheck"),
    ),
    case(
        "cleanup_skipped_on_rerun",
        """
        st.session_state.setdefault("phase", 0)
        if st.session_state.phase == 1:
            st.session_state.phase = 2
            st.rerun()
        show(st.session_state.phase, st.text_input("T", "dflt", key="t"))
        """,
        act("text_input", "t", "input", "kept"),
        state("phase", 1),
        run(),
    ),
    case(
        "interrupted_run_then_completed_run_cleans",
        """
        if st.checkbox("fail"):
            raise ValueError("boom")
        if st.checkbox("hide"):
            pass
        else:
            st.text_input("T", "dflt", key="t")
        show(sorted(st.session_state.keys()))
        """,
        act("text_input", "t", "input", "kept"),
        act("checkbox", 0, "check"),
        act("checkbox", 0, "uncheck"),
        act("checkbox", 1, "check"),
        run(),
    ),
    case(
        "cleanup_skipped_on_callback_exception",
        """
        def cb():
            raise RuntimeError("callback failed")

        st.checkbox("trigger", key="trig", on_change=cb)
        show(st.text_input("T", "dflt", key="t"))
        """,
        act("text_input", "t", "input", "kept"),
        act("checkbox", "trig", "check"),
        run(),
    ),
    case(
        "stale_key_quirk_write_to_hidden_widget_key",
        """
        st.session_state.n = st.session_state.get("n", 0) + 1
        n = st.session_state.n
        if n == 1:
            st.text_input("T", key="t")
        if n == 2:
            st.session_state.t = "x"
        show(n, st.session_state.get("t", "<missing>"), "t" in st.session_state, sorted(st.session_state.keys()))
        """,
        run(),
        run(),
        run(),
        run(),
    ),
    case(
        "never_widget_key_persists",
        """
        st.session_state.n = st.session_state.get("n", 0) + 1
        n = st.session_state.n
        if n == 2:
            st.session_state.u = "x"
        show(n, st.session_state.get("u", "<missing>"))
        """,
        run(),
        run(),
        run(),
    ),
    case(
        "user_keys_survive_widget_cleanup",
        """
        st.session_state.setdefault("user", {"a": 1})
        if st.checkbox("show", True):
            st.slider("S", key="s")
        show(sorted(st.session_state.keys()))
        """,
        act("checkbox", 0, "uncheck"),
        run(),
    ),
    case(
        "reinit_pattern_recreates_cleaned_key",
        """
        if "t" not in st.session_state:
            st.session_state.t = "init"
        if st.checkbox("show", True):
            show(st.text_input("T", key="t"))
        show(st.session_state.t)
        """,
        act("text_input", "t", "input", "typed"),
        act("checkbox", 0, "uncheck"),
        run(),
        act("checkbox", 0, "check"),
        run(),
    ),
    case(
        "hidden_then_shown_in_same_completed_chain",
        """
        st.session_state.setdefault("k", 0)
        if st.session_state.k == 1:
            st.session_state.k = 2
            st.rerun()
        if st.session_state.k != 2:
            show(st.text_input("T", key="t"))
        else:
            show("hidden", st.session_state.get("t", "<missing>"))
        """,
        act("text_input", "t", "input", "v"),
        state("k", 1),
        run(),
        state("k", 0),
    ),
    case(
        "persist_state_session_keeps_hidden_value",
        """
        if st.checkbox("show", True):
            show(st.text_input("T", key="t", persist_state="session"))
        show(st.session_state.get("t", "<missing>"))
        """,
        act("text_input", "t", "input", "remember me"),
        act("checkbox", 0, "uncheck"),
        run(),
        act("checkbox", 0, "check"),
    ),
    case(
        "fragment_only_run_cleans_only_fragment_widgets",
        """
        st.session_state.setdefault("frag_runs", 0)

        @st.fragment(key="f")
        def frag():
            st.session_state.frag_runs += 1
            if st.session_state.frag_runs < 3:
                st.text_input("inner", key="inner")
            st.text(f"fragment run {st.session_state.frag_runs}")

        frag()
        st.text_input("outside", key="outside")
        st.button("go", key="go", on_click=lambda: st.rerun("f"))
        show(sorted(st.session_state.keys()))
        """,
        act("text_input", "outside", "input", "keep me"),
        click("go"),
        run(),
        # The keyed rerun runs only the fragment: "inner" (not rendered) is stale, "outside"
        # is not. AppTest's tree then holds only the fragment; a browser keeps showing the rest.
        artifact="fragment-only run: AppTest's element tree contains only the rerun fragment",
    ),
    case(
        "widget_in_sidebar_cleanup",
        """
        if st.checkbox("show", True):
            st.sidebar.selectbox("S", ["a", "b"], key="s")
        show(st.session_state.get("s", "<missing>"))
        """,
        act("selectbox", "s", "select", "b"),
        act("checkbox", 0, "uncheck"),
        run(),
        act("checkbox", 0, "check"),
    ),
    case(
        "button_state_after_hiding",
        """
        if st.checkbox("show", True):
            st.button("B", key="b")
        show(st.session_state.get("b", "<missing>"))
        """,
        click("b"),
        act("checkbox", 0, "uncheck"),
        run(),
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_lifecycle(case: Case) -> None:
    check_case(case)
