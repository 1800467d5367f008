"""``apptest.testing.AppTest`` is a drop-in for ``streamlit.testing.v1.AppTest``.

Every test here runs twice, once with Streamlit's own ``AppTest`` and once with ours (the
``AT`` fixture), with the same assertions: a behaviour is only asserted if Streamlit shows it
too. The few tests at the end cover what only apptest defines (gaps it reports clearly).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest

from apptest.testing import AppTest as OurAppTest

MISSING_KEY = (
    'st.session_state has no key "{}". Did you forget to initialize it? '
    "More info: https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization"
)
MISSING_ATTR = (
    'st.session_state has no attribute "{}". Did you forget to initialize it? '
    "More info: https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization"
)


@pytest.fixture(params=["streamlit", "apptest"])
def AT(request: pytest.FixtureRequest) -> Any:
    """The AppTest class under test: Streamlit's, then ours."""
    if request.param == "streamlit":
        from streamlit.testing.v1 import AppTest

        return AppTest
    return OurAppTest


def needs(*names: str) -> None:
    """Skip until the runtime provides these ``st`` names (other families land separately)."""
    from apptest.runtime.streamlit_api import st

    missing = [n for n in names if not hasattr(st, n)]
    if missing:
        pytest.skip(f"runtime has no st.{', st.'.join(missing)} yet")


def raised(fn: Any) -> tuple[str, str]:
    """(exception class name, message) raised by ``fn()``; the drivers must fail alike."""
    try:
        fn()
    except BaseException as e:
        return type(e).__name__, str(e)
    raise AssertionError("nothing was raised")


# ---------------------------------------------------------------------------------- seed doc
COUNTER = """
import streamlit as st

st.title("Counter Example")
if "count" not in st.session_state:
    st.session_state.count = 0

increment = st.button("Increment")
if increment:
    st.session_state.count += 1

st.write("Count = ", st.session_state.count)
"""


def test_counter_with_session_state(AT: Any) -> None:
    at = AT.from_string(COUNTER).run()
    assert at.title[0].value == "Counter Example"
    assert at.markdown[0].value == "Count =  `0`"
    assert at.button[0].value is False
    at.button[0].click().run()
    assert at.markdown[0].value == "Count =  `1`"
    assert at.button[0].value is True
    at.button[0].click().run()
    assert at.session_state.count == 2
    at.run()  # a plain rerun: the button is back to False
    assert at.button[0].value is False
    assert at.session_state["count"] == 2


CALLBACKS = """
import streamlit as st

if "count" not in st.session_state:
    st.session_state.count = 0

def increment_counter(increment_value=0):
    st.session_state.count += increment_value

def decrement_counter(decrement_value=0):
    st.session_state.count -= decrement_value

st.button("Increment", on_click=increment_counter, kwargs=dict(increment_value=5))
st.button("Decrement", on_click=decrement_counter, args=(1,))
st.write("Count = ", st.session_state.count)

def changed():
    st.session_state.log = st.session_state.get("log", []) + [st.session_state.name]

st.text_input("Name", key="name", on_change=changed)
"""


def test_callbacks_with_args_and_kwargs(AT: Any) -> None:
    at = AT.from_string(CALLBACKS).run()
    at.button[0].click().run()
    assert at.markdown[0].value == "Count =  `5`"
    at.button[1].click().run()
    assert at.session_state.count == 4
    assert at.markdown[0].value == "Count =  `4`"
    at.text_input(key="name").input("Ada").run()
    assert at.session_state.log == ["Ada"]
    at.run()  # same value again: no callback
    assert at.session_state.log == ["Ada"]
    at.text_input(key="name").set_value("Bo").run()
    assert at.session_state.log == ["Ada", "Bo"]


FORM = """
import streamlit as st

def form_callback():
    st.session_state.log = (st.session_state.my_text, st.session_state.my_checkbox)

with st.form(key="my_form"):
    text_input = st.text_input("My text", key="my_text")
    checkbox_input = st.checkbox("Yes or No", key="my_checkbox")
    submit_button = st.form_submit_button(label="Submit", on_click=form_callback)

st.write("submitted" if submit_button else "not submitted")
st.write(repr((text_input, checkbox_input)))
"""


def test_form_with_submit_callback(AT: Any) -> None:
    at = AT.from_string(FORM).run()
    assert "log" not in at.session_state
    assert at.form_submit_button[0].label == "Submit"
    assert at.form_submit_button[0].form_id == "my_form"
    assert at.text_input[0].form_id == "my_form"

    # Edits without a submit are discarded by the next run (spec Appendix B).
    at.text_input(key="my_text").input("hi")
    at.checkbox(key="my_checkbox").check()
    at.run()
    assert at.markdown.values == ["not submitted", "('', False)"]
    assert at.text_input(key="my_text").value == ""
    assert "log" not in at.session_state

    at.text_input(key="my_text").input("hi")
    at.checkbox(key="my_checkbox").check()
    at.button(key="FormSubmitter:my_form-Submit").click().run()
    assert at.session_state.log == ("hi", True)
    assert at.markdown.values == ["submitted", "('hi', True)"]

    at.run()  # the submitted values stay, the submit button resets
    assert at.markdown.values == ["not submitted", "('hi', True)"]
    assert at.session_state.my_text == "hi"


