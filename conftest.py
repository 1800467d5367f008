"""Project-wide pytest configuration."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]


@pytest.fixture(autouse=True)
def _nested_runs_are_not_xdist_workers(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pytest run started by pytester inside an xdist worker is a plain run, not a worker.

    syrupy (and the apptest plugin) decide from ``PYTEST_XDIST_WORKER`` whether they run in a
    worker; the nested run must not inherit it.
    """
    # CI sets CI=true, which forbids snapshot writes; tests decide for themselves whether they
    # run "on CI" (the CI-guard tests set it explicitly).
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("APPTEST_ALLOW_SNAPSHOT_WRITE", raising=False)
    if "pytester" in request.fixturenames:
        for name in ("PYTEST_XDIST_WORKER", "PYTEST_XDIST_WORKER_COUNT", "PYTEST_XDIST_TESTRUNUID"):
            monkeypatch.delenv(name, raising=False)
