from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from apptest.errors import SnapshotError
from apptest.replay.trace import StepRecord, Trace
from apptest.snapshot import serialize
from apptest.snapshot.serialize import (
    dump_plain,
    dump_trace,
    load_snapshot,
    trace_to_plain,
)

from .conftest import counter_trace

ROOT = Path(__file__).resolve().parents[2]

EXPECTED_COUNTER = """\
# apptest snapshot: session state and rendered output after each step. Do not edit;
# regenerate with `apptest replay --update scenarios/counter.yaml` or `pytest --snapshot-update`.
apptest-snapshot: 1
scenario: scenarios/counter.yaml
steps:
- step: 0
  do: load
  callbacks: []
  state:
    count: 0
  output:
    main:
    - title: Counter
    - button:
        key: add
        label: Add
        value: false
    - markdown: 'Count: `0`'
- step: 1
  do: {click: add}
  callbacks: [increment]
  state:
    add: true
    count: 1
  output:
    main:
    - title: Counter
    - button:
        key: add
        label: Add
        value: true
    - markdown: 'Count: `1`'
"""


def step(index: int = 1, **kw: object) -> StepRecord:
    kw.setdefault("do", {"click": "add"})
    return StepRecord(index=index, **kw)  # type: ignore[arg-type]


def one_step(**kw: object) -> Trace:
    return Trace("scenarios/x.yaml", "x", [step(**kw)])


def test_counter_snapshot_text(trace: Trace) -> None:
    assert dump_trace(trace) == EXPECTED_COUNTER


def test_pure_python_emitter_gives_the_same_text(trace: Trace) -> None:
    assert dump_trace(trace, pure=True) == dump_trace(trace)


def test_header_comes_first_then_version_then_scenario(trace: Trace) -> None:
    lines = dump_trace(trace).splitlines()
    assert lines[0].startswith("# apptest snapshot")
    assert lines[2] == "apptest-snapshot: 1"
    assert lines[3] == "scenario: scenarios/counter.yaml"
    assert lines[4] == "steps:"


def test_step_keys_in_fixed_order_with_optional_keys_only_when_set() -> None:
    t = one_step(
        callbacks=("cb",),
        state={"b": 1, "a": 2},
        output={"main": []},
        exception=({"type": "ValueError", "message": "bad"},),
        error="step 1: no widget 'x'",
        reruns=3,
    )
    entry = trace_to_plain(t)["steps"][0]
    assert list(entry) == [
        "step",
        "do",
        "callbacks",
        "state",
        "output",
        "exception",
        "error",
        "reruns",
    ]
    plain_entry = trace_to_plain(one_step())["steps"][0]
    assert list(plain_entry) == ["step", "do", "callbacks", "state", "output"]
    assert plain_entry["callbacks"] == []


def test_state_keys_are_sorted_but_output_order_is_kept() -> None:
    t = one_step(
        state={"zeta": 1, "Alpha": 2, "beta": 3},
        output={"sidebar": [{"text": "b"}, {"text": "a"}], "main": [{"title": "T"}]},
    )
    doc = load_snapshot(dump_trace(t))
    assert list(doc.steps[0]["state"]) == ["Alpha", "beta", "zeta"]  # type: ignore[arg-type]
    assert list(doc.steps[0]["output"]) == ["sidebar", "main"]  # type: ignore[arg-type]
    assert doc.steps[0]["output"]["sidebar"] == [{"text": "b"}, {"text": "a"}]  # type: ignore[index,call-overload]


def test_round_trip_gives_back_the_plain_data() -> None:
    t = Trace(
        "scenarios/r.yaml",
        "r",
        [
            StepRecord(index=0, do="load", state={"n": None, "f": 0.1, "big": 10**20, "e": 1e-7}),
            step(
                do={"set": {"when": "2024-01-31", "flag": "on", "tags": ["a", "b"]}},
                state={"yes": "yes", "true": "true", "null": "null", "num": "1.5", "neg": -0.0},
                output={"main": [{"code": "line 1\n  line 2\n"}, {"text": ""}]},
                exception=({"type": "KeyError", "message": "'x'\nmore"},),
                error="boom",
                reruns=0,
            ),
        ],
    )
    text = dump_trace(t)
    doc = load_snapshot(text, "snapshots/r.yaml")
    assert doc.format == 1
    assert doc.scenario == "scenarios/r.yaml"
    assert doc.path == "snapshots/r.yaml"
    assert doc.steps == trace_to_plain(t)["steps"]
    assert doc.step(1) is doc.steps[1]
    assert doc.step(7) is None
    # loading with the pure-Python parser gives the same data
    assert load_snapshot(text, pure=True).steps == doc.steps


