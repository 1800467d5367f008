"""pytest plugin: scenario files as test items, fixtures, PR artifacts (a thin adapter).

Registered through the ``pytest11`` entry point. Everything heavy is imported lazily, so a run
that uses no scenarios pays almost nothing for the plugin.

- Every ``*.yaml`` under the ``apptest_scenarios`` folder (default ``scenarios/``, apps folders
  excluded) becomes one test item named after the file, replayed and compared with its snapshot
  through syrupy, so ``--snapshot-update``, ``--snapshot-details`` and unused-snapshot reporting
  work unchanged.
- Fixtures: ``apptest_driver`` (an AppTest-compatible driver, paths resolved against the test
  file) and ``replay`` (``assert replay("scenarios/counter.yaml") == snapshot``).
- ``--apptest-summary PATH`` writes a Markdown summary (also appended to
  ``$GITHUB_STEP_SUMMARY``); ``--apptest-report PATH`` writes a self-contained HTML report.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

__all__ = ["ScenarioFile", "ScenarioResult"]


@dataclass
class ScenarioResult:
    """One scenario item's outcome, for the summary and the report."""

    nodeid: str
    scenario: str
    status: str  # passed | changed | new | error | failed
    first_step: str = ""
    summary: str = ""
    step_diff: str = ""
    stored: str | None = None
    received: str | None = None


_RESULTS = pytest.StashKey[list[ScenarioResult]]()


# ------------------------------------------------------------------------------- options
def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("apptest", "apptest: Streamlit scenario replay")
    group.addoption("--apptest-summary", metavar="PATH", default=None,
                    help="write a Markdown summary of scenario results (also appended to $GITHUB_STEP_SUMMARY)")
    group.addoption("--apptest-report", metavar="PATH", default=None,
                    help="write a self-contained HTML report of changed scenarios")
    group.addoption("--apptest-timeout", metavar="SECONDS", type=float, default=None,
                    help="seconds allowed per script run (default: the scenario's, else 3)")
    parser.addini("apptest_scenarios", "folder (relative to rootdir) whose *.yaml files are scenarios",
                  default="scenarios")


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_RESULTS] = []
    config.addinivalue_line("markers", "apptest_scenario: a scenario file replayed against its snapshot")


# ------------------------------------------------------------------------------- collection
def _scenarios_root(config: pytest.Config) -> Path:
    return (config.rootpath / str(config.getini("apptest_scenarios"))).resolve()


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix not in (".yaml", ".yml"):
        return None
    root = _scenarios_root(parent.config)
    try:
        rel = file_path.resolve().relative_to(root)
    except ValueError:
        return None
    if "apps" in rel.parts[:-1] or any(p.startswith(".") for p in rel.parts):
        return None
    return ScenarioFile.from_parent(parent, path=file_path)  # type: ignore[no-any-return]


class ScenarioItem(pytest.Function):
    """A scenario's test: a function item (so fixtures and syrupy work) reported by its file."""

    def reportinfo(self) -> tuple[Any, int | None, str]:
        return self.path, 0, f"scenario {self.name}"


class ScenarioFile(pytest.File):
    """A scenario file: one test item, named after the file, that checks its snapshot."""

    def collect(self) -> Iterator[pytest.Item]:
        root = _scenarios_root(self.config)
        name = self.path.resolve().relative_to(root).with_suffix("").as_posix()
        func = _scenario_test(self.path, name)
        item = ScenarioItem.from_parent(self, name=self.path.stem, callobj=func)
        item.add_marker(pytest.mark.apptest_scenario)
        yield item


def _scenario_test(path: Path, name: str) -> Callable[..., None]:
    def test(snapshot: Any, request: pytest.FixtureRequest) -> None:
        _check_scenario(path, name, snapshot, request)

    test.__name__ = path.stem
    test.__qualname__ = path.stem
    test.__doc__ = f"Replay {name} and compare it with its snapshot."
    return test


