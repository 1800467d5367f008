from __future__ import annotations

import dataclasses
import re

import pytest

from apptest.errors import SnapshotError
from apptest.replay.trace import StepRecord, Trace
from apptest.snapshot.diff import compare, short_do, split_sections
from apptest.snapshot.serialize import dump_trace

from .conftest import counter_trace


def replace_step(trace: Trace, index: int, **changes: object) -> Trace:
    steps = list(trace.steps)
    steps[index] = dataclasses.replace(steps[index], **changes)  # type: ignore[arg-type]
    return Trace(trace.scenario, trace.name, steps)


@pytest.fixture
def stored() -> Trace:
    return counter_trace(counts=(0, 1, 2, 3))


def test_equal_texts(stored: Trace) -> None:
    text = dump_trace(stored)
    c = compare(text, text)
    assert c.equal
    assert c.first_step is None
    assert c.step_diff() == "" and c.full_diff() == ""
    assert c.summary_line() == "scenarios/counter.yaml: snapshot matches"


def test_state_change_summary(stored: Trace) -> None:
    received = replace_step(stored, 3, state={"count": 4, "add": True})
    c = compare(dump_trace(stored), dump_trace(received))
    assert not c.equal
    assert c.first_step is not None
    assert c.first_step.index == 3
    assert c.first_step.do == {"click": "add"}
    assert (
        c.summary_line("scenarios/counter.yaml")
        == "scenarios/counter.yaml: step 3 (click add): state.count 3 → 4"
    )


def test_added_and_removed_state_keys(stored: Trace) -> None:
    received = replace_step(stored, 1, state={"count": 1, "name": "Ada"})
    line = compare(dump_trace(stored), dump_trace(received)).summary_line()
    assert (
        line
        == 'scenarios/counter.yaml: step 1 (click add): state.add removed (was true); state.name added: "Ada"'
    )


def test_one_line_output_change_shows_the_line(stored: Trace) -> None:
    out = {
        "main": [
            {"title": "Counter"},
            {"button": {"key": "add", "label": "Add", "value": True}},
            {"markdown": "Count: `two`"},
        ]
    }
    received = replace_step(stored, 2, output=out)
    c = compare(dump_trace(stored), dump_trace(received))
    assert (
        c.summary_line()
        == "scenarios/counter.yaml: step 2 (click add): output: - markdown: 'Count: `2`' → - markdown: 'Count: `two`'"
    )


def test_larger_output_change_counts_lines(stored: Trace) -> None:
    out = {"main": [{"title": "Counter"}, {"markdown": "Count: `1`"}, {"success": "Saved"}]}
    received = replace_step(stored, 1, output=out)
    line = compare(dump_trace(stored), dump_trace(received)).summary_line()
    assert line == "scenarios/counter.yaml: step 1 (click add): output: +1 line, -4 lines"


def test_step_diff_holds_only_the_diverging_step(stored: Trace) -> None:
    received = replace_step(stored, 2, state={"count": 20, "add": True})
    c = compare(dump_trace(stored), dump_trace(received))
    diff = c.step_diff()
    assert diff.startswith("--- stored step 2 (click add)\n+++ received step 2 (click add)\n")
    assert "-    count: 2\n+    count: 20\n" in diff
    assert "- step: 1" not in diff and "- step: 3" not in diff
    full = c.full_diff()
    assert full.startswith("--- stored\n+++ received\n")
    assert "-    count: 2\n+    count: 20\n" in full


def test_first_of_several_diverging_steps_is_reported(stored: Trace) -> None:
    received = replace_step(
        replace_step(stored, 3, state={"count": 9}), 1, callbacks=("increment", "log")
    )
    c = compare(dump_trace(stored), dump_trace(received))
    assert c.first_step is not None and c.first_step.index == 1
    assert c.summary_line().endswith(
        'step 1 (click add): callbacks ["increment"] → ["increment", "log"]'
    )


def test_received_has_more_steps(stored: Trace) -> None:
    received = counter_trace(counts=(0, 1, 2, 3, 4))
    c = compare(dump_trace(stored), dump_trace(received))
    assert c.first_step is not None and c.first_step.index == 4
    assert (
        c.summary_line()
        == "scenarios/counter.yaml: step 4 (click add): new step (stored snapshot ends at step 3)"
    )
    assert c.step_diff().count("\n+") >= 5
    assert "\n-" not in c.step_diff().split("\n", 2)[2]


