"""Scenario files: what a YAML scenario says (model), how it is read and validated (loader).

Example:
    >>> from apptest.scenario import load_scenario_text
    >>> load_scenario_text("version: 1\\nscript: import streamlit\\n").name
    '<string>'
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from apptest.scenario.loader import (
    SUPPORTED_VERSIONS,
    ScenarioLoader,
    load_scenario,
    load_scenario_text,
)
from apptest.scenario.model import (
    NOT_GIVEN,
    STEP_KINDS,
    Expect,
    NotGiven,
    Options,
    Scenario,
    Setup,
    Step,
)

#: JSON Schema (draft 2020-12) of scenario format 1, for editors (yaml-language-server).
SCHEMA_PATH: Final[Path] = Path(__file__).with_name("schema.json")

__all__ = [
    "NOT_GIVEN",
    "SCHEMA_PATH",
    "STEP_KINDS",
    "SUPPORTED_VERSIONS",
    "Expect",
    "NotGiven",
    "Options",
    "Scenario",
    "ScenarioLoader",
    "Setup",
    "Step",
    "load_scenario",
    "load_scenario_text",
]
