"""Text elements: markdown, headings, text, code, json, alerts, exceptions, st.write."""

from __future__ import annotations

import array
import dataclasses
import inspect
import json
import re
import textwrap
import types
import unicodedata
from collections import ChainMap, UserDict, UserList, deque
from collections.abc import ItemsView, KeysView, Mapping, ValuesView
from enum import EnumMeta
from io import StringIO
from typing import Any

from apptest.runtime import context as _context
from apptest.runtime.streamlit_api import errors as E
from apptest.runtime.streamlit_api.core import DeltaGenerator
from apptest.runtime.streamlit_api.exception import exception_props
from apptest.runtime.streamlit_api.layout import validate_icon

_MEM_ADDRESS = re.compile(r"^<.* at 0x[0-9a-fA-F]+>$")


def _max_run(s: str, ch: str) -> int:
    best = cur = 0
    for c in s:
        if c == ch:
            cur += 1
            if cur > best:
                best = cur
        else:
            cur = 0
    return best


def _json_default(o: Any) -> Any:
    # Streamlit's _ensure_serialization: sets become lists, anything else its repr.
    return list(o) if isinstance(o, set) else repr(o)


def _fqn(t: type) -> str:
    return f"{t.__module__}.{t.__qualname__}"


def _is_type_instance(obj: Any, fqn: str) -> bool:
    return any(_fqn(t) == fqn for t in type(obj).__mro__)


def _is_pydantic_model(obj: Any) -> bool:
    return not isinstance(obj, type) and _is_type_instance(obj, "pydantic.main.BaseModel")


def _is_sequence_of_pydantic_models(obj: Any) -> bool:
    if not isinstance(obj, (list, tuple, set, frozenset)) or len(obj) == 0:
        return False
    return _is_pydantic_model(next(iter(obj)))


def _is_custom_dict(obj: Any) -> bool:
    """One of Streamlit's own mappings (session state, query params, user info...)."""
    return (
        isinstance(obj, Mapping)
        and type(obj).__module__.startswith("streamlit")
        and callable(getattr(obj, "to_dict", None))
    )


_LIST_LIKE = (array.ArrayType, deque, EnumMeta, enumerate, frozenset, ItemsView, KeysView, map, range, UserList,
              ValuesView)


def _is_list_like(obj: Any) -> bool:
    if isinstance(obj, str):
        return False
    return isinstance(obj, (list, set, tuple, *_LIST_LIKE))


def json_body(body: Any) -> tuple[str, str | None]:
    """Serialize like ``st.json``: (body text, warning or None)."""
    if isinstance(body, str):
        return body, None
    if _is_custom_dict(body):
        is_user = type(body).__name__ == "UserInfoProxy"
        body = body.to_dict()
        if is_user and "tokens" in body:
            body["tokens"] = dict.fromkeys(body["tokens"], "***")
    if _is_namedtuple(body):
        body = body._asdict()
    if isinstance(body, (ChainMap, types.MappingProxyType, UserDict)) or _is_pydantic_model(body):
        body = dict(body)
    if _is_list_like(body):
        if _is_sequence_of_pydantic_models(body):
            first = next(iter(body))
            if callable(getattr(first, "model_dump", None)):
                body = [item.model_dump(mode="json") for item in body]
            else:
                body = [item.dict() for item in body]
        else:
            body = list(body)
    try:
        return json.dumps(body, default=_json_default), None
    except TypeError as err:
        warning = (
            "Warning: this data structure was not fully serializable as "
            f"JSON due to one or more unexpected keys.  (Error was: {err})"
        )
        return json.dumps(body, skipkeys=True, default=_json_default), warning


