"""Compare a stored snapshot with a received one, for people.

:func:`compare` finds the first step whose section differs and explains it:

- :meth:`Comparison.summary_line` — one line, e.g.
  ``scenarios/counter.yaml: step 3 (click add): state.count 2 → 3``;
- :meth:`Comparison.step_diff` — a unified diff of that step's section only;
- :meth:`Comparison.full_diff` — a unified diff of the whole file;
- :meth:`Comparison.failure_message` — all of it in the order a reviewer reads it: summary,
  step diff, then the command that accepts the change.

Example:
    >>> c = compare(stored_text, received_text)
    >>> if not c.equal:
    ...     print(c.failure_message("scenarios/counter.yaml"))
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from typing import Any

from apptest.snapshot.plain import PlainData
from apptest.snapshot.serialize import SnapshotDoc, dump_plain, load_snapshot, regenerate_hint

__all__ = ["Comparison", "StepRef", "compare", "split_sections", "step_label"]

_STEP_LINE = re.compile(r"- step: (-?\d+)\n?")
_VALUE_WIDTH = 40
_DO_WIDTH = 40
_MAX_FACTS = 4
_LINE_WIDTH = 300


@dataclass(frozen=True)
class StepRef:
    """A step of a snapshot: its index and the step as written (``"load"`` for step 0)."""

    index: int
    do: PlainData

    @property
    def label(self) -> str:
        """``step 3 (click add)``."""
        return f"step {self.index} ({short_do(self.do)})"


def _lines(text: str) -> list[str]:
    """Lines with their ``"\\n"``; only ``"\\n"`` breaks lines (snapshot text has no other)."""
    if not text:
        return []
    parts = text.split("\n")
    out = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        out.append(parts[-1])
    return out


def split_sections(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Split snapshot text into its head (lines before the first step) and step sections.

    Each section is ``(step index, lines)``, starting at its ``- step: N`` line. Block scalars
    are indented, so a line that starts with ``- step:`` always opens a step.
    """
    head: list[str] = []
    sections: list[tuple[int, list[str]]] = []
    for line in _lines(text):
        m = _STEP_LINE.fullmatch(line)
        if m:
            sections.append((int(m.group(1)), [line]))
        elif sections:
            sections[-1][1].append(line)
        else:
            head.append(line)
    return head, sections


def _truncate(text: str, width: int) -> str:
    text = " ".join(text.split("\n"))
    return text if len(text) <= width else text[: width - 1] + "…"


def fmt_value(value: Any, width: int = _VALUE_WIDTH) -> str:
    """A value in one short line: numbers and booleans as YAML writes them, strings quoted."""
    if value is None:
        text = "null"
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, int | float):
        text = repr(value)
    else:
        text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return _truncate(text, width)


def short_do(do: PlainData) -> str:
    """The step as a short phrase: ``click add``, ``set name='Ada'``, ``load``."""

    def scalar(v: Any) -> str:
        return v if isinstance(v, str) and v and "\n" not in v else fmt_value(v)

    if isinstance(do, str):
        text = do
    elif isinstance(do, dict) and len(do) == 1:
        ((verb, arg),) = do.items()
        if isinstance(arg, dict):
            text = f"{verb} " + ", ".join(f"{k}={fmt_value(v)}" for k, v in arg.items())
        elif isinstance(arg, list):
            text = f"{verb} " + ", ".join(scalar(v) for v in arg)
        else:
            text = f"{verb} {scalar(arg)}"
    else:
        text = fmt_value(do, _DO_WIDTH)
    return _truncate(text, _DO_WIDTH)


def step_label(step: dict[str, PlainData] | None, index: int) -> str:
    """``step 3 (click add)`` for a parsed step entry."""
    do = step.get("do") if step else None
    return StepRef(index, do).label if step else f"step {index}"


def _exception_text(value: Any) -> str:
    if not value:
        return "none"
    if isinstance(value, list):
        parts = []
        for e in value:
            if isinstance(e, dict):
                parts.append(f"{e.get('type', '?')}: {e.get('message', '')}")
            else:
                parts.append(str(e))
        return _truncate("; ".join(parts), _VALUE_WIDTH)
    return fmt_value(value)


