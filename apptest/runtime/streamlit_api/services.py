"""Module-level st APIs that are not element methods.

``st.secrets``, ``st.cache_data``/``st.cache_resource``, ``st.context``, ``st.set_page_config``,
``@st.fragment``, ``@st.dialog``, ``st.echo``, ``st.toast`` (bound to the event root),
``st.navigation``/``st.Page``/``st.switch_page``, ``st.logo``, ``st.login``/``st.logout``/``st.user``.

Everything that must outlive a rerun lives in ``Session.stores`` (one dict per session), so two
sessions (two AppTest instances, two scenarios) never share a cache, while the reruns of one
session do. Keys used there:

- ``cache_data`` / ``cache_resource``: function key -> :class:`_FunctionCache`.
- ``page_config``: the merged ``st.set_page_config`` arguments.
- ``fragments``: fragment id -> {"func", "run_every", "key", "name"} (for a driver that wants to
  rerun one fragment).
- ``navigation``: the last ``st.navigation`` registry; ``page_hash``: the page the session is on;
  ``requested_page_hash``: set by ``st.switch_page`` for the next run.
- ``logo``: the last ``st.logo`` arguments.
- ``user``: the ``st.user`` dict (a driver may seed it; default ``{"email": "test@example.com"}``
  as in AppTest).
- ``context``: the ``st.context`` values a driver seeds (AppTest.context keys: timezone,
  timezone_offset, locale, url, is_embedded, theme; plus headers, cookies, ip_address).

Streamlit 1.67.0 has no ``st.experimental_*`` aliases any more, so none are defined.
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import datetime
import functools
import hashlib
import importlib.util
import inspect
import io
import linecache
import math
import os
import pickle
import re
import struct
import textwrap
import time
import traceback
import types
import uuid
from collections import OrderedDict
from collections.abc import Callable, ItemsView, Iterator, KeysView, Mapping, Sequence, ValuesView
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from apptest.runtime import context as _context
from apptest.runtime.context import RunContext
from apptest.runtime.elements import ROOT_INDEX, Block, Element
from apptest.runtime.script_runner import RerunException
from apptest.runtime.streamlit_api import errors as E
from apptest.runtime.streamlit_api.core import to_key
from apptest.runtime.streamlit_api.exception import exception_props
from apptest.runtime.streamlit_api.layout import is_emoji, validate_icon

if TYPE_CHECKING:
    from apptest.runtime.session import Session
    from apptest.runtime.streamlit_api.core import DeltaGenerator

__all__ = [
    "Page",
    "cache_data",
    "cache_resource",
    "context",
    "dialog",
    "echo",
    "fragment",
    "login",
    "logo",
    "logout",
    "navigation",
    "secrets",
    "set_page_config",
    "switch_page",
    "toast",
    "user",
]


# ---------------------------------------------------------------------------------- helpers
_st_module: Any = None


def _st() -> Any:
    """The simulated ``streamlit`` module (imported lazily: it star-imports this module)."""
    global _st_module
    if _st_module is None:
        from apptest.runtime.streamlit_api import st

        _st_module = st
    return _st_module


def _main() -> DeltaGenerator:
    return _st()._main  # type: ignore[no-any-return]


def _session() -> Session | None:
    ctx = _context.current()
    return ctx.session if ctx is not None else None


def _clean_text(text: Any) -> str:
    return textwrap.dedent(str(text)).strip()


_TIME_UNITS = {
    "w": 604800.0, "week": 604800.0, "weeks": 604800.0,
    "d": 86400.0, "day": 86400.0, "days": 86400.0,
    "h": 3600.0, "hr": 3600.0, "hrs": 3600.0, "hour": 3600.0, "hours": 3600.0,
    "m": 60.0, "min": 60.0, "mins": 60.0, "minute": 60.0, "minutes": 60.0, "t": 60.0,
    "s": 1.0, "sec": 1.0, "secs": 1.0, "second": 1.0, "seconds": 1.0,
    "ms": 1e-3, "milli": 1e-3, "millis": 1e-3, "millisecond": 1e-3, "milliseconds": 1e-3,
    "us": 1e-6, "micro": 1e-6, "micros": 1e-6, "microsecond": 1e-6, "microseconds": 1e-6,
    "ns": 1e-9, "nano": 1e-9, "nanos": 1e-9, "nanosecond": 1e-9, "nanoseconds": 1e-9,
}
_TIME_TOKEN = re.compile(r"\s*([+-]?\d+(?:\.\d*)?|\.\d+)\s*([a-zA-Z]+)\s*,?")
_CLOCK = re.compile(r"^\s*(?:(\d+)\s*days?,?\s*)?(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)\s*$")


def _parse_time_string(t: str) -> float | None:
    m = _CLOCK.match(t)
    if m:
        days = float(m.group(1) or 0)
        return days * 86400 + float(m.group(2)) * 3600 + float(m.group(3)) * 60 + float(m.group(4))
    pos = 0
    total = 0.0
    found = False
    while pos < len(t):
        m = _TIME_TOKEN.match(t, pos)
        if m is None:
            break
        unit = _TIME_UNITS.get(m.group(2).lower())
        if unit is None:
            return None
        total += float(m.group(1)) * unit
        found = True
        pos = m.end()
    if not found or t[pos:].strip():
        return None
    return total


def time_to_seconds(t: Any, *, coerce_none_to_inf: bool = True) -> float | None:
    """Streamlit's ``time_to_seconds`` (seconds, a timedelta, or a string such as ``"1h30m"``)."""
    if coerce_none_to_inf and t is None:
        return math.inf
    if isinstance(t, datetime.timedelta):
        return t.total_seconds()
    if isinstance(t, str):
        seconds = _parse_time_string(t)
        if seconds is None:
            seconds = _pandas_time_string(t)
        if seconds is None or math.isnan(seconds):
            raise E.StreamlitBadTimeStringError(t)
        return seconds
    return t  # type: ignore[no-any-return]


def _pandas_time_string(t: str) -> float | None:
    """Fall back to pandas (as Streamlit does) for the rarer formats, when it is installed."""
    if importlib.util.find_spec("pandas") is None:
        return None
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    try:
        return float(pd.Timedelta(t).total_seconds())
    except ValueError:
        return None


# ================================================================================== secrets
_MISSING_ENTRY_HINT = (
    "Did you forget to add it to secrets.toml, mount it to secret directory, or the app settings "
    "on Streamlit Cloud? More info: "
    "https://docs.streamlit.io/deploy/streamlit-community-cloud/deploy-your-app/secrets-management"
)


def _missing_attr_message(name: str) -> str:
    return f'st.secrets has no attribute "{name}". {_MISSING_ENTRY_HINT}'


def _missing_key_message(key: str) -> str:
    return f'st.secrets has no key "{key}". {_MISSING_ENTRY_HINT}'


class AttrDict(Mapping[str, Any]):
    """A read-only secrets section with attribute access (Streamlit's ``AttrDict``)."""

    def __init__(self, value: Mapping[str, Any]) -> None:
        self.__dict__["__nested_secrets__"] = dict(value)

    @staticmethod
    def _maybe_wrap(value: Any) -> Any:
        return AttrDict(value) if isinstance(value, Mapping) else value

    def __len__(self) -> int:
        return len(self.__nested_secrets__)

    def __iter__(self) -> Iterator[str]:
        return iter(self.__nested_secrets__)

    def __getitem__(self, key: str) -> Any:
        try:
            return self._maybe_wrap(self.__nested_secrets__[key])
        except KeyError:
            raise KeyError(_missing_key_message(key)) from None

    def __getattr__(self, name: str) -> Any:
        try:
            return self._maybe_wrap(self.__dict__["__nested_secrets__"][name])
        except KeyError:
            raise AttributeError(_missing_attr_message(name)) from None

    def __repr__(self) -> str:
        return repr(self.__nested_secrets__)

    def __setitem__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support item assignment.")

    def __setattr__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support attribute assignment.")

    def __delitem__(self, key: str) -> NoReturn:
        raise TypeError("Secrets does not support item deletion.")

    def to_dict(self) -> dict[str, Any]:
        import copy

        out: dict[str, Any] = copy.deepcopy(self.__nested_secrets__)
        return out


