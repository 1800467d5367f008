"""The ``streamlit`` module an app imports under apptest (``import streamlit as st``).

Every public method of :class:`DeltaGenerator` is exposed here bound to the main area, as
Streamlit does (``st.button is st._main.button``); module-level names that are not element
methods (``session_state``, ``rerun``, ...) are defined below.

The module-level services (``st.cache_data``, ``st.secrets``, ``st.fragment``, ...) and the other
names of ``namespace_extra`` (``st.column_config``, ``st.components``, ...) are imported on the
first access of any of them: they are listed in ``_LAZY``, are part of ``__all__`` and
``dir(st)`` from the start, and are the same objects either way.
"""

from __future__ import annotations

import typing as _typing
from typing import Any

from apptest.runtime.streamlit_api import errors  # noqa: F401 - st.errors
from apptest.runtime.streamlit_api.control import rerun, stop  # noqa: F401 - st.rerun, st.stop
from apptest.runtime.streamlit_api.delta_generator import DeltaGenerator
from apptest.runtime.streamlit_api.query_params import QueryParamsProxy
from apptest.runtime.streamlit_api.state_proxy import SessionStateProxy

if _typing.TYPE_CHECKING:
    from apptest.runtime.streamlit_api.namespace_extra import *  # noqa: F403 - names services does not define
    from apptest.runtime.streamlit_api.services import *  # noqa: F403 - the module-level services

__version__ = "1.67.0"

_main = DeltaGenerator("main")
sidebar = DeltaGenerator("sidebar")
_event = DeltaGenerator("event")
_bottom = DeltaGenerator("bottom")

session_state = SessionStateProxy()
query_params = QueryParamsProxy()

# ``services.__all__`` and ``namespace_extra.__all__`` (a test keeps these lists in step).
_LAZY_SERVICES = (
    "Page", "cache_data", "cache_resource", "context", "dialog", "echo", "fragment", "login", "logo",
    "logout", "navigation", "secrets", "set_page_config", "switch_page", "toast", "user",
)
_LAZY_EXTRA = (
    "App", "bottom", "column_config", "components", "config", "connection", "connections",
    "delta_generator", "get_option", "runtime", "set_option", "typing", "version",
)
_LAZY = frozenset(_LAZY_SERVICES + _LAZY_EXTRA)


def _load_lazy() -> None:
    from apptest.runtime.streamlit_api import namespace_extra, services

    g = globals()
    for module in (namespace_extra, services):
        for name in module.__all__:
            g[name] = getattr(module, name)


def _bind_element_methods() -> None:
    g = globals()
    for name in dir(DeltaGenerator):
        if name.startswith("_") or name in g or name in _LAZY or name == "id":
            continue
        attr: Any = getattr(DeltaGenerator, name)
        if callable(attr):
            g[name] = getattr(_main, name)


_bind_element_methods()

__all__ = sorted({name for name in globals() if not name.startswith("_")} | _LAZY)

if not _typing.TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        if name in _LAZY:
            _load_lazy()
            return globals()[name]
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted(set(globals()) | _LAZY)


# Errors name this module "streamlit", as they do for the real package.
__name__ = "streamlit"
