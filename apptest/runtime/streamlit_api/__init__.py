"""The simulated ``streamlit`` package: what ``import streamlit`` gives an app under apptest."""

from __future__ import annotations

import types


def module_table() -> dict[str, types.ModuleType]:
    """Module objects to install in ``sys.modules`` under Streamlit's names during a run."""
    from apptest.runtime.streamlit_api import errors, namespace_extra, st

    table: dict[str, types.ModuleType] = {"streamlit": st, "streamlit.errors": errors}
    for name, module in namespace_extra._SUBMODULE_TABLE.items():
        table[f"streamlit.{name}"] = module
    return table