def test_form_clear_on_submit(AT: Any) -> None:
    script = """
import streamlit as st
with st.form("f", clear_on_submit=True):
    t = st.text_input("t", key="t")
    sent = st.form_submit_button("Send")
st.write(repr((t, sent)))
"""
    at = AT.from_string(script).run()
    at.text_input[0].input("one")
    at.form_submit_button[0].click().run()
    assert at.markdown[0].value == "('one', True)"
    at.form_submit_button[0].click().run()  # the field was cleared after the last submit
    assert at.markdown[0].value == "('', True)"


# ---------------------------------------------------------------------------------- documented errors
def test_missing_key_error_text(AT: Any) -> None:
    at = AT.from_string("import streamlit as st\nst.write(st.session_state['value'])").run()
    assert len(at.exception) == 1
    e = at.exception[0]
    assert e.value == repr(MISSING_KEY.format("value"))
    assert e.message == e.value
    assert e.proto.type == "KeyError"
    assert e.is_markdown is False
    assert e.type == "exception"

    at = AT.from_string("import streamlit as st\nst.write(st.session_state.value)").run()
    assert at.exception[0].value == MISSING_ATTR.format("value")
    assert at.exception[0].proto.type == "AttributeError"


def test_modifying_widget_state_after_instantiation(AT: Any) -> None:
    script = """
import streamlit as st
st.text_input("My text", key="my_text")
st.session_state.my_text = "x"
"""
    at = AT.from_string(script).run()
    e = at.exception[0]
    assert e.value == (
        "`st.session_state['my_text']` cannot be modified after the widget with that key is instantiated. "
        "Assign `st.session_state['my_text']` before creating the widget, or update it from an `on_change` or "
        "`on_click` callback, which runs before the widget is instantiated. If this is a read-only session "
        "state key (buttons, file and media inputs, `st.data_editor`, forms, chart or `ButtonColumn` "
        "selections), store the value under a different session state key."
    )
    assert e.is_markdown is True
    assert e.proto.type == "streamlit.errors.StreamlitWidgetAlreadyInstantiatedError"


def test_button_key_cannot_be_set(AT: Any) -> None:
    script = """
import streamlit as st
if "my_button" not in st.session_state:
    st.session_state.my_button = True
st.button("My button", key="my_button")
"""
    at = AT.from_string(script).run()
    e = at.exception[0]
    assert e.value == (
        "`st.session_state['my_button']` is read-only and cannot be assigned through session state. "
        "Use a different session state key for values you need to set."
    )
    assert e.proto.type == "streamlit.errors.StreamlitValueAssignmentNotAllowedError"
    assert at.button == []  # the exception replaced the widget


def test_uncaught_and_shown_exceptions(AT: Any) -> None:
    script = """
import streamlit as st
try:
    1 / 0
except ZeroDivisionError as e:
    st.exception(e)
st.error("bad")
raise ValueError("boom")
"""
    at = AT.from_string(script).run()
    assert [e.value for e in at.exception] == ["division by zero", "boom"]
    assert [e.proto.type for e in at.exception] == ["ZeroDivisionError", "ValueError"]
    assert at.exception[1].is_markdown is False
    assert 'raise ValueError("boom")' in at.exception[1].stack_trace[-1]
    assert at.error[0].value == "bad"
    assert len(at.main.children) == 3


# ---------------------------------------------------------------------------------- session state
STATE_APP = """
import streamlit as st
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.text_input("Text", key="t")
st.checkbox("Check", key="c")
st.write(repr(sorted(k for k in st.session_state.keys())))
"""


def test_session_state_between_runs(AT: Any) -> None:
    at = AT.from_string(STATE_APP)
    assert raised(lambda: at.session_state["runs"]) == (
        "KeyError",
        repr(MISSING_KEY.format("runs")),
    )
    at.session_state["seed"] = 1
    at.run()
    assert at.session_state["seed"] == 1
    assert at.session_state.runs == 1
    assert "seed" in at.session_state
    assert "nope" not in at.session_state
    assert sorted(at.session_state) == ["c", "runs", "seed", "t"]
    assert len(at.session_state) == 4
    assert at.session_state.to_dict() == {"seed": 1, "runs": 1, "t": "", "c": False}
    assert sorted(at.session_state.keys()) == ["c", "runs", "seed", "t"]
    assert dict(at.session_state.items()) == at.session_state.to_dict()
    assert sorted(map(repr, at.session_state.values())) == sorted(map(repr, [1, 1, "", False]))
    assert at.session_state.get("nope", 7) == 7
    assert raised(lambda: at.session_state["nope"]) == (
        "KeyError",
        repr(MISSING_KEY.format("nope")),
    )
    assert raised(lambda: at.session_state.nope) == (
        "AttributeError",
        "nope not found in session_state.",
    )

    at.session_state.seed = 2
    del at.session_state["runs"]
    at.run()
    assert at.session_state.seed == 2
    assert at.session_state.runs == 1  # deleted, then set again by the script
    assert at.markdown[0].value == "['c', 'runs', 'seed', 't']"

    del at.session_state.seed
    assert "seed" not in at.session_state
    assert raised(lambda: at.session_state.__delitem__("seed")) == (
        "KeyError",
        repr(MISSING_KEY.format("seed")),
    )
    assert raised(lambda: delattr(at.session_state, "seed")) == (
        "AttributeError",
        "seed not found in session_state.",
    )
    assert repr(at.session_state) == repr(at.session_state.to_dict())


