"""A changed app: the failure leads with one line naming the scenario and its first diverging
step, then that step's diff, then the accept command; the received snapshot waits, git-ignored,
under ``.apptest/received/`` for ``apptest review`` / ``accept`` / ``reject``."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from ._helpers import PROMPT, Project, failure_section, run_in_pty


@pytest.fixture
def counter(project: Project) -> Project:
    project.app()
    project.scenario("counter")
    project.write_snapshots()
    return project


def test_a_state_change_leads_with_the_step_and_the_state_key(counter: Project) -> None:
    counter.app(step=2)

    result = counter.pytest()

    result.assert_outcomes(failed=1)
    lines = failure_section(result, "scenario counter")
    assert lines == [
        "scenarios/counter.yaml: step 1 (click add): state.count 1 → 2; "
        "output: - markdown: 'Count: `1`' → - markdown: 'Count: `2`'",
        "",
        "--- stored step 1 (click add)",
        "+++ received step 1 (click add)",
        "@@ -3,7 +3,7 @@",
        "   callbacks: [increment]",
        "   state:",
        "     add: false",
        "-    count: 1",
        "+    count: 2",
        "   output:",
        "     main:",
        "     - title: Counter",
        "@@ -11,4 +11,4 @@",
        "         key: add",
        "         label: Add",
        "         value: true",
        "-    - markdown: 'Count: `1`'",
        "+    - markdown: 'Count: `2`'",
        "",
        "later steps that also differ: 2 (apptest review --full shows them)",
        "accept with: apptest accept counter    (or: pytest scenarios/counter.yaml --snapshot-update)",
    ]
    # No Python traceback of the plugin's internals.
    assert "Traceback" not in result.stdout.str()
    assert "pytest_plugin.py" not in result.stdout.str()


def test_an_output_change_names_the_changed_line(counter: Project) -> None:
    counter.app(title="Tally")

    result = counter.pytest()

    lines = failure_section(result, "scenario counter")
    assert lines[0] == "scenarios/counter.yaml: step 0 (load): output: - title: Counter → - title: Tally"
    assert "-    - title: Counter" in lines
    assert "+    - title: Tally" in lines
    assert lines[-2] == "later steps that also differ: 1, 2 (apptest review --full shows them)"
    assert lines[-1].startswith("accept with: apptest accept counter")


def test_the_received_snapshot_is_kept_and_git_ignored(counter: Project) -> None:
    counter.app(step=2)
    expected = counter.copy("cli", "scenarios")
    expected.write_snapshots()

    counter.pytest().assert_outcomes(failed=1)

    received = counter.received("counter")
    assert received.read_bytes() == expected.snapshot("counter").read_bytes()
    assert (counter.path / ".apptest" / ".gitignore").read_text(encoding="utf-8") == "*\n"
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q"], cwd=counter.path, check=True)
    ignored = subprocess.run(["git", "check-ignore", "-q", str(received)], cwd=counter.path, check=False)
    assert ignored.returncode == 0, "the received snapshot must be git-ignored"
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=counter.path, capture_output=True, text=True, check=True,
    ).stdout
    assert ".apptest" not in status
    assert "scenarios/counter.yaml" in status  # the project itself is not ignored


def test_accept_makes_the_next_run_green(counter: Project) -> None:
    counter.app(step=2)
    counter.pytest().assert_outcomes(failed=1)

    proc = counter.apptest("accept")

    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == "accepted counter\n"
    assert not counter.received("counter").exists()
    green = counter.pytest()
    green.assert_outcomes(passed=1)


def test_reject_keeps_the_stored_snapshot(counter: Project) -> None:
    stored = counter.snapshot("counter").read_bytes()
    counter.app(step=2)
    counter.pytest().assert_outcomes(failed=1)

    proc = counter.apptest("reject", "counter")

    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == "rejected counter\n"
    assert counter.snapshot("counter").read_bytes() == stored
    assert not counter.received("counter").exists()
    counter.pytest().assert_outcomes(failed=1)  # the app still differs


def test_review_without_a_terminal_shows_the_change(counter: Project) -> None:
    counter.app(step=2)
    counter.pytest().assert_outcomes(failed=1)

    proc = counter.apptest("review", stdin="")

    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("counter: step 1 (click add): state.count 1 → 2")
    assert "        -    count: 1" in lines
    assert "        +    count: 2" in lines
    assert lines[-1] == "        (not a terminal: use `apptest accept NAME` or `apptest reject NAME`)"
    assert counter.received("counter").exists()  # nothing decided


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_review_in_a_terminal_accepts(counter: Project) -> None:
    counter.scenario("other")
    counter.write_snapshots()
    counter.app(step=2)
    counter.pytest().assert_outcomes(failed=2)

    code, transcript = run_in_pty(
        [sys.executable, "-m", "apptest", "review"], counter.path, answers=["a", "s"]
    )

    assert code == 0, transcript
    assert transcript.count(PROMPT) == 2
    assert "accepted counter" in transcript
    assert "other: step 1 (click add): state.count 1 → 2" in transcript
    assert not counter.received("counter").exists()
    assert counter.received("other").exists()  # skipped: still pending
    result = counter.pytest()
    result.assert_outcomes(passed=1, failed=1)


@pytest.mark.parametrize(
    ("indexes", "text"),
    [([1], "1"), ([1, 2], "1, 2"), ([1, 2, 3], "1-3"), ([2, 3, 4, 5, 9, 11, 12], "2-5, 9, 11, 12")],
)
def test_step_ranges(indexes: list[int], text: str) -> None:
    from apptest.report import step_ranges

    assert step_ranges(indexes) == text
