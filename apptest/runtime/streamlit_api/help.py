"""What ``st.help`` records about an object, as Streamlit 1.67 computes it.

:func:`help_props` returns the element properties of a ``help`` element:

- ``name``: the expression the object was passed as (``st.help(foo)`` -> ``"foo"``), read from the
  caller's source line like Streamlit does; for magic, the whole line (``lambda: 1``);
- ``type``: ``"class"`` for classes, otherwise the type name (``"function"``, ``"int"``...);
- ``doc_string``: the cleaned docstring (the type's one for plain instances);
- ``value``: what ``AppTest``'s ``Help.value`` gives: the readable repr, or ``name`` when the
  stored text is only a signature (``module.func(params)``) or empty.
"""

from __future__ import annotations

import ast
import inspect
import keyword
import linecache
import os
import re
import sys
import types
from typing import Any

__all__ = ["help_props"]

_PACKAGE_DIRS: tuple[str, ...] = ()
_internal_cache: dict[str, bool] = {}
_NEWLINES = re.compile(r"[\n\r]+")
_OBJ_MEM_ADDRESS = re.compile(r"^\<[a-zA-Z_]+[a-zA-Z0-9<>._ ]* at 0x[0-9a-fA-F]+\>$")

# Streamlit's Help proto types whose ``name(params)`` text is a signature, not a value.
_SIGNATURE_TYPES = frozenset({
    "BoundCachedFunc", "CachedFunc", "builtin_function_or_method", "class", "classmethod",
    "classmethod_descriptor", "function", "method", "method_descriptor", "staticmethod",
    "wrapper_descriptor",
})


def _package_dirs() -> tuple[str, ...]:
    global _PACKAGE_DIRS
    if not _PACKAGE_DIRS:
        # This file is apptest/runtime/streamlit_api/help.py: frames anywhere in apptest are ours.
        _PACKAGE_DIRS = (os.path.realpath(os.path.join(os.path.dirname(__file__), "..", "..")) + os.sep,)
    return _PACKAGE_DIRS


def _is_internal(filename: str) -> bool:
    hit = _internal_cache.get(filename)
    if hit is None:
        try:
            resolved = os.path.realpath(filename)
        except (OSError, ValueError):
            hit = False
        else:
            hit = resolved.startswith(_package_dirs())
        _internal_cache[filename] = hit
    return hit


def help_props(obj: Any) -> dict[str, Any]:
    """The ``help`` element properties for ``obj`` (see the module docstring)."""
    name = _variable_name()
    obj_type = "class" if inspect.isclass(obj) else type(obj).__name__
    doc = _docstring(obj)
    raw = _value(obj, name)
    props: dict[str, Any] = {
        "name": name or "",
        "type": obj_type,
        "doc_string": doc or "",
        "value": shown_value(name or "", raw or "", obj_type),
    }
    return props


def shown_value(name: str, raw: str, obj_type: str) -> str:
    """``AppTest``'s ``Help.value``: ``name`` when the raw text is empty or a signature."""
    if name and (not raw or _is_signature(raw, obj_type)):
        return name
    return raw


# ---------------------------------------------------------------------------------- the name
def _source_line(frame: types.FrameType) -> str | None:
    """The caller's current source line, or None when it cannot be read."""
    code = frame.f_code
    filename = code.co_filename
    lineno = frame.f_lineno
    line = ""
    from apptest.runtime import context as _context

    ctx = _context.current()
    session = getattr(ctx, "session", None) if ctx is not None else None
    script = getattr(session, "script", None)
    if script is not None and getattr(script, "filename", None) == filename:
        lines = script.source.splitlines(keepends=True)
        if 1 <= lineno <= len(lines):
            line = lines[lineno - 1]
    else:
        line = linecache.getline(filename, lineno, frame.f_globals)
    if not line:
        return None
    return re.sub(_NEWLINES, "", line.strip())


def _variable_name() -> str | None:
    frame: types.FrameType | None = sys._getframe(1)
    while frame is not None and _is_internal(frame.f_code.co_filename):
        frame = frame.f_back
    if frame is None:
        return None
    code = _source_line(frame)
    if code is None:
        return None
    return _name_from_code(code)


def _name_from_code(code: str) -> str | None:
    tree = ast.parse(code)
    if not _is_command(tree, "help") and not _is_command(tree, "write"):
        # Magic: the whole line, minus a trailing "," people add to make it print.
        return code.removesuffix(",")
    root: Any = tree.body[0].value  # type: ignore[attr-defined]
    if not root.args:
        return None
    arg = root.args[0]
    if type(arg) is ast.NamedExpr:
        if type(arg.target) is ast.Name:
            return arg.target.id
    elif type(arg) is ast.Constant:
        return None
    lines = code.split("\n")
    if len(lines) > 1:
        return str(lines[arg.lineno - 1][arg.col_offset:])
    return str(lines[0][arg.col_offset:getattr(arg, "end_col_offset", -1)])


def _is_command(tree: ast.Module, command: str) -> bool:
    root = tree.body[0].value  # type: ignore[attr-defined]
    if not isinstance(root, ast.Call):
        return False
    return getattr(root.func, "id", None) == command or getattr(root.func, "attr", None) == command


