"""``st.query_params``: a mapping of str -> str over a multi-valued store (spec Appendix A)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableMapping
from typing import Any

from apptest.runtime import context as _context
from apptest.runtime.streamlit_api import errors as E


class QueryParamsData:
    """The session's query string: key -> list of values (the last one wins for ``[]``)."""

    __slots__ = ("params",)

    def __init__(self, initial: dict[str, Any] | None = None) -> None:
        self.params: dict[str, list[str]] = {}
        for k, v in (initial or {}).items():
            self.set(str(k), v)

    def set(self, key: str, value: Any) -> None:
        if isinstance(value, dict):
            raise E.StreamlitQueryParamDictValueError(key)
        if isinstance(value, str) or not isinstance(value, Iterable):
            self.params[key] = [str(value)]
        else:
            self.params[key] = [str(v) for v in value]

    def to_dict(self) -> dict[str, str]:
        return {k: v[-1] if v else "" for k, v in self.params.items()}


_fallback = QueryParamsData()


def _data() -> QueryParamsData:
    ctx = _context.current()
    return ctx.session.query_params if ctx is not None else _fallback


class QueryParamsProxy(MutableMapping[str, str]):
    def __iter__(self) -> Iterator[str]:
        return iter(list(_data().params))

    def __len__(self) -> int:
        return len(_data().params)

    def __str__(self) -> str:
        return str(_data().to_dict())

    def __getitem__(self, key: str) -> str:
        params = _data().params
        try:
            values = params[key]
        except KeyError:
            raise KeyError(f'st.query_params has no key "{key}".') from None
        return values[-1] if values else ""

    def __setitem__(self, key: str, value: Any) -> None:
        _data().set(str(key), value)

    def __delitem__(self, key: str) -> None:
        params = _data().params
        if key not in params:
            raise KeyError(f'st.query_params has no key "{key}".')
        del params[key]

    def __getattr__(self, key: str) -> str:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f'st.query_params has no attribute "{key}".') from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self[key]
        except KeyError:
            raise AttributeError(f'st.query_params has no attribute "{key}".') from None

    def get_all(self, key: str) -> list[str]:
        return list(_data().params.get(key, []))

    def clear(self) -> None:
        _data().params.clear()

    def to_dict(self) -> dict[str, str]:
        return _data().to_dict()

    def from_dict(self, params: Any) -> None:
        data = _data()
        new = QueryParamsData(dict(params))
        data.params = new.params

    def update(self, other: Any = (), /, **kwds: Any) -> None:
        data = _data()
        items = other.items() if hasattr(other, "items") else other
        for k, v in items:
            data.set(str(k), v)
        for k, v in kwds.items():
            data.set(k, v)
