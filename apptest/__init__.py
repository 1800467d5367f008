"""apptest: record/replay testing for Streamlit apps, on a headless Streamlit runtime.

Public names are loaded lazily so ``import apptest`` stays cheap:

- :class:`AppTest` — drop-in for ``streamlit.testing.v1.AppTest``.
- :func:`load_scenario` — read and validate a YAML scenario file.
- :func:`replay` — replay a scenario and return its :class:`~apptest.replay.trace.Trace`.
- :mod:`apptest.errors` — the error tree (``ApptestError`` and subclasses).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["AppTest", "ApptestError", "ScenarioError", "Trace", "__version__", "load_scenario", "replay"]

if TYPE_CHECKING:
    from apptest.errors import ApptestError, ScenarioError
    from apptest.replay.engine import replay
    from apptest.replay.trace import Trace
    from apptest.scenario.loader import load_scenario
    from apptest.testing import AppTest

_LAZY = {
    "AppTest": ("apptest.testing", "AppTest"),
    "load_scenario": ("apptest.scenario.loader", "load_scenario"),
    "replay": ("apptest.replay.engine", "replay"),
    "Trace": ("apptest.replay.trace", "Trace"),
    "ApptestError": ("apptest.errors", "ApptestError"),
    "ScenarioError": ("apptest.errors", "ScenarioError"),
}


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'apptest' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(target[0]), target[1])
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