def test_received_has_fewer_steps(stored: Trace) -> None:
    received = counter_trace(counts=(0, 1))
    c = compare(dump_trace(stored), dump_trace(received))
    assert c.first_step is not None and c.first_step.index == 2
    assert (
        c.summary_line()
        == "scenarios/counter.yaml: step 2 (click add): step missing (received snapshot ends at step 1)"
    )


def test_error_and_exception_changes(stored: Trace) -> None:
    received = replace_step(
        stored,
        2,
        error="step 2: no widget 'add'",
        exception=({"type": "ValueError", "message": "bad"},),
    )
    line = compare(dump_trace(stored), dump_trace(received)).summary_line()
    assert "error null → \"step 2: no widget 'add'\"" in line
    assert "exception none → ValueError: bad" in line


def test_stored_missing(stored: Trace) -> None:
    for missing in (None, "", "\n"):
        c = compare(missing, dump_trace(stored))
        assert not c.equal and c.stored_missing
        assert c.summary_line() == "scenarios/counter.yaml: no stored snapshot (received steps 0-3)"
        assert c.step_diff().startswith("--- stored (head)\n+++ received (head)\n")
        assert c.full_diff().count("\n+") > 10


def test_only_the_head_differs(stored: Trace) -> None:
    moved = Trace("scenarios/moved.yaml", "x", stored.steps)
    c = compare(dump_trace(stored), dump_trace(moved))
    assert c.first_step is None
    assert (
        c.summary_line()
        == 'scenarios/moved.yaml: scenario "scenarios/counter.yaml" → "scenarios/moved.yaml"'
    )


def test_long_values_are_truncated_to_one_line(stored: Trace) -> None:
    long = "x" * 500 + "\nsecond line"
    received = replace_step(stored, 1, state={"count": 1, "add": True, "bio": long})
    line = compare(dump_trace(stored), dump_trace(received)).summary_line()
    assert "\n" not in line
    assert len(line) < 200
    assert "state.bio added: " in line and "…" in line


def test_many_changes_are_capped(stored: Trace) -> None:
    received = replace_step(stored, 1, state={f"k{i}": i for i in range(10)})
    line = compare(dump_trace(stored), dump_trace(received)).summary_line()
    assert line.endswith("more")
    assert line.count("state.") == 4


def test_failure_message_leads_with_summary_then_diff_then_fix(stored: Trace) -> None:
    received = replace_step(stored, 3, state={"count": 4, "add": True})
    message = compare(dump_trace(stored), dump_trace(received)).failure_message()
    lines = message.splitlines()
    assert lines[0] == "scenarios/counter.yaml: step 3 (click add): state.count 3 → 4"
    assert lines[2].startswith("--- stored step 3")
    assert (
        lines[-1]
        == "accept this change: apptest replay --update scenarios/counter.yaml  (or: pytest --snapshot-update)"
    )


def test_stored_of_another_version_raises(stored: Trace) -> None:
    old = dump_trace(stored).replace("apptest-snapshot: 1", "apptest-snapshot: 0")
    with pytest.raises(
        SnapshotError, match=re.escape("apptest replay --update scenarios/counter.yaml")
    ):
        compare(old, dump_trace(stored), stored_path="snapshots/counter.yaml")


def test_split_sections() -> None:
    text = dump_trace(
        Trace(
            "s.yaml",
            "s",
            [
                StepRecord(index=0, do="load", output={"main": [{"code": "- step: 9"}]}),
                StepRecord(index=1, do="rerun"),
            ],
        )
    )
    head, sections = split_sections(text)
    assert head[-1] == "steps:\n"
    assert [i for i, _ in sections] == [0, 1]
    assert "".join(head) + "".join("".join(lines) for _, lines in sections) == text


@pytest.mark.parametrize(
    ("do", "expected"),
    [
        ("load", "load"),
        ("rerun", "rerun"),
        ({"click": "add"}, "click add"),
        ({"set": {"name": "Ada", "n": 2}}, 'set name="Ada", n=2'),
        ({"submit": "form"}, "submit form"),
        ({"expect": {"state": {"count": 2}}}, 'expect state={"count": 2}'),
        ({"click": "x" * 80}, "click " + "x" * 33 + "…"),
    ],
)
def test_short_do(do: object, expected: str) -> None:
    assert short_do(do) == expected  # type: ignore[arg-type]