def _secrets_file_paths() -> list[str]:
    return [
        os.path.join(os.path.expanduser("~"), ".streamlit", "secrets.toml"),
        os.path.join(os.getcwd(), ".streamlit", "secrets.toml"),
    ]


def _load_toml(text: str) -> dict[str, Any]:
    try:
        toml: Any = importlib.import_module("tomllib")
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10
        toml = importlib.import_module("tomli")
    data: dict[str, Any] = toml.loads(text)
    return data


def _file_secrets() -> Mapping[str, Any]:
    """Secrets from ``secrets.toml`` files, as Streamlit reads them when none were given."""
    paths = _secrets_file_paths()
    found = False
    out: dict[str, Any] = {}
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except FileNotFoundError:
            continue
        found = True
        try:
            out.update(_load_toml(text))
        except Exception as ex:
            raise E.StreamlitSecretNotFoundError(f"Error parsing secrets file at {path}: {ex}") from ex
    if not found:
        raise E.StreamlitSecretNotFoundError(
            "No secrets found. Valid paths for a secrets.toml file or secret directories are: " + ", ".join(paths)
        )
    return out


class Secrets(Mapping[str, Any]):
    """``st.secrets``: the session's secrets (``Session.secrets``), else the secrets.toml files."""

    def _parse(self) -> Mapping[str, Any]:
        session = _session()
        if session is not None and session.secrets:
            return session.secrets
        if session is not None:
            cached = session.stores.get("_file_secrets")
            if cached is not None:
                return cached  # type: ignore[no-any-return]
            loaded = _file_secrets()
            session.stores["_file_secrets"] = loaded
            return loaded
        return _file_secrets()

    def load_if_toml_exists(self) -> bool:
        try:
            self._parse()
            return True
        except E.StreamlitSecretNotFoundError:
            return False

    def to_dict(self) -> dict[str, Any]:
        return {k: v.to_dict() if isinstance(v, AttrDict) else v for k, v in self._parse().items()}

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__") and key.endswith("__"):
            raise AttributeError(key)
        try:
            value = self._parse()[key]
        except (KeyError, FileNotFoundError):
            raise AttributeError(_missing_attr_message(key)) from None
        return AttrDict(value) if isinstance(value, Mapping) else value

    def __getitem__(self, key: str) -> Any:
        try:
            value = self._parse()[key]
        except KeyError:
            raise KeyError(_missing_key_message(key)) from None
        return AttrDict(value) if isinstance(value, Mapping) else value

    def __setitem__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support item assignment.")

    def __delitem__(self, key: str) -> NoReturn:
        raise TypeError("Secrets does not support item deletion.")

    def __setattr__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support attribute assignment.")

    def __repr__(self) -> str:
        if _context.current() is None:
            return "Secrets"
        return repr(self._parse())

    def __len__(self) -> int:
        return len(self._parse())

    def has_key(self, k: str) -> bool:
        return k in self._parse()

    def keys(self) -> KeysView[str]:
        return self._parse().keys()

    def values(self) -> ValuesView[Any]:
        return self._parse().values()

    def items(self) -> ItemsView[str, Any]:
        return self._parse().items()

    def __contains__(self, key: object) -> bool:
        return key in self._parse()

    def __iter__(self) -> Iterator[str]:
        return iter(self._parse())


secrets = Secrets()


# ================================================================================== caching
_CACHE_DOCS_URL = "https://docs.streamlit.io/develop/concepts/architecture/caching"


def _func_name_md(func: Any) -> str:
    if hasattr(func, "__name__"):
        return f"`{func.__name__}()`"
    if hasattr(type(func), "__name__"):
        return f"`{type(func).__name__}`"
    return f"`{type(func)}`"


def _fqn_type(obj: object) -> str:
    t = type(obj)
    return f"{t.__module__}.{t.__qualname__}"


class UnhashableTypeError(Exception):
    pass


class UnhashableParamError(E.StreamlitAPIException):
    def __init__(self, decorator: str, func: Any, arg_name: str | None, arg_value: Any) -> None:
        arg_name_str = arg_name if arg_name is not None else "(unnamed)"
        func_name = func.__name__ if hasattr(func, "__name__") else "unknown"
        replacement = f"_{arg_name}" if arg_name is not None else "_arg"
        msg = f"""
Cannot hash argument '{arg_name_str}' (of type `{_fqn_type(arg_value)}`) in '{func_name}'.

To address this, you can tell Streamlit not to hash this argument by adding a
leading underscore to the argument's name in the function signature:

```
@st.{decorator}
def {func_name}({replacement}, ...):
    ...
```
            """.strip("\n")
        super().__init__(msg)


class UserHashError(E.StreamlitAPIException):
    def __init__(self, orig_exc: BaseException, failed_obj: Any, hash_func: Any, decorator: str, func: Any,
                 stack: list[Any]) -> None:
        self.alternate_name = type(orig_exc).__name__
        hash_func_name = f"`{hash_func.__name__}()`" if hasattr(hash_func, "__name__") else "a function"
        object_desc = f"`{func.__name__}()`" if hasattr(func, "__name__") else "a function"

        def to_str(v: Any) -> str:
            try:
                return f"Object of type {_fqn_type(v)}: {v}"
            except Exception:
                return "<Unable to convert item to string>"

        hash_stack = "\n".join(to_str(x) for x in reversed(stack))
        msg = f"""
{orig_exc}

This error is likely due to a bug in {hash_func_name}, which is a
user-defined hash function that was passed into the `@st.{decorator}` decorator of
{object_desc}.

{hash_func_name} failed when hashing an object of type
`{_fqn_type(failed_obj)}`.  If you don't know where that object is coming from,
try looking at the hash chain below for an object that you do recognize, then
pass that to `hash_funcs` instead:

```
{hash_stack}
```

If you think this is actually a Streamlit bug, please
[file a bug report here](https://github.com/streamlit/streamlit/issues/new/choose).
""".strip("\n")
        super().__init__(msg)


class UnserializableReturnValueError(E.MarkdownFormattedException):
    def __init__(self, func: Any, return_value: Any) -> None:
        if hasattr(return_value, "__module__") and hasattr(type(return_value), "__name__"):
            value_type = f"`{return_value.__module__}.{type(return_value).__name__}`"
        else:
            value_type = _func_name_md(return_value)
        super().__init__(
            f"""
            Cannot serialize the return value (of type {value_type})
            in {_func_name_md(func)}. `st.cache_data` uses
            [pickle](https://docs.python.org/3/library/pickle.html) to serialize the
            function's return value and safely store it in the cache
            without mutating the original object. Please convert the return value to a
            pickle-serializable type. If you want to cache unserializable objects such
            as database connections or Tensorflow sessions, use `st.cache_resource`
            instead (see [our docs]({_CACHE_DOCS_URL}) for differences)."""
        )


class CacheReplayClosureError(E.StreamlitAPIException):
    def __init__(self, decorator: str, func: Any) -> None:
        name = _func_name_md(func)
        msg = f"""
While running {name}, a streamlit element is called on some layout block
created outside the function. This is incompatible with replaying the cached
effect of that element, because the referenced block might not exist when
the replay happens.

How to fix this:
* Move the creation of that layout block inside {name}.
* Move the call to the streamlit element outside of {name}.
* Remove the `@st.{decorator}` decorator from {name}.
            """.strip("\n")
        super().__init__(msg)


class CachedWidgetWarning(E.StreamlitAPIWarning):
    def __init__(self) -> None:
        super().__init__(
            """
Your script uses a widget command in a cached function
(function decorated with `@st.cache_data` or `@st.cache_resource`).
This code will only be called when we detect a cache "miss",
which can lead to unexpected results.

To fix this, move all widget commands outside the cached function.
"""
        )


_CYCLE = b"apptest-hash-cycle"


