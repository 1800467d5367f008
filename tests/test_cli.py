"""`apptest replay`: exit codes, the change report, --update, usage errors."""

from __future__ import annotations

import os
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


_ARG_TOKENS = ("a", "b.yaml", "", "x y", "replay", "--update", "-q", "--quiet")


def test_common_replay_lines_are_read_as_the_parser_reads_them() -> None:
    import contextlib
    import io
    import itertools

    from apptest.cli import _plain_replay, build_parser

    read = 0
    for n in range(5):
        for rest in itertools.product(_ARG_TOKENS, repeat=n):
            argv = ["replay", *rest]
            plain = _plain_replay(argv)
            with contextlib.redirect_stderr(io.StringIO()):
                try:
                    parsed: dict[str, object] | None = vars(build_parser().parse_args(argv))
                except SystemExit:
                    parsed = None
            if plain is None:
                assert parsed is None, argv  # only lines the parser rejects are left to it here
            else:
                read += 1
                assert parsed == vars(plain) | {"command": "replay", "timeout": None}, argv
    assert read > 1000
    for argv in (["replay", "--timeout", "2"], ["replay", "-h"], ["replay", "-qq"], ["replay", "--upd"],
                 ["replay", "--", "a"], ["replay", "a", "--update", "b"], ["review"], [], ["-q", "replay"]):
        assert _plain_replay(argv) is None, argv


def _run_python(code: str, cwd: Path) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("CI", None)
    proc = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout.strip().splitlines()[-1]


def test_the_command_freezes_its_start_up_heap_and_keeps_collecting(project: Path) -> None:
    code = (
        "import gc, sys; from apptest.cli import main; sys.argv = ['apptest', 'replay', 'scenarios/counter.yaml', '-q'];"
        "rc = main(); print(rc, gc.isenabled(), gc.get_freeze_count() > 0)"
    )
    assert _run_python(code, project) == "0 True True"
    # called with arguments (a test, a tool), main() changes nothing process-wide
    code = (
        "import gc; from apptest.cli import main; rc = main(['replay', 'scenarios/counter.yaml', '-q']);"
        "print(rc, gc.isenabled(), gc.get_freeze_count())"
    )
    assert _run_python(code, project) == "0 True 0"
    # no scenario could be read: collection is on again all the same
    (project / "scenarios" / "bad.yaml").write_text("version: [\n", encoding="utf-8")
    code = (
        "import gc, sys; from apptest.cli import main; sys.argv = ['apptest', 'replay', 'scenarios/bad.yaml'];"
        "rc = main(); print(rc, gc.isenabled())"
    )
    assert _run_python(code, project) == f"{EXIT_ERROR} True"


def test_a_passing_replay_loads_only_what_it_needs(project: Path) -> None:
    unneeded = ("argparse", "apptest.runtime.streamlit_api.services", "apptest.runtime.streamlit_api.namespace_extra",
                "apptest.snapshot.store", "apptest.snapshot.diff")
    code = (
        "import sys; from apptest.cli import main; rc = main(['replay', 'scenarios/counter.yaml']);"
        f"print(rc, [m for m in {unneeded!r} if m in sys.modules])"
    )
    assert _run_python(code, project) == "0 []"
