"""The HTML report in a real headless browser (Debian's ``chromium``): the DOM holds the changed
scenario's diverging step, the page logs no console error, and it renders to a screenshot.

Installs ``chromium`` with apt-get when it is missing and this runs as root; skips, saying why,
when that is impossible.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from ._helpers import Project

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--enable-logging=stderr",
    "--v=0",
]


def _install_chromium() -> tuple[str | None, str]:
    """(path of ``chromium``, "") — installing Debian's package when it is missing and this runs
    as root — or (None, why it is not available)."""
    found = shutil.which("chromium")
    if found:
        return found, ""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None, "chromium is not installed, and installing it needs root"
    if shutil.which("apt-get") is None:
        return None, "chromium is not installed, and apt-get is not available to install it"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]):
        try:
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return None, f"installing chromium failed: {' '.join(cmd)}: {exc}"
        if done.returncode != 0:
            tail = " | ".join((done.stderr or done.stdout).strip().splitlines()[-3:])
            return None, f"installing chromium failed: {' '.join(cmd)} exited {done.returncode}: {tail}"
    found = shutil.which("chromium")
    return (found, "") if found else (None, "apt-get installed chromium, but it is not on PATH")


@pytest.fixture(scope="module")
def chromium() -> str:
    path, reason = _install_chromium()
    if path is None:
        pytest.skip(reason)
    return path


def _run_chromium(chromium: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120, check=False,
    )


def _console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]


@pytest.fixture
def report_file(project: Project) -> Path:
    """A realistic change: the counter's "Add" now adds 5, so step 1 and after differ."""
    project.app()
    project.app(rel="scenarios/apps/same.py")
    project.scenario("counter")
    project.scenario("same", app="apps/same.py")
    project.write_snapshots()
    project.app(step=5)

    project.pytest("--apptest-report", "apptest-report.html").assert_outcomes(passed=1, failed=1)
    return project.path / "apptest-report.html"


def test_console_errors_would_be_seen(chromium: str, tmp_path: Path) -> None:
    # Calibration: a page that logs an error and throws shows up in stderr as CONSOLE lines,
    # so their absence below means something.
    page = tmp_path / "bad.html"
    page.write_text("<!doctype html><p>x</p><script>console.error('boom'); nope();</script>", encoding="utf-8")

    done = _run_chromium(chromium, tmp_path / "profile", "--dump-dom", page.as_uri())

    lines = _console_lines(done.stderr)
    assert any("boom" in line for line in lines), done.stderr
    assert any("Uncaught" in line for line in lines), done.stderr


def test_dom_shows_the_diverging_step_without_console_errors(
    chromium: str, report_file: Path, tmp_path: Path
) -> None:
    done = _run_chromium(chromium, tmp_path / "profile", "--dump-dom", report_file.as_uri())

    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert "<title>apptest report</title>" in dom
    assert "scenarios/counter.yaml: step 1 (click add): state.count 1 → 5" in dom
    assert "stored snapshot · step 1 (click add)" in dom
    assert "received (this run) · step 1 (click add)" in dom
    assert '<td class="del">    count: <span class="x">1</span></td>' in dom
    assert '<td class="add">    count: <span class="x">5</span></td>' in dom
    assert _console_lines(done.stderr) == []


def test_screenshot(chromium: str, report_file: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"

    done = _run_chromium(
        chromium, tmp_path / "profile", "--hide-scrollbars", "--window-size=1200,900",
        f"--screenshot={shot}", report_file.as_uri(),
    )

    assert done.returncode == 0, done.stderr[-2000:]
    assert _console_lines(done.stderr) == []
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 900)
    assert len(data) > 20_000  # a rendered page, not a blank one