class _Hasher:
    """Streamlit's argument hashing: by value, type-tagged, ``__reduce__`` as the fallback."""

    __slots__ = ("_decorator", "_func", "_hash_funcs", "_stack")

    def __init__(self, func: Any, decorator: str, hash_funcs: dict[Any, Callable[[Any], Any]] | None) -> None:
        self._func = func
        self._decorator = decorator
        self._hash_funcs: dict[str, Callable[[Any], Any]] = {}
        if hash_funcs:
            for k, v in hash_funcs.items():
                self._hash_funcs[k if isinstance(k, str) else f"{k.__module__}.{k.__qualname__}"] = v
        self._stack: list[Any] = []

    def to_bytes(self, obj: Any) -> bytes:
        if any(o is obj for o in self._stack):
            return _CYCLE
        self._stack.append(obj)
        try:
            return type(obj).__qualname__.encode() + b":" + self._to_bytes(obj)
        finally:
            self._stack.pop()

    def _digest(self, items: Any) -> bytes:
        h = hashlib.blake2b(digest_size=16)
        for item in items:
            h.update(self.to_bytes(item))
        return h.digest()

    def _to_bytes(self, obj: Any) -> bytes:
        tname = _fqn_type(obj)
        if tname in ("unittest.mock.Mock", "unittest.mock.MagicMock"):
            return self.to_bytes(id(obj))
        if isinstance(obj, bytes):
            return obj
        if isinstance(obj, bytearray):
            return bytes(obj)
        if tname in self._hash_funcs:
            hash_func = self._hash_funcs[tname]
            try:
                output = hash_func(obj)
            except Exception as ex:
                raise UserHashError(ex, obj, hash_func, self._decorator, self._func, list(self._stack)) from ex
            return self.to_bytes(output)
        if isinstance(obj, str):
            return obj.encode()
        if isinstance(obj, float):
            return struct.pack("<d", obj)
        if isinstance(obj, bool):
            return b"1" if obj else b"0"
        if isinstance(obj, int):
            return obj.to_bytes((obj.bit_length() + 8) // 8, "little", signed=True)
        if isinstance(obj, uuid.UUID):
            return obj.bytes
        if isinstance(obj, datetime.datetime):
            return obj.isoformat().encode()
        if isinstance(obj, (list, tuple)):
            return self._digest(obj)
        if isinstance(obj, dict):
            return self._digest(obj.items())
        if obj is None:
            return b"0"
        if not isinstance(obj, type) and dataclasses.is_dataclass(obj):
            return self.to_bytes(dataclasses.asdict(obj))  # type: ignore[arg-type]
        if isinstance(obj, Enum):
            return str(obj).encode()
        any_obj: Any = obj
        mod = type(obj).__module__ or ""
        if mod.startswith("pandas") and type(obj).__name__ in ("DataFrame", "Series"):
            return self._pandas_bytes(obj)
        if mod.startswith("numpy") and type(obj).__name__ == "ndarray":
            return self._digest((any_obj.shape, str(any_obj.dtype), any_obj.tobytes()))
        if inspect.isbuiltin(obj):
            return any_obj.__name__.encode()  # type: ignore[no-any-return]
        if isinstance(obj, (types.MappingProxyType, ItemsView)):
            return self.to_bytes(dict(obj))
        if isinstance(obj, re.Pattern):
            return self.to_bytes([obj.pattern, obj.flags])
        if isinstance(obj, (io.StringIO, io.BytesIO)):
            return self._digest((obj.tell(), obj.getvalue()))
        if inspect.ismodule(obj) or inspect.isclass(obj):
            return self.to_bytes(obj.__name__)
        if isinstance(obj, functools.partial):
            return self._digest((obj.args, obj.func, obj.keywords))
        if hasattr(obj, "model_dump_json") and callable(obj.model_dump_json):  # pydantic
            try:
                return self.to_bytes(obj.model_dump_json())
            except Exception as ex:
                raise UnhashableTypeError() from ex
        try:
            reduce_data = obj.__reduce__()
        except Exception as ex:
            raise UnhashableTypeError() from ex
        if isinstance(reduce_data, str):  # a global, pickled by reference
            return reduce_data.encode()
        return self._digest(reduce_data)

    def _pandas_bytes(self, obj: Any) -> bytes:
        from pandas.util import hash_pandas_object  # type: ignore[import-untyped, unused-ignore]

        try:
            if type(obj).__name__ == "Series":
                return self._digest((obj.size, obj.dtype.name, hash_pandas_object(obj).to_numpy().tobytes()))
            return self._digest((obj.shape, hash_pandas_object(obj.dtypes).to_numpy().tobytes(),
                                 hash_pandas_object(obj).to_numpy().tobytes()))
        except TypeError:
            return pickle.dumps(obj, pickle.HIGHEST_PROTOCOL)


class _Entry:
    __slots__ = ("expires_at", "messages", "value")

    def __init__(self, value: Any, messages: list[tuple[str, list[Element | Block]]], expires_at: float) -> None:
        self.value = value  # cache_data: the pickled bytes; cache_resource: the object
        self.messages = messages
        self.expires_at = expires_at


_clock: Callable[[], float] = time.monotonic


class _FunctionCache:
    """One cached function's entries in one session (LRU order, TTL, max_entries)."""

    __slots__ = ("entries", "max_entries", "on_release", "ttl", "validate")

    def __init__(self, ttl: float | None, max_entries: int | None, validate: Callable[[Any], bool] | None = None,
                 on_release: Callable[[Any], None] | None = None) -> None:
        self.entries: OrderedDict[str, _Entry] = OrderedDict()
        self.ttl = ttl
        self.max_entries = max_entries
        self.validate = validate
        self.on_release = on_release

    def get(self, key: str) -> _Entry | None:
        entry = self.entries.get(key)
        if entry is None:
            return None
        if entry.expires_at <= _clock():
            self._drop(key)
            return None
        if self.validate is not None and not self.validate(entry.value):
            self._drop(key)
            return None
        self.entries.move_to_end(key)
        return entry

    def put(self, key: str, entry: _Entry) -> None:
        if key in self.entries:
            self._drop(key)
        self.entries[key] = entry
        if self.max_entries is not None:
            while len(self.entries) > max(self.max_entries, 0):
                self._drop(next(iter(self.entries)))

    def _drop(self, key: str) -> None:
        entry = self.entries.pop(key)
        if self.on_release is not None:
            self.on_release(entry.value)

    def clear(self, key: str | None = None) -> None:
        if key is None:
            for k in list(self.entries):
                self._drop(k)
        elif key in self.entries:
            self._drop(key)


def _all_blocks(roots: dict[str, Block]) -> list[tuple[Block, int]]:
    out: list[tuple[Block, int]] = []
    stack = list(roots.values())
    while stack:
        b = stack.pop()
        out.append((b, len(b.children)))
        stack.extend(c for c in b.children if c.is_block)  # type: ignore[misc]
    return out


def _copy_node(node: Element | Block) -> Element | Block:
    if not node.is_block:
        return Element(node.type, dict(node.props))
    src: Block = node  # type: ignore[assignment]
    b = Block(src.type, dict(src.props), root=src.root, form_id=src.form_id)
    for c in src.children:
        cc = _copy_node(c)
        if cc.is_block:
            cc.parent = b  # type: ignore[union-attr]
        b.children.append(cc)
    return b


def _is_widget_element(node: Element | Block) -> bool:
    return not node.is_block and str(node.props.get("id", "")).startswith("$$ID")


def _is_widget_warning(node: Element | Block) -> bool:
    return node.type == "exception" and node.props.get("type") == "CachedWidgetWarning"


def _insert_widget_warnings(nodes: list[Element | Block]) -> None:
    """Put the cached-widget warning before each widget, where Streamlit shows it."""
    i = 0
    while i < len(nodes):
        n = nodes[i]
        if _is_widget_element(n):
            if i == 0 or not _is_widget_warning(nodes[i - 1]):
                nodes.insert(i, Element("exception", exception_props(CachedWidgetWarning(), uncaught=False)))
                i += 1
        elif n.is_block:
            _insert_widget_warnings(n.children)  # type: ignore[union-attr]
        i += 1


class CachedFunc:
    """A function decorated with ``st.cache_data`` or ``st.cache_resource``."""

    def __init__(self, api: _CacheAPI, func: Callable[..., Any], *, ttl: Any, max_entries: int | None,
                 show_spinner: bool | str, hash_funcs: Any, validate: Any = None, on_release: Any = None) -> None:
        self._api = api
        self._func = func
        self._ttl_seconds = time_to_seconds(ttl, coerce_none_to_inf=False)
        self._max_entries = max_entries
        self._show_spinner = show_spinner
        self._hash_funcs = hash_funcs
        self._validate = validate
        self._on_release = on_release
        code = getattr(func, "__code__", None)
        self._function_key: Any = (getattr(func, "__module__", None), getattr(func, "__qualname__", None),
                                   code if code is not None else id(func))
        self._params: list[inspect.Parameter] | None = None
        functools.update_wrapper(self, func)

    def __repr__(self) -> str:
        return f"<CachedFunc: {self._func}>"

    def __get__(self, instance: Any, owner: Any = None) -> Any:
        if instance is None:
            return self
        return BoundCachedFunc(self, instance)

    # ------------------------------------------------------------------ keys
    def _positional_name(self, index: int) -> str | None:
        if self._params is None:
            try:
                self._params = list(inspect.signature(self._func).parameters.values())
            except (TypeError, ValueError):
                self._params = []
        if index >= len(self._params):
            return None
        p = self._params[index]
        if p.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.POSITIONAL_ONLY):
            return p.name
        return None

    def _value_key(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        pairs: list[tuple[str | None, Any]] = [(self._positional_name(i), a) for i, a in enumerate(args)]
        pairs.extend(kwargs.items())
        hasher = _Hasher(self._func, self._api.name, self._hash_funcs)
        h = hashlib.blake2b(digest_size=16)
        for name, value in pairs:
            if name is not None and name.startswith("_"):
                continue
            try:
                h.update(hasher.to_bytes(name))
                h.update(hasher.to_bytes(value))
            except UnhashableTypeError:
                raise UnhashableParamError(self._api.name, self._func, name, value) from None
        return h.hexdigest()

    def _cache(self, session: Session) -> _FunctionCache:
        caches: dict[Any, _FunctionCache] = session.stores.setdefault(self._api.store_key, {})
        ttl = self._ttl_seconds
        max_entries = self._max_entries
        fc = caches.get(self._function_key)
        if fc is None or fc.ttl != ttl or fc.max_entries != max_entries:
            fc = _FunctionCache(ttl, max_entries, self._validate, self._on_release)
            caches[self._function_key] = fc
        else:
            fc.validate = self._validate
            fc.on_release = self._on_release
        return fc

    # ------------------------------------------------------------------ calls
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        ctx = _context.current()
        if ctx is None:  # outside a run: no session to cache in
            return self._func(*args, **kwargs)
        fc = self._cache(ctx.session)
        key = self._value_key(args, kwargs)
        entry = fc.get(key)
        if entry is not None:
            stats = ctx.session.stores.setdefault("cache_stats", {"hits": 0, "misses": 0})
            stats["hits"] += 1
            self._replay(ctx, entry)
            return self._api.restore(entry.value)
        stats = ctx.session.stores.setdefault("cache_stats", {"hits": 0, "misses": 0})
        stats["misses"] += 1
        return self._compute(ctx, fc, key, args, kwargs)

    def _compute(self, ctx: RunContext, fc: _FunctionCache, key: str, args: tuple[Any, ...],
                 kwargs: dict[str, Any]) -> Any:
        main = _main()
        active = main._active(ctx)
        active_block = active._slot_parent if active._slot_parent is not None else active._target_block(ctx)
        before = _all_blocks(ctx.roots)
        extra = ctx.extra
        outer_flag = extra.get("in_cached_function")
        outer_warning = extra.pop("cached_widget_warning", None)
        extra["in_cached_function"] = True
        try:
            value = self._func(*args, **kwargs)
        finally:
            if outer_flag:
                extra["in_cached_function"] = outer_flag
            else:
                extra.pop("in_cached_function", None)
            saw_widget = bool(extra.pop("cached_widget_warning", None))
            if outer_warning or (saw_widget and outer_flag):
                extra["cached_widget_warning"] = True
        messages: list[tuple[str, list[Element | Block]]] = []
        sidebar = ctx.roots["sidebar"]
        for block, n in before:
            new = block.children[n:]
            if not new:
                continue
            if saw_widget:  # the warnings go into the live tree too
                _insert_widget_warnings(new)
                block.children[n:] = new
            if block is active_block:
                where = "active"
            elif block is sidebar:
                where = "sidebar"
            else:
                where = "closure"
            messages.append((where, [_copy_node(c) for c in new]))
        stored = self._api.store(self._func, value)
        expires = _clock() + self._ttl_seconds if self._ttl_seconds is not None else math.inf
        fc.put(key, _Entry(stored, messages, expires))
        return value

    def _replay(self, ctx: RunContext, entry: _Entry) -> None:
        if not entry.messages:
            return
        st = _st()
        for where, nodes in entry.messages:
            if where == "closure":
                raise CacheReplayClosureError(self._api.name, self._func)
            target = st._main if where == "active" else st.sidebar
            for node in nodes:
                target._enqueue(ctx, _copy_node(node))

    def clear(self, *args: Any, **kwargs: Any) -> None:
        session = _session()
        if session is None:
            return
        caches: dict[Any, _FunctionCache] = session.stores.get(self._api.store_key, {})
        fc = caches.get(self._function_key)
        if fc is None:
            return
        fc.clear(self._value_key(args, kwargs) if args or kwargs else None)


class BoundCachedFunc:
    """A cached method bound to its instance (the instance is an argument like any other)."""

    def __init__(self, cached_func: CachedFunc, instance: Any) -> None:
        self._cached_func = cached_func
        self._instance = instance
        functools.update_wrapper(self, cached_func)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._cached_func(self._instance, *args, **kwargs)

    def __repr__(self) -> str:
        return f"<BoundCachedFunc: {self._cached_func._func} of {self._instance}>"

    def clear(self, *args: Any, **kwargs: Any) -> None:
        if args or kwargs:
            self._cached_func.clear(self._instance, *args, **kwargs)
        else:
            self._cached_func.clear()


class _CacheAPI:
    name = ""
    store_key = ""

    def store(self, func: Any, value: Any) -> Any:
        return value

    def restore(self, stored: Any) -> Any:
        return stored

    def clear(self) -> None:
        session = _session()
        if session is None:
            return
        caches: dict[Any, _FunctionCache] = session.stores.get(self.store_key, {})
        for fc in caches.values():
            fc.clear()
        caches.clear()


def _validate_scope_and_refresh(scope: Any, refresh_mode: Any, ttl: Any) -> None:
    if scope not in ("global", "session"):
        raise E.StreamlitValueError("scope", ["'global'", "'session'"])
    ttl_seconds = time_to_seconds(ttl, coerce_none_to_inf=False)
    if refresh_mode not in ("foreground", "background"):
        raise E.StreamlitValueError("refresh_mode", ["foreground", "background"])
    if refresh_mode == "background":
        if ttl_seconds is None:
            raise E.StreamlitMissingRequiredParameterError(
                "ttl", detail='Set a positive `ttl` (for example `ttl="1h"`) or use `refresh_mode="foreground"`.'
            )
        if ttl_seconds <= 0:
            raise E.StreamlitValueError(
                "ttl", ["a positive duration"],
                detail='Background refresh requires a positive `ttl` (for example `ttl="1h"`) or '
                '`refresh_mode="foreground"`.',
            )


def _check_cacheable(func: Any) -> None:
    if inspect.isasyncgenfunction(func):
        raise E.StreamlitAPIException(
            "Async-generator functions cannot be cached. Async generators produce streams that are one-shot "
            "iterators, rather than a single cacheable result. Consume the async generator and return a "
            "materialized result from an ordinary coroutine function if appropriate.",
            error_id="async-generator-function-not-cacheable",
        )


class CacheDataAPI(_CacheAPI):
    """``st.cache_data``: values are pickled on store and unpickled (a fresh copy) on every hit."""

    name = "cache_data"
    store_key = "cache_data"

    def __call__(
        self,
        func: Callable[..., Any] | None = None,
        *,
        ttl: Any = None,
        max_entries: int | None = None,
        max_size: Any = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        persist: Any = None,
        hash_funcs: Any = None,
        scope: str = "global",
        refresh_mode: str = "foreground",
    ) -> Any:
        persist_string = "disk" if persist is True else None if persist is False else persist
        if persist_string not in (None, "disk"):
            raise E.StreamlitValueError("persist", ["'disk'", "None"])
        _validate_scope_and_refresh(scope, refresh_mode, ttl)

        def wrap(f: Callable[..., Any]) -> CachedFunc:
            _check_cacheable(f)
            return CachedFunc(self, f, ttl=ttl, max_entries=max_entries, show_spinner=show_spinner,
                              hash_funcs=hash_funcs)

        return wrap if func is None else wrap(func)

    def store(self, func: Any, value: Any) -> Any:
        try:
            return pickle.dumps(value)
        except (pickle.PicklingError, TypeError, AttributeError) as ex:
            raise UnserializableReturnValueError(func, value) from ex

    def restore(self, stored: Any) -> Any:
        return pickle.loads(stored)


class CacheResourceAPI(_CacheAPI):
    """``st.cache_resource``: the very same object on every hit."""

    name = "cache_resource"
    store_key = "cache_resource"

    def __call__(
        self,
        func: Callable[..., Any] | None = None,
        *,
        ttl: Any = None,
        max_entries: int | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        validate: Callable[[Any], bool] | None = None,
        hash_funcs: Any = None,
        on_release: Callable[[Any], None] | None = None,
        scope: str = "global",
        refresh_mode: str = "foreground",
    ) -> Any:
        _validate_scope_and_refresh(scope, refresh_mode, ttl)

        def wrap(f: Callable[..., Any]) -> CachedFunc:
            _check_cacheable(f)
            return CachedFunc(self, f, ttl=ttl, max_entries=max_entries, show_spinner=show_spinner,
                              hash_funcs=hash_funcs, validate=validate, on_release=on_release)

        return wrap if func is None else wrap(func)


cache_data = CacheDataAPI()
cache_resource = CacheResourceAPI()


# ================================================================================== context
_CONTEXT_KEYS = frozenset(
    {"headers", "cookies", "theme", "timezone", "timezone_offset", "locale", "url", "ip_address", "is_embedded"}
)


def _normalize_header(name: str) -> str:
    return "-".join(w.capitalize() for w in name.split("-"))


class StreamlitHeaders(Mapping[str, str]):
    def __init__(self, headers: Any) -> None:
        items = headers.items() if isinstance(headers, Mapping) else headers
        d: dict[str, list[str]] = {}
        for k, v in items:
            d.setdefault(_normalize_header(k), []).append(v)
        self._headers = d

    def get_all(self, key: str) -> list[str]:
        return list(self._headers.get(_normalize_header(key), []))

    def __getitem__(self, key: str) -> str:
        try:
            return self._headers[_normalize_header(key)][0]
        except LookupError:
            raise KeyError(key) from None

    def __len__(self) -> int:
        return len(self._headers)

    def __iter__(self) -> Iterator[str]:
        return iter(self._headers)

    def to_dict(self) -> dict[str, str]:
        return {k: self[k] for k in self}


class StreamlitCookies(Mapping[str, str]):
    def __init__(self, cookies: Mapping[str, str]) -> None:
        self._cookies = types.MappingProxyType(dict(cookies))

    def __getitem__(self, key: str) -> str:
        return self._cookies[key]

    def __len__(self) -> int:
        return len(self._cookies)

    def __iter__(self) -> Iterator[str]:
        return iter(self._cookies)

    def to_dict(self) -> dict[str, str]:
        return dict(self._cookies)


class StreamlitTheme(dict[str, Any]):
    """``st.context.theme``: a dict with attribute access (``theme.type``)."""

    def __getattr__(self, key: str) -> Any:
        try:
            item = self[key]
        except KeyError as err:
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{key}'") from err
        return StreamlitTheme(item) if isinstance(item, dict) else item

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value


def _context_values() -> dict[str, Any]:
    session = _session()
    if session is None:
        return {}
    values = session.stores.get("context")
    return values if isinstance(values, dict) else {}


class ContextProxy:
    """``st.context``: browser facts; headless defaults are empty or None, as in AppTest."""

    __iter__ = None  # as Streamlit: not iterable

    @property
    def headers(self) -> StreamlitHeaders:
        return StreamlitHeaders(_context_values().get("headers") or {})

    @property
    def cookies(self) -> StreamlitCookies:
        return StreamlitCookies(_context_values().get("cookies") or {})

    @property
    def theme(self) -> StreamlitTheme:
        return StreamlitTheme({"type": _context_values().get("theme")})

    @property
    def timezone(self) -> str | None:
        return _context_values().get("timezone")

    @property
    def timezone_offset(self) -> int | None:
        return _context_values().get("timezone_offset")

    @property
    def locale(self) -> str | None:
        return _context_values().get("locale")

    @property
    def url(self) -> str | None:
        return _context_values().get("url")

    @property
    def ip_address(self) -> str | None:
        ip = _context_values().get("ip_address")
        return None if ip in (None, "::1", "127.0.0.1") else str(ip)

    @property
    def is_embedded(self) -> bool | None:
        return _context_values().get("is_embedded")

    def __getitem__(self, key: str) -> Any:
        if key not in _CONTEXT_KEYS:
            raise KeyError(f'st.context has no key "{key}". Valid keys are: {", ".join(sorted(_CONTEXT_KEYS))}.')
        return getattr(self, key)

    def __contains__(self, key: object) -> bool:
        return key in _CONTEXT_KEYS


context = ContextProxy()


# ================================================================================== page config
_VALID_SIDEBAR_STATES = [
    "'auto'", "'expanded'", "'collapsed'", "'locked'", "a positive integer (width in pixels)",
]
_MENU_KEYS = ("get help", "report a bug", "about")


def _is_url(url: Any, schemes: tuple[str, ...] = ("http", "https")) -> bool:
    from urllib.parse import urlparse

    try:
        result = urlparse(str(url))
    except ValueError:
        return False
    if result.scheme not in schemes:
        return False
    if result.scheme in ("http", "https"):
        return bool(result.netloc)
    return bool(result.path)


def set_page_config(
    page_title: str | None = None,
    page_icon: Any = None,
    layout: str | None = None,
    initial_sidebar_state: Any = None,
    menu_items: Mapping[str, str | None] | None = None,
) -> None:
    """Record the page configuration (1.67.0 allows any number of calls, anywhere)."""
    config: dict[str, Any] = {}
    if page_title is not None:
        config["page_title"] = page_title
    if page_icon is not None:
        icon = str(page_icon) if isinstance(page_icon, Path) else page_icon
        config["page_icon"] = f"emoji:{icon}" if isinstance(icon, str) and is_emoji(icon) else icon
    if layout not in ("centered", "wide", None):
        raise E.StreamlitValueError("layout", ["'centered'", "'wide'"])
    if layout is not None:
        config["layout"] = layout
    if initial_sidebar_state in ("auto", "expanded", "collapsed", "locked"):
        config["initial_sidebar_state"] = initial_sidebar_state
    elif initial_sidebar_state is None:
        pass
    elif isinstance(initial_sidebar_state, int):
        if initial_sidebar_state <= 0:
            raise E.StreamlitValueError(
                "initial_sidebar_state", _VALID_SIDEBAR_STATES, detail=f"Got {initial_sidebar_state}."
            )
        config["initial_sidebar_state"] = "auto"
        config["initial_sidebar_width"] = initial_sidebar_state
    else:
        raise E.StreamlitValueError(
            "initial_sidebar_state", _VALID_SIDEBAR_STATES, detail=f"Got {initial_sidebar_state!r}."
        )
    if menu_items is not None:
        items = {str(k).lower().strip(): v for k, v in menu_items.items()}
        for k, v in items.items():
            if k not in _MENU_KEYS:
                raise E.StreamlitValueError(
                    "menu_items", ["'Get help'", "'Report a bug'", "'About'"],
                    detail=f"`{k}` is not a supported menu item key.",
                )
            if v is not None and k != "about" and not _is_url(v, ("http", "https", "mailto")):
                raise E.StreamlitInvalidURLError(v, ("http", "https", "mailto"))
        config["menu_items"] = items
    session = _session()
    if session is None:
        return
    session.stores.setdefault("page_config", {}).update(config)


# ================================================================================== fragments
_RESERVED_FRAGMENT_KEYS = frozenset({"app", "fragment"})


def _delta_path(ctx: RunContext) -> str:
    """Where the next element would go, as Streamlit's delta path ``[root, i, j, ...]``."""
    dg = _main()._active(ctx)
    if dg._slot_parent is not None:
        block: Block = dg._slot_parent
        path = [dg._slot_index]
    else:
        block = dg._target_block(ctx)
        path = [len(block.children)]
    while block.parent is not None:
        parent = block.parent
        path.append(next((i for i, c in enumerate(parent.children) if c is block), -1))
        block = parent
    path.append(ROOT_INDEX.get(block.root, 0))
    return str(path[::-1])


def _object_name(obj: Any) -> str:
    return str(getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None) or type(obj).__name__)