def test_widget_value_written_through_session_state(AT: Any) -> None:
    script = """
import streamlit as st
def changed():
    st.session_state.calls = st.session_state.get("calls", 0) + 1
v = st.text_input("Text", key="t", on_change=changed)
st.write(repr(v))
"""
    at = AT.from_string(script).run()
    at.session_state["t"] = "from test"
    at.run()
    assert at.markdown[0].value == "'from test'"
    assert at.text_input(key="t").value == "from test"
    assert "calls" not in at.session_state  # sent as the widget's value too: no callback
    at.run()
    assert at.text_input[0].value == "from test"


def test_staged_values_apply_to_the_next_run_only(AT: Any) -> None:
    script = """
import streamlit as st
c = st.checkbox("Check")
t = st.toggle("Toggle", value=True)
b = st.button("Go")
st.write(repr((c, t, b)))
"""
    at = AT.from_string(script).run()
    at.checkbox[0].check()
    at.toggle[0].set_value(False)
    at.button[0].click()
    assert at.checkbox[0].value is True  # staged values read back before the run
    assert at.button[0].value is True
    at.run()
    assert at.markdown[0].value == "(True, False, True)"
    at.run()
    assert at.markdown[0].value == "(True, False, False)"
    at.checkbox[0].uncheck().run()
    assert at.markdown[0].value == "(False, False, False)"


def test_deleting_a_rendered_widget_key_breaks_the_next_run(AT: Any) -> None:
    script = """
import streamlit as st
st.text_input("t", key="k")
if st.session_state.get("go"):
    del st.session_state["k"]
"""
    at = AT.from_string(script).run()
    at.session_state["go"] = True
    at.run()
    name, message = raised(at.run)
    assert name == "KeyError"
    assert message.startswith("'st.session_state has no key \"$$ID-")
    assert message.endswith(
        '-k". Did you forget to initialize it? More info: '
        "https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization'"
    )


# ---------------------------------------------------------------------------------- elements
ELEMENTS = """
import streamlit as st
st.title("Title")
st.header("Header")
st.subheader("Sub")
st.markdown("**md**")
st.caption("cap")
st.text("plain")
st.code("x = 1", language="python")
st.json({"a": 1})
st.error("e")
st.warning("w", icon="⚠️")
st.info("i")
st.success("s")
st.text_input("Name", key="name", help="your name", placeholder="Ada", max_chars=5)
st.text_area("Bio", value="hello")
st.checkbox("Agree", value=True, disabled=True, key="agree")
st.button("Primary", type="primary", help="press")
st.sidebar.toggle("Dark", key="dark")
st.sidebar.markdown("side")
st.empty()
"""


def test_element_accessors_and_attributes(AT: Any) -> None:
    at = AT.from_string(ELEMENTS).run()
    assert at.title[0].value == "Title"
    assert at.title[0].tag == "h1"
    assert at.header[0].value == "Header"
    assert at.header[0].tag == "h2"
    assert at.subheader[0].value == "Sub"
    assert at.markdown.values == ["**md**", "side"]
    assert at.caption[0].value == "cap"
    assert at.caption[0].is_caption is True
    assert at.markdown[0].is_caption is False
    assert at.text[0].value == "plain"
    assert at.code[0].value == "x = 1"
    assert at.code[0].language == "python"
    assert at.json[0].value == '{"a": 1}'
    assert (at.error[0].value, at.warning[0].value, at.info[0].value, at.success[0].value) == (
        "e",
        "w",
        "i",
        "s",
    )
    assert at.warning[0].icon == "⚠️"
    assert [e.type for e in (at.error[0], at.warning[0], at.info[0], at.success[0])] == [
        "error",
        "warning",
        "info",
        "success",
    ]

    ti = at.text_input(key="name")
    assert (ti.label, ti.help, ti.placeholder, ti.max_chars, ti.value) == (
        "Name",
        "your name",
        "Ada",
        5,
        "",
    )
    assert ti.id.startswith("$$ID-") and ti.id.endswith("-name")
    assert ti.key == "name"
    assert ti.form_id == ""
    assert ti.disabled is False
    assert ti.type == "text_input"
    assert at.text_area[0].value == "hello"
    assert at.text_area[0].key is None
    assert at.checkbox[0].value is True
    assert at.checkbox[0].disabled is True
    assert at.button[0].proto.type == "primary"
    assert at.button[0].help == "press"
    assert at.button[0].type == "button"
    assert at.toggle(key="dark").value is False
    assert at.get("empty")[0].value is None

    assert raised(lambda: at.checkbox[0].check()) == (
        "AppTestError",
        "Cannot update a disabled checkbox widget (key='agree'). A browser user cannot interact with a "
        "disabled widget.",
    )
    assert raised(lambda: at.markdown[0].set_value(1)) == (
        "AppTestError",
        "set_value() is not supported for markdown. AppTest can inspect this element but does not implement "
        "interactions for it. Set its value through at.session_state if it has a key, or use a Playwright "
        "e2e test.",
    )
    ti.input("too long name")  # longer than max_chars: ignored, as a browser would
    assert ti.value == ""


