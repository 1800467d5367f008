"""What a scenario file says, as frozen records.

The loader (:mod:`apptest.scenario.loader`) builds these from a YAML file after validating the
whole file; nothing here reads files except :meth:`Scenario.app_source`.

Example:
    >>> from apptest.scenario import load_scenario_text
    >>> sc = load_scenario_text("version: 1\\nscript: import streamlit as st\\nsteps: [rerun]")
    >>> sc.steps[0].kind, sc.steps[0].raw
    ('rerun', 'rerun')
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

__all__ = [
    "NOT_GIVEN",
    "STEP_KINDS",
    "Expect",
    "NotGiven",
    "Options",
    "Scenario",
    "Setup",
    "Step",
]

#: The step kinds of format version 1, in the order the docs list them.
STEP_KINDS: Final[tuple[str, ...]] = ("click", "set", "submit", "state", "rerun", "expect")


class NotGiven(enum.Enum):
    """Type of the :data:`NOT_GIVEN` sentinel (an enum so type checkers can narrow it)."""

    NOT_GIVEN = "NOT_GIVEN"

    def __repr__(self) -> str:
        return "NOT_GIVEN"


#: Marks an optional expectation that the scenario does not make (``exception`` only: there
#: ``None`` means "no exception was shown", which is a real expectation).
NOT_GIVEN: Final = NotGiven.NOT_GIVEN


@dataclass(frozen=True)
class Expect:
    """The assertions of one ``expect`` step; ``None`` / :data:`NOT_GIVEN` = not asserted.

    Attributes:
        state: each key is in session state with that value.
        absent: none of these keys is in session state.
        text: each substring appears in the rendered output.
        widgets: each widget (TARGET, as in ``set``) has that current value.
        exception: ``None``: no exception was shown; a string: an exception whose type or
            message contains it; :data:`NOT_GIVEN`: not asserted.
    """

    state: dict[str, Any] | None = None
    absent: list[str] | None = None
    text: list[str] | None = None
    widgets: dict[str, Any] | None = None
    exception: str | Literal[NotGiven.NOT_GIVEN] | None = NOT_GIVEN


@dataclass(frozen=True)
class Step:
    """One step of a scenario.

    Attributes:
        kind: one of :data:`STEP_KINDS`.
        arg: the argument as written: ``click``/``submit``: the target string; ``set``/``state``:
            a dict TARGET -> value; ``rerun``: ``None``; ``expect``: an :class:`Expect`.
        index: 1-based position in ``steps`` (step 0 is the initial load).
        line: 1-based line of the step in the scenario file.
        column: 1-based column of the step in the scenario file.
        raw: the step exactly as written, as plain data (``{"click": "add"}`` or ``"rerun"``),
            for display in snapshots.
        positions: (line, column) of each entry, so an error about one entry can point at it.
            ``set``/``state``: keyed by TARGET. ``expect``: keyed by the expect key
            (``"state"``, ``"text"``, ...) and by ``"<key>.<entry>"`` for the entries of
            ``state``/``widgets`` (``"widgets.name"``) and ``absent``/``text`` (``"text.0"``).
    """

    kind: str
    arg: Any
    index: int
    line: int
    column: int
    raw: Any
    positions: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    def describe(self) -> str:
        """A short one-line description, e.g. ``click add`` or ``set name, agree``."""
        if self.kind in ("click", "submit"):
            return f"{self.kind} {self.arg}"
        if self.kind in ("set", "state") and isinstance(self.arg, dict):
            return f"{self.kind} " + ", ".join(str(k) for k in self.arg)
        return self.kind


@dataclass(frozen=True)
class Setup:
    """State before the first run (all mappings; empty when not given)."""

    session_state: dict[str, Any] = field(default_factory=dict)
    query_params: dict[str, Any] = field(default_factory=dict)
    secrets: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Options:
    """Per-scenario settings.

    Attributes:
        timeout: seconds allowed for one run of the script.
    """

    timeout: float = 3.0


@dataclass(frozen=True)
class Scenario:
    """A validated scenario file.

    Attributes:
        path: the scenario file as given to the loader (``"<string>"`` for text).
        name: display name; the file's stem unless the file says otherwise.
        description: free text, or ``None``.
        app: absolute path of the app script (when the file gives ``app``), else ``None``.
        script: the inline app source (when the file gives ``script``), else ``None``.
        setup: state before the first run.
        options: per-scenario settings.
        steps: the steps, in order (``index`` 1..n).
        source_line_of_app: 1-based line in the scenario file where the app is given: for
            ``script``, the line holding the script's first line (for a ``|`` block, script
            line N is scenario line ``source_line_of_app + N - 1``); for ``app``, the line of
            the path. ``None`` for scenarios not built by the loader.
    """

    path: str
    name: str
    description: str | None = None
    app: Path | None = None
    script: str | None = None
    setup: Setup = field(default_factory=Setup)
    options: Options = field(default_factory=Options)
    steps: tuple[Step, ...] = ()
    source_line_of_app: int | None = None

    def app_source(self) -> tuple[str, str]:
        """The app's source text and the filename to compile it under (for tracebacks).

        For ``app`` this reads the file (honouring a PEP 263 encoding cookie) and the filename
        is its absolute path. For an inline ``script`` the filename is
        ``"<script in PATH>"`` (angle brackets: not a real file).

        Raises:
            ScenarioError: the app file cannot be read (e.g. deleted since loading).
        """
        if self.script is not None:
            return self.script, f"<script in {self.path}>"
        if self.app is None:
            from apptest.errors import Problem, ScenarioError

            raise ScenarioError(
                Problem(self.path, None, None, "the scenario names no app", hint="add 'app: PATH'")
            )
        import tokenize

        try:
            with tokenize.open(self.app) as fh:
                return fh.read(), str(self.app)
        except (OSError, SyntaxError, UnicodeDecodeError) as exc:
            from apptest.errors import Problem, ScenarioError

            raise ScenarioError(
                Problem(
                    self.path,
                    self.source_line_of_app,
                    None,
                    f"cannot read the app file {str(self.app)!r}: {exc}",
                    hint="check that the app file exists, is readable and is UTF-8 (or declares its encoding)",
                )
            ) from None