# ---------------------------------------------------------------------------------- docs, value
def _docstring(obj: Any) -> str | None:
    doc = inspect.getdoc(obj)
    if doc is None:
        t = type(obj)
        if (
            t is not type
            and t is not types.ModuleType
            and not inspect.isfunction(obj)
            and not inspect.ismethod(obj)
            and t.__name__ != "CachedFunc"
        ):
            doc = inspect.getdoc(t)
    if doc:
        return doc.strip()
    return None


def _obj_name(obj: Any) -> str | None:
    name = getattr(obj, "__qualname__", None)
    if name:
        return str(name)
    n = getattr(obj, "__name__", None)
    return None if n is None else str(n)


def _signature(obj: Any) -> str | None:
    if not inspect.isclass(obj) and not callable(obj):
        return None
    try:
        return str(inspect.signature(obj))
    except (ValueError, NameError):
        return "(...)"
    except TypeError:
        return None


def _readable(value: Any) -> str | None:
    if type(value).__name__ == "Secrets" or inspect.isclass(value) or inspect.ismodule(value) or callable(value):
        return None
    text = repr(value)
    if isinstance(value, str):
        return _shorten(text)
    if _OBJ_MEM_ADDRESS.match(text):
        return None
    return _shorten(text)


def _shorten(s: str, length: int = 300) -> str:
    s = s.strip()
    return s[:length] + "..." if len(s) > length else s


def _value(obj: Any, var_name: str | None) -> str | None:
    readable = _readable(obj)
    if readable is not None:
        return readable
    name = _obj_name(obj)
    target = obj
    if not name:
        target = type(obj)
        name = _obj_name(target)
    module = getattr(target, "__module__", None)
    sig = _signature(target) or ""
    value: str | None = None
    if name:
        value = f"{module}.{name}{sig}" if module else f"{name}{sig}"
    if value == var_name:
        value = None
    return value


# ---------------------------------------------------------------------------------- signatures
def _is_signature(value: str, obj_type: str) -> bool:
    parsed = _signature_parts(value)
    if parsed is None:
        return False
    prefix, parts = parsed
    if parts == ["..."]:
        return True
    if not parts:
        return "." in prefix or obj_type in _SIGNATURE_TYPES
    if not all(_is_param(p) for p in parts):
        return False
    if all(_is_keyword_field(p) for p in parts):
        return obj_type in _SIGNATURE_TYPES
    return "." in prefix or obj_type in _SIGNATURE_TYPES


def _signature_parts(value: str) -> tuple[str, list[str]] | None:
    if not value or value[0] in "'\"" or "(" not in value or (len(value) >= 300 and value.endswith("...")):
        return None
    open_at = value.find("(")
    if open_at <= 0 or not _is_dotted_name(value[:open_at]):
        return None
    close_at = _matching_paren(value, open_at)
    if close_at is None:
        return None
    suffix = value[close_at + 1:]
    if suffix and not suffix.startswith(" -> "):
        return None
    inside = value[open_at + 1:close_at].strip()
    prefix = value[:open_at]
    if inside == "...":
        return prefix, ["..."]
    if not inside:
        return prefix, []
    return prefix, _split_commas(inside)


def _is_dotted_name(prefix: str) -> bool:
    if not prefix:
        return False
    for part in prefix.split("."):
        if part.isidentifier():
            continue
        if part.startswith("<") and part.endswith(">") and part[1:-1].isidentifier():
            continue
        return False
    return True


def _closes_quote(text: str, index: int, quote: str) -> bool:
    if text[index] != quote:
        return False
    slashes = 0
    cursor = index - 1
    while cursor >= 0 and text[cursor] == "\\":
        slashes += 1
        cursor -= 1
    return slashes % 2 == 0


def _matching_paren(value: str, open_at: int) -> int | None:
    depth = 0
    quote: str | None = None
    for index in range(open_at, len(value)):
        char = value[index]
        if quote is not None:
            if _closes_quote(value, index, quote):
                quote = None
            continue
        if char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
    return None


def _split_commas(text: str) -> list[str]:
    parts: list[str] = []
    start = depth = 0
    quote: str | None = None
    for index, char in enumerate(text):
        if quote is not None:
            if _closes_quote(text, index, quote):
                quote = None
            continue
        if char in "'\"":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:index].strip())
            start = index + 1
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return parts


def _name_and_sep(part: str) -> tuple[str, str]:
    depth = 0
    quote: str | None = None
    for index, char in enumerate(part):
        if quote is not None:
            if _closes_quote(part, index, quote):
                quote = None
            continue
        if char in "'\"":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif depth == 0 and char in ":=":
            return part[:index].strip(), char
    return part.strip(), ""


def _is_param(part: str) -> bool:
    if part in {"*", "/", "..."}:
        return True
    body = part[2:] if part.startswith("**") else part[1:] if part.startswith("*") else part
    name, sep = _name_and_sep(body)
    if not name.isidentifier() or keyword.iskeyword(name):
        return False
    if part.startswith("*"):
        return sep in {"", ":"}
    return sep in {"", ":", "="}


def _is_keyword_field(part: str) -> bool:
    name, sep = _name_and_sep(part)
    return sep == "=" and name.isidentifier()