class TextMixin:
    def markdown(
        self,
        body: Any,
        unsafe_allow_html: bool = False,
        *,
        help: str | None = None,
        width: Any = "stretch",
        text_alignment: str | None = None,
        anchors: bool = True,
        wrap: bool = True,
    ) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        _validate_wrap(wrap)
        if wrap is False and unsafe_allow_html:
            raise E.StreamlitIncompatibleParametersError(
                "wrap=False", "unsafe_allow_html=True",
                explanation="One-line markdown cannot ellipsize raw HTML. Pass `wrap=True` to render HTML, "
                "or omit `unsafe_allow_html` to truncate.",
            )
        return dg._add_element("markdown", {"body": _clean_text(body), "help": help or "",
                                            "allow_html": unsafe_allow_html, "element_type": "NATIVE",
                                            "hide_anchors": not anchors, "wrap": wrap})

    def caption(self, body: Any, unsafe_allow_html: bool = False, *, help: str | None = None,
                width: Any = "stretch", text_alignment: str | None = None, wrap: bool = True) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        _validate_wrap(wrap)
        return dg._add_element("caption", {"body": _clean_text(body), "help": help or "", "is_caption": True,
                                           "allow_html": unsafe_allow_html, "element_type": "CAPTION",
                                           "wrap": wrap})

    def text(self, body: Any, *, help: str | None = None, width: Any = "content",
             text_alignment: str | None = None, wrap: bool = True) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        _validate_wrap(wrap)
        return dg._add_element("text", {"body": _clean_text(body), "help": help or "", "wrap": wrap})

    def _heading(self, tag: str, kind: str, body: Any, anchor: Any, help: str | None, divider: Any,
                 icon: Any = None, wrap: bool = True) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        # Streamlit's HeadingMixin._create_heading_proto, in its order.
        _validate_wrap(wrap)
        props: dict[str, Any] = {"body": _clean_text(body), "tag": tag, "help": "", "anchor": "",
                                 "hide_anchor": False, "divider": "", "icon": validate_icon(icon), "wrap": wrap}
        if divider:
            if divider is True:
                props["divider"] = "auto"
            elif divider in _DIVIDER_COLORS:
                props["divider"] = divider
            else:
                raise E.StreamlitValueError("divider", ["True"] + [f"'{c}'" for c in _DIVIDER_COLORS])
        if anchor is not None:
            if anchor is False:
                props["hide_anchor"] = True
            elif isinstance(anchor, str):
                props["anchor"] = anchor
            elif anchor is True:
                raise E.StreamlitValueError("anchor", ["None", "False", "any string"])
            else:
                raise E.StreamlitInvalidParameterTypeError("anchor", type(anchor).__name__, ["str", "None", "False"])
        if help:
            props["help"] = help
        return dg._add_element(kind, props)

    def title(self, body: Any, anchor: Any = None, *, help: str | None = None, icon: str | None = None,
              width: Any = "stretch", text_alignment: str | None = None, wrap: bool = True) -> DeltaGenerator:
        return self._heading("h1", "title", body, anchor, help, False, icon, wrap)

    def header(self, body: Any, anchor: Any = None, *, help: str | None = None, icon: str | None = None,
               divider: Any = False, width: Any = "stretch", text_alignment: str | None = None,
               wrap: bool = True) -> DeltaGenerator:
        return self._heading("h2", "header", body, anchor, help, divider, icon, wrap)

    def subheader(self, body: Any, anchor: Any = None, *, help: str | None = None, icon: str | None = None,
                  divider: Any = False, width: Any = "stretch", text_alignment: str | None = None,
                  wrap: bool = True) -> DeltaGenerator:
        return self._heading("h3", "subheader", body, anchor, help, divider, icon, wrap)

    def code(self, body: Any, language: str | None = "python", *, line_numbers: bool = False,
             wrap_lines: bool = False, height: Any = "content", width: Any = "stretch") -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        return dg._add_element("code", {"code_text": _strip_one_newline(str(body)), "language": language or "plaintext",
                                        "show_line_numbers": line_numbers})

    def json(self, body: Any, *, expanded: Any = True, width: Any = "stretch") -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        text, warning = json_body(body)
        if warning is not None:
            _any(dg).warning(warning)
        props: dict[str, Any] = {"body": text, "expanded": expanded is not False}
        if not isinstance(expanded, bool):
            if not isinstance(expanded, int):
                raise E.StreamlitInvalidParameterTypeError("expanded", type(expanded).__name__, ["bool", "int"])
            props["max_expand_depth"] = expanded
        return dg._add_element("json", props)

    def _alert(self, kind: str, body: Any, icon: Any, title: Any) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        text = _clean_text(body)
        if icon is not None:
            icon = validate_icon(icon)
        else:  # a leading emoji or Material icon in the body becomes the icon
            icon, text = extract_leading_icon(text)
        return dg._add_element(kind, {"body": text, "icon": icon,
                                      "title": _clean_text(title) if title is not None else ""})

    def error(self, body: Any, *, icon: Any = None, width: Any = "stretch", title: Any = None) -> DeltaGenerator:
        return self._alert("error", body, icon, title)

    def warning(self, body: Any, *, icon: Any = None, width: Any = "stretch", title: Any = None) -> DeltaGenerator:
        return self._alert("warning", body, icon, title)

    def info(self, body: Any, *, icon: Any = None, width: Any = "stretch", title: Any = None) -> DeltaGenerator:
        return self._alert("info", body, icon, title)

    def success(self, body: Any, *, icon: Any = None, width: Any = "stretch", title: Any = None) -> DeltaGenerator:
        return self._alert("success", body, icon, title)

    def exception(self, exception: BaseException, width: Any = "stretch") -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        return dg._add_element("exception", exception_props(exception, uncaught=False))

    def help(self, obj: Any = None, *, width: Any = "stretch") -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        from apptest.runtime.streamlit_api.help import help_props

        return dg._add_element("help", help_props(obj))

    def empty(self) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        return dg._add_element("empty", {})

    # ------------------------------------------------------------------ st.write
    def write(self, *args: Any, unsafe_allow_html: bool = False) -> None:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        target = dg._active(ctx)
        if target._slot_parent is not None and len(args) > 1:
            raise E.StreamlitAPIException(
                "Cannot replace a single element with multiple elements.\n\n"
                "The `write()` method only supports multiple elements when "
                "inserting elements rather than replacing. That is, only "
                "when called as `st.write()` or `st.sidebar.write()`."
            )
        buffer: list[str] = []

        def flush() -> None:
            if buffer:
                _any(dg).markdown(" ".join(buffer), unsafe_allow_html=unsafe_allow_html)
                buffer.clear()

        w = _any(dg)
        for arg in args:
            t = type(arg)
            if t is str:
                buffer.append(arg)
                continue
            if t in _PLAIN_SCALARS:
                # Fast path: no branch below matches a plain number, bool or None; they all end
                # as an inline code span (their str() has neither newlines nor backticks).
                buffer.append(f"`{arg}`")
                continue
            # Order matters, as in Streamlit's st.write.
            if isinstance(arg, str):
                buffer.append(arg)
            elif isinstance(arg, Exception):
                flush()
                w.exception(arg)
            elif isinstance(arg, DeltaGenerator):
                flush()
                w.help(arg)
            elif _is_dataframe_like(arg):
                flush()
                w.dataframe(arg)
            elif _fqn_matches(arg, _ALTAIR_RE):
                flush()
                w.altair_chart(arg)
            elif _fqn(type(arg)) == "matplotlib.figure.Figure":
                flush()
                w.pyplot(arg)
            elif _is_plotly_chart(arg):
                flush()
                w.plotly_chart(arg)
            elif _fqn(type(arg)) in _GRAPHVIZ_TYPES:
                flush()
                w.graphviz_chart(arg)
            elif _is_sympy_expression(arg):
                flush()
                w.latex(arg)
            elif _fqn(type(arg)).startswith("PIL."):
                flush()
                w.image(arg)
            elif (
                isinstance(arg, (dict, list, map, enumerate, types.MappingProxyType, UserDict, ChainMap, UserList,
                                 ItemsView, KeysView, ValuesView))
                or _is_custom_dict(arg)
                or _is_namedtuple(arg)
                or _is_pydantic_model(arg)
                or _is_sequence_of_pydantic_models(arg)
            ):
                flush()
                w.json(arg)
            elif _fqn(type(arg)) == "pydeck.bindings.deck.Deck":
                flush()
                w.pydeck_chart(arg)
            elif isinstance(arg, StringIO):
                flush()
                w.markdown(arg.getvalue())
            elif inspect.isgenerator(arg) or inspect.isgeneratorfunction(arg) or inspect.isasyncgenfunction(arg) \
                    or inspect.isasyncgen(arg) or _fqn(type(arg)) == "openai.Stream":
                flush()
                w.write_stream(arg)
            elif isinstance(arg, _HELP_TYPES) or dataclasses.is_dataclass(arg) or inspect.isclass(arg):
                flush()
                w.help(arg)
            elif unsafe_allow_html and callable(getattr(arg, "_repr_html_", None)):
                w.html(arg._repr_html_())
            elif callable(getattr(arg, "to_pandas", None)) or callable(getattr(arg, "__dataframe__", None)):
                flush()
                w.dataframe(arg)
            else:
                s = str(arg)
                if _MEM_ADDRESS.match(s):
                    flush()
                    w.help(arg)
                elif "\n" in s:
                    n = max(3, _max_run(s, "`") + 1)
                    buffer.append(f"{'`' * n}\n{s}\n{'`' * n}")
                else:
                    n = _max_run(s, "`") + 1
                    buffer.append(f"{'`' * n}{s}{'`' * n}")
        flush()