def test_yaml_11_lookalikes_stay_strings() -> None:
    t = one_step(
        state={
            k: k
            for k in ("on", "off", "yes", "no", "true", "null", "~", "2024-01-31", "1e3", "0x1f")
        }
    )
    doc = load_snapshot(dump_trace(t))
    state = doc.steps[0]["state"]
    assert isinstance(state, dict)
    assert all(k == v and isinstance(v, str) for k, v in state.items())


def test_multiline_strings_are_literal_block_scalars() -> None:
    text = dump_trace(
        one_step(output={"main": [{"code": "def f():\n    return 1"}, {"text": "a\nb\n"}]})
    )
    assert "    - code: |-\n        def f():\n            return 1\n" in text
    assert "    - text: |\n        a\n        b\n" in text


def test_odd_line_breaks_are_escaped_not_written_raw() -> None:
    text = dump_trace(one_step(state={"s": "a\r\nb", "t": "x\u2028y"}))
    assert '"a\\r\\nb"' in text
    assert '"x\\Ly"' in text
    assert text.split("\n")[:-1] == text.splitlines()


def test_no_anchors_when_the_same_object_appears_twice() -> None:
    shared = [{"a": 1}, {"b": [1, 2]}]
    t = Trace(
        "s.yaml",
        "s",
        [
            step(index=0, state={"x": shared, "y": shared}, output={"main": shared}),
            step(index=1, output={"main": shared}),
        ],
    )
    text = dump_trace(t)
    assert "&id" not in text and "*id" not in text
    # and also when a document with shared objects goes straight to the dumper
    doc = {"a": shared, "b": shared}
    for pure in (False, True):
        out = dump_plain(doc, pure=pure)
        assert "&" not in out and "*" not in out


def test_long_lines_never_wrap() -> None:
    long = " ".join(["word"] * 200)
    text = dump_trace(one_step(state={"long": long}, do={"set": {"long": long}}))
    assert f"    long: {long}\n" in text
    assert all(len(line) < 2000 for line in text.splitlines())
    assert f"long: {long}" in text.split("\n")[6]


def test_non_plain_values_in_a_trace_are_made_plain() -> None:
    t = one_step(state={"s": {3, 1, 2}, "t": (1, 2), "f": float("nan"), "o": object()})
    doc = load_snapshot(dump_trace(t))
    assert doc.steps[0]["state"] == {
        "f": ".nan",
        "o": "<object object>",
        "s": [1, 2, 3],
        "t": [1, 2],
    }


def test_do_is_inline_only_when_simple() -> None:
    simple = dump_trace(one_step(do={"set": {"name": "Ada", "n": 2}}))
    assert "  do: {set: {name: Ada, n: 2}}\n" in simple
    multi = dump_trace(one_step(do={"set": {"bio": "line 1\nline 2"}}))
    assert "  do:\n    set:\n      bio: |-\n" in multi
    assert "  do: rerun\n" in dump_trace(one_step(do="rerun"))


# -- libyaml and the pure-Python emitter -------------------------------------------------------

ODD = [
    "😀 emoji",
    "\r",
    "",
    "x" * 101,
    "日本" * 30,
    "tab\tin",
    "\x07bell",
    "\ufeffbom",
    "ends\n\n",
    "\n",
    " lead",
    "trail ",
    "a: b",
    "- x",
    "#c",
    "\u2028",
    "é",
]


def _random_string(r: random.Random) -> str:
    if r.random() < 0.3:
        return r.choice([*ODD, "true", "no", "null", "1.5", "2024-01-01", "~", "'", '"', "..."])
    alphabet = "ab Z09-:#&*!|>'\"%@`{}[],?\n\t\\~.é日😀\r\x85"
    return "".join(r.choice(alphabet) for _ in range(r.randint(0, 10)))


def _random_value(r: random.Random, depth: int = 0) -> object:
    k = r.random()
    if depth > 3 or k < 0.5:
        c = r.random()
        if c < 0.6:
            return _random_string(r)
        if c < 0.75:
            return r.randint(-(10**20), 10**20)
        if c < 0.9:
            return r.choice([0.1, -0.0, 1e17, 1e-7, 5e-324, 123.456]) * r.choice([1, -1])
        return r.choice([True, False, None])
    if k < 0.75:
        return [_random_value(r, depth + 1) for _ in range(r.randint(0, 4))]
    return {_random_string(r): _random_value(r, depth + 1) for _ in range(r.randint(0, 4))}


