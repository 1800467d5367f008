#!/usr/bin/env python
"""apptest vs Streamlit's AppTest: every comparison in one run, printed as a Markdown table.

    python bench/run.py            full run (a few minutes)
    python bench/run.py --quick    fewer repetitions (under a minute or so)
    python bench/run.py --save     also write bench/RESULTS.md
    python bench/run.py --only tiny,wide

In-process measurements run in worker subprocesses (``--worker NAME``), one per engine, so
neither engine pays for the other's imports or heap (a user's test process holds one of them).
Whole-process measurements (cold start, imports, pytest) are timed from this parent process.
Every subprocess gets ``PYTHONPATH=<repo root>`` so the working tree is what is measured.
Times are medians of repeated measurements; ``reps`` says how many.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gc
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for _p in (str(BENCH), str(ROOT)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import apps as A  # noqa: E402  (bench/apps.py)

SCALING_NS = (10, 50, 100, 200, 400)
LONG_STEPS = 2000
LONG_SHORT_STEPS = 100
WORKER_TAG = "BENCH-JSON:"
# Which clock the table reports (set by --clock; workers inherit it through the environment).
CLOCK = os.environ.get("APPTEST_BENCH_CLOCK", "cpu")


# ---------------------------------------------------------------------------------- timing
@dataclass(frozen=True)
class Budget:
    min_reps: int
    max_reps: int
    seconds: float
    warmup: int


FULL = Budget(min_reps=25, max_reps=5000, seconds=2.0, warmup=5)
QUICK = Budget(min_reps=7, max_reps=1000, seconds=0.4, warmup=2)


def measure(fn: Callable[[], Any], budget: Budget, *, inner: int = 1) -> Samples:
    """Per-call seconds of ``fn`` (each sample averages ``inner`` calls), on both clocks."""
    for _ in range(budget.warmup):
        fn()
    s = Samples()
    perf = time.perf_counter
    cpu = time.process_time
    start = perf()
    while len(s.wall) < budget.max_reps and (len(s.wall) < budget.min_reps or perf() - start < budget.seconds):
        c0 = cpu()
        t0 = perf()
        for _ in range(inner):
            fn()
        t1 = perf()
        c1 = cpu()
        s.wall.append((t1 - t0) / inner)
        s.cpu.append((c1 - c0) / inner)
    return s


@dataclass
class Samples:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.wall)


def summary(s: Samples | list[float], cpu: list[float] | None = None) -> dict[str, Any]:
    """Medians on the CPU clock (the reported one) and the wall clock, and the repetitions."""
    if isinstance(s, Samples):
        wall, cpu = s.wall, s.cpu
    else:
        wall = s
    cpu = cpu if cpu is not None else wall
    return {"median": statistics.median(cpu if CLOCK == "cpu" else wall), "median_wall": statistics.median(wall),
            "median_cpu": statistics.median(cpu), "reps": len(wall), "min": min(wall)}


PYCACHE = Path(tempfile.gettempdir()) / "apptest-bench-pycache"


def sub_env(*, bytecode_cache: bool = True) -> dict[str, str]:
    """The environment of every subprocess.

    With ``bytecode_cache`` (the default) Python reads and writes ``.pyc`` files under
    ``PYCACHE``, as an installed package has them; each timed command has one discarded run
    first, so every measured run starts from warm bytecode caches for apptest and Streamlit
    alike (this environment sets ``PYTHONDONTWRITEBYTECODE=1``, which would otherwise make
    apptest compile its sources in every process while Streamlit reads its installed ``.pyc``).
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("CI", None)
    env["APPTEST_ALLOW_SNAPSHOT_WRITE"] = "1"
    env.setdefault("NO_COLOR", "1")
    if bytecode_cache:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    return env


# ---------------------------------------------------------------------------------- AppTest API steps
def _quiet_streamlit() -> None:
    import logging

    try:
        from streamlit import logger as st_logger

        st_logger.set_log_level("error")
    except Exception:  # pragma: no cover - streamlit absent or changed
        pass
    logging.getLogger("streamlit").setLevel(logging.ERROR)


def at_tiny(AT: Any, budget: Budget) -> dict[str, Any]:
    at = AT.from_string(A.TINY_APP, default_timeout=60).run()

    def step() -> None:
        at.button[0].click().run()

    times = measure(step, budget)
    clicks = len(times) + budget.warmup
    assert at.session_state.count == clicks, (at.session_state.count, clicks)
    assert not at.exception
    return summary(times)


