"""Fixtures of the pytest-plugin tests: a clean environment and a tiny project.

A CI runner sets ``CI`` and ``GITHUB_STEP_SUMMARY``, and an outer ``pytest -n`` sets
``PYTEST_XDIST_WORKER``; the projects' pytest and apptest subprocesses must not inherit them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import apptest

from ._helpers import ENV_VARS, Project

# The subprocesses import the apptest these tests were imported with (this checkout), whatever
# another editable install or PYTHONPATH entry points at.
_SOURCE_ROOT = str(Path(apptest.__file__).resolve().parents[1])


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ENV_VARS:
        monkeypatch.delenv(var, raising=False)
    rest = os.environ.get("PYTHONPATH", "")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [_SOURCE_ROOT, rest])))


@pytest.fixture
def project(pytester: pytest.Pytester) -> Project:
    """An empty project folder (the pytester folder, also the working directory)."""
    return Project(pytester)