def test_emitters_agree_on_generated_documents() -> None:
    r = random.Random(20240131)
    checked_fast = 0
    for _ in range(1500):
        doc = {
            "steps": [
                {"do": _random_value(r), "state": _random_value(r), "output": _random_value(r)}
            ]
        }
        pure = dump_plain(doc, pure=True)
        assert dump_plain(doc) == pure
        if serialize._c_safe(doc):
            # where libyaml is used, it must write exactly what the pure emitter writes
            assert dump_plain(doc, fast=True) == pure
            checked_fast += 1
        assert yaml.safe_load(pure) == doc
    assert checked_fast > 200


@pytest.mark.parametrize("text", ODD)
def test_emitters_agree_on_awkward_strings(text: str) -> None:
    t = one_step(state={text or "k": text, "k": {text: 1}}, output={"main": [{"text": text}]})
    assert dump_trace(t) == dump_trace(t, pure=True)


def test_libyaml_is_used_for_ordinary_documents(trace: Trace) -> None:
    if not serialize.HAVE_LIBYAML:
        pytest.skip("PyYAML built without libyaml")
    assert serialize._c_safe(trace_to_plain(trace))
    assert not serialize._c_safe({"title": "🎈 App"})
    assert not serialize._c_safe({"": 1})


# -- determinism across processes --------------------------------------------------------------

DETERMINISM_SCRIPT = textwrap.dedent(
    """
    import datetime, sys
    from apptest.replay.trace import StepRecord, Trace
    from apptest.snapshot.serialize import dump_trace

    words = ["pear", "apple", "fig", "kiwi", "plum", "lime", "date", "nut"]
    state = {w: {w[::-1], w.upper(), len(w)} for w in words}
    state["nested"] = {"tags": frozenset(words), "when": datetime.date(2024, 1, 31), "t": (1, "a")}
    state["keys"] = {frozenset({"b", "a"}): 1, ("x", 2): {3, 2, 1}}
    out = {"main": [{"multiselect": {"key": "m", "label": "Pick", "value": sorted(words)}}, {"text": str(set("ab"))[0]}]}
    t = Trace("scenarios/d.yaml", "d", [StepRecord(index=0, do="load", state=state, output=out)])
    sys.stdout.buffer.write(dump_trace(t, pure="--pure" in sys.argv).encode("utf-8"))
    """
)


def test_dump_is_identical_across_hash_seeds_and_emitters(tmp_path: Path) -> None:
    script = tmp_path / "dump.py"
    script.write_text(DETERMINISM_SCRIPT, encoding="utf-8")
    outputs = []
    for seed, flag in (("0", ""), ("1", ""), ("2", "--pure"), ("3", "--pure")):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        args = [sys.executable, str(script)] + ([flag] if flag else [])
        outputs.append(subprocess.run(args, env=env, capture_output=True, check=True).stdout)
    assert outputs[0]  # not vacuous
    assert all(o == outputs[0] for o in outputs[1:])
    assert b"- apple\n" in outputs[0]


# -- reading errors ----------------------------------------------------------------------------


def test_other_format_version_says_how_to_regenerate(trace: Trace) -> None:
    text = dump_trace(trace).replace("apptest-snapshot: 1", "apptest-snapshot: 2")
    with pytest.raises(SnapshotError) as info:
        load_snapshot(text, "snapshots/counter.yaml")
    message = str(info.value)
    assert message.startswith("snapshots/counter.yaml: snapshot format 2 cannot be read")
    assert "apptest replay --update scenarios/counter.yaml" in message
    assert "pytest --snapshot-update" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("steps: [\n", "snapshots/x.yaml:2:1: snapshot is not valid YAML"),
        ("- 1\n", "not an apptest snapshot"),
        ("", "not an apptest snapshot"),
        ("apptest-snapshot: 1\nsteps: []\n", "missing 'scenario' or 'steps'"),
        ("apptest-snapshot: 1\nscenario: s\nsteps: [1]\n", "must be a mapping"),
    ],
)
def test_unreadable_snapshots_raise_snapshot_error(text: str, expected: str) -> None:
    with pytest.raises(SnapshotError, match="regenerate") as info:
        load_snapshot(text, "snapshots/x.yaml")
    assert expected in str(info.value)


def test_counter_fixture_helper_is_consistent() -> None:
    assert len(counter_trace(counts=(0, 1, 2)).steps) == 3