def _wide_step(at: Any) -> Callable[[], None]:
    k = 0

    def step() -> None:
        nonlocal k
        kind, i = k % 5, (k // 5) % 10
        k += 1
        if kind == 0:
            w = at.checkbox[i]
            w.set_value(not w.value).run()
        elif kind == 1:
            at.slider[i].set_value(k % 101).run()
        elif kind == 2:
            at.text_input[i].set_value(f"v{k}").run()
        elif kind == 3:
            at.selectbox[i].set_value("abc"[k % 3]).run()
        else:
            at.number_input[i].set_value(k % 1000).run()

    return step


def at_wide(AT: Any, budget: Budget) -> dict[str, Any]:
    at = AT.from_string(A.WIDE_APP, default_timeout=60).run()
    assert len(at.checkbox) == 10 and len(at.number_input) == 10, "wide app did not render"
    times = measure(_wide_step(at), budget)
    assert not at.exception, at.exception
    return summary(times)


def at_scaling(AT: Any, n: int, budget: Budget) -> dict[str, Any]:
    at = AT.from_string(A.scaling_app(n), default_timeout=60).run()
    assert len(at.text_input) == n
    k = 0

    def step() -> None:
        nonlocal k
        k += 1
        at.text_input[k % n].set_value(f"v{k}").run()

    times = measure(step, budget)
    assert not at.exception
    assert at.text_input[k % n].value == f"v{k}"
    return summary(times)


# ---------------------------------------------------------------------------------- apptest raw Session
class RawDriver:
    """Drives ``Session.run`` directly, playing the frontend (all widgets' wire values)."""

    def __init__(self, source: str) -> None:
        from apptest.runtime.session import Script, Session

        self.session = Session(Script.from_string(source), timeout=60)
        self.session.run({})
        self.frontend: dict[str, Any] = {}
        self.refresh()

    def widgets(self) -> list[Any]:
        meta = self.session.state.meta
        return [n for n in self.session.roots["main"].children
                if not n.is_block and n.props.get("id") in meta]

    def refresh(self) -> None:
        state = self.session.state
        self.frontend = {
            w.props["id"]: state.meta[w.props["id"]].serializer(state[w.props["id"]]) for w in self.widgets()
        }

    def change(self, wid: str, value: Any) -> None:
        states = dict(self.frontend)
        states[wid] = self.session.state.meta[wid].serializer(value)
        self.session.run(states)
        self.refresh()


def raw_tiny(budget: Budget) -> dict[str, Any]:
    from apptest.runtime.session import Script, Session

    s = Session(Script.from_string(A.TINY_APP), timeout=60)
    s.run({})
    (button,) = [n for n in s.roots["main"].children if n.type == "button"]
    states = {button.props["id"]: True}

    def step() -> None:
        s.run(states)

    times = measure(step, budget)
    assert s.state["count"] == len(times) + budget.warmup
    return summary(times)


def raw_wide(budget: Budget) -> dict[str, Any]:
    d = RawDriver(A.WIDE_APP)
    by_type: dict[str, list[str]] = {}
    for w in d.widgets():
        by_type.setdefault(w.type, []).append(w.props["id"])
    assert all(len(v) == 10 for v in by_type.values()) and len(by_type) == 5, by_type.keys()
    k = 0

    def step() -> None:
        nonlocal k
        kind, i = k % 5, (k // 5) % 10
        k += 1
        if kind == 0:
            wid = by_type["checkbox"][i]
            d.change(wid, not d.session.state[wid])
        elif kind == 1:
            d.change(by_type["slider"][i], k % 101)
        elif kind == 2:
            d.change(by_type["text_input"][i], f"v{k}")
        elif kind == 3:
            d.change(by_type["selectbox"][i], "abc"[k % 3])
        else:
            d.change(by_type["number_input"][i], k % 1000)

    times = measure(step, budget)
    assert d.session.last_result is not None and d.session.last_result.exception is None
    return summary(times)


def raw_scaling(n: int, budget: Budget) -> dict[str, Any]:
    d = RawDriver(A.scaling_app(n))
    ids = [w.props["id"] for w in d.widgets()]
    assert len(ids) == n
    k = 0

    def step() -> None:
        nonlocal k
        k += 1
        d.change(ids[k % n], f"v{k}")

    return summary(measure(step, budget))


# ---------------------------------------------------------------------------------- workers
def worker_apptest(budget: Budget, only: set[str]) -> dict[str, Any]:
    from apptest import AppTest

    out: dict[str, Any] = {}
    if "tiny" in only:
        out["tiny"] = at_tiny(AppTest, budget)
        out["tiny_raw"] = raw_tiny(budget)
    if "wide" in only or "floor" in only:
        out["wide"] = at_wide(AppTest, budget)
        out["wide_raw"] = raw_wide(budget)
    if "scaling" in only:
        out["scaling"] = {str(n): at_scaling(AppTest, n, budget) for n in SCALING_NS}
        out["scaling_raw"] = {str(n): raw_scaling(n, budget) for n in SCALING_NS}
    out["streamlit_imported"] = "streamlit.testing.v1" in sys.modules
    return out


def worker_streamlit(budget: Budget, only: set[str]) -> dict[str, Any]:
    from streamlit.testing.v1 import AppTest

    _quiet_streamlit()
    out: dict[str, Any] = {}
    if "tiny" in only:
        out["tiny"] = at_tiny(AppTest, budget)
    if "wide" in only:
        out["wide"] = at_wide(AppTest, budget)
    if "scaling" in only:
        out["scaling"] = {str(n): at_scaling(AppTest, n, budget) for n in SCALING_NS}
    return out


def worker_floor(budget: Budget, only: set[str]) -> dict[str, Any]:
    import types

    stub = types.ModuleType("streamlit")
    exec(compile(A.FLOOR_STUB, "<streamlit stub>", "exec"), stub.__dict__)
    code = compile(A.WIDE_APP, "<wide app>", "exec")
    saved = sys.modules.get("streamlit")
    sys.modules["streamlit"] = stub
    try:
        def step() -> None:
            exec(code, {"__name__": "__main__"})

        times = measure(step, budget, inner=50)
    finally:
        if saved is None:
            sys.modules.pop("streamlit", None)
        else:
            sys.modules["streamlit"] = saved
    return {"floor": summary(times)}


def _write_long_scenarios(folder: Path) -> tuple[Path, Path]:
    (folder / "scenarios" / "apps").mkdir(parents=True, exist_ok=True)
    (folder / "scenarios" / "apps" / "counter.py").write_text(A.COUNTER_APP, encoding="utf-8")
    long_path = folder / "scenarios" / f"long{LONG_STEPS}.yaml"
    short_path = folder / "scenarios" / f"long{LONG_SHORT_STEPS}.yaml"
    long_path.write_text(A.long_scenario(LONG_STEPS), encoding="utf-8")
    short_path.write_text(A.long_scenario(LONG_SHORT_STEPS), encoding="utf-8")
    return long_path, short_path


def worker_long(budget: Budget, only: set[str]) -> dict[str, Any]:
    import tracemalloc

    from apptest.replay.engine import Replayer
    from apptest.scenario.loader import load_scenario
    from apptest.snapshot.serialize import dump_trace

    tmp = Path(tempfile.mkdtemp(prefix="apptest-bench-long-"))
    try:
        long_path, short_path = _write_long_scenarios(tmp)
        sc_long = load_scenario(long_path)
        sc_short = load_scenario(short_path)
        warm = Replayer(sc_short).run()  # imports and caches, outside every measurement
        assert warm.failed_step is None and not warm.expectation_failures

        # time per step: the first 100 vs the last 100 steps of the 2,000-step replay
        rounds = 3 if budget is FULL else 1
        firsts: list[float] = []
        lasts: list[float] = []
        first_meds: list[float] = []
        last_meds: list[float] = []
        totals: list[float] = []
        for _ in range(rounds):
            rep = Replayer(sc_long)
            times: list[float] = []
            do = rep._do
            clock = time.process_time if CLOCK == "cpu" else time.perf_counter

            def timed(step: Any, do: Any = do, times: list[float] = times, clock: Any = clock) -> None:
                t0 = clock()
                do(step)
                times.append(clock() - t0)

            rep._do = timed  # type: ignore[method-assign]
            t0 = time.perf_counter()
            trace = rep.run()
            totals.append(time.perf_counter() - t0)
            assert trace.failed_step is None, trace.failed_step
            assert len(times) == LONG_STEPS, len(times)
            firsts.append(statistics.fmean(times[:100]))
            lasts.append(statistics.fmean(times[-100:]))
            first_meds.append(statistics.median(times[:100]))
            last_meds.append(statistics.median(times[-100:]))
            del trace, rep

        # peak traced memory of a whole replay (trace kept, as a caller keeps it)
        def peak(sc: Any) -> tuple[int, int, Any]:
            gc.collect()
            tracemalloc.start()
            base = tracemalloc.get_traced_memory()[0]
            tracemalloc.reset_peak()
            trace = Replayer(sc).run()
            current, pk = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            return pk - base, current - base, trace

        peak_short, kept_short, _ = peak(sc_short)
        peak_long, kept_long, trace_long = peak(sc_long)
        snapshot_bytes = len(dump_trace(trace_long).encode("utf-8"))
        return {
            "long": {
                "steps": LONG_STEPS,
                "rounds": rounds,
                "first100_mean": statistics.median(firsts),
                "last100_mean": statistics.median(lasts),
                "first100_median": statistics.median(first_meds),
                "last100_median": statistics.median(last_meds),
                "total": statistics.median(totals),
                "peak_long": peak_long,
                "peak_short": peak_short,
                "kept_long": kept_long,
                "kept_short": kept_short,
                "snapshot_bytes": snapshot_bytes,
            }
        }
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


WORKERS: dict[str, Callable[[Budget, set[str]], dict[str, Any]]] = {
    "apptest": worker_apptest,
    "streamlit": worker_streamlit,
    "floor": worker_floor,
    "long": worker_long,
}


def run_worker(name: str, quick: bool, only: set[str]) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", name, "--only", ",".join(sorted(only)),
           "--clock", CLOCK]
    if quick:
        cmd.append("--quick")
    proc = subprocess.run(cmd, capture_output=True, text=True, env=sub_env(), cwd=tempfile.gettempdir())
    for line in proc.stdout.splitlines():
        if line.startswith(WORKER_TAG):
            return json.loads(line[len(WORKER_TAG):])  # type: ignore[no-any-return]
    raise RuntimeError(f"worker {name} failed (exit {proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}")


# ---------------------------------------------------------------------------------- whole processes
def _timed_process(cmd: list[str], cwd: Path | str, *, check_rc: int | None = 0, into: Samples | None = None,
                   env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a process; add its wall time and CPU time (user + system, children included) to ``into``."""
    import resource

    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env or sub_env(), cwd=cwd)
    elapsed = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if check_rc is not None and proc.returncode != check_rc:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    if into is not None:
        into.wall.append(elapsed)
        into.cpu.append((r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime))
    return proc


def apptest_command() -> list[str]:
    exe = Path(sys.executable).parent / "apptest"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "apptest"]


def bench_cold(quick: bool) -> dict[str, Any]:
    reps = 3 if quick else 9
    tmp = Path(tempfile.mkdtemp(prefix="apptest-bench-cold-"))
    try:
        (tmp / "scenarios" / "apps").mkdir(parents=True)
        (tmp / "scenarios" / "apps" / "counter.py").write_text(A.COUNTER_APP, encoding="utf-8")
        (tmp / "scenarios" / "cold.yaml").write_text(A.cold_scenario(), encoding="utf-8")
        (tmp / "cold_streamlit.py").write_text(A.cold_streamlit_script(), encoding="utf-8")
        apptest_cmd = [*apptest_command(), "replay", "scenarios/cold.yaml"]
        _timed_process([*apptest_cmd, "--update"], tmp)  # writes snapshots/cold.yaml
        assert (tmp / "snapshots" / "cold.yaml").exists()
        streamlit_cmd = [sys.executable, "cold_streamlit.py"]
        # one discarded run each (bytecode caches), then interleaved repetitions
        _timed_process(apptest_cmd, tmp)
        _timed_process(streamlit_cmd, tmp)
        ours, theirs, base, ours_nc, theirs_nc = Samples(), Samples(), Samples(), Samples(), Samples()
        no_cache = sub_env(bytecode_cache=False)
        for _ in range(reps):
            _timed_process(apptest_cmd, tmp, into=ours)
            _timed_process(streamlit_cmd, tmp, into=theirs)
            _timed_process([sys.executable, "-c", "pass"], tmp, into=base)
        for _ in range(max(3, reps // 3)):
            _timed_process(apptest_cmd, tmp, into=ours_nc, env=no_cache)
            _timed_process(streamlit_cmd, tmp, into=theirs_nc, env=no_cache)
        return {"apptest": summary(ours), "streamlit": summary(theirs), "python": summary(base),
                "apptest_no_cache": summary(ours_nc), "streamlit_no_cache": summary(theirs_nc)}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


_IMPORT_LINE = re.compile(r"^import time:\s*(\d+)\s*\|\s*(\d+)\s*\|( +)(\S+)\s*$")


def import_times(stmt: str, cwd: Path | str) -> dict[str, float]:
    """Cumulative seconds of each top-level import ``stmt`` makes (after site), and their ``total``."""
    proc = _timed_process([sys.executable, "-X", "importtime", "-c", stmt], cwd)
    out: dict[str, float] = {}
    after_site = False
    for line in proc.stderr.splitlines():
        m = _IMPORT_LINE.match(line)
        if not m or len(m.group(3)) != 1:  # top-level entries only
            continue
        if after_site:
            out[m.group(4)] = out.get(m.group(4), 0.0) + int(m.group(2)) / 1e6
        elif m.group(4) == "site":
            after_site = True
    out["total"] = sum(out.values())
    return out


def bench_imports(quick: bool) -> dict[str, Any]:
    reps = 3 if quick else 9
    tmp = Path(tempfile.mkdtemp(prefix="apptest-bench-import-"))
    try:
        out: dict[str, Any] = {}
        for name in ("apptest", "apptest.testing", "apptest.cli", "streamlit.testing.v1"):
            import_times(f"import {name}", tmp)  # bytecode caches
            times = [import_times(f"import {name}", tmp)["total"] for _ in range(reps)]
            out[name] = summary(times, times)
        return out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def bench_pytest(quick: bool) -> dict[str, Any]:
    reps = 1 if quick else 3
    cmd = [sys.executable, "-m", "pytest", "scenarios", "-q", "-p", "no:cacheprovider"]
    _timed_process(cmd, ROOT)
    s = Samples()
    passed = "?"
    for _ in range(reps):
        proc = _timed_process(cmd, ROOT, into=s)
        m = re.search(r"(\d+) passed", proc.stdout)
        passed = m.group(1) if m else "?"
    return {**summary(s), "passed": passed}


def _paired(with_cmd: list[str], without_cmd: list[str], reps: int, cwd: Path,
            env: dict[str, str] | None = None) -> dict[str, Any]:
    """Alternating runs of two commands; the median and quartiles of the paired differences."""
    for cmd in (with_cmd, without_cmd):
        proc = _timed_process(cmd, cwd, env=env)
        assert "1 passed" in proc.stdout, proc.stdout
    ons, offs = Samples(), Samples()
    for i in range(reps):
        pair = [(with_cmd, ons), (without_cmd, offs)]
        if i % 2:
            pair.reverse()
        for cmd, sink in pair:
            _timed_process(cmd, cwd, into=sink, env=env)
    key = "cpu" if CLOCK == "cpu" else "wall"
    diffs = [a - b for a, b in zip(getattr(ons, key), getattr(offs, key), strict=True)]
    q = statistics.quantiles(diffs, n=4)
    return {"with": summary(ons), "without": summary(offs), "diff": statistics.median(diffs), "q1": q[0], "q3": q[2]}


def bench_plugin(quick: bool) -> dict[str, Any]:
    reps = 9 if quick else 25
    tmp = Path(tempfile.mkdtemp(prefix="apptest-bench-plugin-"))
    try:
        (tmp / "test_trivial.py").write_text("def test_trivial():\n    assert 1 + 1 == 2\n", encoding="utf-8")
        base = [sys.executable, "-m", "pytest", "test_trivial.py", "-q", "-p", "no:cacheprovider"]
        # isolated: no other third-party plugin in either run, so the difference is ours alone
        isolated_env = sub_env()
        isolated_env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
        isolated = _paired([*base, "-p", "apptest.pytest_plugin"], base, reps, tmp, isolated_env)
        # as installed here: every entry-point plugin (hypothesis, syrupy, xdist...) loaded
        full = _paired(base, [*base, "-p", "no:apptest"], reps, tmp)
        imp = [sum(v for k, v in import_times("import pytest; import apptest.pytest_plugin", tmp).items()
                   if k.split(".")[0] == "apptest") for _ in range(3 if quick else 7)]
        return {"isolated": isolated, "full": full, "plugin_import": summary(imp, imp)}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------------------------- report
def ms(seconds: float) -> str:
    v = seconds * 1000
    if v >= 100:
        return f"{v:,.0f} ms"
    if v >= 10:
        return f"{v:.1f} ms"
    if v >= 1:
        return f"{v:.2f} ms"
    return f"{v * 1000:.1f} µs"


def mib(n: float) -> str:
    return f"{n / 2**20:.2f} MiB"


def verdict(ok: bool) -> str:
    return "**PASS**" if ok else "**FAIL**"


def header(quick: bool) -> str:
    try:
        from importlib.metadata import version

        st_version = version("streamlit")
    except Exception:  # pragma: no cover
        st_version = "not installed"
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                cwd=ROOT).stdout.strip()
    except OSError:  # pragma: no cover
        commit = "?"
    now = _dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return "\n".join([
        "# apptest benchmarks",
        "",
        f"- date: {now}",
        f"- machine: {platform.machine()}, nproc {os.cpu_count()}, {platform.system()} {platform.release()}",
        f"- python: {platform.python_version()} ({platform.python_implementation()})",
        f"- streamlit: {st_version}",
        f"- apptest commit: {commit}" + (" (plus uncommitted changes)" if _dirty() else ""),
        f"- mode: {'--quick' if quick else 'full'}; command: `python bench/run.py{' --quick' if quick else ''}"
        f"{'' if CLOCK == 'cpu' else ' --clock wall'}`",
        f"- load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}",
        "",
        f"Times are medians on the {'CPU clock (process CPU time, all threads; a subprocess: user + system)' if CLOCK == 'cpu' else 'wall clock'}"
        " of repeated measurements; `reps` is how many. Medians of the same samples on the other clock are in the"
        " details."
        " Each engine runs in its own worker process; subprocesses get `PYTHONPATH=<repo>`.",
        "",
        "",
    ])


def _other() -> str:
    return "median_wall" if CLOCK == "cpu" else "median_cpu"


def _dirty() -> bool:
    try:
        out = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "apptest"],
                             capture_output=True, text=True, cwd=ROOT).stdout
    except OSError:  # pragma: no cover
        return False
    return bool(out.strip())


def report(r: dict[str, Any], quick: bool) -> str:
    rows: list[list[str]] = []
    details: list[list[str]] = []
    ours = r.get("apptest", {})
    theirs = r.get("streamlit", {})

    def reps(a: dict[str, Any] | None, b: dict[str, Any] | None) -> str:
        return f"{a['reps'] if a else '–'} / {b['reps'] if b else '–'}"

    def faster(a: float, b: float) -> str:
        return f"{b / a:.1f}× faster"

    def wall(label: str, a: dict[str, Any], b: dict[str, Any], names: str = "apptest vs Streamlit",
             key: str | None = None) -> None:
        other = "wall clock" if CLOCK == "cpu" else "CPU clock"
        o = key or _other()
        if key:
            other = "wall clock" if CLOCK == "wall" else "CPU clock"
        details.append([f"{label} ({other}): {names}", f"{ms(a[o])} vs {ms(b[o])} ({b[o] / a[o]:.1f}×)",
                        f"{a['reps']} / {b['reps']}"])

    if "tiny" in ours and "tiny" in theirs:
        a, b = ours["tiny"], theirs["tiny"]
        x = b["median"] / a["median"]
        rows.append(["1 tiny: click + rerun (`at.button[0].click().run()`)", ms(a["median"]), ms(b["median"]),
                     faster(a["median"], b["median"]), reps(a, b), "≥ 50×", verdict(x >= 50)])
        wall("tiny", a, b)
        raw = ours["tiny_raw"]
        rows.append(["1 tiny: click + rerun, apptest raw `Session.run`", ms(raw["median"]), ms(b["median"]),
                     faster(raw["median"], b["median"]), reps(raw, b), "(info)", ""])
    if "wide" in ours and "wide" in theirs:
        a, b = ours["wide"], theirs["wide"]
        x = b["median"] / a["median"]
        rows.append(["2 wide (50 widgets): one change + rerun", ms(a["median"]), ms(b["median"]),
                     faster(a["median"], b["median"]), reps(a, b), "≥ 50×", verdict(x >= 50)])
        wall("wide", a, b)
        raw = ours["wide_raw"]
        rows.append(["2 wide: one change + rerun, apptest raw `Session.run`", ms(raw["median"]), ms(b["median"]),
                     faster(raw["median"], b["median"]), reps(raw, b), "(info)", ""])
    if "scaling" in ours and "scaling" in theirs:
        for n in SCALING_NS:
            a, b = ours["scaling"][str(n)], theirs["scaling"][str(n)]
            rows.append([f"3 scaling: {n} text_inputs, per step", ms(a["median"]), ms(b["median"]),
                         faster(a["median"], b["median"]), reps(a, b), "(info)", ""])
        for n in SCALING_NS:
            wall(f"scaling {n}", ours["scaling"][str(n)], theirs["scaling"][str(n)])
        ra = ours["scaling"]["400"]["median"] / ours["scaling"]["50"]["median"]
        rb = theirs["scaling"]["400"]["median"] / theirs["scaling"]["50"]["median"]
        rows.append(["3 scaling: t(400) / t(50)", f"{ra:.2f}", f"{rb:.2f}", "", "", "apptest ≤ 10", verdict(ra <= 10)])
        for n in SCALING_NS:
            raw = ours["scaling_raw"][str(n)]
            details.append([f"scaling {n}: apptest raw `Session.run` per step", ms(raw["median"]), str(raw["reps"])])
        rr = ours["scaling_raw"]["400"]["median"] / ours["scaling_raw"]["50"]["median"]
        details.append(["scaling raw: t(400) / t(50)", f"{rr:.2f}", ""])
    if "cold" in r:
        c = r["cold"]
        a, b = c["apptest"], c["streamlit"]
        x = b["median"] / a["median"]
        rows.append(["4 cold: process start → 5-step replay (`apptest replay` vs python + AppTest)",
                     ms(a["median"]), ms(b["median"]), faster(a["median"], b["median"]), reps(a, b), "≥ 5×",
                     verdict(x >= 5)])
        wall("cold", a, b)
        wall("cold without bytecode caches (PYTHONDONTWRITEBYTECODE=1: apptest compiles its sources, Streamlit "
             "reads its installed .pyc)", c["apptest_no_cache"], c["streamlit_no_cache"], "apptest vs Streamlit",
             key="median")
        details.append(["cold: `python -c pass` (interpreter start alone)", ms(c["python"]["median"]),
                        str(c["python"]["reps"])])
    if "floor" in r and "wide" in ours:
        f = r["floor"]["floor"]
        mult = ours["wide"]["median"] / f["median"]
        mult_raw = ours["wide_raw"]["median"] / f["median"]
        rows.append(["5 floor: wide script on a do-nothing `streamlit` stub", ms(f["median"]), "", "",
                     f"{f['reps']} (×50 calls)", "(info)", ""])
        rows.append(["5 floor: apptest wide step / floor", f"{mult:.1f}×", "", "", "", "≤ 10×", verdict(mult <= 10)])
        details.append(["floor: apptest raw `Session.run` wide step / floor", f"{mult_raw:.1f}×", ""])
    if "long" in r:
        lg = r["long"]["long"]
        ratio = lg["last100_median"] / lg["first100_median"]
        rows.append([f"6 long: per step, first 100 → last 100 of {lg['steps']:,} (median)",
                     f"{ms(lg['first100_median'])} → {ms(lg['last100_median'])}", "", f"{ratio:.2f}×",
                     f"{lg['rounds']} replay(s)", "≤ 1.2×", verdict(ratio <= 1.2)])
        bound = 1.5 * lg["peak_short"] + lg["snapshot_bytes"]
        rows.append([f"6 long: peak traced memory, {lg['steps']:,} vs {LONG_SHORT_STEPS} steps",
                     f"{mib(lg['peak_long'])} vs {mib(lg['peak_short'])}", "",
                     f"bound {mib(bound)} (1.5 × {mib(lg['peak_short'])} + snapshot {mib(lg['snapshot_bytes'])})",
                     "1", "≤ bound", verdict(lg["peak_long"] <= bound)])
        mratio = lg["last100_mean"] / lg["first100_mean"]
        details.append(["long: per step, first 100 → last 100 (mean)",
                        f"{ms(lg['first100_mean'])} → {ms(lg['last100_mean'])} ({mratio:.2f}×)", str(lg["rounds"])])
        details.append([f"long: whole {lg['steps']:,}-step replay", ms(lg["total"]), str(lg["rounds"])])
        details.append(["long: memory kept after the replay (the trace), 2,000 vs 100 steps",
                        f"{mib(lg['kept_long'])} vs {mib(lg['kept_short'])}", ""])
        details.append(["long: snapshot text of the 2,000-step replay", mib(lg["snapshot_bytes"]), ""])
    if "imports" in r:
        im = r["imports"]
        a = im["apptest"]
        rows.append(["import apptest (`-X importtime`, cumulative)", ms(a["median"]), "", "", str(a["reps"]),
                     "≤ 100 ms", verdict(a["median"] <= 0.100)])
        a, b = im["apptest.testing"], im["streamlit.testing.v1"]
        rows.append(["import apptest.testing vs streamlit.testing.v1", ms(a["median"]), ms(b["median"]),
                     faster(a["median"], b["median"]), reps(a, b), "(info)", ""])
        details.append(["import apptest.cli (what `apptest replay` imports first)", ms(im["apptest.cli"]["median"]),
                        str(im["apptest.cli"]["reps"])])
    if "pytest" in r:
        p = r["pytest"]
        rows.append([f"pytest scenarios -q ({p['passed']} scenarios), whole process", ms(p["median"]), "", "",
                     str(p["reps"]), "(info)", ""])
    if "plugin" in r:
        p = r["plugin"]
        iso, full = p["isolated"], p["full"]

        def signed(x: float) -> str:
            return ms(x) if x >= 0 else f"−{ms(-x)}"

        d = iso["diff"]
        rows.append(["pytest plugin overhead: trivial test, `-p apptest.pytest_plugin` vs none "
                     "(other plugins off in both)", signed(d), "",
                     f"{ms(iso['with']['median'])} vs {ms(iso['without']['median'])}; "
                     f"IQR {signed(iso['q1'])} … {signed(iso['q3'])}", reps(iso["with"], iso["without"]),
                     "≤ 20 ms", verdict(d <= 0.020)])
        details.append(["plugin overhead with every installed plugin loaded (with − `-p no:apptest`), "
                        "median of paired differences",
                        f"{signed(full['diff'])} (IQR {signed(full['q1'])} … {signed(full['q3'])}); "
                        f"{ms(full['with']['median'])} vs {ms(full['without']['median'])}",
                        reps(full["with"], full["without"])])
        details.append(["plugin: import time of apptest.pytest_plugin after pytest", ms(p["plugin_import"]["median"]),
                        str(p["plugin_import"]["reps"])])

    lines = ["| benchmark | apptest | Streamlit AppTest | ratio | reps (apptest / streamlit) | target | result |",
             "|---|---|---|---|---|---|---|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    if details:
        lines += ["", "Details:", "", "| measurement | value | reps |", "|---|---|---|"]
        lines += ["| " + " | ".join(row) + " |" for row in details]
    failed = [row[0] for row in rows if row[-1] == verdict(False)]
    lines += ["", f"Targets: {sum(row[-1] == verdict(True) for row in rows)} pass, {len(failed)} fail"
              + (": " + "; ".join(failed) if failed else "") + "."]
    return "\n".join(lines) + "\n"


ALL = ("tiny", "wide", "scaling", "cold", "floor", "long", "imports", "pytest", "plugin")


def main(argv: list[str] | None = None) -> int:
    global CLOCK
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer repetitions")
    ap.add_argument("--only", default=",".join(ALL), help=f"comma-separated subset of: {', '.join(ALL)}")
    ap.add_argument("--save", action="store_true", help="also write bench/RESULTS.md")
    ap.add_argument("--clock", choices=("cpu", "wall"), default=CLOCK,
                    help="clock of the reported medians: cpu = process CPU time of all threads (default: steady on a busy "
                         "machine; Streamlit's AppTest waits little, its wall and CPU medians agree when idle); "
                         "wall = elapsed time")
    ap.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    unknown = only - set(ALL)
    if unknown:
        ap.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    budget = QUICK if args.quick else FULL
    CLOCK = args.clock
    os.environ["APPTEST_BENCH_CLOCK"] = args.clock

    if args.worker:
        result = WORKERS[args.worker](budget, only)
        print(WORKER_TAG + json.dumps(result), flush=True)
        return 0

    results: dict[str, Any] = {}

    def step(label: str, fn: Callable[[], Any]) -> Any:
        t0 = time.perf_counter()
        print(f"... {label}", file=sys.stderr, flush=True)
        value = fn()
        print(f"    done in {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
        return value

    if only & {"tiny", "wide", "scaling", "floor"}:
        results["apptest"] = step("apptest (in-process worker)", lambda: run_worker("apptest", args.quick, only))
    if only & {"tiny", "wide", "scaling"}:
        results["streamlit"] = step("Streamlit AppTest (in-process worker)",
                                    lambda: run_worker("streamlit", args.quick, only))
    if "floor" in only:
        results["floor"] = step("floor (stub streamlit)", lambda: run_worker("floor", args.quick, only))
    if "long" in only:
        results["long"] = step("long replay", lambda: run_worker("long", args.quick, only))
    if "cold" in only:
        results["cold"] = step("cold processes", lambda: bench_cold(args.quick))
    if "imports" in only:
        results["imports"] = step("import times", lambda: bench_imports(args.quick))
    if "pytest" in only:
        results["pytest"] = step("pytest scenarios", lambda: bench_pytest(args.quick))
    if "plugin" in only:
        results["plugin"] = step("pytest plugin overhead", lambda: bench_plugin(args.quick))

    text = header(args.quick) + report(results, args.quick)
    print(text)
    if args.save:
        (BENCH / "RESULTS.md").write_text(text, encoding="utf-8")
        (BENCH / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
