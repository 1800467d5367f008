"""Shared setup of the widget conformance tests."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _quiet_streamlit_logs() -> Iterator[None]:
    """Streamlit's AppTest logs warnings (default value + session state, ...) we do not assert on."""
    names = ["streamlit", "streamlit.elements.lib.policies", "streamlit.elements.widgets.number_input"]
    saved = [(n, logging.getLogger(n).level) for n in names]
    for n in names:
        logging.getLogger(n).setLevel(logging.CRITICAL)
    yield
    for n, lvl in saved:
        logging.getLogger(n).setLevel(lvl)
