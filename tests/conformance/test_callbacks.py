"""§6 Callbacks: args/kwargs, order, what callbacks see, exceptions, rerun/stop, their output."""

from __future__ import annotations

import textwrap

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

LOG = """
st.session_state.setdefault("log", [])
log = st.session_state.log


def record(*item):
    log.append(item[0] if len(item) == 1 else item)
"""



def with_log(body: str) -> str:
    return textwrap.dedent(LOG) + textwrap.dedent(body)


CASES: list[Case] = [
    case(
        "args_are_from_previous_run",
        with_log("""
        st.session_state.n = st.session_state.get("n", 0) + 1
        n = st.session_state.n
        st.button("B", key="b", on_click=record, args=("cb", n))
        show(n, log)
        """),
        run(),
        click("b"),
    ),
    case(
        "kwargs_are_from_previous_run",
        with_log("""
        def cb(*, label, n):
            record(label, n)

        n = len(log)
        st.text_input("T", key="t", on_change=cb, kwargs={"label": f"lbl{n}", "n": n})
        show(log)
        """),
        act("text_input", "t", "input", "a"),
        act("text_input", "t", "input", "b"),
    ),
    case(
        "args_list_and_kwargs_together",
        with_log("""
        def cb(a, b, *, c):
            record(a, b, c)

        st.checkbox("C", key="c", on_change=cb, args=[1, "two"], kwargs={"c": 3.0})
        show(log)
        """),
        act("checkbox", "c", "check"),
    ),
    case(
        "several_changes_run_in_tree_order",
        with_log("""
        a = st.text_input("a", key="a", on_change=record, args=("a",))
        b = st.checkbox("b", key="b", on_change=record, args=("b",))
        c = st.slider("c", key="c", on_change=record, args=("c",))
        d = st.sidebar.text_input("d", key="d", on_change=record, args=("d",))
        show(log)
        """),
        set_value("slider", "c", 5, run=False),
        act("text_input", "a", "input", "x", run=False),
        act("checkbox", "b", "check", run=False),
        act("text_input", "d", "input", "y"),
        # In a browser several widgets only change at once in a form submit, where only the submit
        # button may have a callback; the callbacks' order is then the browser's map order.
        artifact='AppTest sends changed widgets in element-tree order (main, then sidebar); a browser uses its widget-state map order',
    ),
    case(
        "callback_sees_all_new_values_of_interaction",
        with_log("""
        def cb():
            record(st.session_state.a, st.session_state.b, st.session_state.c, st.session_state.go)

        st.text_input("a", key="a")
        st.checkbox("b", key="b")
        st.number_input("c", key="c", value=1)
        st.button("go", key="go", on_click=cb)
        show(log)
        """),
        act("text_input", "a", "input", "new", run=False),
        act("checkbox", "b", "check", run=False),
        click("go"),
    ),
    case(
        "callback_sees_previous_run_values_of_others",
        with_log("""
        st.session_state.setdefault("counter", 0)
        st.session_state.counter += 1

        def cb():
            record(st.session_state.counter, st.session_state.t)

        st.text_input("t", key="t", on_change=cb)
        """),
        run(),
        act("text_input", "t", "input", "v"),
    ),
    case(
        "callback_write_to_other_widget_and_later_callback_sees_it",
        with_log("""
        def cb_a():
            st.session_state.c = 9
            record("a", st.session_state.c)

        def cb_c():
            record("c", st.session_state.c)

        st.checkbox("A", key="a", on_change=cb_a)
        c = st.slider("C", 0, 10, key="c", on_change=cb_c)
        show(c, log)
        """),
        act("checkbox", "a", "check", run=False),
        set_value("slider", "c", 3),
    ),
    case(
        "callback_sets_its_own_widget",
        """
        def clamp():
            if st.session_state.n > 5:
                st.session_state.n = 5

        show(st.number_input("N", 0, 10, 1, key="n", on_change=clamp))
        """,
        set_value("number_input", "n", 8),
        set_value("number_input", "n", 3),
    ),
    case(
        "unchanged_value_fires_nothing",
        with_log("""
        st.text_input("T", key="t", on_change=record, args=("changed",))
        show(log)
        """),
        act("text_input", "t", "input", "same"),
        act("text_input", "t", "input", "same"),
        run(),
    ),
    case(
        "callback_output_goes_first",
        """
        def cb():
            st.write("from callback")
            st.text("also from callback")

        st.title("Title")
        st.button("B", key="b", on_click=cb)
        st.text("body end")
        """,
        click("b"),
        run(),
    ),
    case(
        "callback_output_to_sidebar",
        """
        def cb():
            st.sidebar.text("sidebar from callback")
            st.text("main from callback")

        st.sidebar.text("sidebar body")
        st.button("B", key="b", on_click=cb)
        """,
        click("b"),
    ),
    case(
        "exception_in_callback_skips_body_and_rest",
        with_log("""
        def bad():
            st.text("rendered before failing")
            raise ValueError("callback failed")

        def later():
            record("later")

        st.text("body")
        st.checkbox("A", key="a", on_change=bad)
        st.checkbox("B", key="b", on_change=later)
        show(log)
        """),
        act("checkbox", "a", "check", run=False),
        act("checkbox", "b", "check"),
        run(),
        act("checkbox", "b", "uncheck"),
    ),
    case(
        "exception_in_second_callback_keeps_first_writes",
        with_log("""
        def first():
            st.session_state.first = "done"

        def second():
            raise KeyError("second")

        st.checkbox("A", key="a", on_change=first)
        st.checkbox("B", key="b", on_change=second)
        show(log, st.session_state.get("first"))
        """),
        act("checkbox", "a", "check", run=False),
        act("checkbox", "b", "check"),
        run(),
    ),
    case(
        "streamlit_error_in_callback",
        """
        def cb():
            st.session_state["$$ID-bad"] = 1

        st.button("B", on_click=cb)
        """,
        click(0),
    ),
    case(
        "rerun_in_callback",
        with_log("""
        def cb():
            record("cb")
            st.rerun()
            record("not reached")

        b = st.button("B", key="b", on_click=cb)
        record(("body", b))
        show(log)
        """),
        click("b"),
    ),
    case(
        "rerun_in_one_callback_others_still_run",
        with_log("""
        def cb_a():
            record("a")
            st.rerun()

        def cb_b():
            record("b")

        st.checkbox("A", key="a", on_change=cb_a)
        st.checkbox("B", key="b", on_change=cb_b)
        record("body")
        show(log)
        """),
        act("checkbox", "a", "check", run=False),
        act("checkbox", "b", "check"),
    ),
    case(
        "stop_in_callback",
        with_log("""
        def cb():
            st.text("callback text")
            record("cb")
            st.stop()

        st.text("body")
        st.button("B", key="b", on_click=cb)
        """),
        click("b"),
        run(),
    ),
    case(
        "stop_in_first_callback_skips_rest",
        with_log("""
        def cb_a():
            record("a")
            st.text("a says stop")
            st.stop()
            record("a after stop")

        def cb_b():
            record("b")
            st.text("b ran")

        st.checkbox("A", key="a", on_change=cb_a)
        st.checkbox("B", key="b", on_change=cb_b)
        record("body")
        show(log)
        """),
        act("checkbox", "a", "check", run=False),
        act("checkbox", "b", "check"),
        run(),
    ),
    case(
        "form_submit_callback_rerun_and_errors",
        """
        st.session_state.setdefault("saved", [])

        def on_submit():
            st.session_state.saved.append(st.session_state.t)
            st.text("callback output")
            if st.session_state.t == "x":
                raise ValueError("bad value x")
            st.rerun()

        with st.form("f", clear_on_submit=True):
            st.text_input("T", key="t")
            st.form_submit_button(on_click=on_submit)
        st.text("body")
        if st.session_state.saved:
            raise RuntimeError("body error after callback")
        """,
        act("text_input", "t", "input", "abc", run=False),
        click(0),
        run(),
        act("text_input", "t", "input", "x", run=False),
        click(0),
    ),
    case(
        "callback_on_widget_hidden_this_run",
        with_log("""
        show_it = st.session_state.get("show", True)
        if show_it:
            st.text_input("T", key="t", on_change=record, args=("t changed",))
        show(log)
        """),
        act("text_input", "t", "input", "x", run=False),
        state("show", False),
    ),
    case(
        "callback_mode_strings_per_widget",
        """
        def cb():
            st.session_state.calls = st.session_state.get("calls", 0) + 1

        st.text_input("T", key="t", on_change="ignore")
        st.slider("S", key="s", on_change=cb)
        attempt(lambda: st.radio("R", ["a"], on_change="ignore", key="r"))
        attempt(lambda: st.button("B2", on_click="ignore"))
        attempt(lambda: st.chat_input("c", on_submit="rerun"))
        attempt(lambda: st.file_uploader("f", on_change="ignore"))
        attempt(lambda: st.download_button("d", "x", on_click="ignore", key="dl"))
        attempt(lambda: st.form_submit_button("x", on_click="rerun"))
        show(st.session_state.get("calls"))
        """,
        act("text_input", "t", "input", "x"),
        act("slider", "s", "set_value", 3),
    ),
    case(
        "callback_lambda_and_partial",
        with_log("""
        import functools

        st.button("L", key="l", on_click=lambda: record("lambda"))
        st.button("P", key="p", on_click=functools.partial(record, "partial"))
        show(log)
        """),
        click("l"),
        click("p"),
    ),
    case(
        "disabled_widget_callback_suppressed",
        with_log("""
        st.text_input("T", key="t", on_change=record, args=("cb",), disabled=True)
        show(log, st.session_state.t)
        """),
        act("text_input", "t", "input", "forged"),
    ),
    case(
        "callback_reading_missing_key_raises",
        """
        def cb():
            st.session_state.missing

        st.button("B", on_click=cb)
        st.text("body")
        """,
        click(0),
    ),
    case(
        "callback_deletes_widget_key",
        """
        def reset():
            del st.session_state["t"]

        st.button("reset", on_click=reset)
        show(st.text_input("T", "dflt", key="t"))
        """,
        act("text_input", "t", "input", "typed"),
        click(0),
        run(),
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_callbacks(case: Case) -> None:
    check_case(case)
