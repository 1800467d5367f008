"""``st.query_params``: a mapping of str -> str over a multi-valued store (spec Appendix A)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableMapping
from typing import Any

from apptest.runtime import context as _context
from apptest.runtime.streamlit_api import errors as E

# Streamlit reserves these (case-insensitive): hidden from the mapping, never settable.
EMBED_QUERY_PARAMS_KEYS = ("embed", "embed_options")


def missing_key_error_message(key: str) -> str:
    return f'st.query_params has no key "{key}".'


def missing_attr_error_message(key: str) -> str:
    return f'st.query_params has no attribute "{key}".'


class QueryParamsData:
    """The session's query string: key -> list of values (the last one wins for ``[]``).

    ``params`` always holds lists; ``multi`` remembers which keys were set from an iterable,
    because Streamlit keeps those as lists and single values as plain strings (``str()`` of
    ``st.query_params`` shows the difference).
    """

    __slots__ = ("multi", "params")

    def __init__(self, initial: dict[str, Any] | None = None) -> None:
        self.params: dict[str, list[str]] = {}
        self.multi: set[str] = set()
        for k, v in (initial or {}).items():
            # What the URL gives: one value is a str, several are a list (AppTest's parse).
            if isinstance(v, (list, tuple)) and len(v) <= 1:
                v = v[0] if v else ""
            self._store(str(k), v)

    def _store(self, key: str, value: Any) -> None:
        if isinstance(value, Iterable) and not isinstance(value, str):
            self.params[key] = [str(item) for item in value]
            self.multi.add(key)
        else:
            self.params[key] = [str(value)]
            self.multi.discard(key)

    def set(self, key: str, value: Any) -> None:
        if isinstance(value, dict):
            raise E.StreamlitQueryParamDictValueError(key)
        if key.lower() in EMBED_QUERY_PARAMS_KEYS:
            raise E.StreamlitAPIException(
                "Query param embed and embed_options (case-insensitive) cannot be set programmatically."
            )
        self._store(key, value)

    def delete(self, key: str) -> None:
        if key.lower() in EMBED_QUERY_PARAMS_KEYS or key not in self.params:
            raise KeyError(missing_key_error_message(key))
        del self.params[key]
        self.multi.discard(key)

    def get(self, key: str) -> str:
        if key.lower() in EMBED_QUERY_PARAMS_KEYS or key not in self.params:
            raise KeyError(missing_key_error_message(key))
        values = self.params[key]
        return values[-1] if values else ""

    def keys(self) -> list[str]:
        return [k for k in self.params if k.lower() not in EMBED_QUERY_PARAMS_KEYS]

    def clear(self) -> None:
        kept = {k: v for k, v in self.params.items() if k.lower() in EMBED_QUERY_PARAMS_KEYS}
        self.multi.intersection_update(kept)
        self.params = kept

    def raw(self) -> dict[str, Any]:
        """Streamlit's internal dict: str for single values, lists for repeated ones."""
        return {k: (list(v) if k in self.multi else (v[0] if v else "")) for k, v in self.params.items()}

    def to_dict(self) -> dict[str, str]:
        return {k: self.get(k) for k in self.keys()}


_fallback = QueryParamsData()


def _data() -> QueryParamsData:
    ctx = _context.current()
    return ctx.session.query_params if ctx is not None else _fallback


class QueryParamsProxy(MutableMapping[str, str]):
    """A stateless proxy to the running session's query params."""

    def __iter__(self) -> Iterator[str]:
        return iter(_data().keys())

    def __len__(self) -> int:
        return len(_data().keys())

    def __str__(self) -> str:
        return str(_data().raw())

    def __getitem__(self, key: str) -> str:
        return _data().get(key)

    def __setitem__(self, key: str, value: Any) -> None:
        _data().set(key, value)

    def __delitem__(self, key: str) -> None:
        _data().delete(key)

    def __getattr__(self, key: str) -> str:
        try:
            return _data().get(key)
        except KeyError:
            raise AttributeError(missing_attr_error_message(key)) from None

    def __setattr__(self, key: str, value: Any) -> None:
        _data().set(key, value)

    def __delattr__(self, key: str) -> None:
        try:
            _data().delete(key)
        except KeyError:
            # Streamlit reports the *key* message here.
            raise AttributeError(missing_key_error_message(key)) from None

    def get_all(self, key: str) -> list[str]:
        data = _data()
        if key not in data.params or key.lower() in EMBED_QUERY_PARAMS_KEYS:
            return []
        return list(data.params[key])

    def clear(self) -> None:
        _data().clear()

    def to_dict(self) -> dict[str, str]:
        return _data().to_dict()

    def from_dict(self, params: Any) -> None:
        data = _data()
        old_params, old_multi = dict(data.params), set(data.multi)
        data.clear()
        try:
            self.update(params)
        except E.StreamlitAPIException:
            data.params, data.multi = old_params, old_multi
            raise

    def update(self, other: Any = (), /, **kwds: Any) -> None:
        if hasattr(other, "keys") and hasattr(other, "__getitem__"):
            pairs = [(k, other[k]) for k in list(other.keys())]
        else:
            pairs = list(other)
        data = _data()
        for k, v in pairs:
            data.set(k, v)
        for k, v in kwds.items():
            data.set(k, v)


QueryParamsProxy.__module__ = "streamlit.runtime.state.query_params_proxy"