def _fragment(
    func: Callable[..., Any],
    *,
    run_every: Any = None,
    key: str | None = None,
    additional_hash_info: str = "",
) -> Callable[..., Any]:
    @functools.wraps(func)
    def wrap(*args: Any, **kwargs: Any) -> Any:
        ctx = _context.current()
        if ctx is None:
            return None
        token = f"{getattr(func, '__module__', '')}.{_object_name(func)}"
        fragment_id = hashlib.md5(
            f"{token}{_delta_path(ctx)}{additional_hash_info}".encode(), usedforsecurity=False
        ).hexdigest()
        if key is not None:
            keys: dict[str, str] = ctx.extra.setdefault("fragment_keys", {})
            definition = f"{token}{additional_hash_info}"
            if keys.get(key, definition) != definition or key in ctx.widget_user_keys:
                raise E.StreamlitDuplicateElementKey(key)
            keys[key] = definition

        def wrapped_fragment() -> Any:
            run_ctx = _context.require()
            main: Any = _main()
            holder: DeltaGenerator = main.container()
            holder._block.props["fragment_id"] = fragment_id  # type: ignore[union-attr]
            run_ctx.extra.setdefault("fragment_holders", {})[fragment_id] = holder._block
            run_ctx.fragment_stack.append(fragment_id)
            run_ctx.cursor.append(holder)
            try:
                return func(*args, **kwargs)
            except Exception as e:
                holder._enqueue(run_ctx, Element("exception", exception_props(e, uncaught=True)))
                raise E.FragmentHandledException(e) from e
            finally:
                if run_ctx.cursor and run_ctx.cursor[-1] is holder:
                    run_ctx.cursor.pop()
                if run_ctx.fragment_stack and run_ctx.fragment_stack[-1] == fragment_id:
                    run_ctx.fragment_stack.pop()

        registry: dict[str, Any] = ctx.session.stores.setdefault("fragments", {})
        registry[fragment_id] = {
            "func": wrapped_fragment,
            "run_every": time_to_seconds(run_every) if run_every else None,
            "key": key,
            "name": token,
        }
        return wrapped_fragment()

    with contextlib.suppress(AttributeError, NameError, TypeError, ValueError):
        wrap.__dict__.update(func.__dict__)
        wrap.__signature__ = inspect.signature(func)  # type: ignore[attr-defined]
    return wrap


