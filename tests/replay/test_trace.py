"""Packed step records: a replay's trace reads back exactly what was recorded, in little memory."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from typing import Any

import pytest

from apptest.replay.engine import Replayer
from apptest.replay.trace import StepPacker, StepRecord, Trace, step_content
from apptest.scenario.loader import load_scenario_text
from apptest.snapshot.serialize import dump_trace

COUNTER = """version: 1
script: |
  import streamlit as st
  st.title("Counter")
  st.session_state.setdefault("count", 0)
  def increment(step=1):
      st.session_state.count += step
  st.button("Add", key="add", on_click=increment)
  st.write("Count:", st.session_state.count)
  name = st.text_input("Your name", key="name")
  if name:
      st.write(f"Hello, {name}")
steps:
"""


def _counter_steps(n: int) -> str:
    lines = []
    for i in range(n):
        lines.append(["  - click: add", f"  - set: {{name: n{i}}}", "  - rerun", "  - expect: {text: [Count]}"][i % 4])
    return COUNTER + "\n".join(lines) + "\n"


def _content(i: int) -> tuple[Any, tuple[str, ...], dict[str, Any], dict[str, Any], tuple[dict[str, Any], ...]]:
    return (
        {"click": "add"},
        ("increment",),
        {"count": i, "name": f"n{i}", "ratio": i / 7, "big": 10**30 + i, "none": None, "flag": i % 2 == 0},
        {"main": [{"title": "Counter"}, {"markdown": f"Count: `{i}`"}, {"columns": [[{"text": "é✓"}], []]}]},
        ({"type": "ValueError", "message": f"bad {i}"},) if i % 3 == 0 else (),
    )


def _record(packer: StepPacker, i: int) -> StepRecord:
    do, callbacks, state, output, exception = _content(i)
    return packer.record(i, do, callbacks, state, output, exception, error=None, reruns=1)


def test_packed_records_read_back_every_field_exactly() -> None:
    packer = StepPacker()
    records = [_record(packer, i) for i in range(60)]
    for i, r in enumerate(records):
        do, callbacks, state, output, exception = _content(i)
        assert (r.index, r.do, r.callbacks, r.state, r.output, r.exception, r.error, r.reruns) == (
            i, do, callbacks, state, output, exception, None, 1
        )
        assert type(r.callbacks) is tuple and type(r.exception) is tuple
        assert list(r.state) == list(state)  # order kept
        assert step_content(r) == (do, callbacks, state, output, exception)
        assert r == StepRecord(i, do, callbacks, state, output, exception)


def test_later_steps_are_deflated_against_a_key_step() -> None:
    packer = StepPacker()
    records = [_record(packer, i) for i in range(50)]
    keys = [r for r in records if r.__dict__["_key"] is None]
    assert records[0] in keys
    assert len(keys) < 5
    deflated = [r for r in records if r.__dict__["_key"] is not None]
    assert all(len(r.__dict__["_content"]) < 100 for r in deflated)


def test_a_step_unlike_the_key_step_becomes_the_next_key_step() -> None:
    packer = StepPacker()
    first = packer.record(0, "load", (), {"a": 1}, {"main": [{"text": "x" * 50}]}, ())
    other = packer.record(1, "rerun", (), {"b": list(range(200))}, {"sidebar": [{"code": "y" * 300}]}, ())
    after = packer.record(2, "rerun", (), {"b": list(range(200))}, {"sidebar": [{"code": "y" * 301}]}, ())
    assert first.__dict__["_key"] is None and other.__dict__["_key"] is None
    assert after.__dict__["_key"] is other.__dict__["_content"]
    assert after.output == {"sidebar": [{"code": "y" * 301}]}


def test_each_read_returns_new_objects() -> None:
    r = _record(StepPacker(), 1)
    state = r.state
    state["count"] = -1
    assert r.state["count"] == 1
    assert r.state is not r.state


def test_content_marshal_cannot_write_is_kept_as_given() -> None:
    class Odd:
        pass

    odd = Odd()
    r = StepPacker().record(0, "load", (), {"odd": odd}, {}, ())
    assert r.state["odd"] is odd


def test_records_are_frozen_dataclasses() -> None:
    r = _record(StepPacker(), 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.state = {}  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.index = 4  # type: ignore[misc]
    changed = dataclasses.replace(r, reruns=2)
    assert (changed.reruns, changed.state, changed.output) == (2, r.state, r.output)
    assert dataclasses.asdict(r)["state"] == r.state
    assert [f.name for f in dataclasses.fields(StepRecord)] == [
        "index", "do", "callbacks", "state", "output", "exception", "error", "reruns"
    ]
    assert pickle.loads(pickle.dumps(r)) == r
    assert copy.deepcopy(r) == r
    assert "state={'count': 3" in repr(r)


def test_records_built_directly_hold_the_given_objects_and_defaults() -> None:
    state: dict[str, Any] = {"n": 1}
    r = StepRecord(index=0, do="load", state=state)
    assert r.state is state
    assert (r.callbacks, r.output, r.exception, r.error, r.reruns) == ((), {}, (), None, 1)
    assert StepRecord(0, "load").state is not StepRecord(0, "load").state


def test_replayed_trace_matches_an_unpacked_copy_to_the_byte(tmp_path: Any) -> None:
    app = tmp_path / "s.yaml"
    app.write_text(_counter_steps(41), encoding="utf-8")
    sc = load_scenario_text(app.read_text(encoding="utf-8"), str(app))
    trace = Replayer(sc).run()
    assert len(trace.steps) == 42 and trace.failed_step is None
    unpacked = Trace(
        trace.scenario, trace.name,
        [StepRecord(s.index, *step_content(s), error=s.error, reruns=s.reruns)
         for s in trace.steps],
    )
    assert unpacked == trace
    assert dump_trace(unpacked) == dump_trace(trace)
    assert dump_trace(unpacked, pure=True) == dump_trace(trace)
    assert trace.steps[41].state == {"add": False, "count": 11, "name": "n37"}
    # an ``expect`` step repeats the last run's state and output, with no callbacks and no rerun
    assert trace.steps[4].do == {"expect": {"text": ["Count"]}}
    assert (trace.steps[4].state, trace.steps[4].output) == (trace.steps[3].state, trace.steps[3].output)
    assert (trace.steps[4].callbacks, trace.steps[4].reruns) == ((), 0)