DISPLAY = """
import pandas as pd
import streamlit as st
st.metric("m", 1, 2, help="h")
st.toast("toasty", icon="🔥")
st.progress(0.25, text="quarter")
st.divider()
st.latex("x^2")
df = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
st.dataframe(df)
st.data_editor(df, key="ed")
st.table(df)
st.html("<b>hi</b>")
st.help(len)
st.link_button("go", "https://example.com")
st.space("medium")
st.code("print(1)", line_numbers=True)
st.json({"b": [1, 2]}, expanded=False)
st.header("hdr", divider=True, anchor="a1")
st.page_link("https://example.com", label="ext")
st.image("https://example.com/x.png", caption="cap")
"""


def test_display_elements(AT: Any) -> None:
    needs(
        "metric",
        "toast",
        "progress",
        "divider",
        "latex",
        "dataframe",
        "data_editor",
        "table",
        "html",
    )
    needs("link_button", "space", "page_link", "image")
    at = AT.from_string(DISPLAY).run()
    assert [n.type for n in at] == [
        "root", "main", "metric", "progress", "divider", "latex", "dataframe", "dataframe", "table",
        "html", "help_info", "link_button", "space", "code", "json", "header", "page_link", "image",
        "sidebar", "event", "toast",
    ]  # fmt: skip
    assert (at.metric[0].value, at.metric[0].label, at.metric[0].delta, at.metric[0].help) == (
        "1",
        "m",
        "2",
        "h",
    )
    assert (at.toast[0].value, at.toast[0].icon) == ("toasty", "🔥")
    assert (at.progress[0].value, at.progress[0].text) == (25, "quarter")
    assert at.divider[0].value == "---"
    assert at.latex[0].value == "$$\nx^2\n$$"
    table = {"a": {0: 1, 1: 2}, "b": {0: "x", 1: "y"}}
    assert [d.value.to_dict() for d in at.dataframe] == [table, table]
    assert [d.editing_mode for d in at.dataframe] == ["read_only", "fixed"]
    assert len(at.data_editor) == 1
    assert at.data_editor[0].key == "ed"
    assert at.table[0].value.to_dict() == table
    assert at.get("html")[0].value == "<b>hi</b>"
    assert (at.help[0].value, at.help[0].name) == ("len", "len")
    assert at.get("link_button")[0].value == "go"
    assert at.get("space")[0].value == "medium"
    assert (at.code[0].value, at.code[0].show_line_numbers) == ("print(1)", True)
    assert (at.json[0].value, at.json[0].expanded) == ('{"b": [1, 2]}', False)
    assert (at.header[0].value, at.header[0].anchor) == ("hdr", "a1")
    assert at.get("page_link")[0].value == "ext"
    assert (at.get("image")[0].value, at.get("image")[0].captions) == (
        ["https://example.com/x.png"],
        ["cap"],
    )
    assert [repr(e) for e in list(at.main.children.values())[1:]] == [
        "Progress()", "Divider()", "Latex()", "Dataframe()", "Dataframe(key='ed')", "Table()", "Html()",
        "Help(name='len')", "LinkButton()", "Space(size='medium')",
        "Code(language='python', show_line_numbers=True)", "Json()", "Header(tag='h2', anchor='a1')",
        "PageLink()", "Image()",
    ]  # fmt: skip


def test_element_lists(AT: Any) -> None:
    at = AT.from_string(
        "import streamlit as st\nfor i in range(4):\n    st.text_input(f'T{i}', key=f't{i}', value=str(i))"
    ).run()
    inputs = at.text_input
    assert len(inputs) == 4
    assert inputs.len == 4
    assert inputs[1].label == "T1"
    assert inputs[-1].label == "T3"
    assert [w.label for w in inputs[1:3]] == ["T1", "T2"]
    assert type(inputs[1:3]).__name__ == "ElementList"
    assert inputs("t2").value == "2"
    assert inputs(key="t3").label == "T3"
    assert raised(lambda: inputs("nope")) == ("KeyError", "'nope'")
    assert list(inputs.values) == ["0", "1", "2", "3"]
    assert [w.key for w in inputs] == ["t0", "t1", "t2", "t3"]
    assert at.checkbox == []
    assert len(at.checkbox) == 0


def test_tree_navigation(AT: Any) -> None:
    at = AT.from_string(ELEMENTS).run()
    assert at.main.type == "main"
    assert at.sidebar.type == "sidebar"
    assert at[0] is at.main or at[0] == at.main
    assert list(at.main.children)[:3] == [0, 1, 2]
    assert at.main.children[0].value == "Title"
    assert at.main[0].value == "Title"
    assert len(at.main) == 17
    assert [e.value for e in at.sidebar.markdown] == ["side"]
    assert len(at.sidebar.toggle) == 1
    assert len(at.main.toggle) == 0
    assert at.get("button")[0].label == "Primary"
    assert at.get("title")[0].value == "Title"
    assert at.get_by_key("name").label == "Name"
    assert raised(lambda: at.get_by_key("missing")) == ("KeyError", "'missing'")
    types = [n.type for n in at]
    assert types[:3] == ["root", "main", "title"]
    assert types.count("markdown") == 2
    assert "sidebar" in types