def _output_fact(old: Any, new: Any) -> str:
    a = _lines(dump_plain(old)) if old not in (None, {}) else []
    b = _lines(dump_plain(new)) if new not in (None, {}) else []
    removed: list[str] = []
    added: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            removed.extend(a[i1:i2])
            added.extend(b[j1:j2])
    if len(removed) == 1 and len(added) == 1:
        return (
            f"output: {_truncate(removed[0].strip(), _VALUE_WIDTH)} → "
            f"{_truncate(added[0].strip(), _VALUE_WIDTH)}"
        )
    parts = []
    if added:
        parts.append(f"+{len(added)} line{'s' if len(added) != 1 else ''}")
    if removed:
        parts.append(f"-{len(removed)} line{'s' if len(removed) != 1 else ''}")
    return "output: " + ", ".join(parts or ["changed"])


def step_facts(old: dict[str, PlainData], new: dict[str, PlainData]) -> list[str]:
    """What changed between two entries of the same step, most telling first."""
    facts: list[str] = []
    if old.get("do") != new.get("do"):
        facts.append(f"do {short_do(old.get('do'))} → {short_do(new.get('do'))}")
    if old.get("callbacks") != new.get("callbacks"):
        facts.append(
            f"callbacks {fmt_value(old.get('callbacks') or [])} → "
            f"{fmt_value(new.get('callbacks') or [])}"
        )
    if old.get("error") != new.get("error"):
        facts.append(f"error {fmt_value(old.get('error'))} → {fmt_value(new.get('error'))}")
    if old.get("exception") != new.get("exception"):
        facts.append(
            f"exception {_exception_text(old.get('exception'))} → "
            f"{_exception_text(new.get('exception'))}"
        )
    old_state = old.get("state")
    new_state = new.get("state")
    if old_state != new_state:
        if isinstance(old_state, dict) and isinstance(new_state, dict):
            for key in sorted(set(old_state) | set(new_state)):
                if key not in new_state:
                    facts.append(f"state.{key} removed (was {fmt_value(old_state[key])})")
                elif key not in old_state:
                    facts.append(f"state.{key} added: {fmt_value(new_state[key])}")
                elif old_state[key] != new_state[key]:
                    facts.append(
                        f"state.{key} {fmt_value(old_state[key])} → {fmt_value(new_state[key])}"
                    )
        else:
            facts.append(f"state {fmt_value(old_state)} → {fmt_value(new_state)}")
    if old.get("output") != new.get("output"):
        facts.append(_output_fact(old.get("output"), new.get("output")))
    if old.get("reruns", 1) != new.get("reruns", 1):
        facts.append(
            f"reruns {fmt_value(old.get('reruns', 1))} → {fmt_value(new.get('reruns', 1))}"
        )
    known = {"step", "do", "callbacks", "state", "output", "exception", "error", "reruns"}
    for key in sorted((set(old) | set(new)) - known):
        if old.get(key) != new.get(key):
            facts.append(f"{key} {fmt_value(old.get(key))} → {fmt_value(new.get(key))}")
    if not facts:
        facts.append("formatting differs")
    return facts


@dataclass(frozen=True)
class Comparison:
    """The result of :func:`compare`.

    Attributes:
        stored_text: the stored snapshot (``None`` when there is none).
        received_text: the snapshot this run produced.
        equal: the two texts are identical (byte for byte).
        first_step: the first step whose section differs (from the received side when it has
            that step), or ``None`` when equal or when only the head of the file differs.
        stored: the stored snapshot parsed (``None`` when missing).
        received: the received snapshot parsed.
        facts: what changed in ``first_step`` (or in the head), as short phrases.
    """

    stored_text: str | None
    received_text: str
    equal: bool
    first_step: StepRef | None
    stored: SnapshotDoc | None
    received: SnapshotDoc
    facts: tuple[str, ...]
    _position: int | None = None

    @property
    def stored_missing(self) -> bool:
        return self.stored_text is None

    def summary_line(self, scenario_path: str | None = None) -> str:
        """One line naming the first diverging step and what changed in it.

        Example: ``scenarios/counter.yaml: step 3 (click add): state.count 2 → 3``.
        """
        where = scenario_path or self.received.scenario
        if self.equal:
            return f"{where}: snapshot matches"
        facts = list(self.facts)
        if len(facts) > _MAX_FACTS:
            facts = [*facts[:_MAX_FACTS], f"+{len(self.facts) - _MAX_FACTS} more"]
        text = "; ".join(facts)
        if self.first_step is not None:
            line = f"{where}: {self.first_step.label}: {text}"
        else:
            line = f"{where}: {text}"
        return _truncate(line, _LINE_WIDTH)

    def _sections(self) -> tuple[list[str], list[str]]:
        stored_head, stored_steps = split_sections(self.stored_text or "")
        received_head, received_steps = split_sections(self.received_text)
        if self._position is None:
            return stored_head, received_head
        pos = self._position
        a = stored_steps[pos][1] if pos < len(stored_steps) else []
        b = received_steps[pos][1] if pos < len(received_steps) else []
        return a, b

    def step_diff(
        self, *, stored_label: str = "stored", received_label: str = "received", context: int = 3
    ) -> str:
        """Unified diff of the first diverging step's section ('' when equal)."""
        if self.equal:
            return ""
        a, b = self._sections()
        suffix = f" {self.first_step.label}" if self.first_step else " (head)"
        return _unified(a, b, stored_label + suffix, received_label + suffix, context)

    def full_diff(
        self, *, stored_label: str = "stored", received_label: str = "received", context: int = 3
    ) -> str:
        """Unified diff of the whole file ('' when equal)."""
        if self.equal:
            return ""
        return _unified(
            _lines(self.stored_text or ""),
            _lines(self.received_text),
            stored_label,
            received_label,
            context,
        )

    def failure_message(self, scenario_path: str | None = None, accept: str | None = None) -> str:
        """Summary line, then the step's diff, then how to accept the change."""
        where = scenario_path or self.received.scenario
        hint = accept or regenerate_hint(where)
        return (
            f"{self.summary_line(scenario_path)}\n\n{self.step_diff()}\n"
            f"accept this change: {hint}\n"
        )