def fragment(
    func: Callable[..., Any] | None = None,
    *,
    run_every: Any = None,
    parallel: bool = False,
    key: Any = None,
) -> Any:
    """``@st.fragment``: in a full run the function runs in place, in its own container.

    Widgets created inside are tagged with the fragment id (``ctx.fragment_stack``).
    """
    if key is not None:
        key = to_key(key)
    if key in _RESERVED_FRAGMENT_KEYS:
        raise E.StreamlitAPIException(
            f"`{key}` is a reserved name and cannot be used as a fragment key, because "
            "`st.rerun(scope=...)` reads it as a rerun level. Choose a different key for "
            "`@st.fragment(key=...)`.",
            error_id="fragment-reserved-key",
        )
    if run_every:
        time_to_seconds(run_every)  # a bad string fails at decoration, as in Streamlit's first call
    if func is None:

        def decorator(f: Callable[..., Any]) -> Callable[..., Any]:
            return _fragment(f, run_every=run_every, key=key)

        return decorator
    return _fragment(func, run_every=run_every, key=key)


# ================================================================================== dialog
def _assert_no_nested_dialogs(ctx: RunContext) -> None:
    if not ctx.cursor:
        return
    dg = ctx.cursor[-1]
    block = dg._block if dg._block is not None else dg._slot_parent
    while block is not None:
        if block.type == "dialog":
            raise E.StreamlitInvalidLayoutContextError("Dialogs may not be nested inside other dialogs.")
        block = block.parent


