from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from apptest.errors import SnapshotError
from apptest.snapshot.serialize import dump_trace
from apptest.snapshot.syrupy_ext import ScenarioSnapshotExtension, scenario_extension

from .conftest import counter_trace

ROOT = Path(__file__).resolve().parents[2]

# The test module written into each pytester project: COUNT (an env var) sets the last count,
# so one file can produce a matching or a changed trace.
TEST_MODULE = textwrap.dedent(
    """
    import os
    from pathlib import Path

    import pytest

    from apptest.replay.trace import StepRecord, Trace
    from apptest.snapshot.syrupy_ext import scenario_extension

    SNAPSHOTS = Path(__file__).parent / "snapshots"


    def trace(scenario):
        last = int(os.environ.get("COUNT", "1"))
        steps = [
            StepRecord(index=0, do="load", state={"count": 0}, output={"main": [{"title": "Counter"}]}),
            StepRecord(index=1, do={"click": "add"}, callbacks=("increment",), state={"count": last},
                       output={"main": [{"title": "Counter"}, {"markdown": f"Count: `{last}`"}]}),
        ]
        return Trace(scenario=f"scenarios/{scenario}.yaml", name=scenario, steps=steps)


    @pytest.mark.parametrize("scenario", ["shop/checkout", "counter"])
    def test_scenario(snapshot, scenario):
        assert snapshot.use_extension(scenario_extension(SNAPSHOTS, scenario)) == trace(scenario)
    """
)


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makepyfile(test_scenarios=TEST_MODULE)
    return pytester


def expected_text(scenario: str, count: int = 1) -> str:
    t = counter_trace(scenario=f"scenarios/{scenario}.yaml")
    # the same trace as TEST_MODULE builds
    from apptest.replay.trace import StepRecord, Trace

    steps = [
        StepRecord(index=0, do="load", state={"count": 0}, output={"main": [{"title": "Counter"}]}),
        StepRecord(
            index=1,
            do={"click": "add"},
            callbacks=("increment",),
            state={"count": count},
            output={"main": [{"title": "Counter"}, {"markdown": f"Count: `{count}`"}]},
        ),
    ]
    return dump_trace(Trace(t.scenario, scenario, steps))


def test_update_writes_one_file_per_scenario_with_dump_trace_bytes(
    project: pytest.Pytester,
) -> None:
    result = project.runpytest("--snapshot-update")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*2 snapshots generated*"])
    root = project.path / "snapshots"
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    assert files == ["counter.yaml", "shop/checkout.yaml"]
    assert (root / "shop" / "checkout.yaml").read_bytes() == expected_text("shop/checkout").encode()
    assert (root / "counter.yaml").read_bytes() == expected_text("counter").encode()
    assert not list(project.path.rglob("__snapshots__"))
    # the files are related to the tests (syrupy may still warn about the *name*, which is the
    # scenario's stem, when the test item is not named after its scenario)
    assert "Can not relate snapshot location" not in result.stdout.str()

    again = project.runpytest()
    again.assert_outcomes(passed=2)
    again.stdout.fnmatch_lines(["*2 snapshots passed*"])


def test_missing_snapshot_fails_without_update(project: pytest.Pytester) -> None:
    result = project.runpytest()
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["*Snapshot 'checkout' does not exist!*"])
    assert not (project.path / "snapshots").exists()


