"""Convert arbitrary Python values to deterministic *plain data*.

Plain data is what a snapshot can hold: ``None``, ``bool``, ``int``, finite ``float``, ``str``,
``list`` and ``dict`` with ``str`` keys. :func:`plain` maps any value onto it so that the same
value gives the same plain data on every machine, every run and every ``PYTHONHASHSEED``:

- sets are sorted, tuples become lists, dict keys become strings (insertion order kept);
- dates, times and durations become ISO 8601 strings, enums ``ClassName.MEMBER``;
- NaN and infinities become the strings ``'.nan'``, ``'.inf'`` and ``'-.inf'``;
- anything without a stable form (functions, class instances, objects whose ``repr`` shows a
  memory address) becomes a placeholder naming its type, such as ``'<function f>'`` or
  ``'<Point object>'``;
- numpy arrays and pandas objects (detected by type name, never imported) become a short
  summary of their shape.

Example:
    >>> plain({"tags": {"b", "a"}, "at": datetime.date(2024, 1, 31), 1: (1.5, None)})
    {'tags': ['a', 'b'], 'at': '2024-01-31', '1': [1.5, None]}

It runs after every replayed step, so the common cases (small dicts of scalars) are dispatched on
the exact type before any slower check.
"""

from __future__ import annotations

import datetime
import enum
import math
import types
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any, TypeAlias

__all__ = ["PlainData", "plain", "plain_key", "plain_mapping", "sort_key"]

# Recursive alias; the quoted parts keep it valid at runtime on Python 3.10.
PlainData: TypeAlias = bool | int | float | str | list["PlainData"] | dict[str, "PlainData"] | None

CYCLE = "<cycle>"

_SCALARS: frozenset[type] = frozenset({str, int, bool, type(None)})
_FUNCTION_TYPES = (
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.BuiltinMethodType,
    types.LambdaType,
)


def plain(value: Any) -> PlainData:
    """Return ``value`` as deterministic plain data (see the module docstring).

    Args:
        value: any Python value. It is not modified.

    Returns:
        A fresh structure: containers are always new objects, so later mutation of ``value``
        cannot change the result.

    Example:
        >>> plain({"n": 1, "s": frozenset({3, 1, 2})})
        {'n': 1, 's': [1, 2, 3]}
    """
    return _plain(value, set())


def plain_mapping(value: Mapping[Any, Any]) -> dict[str, PlainData]:
    """:func:`plain` for a mapping, typed as the ``dict`` it returns (e.g. session state).

    Raises:
        TypeError: ``value`` is not a mapping.
    """
    if not isinstance(value, Mapping):
        raise TypeError(f"plain_mapping() needs a mapping, not {type(value).__name__}")
    out = _dict(value, set())
    assert isinstance(out, dict)  # a fresh mapping cannot be its own ancestor
    return out


def plain_key(key: Any) -> str:
    """The string used for a dict key: ``str`` keys as they are, others by a stable form."""
    if type(key) is str:
        return key
    return _key(key, set())


def sort_key(value: PlainData) -> tuple[Any, ...]:
    """A total, hash-independent ordering key for plain values (used to sort sets).

    Numbers sort numerically before strings; values of different kinds sort by kind first.
    """
    t = type(value)
    if t is bool:
        return (0, value)
    if t is int or t is float:
        return (1, value)
    if t is str:
        return (2, value)
    if value is None:
        return (3,)
    # Containers: by their canonical text, which is deterministic for plain data.
    return (4, t.__name__, repr(value))


def _plain(value: Any, active: set[int]) -> PlainData:
    t = type(value)
    if t in _SCALARS:
        return value  # type: ignore[no-any-return]
    if t is float:
        return _float(value)
    if t is dict:
        return _dict(value, active)
    if t is list or t is tuple:
        return _seq(value, active)
    return _other(value, t, active)


def _float(value: float) -> float | str:
    if math.isfinite(value):
        return value
    if math.isnan(value):
        return ".nan"
    return ".inf" if value > 0 else "-.inf"


def _dict(value: Mapping[Any, Any], active: set[int]) -> PlainData:
    ident = id(value)
    if ident in active:
        return CYCLE
    active.add(ident)
    try:
        out: dict[str, PlainData] = {}
        for k, v in value.items():
            out[k if type(k) is str else _key(k, active)] = _plain(v, active)
        return out
    finally:
        active.discard(ident)


def _seq(value: Any, active: set[int]) -> PlainData:
    ident = id(value)
    if ident in active:
        return CYCLE
    active.add(ident)
    try:
        return [_plain(v, active) for v in value]
    finally:
        active.discard(ident)


def _set(value: Any, active: set[int]) -> PlainData:
    ident = id(value)
    if ident in active:
        return CYCLE
    active.add(ident)
    try:
        return sorted((_plain(v, active) for v in value), key=sort_key)
    finally:
        active.discard(ident)


