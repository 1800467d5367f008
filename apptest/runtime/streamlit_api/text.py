"""Text elements: markdown, headings, text, code, json, alerts, exceptions, st.write."""

from __future__ import annotations

import dataclasses
import inspect
import json
import re
import textwrap
import types
from collections import ChainMap, UserDict, UserList
from collections.abc import ItemsView, KeysView, ValuesView
from io import StringIO
from typing import Any

from apptest.runtime import context as _context
from apptest.runtime.streamlit_api import errors as E
from apptest.runtime.streamlit_api.core import DeltaGenerator
from apptest.runtime.streamlit_api.exception import exception_props

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
    if isinstance(o, (set, frozenset)):
        return list(o)
    return repr(o)


def json_body(body: Any) -> tuple[str, str | None]:
    """Serialize like ``st.json``: (body text, warning or None)."""
    if isinstance(body, str):
        return body, None
    from apptest.runtime.streamlit_api.state_proxy import SessionStateProxy

    if isinstance(body, SessionStateProxy):
        body = body.to_dict()
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
        help: str | None = None,  # noqa: A002
        width: Any = "stretch",
        text_alignment: str | None = None,
    ) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        return dg._add_element("markdown", {"body": _clean_text(body), "help": help or "",
                                            "allow_html": unsafe_allow_html, "element_type": "NATIVE"})

    def caption(self, body: Any, unsafe_allow_html: bool = False, *, help: str | None = None,  # noqa: A002
                width: Any = "stretch", text_alignment: str | None = None) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        return dg._add_element("caption", {"body": _clean_text(body), "help": help or "", "is_caption": True,
                                           "element_type": "CAPTION"})

    def text(self, body: Any, *, help: str | None = None, width: Any = "content",  # noqa: A002
             text_alignment: str | None = None) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        return dg._add_element("text", {"body": str(body), "help": help or ""})

    def _heading(self, tag: str, kind: str, body: Any, anchor: Any, help: str | None, divider: Any) -> DeltaGenerator:  # noqa: A002
        dg: DeltaGenerator = self  # type: ignore[assignment]
        props: dict[str, Any] = {"body": _clean_text(body), "tag": tag, "help": help or ""}
        if anchor is not None:
            props["anchor"] = str(anchor)
        if divider:
            props["divider"] = "auto" if divider is True else str(divider)
        return dg._add_element(kind, props)

    def title(self, body: Any, anchor: Any = None, *, help: str | None = None, width: Any = "stretch",  # noqa: A002
              text_alignment: str | None = None) -> DeltaGenerator:
        return self._heading("h1", "title", body, anchor, help, False)

    def header(self, body: Any, anchor: Any = None, *, help: str | None = None, divider: Any = False,  # noqa: A002
               width: Any = "stretch", text_alignment: str | None = None) -> DeltaGenerator:
        return self._heading("h2", "header", body, anchor, help, divider)

    def subheader(self, body: Any, anchor: Any = None, *, help: str | None = None, divider: Any = False,  # noqa: A002
                  width: Any = "stretch", text_alignment: str | None = None) -> DeltaGenerator:
        return self._heading("h3", "subheader", body, anchor, help, divider)

    def code(self, body: Any, language: str | None = "python", *, line_numbers: bool = False,
             wrap_lines: bool = False, height: Any = "content", width: Any = "stretch") -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        return dg._add_element("code", {"code_text": str(body), "language": language or "plaintext",
                                        "show_line_numbers": line_numbers})

    def json(self, body: Any, *, expanded: Any = True, width: Any = "stretch") -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        text, warning = json_body(body)
        if warning is not None:
            _any(dg).warning(warning)
        return dg._add_element("json", {"body": text, "expanded": expanded is not False})

    def _alert(self, kind: str, body: Any, icon: Any, width: Any = "stretch") -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        return dg._add_element(kind, {"body": _clean_text(body), "icon": icon or ""})

    def error(self, body: Any, *, icon: Any = None, width: Any = "stretch") -> DeltaGenerator:
        return self._alert("error", body, icon)

    def warning(self, body: Any, *, icon: Any = None, width: Any = "stretch") -> DeltaGenerator:
        return self._alert("warning", body, icon)

    def info(self, body: Any, *, icon: Any = None, width: Any = "stretch") -> DeltaGenerator:
        return self._alert("info", body, icon)

    def success(self, body: Any, *, icon: Any = None, width: Any = "stretch") -> DeltaGenerator:
        return self._alert("success", body, icon)

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

        from apptest.runtime.streamlit_api.state_proxy import SessionStateProxy

        for arg in args:
            if isinstance(arg, str):
                buffer.append(arg)
            elif isinstance(arg, BaseException) and isinstance(arg, Exception):
                flush()
                _any(dg).exception(arg)
            elif isinstance(arg, DeltaGenerator):
                flush()
                _any(dg).help(arg)
            elif _is_dataframe_like(arg):
                flush()
                getattr(dg, "dataframe")(arg)  # noqa: B009 - added by another mixin
            elif isinstance(
                arg,
                (dict, list, map, enumerate, types.MappingProxyType, UserDict, ChainMap, UserList,
                 ItemsView, KeysView, ValuesView, SessionStateProxy),
            ) or _is_namedtuple(arg) or _is_custom_dict(arg):
                flush()
                _any(dg).json(arg)
            elif isinstance(arg, StringIO):
                flush()
                _any(dg).markdown(arg.getvalue())
            elif inspect.isgenerator(arg) or inspect.isgeneratorfunction(arg) or inspect.isasyncgen(arg) \
                    or inspect.isasyncgenfunction(arg):
                flush()
                getattr(dg, "write_stream")(arg)  # noqa: B009
            elif isinstance(arg, (types.FunctionType, types.BuiltinFunctionType, types.MethodType,
                                  types.ModuleType)) or dataclasses.is_dataclass(arg) or inspect.isclass(arg):
                flush()
                _any(dg).help(arg)
            else:
                s = str(arg)
                if _MEM_ADDRESS.match(s):
                    flush()
                    _any(dg).help(arg)
                elif "\n" in s:
                    n = max(3, _max_run(s, "`") + 1)
                    buffer.append(f"{'`' * n}\n{s}\n{'`' * n}")
                else:
                    n = _max_run(s, "`") + 1
                    buffer.append(f"{'`' * n}{s}{'`' * n}")
        flush()


def _any(x: Any) -> Any:
    return x


def _clean_text(body: Any) -> str:
    return textwrap.dedent(str(body)).strip()


def _is_namedtuple(x: Any) -> bool:
    return isinstance(x, tuple) and hasattr(x, "_fields")


def _is_custom_dict(x: Any) -> bool:
    from collections import OrderedDict

    return isinstance(x, OrderedDict)


def _is_dataframe_like(x: Any) -> bool:
    mod = type(x).__module__ or ""
    name = type(x).__name__
    return (mod.startswith("pandas") and name in ("DataFrame", "Series", "Index", "Styler")) or (
        mod.startswith("numpy") and name == "ndarray"
    ) or (mod.startswith("pyarrow") and name == "Table") or (mod.startswith("polars") and name in ("DataFrame", "Series"))
