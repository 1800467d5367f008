"""Layout containers (apptest/runtime/streamlit_api/layout.py).

Where AppTest can observe a behaviour (the block tree, block attributes, exception texts,
session state of stateful containers), the same script runs through Streamlit's own
``streamlit.testing.v1.AppTest`` and through apptest's ``Session``, and the normalised trees are
compared. Behaviour AppTest cannot show (``.open`` after a frontend change, props not in the
proto view) is checked against values read from Streamlit 1.67.0's source.
"""

from __future__ import annotations

import logging
import textwrap
from collections.abc import Iterator
from typing import Any

import pytest

from apptest.runtime.elements import Block, Element
from apptest.runtime.session import Script, Session

AppTest = pytest.importorskip("streamlit.testing.v1").AppTest
from streamlit.testing.v1 import element_tree as _et  # noqa: E402 - after the importorskip


@pytest.fixture(autouse=True)
def _quiet_streamlit_logs() -> Iterator[None]:
    logger = logging.getLogger("streamlit")
    saved = logger.level
    logger.setLevel(logging.CRITICAL)
    yield
    logger.setLevel(saved)


# ---------------------------------------------------------------------------------- normalising
# Our block types -> the type AppTest reports.
_AT_BLOCK_TYPE = {"container": "flex_container", "horizontal": "flex_container"}
_BLOCK_ATTRS = {
    "column": ("weight", "gap"),
    "tab": ("label",),
    "expander": ("label", "icon"),
    "status": ("label", "icon", "state"),
    "chat_message": ("name", "avatar"),
}
_TEXT_PROP = {"code": "code_text", "exception": "message"}
_VALUELESS = {"balloons", "snow", "empty"}
_WIDGETS = {"button", "checkbox", "toggle", "text_input", "text_area"}


def _at_node(n: Any) -> Any:
    if isinstance(n, _et.Block):
        attrs = {a: getattr(n, a) for a in _BLOCK_ATTRS.get(n.type, ())}
        if isinstance(n, _et.Status):
            attrs["state"] = n.state
        return (n.type, attrs, [_at_node(c) for _, c in sorted(n.children.items())])
    if n.type in _WIDGETS:
        return (n.type, n.label)
    if n.type in _VALUELESS:
        return (n.type, None)
    return (n.type, n.value)


def _our_node(n: Element | Block) -> Any:
    if isinstance(n, Block):
        t = _AT_BLOCK_TYPE.get(n.type, n.type)
        attrs = {a: n.props.get(a) for a in _BLOCK_ATTRS.get(t, ())}
        return (t, attrs, [_our_node(c) for c in n.children])
    if n.type in _WIDGETS:
        return (n.type, n.props["label"])
    if n.type in _VALUELESS:
        return (n.type, None)
    return (n.type, n.props.get(_TEXT_PROP.get(n.type, "body")))


def at_tree(at: Any) -> dict[str, list[Any]]:
    return {name: [_at_node(c) for _, c in sorted(at._tree.children[i].children.items())]
            for i, name in enumerate(("main", "sidebar", "event"))}


def our_tree(session: Session) -> dict[str, list[Any]]:
    return {name: [_our_node(c) for c in session.roots[name].children] for name in ("main", "sidebar", "event")}


def _walk(block: Block) -> Iterator[Element | Block]:
    for c in block.children:
        yield c
        if isinstance(c, Block):
            yield from _walk(c)


class Ours:
    """Drives a Session the way AppTest drives Streamlit (all widget values re-sent each run)."""

    def __init__(self, src: str, **kwargs: Any) -> None:
        self.session = Session(Script.from_string(textwrap.dedent(src)), **kwargs)
        self.first = True

    def nodes(self) -> list[Element | Block]:
        return [n for root in self.session.roots.values() for n in _walk(root)]

    def run(self, *, clicks: tuple[str, ...] = (), state: dict[str, Any] | None = None) -> Ours:
        if self.first:
            self.first = False
            self.session.run(None)
            return self
        st = self.session.state
        ws: dict[str, Any] = {}
        for n in self.nodes():
            wid = n.props.get("id")
            if wid and wid in st.meta:
                ws[wid] = st.frontend_value(wid)
        for key in clicks:
            ws[st.key_to_id[key]] = True
        for key, value in (state or {}).items():
            st.set_from_outside(key, value)
            if key in st.key_to_id:
                wid = st.key_to_id[key]
                ws[wid] = st.meta[wid].serializer(value)
        self.session.run(ws)
        return self

    def tree(self) -> dict[str, list[Any]]:
        return our_tree(self.session)


