"""Conformance of the "more elements" family (metric, divider, latex, badge, html, progress, space,
dataframe, table, data_editor, charts, media, links, write_stream, help) and of their errors.

Each case runs the same script through apptest's ``Session`` and through Streamlit's own
``streamlit.testing.v1.AppTest`` and compares a normalised view of every element shown (type and
the values AppTest exposes), plus the filtered session state.
"""

from __future__ import annotations

import logging
import math
import textwrap
from collections.abc import Iterator
from typing import Any

import pytest

from apptest.runtime.elements import Block, Element
from apptest.runtime.session import Script, Session

testing = pytest.importorskip("streamlit.testing.v1")
pd = pytest.importorskip("pandas")
AppTest = testing.AppTest

# Our element type -> the node type AppTest reports.
_CHART_TYPES = {
    "line_chart": "vega_lite_chart", "bar_chart": "vega_lite_chart", "area_chart": "vega_lite_chart",
    "scatter_chart": "vega_lite_chart", "map": "deck_gl_json_chart", "help": "help_info",
}


@pytest.fixture(autouse=True)
def _quiet_logs() -> Iterator[None]:
    names = ["streamlit", "streamlit.elements.lib.policies", "streamlit.deprecation_util"]
    saved = [(n, logging.getLogger(n).level) for n in names]
    for n in names:
        logging.getLogger(n).setLevel(logging.CRITICAL)
    yield
    for n, lvl in saved:
        logging.getLogger(n).setLevel(lvl)


def _norm(v: Any) -> Any:
    if isinstance(v, float) and math.isnan(v):
        return "nan"
    if v is None:
        return "nan"  # pandas shows a missing cell as NaN or None depending on the dtype
    item = getattr(v, "item", None)
    if callable(item) and type(v).__module__.startswith("numpy"):
        return _norm(item())
    if isinstance(v, (list, tuple)):
        return [_norm(x) for x in v]
    return v


def _table(columns: list[Any], rows: int, preview: list[list[Any]], mode: str | None = None) -> tuple[Any, ...]:
    return ("table", [str(c) for c in columns], rows, _norm(preview), mode)


# ---------------------------------------------------------------------------------- our side
def _walk(block: Block) -> Iterator[Element]:
    for c in block.children:
        if isinstance(c, Block):
            yield from _walk(c)
        else:
            yield c


def _ours_view(e: Element) -> tuple[Any, ...]:
    p = e.props
    t = e.type
    if t == "metric":
        return ("metric", p["label"], p["value"], p["delta"], p["color"], p["direction"], p["help"], p["border"])
    if t in ("markdown", "divider", "latex", "caption", "json", "html", "text"):
        return (t, p["body"])
    if t == "progress":
        return ("progress", p["value"], p["text"])
    if t == "space":
        return ("space", p["size"])
    if t in ("dataframe", "table"):
        return (t, *_table(p["columns"], p["rows"], p["preview"], p.get("editing_mode") if t == "dataframe" else None))
    if t == "help":
        return ("help_info", p["name"], p["value"], p["doc_string"])
    if t == "link_button":
        return ("link_button", p["label"], p["url"])
    if t == "page_link":
        return ("page_link", p["label"], p["page"])
    if t == "image":
        return ("image", p["urls"], p["captions"])
    if t == "exception":
        return ("exception", p["type"], p["message"])
    return (_CHART_TYPES.get(t, t),)


def ours(src: str) -> dict[str, Any]:
    s = Session(Script.from_string(src))
    s.run(None)
    els = [e for root in ("main", "sidebar") for e in _walk(s.roots[root])]
    return {"elements": [_ours_view(e) for e in els], "state": s.state.filtered_state()}


# ---------------------------------------------------------------------------------- AppTest side
def _theirs_walk(node: Any) -> Iterator[Any]:
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for c in children.values():
            yield from _theirs_walk(c)
    else:
        yield node