def test_reprs(AT: Any) -> None:
    at = AT.from_string(
        "import streamlit as st\nst.markdown('hi')\nst.button('Go', key='go')\nst.text_input('T', key='t')"
    ).run()
    assert repr(at.markdown[0]) == "Markdown()"
    assert repr(at.markdown) == "ElementList(_list=[Markdown()])"
    assert repr(at.button[0]) == "Button(key='go', label='Go')"
    assert repr(at.text_input[0]) == "TextInput(key='t', _value=InitialValue(), label='T')"
    assert repr(at.main) == (
        "SpecialBlock(\n"
        "    type='main',\n"
        "    children={\n"
        "        0: Markdown(),\n"
        "        1: Button(key='go', label='Go'),\n"
        "        2: TextInput(key='t', _value=InitialValue(), label='T')\n"
        "    }\n"
        ")"
    )


# ---------------------------------------------------------------------------------- more widgets
SELECTION_AND_NUMBERS = """
import datetime as dt
import streamlit as st

sb = st.selectbox("sb", ["a", "b", "c"], key="sb")
sb2 = st.selectbox("sb2", [1, 2, 3], format_func=lambda x: f"n{x}", index=None, key="sb2")
r = st.radio("r", ["x", "y"], key="r", horizontal=True)
ms = st.multiselect("ms", ["p", "q", "s"], default=["p"], key="ms")
ss = st.select_slider("ss", ["lo", "mid", "hi"], value="mid", key="ss")
ssr = st.select_slider("ssr", ["lo", "mid", "hi"], value=("lo", "hi"), key="ssr")
sl = st.slider("sl", 0, 10, 5, key="sl")
slr = st.slider("slr", 0.0, 1.0, (0.2, 0.8), key="slr")
ni = st.number_input("ni", 0, 100, 10, step=5, key="ni")
nf = st.number_input("nf", value=1.5, key="nf")
di = st.date_input("di", dt.date(2024, 1, 2), key="di")
ti = st.time_input("ti", dt.time(8, 30), key="ti")
pl = st.pills("pl", ["u", "v"], key="pl")
sc = st.segmented_control("sc", ["e", "f"], selection_mode="multi", key="sc")
st.write(repr((sb, sb2, r, ms, ss, ssr, sl, slr, ni, nf, di, ti, pl, sc)))
"""


def test_selection_and_numeric_widgets(AT: Any) -> None:
    at = AT.from_string(SELECTION_AND_NUMBERS).run()
    assert at.markdown[0].value == (
        "('a', None, 'x', ['p'], 'mid', ('lo', 'hi'), 5, (0.2, 0.8), 10, 1.5, "
        "datetime.date(2024, 1, 2), datetime.time(8, 30), None, [])"
    )
    assert at.selectbox[0].options == ["a", "b", "c"]
    assert at.selectbox[1].options == ["n1", "n2", "n3"]
    assert (at.selectbox[0].index, at.selectbox[1].index, at.radio[0].index) == (0, None, 0)
    assert at.radio[0].horizontal is True
    assert list(at.multiselect[0].indices) == [0]
    assert (at.number_input[0].min, at.number_input[0].max, at.number_input[0].step) == (
        0.0,
        100.0,
        5.0,
    )
    assert (at.slider[0].min, at.slider[0].max) == (0, 10)

    at.selectbox[0].select("b")
    at.selectbox[1].select(3)
    at.radio[0].set_value("y")
    at.multiselect[0].select("s").unselect("p")
    at.select_slider[0].set_value("hi")
    at.select_slider[1].set_range("mid", "hi")
    at.slider[0].set_value(7)
    at.slider[1].set_range(0.1, 0.3)
    at.number_input[0].increment()
    at.number_input[1].decrement()
    at.date_input[0].set_value(dt.date(2025, 5, 6))
    at.time_input[0].increment()
    at.pills[0].select("v")
    at.segmented_control[0].select("f").select("e")
    assert at.date_input[0].value == (
        dt.date(2025, 5, 6),
    )  # AppTest reads a staged date as a tuple
    assert at.number_input[0].value == 15.0
    at.run()
    expected = (
        "('b', 3, 'y', ['s'], 'hi', ('mid', 'hi'), 7, (0.1, 0.3), 15, 1.49, "
        "datetime.date(2025, 5, 6), datetime.time(8, 45), 'v', ['f', 'e'])"
    )
    assert at.markdown[0].value == expected
    at.run()  # every value is sent back unchanged
    assert at.markdown[0].value == expected
    assert (at.selectbox[1].index, at.radio[0].index, list(at.multiselect[0].indices)) == (
        2,
        1,
        [2],
    )
    assert list(at.pills[0].indices) == [1]
    assert at.segmented_control[0].value == ["f", "e"]

    at.session_state["sb"] = "c"
    at.session_state["ms"] = ["q"]
    at.session_state["sl"] = 9
    at.run()
    assert at.markdown[0].value.startswith("('c', 3, 'y', ['q'], 'hi', ('mid', 'hi'), 9,")


def test_select_index_with_format_func_fails_like_apptest(AT: Any) -> None:
    # AppTest stages the option *label* and formats it again: "n3" -> "nn3" is not an option.
    script = """
import streamlit as st
st.selectbox("s", [1, 2, 3], format_func=lambda x: f"n{x}")
st.write(repr(st.selectbox("t", [1, 2, 3], format_func=lambda x: f"n{x + 0}")))
"""
    at = AT.from_string(script).run()
    at.selectbox[0].select_index(2)
    assert raised(at.run) == ("ValueError", "'nn3' is not in list")
    at = AT.from_string(script).run()
    at.selectbox[1].select_index(2)  # format_func fails on the label: the label is used as is
    at.run()
    assert at.markdown[0].value == "3"


