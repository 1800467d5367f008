"""What magic calls: ``__streamlitmagic__.transparent_write``."""

from __future__ import annotations

from typing import Any


def transparent_write(*args: Any) -> Any:
    from apptest.runtime.streamlit_api import st

    st.write(*args)  # type: ignore[attr-defined]  # bound at import by _bind_element_methods
    if len(args) == 1:
        return args[0]
    return args
