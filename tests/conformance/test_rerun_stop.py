"""§8 Rerun, stop, uncaught exceptions (incl. inside the sidebar), rerun scope errors."""

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
    state,
)


def _break_script(at: object) -> None:
    """Replace the script with one that does not compile (AppTest re-reads it every run)."""
    path = at._script_path  # type: ignore[attr-defined]
    with open(path, "w", encoding="utf-8") as f:
        f.write("import streamlit as st\nst.text('x'\n")
    at.run()  # type: ignore[attr-defined]


_break_script.__name__ = "script edited: syntax error, run"


CASES: list[Case] = [
    case(
        "rerun_chain_runs_in_one_run_call",
        """
        st.session_state.setdefault("bodies", 0)
        st.session_state.bodies += 1
        st.text(f"body {st.session_state.bodies}")
        if st.session_state.bodies % 3:
            st.rerun()
        st.text("end")
        """,
        run(),
    ),
    case(
        "rerun_resets_triggers_keeps_values",
        """
        st.session_state.setdefault("log", [])
        t = st.text_input("T", key="t")
        b = st.button("B", key="b")
        st.session_state.log.append((t, b))
        if b:
            st.rerun()
        show(st.session_state.log)
        """,
        act("text_input", "t", "input", "v"),
        click("b"),
    ),
    case(
        "rerun_stops_execution_at_call",
        """
        st.session_state.setdefault("n", 0)
        st.session_state.n += 1
        if st.session_state.n == 1:
            st.text("first body")
            st.rerun()
            st.text("never")
        st.text(f"body {st.session_state.n}")
        """,
    ),
    case(
        "endless_rerun_times_out",
        """
        st.session_state.n = st.session_state.get("n", 0) + 1
        st.rerun()
        """,
        timeout=1,
        # A browser session would keep rerunning (the app shows as running) until the user stops it.
        artifact='AppTest stops a run after default_timeout seconds and raises RuntimeError',
    ),
    case(
        "stop_keeps_rendered_elements",
        """
        st.title("Title")
        st.text_input("T", key="t")
        if not st.session_state.t:
            st.warning("Please type something")
            st.stop()
        st.success(f"Hello {st.session_state.t}")
        """,
        act("text_input", "t", "input", "Ada"),
        act("text_input", "t", "input", ""),
    ),
    case(
        "stop_inside_sidebar_and_container",
        """
        st.text("main before")
        with st.sidebar:
            st.text("side before")
            with st.container():
                st.text("inner")
                st.stop()
        st.text("never")
        """,
    ),
    case(
        "uncaught_exception_appended_to_main",
        """
        st.text("one")
        st.checkbox("C", key="c")
        raise ValueError("boom\\n  ")
        """,
        act("checkbox", "c", "check"),
    ),
    case(
        "uncaught_exception_inside_sidebar_goes_to_main",
        """
        st.text("main content")
        with st.sidebar:
            st.text("sidebar content")
            raise RuntimeError("from the sidebar")
        """,
    ),
    case(
        "uncaught_exception_inside_columns_and_expander",
        """
        left, right = st.columns(2)
        left.text("left")
        with right:
            with st.expander("E"):
                st.text("in expander")
                1 / 0
        """,
    ),
    case(
        "uncaught_exception_inside_form",
        """
        with st.form("f"):
            st.text_input("T")
            raise TypeError("in form")
        """,
    ),
    case(
        "custom_exception_class_type_name",
        """
        class MyErr(Exception):
            pass

        st.text("x")
        raise MyErr("custom")
        """,
    ),
    case(
        "exception_with_empty_message",
        """
        raise ValueError()
        """,
    ),
    case(
        "exception_keyerror_repr_message",
        """
        {}["missing"]
        """,
    ),
    case(
        "st_exception_explicit",
        """
        try:
            raise ValueError("shown explicitly")
        except ValueError as e:
            st.exception(e)
        st.text("continues")
        """,
    ),
    case(
        "st_exception_streamlit_error",
        """
        from streamlit.errors import StreamlitAPIException

        st.exception(StreamlitAPIException("api **markdown**"))
        raise StreamlitAPIException("uncaught api")
        """,
    ),
    case(
        "st_write_exception",
        """
        st.write(KeyError("k"))
        """,
    ),
    case(
        "rerun_fragment_key_in_body_rejected",
        """
        st.rerun(scope="bogus")
        """,
    ),
    case(
        "rerun_empty_scope_rejected",
        """
        attempt(lambda: st.rerun(""))
        attempt(lambda: st.rerun([]))
        attempt(lambda: st.rerun(["app"]))
        attempt(lambda: st.rerun([1.5]))
        attempt(lambda: st.rerun([""]))
        attempt(lambda: st.rerun(b"app"))
        """,
    ),
    case(
        "rerun_fragment_key_from_callback_runs_only_fragment",
        """
        st.session_state.setdefault("log", [])

        @st.fragment(key="charts")
        def charts():
            st.session_state.log.append("fragment")
            st.text("in fragment")

        charts()

        def cb():
            st.session_state.log.append("cb")
            st.rerun(st.session_state.get("target", "charts"))

        b = st.button("B", on_click=cb)
        st.session_state.log.append(("body", b))
        show(st.session_state.log)
        """,
        click(0),
        run(),
        state("target", "unknown"),
        click(0),
        # A keyed rerun reruns only the fragment: AppTest's tree then holds only the fragment's
        # block, while a browser keeps the rest of the page (the button, the log) on screen.
        artifact="fragment-only run: AppTest's element tree contains only the rerun fragment",
    ),
    case(
        "rerun_fragment_key_escalated_by_other_callback",
        """
        st.session_state.setdefault("log", [])

        @st.fragment(key="charts")
        def charts():
            st.session_state.log.append("fragment")

        charts()
        st.checkbox("A", key="a", on_change=lambda: st.rerun("charts"))
        st.checkbox("B", key="b", on_change=lambda: st.session_state.log.append("cb b"))
        st.session_state.log.append("body")
        show(st.session_state.log)
        """,
        act("checkbox", "a", "check", run=False),
        act("checkbox", "b", "check"),
        act("checkbox", "a", "uncheck"),
        # After a fragment-only run AppTest's tree holds only the fragment (a browser keeps
        # the rest of the page on screen), so the widgets outside it cannot be found.
        # A keyed rerun reruns only the fragment: AppTest's tree then holds only the fragment's
        # block, while a browser keeps the rest of the page (the button, the log) on screen.
        artifact="fragment-only run: AppTest's element tree contains only the rerun fragment",
    ),
    case(
        "rerun_fragment_scope_during_fragment_run",
        """
        st.session_state.setdefault("log", [])

        @st.fragment(key="f")
        def frag():
            st.session_state.log.append("frag")
            if st.session_state.log.count("frag") == 2:
                st.rerun(scope="fragment")
            st.text("in frag")

        frag()
        st.button("go", key="go", on_click=lambda: st.rerun("f"))
        st.session_state.log.append("body")
        show(st.session_state.log)
        """,
        click("go"),
        run(),
        # st.rerun(scope="fragment") inside a fragment-only run reruns just that fragment.
        # AppTest's tree then holds only the fragment; a browser keeps the rest of the page.
        artifact="fragment-only run: AppTest's element tree contains only the rerun fragment",
    ),
    case(
        "widget_in_fragment_reruns_whole_script",
        """
        st.session_state.setdefault("log", [])

        @st.fragment
        def frag():
            st.session_state.log.append("frag")
            if st.button("inside", key="b"):
                st.session_state.log.append("clicked")

        frag()
        st.session_state.log.append("body")
        show(st.session_state.log)
        """,
        click("b"),
        run(),
        # A browser reruns only the fragment for a click inside it (log: frag, clicked);
        # AppTest always runs the whole script.
        artifact="AppTest runs the whole script for an interaction inside a fragment",
    ),
    case(
        "rerun_invalid_scope_type",
        """
        st.rerun(scope=5)
        """,
    ),
    case(
        "rerun_fragment_scope_outside_fragment",
        """
        st.text("before")
        st.rerun(scope="fragment")
        """,
    ),
    case(
        "rerun_scope_app_explicit",
        """
        st.session_state.n = st.session_state.get("n", 0) + 1
        if st.session_state.n < 2:
            st.rerun(scope="app")
        show(st.session_state.n)
        """,
    ),
    case(
        "compile_error_renders_nothing",
        """
        st.text("never")
        def broken(:
            pass
        """,
    ),
    case(
        "compile_error_after_good_runs",
        """
        st.session_state.x = 1
        if st.checkbox("C", key="c"):
            st.text("checked")
        """,
        act("checkbox", "c", "check"),
        _break_script,
    ),
    case(
        "exception_after_rerun_in_chain",
        """
        st.session_state.n = st.session_state.get("n", 0) + 1
        st.text(f"run {st.session_state.n}")
        if st.session_state.n == 1:
            st.rerun()
        raise ValueError(f"failed in run {st.session_state.n}")
        """,
    ),
    case(
        "stop_then_next_interaction",
        """
        st.session_state.setdefault("log", [])
        b = st.button("B", key="b")
        st.session_state.log.append(b)
        if b:
            st.stop()
        show(st.session_state.log, st.session_state.b)
        """,
        click("b"),
        run(),
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_rerun_stop(case: Case) -> None:
    check_case(case)