def _unified(a: list[str], b: list[str], from_label: str, to_label: str, context: int) -> str:
    lines = []
    for line in difflib.unified_diff(a, b, from_label, to_label, n=context):
        lines.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(lines)


def compare(
    stored_text: str | None,
    received_text: str,
    *,
    stored_path: str | None = None,
    received_path: str | None = None,
) -> Comparison:
    """Compare stored and received snapshot text.

    Args:
        stored_text: the committed snapshot, or ``None`` (or ``""``) when there is none yet.
        received_text: the snapshot this run produced.
        stored_path: where the stored text came from (for error messages).
        received_path: where the received text came from (for error messages).

    Raises:
        SnapshotError: either text is not a readable snapshot of this format version.
    """
    received = load_snapshot(received_text, received_path)
    if stored_text is not None and not stored_text.strip():
        stored_text = None  # an empty file is as good as none
    if stored_text is None:
        _, sections = split_sections(received_text)
        indexes = [i for i, _ in sections]
        if len(indexes) > 1:
            span = f"steps {indexes[0]}-{indexes[-1]}"
        else:
            span = f"step {indexes[0]}" if indexes else "no steps"
        return Comparison(
            stored_text=None,
            received_text=received_text,
            equal=False,
            first_step=None,
            stored=None,
            received=received,
            facts=(f"no stored snapshot (received {span})",),
        )
    stored = load_snapshot(stored_text, stored_path)
    if stored_text == received_text:
        return Comparison(stored_text, received_text, True, None, stored, received, ())
    stored_head, stored_steps = split_sections(stored_text)
    received_head, received_steps = split_sections(received_text)
    for pos in range(max(len(stored_steps), len(received_steps))):
        a = stored_steps[pos] if pos < len(stored_steps) else None
        b = received_steps[pos] if pos < len(received_steps) else None
        if a == b:
            continue
        old = stored.steps[pos] if pos < len(stored.steps) else None
        new = received.steps[pos] if pos < len(received.steps) else None
        if b is not None and new is not None:
            ref = StepRef(b[0], new.get("do"))
        else:
            assert a is not None and old is not None
            ref = StepRef(a[0], old.get("do"))
        if old is not None and new is not None:
            facts = step_facts(old, new)
        elif old is None:
            last = f"step {stored_steps[-1][0]}" if stored_steps else "no steps"
            facts = [f"new step (stored snapshot ends at {last})"]
        else:
            last = f"step {received_steps[-1][0]}" if received_steps else "no steps"
            facts = [f"step missing (received snapshot ends at {last})"]
        return Comparison(
            stored_text, received_text, False, ref, stored, received, tuple(facts), pos
        )
    # Only the head differs (scenario path, header comment).
    facts = []
    if stored.scenario != received.scenario:
        facts.append(f"scenario {fmt_value(stored.scenario)} → {fmt_value(received.scenario)}")
    if not facts:
        facts.append("header differs" if stored_head != received_head else "formatting differs")
    return Comparison(stored_text, received_text, False, None, stored, received, tuple(facts))
