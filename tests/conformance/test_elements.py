"""Output elements (text, data, charts, media, st.write) against Streamlit's AppTest.

The harness compares element types, values, nesting, state and exceptions. The ``attrs`` step
below also reads the attributes AppTest documents for each element kind (``Code.language``,
``Markdown.allow_html``, ``Metric.delta`` ...) and stores them in session state, so they are
compared too.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from importlib.util import find_spec
from typing import Any

import pytest

from tests.conformance.harness import (
    Case,
    _named,
    case,
    check_case,
    click,
    params,
    run,
    state,
)

Action = Callable[[Any], Any]


def _plain(v: Any) -> Any:
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    return f"<{type(v).__name__}>"


def attrs(kind: str, *names: str) -> Action:
    """Record ``at.<kind>[i].<name>`` for every element of a kind in session state (no run).

    The next snapshot compares them as state (``_attrs_<kind>``); an attribute missing on
    one side shows as ``<AttributeError>``.
    """

    def step(at: Any) -> None:
        rows = []
        # A typed collection (at.code) when AppTest has one, else every node of that type.
        for el in getattr(at, kind) if hasattr(type(at), kind) else at.get(kind):
            row = {}
            for name in names:
                try:
                    row[name] = _plain(getattr(el, name))
                except Exception as e:
                    row[name] = f"<{type(e).__name__}>"
            rows.append(row)
        at.session_state[f"_attrs_{kind}"] = rows

    return _named(step, f"attrs({kind}: {', '.join(names)})")


def frames(kind: str) -> Action:
    """Record the DataFrame behind every ``at.<kind>`` element (columns, index and cells)."""

    def step(at: Any) -> None:
        at.session_state[f"_frames_{kind}"] = [json.loads(el.value.to_json(orient="split")) for el in getattr(at, kind)]

    return _named(step, f"frames({kind})")


def _requires(module: str) -> tuple[Any, ...]:
    return (pytest.mark.skipif(find_spec(module) is None, reason=f"{module} is not installed"),)


def df_script(body: str) -> str:
    """``body`` after a DataFrame ``df`` (columns a: int, b: float, c: str)."""
    return (
        "import pandas as pd\n"
        'df = pd.DataFrame({"a": [1, 2, 3], "b": [4.5, 5.5, 6.5], "c": ["x", "y", "z"]})\n'
        + textwrap.dedent(body)
    )

CASES: list[Case] = [
    # ------------------------------------------------------------------ markdown
    case(
        "markdown_params",
        """
        st.markdown("**bold** <b>html</b>", unsafe_allow_html=True, help="md help")
        st.markdown("plain *text*")
        st.markdown('''
            indented
              block
        ''')
        st.markdown(42)
        st.markdown("left", text_alignment="center", width=300)
        """,
        attrs("markdown", "value", "allow_html", "help", "is_caption"),
    ),
    case(
        "markdown_anchors_and_wrap",
        """
        st.markdown("# Heading", anchors=False)
        st.markdown("one line", wrap=False)
        attempt(lambda: st.markdown("<b>x</b>", unsafe_allow_html=True, wrap=False))
        attempt(lambda: st.markdown("x", wrap="yes"))
        """,
    ),
    case(
        "markdown_non_string_bodies",
        """
        st.markdown(["a", 1])
        st.markdown(None)
        st.markdown(3.0)
        st.markdown("  :red[colour] and :material/star: icon  ")
        st.caption(42)
        """,
    ),
    # ------------------------------------------------------------------ headings
    case(
        "headings_anchor_divider_help",
        """
        st.title("Title", anchor="custom-anchor", help="title help")
        st.title("No anchor", anchor=False)
        st.header("Header", divider=True)
        st.header("Coloured", divider="blue")
        st.subheader("Sub", divider="rainbow", help="sub help")
        st.subheader(3.5)
        """,
        attrs("title", "value", "anchor", "hide_anchor", "tag", "help"),
        attrs("header", "value", "anchor", "hide_anchor", "tag", "divider"),
        attrs("subheader", "value", "tag", "help", "divider"),
    ),
    case(
        "headings_icon",
        """
        st.title("Launch", icon="🚀")
        st.header("Settings", icon=":material/settings:")
        st.subheader("Plain")
        """,
        attrs("title", "value", "icon"),
        attrs("header", "value", "icon"),
        attrs("subheader", "value", "icon"),
    ),
    case(
        "headings_invalid_arguments",
        """
        attempt(lambda: st.header("H", anchor=True))
        attempt(lambda: st.header("H", anchor=5))
        attempt(lambda: st.subheader("S", divider="pink"))
        attempt(lambda: st.title("T", icon=3))
        """,
    ),
    # ------------------------------------------------------------------ caption / text / code / latex
    case(
        "caption_and_text",
        """
        st.caption("a caption", help="cap help")
        st.caption("<i>html</i>", unsafe_allow_html=True)
        st.text("fixed   width\\ntext", help="text help")
        st.text(123)
        st.text(["a", 1])
        """,
        attrs("caption", "value", "allow_html", "help", "is_caption"),
        attrs("text", "value", "help"),
    ),
    case(
        "code_language_and_line_numbers",
        """
        st.code("x = 1\\nprint(x)")
        st.code("SELECT 1", language="sql", line_numbers=True)
        st.code("plain", language=None)
        st.code("\\n\\nkeeps one blank line\\n\\n", wrap_lines=True)
        """,
        attrs("code", "value", "language", "show_line_numbers"),
    ),
    case(
        "latex_divider_html",
        """
        st.latex(r"e^{i\\pi} + 1 = 0")
        st.latex("  x^2  ", help="latex help")
        st.divider()
        st.html("<p>paragraph</p>")
        st.html("  <div>trimmed</div>  ")
        """,
        attrs("latex", "value", "help", "allow_html"),
        attrs("divider", "value", "help", "allow_html"),
        attrs("html", "value"),
    ),
    case(
        "badge",
        """
        st.badge("New")
        st.badge("Done", icon=":material/check:", color="green")
        st.badge("[brackets]", color="red")
        attempt(lambda: st.badge("x", color="pink"))
        """,
    ),
    # ------------------------------------------------------------------ metric
    case(
        "metric_value_delta_color",
        """
        st.metric("Temp", 70, delta=1.2)
        st.metric("Loss", "0.5", delta=-0.1, delta_color="inverse", help="lower is better")
        st.metric("Flat", 3.25, delta="0", delta_color="off")
        st.metric("None", None)
        st.metric("Pct", "12%", delta="-3%")
        st.metric("Big", 1234567, delta=-20, border=True)
        """,
        attrs("metric", "value", "label", "delta", "color", "help"),
    ),
    case(
        "metric_invalid_arguments",
        """
        attempt(lambda: st.metric("M", 1, delta_color="purple"))
        attempt(lambda: st.metric("M", [1, 2]))
        attempt(lambda: st.metric("M", 1, delta=[1]))
        """,
    ),
    # ------------------------------------------------------------------ alerts
    case(
        "alerts_with_icons",
        """
        st.error("Error text", icon="🚨")
        st.warning("Warning text")
        st.info("Info text", icon=":material/info:")
        st.success("Success text", icon="✅")
        """,
        attrs("error", "value", "icon"),
        attrs("warning", "value", "icon"),
        attrs("info", "value", "icon"),
        attrs("success", "value", "icon"),
    ),
    case(
        "alerts_leading_icon_and_title",
        """
        st.error("🔥 hot body")
        st.info(":material/thumb_up: liked")
        st.warning("no icon here", icon="")
        st.success("Saved", title="All good")
        attempt(lambda: st.info("x", icon=5))
        """,
        attrs("error", "value", "icon"),
        attrs("info", "value", "icon"),
        attrs("warning", "value", "icon"),
        attrs("success", "value", "icon", "title"),
    ),
    case(
        "metric_formats_and_label_visibility",
        """
        import decimal
        import numpy as np
        st.metric("Dec", decimal.Decimal("1.50"), delta=decimal.Decimal("-0.25"))
        st.metric("Np", np.int64(7), delta=np.float64(0.5))
        st.metric("Hidden", 1, label_visibility="hidden")
        st.metric("Collapsed", 2, label_visibility="collapsed", delta="up", delta_color="green")
        st.metric("Icon", 3, icon="🔥", delta=-1, delta_arrow="off")
        attempt(lambda: st.metric("Bad", 1, label_visibility="gone"))
        """,
        attrs("metric", "value", "label", "delta", "color", "direction"),
    ),
    # ------------------------------------------------------------------ exception
    case(
        "exception_element",
        """
        class AppError(Exception):
            pass

        st.exception(ValueError("bad value"))
        st.exception(AppError("custom"))
        try:
            {}["missing"]
        except KeyError as e:
            st.exception(e)
        st.text("after")
        """,
        attrs("exception", "value", "message", "is_markdown", "is_warning"),
    ),
    case(
        "uncaught_exception_after_content",
        """
        st.text("before")
        raise RuntimeError("boom")
        """,
        attrs("exception", "value", "is_markdown"),
    ),
    case(
        "uncaught_streamlit_api_exception",
        """
        st.text("before")
        st.columns(0)
        """,
        attrs("exception", "value", "is_markdown"),
    ),
    case(
        "exception_non_exception_and_chained",
        """
        try:
            try:
                1 / 0
            except ZeroDivisionError as inner:
                raise ValueError("outer") from inner
        except ValueError as e:
            st.exception(e)
        attempt(lambda: st.exception("just a string"))
        st.exception(RuntimeError())
        """,
        attrs("exception", "value", "message", "is_markdown"),
    ),
    # ------------------------------------------------------------------ json
    case(
        "json_expanded_and_nested",
        """
        st.json({"a": 1, "nested": {"list": [1, 2, {"deep": True}], "none": None}})
        st.json([1, "two", 3.0], expanded=False)
        st.json({"x": 1}, expanded=2)
        st.json('{"already": "json"}')
        st.json(("tuple", 1))
        """,
        attrs("json", "value", "expanded"),
    ),
    case(
        "json_non_serialisable_values",
        """
        import datetime
        class Thing:
            def __repr__(self):
                return "Thing()"
        st.json({"when": datetime.date(2024, 1, 2), "obj": Thing(), "set": {3}})
        st.json({1: "int key", (1, 2): "tuple key"})
        """,
    ),
    case(
        "json_strings_none_and_special_floats",
        """
        st.json(None)
        st.json("not json at all")
        st.json('[1, 2')
        st.json({"nan": float("nan"), "inf": float("inf")})
        st.json([])
        attempt(lambda: st.json({"a": 1}, expanded="yes"))
        """,
        attrs("json", "value", "expanded"),
    ),
    # ------------------------------------------------------------------ help / echo
    case(
        "help_functions_classes_modules",
        """
        import json as json_module

        def documented(a, b=2):
            '''Adds things.'''
            return a + b

        class Widget:
            '''A widget class.'''
            def method(self):
                '''A method.'''

        st.help(documented)
        st.help(Widget)
        st.help(json_module)
        st.help(len)
        st.help(Widget().method)
        """,
        attrs("help", "name", "doc_string", "value"),
    ),
    case(
        "help_lambda_via_magic",
        """
        lambda x: x + 1
        st.help(None)
        """,
        attrs("help", "name", "value"),
    ),
    case(
        "help_values_and_builtins",
        """
        st.help(1)
        st.help("a string")
        st.help([1, 2])
        st.help(st)
        st.help(st.text)
        st.help(dict.get)

        def no_doc():
            pass

        st.help(no_doc)
        """,
        attrs("help", "name", "value"),
    ),
    case(
        "echo_code_then_output",
        """
        with st.echo():
            x = 2 + 3
            st.text(f"x is {x}")
        with st.echo(code_location="below"):
            st.text("below")
        """,
    ),
    case(
        "echo_nested_blocks_and_location",
        """
        with st.echo():
            for i in range(2):
                st.text(f"loop {i}")
        col = st.columns(2)[1]
        with col:
            with st.echo("below"):
                st.text("in column")
        attempt(lambda: st.echo(code_location="side").__enter__())
        """,
    ),
    # ------------------------------------------------------------------ write_stream / toast / progress / spinner
    case(
        "write_stream_generator_of_strings",
        """
        def words():
            for w in ["Hello", " ", "world", "!"]:
                yield w

        result = st.write_stream(words())
        show(result)
        show(st.write_stream(["a", "b"]))
        """,
    ),
    case(
        "write_stream_mixed_chunks",
        """
        def chunks():
            yield "text "
            yield {"k": 1}
            yield "more"

        out = st.write_stream(chunks())
        show(out)
        """,
    ),
    case(
        "write_stream_invalid_and_callable",
        """
        def gen_func():
            yield "from a "
            yield "generator function"

        show(st.write_stream(gen_func))
        attempt(lambda: st.write_stream(5))
        show(st.write_stream([]))
        """,
    ),
    case(
        "toast_messages",
        """
        st.toast("Saved!", icon="🎉")
        st.toast("Plain toast")
        st.text("body")
        """,
        attrs("toast", "value", "icon"),
    ),
    case(
        "progress_values_and_handle_updates",
        """
        st.progress(0)
        st.progress(0.25, text="quarter")
        bar = st.progress(10, text="start")
        bar.progress(50, text="half")
        bar.progress(1.0)
        attempt(lambda: st.progress(150))
        attempt(lambda: st.progress("x"))
        """,
        attrs("progress", "value", "text"),
    ),
    case(
        "progress_updates_across_clicks",
        """
        n = st.session_state.setdefault("n", 0)
        bar = st.progress(0, text="waiting")
        if st.button("step", key="step"):
            st.session_state.n = n = min(n + 40, 100)
        bar.progress(n, text=f"{n}%")
        """,
        click("step"),
        click("step"),
        click("step"),
        attrs("progress", "value", "text"),
    ),
    case(
        "toast_duration_and_rerun",
        """
        st.toast("short", duration="short")
        st.toast("forever", duration="infinite")
        attempt(lambda: st.toast("bad", duration="sometimes"))
        if st.button("toast", key="t"):
            st.toast("clicked!")
        """,
        attrs("toast", "value", "icon"),
        click("t"),
        attrs("toast", "value"),
    ),
    case(
        "spinner_leaves_only_its_content",
        """
        with st.spinner("Working..."):
            st.text("inside spinner")
        with st.spinner():
            pass
        st.text("after")
        """,
    ),
    case(
        "balloons_and_snow",
        """
        st.balloons()
        st.snow()
        if st.button("again", key="again"):
            st.balloons()
        """,
        click("again"),
        run(),
    ),
    case(
        "html_style_only_and_files",
        """
        st.html("<style>.x { color: red; }</style>")
        st.html("<p>visible</p><style>p {}</style>")
        st.text("after")
        """,
        attrs("html", "value"),
    ),
    # ------------------------------------------------------------------ data
    case(
        "dataframe_and_table",
        df_script("""
        st.dataframe(df)
        st.dataframe(df, hide_index=True, column_order=["c", "a"])
        st.table(df)
        st.table({"k": [1, 2]})
        st.dataframe([[1, 2], [3, 4]])
        """),
        frames("dataframe"),
        frames("table"),
    ),
    case(
        "dataframe_column_config",
        df_script("""
        st.dataframe(
            df,
            column_config={
                "a": st.column_config.NumberColumn("Amount", format="%d $"),
                "b": st.column_config.ProgressColumn("Progress", min_value=0, max_value=10),
                "c": st.column_config.TextColumn("Label", help="label help"),
            },
        )
        st.dataframe(df, column_config={"a": "Renamed", "b": None})
        """),
        frames("dataframe"),
    ),
    case(
        "data_editor_returns_data",
        df_script("""
        edited = st.data_editor(df, key="ed")
        show(edited.shape, list(edited.columns), int(edited["a"].sum()))
        show(st.session_state.ed)
        """),
        run(),
        attrs("data_editor", "editing_mode"),
        frames("data_editor"),
    ),
    case(
        "data_editor_edits_via_session_state",
        df_script("""
        edited = st.data_editor(df, key="ed", num_rows="dynamic")
        show(edited.to_dict("list"))
        """),
        state("ed", {"edited_rows": {"0": {"a": 10}}, "added_rows": [], "deleted_rows": []}),
        run(),
        state("ed", {"edited_rows": {}, "added_rows": [{"a": 7, "c": "new"}], "deleted_rows": [1]}),
    ),
    case(
        "data_editor_list_input_and_disabled",
        """
        out = st.data_editor([{"name": "a", "n": 1}, {"name": "b", "n": 2}], disabled=["name"], key="e")
        show(out)
        """,
    ),
    # ------------------------------------------------------------------ charts
    case(
        "builtin_charts",
        df_script("""
        st.line_chart(df, x="a", y="b")
        st.bar_chart(df, x="c", y="a", horizontal=True)
        st.area_chart(df[["a", "b"]])
        st.scatter_chart(df, x="a", y="b", size="b")
        st.line_chart({"s": [1, 3, 2]})
        """),
    ),
    case(
        "map_and_pydeck",
        """
        import pandas as pd
        import pydeck as pdk
        pts = pd.DataFrame({"lat": [37.76, 37.77], "lon": [-122.4, -122.41]})
        st.map(pts)
        st.map(pts, zoom=10, size=20)
        st.pydeck_chart(pdk.Deck(initial_view_state=pdk.ViewState(latitude=37.76, longitude=-122.4, zoom=11)))
        attempt(lambda: st.map(pd.DataFrame({"x": [1]})))
        """,
    ),
    case(
        "altair_and_vega_lite",
        df_script("""
        import altair as alt
        chart = alt.Chart(df).mark_bar().encode(x="c", y="a")
        st.altair_chart(chart)
        st.vega_lite_chart(df, {"mark": "point", "encoding": {"x": {"field": "a"}, "y": {"field": "b"}}})
        st.write(chart)
        """),
    ),
    case(
        "graphviz_dot_string",
        """
        st.graphviz_chart("digraph { a -> b; b -> c }")
        st.graphviz_chart('''
            graph {
                x -- y
            }
        ''')
        """,
        attrs("graphviz_chart", "spec", "engine"),
    ),
    case(
        "chart_vega_lite_spec",
        df_script("""
        st.line_chart(df, x="a", y="b")
        st.vega_lite_chart(df, {"mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}}})
        """),
        attrs("vega_lite_chart", "spec"),
        marks=(pytest.mark.xfail(strict=True, reason=(
            "apptest records a chart summary (chart, x, y, rows, columns) instead of the "
            "Vega-Lite spec and datasets Streamlit builds: proto.spec is missing")),),
    ),
    case(
        "map_deck_json",
        """
        import pandas as pd
        st.map(pd.DataFrame({"lat": [37.76], "lon": [-122.4]}))
        """,
        attrs("deck_gl_json_chart", "json"),
        marks=(pytest.mark.xfail(strict=True, reason=(
            "apptest records a map summary (latitude, longitude, rows, columns) instead of the "
            "deck.gl JSON Streamlit builds: proto.json is missing")),),
    ),
    case(
        "plotly_chart",
        """
        import plotly.express as px
        st.plotly_chart(px.line(x=[1, 2, 3], y=[3, 1, 2]))
        """,
        marks=_requires("plotly"),
    ),
    case(
        "pyplot_figure",
        """
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots()
        ax.plot([1, 2, 3])
        st.pyplot(fig)
        """,
        marks=_requires("matplotlib"),
    ),
    # ------------------------------------------------------------------ media
    case(
        "image_urls_and_captions",
        """
        st.image("https://example.com/cat.png", caption="a cat")
        st.image(["https://example.com/a.png", "https://example.com/b.png"], caption=["A", "B"])
        st.image("data:image/png;base64,iVBORw0KGgo=", width=40)
        """,
        attrs("image", "value", "captions"),
    ),
    case(
        "image_from_array_media_url",
        """
        import numpy as np
        st.image(np.zeros((4, 4, 3), dtype=np.uint8))
        """,
        marks=(pytest.mark.xfail(strict=True, reason=(
            "AppTest shows an in-memory image as its media URL '/mock/media/<md5 of the JPEG/PNG "
            "bytes Streamlit encodes with PIL>.jpg'; apptest records a description "
            "('<array 4x4x3 uint8>') and does not re-encode images")),),
    ),
    case(
        "audio_and_video",
        """
        st.audio("https://example.com/sound.mp3")
        st.audio(b"RIFF....WAVEfmt ", format="audio/wav")
        st.video("https://example.com/clip.mp4", start_time=5)
        st.video(b"\\x00\\x00\\x00\\x18ftypmp42", format="video/mp4", loop=True)
        st.video("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
        """,
    ),
    case(
        "media_proto_urls",
        """
        st.audio("https://example.com/sound.mp3", start_time=3)
        st.video("https://example.com/clip.mp4", start_time=5)
        """,
        attrs("audio", "url", "start_time"),
        attrs("video", "url", "start_time"),
        marks=(pytest.mark.xfail(strict=True, reason=(
            "apptest records media as src/format descriptors; AppTest's proto has url (the URL, a "
            "YouTube embed URL, or '/mock/media/<file id>.<ext>' for in-memory data): proto.url "
            "is missing")),),
    ),
    # ------------------------------------------------------------------ links
    case(
        "link_button_and_page_link",
        """
        st.link_button("Docs", "https://docs.streamlit.io", help="open docs", type="primary")
        st.link_button("Disabled", "https://example.com", disabled=True)
        st.page_link("https://example.com", label="External", icon="🌐")
        """,
        attrs("link_button", "value", "label", "url", "help", "disabled"),
        attrs("page_link", "value", "label", "page", "icon", "external"),
    ),
    case(
        "link_button_invalid_url",
        """
        attempt(lambda: st.page_link("https://example.com"))
        st.link_button("x", "https://example.com", key="lb")
        """,
    ),
    # ------------------------------------------------------------------ st.write dispatch
    case(
        "write_strings_numbers_and_several_args",
        """
        st.write("hello *world*")
        st.write(42)
        st.write(3.5)
        st.write("a", "b", 1, "c")
        st.write(True)
        st.write("multi\\nline", 7)
        st.write("`code`", 2)
        """,
    ),
    case(
        "write_collections",
        """
        st.write([1, 2, 3])
        st.write({"k": [1, {"n": None}]})
        st.write((1, 2))
        st.write(("x",))
        st.write({1, 2})
        st.write(range(3))
        st.write("list:", [1])
        """,
    ),
    case(
        "write_dataframes_and_exceptions",
        df_script("""
        st.write(df)
        st.write(df["a"])
        st.write(ValueError("bad"))
        st.write("text", df, "more")
        """),
    ),
    case(
        "write_functions_classes_modules",
        """
        import math

        def f(x):
            '''Doc.'''

        class C:
            pass

        st.write(f)
        st.write(C)
        st.write(math)
        st.write(len)
        st.write(C())
        """,
    ),
    case(
        "write_generators_none_and_objects",
        """
        def gen():
            yield "streamed "
            yield "text"

        st.write(gen())
        st.write(None)
        st.write()
        st.write(b"bytes")
        st.write(object)
        class WithStr:
            def __str__(self):
                return "custom str"
        st.write(WithStr())
        """,
    ),
    case(
        "write_unsafe_html_and_markdown_objects",
        """
        class Html:
            def _repr_html_(self):
                return "<b>rich</b>"
        st.write("<i>x</i>", unsafe_allow_html=True)
        st.write(Html(), unsafe_allow_html=True)
        st.write(Html())
        """,
    ),
    case(
        "write_special_objects",
        """
        import dataclasses
        import collections
        import numpy as np

        @dataclasses.dataclass
        class Point:
            x: int = 1

        Pair = collections.namedtuple("Pair", "a b")
        st.session_state.k = "v"
        st.write(Point())
        st.write(Pair(1, 2))
        st.write(np.array([1, 2, 3]))
        st.write(st.session_state)
        st.write({"a": 1}.keys())
        st.write(collections.OrderedDict(a=1))
        """,
    ),
    case(
        "write_delta_generator_shows_its_repr",
        """
        st.write(st.container())
        """,
        marks=(pytest.mark.xfail(strict=True, reason=(
            "st.write(<DeltaGenerator>) shows help whose value is the DeltaGenerator's repr; "
            "Streamlit's repr lists its cursor internals ('DeltaGenerator(_provided_cursor="
            "RunningCursor(...), _parent=..., _block_type=...)'), apptest's is "
            "\"DeltaGenerator(root='main')\"")),),
    ),
    case(
        "write_on_placeholder_single_only",
        """
        ph = st.empty()
        ph.write("replaced")
        attempt(lambda: st.empty().write("a", "b"))
        """,
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_element(case: Case) -> None:
    check_case(case)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name) for c in CASES])
def test_script_compiles(case: Case) -> None:
    """A script that does not compile would fail the same way in both drivers and prove nothing."""
    compile(case.script, case.name, "exec")
