"""``--snapshot-update`` writes new and changed snapshots, byte for byte what
``apptest replay --update`` writes, and leaves matching ones alone."""

from __future__ import annotations

from ._helpers import Project


def _cli_bytes(project: Project, names: list[str]) -> dict[str, bytes]:
    """The snapshots ``apptest replay --update`` writes for the same project (in a copy)."""
    cli = project.copy("cli", "scenarios")
    cli.write_snapshots()
    return {n: cli.snapshot(n).read_bytes() for n in names}


def test_new_snapshots_are_written_as_the_cli_writes_them(project: Project) -> None:
    project.app()
    project.scenario("counter")
    project.scenario("shop/checkout")

    result = project.pytest("--snapshot-update")

    result.assert_outcomes(passed=2)
    assert "2 snapshots generated" in result.stdout.str()
    expected = _cli_bytes(project, ["counter", "shop/checkout"])
    assert project.snapshot("counter").read_bytes() == expected["counter"]
    assert project.snapshot("shop/checkout").read_bytes() == expected["shop/checkout"]


def test_changed_snapshots_are_rewritten_and_the_next_run_is_green(project: Project) -> None:
    project.app()
    project.scenario("counter")
    project.scenario("other")
    project.write_snapshots()
    other = project.snapshot("other")
    other_stat = other.stat()
    project.app(step=3)  # both scenarios change
    project.write("scenarios/other.yaml", "version: 1\nname: other\napp: apps/counter.py\nsteps: []\n")

    failing = project.pytest()
    failing.assert_outcomes(failed=2)
    assert project.received("counter").is_file()

    updated = project.pytest("--snapshot-update")

    updated.assert_outcomes(passed=2)
    assert "2 snapshots updated" in updated.stdout.str()
    expected = _cli_bytes(project, ["counter", "other"])
    assert project.snapshot("counter").read_bytes() == expected["counter"]
    assert other.read_bytes() == expected["other"]
    assert other.stat().st_mtime_ns != other_stat.st_mtime_ns
    assert "count: 3" in project.snapshot("counter").read_text(encoding="utf-8")
    # The pending copies left by the failing run are gone: nothing is left to review.
    assert not project.received("counter").exists()
    assert project.apptest("review").stdout.strip() == "apptest: no pending snapshot changes"

    green = project.pytest()
    green.assert_outcomes(passed=2)


def test_matching_snapshots_are_not_rewritten(project: Project) -> None:
    project.app()
    project.scenario("counter")
    project.write_snapshots()
    snap = project.snapshot("counter")
    before = snap.stat().st_mtime_ns

    result = project.pytest("--snapshot-update")

    result.assert_outcomes(passed=1)
    assert "1 snapshot passed" in result.stdout.str()
    assert snap.stat().st_mtime_ns == before


def test_update_leaves_no_temporary_files(project: Project) -> None:
    project.app()
    project.scenario("counter")
    project.scenario("shop/checkout")

    project.pytest("--snapshot-update").assert_outcomes(passed=2)

    files = sorted(p.relative_to(project.path / "snapshots").as_posix()
                   for p in (project.path / "snapshots").rglob("*") if p.is_file())
    assert files == ["counter.yaml", "shop/checkout.yaml"]


def test_update_new_only_writes_missing_snapshots_only(project: Project) -> None:
    project.app()
    project.scenario("counter")
    project.write_snapshots()
    stored = project.snapshot("counter").read_bytes()
    project.scenario("fresh")
    project.app(step=2)

    result = project.pytest("--snapshot-update-new-only")

    result.assert_outcomes(passed=1, failed=1)  # fresh written, counter still differs
    assert project.snapshot("fresh").is_file()
    assert project.snapshot("counter").read_bytes() == stored