def _key(key: Any, active: set[int]) -> str:
    if isinstance(key, enum.Enum):
        return _enum(key)
    t = type(key)
    if t is int or t is bool or key is None:
        return repr(key)
    if t is float:
        f = _float(key)
        return f if isinstance(f, str) else repr(f)
    p = _plain(key, active)
    if isinstance(p, str):
        return p
    # A tuple or other container key: its plain form, written compactly.
    return repr(p)


def _enum(value: enum.Enum) -> str:
    return f"{type(value).__name__}.{value.name}"


def _duration(value: datetime.timedelta) -> str:
    """ISO 8601 duration, e.g. ``P1DT2H3M4.5S``; negative durations get a leading ``-``."""
    if value < datetime.timedelta(0):
        return "-" + _duration(-value)
    days = value.days
    seconds = value.seconds
    micro = value.microseconds
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    out = "P"
    if days:
        out += f"{days}D"
    time = ""
    if hours:
        time += f"{hours}H"
    if minutes:
        time += f"{minutes}M"
    if secs or micro or not (days or hours or minutes):
        time += (f"{secs}.{micro:06d}".rstrip("0") if micro else str(secs)) + "S"
    if time:
        out += "T" + time
    return out


def _type_name(t: type) -> str:
    return getattr(t, "__qualname__", None) or t.__name__


def _other(value: Any, t: type, active: set[int]) -> PlainData:
    # Enums first: IntEnum/StrEnum members are also int/str.
    if isinstance(value, enum.Enum):
        return _enum(value)
    if isinstance(value, bool):  # pragma: no cover - bool cannot be subclassed
        return bool(value)
    if isinstance(value, int):
        return int.__index__(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, float):
        return _float(float(value))
    # datetime is a subclass of date: test it first.
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return _duration(value)
    if isinstance(value, Mapping):
        return _dict(value, active)
    if isinstance(value, list | tuple):
        return _seq(value, active)
    if isinstance(value, set | frozenset):
        return _set(value, active)
    if isinstance(value, bytes | bytearray | memoryview):
        return f"<{t.__name__}: {len(value)}>"
    if isinstance(value, _str_types()):
        return str(value)
    if isinstance(value, PurePath):
        return value.as_posix()
    if isinstance(value, complex):
        return repr(value)
    if isinstance(value, range):
        return repr(value)
    if isinstance(value, _FUNCTION_TYPES):
        return (
            f"<function {getattr(value, '__qualname__', None) or getattr(value, '__name__', '?')}>"
        )
    if isinstance(value, type):
        return f"<class {_type_name(value)}>"
    if isinstance(value, types.ModuleType):
        return f"<module {value.__name__}>"
    summary = _duck_typed(value, t, active)
    if summary is not None:
        return summary
    # deque and other plain sequences that are not str/bytes.
    if t.__name__ == "deque":
        return _seq(value, active)
    return _placeholder(t)


_STR_TYPES: tuple[type, ...] = ()


def _str_types() -> tuple[type, ...]:
    """Decimal, Fraction and UUID (written as ``str(value)``), imported on first need."""
    global _STR_TYPES
    if not _STR_TYPES:
        import uuid
        from decimal import Decimal
        from fractions import Fraction

        _STR_TYPES = (Decimal, Fraction, uuid.UUID)
    return _STR_TYPES


def _duck_typed(value: Any, t: type, active: set[int]) -> PlainData | None:
    """numpy and pandas values, recognised by their type's module, never imported."""
    module = getattr(t, "__module__", "") or ""
    root = module.partition(".")[0]
    if root == "numpy":
        if t.__name__ == "ndarray":
            dims = "x".join(str(n) for n in getattr(value, "shape", ()))
            return f"<ndarray {dims or 'scalar'} {getattr(value, 'dtype', '?')}>"
        item = getattr(value, "item", None)
        if callable(item) and getattr(value, "shape", None) == ():
            try:
                return _plain(item(), active)
            except Exception:
                return None
        return None
    if root == "pandas":
        name = t.__name__
        shape = getattr(value, "shape", None)
        if name == "DataFrame" and isinstance(shape, tuple) and len(shape) == 2:
            columns = [plain_key(c) for c in list(getattr(value, "columns", []))[:20]]
            more = ", ..." if shape[1] > 20 else ""
            return f"<DataFrame {shape[0]}x{shape[1]}: {', '.join(columns)}{more}>"
        if name == "Series" and isinstance(shape, tuple) and len(shape) == 1:
            series_name = getattr(value, "name", None)
            label = f" {plain_key(series_name)}" if series_name is not None else ""
            return f"<Series{label}: {shape[0]} values, {getattr(value, 'dtype', '?')}>"
        if name in ("NaTType", "NAType"):
            return "<NA>"
        if isinstance(shape, tuple):
            return f"<{name} {'x'.join(str(n) for n in shape)}>"
        return None
    return None


def _placeholder(t: type) -> str:
    """The stable stand-in for an object without a stable plain form: its type name.

    Class instances (dataclasses included) are not expanded: their ``repr`` may hold addresses,
    ids or hash-ordered sets, and guessing which reprs are safe would make snapshots depend on
    third-party code. Convert such values to plain data in the app if their content matters.
    """
    return f"<{_type_name(t)} object>"