def _theirs_view(n: Any) -> tuple[Any, ...]:
    from streamlit.proto.Metric_pb2 import Metric as MetricProto

    t = n.type
    if t == "metric":
        pr = n.proto
        return ("metric", pr.label, pr.body, pr.delta, MetricProto.MetricColor.Name(pr.color).lower(),
                MetricProto.MetricDirection.Name(pr.direction).lower(), pr.help, pr.show_border)
    if t in ("markdown", "divider", "latex", "caption", "json", "html", "text"):
        return (t, n.value)
    if t == "progress":
        return ("progress", n.value, n.text)
    if t == "space":
        return ("space", n.value)
    if t in ("dataframe", "table"):
        df = n.value
        rows = [list(r) for r in df.head(10).itertuples(index=False, name=None)]
        return (t, *_table(list(df.columns), len(df), rows, n.editing_mode if t == "dataframe" else None))
    if t == "help_info":
        return ("help_info", n.name, n.value, n.doc_string)
    if t == "link_button":
        return ("link_button", n.proto.label, n.proto.url)
    if t == "page_link":
        return ("page_link", n.proto.label, n.proto.page)
    if t == "image":
        return ("image", n.value, n.captions)
    if t == "exception":
        return ("exception", n.message)
    return (t,)


def theirs(src: str) -> dict[str, Any]:
    at = AppTest.from_string(src, default_timeout=20).run()
    els: list[Any] = []
    for root in (at._tree.children[0], at._tree.children[1]):
        els.extend(_theirs_walk(root))
    return {"elements": [_theirs_view(n) for n in els],
            "state": at.session_state.to_dict()}


def compare(src: str) -> None:
    src = textwrap.dedent(src)
    mine = ours(src)
    real = theirs(src)
    # Our exceptions carry the type too; AppTest's only the message.
    mine_els = [e[:1] + e[2:] if e[0] == "exception" else e for e in mine["elements"]]
    assert mine_els == real["elements"]
    assert mine["state"] == real["state"]