def both(src: str) -> tuple[Any, Ours]:
    src = textwrap.dedent(src)
    at = AppTest.from_string(src, default_timeout=10).run()
    ours = Ours(src).run()
    return at, ours


def assert_same(src: str) -> Ours:
    at, ours = both(src)
    assert ours.tree() == at_tree(at)
    return ours


# ---------------------------------------------------------------------------------- trees
TREE_CASES = {
    "container": """
        import streamlit as st
        with st.container(border=True, key="box"):
            st.write("inside")
        c = st.container(height=200)
        c.write("fixed")
        st.write("after")
        c.write("late")
        """,
    "columns_weights_and_gaps": """
        import streamlit as st
        a, b = st.columns([1, 3], gap="large")
        a.write("A")
        with b:
            st.write("B")
        x, y, z = st.columns(3, gap=None)
        z.write("z")
        p, q = st.columns((2, 2), gap=12)
        p.write("p")
        """,
    "columns_nest_freely_in_1_67": """
        import streamlit as st
        a, b = st.columns(2)
        with a:
            c, d = st.columns(2)
            with c:
                e, f = st.columns(2)
                e.write("deep")
        with st.sidebar:
            g, h = st.columns(2)
            h.write("side col")
        st.sidebar.columns(3)[2].write("third")
        """,
    "tabs_expander_popover": """
        import streamlit as st
        t1, t2 = st.tabs(["One", "Two"])
        t2.write("second")
        with t1:
            st.write("first")
        with st.expander("More", icon="🔥"):
            st.write("hidden")
        st.expander("Plain", expanded=True).write("x")
        with st.popover("Pop"):
            st.write("popped")
        """,
    "status": """
        import streamlit as st
        with st.status("Working") as s:
            st.write("step")
        t = st.status("Manual", state="running")
        t.update(label="Failed", state="error", expanded=True)
        st.status("Done", state="complete")
        try:
            with st.status("Boom"):
                raise ValueError("x")
        except ValueError:
            st.write("caught")
        """,
    "chat_message": """
        import streamlit as st
        with st.chat_message("user"):
            st.write("hi")
        st.chat_message("assistant").write("hello")
        st.chat_message("ai")
        st.chat_message("human")
        st.chat_message("Bob")
        st.chat_message("Bob", avatar="🦜")
        st.chat_message("🤖")
        st.chat_message("x", avatar=":material/thumb_up:")
        """,
    "sidebar": """
        import streamlit as st
        st.sidebar.write("one")
        with st.sidebar:
            st.write("two")
            with st.expander("in side"):
                st.write("three")
        st.write("main")
        """,
    "empty_placeholder_replaces": """
        import streamlit as st
        e = st.empty()
        e.write("first")
        e.write("second")
        f = st.empty()
        with f:
            st.write("a")
            st.write("b")
        g = st.empty()
        g.write("gone")
        with g.container():
            st.write("c1")
            st.write("c2")
        h = st.empty()
        st.write("after h")
        """,
    "feedback_elements": """
        import streamlit as st
        st.balloons()
        st.snow()
        with st.spinner("wait"):
            st.write("spun")
        st.toast("Saved!", icon="🎉")
        st.sidebar.toast("side toast")
        """,
    "grid": """
        import streamlit as st
        g = st.grid(3, gap=("small", 8))
        with g:
            st.write("a")
        g.cell(column_span=2).write("wide")
        """,
    "exception_inside_column_goes_to_main": """
        import streamlit as st
        a, b = st.columns(2)
        with a:
            st.write("x")
            raise RuntimeError("oops")
        """,
}


