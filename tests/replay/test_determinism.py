"""Snapshots are byte-identical across hash seeds and machines (spec: deterministic to the byte)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_example_snapshots_are_identical_under_three_hash_seeds(tmp_path: Path) -> None:
    results = []
    for seed in ("0", "1", "2"):
        work = tmp_path / f"seed{seed}"
        shutil.copytree(ROOT / "scenarios", work / "scenarios")
        env = dict(os.environ, PYTHONHASHSEED=seed)
        env.pop("CI", None)
        proc = subprocess.run(
            [sys.executable, "-m", "apptest", "replay", "scenarios", "--update", "-q"],
            cwd=work, env=env, capture_output=True, text=True,
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr
        files = sorted((work / "snapshots").rglob("*.yaml"))
        assert files
        results.append({f.relative_to(work).as_posix(): f.read_bytes() for f in files})
    assert results[0] == results[1] == results[2]


def test_committed_snapshots_match_a_fresh_replay() -> None:
    env = dict(os.environ)
    proc = subprocess.run(
        [sys.executable, "-m", "apptest", "replay", "scenarios"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
