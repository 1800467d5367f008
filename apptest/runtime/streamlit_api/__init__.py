"""The simulated ``streamlit`` package: what ``import streamlit`` gives an app under apptest.

The ``streamlit.<name>`` submodules (``streamlit.components.v1``, ``streamlit.column_config``,
...) exist as module objects from the start, so the runtime can install them under their names;
their contents are defined in :mod:`~apptest.runtime.streamlit_api.namespace_extra`, which is
imported on the first attribute access of any of them (an app that never touches them never
pays for it).
"""

from __future__ import annotations

import types
from typing import Any

#: The submodules apps import as modules, as ``streamlit.<name>``, with their docstrings.
SUBMODULE_DOCS: dict[str, str] = {
    "components": "Streamlit custom components.",
    "components.v1": "Streamlit custom components (v1).",
    "components.v2": "Streamlit custom components (v2).",
    "column_config": "Column configurations for st.dataframe and st.data_editor.",
    "typing": "Public Streamlit-owned types for annotating app and library code.",
    "config": "Streamlit configuration options.",
    "connections": "Streamlit connections.",
    "delta_generator": "The DeltaGenerator class.",
    "version": "Streamlit's version.",
    "runtime": "The Streamlit runtime (apptest shim).",
    "runtime.scriptrunner": "Script runner helpers.",
    "runtime.scriptrunner_utils": "Script runner utilities.",
    "runtime.scriptrunner_utils.script_run_context": "Script run context.",
    "runtime.uploaded_file_manager": "Uploaded files.",
    "runtime.state": "Session state.",
}

_SUBMODULES: dict[str, types.ModuleType] = {}
# Hooks of a module whose contents are not defined yet; ``namespace_extra`` removes them.
LAZY_HOOKS = ("__getattr__", "__dir__")


def _fill() -> None:
    from apptest.runtime.streamlit_api import namespace_extra  # noqa: F401 - fills every submodule


def _unfilled(name: str) -> types.ModuleType:
    full = f"streamlit.{name}"
    mod = types.ModuleType(full, SUBMODULE_DOCS[name])
    d = mod.__dict__

    def __getattr__(attr: str) -> Any:
        _fill()
        if attr in d:
            return d[attr]
        hook = d.get("__getattr__")
        if hook is not None and hook is not __getattr__:
            return hook(attr)
        raise AttributeError(f"module {full!r} has no attribute {attr!r}")

    def __dir__() -> list[str]:
        _fill()
        return list(d)

    d["__getattr__"] = __getattr__
    d["__dir__"] = __dir__
    return mod


def submodule(name: str) -> types.ModuleType:
    """The module object of ``streamlit.<name>`` (one of :data:`SUBMODULE_DOCS`)."""
    mod = _SUBMODULES.get(name)
    if mod is None:
        mod = _SUBMODULES[name] = _unfilled(name)
    return mod


def module_table() -> dict[str, types.ModuleType]:
    """Module objects to install in ``sys.modules`` under Streamlit's names during a run."""
    from apptest.runtime.streamlit_api import errors, st

    table: dict[str, types.ModuleType] = {"streamlit": st, "streamlit.errors": errors}
    for name in SUBMODULE_DOCS:
        table[f"streamlit.{name}"] = submodule(name)
    return table
