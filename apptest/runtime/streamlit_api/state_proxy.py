"""``st.session_state``: the MutableMapping an app sees."""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any

from apptest.runtime import context as _context
from apptest.runtime.session_state import SessionState
from apptest.runtime.streamlit_api.core import require_valid_user_key

_mock_state: SessionState | None = None


def _state() -> SessionState:
    ctx = _context.current()
    if ctx is not None:
        return ctx.session.state
    global _mock_state
    if _mock_state is None:
        _mock_state = SessionState()
    return _mock_state


def _missing_attr_message(name: str) -> str:
    return (
        f'st.session_state has no attribute "{name}". Did you forget to initialize it? '
        "More info: https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization"
    )


class SessionStateProxy(MutableMapping[Any, Any]):
    """A dictionary-like object for persisting values across reruns."""

    def __iter__(self) -> Iterator[str]:
        return iter(_state().filtered_state())

    def __len__(self) -> int:
        return len(_state().filtered_state())

    def __str__(self) -> str:
        return str(_state().filtered_state())

    def __getitem__(self, key: Any) -> Any:
        if type(key) is not str:
            key = str(key)
        if not key or key.startswith("$$ID"):
            require_valid_user_key(key)
        return _state()[key]

    def __contains__(self, key: object) -> bool:
        try:
            self[key]
        except KeyError:
            return False
        return True

    def __setitem__(self, key: Any, value: Any) -> None:
        if type(key) is not str:
            key = str(key)
        if not key or key.startswith("$$ID"):
            require_valid_user_key(key)
        _state()[key] = value

    def __delitem__(self, key: Any) -> None:
        key = str(key)
        require_valid_user_key(key)
        del _state()[key]

    def __getattr__(self, key: str) -> Any:
        try:
            if not key or key.startswith("$$ID"):
                require_valid_user_key(key)
            return _state()[key]
        except KeyError:
            raise AttributeError(_missing_attr_message(key)) from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self[key]
        except KeyError:
            raise AttributeError(_missing_attr_message(key)) from None

    def to_dict(self) -> dict[str, Any]:
        return _state().filtered_state()


SessionStateProxy.__module__ = "streamlit.runtime.state.session_state_proxy"
