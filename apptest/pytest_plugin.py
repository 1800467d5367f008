"""pytest plugin: fixtures and scenario collection (a thin adapter over the layers).

Registered through the ``pytest11`` entry point. Imports stay lazy so a test run that uses no
scenarios pays almost nothing for it.
"""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def apptest_driver(request: pytest.FixtureRequest) -> Any:
    """Build an AppTest-compatible driver with paths resolved against the test file.

    Example:
        def test_counter(apptest_driver):
            at = apptest_driver("apps/counter.py").run()
            at.button("add").click().run()
            assert at.session_state.count == 1
    """
    from pathlib import Path

    from apptest.testing import AppTest

    base = Path(str(request.node.fspath)).parent

    def make(path: str, *, default_timeout: float = 3) -> Any:
        p = Path(path)
        if not p.is_absolute():
            p = base / p
        return AppTest.from_file(str(p), default_timeout=default_timeout)

    return make
