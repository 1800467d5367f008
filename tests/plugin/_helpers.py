"""Helpers for the pytest-plugin tests: a tiny project in a pytester folder, run in a subprocess.

Every test builds its own project (an app under ``scenarios/apps/``, scenario files, maybe
snapshots) and runs ``pytest`` and ``apptest`` on it in subprocesses, as a user would. The
environment is cleaned first: a CI runner sets ``CI`` and ``GITHUB_STEP_SUMMARY``, and an outer
``pytest -n`` sets ``PYTEST_XDIST_WORKER``; all of them change what the plugin does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

import pytest

ENV_VARS = (
    "CI",
    "APPTEST_ALLOW_SNAPSHOT_WRITE",
    "GITHUB_STEP_SUMMARY",
    "GITHUB_ACTIONS",
    "PYTEST_ADDOPTS",
    "PYTEST_PLUGINS",
    "PYTEST_DISABLE_PLUGIN_AUTOLOAD",
    "PYTEST_XDIST_WORKER",
    "PYTEST_XDIST_WORKER_COUNT",
    "PYTEST_XDIST_TESTRUNUID",
    "NO_COLOR",
    "FORCE_COLOR",
    "PY_COLORS",
)

COUNTER_APP = """\
import streamlit as st

st.title("{title}")

if "count" not in st.session_state:
    st.session_state.count = 0


def increment():
    st.session_state.count += {step}


st.button("Add", key="add", on_click=increment)
st.write("Count:", st.session_state.count)
"""

COUNTER_SCENARIO = """\
version: 1
name: {name}
app: {app}
steps:
  - click: add
  - click: add
"""


class Project:
    """A project folder with ``scenarios/``, ``scenarios/apps/`` and ``snapshots/``."""

    def __init__(self, pytester: pytest.Pytester, path: Path | None = None) -> None:
        self.pytester = pytester
        self.path: Path = path or pytester.path

    def copy(self, name: str, *folders: str) -> Project:
        """A sibling project holding a copy of some of this one's folders."""
        other = self.path.parent / f"{self.path.name}-{name}"
        for folder in folders:
            shutil.copytree(self.path / folder, other / folder)
        other.mkdir(exist_ok=True)
        return Project(self.pytester, other)

    # -- files ------------------------------------------------------------------------------
    def write(self, rel: str, text: str) -> Path:
        path = self.path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def app(self, title: str = "Counter", step: int = 1, rel: str = "scenarios/apps/counter.py") -> Path:
        """The counter app; ``title`` and ``step`` (added per click) are what tests change."""
        return self.write(rel, COUNTER_APP.format(title=title, step=step))

    def scenario(self, name: str, app: str = "apps/counter.py", folder: str = "scenarios") -> Path:
        """``<folder>/<name>.yaml``: load, click add twice. ``app`` is relative to the file."""
        rel = f"{folder}/{name}.yaml"
        depth = name.count("/")
        return self.write(rel, COUNTER_SCENARIO.format(name=name, app="../" * depth + app))

    def snapshot(self, name: str) -> Path:
        return self.path / "snapshots" / f"{name}.yaml"

    def received(self, name: str) -> Path:
        return self.path / ".apptest" / "received" / f"{name}.yaml"

    def read(self, rel: str) -> str:
        return (self.path / rel).read_text(encoding="utf-8")

    # -- running ----------------------------------------------------------------------------
    def pytest(self, *args: str, env: dict[str, str] | None = None) -> pytest.RunResult:
        """``pytest ARGS`` in a subprocess, in the project folder."""
        mp = pytest.MonkeyPatch()
        try:
            for key, value in (env or {}).items():
                mp.setenv(key, value)
            return self.pytester.runpytest_subprocess("-p", "no:cacheprovider", *args, timeout=300)
        finally:
            mp.undo()

    def apptest(
        self, *args: str, env: dict[str, str] | None = None, stdin: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        """``apptest ARGS`` (as ``python -m apptest``) in the project folder."""
        full_env = {**os.environ, **(env or {})}
        return subprocess.run(
            [sys.executable, "-m", "apptest", *args],
            cwd=self.path,
            env=full_env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    def accept_all(self) -> None:
        proc = self.apptest("accept")
        assert proc.returncode == 0, proc.stdout + proc.stderr

    def write_snapshots(self, *paths: str) -> None:
        """Write the stored snapshots with the CLI (``apptest replay --update``)."""
        proc = self.apptest("replay", "--update", *paths)
        assert proc.returncode == 0, proc.stdout + proc.stderr


def outcome_line(result: pytest.RunResult) -> str:
    """The last line of pytest's output (``1 failed, 2 passed in 1.2s``)."""
    lines = [line for line in result.outlines if line.strip()]
    return lines[-1] if lines else ""


def failure_section(result: pytest.RunResult, title: str) -> list[str]:
    """The lines of the FAILURES section of one test (between its ``___ title ___`` header and
    the next header), without the header."""
    lines = result.outlines
    start = next(
        (i for i, line in enumerate(lines) if line.startswith("_") and f" {title} " in line), None
    )
    assert start is not None, f"no failure section for {title!r}:\n" + "\n".join(lines)
    out: list[str] = []
    for line in lines[start + 1 :]:
        if (line.startswith("___") or line.startswith("---") or line.startswith("===")) and line.endswith(
            ("_", "-", "=")
        ) and " " in line.strip("_-= "):
            break
        out.append(line)
    while out and not out[-1].strip():
        out.pop()
    return out


def names(paths: Sequence[Path], root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in paths)


PROMPT = "accept [a] / reject [r] / skip [s] / quit [q]? "


def run_in_pty(
    argv: Sequence[str], cwd: Path, answers: Sequence[str], env: dict[str, str] | None = None,
    timeout: float = 60,
) -> tuple[int, str]:
    """Run ``argv`` with a pseudo-terminal as stdin/stdout/stderr, typing one answer (plus
    Enter) each time ``apptest review`` prompts. Returns the exit code and the transcript
    (what the terminal showed, echoed answers included, ``\\r\\n`` turned into ``\\n``)."""
    import pty
    import select
    import time

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        list(argv), cwd=cwd, env={**os.environ, **(env or {})},
        stdin=slave, stdout=slave, stderr=slave, close_fds=True,
    )
    os.close(slave)
    chunks: list[bytes] = []
    pending = list(answers)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    data = os.read(master, 4096)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not data:
                    break
                chunks.append(data)
                shown = b"".join(chunks).decode("utf-8", "replace")
                asked = shown.count(PROMPT)
                answered = len(answers) - len(pending)
                if pending and asked > answered:
                    os.write(master, (pending.pop(0) + "\n").encode())
            elif proc.poll() is not None:
                break
        else:
            proc.kill()
            raise AssertionError("timed out:\n" + b"".join(chunks).decode("utf-8", "replace"))
    finally:
        os.close(master)
    code = proc.wait(timeout=10)
    return code, b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")
