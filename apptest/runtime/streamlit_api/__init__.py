"""The simulated ``streamlit`` package: what ``import streamlit`` gives an app under apptest."""

from __future__ import annotations

import types


def module_table() -> dict[str, types.ModuleType]:
    """Module objects to install in ``sys.modules`` under Streamlit's names during a run."""
    from apptest.runtime.streamlit_api import errors, st

    table: dict[str, types.ModuleType] = {"streamlit": st, "streamlit.errors": errors}
    for name in getattr(st, "_SUBMODULES", ()):
        table[f"streamlit.{name}"] = getattr(st, name)
    return table
