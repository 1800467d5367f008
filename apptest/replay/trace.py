"""Trace records: what one replayed scenario produced, step by step.

A trace is engine-neutral plain data. Every value in it is already *plain*: ``None``, ``bool``,
``int``, ``float``, ``str``, ``list`` or ``dict`` with ``str`` keys (see
:func:`apptest.snapshot.plain.plain`), captured at the end of the step, so later mutation by the
app cannot change a recorded step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["StepRecord", "Trace"]


@dataclass(frozen=True)
class StepRecord:
    """The observable result of one step.

    Attributes:
        index: 0 for the initial load, then 1.. for the scenario's steps.
        do: the step as written in the scenario (``"load"`` for step 0), e.g. ``{"click": "add"}``.
        callbacks: names of the callbacks that ran, in order (function ``__qualname__``).
        state: the session state after the run (the filtered view: user keys and keyed widgets),
            as plain data. Keys are strings.
        output: the rendered output as plain data: ``{"main": [...], "sidebar": [...], ...}``,
            only non-empty roots, each a list of nodes in document order. A node is a one-key
            mapping ``{element_type: body}`` where body is a scalar (e.g. markdown text) or a
            mapping of the few properties that change what is shown (``key``, ``label``,
            ``value``, ...). Containers hold their children under ``children`` (a list of nodes)
            or, for columns/tabs, a list of lists.
        exception: the exceptions shown in that run, each ``{"type": ..., "message": ...}``;
            empty when none.
        error: a harness error that stopped the scenario at this step (unknown target, timeout,
            impossible value), as its message; ``None`` normally.
        reruns: how many times the script body ran for this step (``st.rerun()`` chains).
    """

    index: int
    do: Any
    callbacks: tuple[str, ...] = ()
    state: dict[str, Any] = field(default_factory=dict)
    output: dict[str, Any] = field(default_factory=dict)
    exception: tuple[dict[str, Any], ...] = ()
    error: str | None = None
    reruns: int = 1


@dataclass
class Trace:
    """All step records of one scenario replay, plus the scenario's identity."""

    scenario: str  # the scenario path as given, posix style, relative to the project root
    name: str
    steps: list[StepRecord] = field(default_factory=list)
    description: str | None = None
    # ``expect`` steps that did not hold: (step index, message). Not part of the snapshot: an
    # expectation is the author's assertion, checked on every replay, including an update.
    expectation_failures: list[tuple[int, str]] = field(default_factory=list)

    @property
    def failed_step(self) -> StepRecord | None:
        """The step at which a harness error stopped the replay, if any."""
        for s in self.steps:
            if s.error is not None:
                return s
        return None