def _display(path: Path, config: pytest.Config) -> str:
    try:
        return path.resolve().relative_to(config.rootpath.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _check_scenario(path: Path, name: str, snapshot: Any, request: pytest.FixtureRequest) -> None:
    from apptest.errors import ScenarioError
    from apptest.replay.engine import Replayer
    from apptest.scenario.loader import load_scenario
    from apptest.snapshot import layout
    from apptest.snapshot.diff import compare
    from apptest.snapshot.serialize import dump_trace
    from apptest.snapshot.syrupy_ext import scenario_extension

    config = request.config
    shown = _display(path, config)
    results = config.stash[_RESULTS]
    try:
        scenario = load_scenario(path)
    except ScenarioError as err:
        results.append(ScenarioResult(request.node.nodeid, shown, "error", summary=str(err)))
        pytest.fail(str(err), pytrace=False)
    trace = Replayer(scenario, timeout=config.getoption("apptest_timeout"), display_path=shown).run()
    failed = trace.failed_step
    if failed is not None:
        results.append(ScenarioResult(request.node.nodeid, shown, "error", f"step {failed.index}", str(failed.error)))
        pytest.fail(str(failed.error), pytrace=False)
    received = dump_trace(trace)
    snap_file = layout.snapshot_path(path)
    stored = snap_file.read_text(encoding="utf-8") if snap_file.exists() else None
    result = ScenarioResult(request.node.nodeid, shown, "passed", stored=stored, received=received)
    if stored is not None and stored != received:
        cmp = compare(stored, received)
        result.status = "changed"
        result.first_step = cmp.first_step.label if cmp.first_step is not None else ""
        result.summary = cmp.summary_line(shown)
        result.step_diff = cmp.step_diff()
        layout.keep_received(path, received)
    elif stored is None:
        result.status = "new"
    else:
        layout.discard_received(path)
    results.append(result)
    ext = scenario_extension(snap_file.parents[len(Path(name).parts) - 1], name)
    matches = snapshot.use_extension(ext) == trace  # syrupy records it (and writes on --snapshot-update)
    if not matches:
        if result.status == "changed":
            message = (
                f"{result.summary}\n\n{result.step_diff.rstrip()}\n\n"
                f"accept with: apptest accept {name}    (or: pytest {shown} --snapshot-update)"
            )
        else:
            message = f"{shown}: no snapshot yet; write it with: pytest {shown} --snapshot-update"
        pytest.fail(message, pytrace=False)
    if trace.expectation_failures:
        result.status = "failed"
        pytest.fail("\n".join(m for _, m in trace.expectation_failures), pytrace=False)


# ------------------------------------------------------------------------------- fixtures
@pytest.fixture
def apptest_driver(request: pytest.FixtureRequest) -> Callable[..., Any]:
    """Build an AppTest-compatible driver with paths resolved against the test file.

    Example:
        def test_counter(apptest_driver):
            at = apptest_driver("apps/counter.py").run()
            at.button(key="add").click().run()
            assert at.session_state.count == 1
    """
    from apptest.testing import AppTest

    base = Path(str(request.node.path)).parent

    def make(path: str | os.PathLike[str], *, default_timeout: float = 3) -> Any:
        p = Path(path)
        if not p.is_absolute():
            p = base / p
        return AppTest.from_file(str(p), default_timeout=default_timeout)

    return make


class ReplayedScenario:
    """A replayed scenario's trace; ``== snapshot`` compares it with ``snapshots/<name>.yaml``."""

    def __init__(self, trace: Any, path: Path, name: str) -> None:
        self.trace = trace
        self.path = path
        self.name = name

    @property
    def steps(self) -> Any:
        return self.trace.steps

    def __eq__(self, other: object) -> bool:
        from syrupy.assertion import SnapshotAssertion

        if isinstance(other, SnapshotAssertion):
            from apptest.snapshot import layout
            from apptest.snapshot.syrupy_ext import scenario_extension

            snap = layout.snapshot_path(self.path)
            root = snap.parents[len(Path(self.name).parts) - 1]
            return bool(other.use_extension(scenario_extension(root, self.name)) == self.trace)
        if isinstance(other, ReplayedScenario):
            return bool(self.trace == other.trace)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<ReplayedScenario {self.name} ({len(self.trace.steps) - 1} steps)>"


@pytest.fixture
def replay(request: pytest.FixtureRequest) -> Callable[..., ReplayedScenario]:
    """Replay a scenario file (relative to the rootdir, else the test file) and return its trace.

    Example:
        def test_counter(replay, snapshot):
            assert replay("scenarios/counter.yaml") == snapshot
    """
    from apptest.replay.engine import Replayer
    from apptest.scenario.loader import load_scenario

    config = request.config

    def run(path: str | os.PathLike[str], *, timeout: float | None = None) -> ReplayedScenario:
        p = Path(path)
        if not p.is_absolute():
            candidates = [config.rootpath / p, Path(str(request.node.path)).parent / p]
            p = next((c for c in candidates if c.exists()), candidates[0])
        scenario = load_scenario(p)
        trace = Replayer(scenario, timeout=timeout, display_path=_display(p, config)).run()
        if trace.failed_step is not None:
            pytest.fail(str(trace.failed_step.error), pytrace=False)
        root = _scenarios_root(config)
        try:
            name = p.resolve().relative_to(root).with_suffix("").as_posix()
        except ValueError:
            name = p.stem
        return ReplayedScenario(trace, p, name)

    return run


# ------------------------------------------------------------------------------- artifacts
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    config = session.config
    results = config.stash.get(_RESULTS, [])
    summary_path = config.getoption("apptest_summary", None)
    report_path = config.getoption("apptest_report", None)
    if not results or (summary_path is None and report_path is None and not os.environ.get("GITHUB_STEP_SUMMARY")):
        return
    if hasattr(config, "workerinput"):  # xdist worker: the controller writes the artifacts
        return
    from apptest.report import html_report, markdown_summary

    md = markdown_summary(results)
    if summary_path:
        Path(summary_path).write_text(md, encoding="utf-8")
    gh = os.environ.get("GITHUB_STEP_SUMMARY")
    if gh:
        with open(gh, "a", encoding="utf-8") as fh:
            fh.write(md + "\n")
    if report_path:
        Path(report_path).write_text(html_report(results), encoding="utf-8")


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    """Collect scenario results from xdist workers (sent through workeroutput)."""
    out = getattr(node, "workeroutput", {}).get("apptest_results")
    if out:
        node.config.stash[_RESULTS].extend(ScenarioResult(**r) for r in out)


def pytest_unconfigure(config: pytest.Config) -> None:
    if hasattr(config, "workeroutput"):
        from dataclasses import asdict

        config.workeroutput["apptest_results"] = [asdict(r) for r in config.stash.get(_RESULTS, [])]
