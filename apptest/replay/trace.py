"""Trace records: what one replayed scenario produced, step by step.

A trace is engine-neutral plain data. Every value in it is already *plain*: ``None``, ``bool``,
``int``, ``float``, ``str``, ``list`` or ``dict`` with ``str`` keys (see
:func:`apptest.snapshot.plain.plain`), captured at the end of the step, so later mutation by the
app cannot change a recorded step.

A replay keeps each step's content (``do``, ``callbacks``, ``state``, ``output``,
``exception``) packed: :mod:`marshal` bytes, deflated against an earlier step of the same
replay (a *key step*, kept as it is), so a long scenario costs about what changes from step to
step. The attributes decode on access, and each access returns new objects.
"""

from __future__ import annotations

import marshal
import zlib
from dataclasses import FrozenInstanceError, dataclass, field
from typing import Any

__all__ = ["StepPacker", "StepRecord", "Trace", "step_content"]

# The fields kept in a record's packed content, in packing order.
_PACKED_FIELDS = ("do", "callbacks", "state", "output", "exception")
# Version 2 writes no back-references, so equal values give equal bytes wherever they appear:
# that is what lets a step deflate to its differences from the key step.
_MARSHAL_VERSION = 2
# A step whose deflated size exceeds this share of its marshal size differs too much from the
# key step: it is kept as it is and becomes the key step of those that follow.
_KEY_RATIO = 4
# Deflate level: 2 deflates these small steps nearly as well as 6, in two thirds of the time.
_LEVEL = 2
# The window deflate needs beyond the key step and the step (zlib's MIN_LOOKAHEAD).
_LOOKAHEAD = 262


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

    A record made by a replay keeps ``do``, ``callbacks``, ``state``, ``output`` and
    ``exception`` packed (see the module docstring): reading one decodes it into new objects.
    A record built directly holds the given objects.
    """

    index: int
    do: Any
    callbacks: tuple[str, ...] = ()
    state: dict[str, Any] = field(default_factory=dict)
    output: dict[str, Any] = field(default_factory=dict)
    exception: tuple[dict[str, Any], ...] = ()
    error: str | None = None
    reruns: int = 1

    def __init__(
        self,
        index: int,
        do: Any,
        callbacks: tuple[str, ...] = (),
        state: dict[str, Any] | None = None,
        output: dict[str, Any] | None = None,
        exception: tuple[dict[str, Any], ...] = (),
        error: str | None = None,
        reruns: int = 1,
    ) -> None:
        content = (do, callbacks, {} if state is None else state, {} if output is None else output, exception)
        _init(self, index, content, None, error, reruns)


def _init(record: StepRecord, index: int, content: bytes | tuple[Any, ...], key: bytes | None, error: str | None,
          reruns: int) -> None:
    # ``content`` is the fields' values as a tuple, marshal bytes (``key`` None) or bytes
    # deflated against ``key``.
    setattr_ = object.__setattr__
    setattr_(record, "index", index)
    setattr_(record, "_content", content)
    setattr_(record, "_key", key)
    setattr_(record, "error", error)
    setattr_(record, "reruns", reruns)


def step_content(record: StepRecord) -> tuple[Any, tuple[str, ...], dict[str, Any], dict[str, Any],
                                               tuple[dict[str, Any], ...]]:
    """``(do, callbacks, state, output, exception)`` of a record, decoded once for all five."""
    data = record.__dict__["_content"]
    if type(data) is tuple:
        return data
    key = record.__dict__["_key"]
    if key is not None:
        data = zlib.decompressobj(-15, zdict=key).decompress(data)
    return marshal.loads(data)  # type: ignore[no-any-return]


class _PackedField:
    """One of the fields a record keeps packed: decoded from the record's content when read."""

    __slots__ = ("name", "position")

    def __init__(self, name: str, position: int) -> None:
        self.name = name
        self.position = position

    def __get__(self, record: StepRecord | None, owner: type[Any] | None = None) -> Any:
        if record is None:
            return self
        return step_content(record)[self.position]

    def __set__(self, record: StepRecord, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {self.name!r}")


for _position, _name in enumerate(_PACKED_FIELDS):
    setattr(StepRecord, _name, _PackedField(_name, _position))
del _position, _name


class StepPacker:
    """Builds the packed records of one replay, step after step.

    Each step's content (plain data, as the engine captures it) is marshalled, then deflated
    with the current key step as the preset dictionary; a step that does not shrink to a
    fraction of its size is kept marshalled and becomes the key step. Content that
    :mod:`marshal` cannot write is kept as it is.
    """

    def __init__(self) -> None:
        self._key: bytes | None = None
        # A compressor primed with the key step; each step deflates with a copy of it.
        self._deflate: Any = None

    def record(
        self,
        index: int,
        do: Any,
        callbacks: tuple[str, ...],
        state: dict[str, Any],
        output: dict[str, Any],
        exception: tuple[dict[str, Any], ...],
        error: str | None = None,
        reruns: int = 1,
    ) -> StepRecord:
        content = (do, callbacks, state, output, exception)
        try:
            raw = marshal.dumps(content, _MARSHAL_VERSION)
        except ValueError:  # not plain data, or nested too deeply: kept as it is
            return _record(index, content, None, error, reruns)
        key = self._key
        if key is not None:
            if self._deflate is None:
                # A window for the key step and a step of about its size; a larger step can
                # only match the key with its first part, deflates worse and becomes a key step.
                wbits = min(15, max(9, (2 * len(key) + _LOOKAHEAD).bit_length()))
                self._deflate = zlib.compressobj(
                    _LEVEL, zlib.DEFLATED, -wbits, max(1, wbits - 8), zlib.Z_DEFAULT_STRATEGY, key
                )
            deflate = self._deflate.copy()
            packed: bytes = deflate.compress(raw) + deflate.flush()
            if len(packed) * _KEY_RATIO <= len(raw):
                return _record(index, packed, key, error, reruns)
        self._key = raw
        self._deflate = None
        return _record(index, raw, None, error, reruns)


def _record(index: int, content: bytes | tuple[Any, ...], key: bytes | None, error: str | None,
            reruns: int) -> StepRecord:
    record: StepRecord = object.__new__(StepRecord)
    _init(record, index, content, key, error, reruns)
    return record


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
