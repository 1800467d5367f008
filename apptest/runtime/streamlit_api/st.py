"""The ``streamlit`` module an app imports under apptest (``import streamlit as st``).

Every public method of :class:`DeltaGenerator` is exposed here bound to the main area, as
Streamlit does (``st.button is st._main.button``); module-level names that are not element
methods (``session_state``, ``rerun``, ...) are defined below.
"""

from __future__ import annotations

from typing import Any

from apptest.runtime.streamlit_api import errors  # noqa: F401 - st.errors
from apptest.runtime.streamlit_api.control import rerun, stop  # noqa: F401 - st.rerun, st.stop
from apptest.runtime.streamlit_api.delta_generator import DeltaGenerator
from apptest.runtime.streamlit_api.namespace_extra import *  # noqa: F403 - names services does not define
from apptest.runtime.streamlit_api.query_params import QueryParamsProxy
from apptest.runtime.streamlit_api.services import *  # noqa: F403 - the module-level services
from apptest.runtime.streamlit_api.state_proxy import SessionStateProxy

__version__ = "1.67.0"

_main = DeltaGenerator("main")
sidebar = DeltaGenerator("sidebar")
_event = DeltaGenerator("event")
_bottom = DeltaGenerator("bottom")

session_state = SessionStateProxy()
query_params = QueryParamsProxy()



def _bind_element_methods() -> None:
    g = globals()
    for name in dir(DeltaGenerator):
        if name.startswith("_") or name in g or name == "id":
            continue
        attr: Any = getattr(DeltaGenerator, name)
        if callable(attr):
            g[name] = getattr(_main, name)


_bind_element_methods()

__all__ = [name for name in dir() if not name.startswith("_")]

# Errors name this module "streamlit", as they do for the real package.
__name__ = "streamlit"