@pytest.mark.parametrize("name", sorted(TREE_CASES))
def test_tree_matches_apptest(name: str) -> None:
    assert_same(TREE_CASES[name])


def test_columns_structure_and_weights() -> None:
    ours = Ours("""
        import streamlit as st
        cols = st.columns([1, 2, 1], gap="medium", vertical_alignment="center", border=True)
        st.session_state.n = len(cols)
        """).run()
    row = ours.session.roots["main"].children[0]
    assert isinstance(row, Block) and row.type == "horizontal"
    assert [c.type for c in row.children] == ["column"] * 3
    assert [c.props["weight"] for c in row.children] == [0.25, 0.5, 0.25]
    assert {c.props["gap"] for c in row.children} == {"medium"}
    assert all(c.props["vertical_alignment"] == "center" and c.props["border"] for c in row.children)
    assert ours.session.state["n"] == 3


def test_columns_return_a_list_and_tabs_a_tuple() -> None:
    ours = Ours("""
        import streamlit as st
        st.session_state.kinds = (type(st.columns(2)).__name__, type(st.tabs(["a"])).__name__)
        """).run()
    assert ours.session.state["kinds"] == ("list", "tuple")


# ---------------------------------------------------------------------------------- exceptions
ERROR_CASES = {
    "columns_zero": "st.columns(0)",
    "columns_empty_list": "st.columns([])",
    "columns_negative_weight": "st.columns([1, -1])",
    "columns_bad_spec_type": 'st.columns("ab")',
    "columns_bad_alignment": 'st.columns(2, vertical_alignment="middle")',
    "columns_bad_gap": 'st.columns(2, gap="huge")',
    "columns_bad_width": 'st.columns(2, width="content")',
    "columns_bad_wrap": "st.columns(2, wrap=None)",
    "container_wrap_without_horizontal": "st.container(wrap=False)",
    "container_bad_height": "st.container(height=0)",
    "container_bad_alignment": 'st.container(horizontal_alignment="middle")',
    "container_duplicate_key": 'st.container(key="k"); st.container(key="k")',
    "tabs_empty": "st.tabs([])",
    "tabs_non_string": 'st.tabs(["a", 1])',
    "tabs_bad_default": 'st.tabs(["a"], default="b")',
    "tabs_bad_on_change": 'st.tabs(["a"], on_change=None)',
    "tabs_bad_bind": 'st.tabs(["a"], bind="url")',
    "expander_no_label": "st.expander(None)",
    "expander_bad_type": 'st.expander("e", type="big")',
    "expander_bad_on_change": 'st.expander("e", on_change="always")',
    "popover_bad_type": 'st.popover("p", type="big")',
    "status_bad_state": 'st.status("s", state="done")',
    "status_bad_update": 'st.status("s").update(state="nope")',
    "chat_message_no_name": "st.chat_message(None)",
    "toast_empty": 'st.toast("")',
    "toast_bad_duration": 'st.toast("t", duration=0)',
    "grid_bad_columns": "st.grid(25)",
    "grid_auto_no_wrap": "st.grid(wrap=False)",
    "grid_cell_too_wide": "st.grid(2).cell(column_span=3)",
}


@pytest.mark.parametrize("name", sorted(ERROR_CASES))
def test_error_matches_apptest(name: str) -> None:
    src = f"import streamlit as st\nst.write('before')\n{ERROR_CASES[name]}\nst.write('after')\n"
    at, ours = both(src)
    assert len(at.exception) == 1
    assert ours.tree() == at_tree(at)
    result = ours.session.last_result
    assert result is not None and result.exception is not None
    exc = result.exception
    assert exc.__class__.__name__ in at.exception[0].proto.type