def test_mismatch_leads_with_the_first_diverging_step(
    project: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.runpytest("--snapshot-update").assert_outcomes(passed=2)
    monkeypatch.setenv("COUNT", "2")
    result = project.runpytest("-k", "checkout", "-vv")
    result.assert_outcomes(failed=1, deselected=1)
    result.stdout.fnmatch_lines(
        [
            "*scenarios/shop/checkout.yaml: step 1 (click add): state.count 1 → 2; "
            "output: - markdown: 'Count: `1`' → - markdown: 'Count: `2`'",
            "*--- snapshot step 1 (click add)*",
            "*-    count: 1*",
            "*+    count: 2*",
            "*accept this change: pytest --snapshot-update*",
        ]
    )
    # the stored file is untouched until an update
    stored = project.path / "snapshots" / "shop" / "checkout.yaml"
    assert stored.read_text(encoding="utf-8") == expected_text("shop/checkout")
    project.runpytest("--snapshot-update", "-k", "checkout").assert_outcomes(passed=1, deselected=1)
    assert stored.read_text(encoding="utf-8") == expected_text("shop/checkout", count=2)


def test_unused_snapshots_are_reported_and_deleted_but_other_files_are_kept(
    project: pytest.Pytester,
) -> None:
    project.runpytest("--snapshot-update").assert_outcomes(passed=2)
    root = project.path / "snapshots"
    (root / "old").mkdir()
    (root / "old" / "gone.yaml").write_text(expected_text("old/gone"), encoding="utf-8")
    (root / "README.md").write_text("committed snapshots\n", encoding="utf-8")

    result = project.runpytest()
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*2 snapshots passed. 1 snapshot unused.*"])

    result = project.runpytest("--snapshot-update")
    assert result.ret == 0
    result.stdout.fnmatch_lines(["*1 unused snapshot deleted*"])
    assert not (root / "old" / "gone.yaml").exists()
    assert (root / "README.md").read_text() == "committed snapshots\n"
    assert (root / "counter.yaml").exists() and (root / "shop" / "checkout.yaml").exists()


def test_warn_unused_keeps_the_run_green(project: pytest.Pytester) -> None:
    project.runpytest("--snapshot-update").assert_outcomes(passed=2)
    (project.path / "snapshots" / "gone.yaml").write_text(expected_text("gone"), encoding="utf-8")
    result = project.runpytest("--snapshot-warn-unused")
    assert result.ret == 0
    result.stdout.fnmatch_lines(["*1 snapshot unused*"])


def test_update_is_refused_on_ci(project: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    result = project.runpytest("--snapshot-update", "-k", "counter")
    result.assert_outcomes(failed=1, deselected=1)
    result.stdout.fnmatch_lines(["*not writing the snapshot: CI is set*"])
    assert not (project.path / "snapshots" / "counter.yaml").exists()

    monkeypatch.setenv("APPTEST_ALLOW_SNAPSHOT_WRITE", "1")
    project.runpytest("--snapshot-update", "-k", "counter").assert_outcomes(passed=1, deselected=1)
    assert (project.path / "snapshots" / "counter.yaml").exists()


def test_one_class_per_root_with_the_scenario_as_the_assertion_name(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(
        test_named=textwrap.dedent(
            """
            from pathlib import Path

            from apptest.snapshot.syrupy_ext import scenario_extension

            EXT = scenario_extension(Path(__file__).parent / "snapshots")


            def test_checkout(snapshot):
                assert snapshot.use_extension(EXT)(name="shop/checkout.yaml") == "text\\n"
            """
        )
    )
    pytester.runpytest("--snapshot-update").assert_outcomes(passed=1)
    assert (pytester.path / "snapshots" / "shop" / "checkout.yaml").read_text() == "text\n"
    pytester.runpytest().assert_outcomes(passed=1)


# -- the extension class itself ----------------------------------------------------------------


def test_factory_returns_one_class_per_root_and_scenario(tmp_path: Path) -> None:
    a = scenario_extension(tmp_path / "snapshots", "shop/checkout.yaml")
    assert a is scenario_extension(tmp_path / "snapshots", "shop/checkout")
    assert a is not scenario_extension(tmp_path / "snapshots", "counter")
    assert issubclass(a, ScenarioSnapshotExtension)
    assert a.snapshots_root == str((tmp_path / "snapshots").resolve())
    assert a.scenario == "shop/checkout"
    assert a.file_extension == "yaml"


def test_serialize_gives_dump_trace_text(tmp_path: Path) -> None:
    ext = scenario_extension(tmp_path, "counter")()
    trace = counter_trace()
    assert ext.serialize(trace) == dump_trace(trace)
    assert ext.serialize("already text") == "already text"
    with pytest.raises(TypeError, match="snapshots a Trace"):
        ext.serialize({"not": "a trace"})


@pytest.mark.parametrize("bad", ["", "../x", "/abs/x"])
def test_bad_scenario_names(bad: str, tmp_path: Path) -> None:
    with pytest.raises(SnapshotError, match="not a scenario name"):
        scenario_extension(tmp_path, bad)


def test_unbound_base_class_explains_itself() -> None:
    with pytest.raises(SnapshotError, match="not bound to a snapshots folder"):
        ScenarioSnapshotExtension.dirname(test_location=None)  # type: ignore[arg-type]


def test_snapshot_package_does_not_import_pytest_or_syrupy() -> None:
    code = (
        "import sys, apptest.snapshot, apptest.snapshot.diff, apptest.snapshot.store\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('pytest', '_pytest', 'syrupy'))\n"
        "print(bad)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