LAYOUT = """
import streamlit as st
with st.container(key="box"):
    st.write("in container")
c1, c2 = st.columns([1, 3])
c1.button("b1")
with c2:
    st.text("right")
with st.form("f"):
    st.text_input("name", key="nm")
    st.form_submit_button("Go")
with st.expander("exp", icon="🔥"):
    st.markdown("x")
t1, t2 = st.tabs(["A", "B"])
t2.text("in B")
with st.chat_message("user"):
    st.write("hello")
with st.status("Working", state="complete"):
    st.text("done")
with st.sidebar:
    st.checkbox("cb")
with st.container():
    st.text("plain")
"""


def test_layout_blocks(AT: Any) -> None:
    needs("columns", "tabs", "expander", "chat_message", "status", "container")
    at = AT.from_string(LAYOUT).run()
    assert [n.type for n in at][:8] == [
        "root",
        "main",
        "flex_container",
        "markdown",
        "flex_container",
        "column",
        "button",
        "column",
    ]
    assert [c.weight for c in at.columns] == [0.25, 0.75]
    assert at.columns[1].text[0].value == "right"
    assert len(at.columns[0].button) == 1
    assert [t.label for t in at.tabs] == ["A", "B"]
    assert at.tabs[1].text[0].value == "in B"
    assert (at.expander[0].label, at.expander[0].icon) == ("exp", "🔥")
    assert at.expander[0].markdown[0].value == "x"
    assert at.form[0].key == "f"
    assert len(at.form[0].text_input) == 1
    assert (at.chat_message[0].name, at.chat_message[0].markdown[0].value) == ("user", "hello")
    assert (at.status[0].label, at.status[0].state) == ("Working", "complete")
    assert [c.key for c in at.container] == ["box", None]
    assert at.container("box").markdown[0].value == "in container"
    assert at.get_by_key("box").type == "flex_container"
    assert [len(at.get(n)) for n in ("tabs", "columns", "form", "expander", "container")] == [
        2,
        2,
        1,
        1,
        2,
    ]
    assert len(at.sidebar.checkbox) == 1


OTHER_WIDGETS = """
import streamlit as st
cp = st.color_picker("cp", "#00ff00", key="cp")
db = st.download_button("dl", b"data", file_name="x.bin", key="dl")
fb = st.feedback("stars", key="fb")
up = st.file_uploader("up", key="up")
ups = st.file_uploader("ups", accept_multiple_files=True, key="ups")
ci = st.chat_input("say", key="ci")
st.write(repr((cp, db, fb, up.name if up else None, [f.name for f in ups], ci)))
if up is not None:
    st.write(repr(up.getvalue()))
"""


def test_other_widgets(AT: Any) -> None:
    needs("color_picker", "download_button", "feedback", "file_uploader", "chat_input")
    at = AT.from_string(OTHER_WIDGETS).run()
    assert at.markdown.values == ["('#00ff00', False, None, None, [], None)"]
    at.color_picker[0].pick("ff0000")
    at.download_button[0].click()
    at.feedback[0].set_value(3)
    at.file_uploader[0].upload("a.txt", b"hello", "text/plain")
    at.file_uploader[1].upload("b.txt", b"1").upload("c.txt", b"2")
    at.chat_input[0].set_value("hi there")
    assert (at.color_picker[0].value, at.download_button[0].value, at.chat_input[0].value) == (
        "#ff0000",
        True,
        "hi there",
    )
    at.run()
    assert at.markdown.values == [
        "('#ff0000', True, 3, 'a.txt', ['b.txt', 'c.txt'], 'hi there')",
        "b'hello'",
    ]
    assert (at.chat_input[0].value, at.download_button[0].value) == ("hi there", True)
    at.run()  # triggers reset; uploaded files stay
    assert at.markdown.values == [
        "('#ff0000', False, 3, 'a.txt', ['b.txt', 'c.txt'], None)",
        "b'hello'",
    ]
    at.file_uploader[0].clear()
    at.run()
    assert at.markdown.values == ["('#ff0000', False, 3, None, ['b.txt', 'c.txt'], None)"]
    assert repr(at.file_uploader[0]) == "FileUploader(key='up', _files=InitialValue(), label='up')"


def test_camera_and_audio_inputs(AT: Any) -> None:
    needs("camera_input", "audio_input")
    script = """
import streamlit as st
c = st.camera_input("cam", key="cam")
a = st.audio_input("mic", key="mic")
st.write(repr((c.name if c else None, a.name if a else None, c.getvalue() if c else None)))
"""
    at = AT.from_string(script).run()
    cam = at.camera_input[0]
    assert raised(lambda: cam.set_value(("x.png", b"1", "image/jpeg"))) == (
        "AppTestError",
        "st.camera_input only captures .jpg files. Got filename 'x.png'.",
    )
    assert raised(lambda: cam.set_value(("x.jpg", b"1", "image/png"))) == (
        "AppTestError",
        "st.camera_input photos use MIME type 'image/jpeg'. Got 'image/png'.",
    )
    assert raised(lambda: cam.set_value([("x.jpg", b"1", "image/jpeg")])) == (
        "AppTestError",
        "st.camera_input captures one photo. A list is not accepted.",
    )
    assert raised(lambda: at.audio_input[0].upload("x.mp3", b"1")) == (
        "AppTestError",
        "st.audio_input only records .wav files. Got filename 'x.mp3'.",
    )
    cam.upload("shot.jpg", b"JPEG")
    at.audio_input[0].set_value(("clip.wav", b"RIFF", "Audio/WAV"))
    at.run()
    assert at.markdown.values == ["('shot.jpg', 'clip.wav', b'JPEG')"]
    at.run()  # the files stay
    assert at.markdown.values == ["('shot.jpg', 'clip.wav', b'JPEG')"]
    at.camera_input[0].clear()
    at.run()
    assert at.markdown.values == ["(None, 'clip.wav', None)"]
    assert (
        repr(at.audio_input[0])
        == "AudioInput(key='mic', _files=InitialValue(), label='mic', sample_rate=16000)"
    )


