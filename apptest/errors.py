"""The one error tree of apptest.

Every error the harness raises on purpose is an :class:`ApptestError`. Each keeps its data
(path, line, column, step, key) so callers can render it however they like; ``str(error)``
is the human message in one shape: *where → what, as the user wrote it → valid alternatives
→ one fix*.

Errors raised by the *app script* are not here: they are app behaviour, recorded as exception
elements, exactly as Streamlit shows them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "ApptestError",
    "InteractionError",
    "Problem",
    "ScenarioError",
    "ScriptTimeoutError",
    "SnapshotError",
    "UnknownTargetError",
]


class ApptestError(Exception):
    """Base class of every error apptest raises itself."""


@dataclass(frozen=True)
class Problem:
    """One problem found in a scenario file, with its location.

    ``line`` and ``column`` are 1-based; ``step`` is the 1-based step index (``None`` when
    the problem is not inside a step).
    """

    path: str
    line: int | None
    column: int | None
    message: str
    step: int | None = None
    hint: str | None = None

    def where(self) -> str:
        loc = self.path
        if self.line is not None:
            loc += f":{self.line}"
            if self.column is not None:
                loc += f":{self.column}"
        if self.step is not None:
            loc += f" (step {self.step})"
        return loc

    def __str__(self) -> str:
        text = f"{self.where()}: {self.message}"
        if self.hint:
            text += f"\n    fix: {self.hint}"
        return text


class ScenarioError(ApptestError, ValueError):
    """A scenario file is invalid. Holds every problem found, not only the first."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems: list[Problem] = problems if isinstance(problems, list) else [problems]
        super().__init__(str(self))

    @property
    def path(self) -> str:
        return self.problems[0].path if self.problems else ""

    def __str__(self) -> str:
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in scenario file"
        return head + ":\n" + "\n".join(f"  {p}" for p in self.problems)


@dataclass
class InteractionError(ApptestError, ValueError):
    """A step asked for something a user could not do (impossible value, disabled widget...).

    Subclasses ``ValueError`` so code that already catches bad values keeps working.
    """

    message: str
    step: int | None = None
    path: str | None = None
    line: int | None = None
    alternatives: list[str] = field(default_factory=list)
    hint: str | None = None

    def __post_init__(self) -> None:
        Exception.__init__(self, self.message)

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "")
        if self.step is not None:
            where += f" (step {self.step})" if where else f"step {self.step}"
        text = f"{where}: {self.message}" if where else self.message
        if self.alternatives:
            text += "\n    valid: " + ", ".join(self.alternatives)
        if self.hint:
            text += f"\n    fix: {self.hint}"
        return text


class UnknownTargetError(InteractionError, LookupError):
    """A step names a widget that is not in the current run."""


class ScriptTimeoutError(ApptestError, RuntimeError):
    """The app script ran longer than the allowed time for one run.

    Its message matches Streamlit's AppTest: ``AppTest script run timed out after 3(s)``.
    """

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        super().__init__(f"AppTest script run timed out after {timeout}(s)")


class SnapshotError(ApptestError, ValueError):
    """A stored snapshot cannot be read (wrong format version, corrupt file)."""