# ---------------------------------------------------------------------------------- stateful containers
STATEFUL = """
import streamlit as st
def cb():
    st.session_state.log = st.session_state.get("log", []) + ["tabs"]
t = st.tabs(["A", "B"], on_change=cb, key="tb")
st.write(repr([x.open for x in t]))
e = st.expander("E", on_change="rerun", key="ex")
st.write(repr(e.open))
p = st.popover("P", on_change="rerun", key="po")
st.write(repr(p.open))
st.write(repr(st.expander("E2").open))
st.write(repr(sorted(st.session_state.to_dict().items())))
"""


def test_stateful_containers_match_apptest() -> None:
    at, ours = both(STATEFUL)
    assert ours.tree() == at_tree(at)
    for writes in ({"tb": "B", "ex": True}, {"po": True}, {"tb": "Nope"}):
        for k, v in writes.items():
            at.session_state[k] = v
        at.run()
        ours.run(state=writes)
        assert ours.tree() == at_tree(at), writes


def test_tab_change_from_the_frontend_runs_the_callback() -> None:
    ours = Ours(STATEFUL).run()
    st = ours.session.state
    tabs_id = st.key_to_id["tb"]
    ours.session.run({tabs_id: "B", st.key_to_id["ex"]: False, st.key_to_id["po"]: False})
    texts = [n.props["body"] for n in ours.session.roots["main"].children if n.type == "markdown"]
    assert texts[0] == "[False, True]"
    assert st["log"] == ["tabs"]
    container = ours.session.roots["main"].children[0]
    assert container.props["value"] == "B" and container.props["default_index"] == 1


def test_stateless_containers_register_no_widget() -> None:
    ours = Ours("""
        import streamlit as st
        st.tabs(["a", "b"])
        st.expander("e")
        st.popover("p")
        """).run()
    assert ours.session.state.meta == {}


# ---------------------------------------------------------------------------------- status
def test_status_update_and_exit() -> None:
    ours = Ours("""
        import streamlit as st
        s = st.status("Downloading", expanded=True)
        with s:
            st.write("x")
            s.update(label="Almost")
        r = st.status("Quiet", state="complete")
        r.update(expanded=False)
        """).run()
    s, r = ours.session.roots["main"].children
    assert s.props == {"label": "Almost", "expanded": True, "icon": ":material/check:", "state": "complete",
                       "type": "default", "width": "stretch"}
    assert r.props["state"] == "complete" and r.props["expanded"] is False


# ---------------------------------------------------------------------------------- dialogs
DIALOG = """
import streamlit as st
@st.dialog("Settings", icon="⚙️")
def settings(n):
    st.write(f"n={n}")
    st.button("Close", key="close")
if st.button("Open", key="open"):
    settings(3)
st.write("end")
"""


def test_dialog_opens_in_the_event_root() -> None:
    at = AppTest.from_string(DIALOG).run()
    ours = Ours(DIALOG).run()
    assert ours.tree() == at_tree(at)
    at.button(key="open").click().run()
    ours.run(clicks=("open",))
    assert ours.tree() == at_tree(at)
    dlg = ours.session.roots["event"].children[0]
    assert isinstance(dlg, Block) and dlg.type == "dialog"
    assert dlg.props["title"] == "Settings" and dlg.props["is_open"] is True
    inner = dlg.children[0]
    assert inner.type == "container" and inner.props["fragment_id"]
    at.button(key="close").click().run()
    ours.run(clicks=("close",))
    assert ours.tree() == at_tree(at)


@pytest.mark.parametrize(
    "body",
    [
        # two dialogs in one run
        '@st.dialog("A")\ndef a():\n    st.write("a")\na()\na()\n',
        # nested dialogs
        '@st.dialog("A")\ndef a():\n    b()\n@st.dialog("B")\ndef b():\n    st.write("b")\na()\n',
        # bad arguments
        '@st.dialog("A", width="huge")\ndef a():\n    pass\na()\n',
        '@st.dialog("")\ndef a():\n    pass\n',
    ],
)
def test_dialog_errors_match_apptest(body: str) -> None:
    at, ours = both("import streamlit as st\n" + body)
    assert ours.tree() == at_tree(at)
    assert [e.value for e in at.exception]