def test_secrets(AT: Any) -> None:
    needs("secrets")
    at = AT.from_string(
        "import streamlit as st\nst.text(st.secrets['api'])\nst.text(st.secrets.db.user)"
    )
    at.secrets["api"] = "k"
    at.secrets["db"] = {"user": "ada"}
    at.run()
    assert at.text.values == ["k", "ada"]


def test_navigation_switch_page_context_and_user(AT: Any, tmp_path: Path) -> None:
    needs("navigation", "Page", "context", "user")
    (tmp_path / "views").mkdir()
    (tmp_path / "views" / "one.py").write_text("import streamlit as st\nst.text('page one')\n")
    (tmp_path / "home.py").write_text("import streamlit as st\nst.text('home page')\n")
    app = tmp_path / "app.py"
    app.write_text(
        "import streamlit as st\n"
        "pg = st.navigation([st.Page('home.py'), st.Page('views/one.py')])\n"
        "pg.run()\n"
        "st.text(st.context.timezone or 'no tz')\n"
        "st.text(repr(st.user.to_dict()))\n"
    )
    at = AT.from_file(str(app))
    at.context["timezone"] = "Europe/Paris"
    at.user["name"] = "Ada"
    at.run()
    assert at.text.values == [
        "home page",
        "Europe/Paris",
        "{'email': 'test@example.com', 'name': 'Ada'}",
    ]
    at.switch_page("views/one.py").run()
    assert at.text.values[0] == "page one"
    at.run()
    assert at.text.values[0] == "page one"
    name, message = raised(lambda: at.switch_page("app.py"))
    assert name == "ValueError"
    assert message.startswith(f"Could not find a navigation page for {str(app.resolve())!r}.")
    at.context["bogus"] = 1
    assert raised(at.run) == (
        "AppTestError",
        "AppTest.context does not support 'bogus'. Supported keys: 'is_embedded', 'locale', 'theme', "
        "'timezone', 'timezone_offset', 'url'.",
    )
    del at.context["bogus"]
    at.context["theme"] = "blue"
    assert raised(at.run) == (
        "AppTestError",
        "AppTest.context['theme'] must be 'light' or 'dark', not 'blue'.",
    )
    at.context = {}
    at.user = []
    assert raised(at.run) == ("AppTestError", "AppTest.user must be a dict, not list.")


# ---------------------------------------------------------------------------------- run options
def test_timeout(AT: Any) -> None:
    script = """
import streamlit as st
import time
while True:
    time.sleep(0.02)
    st.empty()
"""
    at = AT.from_string(script, default_timeout=0.5)
    with pytest.raises(RuntimeError) as info:
        at.run()
    assert str(info.value) == "AppTest script run timed out after 0.5(s)"
    at = AT.from_string(script, default_timeout=30)
    with pytest.raises(RuntimeError) as info:
        at.run(timeout=1)
    assert str(info.value) == "AppTest script run timed out after 1(s)"


def test_query_params(AT: Any) -> None:
    script = """
import streamlit as st
st.text(repr(st.query_params.to_dict()))
st.text(repr(st.query_params.get_all("r")))
st.query_params["b"] = "2"
"""
    at = AT.from_string(script)
    at.query_params["a"] = "1"
    at.query_params["r"] = ["x", "y"]
    at.run()
    assert at.text.values == ["{'a': '1', 'r': 'y'}", "['x', 'y']"]
    assert at.query_params == {"a": "1", "r": ["x", "y"], "b": "2"}


def app_function(greeting: str, name: str = "nobody") -> None:
    import streamlit as st

    st.text(f"{greeting} {name}")


def app_without_args() -> None:
    import streamlit as st

    st.text("no args")


def test_from_function(AT: Any) -> None:
    at = AT.from_function(app_function, args=("Hello",), kwargs={"name": "Ada"}).run()
    assert at.text[0].value == "Hello Ada"
    at.run()
    assert at.text[0].value == "Hello Ada"
    at = AT.from_function(app_without_args).run()
    assert at.text[0].value == "no args"


