"""`apptest replay`: exit codes, the change report, --update, usage errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from apptest.cli import EXIT_CHANGED, EXIT_ERROR, EXIT_MISSING, EXIT_OK, EXIT_USAGE, main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "scenarios", tmp_path / "scenarios")
    shutil.copytree(ROOT / "snapshots", tmp_path / "snapshots")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_examples_match_their_snapshots(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["replay", "scenarios"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "10 scenarios: 10 passed" in out


def test_a_changed_line_names_scenario_step_and_line_then_update_accepts_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = project / "scenarios" / "apps" / "counter.py"
    app.write_text(app.read_text().replace('st.title("Counter")', 'st.title("Click counter")'))
    before = (project / "snapshots" / "counter.yaml").read_text()
    assert main(["replay", "scenarios"]) == EXIT_CHANGED
    out = capsys.readouterr().out
    assert "CHANGED scenarios/counter.yaml: step 0 (load): output: - title: Counter → - title: Click counter" in out
    assert "-    - title: Counter\n" in out.replace("        ", "", 1) or "- title: Counter" in out
    assert "apptest accept counter" in out
    assert (project / ".apptest" / "received" / "counter.yaml").exists()
    assert (project / ".apptest" / ".gitignore").read_text() == "*\n"
    assert (project / "snapshots" / "counter.yaml").read_text() == before  # nothing written yet
    assert main(["replay", "scenarios/counter.yaml", "--update"]) == EXIT_OK
    after = (project / "snapshots" / "counter.yaml").read_text()
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert changed and all(a.strip() == "- title: Counter" and b.strip() == "- title: Click counter" for a, b in changed)
    assert main(["replay", "scenarios"]) == EXIT_OK


def test_missing_snapshot_and_errors_have_distinct_exit_codes(project: Path) -> None:
    (project / "snapshots" / "gate.yaml").unlink()
    assert main(["replay", "scenarios/gate.yaml"]) == EXIT_MISSING
    bad = project / "scenarios" / "bad.yaml"
    bad.write_text("version: 1\napp: apps/counter.py\nsteps:\n  - click: nope\n")
    assert main(["replay", "scenarios/bad.yaml"]) == EXIT_ERROR


def test_usage_errors(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["replay", "--timeout", "soon"])
    assert exc.value.code == EXIT_USAGE
    assert main(["replay", "no-such-folder-at-all/"]) in (EXIT_USAGE, EXIT_ERROR)


def test_help_shows_examples_and_python_dash_m_works() -> None:
    proc = subprocess.run([sys.executable, "-m", "apptest", "replay", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0
    assert "examples:" in proc.stdout and "apptest replay scenarios/counter.yaml" in proc.stdout
    assert "exit codes" in proc.stdout