_PLAIN_SCALARS = frozenset({int, float, bool, type(None)})
_DIVIDER_COLORS = ("red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "rainbow")
_LEADING_MATERIAL = re.compile(r"^(:[^:]+:)\s*(.*)", re.DOTALL)
_MATERIAL_ICON = re.compile(r"^\s*:material/[a-z0-9_]+:\s*$")


def _validate_wrap(wrap: Any) -> None:
    if not isinstance(wrap, bool):
        raise E.StreamlitValueError("wrap", ["True", "False"])


def _leading_emoji(text: str) -> int:
    """Length of the emoji at the start of ``text`` (0 if none); approximates Streamlit's catalog."""
    if not text or text.isascii():
        return 0
    n = len(text)
    if 0x1F1E6 <= ord(text[0]) <= 0x1F1FF:  # a flag: two regional indicators
        i = 2 if n > 1 and 0x1F1E6 <= ord(text[1]) <= 0x1F1FF else 0
    else:
        i = 1 if unicodedata.category(text[0]) == "So" else 0
    while 0 < i < n:
        ch = text[i]
        if ch == "\u200d" and i + 1 < n and unicodedata.category(text[i + 1]) == "So":
            i += 2  # zero-width-joiner sequence
        elif unicodedata.category(ch) in ("Mn", "Me") or ch == "\ufe0f" or 0x1F3FB <= ord(ch) <= 0x1F3FF:
            i += 1  # variation selector, keycap, skin tone
        else:
            break
    return i


def extract_leading_icon(text: str) -> tuple[str, str]:
    """(icon, rest): a leading Material shortcode or emoji taken off the text, as alerts do."""
    if not text:
        return "", text
    if text.startswith(":material"):
        m = _LEADING_MATERIAL.match(text)
        if m and _MATERIAL_ICON.match(m.group(1)):
            return m.group(1).strip(), m.group(2)
    n = _leading_emoji(text)
    if not n:
        return "", text
    return text[:n], text[n:].lstrip("_ -")


def _strip_one_newline(text: str) -> str:
    """Drop one leading and one trailing newline, as ``st.code`` does."""
    if text.startswith("\n"):
        text = text[1:]
    if text.endswith("\n"):
        text = text[:-1]
    return text


def _any(x: Any) -> Any:
    return x


def _clean_text(body: Any) -> str:
    text = body if type(body) is str else str(body)
    if "\n" not in text:  # one line: dedent removes only what strip() removes too
        return text.strip()
    return textwrap.dedent(text).strip()


def _is_namedtuple(x: Any) -> bool:
    return isinstance(x, tuple) and hasattr(x, "_fields")


def _is_dataframe_like(x: Any) -> bool:
    mod = type(x).__module__ or ""
    name = type(x).__name__
    return (mod.startswith("pandas") and name in ("DataFrame", "Series", "Index", "Styler")) or (
        mod.startswith("numpy") and name == "ndarray"
    ) or (mod.startswith("pyarrow") and name == "Table") or (mod.startswith("polars") and name in ("DataFrame", "Series"))


_HELP_TYPES = (types.BuiltinFunctionType, types.BuiltinMethodType, types.FunctionType, types.MethodType,
               types.ModuleType)
_ALTAIR_RE = re.compile(r"^altair\.vegalite\.v\d+\.api\.\w*Chart$")
_SYMPY_RE = re.compile(r"^sympy.*$")
_GRAPHVIZ_TYPES = frozenset({
    "graphviz.dot.Graph", "graphviz.dot.Digraph", "graphviz.graphs.Graph", "graphviz.graphs.Digraph",
    "graphviz.sources.Source",
})


def _fqn_matches(obj: Any, pattern: re.Pattern[str]) -> bool:
    return pattern.match(_fqn(type(obj))) is not None


def _is_sympy_expression(obj: Any) -> bool:
    if not _fqn_matches(obj, _SYMPY_RE):
        return False
    try:
        import sympy  # type: ignore[import-untyped, unused-ignore]
    except ImportError:
        return False
    return isinstance(obj, sympy.Expr)


def _is_plotly_obj(obj: Any) -> bool:
    return _fqn(type(obj)).startswith("plotly.graph_objs")


def _is_list_of_plotly_objs(obj: Any) -> bool:
    return isinstance(obj, list) and len(obj) > 0 and all(_is_plotly_obj(o) for o in obj)


def _is_plotly_chart(obj: Any) -> bool:
    if _fqn(type(obj)) == "plotly.graph_objs._figure.Figure" or _is_list_of_plotly_objs(obj):
        return True
    if not isinstance(obj, dict) or not obj or any(k not in ("config", "data", "frames", "layout") for k in obj):
        return False
    return any(_is_plotly_obj(v) or _is_list_of_plotly_objs(v) for v in obj.values())