def _dialog_decorator(
    func: Callable[..., Any],
    title: str,
    *,
    width: Any = "small",
    position: str = "center",
    dismissible: bool = True,
    icon: str | None = None,
    on_dismiss: Any = "ignore",
) -> Callable[..., Any]:
    if title is None or title == "":
        raise E.StreamlitMissingRequiredParameterError(
            "title", detail='For example: `@st.dialog("Example Title")`.'
        )

    @functools.wraps(func)
    def wrap(*args: Any, **kwargs: Any) -> None:
        ctx = _context.require()
        _assert_no_nested_dialogs(ctx)
        dlg: Any = _st()._event._dialog(
            title=title, width=width, position=position, dismissible=dismissible, icon=icon, on_dismiss=on_dismiss
        )
        dlg.open()

        def dialog_content() -> None:
            func(*args, **kwargs)

        content = _fragment(dialog_content, additional_hash_info=_object_name(func))
        with dlg:
            content()

    return wrap


def dialog(
    title: Any,
    *,
    width: Any = "small",
    position: str = "center",
    dismissible: bool = True,
    icon: str | None = None,
    on_dismiss: Any = "ignore",
) -> Any:
    """``@st.dialog(title)``: calling the function opens a modal (a ``dialog`` Block in the event root)."""
    if isinstance(title, str):

        def decorator(f: Callable[..., Any]) -> Callable[..., Any]:
            return _dialog_decorator(f, title, width=width, position=position, dismissible=dismissible, icon=icon,
                                     on_dismiss=on_dismiss)

        return decorator
    return _dialog_decorator(title, "", width=width, position=position, dismissible=dismissible, icon=icon,
                             on_dismiss=on_dismiss)


# ================================================================================== echo, toast
def _source_lines(filename: str) -> list[str]:
    session = _session()
    if session is not None and filename == session.script.filename:
        return session.script.source.splitlines(keepends=True)
    lines = linecache.getlines(filename)
    if not lines:
        with open(filename, encoding="utf-8") as f:
            lines = f.readlines()
    return lines


@contextlib.contextmanager
def echo(code_location: str = "above") -> Iterator[None]:
    """``st.echo``: show the code of the ``with`` block (above or below its output), then run it."""
    main: Any = _main()
    if code_location == "below":
        show_code = main.code
        show_warning = main.warning
    else:
        placeholder = main.empty()
        show_code = placeholder.code
        show_warning = placeholder.warning
    code_string: str | None = None
    error_message: str | None = None
    try:
        frame = traceback.extract_stack()[-3]
        filename, start_line = frame.filename, frame.lineno or 0
        source_lines = _source_lines(filename)
        root_node = ast.parse("".join(source_lines))
        line_to_node: dict[int, Any] = {}

        def collect(node: ast.AST) -> None:
            if not hasattr(node, "body"):
                return
            for child in ast.iter_child_nodes(node):
                if hasattr(child, "lineno"):
                    line_to_node[child.lineno] = child
                    collect(child)

        collect(root_node)
        first_body_node = line_to_node[start_line].body[0]
        first_lineno = min([first_body_node.lineno] + [d.lineno for d in getattr(first_body_node, "decorator_list", [])])
        end_line = line_to_node[start_line].end_lineno
        code_string = textwrap.dedent("".join(source_lines[first_lineno - 1:end_line]))
    except OSError as err:
        error_message = f"Unable to display code. {err}"
    yield
    if code_string is not None:
        show_code(code_string, "python")
    elif error_message is not None:
        show_warning(error_message)


def toast(body: Any, *, icon: str | None = None, duration: Any = "short") -> DeltaGenerator:
    """``st.toast``: a toast in the event root, where AppTest's ``at.toast`` finds it."""
    return _st()._event.toast(body, icon=icon, duration=duration)  # type: ignore[no-any-return]


