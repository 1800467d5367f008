"""Execution control: ``st.rerun``, ``st.stop``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NoReturn

from apptest.runtime import context as _context
from apptest.runtime.script_runner import RerunException, StopException
from apptest.runtime.streamlit_api import errors as E

_SCOPE_TYPES = ["str", "int", "list[str | int]"]
_SCOPE_VALUES = ["'app'", "'fragment'", "a fragment key", "a list of keys"]


def _normalize_scope(scope: Any) -> str | list[str]:
    """Validate ``scope`` as Streamlit 1.67 does: 'app', 'fragment', a fragment key or keys."""
    if isinstance(scope, int):
        scope = str(scope)
    if isinstance(scope, (bytes, bytearray)) or not isinstance(scope, (str, Sequence)):
        raise E.StreamlitInvalidParameterTypeError("scope", type(scope).__name__, _SCOPE_TYPES)
    if isinstance(scope, str):
        if scope == "":
            raise E.StreamlitValueError("scope", _SCOPE_VALUES, detail="Got an empty string.")
        return scope
    if len(scope) == 0:
        raise E.StreamlitValueError("scope", _SCOPE_VALUES, detail="Got an empty list.")
    normalized: list[str] = []
    for name in scope:
        if isinstance(name, int):
            normalized.append(str(name))
        elif not isinstance(name, str):
            raise E.StreamlitInvalidParameterTypeError("scope list items", type(name).__name__, ["str", "int"])
        elif name == "":
            raise E.StreamlitValueError(
                "scope list items", ["non-empty strings or ints"], detail="Found an empty string in the list."
            )
        else:
            normalized.append(name)
    for name in normalized:
        if name in ("app", "fragment"):
            raise E.StreamlitValueError(
                "scope",
                ["fragment keys"],
                detail=f"'{name}' is a reserved scope name and cannot appear inside a list. "
                f"Pass '{name}' directly as a string.",
            )
    return normalized


def _resolve_fragment_keys(ctx: Any, names: list[str]) -> list[str]:
    registry: dict[str, Any] = ctx.session.stores.get("fragments", {})
    resolved: list[str] = []
    for name in names:
        ids = [fid for fid, info in registry.items() if info.get("key") == name]
        if not ids:
            raise E.StreamlitAPIException(
                f"No fragment found for target '{name}'. Pass the same "
                f"`key` you set on `@st.fragment(key=...)`, and make sure "
                f"that fragment has rendered at least once."
            )
        resolved.extend(i for i in ids if i not in resolved)
    return resolved


def rerun(scope: Any = "app") -> NoReturn:
    ctx = _context.require()
    scope = _normalize_scope(scope)
    if scope == "app":
        raise RerunException("app")
    if scope == "fragment":
        queue: list[str] = ctx.extra.get("fragment_ids_this_run") or []
        if not ctx.extra.get("fragment_run") or not queue:
            raise E.StreamlitInvalidLayoutContextError(
                'scope="fragment" can only be specified from `@st.fragment`-decorated '
                "functions during fragment reruns."
            )
        # Rerun the fragment running now and the ones queued after it.
        current = ctx.fragment_stack[-1] if ctx.fragment_stack else None
        raise RerunException("fragment", queue[queue.index(current):] if current in queue else list(queue))
    # One or more fragment keys: an event-scoped rerun of the named fragment(s).
    if not ctx.callback_phase:
        raise E.StreamlitAPIException(
            "Passing a fragment key to `st.rerun()` is only allowed from a "
            "widget callback (e.g. `on_change` / `on_click`). Calling it "
            "from the main script body or a fragment body would abort the "
            "current run. If you meant to rerun the whole app or the "
            "current fragment, use `scope='app'` or `scope='fragment'`."
        )
    names = [scope] if isinstance(scope, str) else scope
    raise RerunException("fragments", _resolve_fragment_keys(ctx, names))


def stop() -> NoReturn:
    _context.require()
    raise StopException()
