"""§7 Forms: staged values, submit callbacks, forbidden callbacks, nesting, clear_on_submit, keys."""

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
)

FORM = """
with st.form("f"):
    t = st.text_input("T", "dflt", key="t")
    n = st.slider("N", 0, 10, 1, key="n")
    submitted = st.form_submit_button("Submit")
show(t, n, submitted)
"""

CASES: list[Case] = [
    case(
        "submit_sends_all_form_values",
        FORM,
        act("text_input", "t", "input", "typed", run=False),
        set_value("slider", "n", 7, run=False),
        click(0),
        run(),
    ),
    case(
        "unsubmitted_edits_discarded_by_next_run",
        FORM + """
st.button("outside", key="outside")
""",
        act("text_input", "t", "input", "pending", run=False),
        click("outside"),
        click(0),
        # AppTest drops staged form values that were not submitted in that run. A browser keeps
        # "pending" in the text box, and the later submit would send it.
        artifact="AppTest discards unsubmitted staged form edits after the next run; a browser keeps them pending",
    ),
    case(
        "unsubmitted_edit_then_plain_run",
        FORM,
        act("text_input", "t", "input", "pending"),
        click(0),
        artifact="AppTest discards unsubmitted staged form edits after the next run; a browser keeps them pending",
    ),
    case(
        "submit_callback_sees_new_values",
        """
        def on_submit(tag):
            st.session_state.seen = (tag, st.session_state.t, st.session_state.sub)

        with st.form("f"):
            st.text_input("T", key="t")
            st.form_submit_button("Go", key="sub", on_click=on_submit, args=("cb",))
        show(st.session_state.get("seen"))
        """,
        act("text_input", "t", "input", "abc", run=False),
        click("sub"),
        run(),
    ),
    case(
        "form_submit_callback_kwargs",
        """
        def on_submit(*, mult):
            st.session_state.total = st.session_state.x * mult

        with st.form("f"):
            st.number_input("X", 0, 100, 2, key="x")
            st.form_submit_button(on_click=on_submit, kwargs={"mult": 10})
        show(st.session_state.get("total"))
        """,
        set_value("number_input", "x", 5, run=False),
        click(0),
    ),
    case(
        "callback_on_form_widget_rejected",
        """
        with st.form("f"):
            st.text("inside")
            st.checkbox("C", on_change=lambda: None)
            st.form_submit_button()
        """,
    ),
    case(
        "callback_on_form_widget_rejected_text_input",
        """
        form = st.form("f")
        form.text_input("T", on_change=print)
        """,
    ),
    case(
        "nested_form_rejected",
        """
        with st.form("outer"):
            st.text("outer")
            with st.form("inner"):
                st.form_submit_button()
            st.form_submit_button()
        """,
    ),
    case(
        "submit_button_outside_form_rejected",
        """
        st.text("before")
        st.form_submit_button("Go")
        """,
    ),
    case(
        "form_without_submit_button_no_error",
        """
        with st.form("f"):
            v = st.text_input("T", key="t")
        show(v)
        """,
        act("text_input", "t", "input", "x"),
    ),
    case(
        "clear_on_submit",
        """
        with st.form("f", clear_on_submit=True):
            v = st.text_input("T", "dflt", key="t")
            sub = st.form_submit_button()
        show(v, sub, st.session_state.t)
        """,
        act("text_input", "t", "input", "xyz", run=False),
        click(0),
        run(),
        click(0),
    ),
    case(
        "form_object_api",
        """
        form = st.form("f")
        a = form.text_input("A", key="a")
        b = form.selectbox("B", ["x", "y"], key="b")
        sub = form.form_submit_button("Send")
        st.text("after form")
        show(a, b, sub)
        """,
        act("text_input", "a", "input", "aa", run=False),
        act("selectbox", "b", "select", "y", run=False),
        click(0),
    ),
    case(
        "two_submit_buttons",
        """
        with st.form("f"):
            v = st.text_input("T", key="t")
            save = st.form_submit_button("Save")
            cancel = st.form_submit_button("Cancel")
        show(v, save, cancel, sorted(st.session_state.keys()))
        """,
        act("text_input", "t", "input", "x", run=False),
        click(1),
        click(0),
    ),
    case(
        "form_widgets_set_through_state",
        """
        if "t" not in st.session_state:
            st.session_state.t = "preset"
        with st.form("f"):
            v = st.text_input("T", "dflt", key="t")
            st.form_submit_button()
        show(v)
        """,
        run(),
        act("text_input", "t", "input", "user", run=False),
        click(0),
    ),
    case(
        "form_in_sidebar_and_columns",
        """
        with st.sidebar.form("side"):
            a = st.text_input("A", key="a")
            sa = st.form_submit_button("Side", key="side_go")
        with st.form("main"):
            c1, c2 = st.columns(2)
            b = c1.text_input("B", key="b")
            c = c2.checkbox("C", key="c")
            sb = st.form_submit_button("Main", key="main_go")
        show(a, sa, b, c, sb)
        """,
        act("text_input", "a", "input", "aa", run=False),
        click("side_go"),
        act("text_input", "b", "input", "bb", run=False),
        act("checkbox", "c", "check", run=False),
        click("main_go"),
    ),
    case(
        "form_key_not_in_state",
        """
        with st.form("my_form", border=False, enter_to_submit=False):
            st.number_input("N", key="n")
            st.form_submit_button()
        show("my_form" in st.session_state, sorted(st.session_state.keys()))
        """,
        click(0),
    ),
    case(
        "submit_button_disabled",
        """
        with st.form("f"):
            st.text_input("T", key="t")
            s = st.form_submit_button(disabled=True)
        show(s)
        """,
    ),
    case(
        "form_submit_then_rerun",
        """
        st.session_state.setdefault("saved", [])
        with st.form("f"):
            v = st.text_input("T", key="t")
            if st.form_submit_button():
                st.session_state.saved.append(v)
                st.rerun()
        show(st.session_state.saved)
        """,
        act("text_input", "t", "input", "one", run=False),
        click(0),
        act("text_input", "t", "input", "two", run=False),
        click(0),
    ),
    case(
        "seed_form_callback",
        """
        def form_callback():
            st.write(st.session_state.my_slider)
            st.write(st.session_state.my_checkbox)

        with st.form(key='my_form'):
            slider_input = st.slider('My slider', 0, 10, 5, key='my_slider')
            checkbox_input = st.checkbox('Yes or No', key='my_checkbox')
            submit_button = st.form_submit_button(label='Submit', on_click=form_callback)
        """,
        set_value("slider", "my_slider", 8, run=False),
        act("checkbox", "my_checkbox", "check", run=False),
        click(0),
        run(),
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_forms(case: Case) -> None:
    check_case(case)
