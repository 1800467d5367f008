"""Unused snapshots: reported (and deleted by ``--snapshot-update``) on a full run only. Running a
subset of the scenarios never reports or deletes the other scenarios' snapshots."""

from __future__ import annotations

import pytest

from ._helpers import Project


@pytest.fixture
def two(project: Project) -> Project:
    """Scenarios alpha and beta with their snapshots, plus snapshots/orphan.yaml whose scenario
    was deleted."""
    project.app()
    project.scenario("alpha")
    project.scenario("beta")
    project.scenario("orphan")
    project.write_snapshots()
    (project.path / "scenarios" / "orphan.yaml").unlink()
    return project


def _snapshots(project: Project) -> list[str]:
    root = project.path / "snapshots"
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_a_full_run_reports_a_snapshot_without_scenario(two: Project) -> None:
    result = two.pytest("--snapshot-details")

    assert "2 snapshots passed. 1 snapshot unused." in result.stdout.str()
    result.stdout.fnmatch_lines(["Unused orphan (snapshots/orphan.yaml)"])
    assert result.ret != 0  # syrupy fails the session on unused snapshots...
    assert _snapshots(two) == ["alpha.yaml", "beta.yaml", "orphan.yaml"]

    warned = two.pytest("--snapshot-warn-unused")
    assert warned.ret == 0  # ...unless told to warn only
    assert "1 snapshot unused" in warned.stdout.str()


def test_a_full_update_deletes_it(two: Project) -> None:
    result = two.pytest("--snapshot-update")

    assert "1 unused snapshot deleted" in result.stdout.str()
    assert result.ret == 0
    assert _snapshots(two) == ["alpha.yaml", "beta.yaml"]


@pytest.mark.parametrize(
    "selection",
    [
        ["scenarios/alpha.yaml"],
        ["scenarios/alpha.yaml::alpha"],
        ["-k", "alpha"],
        ["scenarios/alpha.yaml", "scenarios/beta.yaml"],
    ],
    ids=["file", "node", "keyword", "two-files"],
)
@pytest.mark.parametrize("update", [False, True], ids=["check", "update"])
def test_a_subset_never_reports_or_deletes_other_snapshots(
    two: Project, selection: list[str], update: bool
) -> None:
    args = [*selection, *(["--snapshot-update"] if update else [])]

    result = two.pytest(*args)

    assert result.ret == 0, result.stdout.str()
    assert "unused" not in result.stdout.str()
    assert "deleted" not in result.stdout.str().lower()
    assert _snapshots(two) == ["alpha.yaml", "beta.yaml", "orphan.yaml"]


def test_a_scenario_that_cannot_be_replayed_keeps_its_snapshot(two: Project) -> None:
    # beta now clicks a button the app does not have: the scenario errors before a snapshot
    # is taken. A full --snapshot-update must not delete beta's stored snapshot as unused.
    two.write("scenarios/beta.yaml", "version: 1\nname: beta\napp: apps/counter.py\nsteps:\n  - click: nope\n")
    stored = two.snapshot("beta").read_bytes()

    result = two.pytest("--snapshot-update")

    result.assert_outcomes(passed=1, failed=1)
    assert "Deleted orphan (snapshots/orphan.yaml)" in result.stdout.str()
    assert _snapshots(two) == ["alpha.yaml", "beta.yaml"]
    assert two.snapshot("beta").read_bytes() == stored


def test_an_invalid_scenario_file_keeps_its_snapshot(two: Project) -> None:
    two.write("scenarios/beta.yaml", "version: 1\nname: beta\nsteps: [{click: add}]\n")  # no app
    stored = two.snapshot("beta").read_bytes()

    result = two.pytest("--snapshot-update")

    result.assert_outcomes(passed=1, failed=1)
    assert two.snapshot("beta").read_bytes() == stored


def test_other_files_in_the_snapshots_folder_are_left_alone(two: Project) -> None:
    two.write("snapshots/README.md", "Committed snapshots; see docs.\n")
    two.write("snapshots/.hidden/notes.yaml", "note: keep\n")

    result = two.pytest("--snapshot-update")

    assert result.ret == 0
    assert _snapshots(two) == [".hidden/notes.yaml", "README.md", "alpha.yaml", "beta.yaml"]