# ================================================================================== pages
_PAGE_FILENAME = re.compile(r"([0-9]*)[_ -]*(.*)\.py")


def _page_icon_and_name(path: Path) -> tuple[str, str]:
    m = _PAGE_FILENAME.search(path.name)
    if m is None:
        return "", ""
    icon_and_name = re.sub(r"[_ ]+", "_", m.group(2)).strip() or m.group(1)
    if icon_and_name and not icon_and_name.isascii() and is_emoji(icon_and_name[0]):
        rest = icon_and_name[1:]
        if rest[:1] == "\ufe0f":
            return icon_and_name[:2], rest[1:].lstrip("_- ")
        return icon_and_name[0], rest.lstrip("_- ")
    return "", icon_and_name


def _sanitize_url_path(title: str) -> str:
    path = re.sub(r"\s+", "_", title.lower())
    path = re.sub(r"[&#?/\\:*\"<>|']", "", path)
    path = path.strip("_")
    return re.sub(r"_+", "_", path)


def _raise_if_nested_url_path(url_path: str) -> None:
    if "/" in url_path:
        raise E.StreamlitAPIException(
            f"The `url_path` `{url_path}` cannot include `/`. Streamlit does not support nested URL pathnames yet, "
            "so use a single path segment (e.g. `foo_bar`). To upvote support for nested pathnames, see GitHub "
            "issue [#8971](https://github.com/streamlit/streamlit/issues/8971).",
            error_id="page-nested-url-path",
        )


def _main_script_dir() -> Path:
    session = _session()
    folder = session.script.folder if session is not None else None
    return Path(folder) if folder else Path.cwd()


class Page:
    """``st.Page``: a page of a multipage app (a script file, a callable, or an external URL)."""

    def __init__(
        self,
        page: str | Path | Callable[[], None],
        *,
        title: str | None = None,
        icon: str | None = None,
        url_path: str | None = None,
        default: bool = False,
        visibility: str = "visible",
        help: str | None = None,
    ) -> None:
        self._default = default
        self._external_url: str | None = None
        if visibility not in ("visible", "hidden"):
            raise E.StreamlitValueError("visibility", ["visible", "hidden"])
        self._visibility = visibility
        self._help = textwrap.dedent(help).strip() if help and help.strip() else ""
        self._can_be_called = False
        if isinstance(page, str) and _is_url(page):
            if title is None or title.strip() == "":
                raise E.StreamlitMissingRequiredParameterError(
                    "title",
                    detail=f"External URL pages require a non-empty title. Please provide a title for the URL: {page}",
                )
            if default:
                raise E.StreamlitIncompatibleParametersError(
                    "page=<external URL>", "default=True",
                    explanation="External URL pages cannot be set as the default page.",
                )
            self._external_url = page
            self._page: Path | Callable[[], None] | None = None
            self._title = title
            self._icon = validate_icon(icon)
            self._url_path = (_sanitize_url_path(title) if url_path is None else url_path).strip().strip("/")
            if self._url_path == "":
                raise E.StreamlitMissingRequiredParameterError(
                    "url_path",
                    detail="Provide a non-empty `url_path`, or omit it and provide a `title` that can be converted "
                    "to a valid URL path.",
                )
            _raise_if_nested_url_path(self._url_path)
            return
        if isinstance(page, (str, Path)):
            if "\x00" in str(page):
                raise E.StreamlitAPIException(
                    "Unable to create Page. Page paths must not contain null bytes.",
                    error_id="page-path-contains-null-bytes",
                )
            page = (_main_script_dir() / Path(page)).resolve()
            if not page.is_file():
                raise E.StreamlitPageNotFoundError(page.name)
        inferred_name = ""
        inferred_icon = ""
        if isinstance(page, Path):
            inferred_icon, inferred_name = _page_icon_and_name(page)
        elif hasattr(page, "__name__"):
            inferred_name = str(page.__name__)
        elif title is None:
            raise E.StreamlitMissingRequiredParameterError(
                "title", detail="Streamlit cannot infer a title from this callable."
            )
        self._page = page
        self._title = title or inferred_name.replace("_", " ")
        self._icon = validate_icon(icon if icon is not None else inferred_icon)
        if self._title.strip() == "":
            raise E.StreamlitMissingRequiredParameterError(
                "title", detail="It cannot be empty or consist of underscores/spaces only."
            )
        self._url_path = inferred_name
        if url_path is not None:
            stripped = url_path.strip().strip("/")
            if stripped.strip() == "" and not default:
                raise E.StreamlitMissingRequiredParameterError(
                    "url_path", detail="It can only be empty for the default page."
                )
            self._url_path = stripped
            _raise_if_nested_url_path(self._url_path)

    @property
    def title(self) -> str:
        return self._title

    @property
    def icon(self) -> str:
        return self._icon

    @property
    def help(self) -> str:
        return self._help

    @property
    def url_path(self) -> str:
        return "" if self._default else self._url_path

    @property
    def visibility(self) -> str:
        return self._visibility

    @property
    def is_external(self) -> bool:
        return self._external_url is not None

    @property
    def external_url(self) -> str | None:
        return self._external_url

    @property
    def _script_hash(self) -> str:
        return hashlib.md5(self._url_path.encode(), usedforsecurity=False).hexdigest()

    def __repr__(self) -> str:
        return f"Page(title={self._title!r}, url_path={self.url_path!r})"

    def run(self) -> None:
        if not self._can_be_called:
            raise E.StreamlitAPIException(
                "This page cannot be called directly. Only the page returned from st.navigation can be called once.",
                error_id="page-cannot-be-called-directly",
            )
        self._can_be_called = False
        if self.is_external:
            return
        ctx = _context.current()
        if ctx is None:
            return
        saved_hash = ctx.page_hash
        ctx.page_hash = self._script_hash
        try:
            if isinstance(self._page, Path):
                from apptest.runtime.script_runner import MAGIC_NAME, compile_script
                from apptest.runtime.streamlit_api import magic_funcs

                source = self._page.read_text(encoding="utf-8")
                code = compile_script(source, str(self._page), magic=ctx.session.magic)
                module = types.ModuleType("__main__")
                module.__dict__["__file__"] = str(self._page)
                module.__dict__[MAGIC_NAME] = magic_funcs
                exec(code, module.__dict__)
            elif self._page is not None:
                self._page()
        finally:
            ctx.page_hash = saved_hash


def _to_page(p: Any) -> Page:
    if isinstance(p, Page):
        return p
    if isinstance(p, (str, Path)) or callable(p):
        return Page(p)
    raise E.StreamlitInvalidParameterTypeError("pages", type(p).__name__, ["str", "Path", "callable", "st.Page"])


