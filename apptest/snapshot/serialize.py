"""Trace ⇄ snapshot text: deterministic YAML, one file per scenario.

A snapshot file looks like this (see ``docs`` for the full description)::

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

The text is deterministic to the byte: the same trace gives the same text with the libyaml
(C) emitter and the pure-Python one, on every ``PYTHONHASHSEED``. Rules:

- each step's keys in a fixed order: ``step``, ``do``, ``callbacks``, ``state``, ``output``,
  then ``exception`` (only when one was shown), ``error`` (only when set) and ``reruns``
  (only when not 1); ``callbacks`` is always present, ``[]`` when none ran;
- session state keys sorted; everything else keeps its order (output is in document order);
- block style, one fact per line; only ``do`` (when it is a small mapping or list of one-line
  scalars) and ``callbacks`` are written inline, as the scenario author wrote them;
- multi-line strings as literal block scalars (``|``/``|-``); no anchors or aliases, even when
  the same object appears twice; no line wrapping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from apptest.errors import SnapshotError
from apptest.snapshot.plain import PlainData, plain

if TYPE_CHECKING:
    from apptest.replay.trace import StepRecord, Trace

__all__ = [
    "FORMAT_KEY",
    "FORMAT_VERSION",
    "SnapshotDoc",
    "dump_plain",
    "dump_trace",
    "load_snapshot",
    "regenerate_hint",
    "trace_to_plain",
]

FORMAT_KEY = "apptest-snapshot"
FORMAT_VERSION = 1


def header(scenario: str) -> str:
    """The comment that opens every snapshot file (it names no time, host or version)."""
    target = " ".join(scenario.split()) or "SCENARIO"
    return (
        "# apptest snapshot: session state and rendered output after each step. Do not edit;\n"
        f"# regenerate with `apptest replay --update {target}` or `pytest --snapshot-update`.\n"
    )


# No line wrapping: a long value stays on its line, so a change never reflows its neighbours.
# (libyaml stores the width in a C int.)
_WIDTH = 2**31 - 1

# Characters YAML treats as line breaks besides "\n", and "\r": a string holding any of them is
# written double-quoted with escapes, so the file's lines are exactly its "\n"-separated parts.
_ODD_BREAKS = frozenset("\r\x85\u2028\u2029")

try:  # libyaml is several times faster; the pure-Python classes give the same text.
    from yaml import CSafeDumper as _FastDumper
    from yaml import CSafeLoader as _FastLoader

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _FastDumper  # type: ignore[assignment]
    from yaml import SafeLoader as _FastLoader  # type: ignore[assignment]

    HAVE_LIBYAML = False


class _Flow(list):  # type: ignore[type-arg]
    """A list written in flow style: ``[a, b]``."""


class _FlowMap(dict):  # type: ignore[type-arg]
    """A mapping written in flow style: ``{click: add}``."""


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style: str | None = None
    if "\n" in data and not _ODD_BREAKS.intersection(data):
        style = "|"
    elif _ODD_BREAKS.intersection(data):
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


def _represent_flow_list(dumper: yaml.SafeDumper, data: _Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


def _represent_flow_map(dumper: yaml.SafeDumper, data: _FlowMap) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)


def _ignore_aliases(self: Any, data: Any) -> bool:
    return True


def _make_dumper(base: type[Any]) -> type[yaml.SafeDumper]:
    # ``base`` is SafeDumper or libyaml's CSafeDumper (same representer, other emitter).
    dumper: type[yaml.SafeDumper] = type(
        f"Snapshot{base.__name__}", (base,), {"ignore_aliases": _ignore_aliases}
    )
    dumper.add_representer(str, _represent_str)
    dumper.add_representer(_Flow, _represent_flow_list)
    dumper.add_representer(_FlowMap, _represent_flow_map)
    return dumper


FastDumper = _make_dumper(_FastDumper)
PureDumper = _make_dumper(yaml.SafeDumper)


@dataclass(frozen=True)
class SnapshotDoc:
    """A snapshot file parsed back to plain data.

    Attributes:
        format: the format version (always :data:`FORMAT_VERSION` once loaded).
        scenario: the scenario path recorded in the file.
        steps: one mapping per step, keys as written (``step``, ``do``, ``callbacks``, ...).
        path: where the text came from, for messages; ``None`` when unknown.
    """

    format: int
    scenario: str
    steps: list[dict[str, PlainData]] = field(default_factory=list)
    path: str | None = None

    def step(self, index: int) -> dict[str, PlainData] | None:
        """The entry of step ``index`` (0 is the load), or ``None`` when there is none."""
        for s in self.steps:
            if s.get("step") == index:
                return s
        return None


def regenerate_hint(scenario: str | None = None) -> str:
    """The command(s) that rewrite a snapshot from its scenario."""
    target = scenario or "SCENARIO"
    return f"apptest replay --update {target}  (or: pytest --snapshot-update)"


def _is_inline_scalar(value: Any) -> bool:
    return value is None or (
        isinstance(value, bool | int | float) or (isinstance(value, str) and "\n" not in value)
    )


def _inline_do(value: PlainData) -> Any:
    """``do`` inline (``{click: add}``) when it is small and all scalars are one-line."""

    def simple(v: Any, depth: int) -> bool:
        if _is_inline_scalar(v):
            return not isinstance(v, str) or not _ODD_BREAKS.intersection(v)
        if depth >= 3:
            return False
        if isinstance(v, list):
            return all(simple(x, depth + 1) for x in v)
        if isinstance(v, dict):
            return all(simple(x, depth + 1) for x in v.values())
        return False

    def wrap(v: Any) -> Any:
        if isinstance(v, list):
            return _Flow(wrap(x) for x in v)
        if isinstance(v, dict):
            return _FlowMap((k, wrap(x)) for k, x in v.items())
        return v

    if isinstance(value, dict | list) and simple(value, 0):
        return wrap(value)
    return value


def _step_entry(s: StepRecord, content: tuple[Any, ...]) -> dict[str, Any]:
    # ``content``: the record's (do, callbacks, state, output, exception), decoded once.
    do, callbacks, state, output, exception = content
    state = plain(state)
    entry: dict[str, Any] = {
        "step": s.index,
        "do": _inline_do(plain(do)),
        "callbacks": _Flow(plain(list(callbacks))),  # type: ignore[arg-type]
        "state": dict(sorted(state.items())) if isinstance(state, dict) else state,
        "output": plain(output),
    }
    if exception:
        entry["exception"] = plain(list(exception))
    if s.error is not None:
        entry["error"] = plain(s.error)
    if s.reruns != 1:
        entry["reruns"] = s.reruns
    return entry


def trace_to_plain(trace: Trace) -> dict[str, Any]:
    """The document :func:`dump_trace` writes, before YAML (header comment excluded)."""
    from apptest.replay.trace import step_content

    return {
        FORMAT_KEY: FORMAT_VERSION,
        "scenario": trace.scenario,
        "steps": [_step_entry(s, step_content(s)) for s in trace.steps],
    }


# libyaml and the pure-Python emitter differ on a few inputs: libyaml escapes every character
# beyond the BMP (emoji!) and treats "\r" as a line break; they count a key's length differently
# (bytes vs characters) when choosing between ``key: v`` and ``? key``, and write an empty key
# differently. Documents with such strings go through the pure-Python emitter, so the text never
# depends on whether libyaml is installed.
_C_UNSAFE_CHARS = re.compile("[\r\U00010000-\U0010ffff]")
_C_SAFE_KEY_BYTES = 100


def _c_safe(value: Any) -> bool:
    """Whether libyaml writes ``value`` exactly as the pure-Python emitter does."""
    stack = [value]
    unsafe = _C_UNSAFE_CHARS.search
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            if unsafe(v):
                return False
        elif isinstance(v, dict):
            for k, x in v.items():
                if isinstance(k, str) and (
                    not k or len(k) > _C_SAFE_KEY_BYTES or len(k.encode()) > _C_SAFE_KEY_BYTES
                ):
                    return False
                stack.append(k)
                stack.append(x)
        elif isinstance(v, list):
            stack.extend(v)
    return True


def dump_plain(doc: Any, *, pure: bool = False, fast: bool = False) -> str:
    """YAML text of a document, with the snapshot rules (no header).

    libyaml is used when it writes the same text as the pure-Python emitter; ``pure`` forces
    the pure-Python emitter and ``fast`` forces libyaml (both for tests).
    """
    use_fast = fast or (HAVE_LIBYAML and not pure and _c_safe(doc))
    text: str = yaml.dump(
        doc,
        Dumper=FastDumper if use_fast else PureDumper,
        default_flow_style=False,
        sort_keys=False,
        allow_unicode=True,
        width=_WIDTH,
        indent=2,
        line_break="\n",
        explicit_start=False,
    )
    # After a keep-chomped block scalar (``|+``) libyaml closes the document with ``...``;
    # the pure-Python emitter does not, and the marker says nothing.
    if text.endswith("\n...\n"):
        text = text[:-4]
    return text


def dump_trace(trace: Trace, *, pure: bool = False) -> str:
    """Serialize a trace to snapshot text (deterministic to the byte).

    Args:
        trace: the replayed scenario; its values are passed through
            :func:`~apptest.snapshot.plain.plain` again, so non-plain values cannot break the
            dump or its determinism.
        pure: use the pure-Python YAML emitter instead of libyaml (same output; for tests).

    Example:
        >>> text = dump_trace(trace)
        >>> text.splitlines()[2]
        'apptest-snapshot: 1'
    """
    return header(trace.scenario) + dump_plain(trace_to_plain(trace), pure=pure)


def _where(path: str | None) -> str:
    return path or "<snapshot>"


def load_snapshot(text: str, path: str | None = None, *, pure: bool = False) -> SnapshotDoc:
    """Parse snapshot text back to plain data.

    Args:
        text: the file's content.
        path: where it came from, used in error messages.
        pure: use the pure-Python YAML parser (for tests).

    Raises:
        SnapshotError: the text is not YAML, not a snapshot, or of another format version; the
            message says how to regenerate the file.
    """
    where = _where(path)
    try:
        data = yaml.load(text, Loader=yaml.SafeLoader if pure else _FastLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        loc = f"{where}:{mark.line + 1}:{mark.column + 1}" if mark is not None else where
        problem = getattr(exc, "problem", None) or str(exc)
        raise SnapshotError(
            f"{loc}: snapshot is not valid YAML ({problem})\n"
            f"    fix: regenerate it: {regenerate_hint()}"
        ) from None
    if not isinstance(data, dict) or FORMAT_KEY not in data:
        raise SnapshotError(
            f"{where}: not an apptest snapshot (no '{FORMAT_KEY}:' version field)\n"
            f"    fix: regenerate it: {regenerate_hint()}"
        )
    version = data[FORMAT_KEY]
    scenario = data.get("scenario")
    scenario_str = scenario if isinstance(scenario, str) else None
    if version != FORMAT_VERSION:
        raise SnapshotError(
            f"{where}: snapshot format {version!r} cannot be read; this apptest reads format "
            f"{FORMAT_VERSION}\n"
            f"    fix: regenerate it: {regenerate_hint(scenario_str)}"
        )
    steps = data.get("steps")
    if scenario_str is None or not isinstance(steps, list):
        raise SnapshotError(
            f"{where}: snapshot is missing 'scenario' or 'steps'\n"
            f"    fix: regenerate it: {regenerate_hint(scenario_str)}"
        )
    plain_steps: list[dict[str, PlainData]] = []
    for s in steps:
        p = plain(s)  # dates a hand edit may have introduced become ISO strings again
        if not isinstance(p, dict):
            raise SnapshotError(
                f"{where}: every entry under 'steps' must be a mapping, got {p!r}\n"
                f"    fix: regenerate it: {regenerate_hint(scenario_str)}"
            )
        plain_steps.append(p)
    return SnapshotDoc(format=FORMAT_VERSION, scenario=scenario_str, steps=plain_steps, path=path)
