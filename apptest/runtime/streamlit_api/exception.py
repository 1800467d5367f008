"""Exception elements, with Streamlit's type naming and message rules."""

from __future__ import annotations

import traceback
from typing import Any

from apptest.runtime.streamlit_api import errors as E

_OWN_FILES = ("/apptest/runtime/",)


def _stack(exc: BaseException) -> list[str]:
    # Formatting failures give no rows (st.exception accepts any object, as Streamlit does).
    tb = getattr(exc, "__traceback__", None)
    if tb is None:
        return []
    frames = traceback.extract_tb(tb)
    # Streamlit strips its own frames for API exceptions; we strip the runtime's always.
    frames = traceback.StackSummary.from_list(
        [f for f in frames if not any(own in f.filename.replace("\\", "/") for own in _OWN_FILES)]
    )
    lines = traceback.format_list(frames)
    return [line.rstrip("\n") for line in lines]


def _syntax_message(exc: SyntaxError) -> str:
    if exc.text:
        caret = " " * max(0, (exc.offset or 1) - 1) + "^"
        return f'File "{exc.filename}", line {exc.lineno}\n  {exc.text.rstrip()}\n  {caret}\n{type(exc).__name__}: {exc.msg}'
    return str(exc)


def exception_props(exc: BaseException, *, uncaught: bool) -> dict[str, Any]:
    """The properties of an exception element (``at.exception[i]``)."""
    if getattr(exc, "alternate_name", None) is not None:
        type_name = str(exc.alternate_name)  # type: ignore[attr-defined]
    else:
        type_name = type(exc).__name__
    if uncaught:
        type_name = str(type(exc)).replace("<class '", "").replace("'>", "")
    is_markdown = False
    try:
        if isinstance(exc, SyntaxError):
            message = _syntax_message(exc)
        else:
            message = str(exc).strip()
            is_markdown = isinstance(exc, E.MarkdownFormattedException)
    except Exception:
        message = ""
    return {
        "type": type_name,
        "message": message,
        "is_markdown": is_markdown,
        "stack_trace": _stack(exc),
        "is_warning": isinstance(exc, Warning),
        "is_streamlit_exception": isinstance(exc, E.Error),
    }
