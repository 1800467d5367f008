"""With ``CI`` set, snapshots are not written (``--snapshot-update``, ``apptest accept``) unless
``APPTEST_ALLOW_SNAPSHOT_WRITE=1``; a missing snapshot fails there."""

from __future__ import annotations

import pytest

from ._helpers import Project, failure_section

CI = {"CI": "true"}
ALLOWED = {"CI": "true", "APPTEST_ALLOW_SNAPSHOT_WRITE": "1"}


@pytest.fixture
def changed(project: Project) -> Project:
    """counter's app changed since its snapshot; fresh has no snapshot yet."""
    project.app()
    project.scenario("counter")
    project.write_snapshots()
    project.scenario("fresh")
    project.app(step=2)
    return project


def test_update_under_ci_writes_nothing_and_fails(changed: Project) -> None:
    stored = changed.snapshot("counter").read_bytes()

    result = changed.pytest("--snapshot-update", env=CI)

    result.assert_outcomes(failed=2)
    assert changed.snapshot("counter").read_bytes() == stored
    assert not changed.snapshot("fresh").exists()
    counter = failure_section(result, "scenario counter")
    fresh = failure_section(result, "scenario fresh")
    assert counter[0] == (
        "scenarios/counter.yaml: step 1 (click add): state.count 1 → 2; "
        "output: - markdown: 'Count: `1`' → - markdown: 'Count: `2`'"
    )
    assert fresh[0] == (
        "scenarios/fresh.yaml: no snapshot yet; write it with: pytest scenarios/fresh.yaml --snapshot-update"
    )
    for section in (counter, fresh):
        assert section[-1] == (
            "not written: CI is set; snapshots are written on a developer machine and committed "
            "(set APPTEST_ALLOW_SNAPSHOT_WRITE=1 to allow writing here)"
        )


def test_update_under_ci_writes_when_explicitly_allowed(changed: Project) -> None:
    result = changed.pytest("--snapshot-update", env=ALLOWED)

    result.assert_outcomes(passed=2)
    assert "1 snapshot generated. 1 snapshot updated." in result.stdout.str()
    assert "count: 2" in changed.snapshot("counter").read_text(encoding="utf-8")
    assert changed.snapshot("fresh").is_file()


@pytest.mark.parametrize("value", ["true", "1", "yes"])
def test_missing_snapshots_fail_under_ci(project: Project, value: str) -> None:
    project.app()
    project.scenario("fresh")

    result = project.pytest(env={"CI": value})

    result.assert_outcomes(failed=1)
    assert "scenarios/fresh.yaml: no snapshot yet" in result.stdout.str()
    assert not project.snapshot("fresh").exists()


@pytest.mark.parametrize("value", ["", "0", "false"])
def test_ci_set_to_false_allows_writing(project: Project, value: str) -> None:
    project.app()
    project.scenario("fresh")

    result = project.pytest("--snapshot-update", env={"CI": value})

    result.assert_outcomes(passed=1)
    assert project.snapshot("fresh").is_file()


def test_a_mismatch_under_ci_keeps_no_pending_copy(changed: Project) -> None:
    result = changed.pytest("scenarios/counter.yaml", env=CI)

    result.assert_outcomes(failed=1)
    assert not changed.received("counter").exists()
    # Nothing to accept there, so the failure does not suggest `apptest accept`.
    assert "apptest accept" not in result.stdout.str()


def test_accept_refuses_under_ci(changed: Project) -> None:
    changed.pytest("scenarios/counter.yaml").assert_outcomes(failed=1)  # on a laptop
    stored = changed.snapshot("counter").read_bytes()
    assert changed.received("counter").is_file()

    refused = changed.apptest("accept", env=CI)

    assert refused.returncode != 0
    assert "CI is set" in refused.stderr
    assert "APPTEST_ALLOW_SNAPSHOT_WRITE=1" in refused.stderr
    assert changed.snapshot("counter").read_bytes() == stored
    assert changed.received("counter").is_file()  # still pending

    allowed = changed.apptest("accept", "counter", env=ALLOWED)

    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    assert allowed.stdout.strip() == "accepted counter"
    assert "count: 2" in changed.snapshot("counter").read_text(encoding="utf-8")


def test_cli_update_refuses_under_ci(changed: Project) -> None:
    stored = changed.snapshot("counter").read_bytes()

    proc = changed.apptest("replay", "--update", env=CI)

    assert proc.returncode != 0
    assert changed.snapshot("counter").read_bytes() == stored
    assert not changed.snapshot("fresh").exists()
