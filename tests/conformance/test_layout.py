"""Layout containers (sidebar, columns, tabs, expander, container, empty, popover, form, chat
message, status, dialog) and element handles updated later, against Streamlit's AppTest.

Besides the harness's tree comparison, ``attrs`` records the block attributes AppTest
documents (``Column.weight``, ``Tab.label``, ``Status.state`` ...) and ``subtree`` records
blocks that live outside main/sidebar (a dialog is in the event container).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conformance.harness import (
    Case,
    _named,
    _node,
    act,
    case,
    check_case,
    click,
    params,
    run,
    set_value,
)
from tests.conformance.test_elements import attrs

Action = Callable[[Any], Any]


def subtree(kind: str) -> Action:
    """Record every node of a type (``at.get(kind)``, anywhere in the tree) as the harness sees it."""

    def step(at: Any) -> None:
        at.session_state[f"_subtree_{kind}"] = [repr(_node(n)) for n in at.get(kind)]

    return _named(step, f"subtree({kind})")


CASES: list[Case] = [
    # ------------------------------------------------------------------ sidebar
    case(
        "sidebar_with_block_and_attribute_style",
        """
        st.sidebar.title("Side title")
        with st.sidebar:
            st.text("in sidebar")
            n = st.number_input("N", key="n", value=1)
        st.sidebar.button("Side button", key="sb")
        st.text(f"main sees {n}")
        """,
        set_value("number_input", "n", 5),
        click("sb"),
    ),
    case(
        "sidebar_exception_goes_to_main",
        """
        st.text("main first")
        with st.sidebar:
            st.text("side")
            raise ValueError("in sidebar")
        """,
    ),
    case(
        "sidebar_cannot_be_used_in_container",
        """
        attempt(lambda: st.container().sidebar)
        with st.container():
            attempt(lambda: st.sidebar.text("x"))
        """,
    ),
    # ------------------------------------------------------------------ columns
    case(
        "columns_weights_and_gap",
        """
        a, b, c = st.columns([3, 1, 2], gap="large")
        a.text("a")
        with b:
            st.text("b")
        c.metric("c", 1)
        d, e = st.columns(2, gap=None, vertical_alignment="bottom", border=True)
        d.text("d")
        e.text("e")
        """,
        attrs("columns", "weight", "gap"),
    ),
    case(
        "columns_nested_and_in_sidebar",
        """
        outer1, outer2 = st.columns(2)
        with outer1:
            inner1, inner2 = st.columns(2)
            inner1.text("inner 1")
            inner2.text("inner 2")
        outer2.text("outer 2")
        with st.sidebar:
            s1, s2 = st.sidebar.columns(2)
            s1.text("side col 1")
            s2.button("side col button", key="scb")
        """,
        attrs("columns", "weight", "gap"),
        click("scb"),
    ),
    case(
        "columns_invalid_specs",
        """
        attempt(lambda: st.columns(0))
        attempt(lambda: st.columns([]))
        attempt(lambda: st.columns([1, -1]))
        attempt(lambda: st.columns("3"))
        attempt(lambda: st.columns(2, gap="huge"))
        """,
    ),
    case(
        "columns_too_deep_in_sidebar",
        """
        with st.sidebar:
            a, b = st.columns(2)
            with a:
                attempt(lambda: st.columns(2))
        """,
    ),
    case(
        "columns_three_levels_and_alignment",
        """
        a, b = st.columns(2)
        with a:
            c, d = st.columns(2)
            with c:
                attempt(lambda: st.columns(2))
        attempt(lambda: st.columns(2, vertical_alignment="middle"))
        e, f = st.columns([0.3, 0.7], gap="small", width=400)
        e.text("e")
        """,
        attrs("columns", "weight", "gap"),
    ),
    # ------------------------------------------------------------------ tabs
    case(
        "tabs_with_and_method_style",
        """
        t1, t2, t3 = st.tabs(["One", "Two", ":material/star: Three"])
        with t1:
            st.text("first tab")
            st.checkbox("tick", key="tick")
        t2.text("second tab")
        t3.write("third")
        """,
        attrs("tabs", "label"),
        act("checkbox", "tick", "check"),
    ),
    case(
        "tabs_invalid",
        """
        attempt(lambda: st.tabs([]))
        attempt(lambda: st.tabs("abc"))
        attempt(lambda: st.tabs(["a", 1]))
        """,
    ),
    # ------------------------------------------------------------------ expander
    case(
        "expander_label_icon_and_content",
        """
        with st.expander("Details", expanded=True, icon="🔍"):
            st.text("hidden text")
            st.button("inner", key="inner")
        ex = st.expander("Method style")
        ex.text("added via handle")
        ex.markdown("**md**")
        """,
        attrs("expander", "label", "icon"),
        click("inner"),
    ),
    case(
        "expander_nested_is_allowed",
        """
        with st.expander("outer"):
            with st.expander("inner"):
                st.text("nested")
        """,
    ),
    # ------------------------------------------------------------------ container
    case(
        "container_border_height_and_order",
        """
        c = st.container(border=True)
        st.text("after container")
        c.text("written later into the container")
        with st.container(height=200, key="box"):
            st.text("scrolling content")
        with st.container(horizontal=True):
            st.button("h1", key="h1")
            st.button("h2", key="h2")
        """,
        click("h2"),
    ),
    case(
        "container_invalid_height",
        """
        attempt(lambda: st.container(height=0))
        attempt(lambda: st.container(height="tall"))
        """,
    ),
    case(
        "container_keys_and_errors",
        """
        with st.container(key="panel"):
            st.text("keyed")
        attempt(lambda: st.container(key="panel"))
        attempt(lambda: st.container(horizontal_alignment="middle"))
        attempt(lambda: st.container(gap="huge"))
        st.container(border=False, gap=None).text("no gap")
        """,
    ),
    # ------------------------------------------------------------------ empty / placeholders
    case(
        "empty_placeholder_replaced",
        """
        ph = st.empty()
        st.text("below")
        ph.text("first")
        ph.markdown("second replaces first")
        ph2 = st.empty()
        ph2.text("to be cleared")
        ph2.empty()
        st.empty()
        """,
    ),
    case(
        "empty_with_container_and_clear",
        """
        ph = st.empty()
        with ph.container():
            st.text("one")
            st.text("two")
        holder = st.empty()
        with holder:
            st.text("context managed")
        if st.button("clear", key="clear"):
            ph.empty()
        """,
        click("clear"),
        run(),
    ),
    case(
        "empty_handle_returned_by_element",
        """
        t = st.text("original")
        t.text("replaced via element handle")
        m = st.markdown("md")
        m.empty()
        st.text("end")
        """,
    ),
    case(
        "placeholder_updated_by_widget",
        """
        ph = st.empty()
        v = st.slider("v", 0, 10, 3, key="v")
        ph.text(f"value {v}")
        """,
        set_value("slider", "v", 8),
    ),
    case(
        "empty_reused_and_in_sidebar",
        """
        ph = st.empty()
        ph.text("one")
        ph.empty()
        ph.text("two after clearing")
        side = st.sidebar.empty()
        side.markdown("sidebar placeholder")
        with st.empty():
            st.text("first in with")
            st.text("second in with replaces")
        box = st.empty()
        box.columns(2)[0].text("columns in a placeholder")
        """,
    ),
    # ------------------------------------------------------------------ popover
    case(
        "popover_content",
        """
        with st.popover("Open me", help="pop help"):
            st.text("inside popover")
            name = st.text_input("Name", key="name")
        p = st.popover("Second")
        p.text("method style")
        st.text(f"name={name}")
        """,
        set_value("text_input", "name", "Ada"),
    ),
    # ------------------------------------------------------------------ form
    case(
        "form_nested_with_columns",
        """
        with st.form("f"):
            c1, c2 = st.columns(2)
            a = c1.text_input("A", key="a")
            b = c2.number_input("B", key="b", value=1)
            sub = st.form_submit_button("Go")
        st.text(f"{a}|{b}|{sub}")
        """,
        set_value("text_input", "a", "x", run=False),
        set_value("number_input", "b", 4, run=False),
        click(0),
    ),
    # ------------------------------------------------------------------ chat_message
    case(
        "chat_message_names_and_avatars",
        """
        with st.chat_message("user"):
            st.text("hi")
        with st.chat_message("assistant"):
            st.markdown("hello")
        msg = st.chat_message("bot", avatar="🤖")
        msg.write("method style")
        with st.chat_message("ai"):
            st.text("ai alias")
        with st.chat_message("human"):
            st.text("human alias")
        """,
        attrs("chat_message", "name", "avatar"),
    ),
    case(
        "chat_message_invalid",
        """
        attempt(lambda: st.chat_message(""))
        attempt(lambda: st.chat_message("x", avatar=5))
        """,
    ),
    # ------------------------------------------------------------------ status
    case(
        "status_states_and_update",
        """
        with st.status("Downloading...", expanded=True) as s:
            st.text("step 1")
            s.update(label="Done!", state="complete", expanded=False)
        e = st.status("Failing", state="error")
        e.text("details")
        r = st.status("Running")
        """,
        attrs("status", "label", "icon", "state"),
    ),
    case(
        "status_invalid_state",
        """
        attempt(lambda: st.status("x", state="weird"))
        s = st.status("y")
        attempt(lambda: s.update(state="nope"))
        """,
    ),
    case(
        "status_exception_inside_and_late_update",
        """
        s = st.status("Working")
        s.update(label="Changed after creation", expanded=True)
        try:
            with st.status("Will fail") as f:
                st.text("before error")
                raise ValueError("inside status")
        except ValueError:
            pass
        with st.status("Ok") as ok:
            st.text("fine")
        ok.update(state="complete")
        """,
        attrs("status", "label", "icon", "state"),
    ),
    case(
        "chat_message_with_widgets_and_icons",
        """
        with st.chat_message("assistant", avatar=":material/smart_toy:"):
            st.write("pick one")
            choice = st.radio("choice", ["a", "b"], key="r")
        with st.chat_message("user", avatar="https://example.com/me.png"):
            st.text(f"I chose {choice}")
        """,
        attrs("chat_message", "name", "avatar"),
        set_value("radio", "r", "b"),
    ),
    # ------------------------------------------------------------------ dialog
    case(
        "dialog_opened_by_button",
        """
        @st.dialog("Confirm")
        def confirm(item):
            st.text(f"Delete {item}?")
            if st.button("Yes", key="yes"):
                st.session_state.deleted = item
                st.rerun()

        if st.button("Delete", key="del"):
            confirm("file.txt")
        st.text(f"deleted={st.session_state.get('deleted')}")
        """,
        subtree("dialog"),
        click("del"),
        subtree("dialog"),
        click("yes"),
        subtree("dialog"),
    ),
    case(
        "dialog_width_and_dismissible",
        """
        @st.dialog("Wide", width="large", dismissible=False)
        def wide():
            st.text("wide body")

        wide()
        st.text("page")
        """,
        subtree("dialog"),
    ),
    case(
        "dialog_nested_is_an_error",
        """
        @st.dialog("inner")
        def inner():
            st.text("inner")

        @st.dialog("outer")
        def outer():
            inner()

        outer()
        """,
        subtree("dialog"),
    ),
    case(
        "dialog_two_in_one_run_and_missing_title",
        """
        @st.dialog("First")
        def first():
            st.text("first body")

        @st.dialog("Second")
        def second():
            st.text("second body")

        first()
        attempt(second)
        attempt(lambda: st.dialog("")(lambda: None))
        """,
        subtree("dialog"),
    ),
    case(
        "dialog_widget_state_across_reruns",
        """
        @st.dialog("Form dialog")
        def ask():
            name = st.text_input("Name", key="dname")
            if st.button("Submit", key="submit"):
                st.session_state.result = name
                st.rerun()

        if "result" not in st.session_state:
            if st.button("Open", key="open"):
                ask()
        else:
            st.text(f"result={st.session_state.result}")
        """,
        click("open"),
        subtree("dialog"),
        set_value("text_input", "dname", "Ada", run=False),
        click("submit"),
        subtree("dialog"),
    ),
    # ------------------------------------------------------------------ element handles
    case(
        "handles_progress_and_empty",
        """
        bar = st.progress(0, text="starting")
        ph = st.empty()
        for i in range(3):
            bar.progress((i + 1) * 30, text=f"step {i}")
            ph.text(f"iteration {i}")
        st.text("done")
        """,
        attrs("progress", "value", "text"),
    ),
    case(
        "handles_into_blocks_later",
        """
        tab_a, tab_b = st.tabs(["A", "B"])
        col1, col2 = st.columns(2)
        exp = st.expander("E")
        st.text("main end")
        col2.text("late col2")
        tab_b.text("late tab b")
        exp.text("late expander")
        tab_a.text("late tab a")
        col1.text("late col1")
        """,
    ),
    case(
        "handles_chained_containers",
        """
        c = st.container()
        inner = c.container(border=True)
        inner.columns(2)[1].text("deep")
        c.text("after inner")
        st.sidebar.expander("side exp").text("sidebar expander")
        """,
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_layout(case: Case) -> None:
    check_case(case)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name) for c in CASES])
def test_script_compiles(case: Case) -> None:
    """A script that does not compile would fail the same way in both drivers and prove nothing."""
    compile(case.script, case.name, "exec")
