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
    name: str = ""  # the name `apptest accept` takes


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


def _scenarios_root_for(config: pytest.Config, file_path: Path) -> Path | None:
    """The scenarios folder that holds ``file_path``, or ``None`` when it is not a scenario.

    The folder is the ``apptest_scenarios`` setting relative to the rootdir. Without an ini
    file pytest takes the common folder of the working directory and the arguments as the
    rootdir (``cd scenarios && pytest a.yaml``, ``pytest project/scenarios/a.yaml``); when the
    setting names no folder there, the nearest ancestor of the file that has it is used.
    """
    path = file_path.resolve()
    primary = _scenarios_root(config)
    candidates = [primary]
    if config.inipath is None and not primary.is_dir():
        setting = str(config.getini("apptest_scenarios"))
        candidates += [(a / setting).resolve() for a in path.parents]
    for root in candidates:
        if root in path.parents:
            return root
    return None


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix not in (".yaml", ".yml"):
        return None
    root = _scenarios_root_for(parent.config, file_path)
    if root is None:
        return None
    rel = file_path.resolve().relative_to(root)
    if "apps" in rel.parts[:-1] or any(p.startswith(".") for p in rel.parts):
        return None
    return ScenarioFile.from_parent(parent, path=file_path, scenarios_root=root)


class ScenarioItem(pytest.Function):
    """A scenario's test: a function item (so fixtures and syrupy work) reported by its file."""

    def reportinfo(self) -> tuple[Any, int | None, str]:
        return self.path, 0, f"scenario {self.name}"