def navigation(
    pages: Sequence[Any] | Mapping[str, Sequence[Any]],
    *,
    position: str = "sidebar",
    expanded: bool | int = False,
) -> Page:
    """``st.navigation``: register the pages; return the current one (call ``.run()`` on it)."""
    if not isinstance(position, str) or position not in ("sidebar", "hidden", "top"):
        raise E.StreamlitValueError("position", ["'sidebar'", "'hidden'", "'top'"])
    if isinstance(pages, Mapping):
        sections = {str(s): [_to_page(p) for p in ps] for s, ps in pages.items()}
    else:
        sections = {"": [_to_page(p) for p in pages]}
    page_list = [p for ps in sections.values() for p in ps]
    if not page_list:
        raise E.StreamlitMissingRequiredParameterError("pages", detail="Provide at least one `st.Page`.")
    default_page: Page | None = None
    for p in page_list:
        if p._default:
            if default_page is not None:
                raise E.StreamlitAPIException(
                    "Multiple Pages specified with `default=True`. At most one Page can be set to default.",
                    error_id="navigation-multiple-default-pages",
                )
            default_page = p
    if default_page is None:
        internal = [p for p in page_list if not p.is_external]
        if not internal:
            raise E.StreamlitAPIException(
                "At least one non-external page is required. External URL pages cannot be the default page.",
                error_id="navigation-external-only-pages",
            )
        default_page = internal[0]
        default_page._default = True
    if isinstance(expanded, bool):
        pass
    elif isinstance(expanded, int):
        if expanded < 0:
            raise E.StreamlitValueError(
                "expanded", ["True", "False", "a non-negative integer"], detail=f"Provided value: {expanded!r}."
            )
    else:
        raise E.StreamlitInvalidParameterTypeError("expanded", type(expanded).__name__, ["bool", "int"])
    seen: dict[str, Page] = {}
    for p in page_list:
        h = p._script_hash
        if h in seen:
            raise E.StreamlitAPIException(
                f"Two pages resolve to the URL pathname `/{p._url_path}`. Each page passed to `st.navigation` "
                "needs a unique URL pathname. Set a unique `url_path` in `st.Page` for one of these pages.",
                error_id="navigation-duplicate-url-pathname",
            )
        seen[h] = p
    session = _session()
    chosen = default_page
    if session is not None:
        stores = session.stores
        wanted = stores.pop("requested_page_hash", None) or stores.get("page_hash")
        found = seen.get(wanted) if wanted else None
        if found is not None and not found.is_external:
            chosen = found
        stores["page_hash"] = chosen._script_hash
        stores["navigation"] = {
            "position": position,
            "expanded": expanded,
            "current": chosen._script_hash,
            "pages": [
                {"page_script_hash": p._script_hash, "page_name": p.title, "icon": p.icon, "section": s,
                 "url_pathname": p.url_path, "is_default": p._default, "visibility": p.visibility,
                 "script_path": str(p._page) if isinstance(p._page, Path) else "", "external_url": p.external_url}
                for s, ps in sections.items() for p in ps
            ],
        }
    chosen._can_be_called = True
    return chosen


def switch_page(page: str | Path | Page, *, query_params: Any = None) -> NoReturn:
    """``st.switch_page``: go to a page registered with ``st.navigation`` (a rerun)."""
    ctx = _context.current()
    if ctx is None:
        raise E.NoSessionContext()
    stores = ctx.session.stores
    registered: list[dict[str, Any]] = (stores.get("navigation") or {}).get("pages", [])
    if isinstance(page, Page):
        if page.is_external:
            raise E.StreamlitAPIException(
                "Cannot use st.switch_page with external URL pages. Use st.page_link instead to create a link to "
                "external pages.",
                error_id="switch-page-external-url-not-supported",
            )
        page_hash = page._script_hash
    else:
        main_dir = str(_main_script_dir())
        requested = os.path.realpath(os.path.join(main_dir, str(page)))
        matched = [p for p in registered if p.get("script_path") == requested]
        if not matched:
            raise E.StreamlitPageNotFoundError(page=str(page), main_script_directory=main_dir)
        page_hash = matched[0]["page_script_hash"]
    stores["requested_page_hash"] = page_hash
    if query_params is not None:
        stores["switch_page_query_params"] = query_params
    raise RerunException("app")


# ================================================================================== logo
def logo(image: Any, *, size: str = "medium", link: str | None = None, icon_image: Any = None) -> None:
    """``st.logo``: recorded in ``stores["logo"]`` (AppTest shows no element for it)."""
    ctx = _context.current()
    if ctx is None:
        return
    if link and not _is_url(link, ("http", "https")):
        raise E.StreamlitInvalidURLError(link, ("http", "https"))
    if not (isinstance(size, str) and size.lower() in ("small", "medium", "large")):
        raise E.StreamlitValueError("size", ["'small'", "'medium'", "'large'"])
    ctx.session.stores["logo"] = {
        "image": image if isinstance(image, str) else repr(type(image)), "size": size.lower(), "link": link or "",
        "icon_image": icon_image if isinstance(icon_image, str) or icon_image is None else repr(type(icon_image)),
    }


# ================================================================================== auth
_DEFAULT_USER = {"email": "test@example.com"}


def _user_info() -> dict[str, Any]:
    session = _session()
    if session is None:
        return {}
    info = session.stores.get("user")
    if info is None:
        info = dict(_DEFAULT_USER)
        session.stores["user"] = info
    out: dict[str, Any] = info
    return out


class TokensProxy(Mapping[str, str]):
    _tokens: dict[str, str]

    def __init__(self, tokens: dict[str, str]) -> None:
        self.__dict__["_tokens"] = tokens

    def __getitem__(self, key: str) -> str:
        return self._tokens[key]

    def __getattr__(self, key: str) -> str:
        try:
            return self.__dict__["_tokens"][key]  # type: ignore[no-any-return]
        except KeyError:
            raise AttributeError(f'Token "{key}" is not exposed or does not exist.') from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise E.StreamlitAPIException("st.user.tokens cannot be modified", error_id="user-tokens-cannot-be-modified")

    def __setitem__(self, name: str, value: Any) -> None:
        raise E.StreamlitAPIException("st.user.tokens cannot be modified", error_id="user-tokens-cannot-be-modified")

    def __iter__(self) -> Iterator[str]:
        return iter(self._tokens)

    def __len__(self) -> int:
        return len(self._tokens)

    def to_dict(self) -> dict[str, str]:
        return dict(self._tokens)


class UserInfoProxy(Mapping[str, Any]):
    """``st.user``: the session's user dict (``stores["user"]``)."""

    def __getitem__(self, key: str) -> Any:
        if key == "tokens":
            return self.tokens
        try:
            return _user_info()[key]
        except KeyError:
            raise KeyError(f'st.user has no key "{key}".') from None

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__") and key.endswith("__"):
            raise AttributeError(key)
        if key == "tokens":
            return self.tokens
        try:
            return _user_info()[key]
        except KeyError:
            raise AttributeError(f'st.user has no attribute "{key}".') from None

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise E.StreamlitAPIException("st.user cannot be modified", error_id="user-cannot-be-modified")

    def __setitem__(self, name: str, value: Any) -> NoReturn:
        raise E.StreamlitAPIException("st.user cannot be modified", error_id="user-cannot-be-modified")

    def __iter__(self) -> Iterator[str]:
        return iter(_user_info())

    def __len__(self) -> int:
        return len(_user_info())

    def to_dict(self) -> dict[str, Any]:
        return dict(_user_info())

    @property
    def tokens(self) -> TokensProxy:
        return TokensProxy(dict(_user_info().get("tokens", {})))


user = UserInfoProxy()

_AUTH_MISSING = (
    "To use authentication features you need to configure credentials for at\n"
    "            least one authentication provider in `.streamlit/secrets.toml`."
)


def login(provider: str | None = None) -> None:
    """``st.login``: checks what Streamlit checks, then records the redirect (no browser here)."""
    if provider is None:
        provider = "default"
    ctx = _context.current()
    if ctx is None:
        return
    if importlib.util.find_spec("authlib") is None:
        raise E.StreamlitMissingAuthlibError()
    if not secrets.load_if_toml_exists() or secrets.get("auth") is None:
        raise E.StreamlitAuthError(_AUTH_MISSING)
    ctx.session.stores["auth_redirect"] = {"login": provider}


def logout() -> None:
    """``st.logout``: clears ``st.user`` (``is_logged_in`` stays, as False, when it was set)."""
    ctx = _context.current()
    if ctx is None:
        return
    info = _user_info()
    had_flag = "is_logged_in" in info
    info.clear()
    if had_flag:
        info["is_logged_in"] = False
    ctx.session.stores["auth_redirect"] = {"logout": True}


# Streamlit's module names: exception types show as "streamlit.runtime.caching.cache_errors...",
# and st.write/st.json treat Streamlit mappings with a to_dict() as JSON.
for _cls, _module in (
    (AttrDict, "streamlit.runtime.secrets"),
    (Secrets, "streamlit.runtime.secrets"),
    (UnhashableTypeError, "streamlit.runtime.caching.cache_errors"),
    (UnhashableParamError, "streamlit.runtime.caching.cache_errors"),
    (UnserializableReturnValueError, "streamlit.runtime.caching.cache_errors"),
    (CacheReplayClosureError, "streamlit.runtime.caching.cache_errors"),
    (UserHashError, "streamlit.runtime.caching.hashing"),
    (CachedWidgetWarning, "streamlit.elements.lib.policies"),
    (StreamlitHeaders, "streamlit.runtime.context"),
    (StreamlitCookies, "streamlit.runtime.context"),
):
    _cls.__module__ = _module
