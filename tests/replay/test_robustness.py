"""Timeouts, isolation between scenarios, crash safety of snapshot files."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from apptest.cli import EXIT_ERROR, EXIT_OK, main
from apptest.replay.engine import Replayer
from apptest.scenario.loader import load_scenario_text


def _write(tmp: Path, name: str, text: str) -> Path:
    p = tmp / "scenarios" / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


LOOP = """version: 1
options: {timeout: 0.5}
script: |
  import streamlit as st
  st.write("before")
  while True:
      pass
"""
SLEEP = """version: 1
options: {timeout: 0.5}
script: |
  import time
  import streamlit as st
  time.sleep(60)
"""
OK = """version: 1
script: |
  import streamlit as st
  st.session_state.setdefault("n", 0)
  st.session_state.n += 1
  st.write(st.session_state.n)
steps:
  - rerun
  - expect: {state: {n: 2}}
"""


@pytest.mark.parametrize("body", [LOOP, SLEEP], ids=["busy-loop", "sleep"])
def test_stuck_script_times_out_within_twice_the_timeout_and_next_scenario_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], body: str
) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "a_stuck.yaml", body)
    _write(tmp_path, "b_ok.yaml", OK)
    assert main(["replay", "scenarios/b_ok.yaml", "--update"]) == EXIT_OK
    t0 = time.perf_counter()
    code = main(["replay", "scenarios/"])
    elapsed = time.perf_counter() - t0
    out = capsys.readouterr().out
    assert code == EXIT_ERROR
    assert "scenarios/a_stuck.yaml" in out and "did not finish within 0.5 s" in out
    assert "step 0" in out or "(step" in out
    assert "PASS    scenarios/b_ok.yaml" in out
    assert elapsed < 2 * 0.5 + 0.5  # the stuck run stops within 2x the timeout (+ the passing scenario)
    assert "Traceback" not in out


def test_timeout_on_the_command_line_overrides_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "slow.yaml", SLEEP.replace("options: {timeout: 0.5}\n", ""))
    t0 = time.perf_counter()
    assert main(["replay", "scenarios/slow.yaml", "--timeout", "0.3"]) == EXIT_ERROR
    assert time.perf_counter() - t0 < 0.6 + 0.3
    assert "did not finish within 0.3 s" in capsys.readouterr().out


def test_state_and_app_modules_do_not_leak_between_scenarios(tmp_path: Path) -> None:
    app_dir = tmp_path / "apps"
    app_dir.mkdir()
    (app_dir / "helper_mod.py").write_text("CALLS = []\n", encoding="utf-8")
    (app_dir / "app.py").write_text(
        "import streamlit as st\nimport helper_mod\nhelper_mod.CALLS.append(1)\n"
        "st.session_state.setdefault('seen', 0)\nst.session_state.seen += 1\n"
        "st.write(len(helper_mod.CALLS))\n",
        encoding="utf-8",
    )
    text = "version: 1\napp: apps/app.py\nsteps: [rerun]\n"
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    before_path = list(sys.path)
    traces = []
    for _ in range(2):
        sc = load_scenario_text(text, str(path), base_dir=tmp_path)
        traces.append(Replayer(sc).run())
    assert traces[0].steps == traces[1].steps  # the second replay starts from scratch
    assert traces[1].steps[-1].state == {"seen": 2}
    assert traces[1].steps[-1].output["main"] == [{"markdown": "`2`"}]
    assert "helper_mod" not in sys.modules
    assert sys.path == before_path
    assert "streamlit" not in sys.modules or "apptest" not in repr(sys.modules["streamlit"])


def test_replay_path_imports_neither_pytest_nor_syrupy(tmp_path: Path) -> None:
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "a.yaml").write_text(OK, encoding="utf-8")
    code = (
        "import sys; from apptest.cli import main; rc = main(['replay', 'scenarios', '--update']);"
        "bad = [m for m in ('pytest', 'syrupy', '_pytest') if m in sys.modules]; print(rc, bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "0 []"


STUBBORN = """version: 1
options: {timeout: 0.3}
script: |
  import time
  import streamlit as st
  if st.button("go", key="go"):
      while True:
          try:
              time.sleep(10)
          except:
              pass
steps:
  - click: go
"""


def test_an_app_that_swallows_every_interruption_is_reported_not_hung(tmp_path: Path) -> None:
    _write(tmp_path, "stubborn.yaml", STUBBORN)
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "apptest", "replay", "scenarios"], cwd=tmp_path, capture_output=True, text=True,
        timeout=30,
    )
    assert time.perf_counter() - t0 < 10
    assert proc.returncode == EXIT_ERROR
    assert "scenarios/stubborn.yaml:13 (step 1): the app did not stop within 0.6 s" in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr
    assert not (tmp_path / "snapshots").exists()
