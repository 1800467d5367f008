"""Scenario files under the ``apptest_scenarios`` folder become test items named after the file."""

from __future__ import annotations

import pytest

from ._helpers import Project, outcome_line


def _collected(result: pytest.RunResult) -> list[str]:
    """Node ids printed by ``pytest --collect-only -q``."""
    return sorted(line for line in result.outlines if "::" in line)


def test_each_scenario_file_is_one_item_named_after_the_file(project: Project) -> None:
    project.app()
    project.scenario("counter")
    project.scenario("shop/checkout")
    project.write("scenarios/more.yml", "version: 1\napp: apps/counter.py\nsteps: [{click: add}]\n")

    result = project.pytest("--collect-only", "-q")

    assert _collected(result) == [
        "scenarios/counter.yaml::counter",
        "scenarios/more.yml::more",
        "scenarios/shop/checkout.yaml::checkout",
    ]
    assert result.ret == 0


def test_apps_folders_hidden_folders_and_yaml_elsewhere_are_not_collected(project: Project) -> None:
    project.app()
    project.scenario("counter")
    # YAML that is not a scenario: app data, hidden folders, files outside scenarios/
    project.write("scenarios/apps/data.yaml", "rows: [1, 2]\n")
    project.write("scenarios/shop/apps/prices.yaml", "apple: 1\n")
    project.write("scenarios/.drafts/idea.yaml", "version: 1\n")
    project.write("config/settings.yaml", "debug: true\n")
    project.write("other/scenarios.yaml", "version: 1\n")
    project.write("snapshots/counter.yaml", "apptest-snapshot: 1\n")

    result = project.pytest("--collect-only", "-q")

    assert _collected(result) == ["scenarios/counter.yaml::counter"]


def test_the_ini_option_changes_the_folder(project: Project) -> None:
    project.write("pytest.ini", "[pytest]\napptest_scenarios = e2e/flows\n")
    project.app(rel="e2e/flows/apps/counter.py")
    project.scenario("checkout", folder="e2e/flows")
    project.app()
    project.scenario("counter")  # in scenarios/, which is no longer the scenarios folder

    result = project.pytest("--collect-only", "-q")

    assert _collected(result) == ["e2e/flows/checkout.yaml::checkout"]


def test_the_ini_option_folder_runs_against_its_snapshots(project: Project) -> None:
    project.write("pytest.ini", "[pytest]\napptest_scenarios = e2e\n")
    project.app(rel="e2e/apps/counter.py")
    project.scenario("flow", folder="e2e")

    created = project.pytest("--snapshot-update")
    assert created.ret == 0, created.stdout.str()
    assert "1 snapshot generated" in created.stdout.str()

    # The plugin writes where `apptest replay` looks: one layout for both.
    assert len(list((project.path / "snapshots").rglob("*.yaml"))) == 1
    proc = project.apptest("replay", "e2e")
    assert proc.returncode == 0, proc.stdout + proc.stderr

    again = project.pytest()
    assert again.ret == 0
    assert "1 passed" in outcome_line(again)


def test_a_scenario_item_runs_and_passes(project: Project) -> None:
    project.app()
    project.scenario("counter")
    project.write_snapshots()

    result = project.pytest("-v")

    result.stdout.fnmatch_lines(["scenarios/counter.yaml::counter PASSED*"])
    assert result.ret == 0


def test_scenarios_are_found_without_an_ini_file_from_inside_the_folder(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without an ini file pytest's rootdir is the folder shared by the working directory and
    # the arguments: here scenarios/ itself. The plugin still finds the scenarios folder.
    project.app()
    project.scenario("counter")
    project.write_snapshots()
    monkeypatch.chdir(project.path / "scenarios")

    result = project.pytest("counter.yaml", "-v")

    result.stdout.fnmatch_lines(["*counter.yaml::counter PASSED*"])
    assert result.ret == 0


def test_python_tests_beside_scenarios_are_collected_as_usual(project: Project) -> None:
    project.app()
    project.scenario("counter")
    project.write("tests/test_plain.py", "def test_one():\n    assert 1 + 1 == 2\n")

    result = project.pytest("--collect-only", "-q")

    assert _collected(result) == ["scenarios/counter.yaml::counter", "tests/test_plain.py::test_one"]
