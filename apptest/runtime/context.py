"""The run context: what belongs to the script run in progress.

One module-level slot holds the active :class:`RunContext`; the ``st`` API reads it on every
call. A plain global (not a ``ContextVar``) keeps the per-call cost to one attribute load.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from apptest.runtime.elements import Block
    from apptest.runtime.session import Session

__all__ = ["RunContext", "current", "require"]

_current: RunContext | None = None


class RunContext:
    """Per-run bookkeeping: registered ids and keys, the container stack, the element tree."""

    __slots__ = (
        "callback_phase",
        "cursor",
        "dialog_open",
        "extra",
        "form_ids",
        "fragment_stack",
        "page_hash",
        "roots",
        "session",
        "widget_ids",
        "widget_user_keys",
    )

    def __init__(self, session: Session, roots: dict[str, Block], page_hash: str) -> None:
        self.session = session
        self.roots = roots
        self.page_hash = page_hash
        self.widget_ids: set[str] = set()
        self.widget_user_keys: set[str] = set()
        self.form_ids: set[str] = set()
        self.cursor: list[Any] = []  # stack of DeltaGenerators entered with `with`
        self.callback_phase = False
        self.fragment_stack: list[str] = []
        self.dialog_open = False
        self.extra: dict[str, Any] = {}


def current() -> RunContext | None:
    return _current


def require() -> RunContext:
    ctx = _current
    if ctx is None:
        from apptest.runtime.streamlit_api.errors import NoSessionContext

        raise NoSessionContext("This st command needs a running app session (apptest runtime).")
    return ctx


def _set(ctx: RunContext | None) -> RunContext | None:
    global _current
    prev = _current
    _current = ctx
    return prev
