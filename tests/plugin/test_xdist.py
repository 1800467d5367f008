"""Scenario items under pytest-xdist (``-n 2``): comparisons, ``--snapshot-update``, and the
summary and report, which the controller writes from the workers' results."""

from __future__ import annotations

import pytest

from ._helpers import Project

pytest.importorskip("xdist")

NAMES = ["a", "b", "c", "shop/d", "shop/e"]


@pytest.fixture
def five(project: Project) -> Project:
    project.app()
    for name in NAMES:
        project.scenario(name)
    project.write_snapshots()
    return project


def test_two_workers_compare_and_report_every_scenario(five: Project) -> None:
    five.app(step=2)  # every scenario changes at step 1
    (five.path / "snapshots" / "c.yaml").unlink()  # and one is new

    result = five.pytest("-n", "2", "--apptest-summary", "summary.md", "--apptest-report", "report.html")

    result.assert_outcomes(failed=5)
    out = result.stdout.str()
    assert "scenarios/shop/d.yaml: step 1 (click add): state.count 1 → 2" in out
    assert "scenarios/c.yaml: no snapshot yet" in out
    # The controller got every worker's results.
    summary = five.read("summary.md")
    assert "**5 scenarios:** 4 changed, 1 new" in summary
    for name in NAMES:
        assert f"`scenarios/{name}.yaml`" in summary
    report = five.read("report.html")
    assert report.count("<section class='scenario'") == 5
    assert sorted(p.relative_to(five.path / ".apptest" / "received").as_posix()
                  for p in (five.path / ".apptest" / "received").rglob("*.yaml")) == [
        "a.yaml", "b.yaml", "shop/d.yaml", "shop/e.yaml"]


def test_two_workers_update_snapshots(five: Project) -> None:
    expected = five.copy("cli", "scenarios")
    five.app(step=2)
    expected.app(step=2)
    expected.write_snapshots()
    (five.path / "snapshots" / "c.yaml").unlink()
    five.pytest().assert_outcomes(failed=5)  # leaves received copies behind

    result = five.pytest("-n", "2", "--snapshot-update", "--apptest-summary", "summary.md")

    result.assert_outcomes(passed=5)
    assert "1 snapshot generated. 4 snapshots updated." in result.stdout.str()
    for name in NAMES:
        assert five.snapshot(name).read_bytes() == expected.snapshot(name).read_bytes(), name
    assert "**5 scenarios:** 4 updated, 1 created" in five.read("summary.md")
    assert not list((five.path / ".apptest" / "received").rglob("*.yaml"))

    again = five.pytest("-n", "2")
    again.assert_outcomes(passed=5)
    assert "5 snapshots passed." in again.stdout.str()
