"""Tests of apptest.scenario.model: the records and Scenario.app_source."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from apptest.errors import ScenarioError
from apptest.scenario import (
    NOT_GIVEN,
    STEP_KINDS,
    Expect,
    NotGiven,
    Options,
    Scenario,
    Setup,
    Step,
)


def test_step_kinds_of_format_1() -> None:
    assert STEP_KINDS == ("click", "set", "submit", "state", "rerun", "expect")


def test_defaults() -> None:
    assert Options().timeout == 3.0
    assert Setup() == Setup(session_state={}, query_params={}, secrets={})
    assert Setup().session_state is not Setup().session_state  # no shared mutable default
    e = Expect()
    assert (e.state, e.absent, e.text, e.widgets) == (None, None, None, None)
    assert e.exception is NOT_GIVEN
    sc = Scenario(path="<string>", name="x", script="pass")
    assert (sc.description, sc.app, sc.steps, sc.source_line_of_app) == (None, None, (), None)
    assert sc.setup == Setup()
    assert sc.options == Options()


def test_not_given_sentinel() -> None:
    assert repr(NOT_GIVEN) == "NOT_GIVEN"
    assert NOT_GIVEN is NotGiven.NOT_GIVEN
    assert Expect(exception=None) != Expect()
    assert Expect(exception=None).exception is None


@pytest.mark.parametrize(
    "record",
    [
        Step("click", "add", 1, 3, 5, {"click": "add"}),
        Expect(text=["hi"]),
        Setup(),
        Options(),
        Scenario(path="p", name="n", script="pass"),
    ],
)
def test_records_are_frozen(record: object) -> None:
    field = dataclasses.fields(record)[0].name  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, field, None)


def test_step_positions_default_empty_and_describe() -> None:
    step = Step(
        "set", {"name": "Ada", "agree": True}, 2, 4, 5, {"set": {"name": "Ada", "agree": True}}
    )
    assert step.positions == {}
    assert step.describe() == "set name, agree"
    assert Step("submit", "form", 1, 1, 1, {"submit": "form"}).describe() == "submit form"
    assert Step("expect", Expect(), 1, 1, 1, {"expect": {}}).describe() == "expect"


def test_app_source_inline_script() -> None:
    sc = Scenario(path="scenarios/a.yaml", name="a", script="import streamlit as st\n")
    assert sc.app_source() == ("import streamlit as st\n", "<script in scenarios/a.yaml>")


def test_app_source_reads_the_file_with_its_declared_encoding(tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_bytes(b"# -*- coding: latin-1 -*-\nname = '\xe9'\n")
    sc = Scenario(path="a.yaml", name="a", app=app)
    source, filename = sc.app_source()
    assert source == "# -*- coding: latin-1 -*-\nname = '\u00e9'\n"
    assert filename == str(app)


def test_app_source_missing_file_is_a_scenario_error(tmp_path: Path) -> None:
    sc = Scenario(path="a.yaml", name="a", app=tmp_path / "gone.py", source_line_of_app=3)
    with pytest.raises(ScenarioError) as info:
        sc.app_source()
    (problem,) = info.value.problems
    assert problem.line == 3
    assert "cannot read the app file" in problem.message


def test_app_source_without_app_or_script() -> None:
    with pytest.raises(ScenarioError, match="names no app"):
        Scenario(path="a.yaml", name="a").app_source()