class ScenarioFile(pytest.File):
    """A scenario file: one test item, named after the file, that checks its snapshot."""

    def __init__(self, *, scenarios_root: Path, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scenarios_root = scenarios_root

    def collect(self) -> Iterator[pytest.Item]:
        name = self.path.resolve().relative_to(self.scenarios_root).with_suffix("").as_posix()
        func = _scenario_test(self.path, name, _display(self.path, self.config))
        item = ScenarioItem.from_parent(self, name=self.path.stem, callobj=func)
        item.add_marker(pytest.mark.apptest_scenario)
        yield item


def _scenario_test(path: Path, name: str, shown: str) -> Callable[..., None]:
    def test(snapshot: Any, request: pytest.FixtureRequest) -> None:
        _check_scenario(path, name, shown, snapshot, request)

    test.__name__ = path.stem
    test.__qualname__ = path.stem
    test.__doc__ = f"Replay {name} and compare it with its snapshot."
    return test


def _display(path: Path, config: pytest.Config) -> str:
    """The scenario's path as the snapshot records it: relative to the project (the folder the
    ``apptest_scenarios`` setting is relative to), wherever pytest was started from."""
    root = _scenarios_root_for(config, path)
    if root is not None:
        depth = len(Path(str(config.getini("apptest_scenarios"))).parts)
        base = root.parents[depth - 1] if depth else root
    else:
        base = config.rootpath.resolve()
    try:
        return path.resolve().relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def _check_scenario(
    path: Path, name: str, shown: str, snapshot: Any, request: pytest.FixtureRequest
) -> None:
    from apptest.errors import ScenarioError
    from apptest.replay.engine import Replayer
    from apptest.report import step_ranges, steps_differing
    from apptest.scenario.loader import load_scenario
    from apptest.snapshot import layout
    from apptest.snapshot.diff import compare
    from apptest.snapshot.serialize import dump_trace
    from apptest.snapshot.store import writes_allowed
    from apptest.snapshot.syrupy_ext import scenario_extension

    config = request.config
    results = config.stash[_RESULTS]
    snap_file = layout.snapshot_path(path)
    ext = scenario_extension(snap_file.parents[len(Path(name).parts) - 1], name)
    stored = snap_file.read_text(encoding="utf-8") if snap_file.exists() else None

    def fail_keeping_snapshot(result: ScenarioResult, message: str) -> None:
        # The scenario could not be replayed: its stored snapshot stays as it is. Asserting the
        # stored text marks it used, so a full run with --snapshot-update does not delete it as
        # unused (syrupy deletes every snapshot no test asserted).
        results.append(result)
        if stored is not None:
            assert snapshot.use_extension(ext) == stored
        pytest.fail(message, pytrace=False)

    try:
        scenario = load_scenario(path)
    except ScenarioError as err:
        fail_keeping_snapshot(ScenarioResult(request.node.nodeid, shown, "error", summary=str(err)), str(err))
        return
    trace = Replayer(scenario, timeout=config.getoption("apptest_timeout"), display_path=shown).run()
    failed = trace.failed_step
    if failed is not None:
        fail_keeping_snapshot(
            ScenarioResult(request.node.nodeid, shown, "error", f"step {failed.index}", str(failed.error)),
            str(failed.error),
        )
        return
    received = dump_trace(trace)
    later: list[int] = []
    result = ScenarioResult(request.node.nodeid, shown, "passed", stored=stored, received=received,
                            name=layout.name_of(path))
    results.append(result)
    if stored is not None and stored != received:
        cmp = compare(stored, received)
        result.status = "changed"
        result.first_step = cmp.first_step.label if cmp.first_step is not None else ""
        result.summary = cmp.summary_line(shown)
        result.step_diff = cmp.step_diff()
        first = cmp.first_step.index if cmp.first_step is not None else -1
        later = [i for i in steps_differing(stored, received) if i > first]
    elif stored is None:
        result.status = "new"
        result.summary = f"{shown}: no snapshot yet"
    matches = snapshot.use_extension(ext) == trace  # syrupy records it (and writes on --snapshot-update)
    if matches:
        layout.discard_received(path)
        if result.status == "changed":
            result.status = "updated"  # written by --snapshot-update
        elif result.status == "new":
            result.status = "created"
            result.summary = f"{shown}: snapshot written"
    else:
        accept_name = layout.name_of(path)
        if result.status == "changed":
            kept = layout.keep_received(path, received)  # None under CI: nothing to accept there
            update = f"pytest {shown} --snapshot-update"
            accept = f"apptest accept {accept_name}    (or: {update})" if kept is not None else update
            message = f"{result.summary}\n\n{result.step_diff.rstrip()}\n\n"
            if later:
                message += f"later steps that also differ: {step_ranges(later)} (apptest review --full shows them)\n"
            message += f"accept with: {accept}"
        else:
            message = f"{shown}: no snapshot yet; write it with: pytest {shown} --snapshot-update"
        if _update_requested(config) and not writes_allowed():
            message += (
                "\n\nnot written: CI is set; snapshots are written on a developer machine and committed "
                "(set APPTEST_ALLOW_SNAPSHOT_WRITE=1 to allow writing here)"
            )
        pytest.fail(message, pytrace=False)
    if trace.expectation_failures:
        result.status = "failed"
        result.first_step = f"step {trace.expectation_failures[0][0]}"
        result.summary = "\n".join(m for _, m in trace.expectation_failures)
        pytest.fail(result.summary, pytrace=False)


def _update_requested(config: pytest.Config) -> bool:
    for opt in ("--snapshot-update", "--snapshot-update-new-only"):
        try:
            if config.getoption(opt):
                return True
        except ValueError:  # syrupy not loaded
            pass
    return False


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

    def __init__(self, trace: Any, path: Path, name: str, shown: str = "") -> None:
        self.trace = trace
        self.path = path
        self.name = name
        self.shown = shown or path.as_posix()

    @property
    def steps(self) -> Any:
        return self.trace.steps

    @property
    def snapshot_file(self) -> Path:
        from apptest.snapshot import layout

        return layout.snapshot_path(self.path)

    def __eq__(self, other: object) -> bool:
        from syrupy.assertion import SnapshotAssertion

        if isinstance(other, SnapshotAssertion):
            from apptest.snapshot.syrupy_ext import scenario_extension

            root = self.snapshot_file.parents[len(Path(self.name).parts) - 1]
            # Assert on the fixture's own object (options apply to this assertion only), named
            # after the scenario: syrupy's failure report reads that object's results, and one
            # test may assert several scenarios.
            return bool(other(extension_class=scenario_extension(root), name=self.name) == self.trace)
        if isinstance(other, ReplayedScenario):
            return bool(self.trace == other.trace)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def explain(self) -> list[str]:
        """Why the stored snapshot differs: first diverging step, its diff, how to accept."""
        from apptest.snapshot.diff import compare
        from apptest.snapshot.serialize import dump_trace

        snap = self.snapshot_file
        received = dump_trace(self.trace)
        stored = snap.read_text(encoding="utf-8") if snap.is_file() else None
        accept = f"accept with: pytest --snapshot-update    (or: apptest replay --update {self.shown})"
        if stored is None:
            return [f"{self.shown}: no snapshot yet", "", accept]
        cmp = compare(stored, received)
        if cmp.equal:
            return [f"{self.shown}: snapshot matches"]
        return [cmp.summary_line(self.shown), "", *cmp.step_diff().rstrip("\n").splitlines(), "", accept]

    def __repr__(self) -> str:
        return f"<ReplayedScenario {self.name} ({len(self.trace.steps) - 1} steps)>"


@pytest.hookimpl(hookwrapper=True)
def pytest_assertrepr_compare(
    config: pytest.Config, op: str, left: object, right: object
) -> Iterator[None]:
    """``assert replay(...) == snapshot`` fails with the first diverging step, not a raw diff.

    A wrapper, so that this explanation comes before syrupy's (pytest shows the first one).
    """
    outcome = yield
    if op == "==" and isinstance(left, ReplayedScenario):
        try:
            ours = left.explain()
        except Exception:  # an unreadable stored file: let syrupy explain
            return
        outcome.force_result([ours, *(outcome.get_result() or [])])  # type: ignore[attr-defined]


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
        root = _scenarios_root_for(config, p)
        name = p.resolve().relative_to(root).with_suffix("").as_posix() if root is not None else p.stem
        return ReplayedScenario(trace, p, name, _display(p, config))

    return run


# ------------------------------------------------------------------------------- artifacts
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    config = session.config
    results = config.stash.get(_RESULTS, [])
    workeroutput = getattr(config, "workeroutput", None)
    if workeroutput is not None:
        # xdist worker: hand the results to the controller, which writes the artifacts. This runs
        # inside xdist's own sessionfinish wrapper, before the worker's output is sent.
        from dataclasses import asdict

        workeroutput["apptest_results"] = [asdict(r) for r in results]
        return
    summary_path = config.getoption("apptest_summary", None)
    report_path = config.getoption("apptest_report", None)
    gh = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_path is None and report_path is None and not (gh and results):
        return
    from apptest.report import html_report, markdown_summary

    md = markdown_summary(results)
    if summary_path:
        _write_artifact(config, summary_path, md)
    if gh and results:  # a run without scenarios adds nothing to the job summary
        with open(gh, "a", encoding="utf-8") as fh:
            fh.write(md + "\n")
    if report_path:
        _write_artifact(config, report_path, html_report(results))


def _write_artifact(config: pytest.Config, path: str, text: str) -> None:
    target = Path(path)
    if not target.is_absolute():
        target = Path(config.invocation_params.dir) / target
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    """Collect scenario results from xdist workers (sent through workeroutput)."""
    out = getattr(node, "workeroutput", {}).get("apptest_results")
    if out:
        node.config.stash[_RESULTS].extend(ScenarioResult(**r) for r in out)