def test_from_file(AT: Any, tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text(
        "import streamlit as st\nst.text(__file__.endswith('app.py'))\n", encoding="utf-8"
    )
    at = AT.from_file(str(app)).run()
    assert at.text[0].value == "True"
    # A relative path is resolved against the calling file (this test module), as Streamlit does.
    relative = os.path.relpath(app, Path(__file__).parent)
    at = AT.from_file(relative).run()
    assert at.text[0].value == "True"
    name, message = raised(lambda: AT.from_file("no_such_app.py"))
    assert name == "FileNotFoundError"
    assert message == (
        f"AppTest script not found at {(Path(__file__).parent / 'no_such_app.py').resolve()}. "
        "Relative paths are resolved against the file that calls AppTest.from_file()."
    )


def test_element_run_reruns_the_app(AT: Any) -> None:
    at = AT.from_string(COUNTER).run()
    result = at.button[0].click().run()
    assert result is at
    assert at.session_state.count == 1
    assert at.main.run() is at


# ---------------------------------------------------------------------------------- element identity
LAYOUT_APP = """
import streamlit as st
st.session_state.setdefault("log", [])
def note(name):
    st.session_state.log.append(name)
st.sidebar.checkbox("side", on_change=note, args=("side",))
a, b = st.columns(2)
with b:
    st.text_input("right", on_change=note, args=("right",))
with a:
    st.text_input("left", on_change=note, args=("left",))
with st.expander("more"):
    st.slider("deep", 0, 9, 1, on_change=note, args=("deep",))
st.checkbox("main", on_change=note, args=("main",))
st.markdown("end")
"""


def test_a_widget_found_by_type_is_the_one_in_the_tree(AT: Any) -> None:
    at = AT.from_string(LAYOUT_APP).run()
    first = at.text_input[0]  # a typed query first, then the tree
    assert [w.label for w in at.text_input] == ["left", "right"]  # column order, not call order
    assert sum(node is first for node in at.main) == 1
    side_box = at.checkbox[1]
    assert [c.label for c in at.checkbox] == ["main", "side"]  # main area before the sidebar
    side_box.check()
    assert at.get("checkbox")[1] is side_box
    at.run()
    assert [c.value for c in at.checkbox] == [False, True]
    assert at.session_state.log == ["side"]


def test_callbacks_follow_the_tree_order_of_changed_widgets(AT: Any) -> None:
    def interact(at: Any) -> list[str]:
        for w in at.text_input:
            w.input("x")
        at.slider[0].set_value(5)
        for c in at.checkbox:
            c.check()
        at.run()
        return list(at.session_state.log)

    queried_first = interact(AT.from_string(LAYOUT_APP).run())
    at = AT.from_string(LAYOUT_APP).run()
    assert len(list(at)) > 5  # the whole tree walked before the queries
    assert interact(at) == queried_first == ["left", "right", "deep", "main", "side"]


def test_a_run_without_queries_sends_the_current_values(AT: Any) -> None:
    at = AT.from_string(LAYOUT_APP).run()
    at.text_input[1].input("kept").run()
    at.run().run()
    assert at.text_input[1].value == "kept"
    assert at.session_state.log == ["right"]


# ---------------------------------------------------------------------------------- apptest only
def test_switch_page_is_reported_as_unsupported(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "other.py").write_text("import streamlit as st\n", encoding="utf-8")
    app = tmp_path / "app.py"
    app.write_text("import streamlit as st\nst.text('main')\n", encoding="utf-8")
    at = OurAppTest.from_file(str(app)).run()
    with pytest.raises(
        NotImplementedError, match=r"switch_page\('pages/other\.py'\) is not supported"
    ):
        at.switch_page("pages/other.py")
    with pytest.raises(ValueError, match=r"Could not find page 'pages/none\.py'"):
        at.switch_page("pages/none.py")


def test_unknown_elements_expose_their_properties() -> None:
    at = OurAppTest.from_string("import streamlit as st\nst.empty()").run()
    node = at.main[0]
    assert type(node).__name__ == "UnknownElement"
    assert node.type == "empty"
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        _ = node.nothing


def test_from_string_runs_the_script_from_a_real_file() -> None:
    at = OurAppTest.from_string("import streamlit as st\nst.text(__file__)").run()
    assert Path(at.text[0].value).is_file()


def test_the_message_of_an_unbuilt_tree_is_the_built_trees() -> None:
    # A run before any query computes the frontend message without wrapping most widgets; it
    # must be what the whole tree's wrappers send.
    script = """
import streamlit as st
n = st.session_state.get("n", 0)
st.session_state.n = n + 1
if n == 1:
    st.session_state.t2 = "set"
    st.session_state.num2 = 7
st.checkbox("c", value=bool(n % 2))
st.toggle("tg", key="tg")
st.slider("s", 0, 10, 3)
st.slider("range", 0, 10, (2, 4))
st.slider("f", 0.0, 1.0, 0.25)
st.text_input("t", value=None)
st.text_input("t2", key="t2")
st.text_area("a", "x")
st.number_input("num", value=None)
st.number_input("num2", 0, 10, 1, key="num2")
st.number_input("num3", value=1.5)
st.button("b")
st.selectbox("sel", ["x", "y"], index=None)
st.radio("r", ["x", "y"])
st.sidebar.checkbox("side")
"""
    for steps in range(4):
        at = OurAppTest.from_string(script).run()
        for _ in range(steps):
            at.run()
        quick = at._tree._unbuilt_widget_states()
        assert quick is not None
        built = OurAppTest.from_string(script).run()
        for _ in range(steps):
            built.run()
        assert len(list(built)) > 10
        assert quick == built._tree.get_widget_states()
        assert list(quick) == list(built._tree.get_widget_states())