# ---------------------------------------------------------------------------------- cases
CASES: dict[str, str] = {
    "metric": """
        import streamlit as st
        from decimal import Decimal
        st.metric("M", 42, delta=-3.5)
        st.metric("N", None)
        st.metric("D", "1,234", "5%", delta_color="inverse", border=True, help="hh")
        st.metric("Z", 1.5, 0)
        st.metric("S", Decimal("2.50"), "-1", delta_color="off")
        st.metric("C", 7, 2, delta_color="violet")
        st.metric("A", 7, 2, delta_arrow="down")
        st.metric("E", 3, "")
    """,
    "metric_errors": """
        import streamlit as st
        try:
            st.metric("M", [1])
        except Exception as e:
            st.text(type(e).__name__ + ": " + str(e))
        try:
            st.metric("M", 1, delta_color="pink")
        except Exception as e:
            st.text(type(e).__name__ + ": " + str(e))
        st.metric("M", 1, delta_arrow="sideways")
    """,
    "markdown_like": """
        import streamlit as st
        st.divider()
        st.latex("a^2 + b^2")
        st.latex(r'''
            \\sum_i x_i
        ''')
        st.badge("New [x]", color="green")
        st.badge("Plain")
        st.html("<b>x</b>")
        st.html("<style>.a{}</style>")
    """,
    "progress": """
        import streamlit as st
        p = st.progress(0.25, text="loading")
        p.progress(50)
        st.progress(0)
        st.progress(1.0, text="  done  ")
        st.progress(100)
        for bad in (101, -1, 1.5, "x"):
            try:
                st.progress(bad)
            except Exception as e:
                st.text(type(e).__name__ + ": " + str(e))
    """,
    "space": """
        import streamlit as st
        st.space()
        st.space("large")
        st.space(40)
        st.space(0)
    """,
    "dataframes": """
        import streamlit as st
        import pandas as pd
        df = pd.DataFrame({"a": [1, 2, 3], "b": ["x", "y", "z"]})
        st.dataframe(df)
        st.table(df)
        st.dataframe({"a": [1, 2], "b": [3, 4]})
        st.dataframe({"a": 1, "b": 2})
        st.dataframe([{"x": 1, "y": "a"}, {"x": 2, "y": "b"}])
        st.dataframe([[1, 2], [3, 4]])
        st.dataframe([1, 2, 3])
        st.dataframe(("a", "b"))
        st.dataframe(pd.Series([1, 2], name="s"))
        st.dataframe(pd.DataFrame({"v": [1, 2]}, index=["r1", "r2"]))
        st.dataframe(pd.DataFrame({"n": range(25)}))
        st.dataframe(None)
        st.table({"a": [1.5, 2.5]})
        st.dataframe("abc")
    """,
    "data_editor": """
        import streamlit as st
        import pandas as pd
        df = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
        r = st.data_editor(df, key="ed")
        st.text(type(r).__name__)
        r2 = st.data_editor({"a": [1, 2]}, key="ed2", num_rows="dynamic")
        st.write(r2)
        r3 = st.data_editor([1, 2, 3])
        st.write(r3)
        r4 = st.data_editor(("p", "q"), key="ed4", num_rows="delete")
        st.text(repr(r4))
    """,
    "dataframe_selection": """
        import streamlit as st
        import pandas as pd
        df = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
        s = st.dataframe(df, key="d", on_select="rerun")
        st.text(repr(s.selection))
        s2 = st.dataframe(df, key="d2", on_select="rerun", selection_mode="single-row-required")
        st.text(repr(s2.selection.rows))
        try:
            st.dataframe(df, selection_default={"selection": {"rows": [0]}})
        except Exception as e:
            st.text(type(e).__name__ + ": " + str(e))
    """,
    "charts": """
        import streamlit as st
        import pandas as pd
        df = pd.DataFrame({"x": [1, 2, 3], "y": [4, 5, 6], "lat": [0.0, 1.0, 2.0], "lon": [3.0, 4.0, 5.0]})
        st.line_chart(df, x="x", y="y")
        st.bar_chart(df)
        st.area_chart(df, x="x")
        st.scatter_chart(df, x="x", y="y", size="y")
        st.map(df)
        try:
            st.line_chart(df, x="nope")
        except Exception as e:
            st.text(str(e))
        try:
            st.map(pd.DataFrame({"a": [1]}))
        except Exception as e:
            st.text(str(e))
    """,
    "links_media_stream": """
        import streamlit as st
        st.link_button("Go", "https://x.com")
        st.page_link("https://y.com", label="Y")
        st.image("https://example.com/a.png", caption="cap")
        st.image(["https://example.com/a.png", "https://example.com/b.png"])
        t = st.write_stream(iter(["a", "b", "c"]))
        st.text(repr(t))
        def gen():
            yield "hello "
            yield "world"
            yield {"k": 1}
            yield "tail"
        out = st.write_stream(gen)
        st.text(repr(out))
        st.text(repr(st.write_stream([])))
        try:
            st.write_stream("abc")
        except Exception as e:
            st.text(type(e).__name__ + ": " + str(e))
        try:
            st.page_link("https://z.com")
        except Exception as e:
            st.text(type(e).__name__ + ": " + str(e))
        try:
            st.image(["https://a.com/x.png"], caption=["a", "b"])
        except Exception as e:
            st.text(str(e))
    """,
    "help_and_magic": """
        import streamlit as st
        lambda: 1
        x = 5
        st.help(x)
        name = "hello"
        st.help(name)
        def documented(a, b=2):
            '''Adds things.'''
            return a + b
        st.help(documented)
        documented
        class Point:
            '''A point.'''
            def __init__(self, x):
                self.x = x
        st.help(Point)
        st.help(Point(1))
        st.help(len)
        st.json({"a": 1, "b": [1, 2]})
    """,
    "media_and_components": """
        import streamlit as st
        import streamlit.components.v1 as components
        st.audio(b"abc")
        st.video("https://example.com/v.mp4", start_time=3)
        st.iframe("https://z.com")
        components.html("<p>x</p>", height=50)
        components.iframe("https://z.com")
        with st.sidebar:
            st.metric("side", 1)
            st.divider()
        try:
            st.audio(b"abc", start_time=5, end_time=2)
        except Exception as e:
            st.text(str(e))
        try:
            st.audio(12)
        except Exception as e:
            st.text(str(e))
    """,
    "vega_selection": """
        import streamlit as st
        import altair as alt
        import pandas as pd
        df = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
        c = alt.Chart(df).mark_point().encode(x="a", y="b").add_params(alt.selection_point(name="p"))
        s = st.altair_chart(c, key="al", on_select="rerun")
        st.text(repr(s))
        st.text(repr(s.selection.p))
        st.altair_chart(alt.Chart(df).mark_bar().encode(x="a", y="b"))
        try:
            st.altair_chart(alt.Chart(df).mark_bar().encode(x="a", y="b"), on_select="rerun")
        except Exception as e:
            st.text(str(e))
        spec = {"mark": "point", "params": [{"name": "q", "select": "interval"}],
                "encoding": {"x": {"field": "a"}, "y": {"field": "b"}}}
        v = st.vega_lite_chart(df, spec, key="vl", on_select="rerun", selection_mode="q")
        st.text(repr(v))
        try:
            st.vega_lite_chart(df, spec, on_select="rerun", selection_mode="zz")
        except Exception as e:
            st.text(str(e))
    """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_matches_apptest(name: str) -> None:
    compare(CASES[name])


def test_data_editor_applies_edits_from_the_wire() -> None:
    import json

    src = textwrap.dedent("""
        import streamlit as st
        import pandas as pd
        df = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
        r = st.data_editor(df, key="ed", num_rows="dynamic")
        st.text(repr(r.to_dict(orient="list")))
        r2 = st.data_editor([{"n": 1}, {"n": 2}], key="ed2")
        st.text(repr(r2))
    """)
    s = Session(Script.from_string(src))
    s.run(None)
    ed, ed2 = s.state.key_to_id["ed"], s.state.key_to_id["ed2"]
    edits = {"edited_rows": {"0": {"a": 10}}, "added_rows": [{"a": 3, "b": "z"}], "deleted_rows": [1]}
    s.run({ed: json.dumps(edits), ed2: json.dumps({"edited_rows": {"1": {"n": 7}}})})
    texts = [e.props["body"] for e in _walk(s.roots["main"]) if e.type == "text"]
    assert texts == ["{'a': [10, 3], 'b': ['x', 'z']}", "[{'n': 1}, {'n': 7}]"]
    assert s.state.filtered_state()["ed"] == {
        "edited_rows": {0: {"a": 10}}, "added_rows": [{"a": 3, "b": "z"}], "deleted_rows": [1]}


def test_data_editor_key_is_read_only() -> None:
    src = textwrap.dedent("""
        import streamlit as st
        st.session_state["ed"] = {"edited_rows": {}}
        st.data_editor([1, 2], key="ed")
    """)
    mine = ours(src)
    real = theirs(src)
    assert next(e for e in mine["elements"] if e[0] == "exception")[2] == real["elements"][-1][1]


def test_progress_handle_replaces_in_place() -> None:
    s = Session(Script.from_string("import streamlit as st\np = st.progress(10)\np.progress(90, text='x')\n"))
    s.run(None)
    assert [(e.type, e.props) for e in s.roots["main"].children] == [("progress", {"value": 90, "text": "x"})]


def test_pandas_is_not_imported_for_plain_data() -> None:
    import subprocess
    import sys

    code = textwrap.dedent("""
        import sys
        from apptest.runtime.session import Session, Script
        s = Session(Script.from_string(
            "import streamlit as st\\n"
            "st.dataframe({'a': [1, 2]})\\nst.table([1, 2])\\nst.line_chart([{'x': 1}])\\n"
            "st.metric('m', 1)\\nst.data_editor([1, 2])\\n"))
        s.run(None)
        print("pandas" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _drive_ours(src: str, interact: list[tuple[str, str, Any]]) -> list[list[str]]:
    """Run, then for each (kind, key, wire value) re-run sending every widget's wire value."""
    s = Session(Script.from_string(src))
    s.run(None)
    seen = [[e.props["body"] for e in _walk(s.roots["main"]) if e.type == "text"]]
    for _kind, key, wire in interact:
        ws = {wid: s.state.frontend_value(wid) for wid in s.state.meta}
        ws[s.state.key_to_id[key]] = wire
        s.run(ws)
        seen.append([e.props["body"] for e in _walk(s.roots["main"]) if e.type == "text"])
    return seen


def test_menu_button_and_pagination_match_apptest() -> None:
    src = textwrap.dedent("""
        import streamlit as st
        if "log" not in st.session_state:
            st.session_state.log = []
        def picked():
            st.session_state.log.append(st.session_state.m)
        v = st.menu_button("Menu", ["a", "b", "c"], key="m", on_click=picked)
        p = st.pagination(5, default=2, key="p")
        st.text(f"{v!r} {p!r} {st.session_state.log!r} {st.session_state.m!r} {st.session_state.p!r}")
    """)
    mine = _drive_ours(src, [("menu_button", "m", "b"), ("pagination", "p", 4), ("pagination", "p", 9)])
    # AppTest refuses an out-of-range page; the frontend value 9 falls back to the default (2).
    at = AppTest.from_string(src, default_timeout=20).run()
    real = [[t.value for t in at.text]]
    at.menu_button[0].click("b").run()
    real.append([t.value for t in at.text])
    at.pagination[0].set_value(4).run()
    real.append([t.value for t in at.text])
    assert mine[:3] == real
    assert mine[3] == ["None 2 ['b'] None 2"]
