"""Module-level names of the streamlit namespace that are neither element methods nor services
(st.column_config, st.components, st.Page, experimental aliases, ...)."""

from __future__ import annotations

__all__: list[str] = []
