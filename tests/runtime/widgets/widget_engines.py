"""Run one widget script in apptest's ``Session`` and in Streamlit's ``AppTest``, side by side.

Our side is driven the way AppTest drives Streamlit: after the first run every rendered
widget's wire value is re-sent, with the staged ones replaced (a form's staged values count only
when one of its submit buttons is clicked). Each test compares what the script shows (``st.text``
lines), the exceptions (type and message) and the filtered session state after every run.

Steps: ``("run",)``; ``("set", kind, index, value[, wire])`` (AppTest gets the value; we get the
wire value, or the widget's serializer applied to the value); ``("act", kind, index,
apptest_action, our_wire)``; ``("ss", key, value)`` (a write between runs); ``("click", index)``;
``("inc", index)`` / ``("dec", index)`` (number_input steps).
"""

from __future__ import annotations

import enum
import textwrap
from collections.abc import Iterator
from typing import Any

import pytest

from apptest.runtime.elements import Block, Element
from apptest.runtime.session import Script, Session

AppTest = pytest.importorskip("streamlit.testing.v1").AppTest

Step = tuple[Any, ...]
R: Step = ("run",)
ROOTS = ("main", "sidebar", "event", "bottom")
# AppTest's accessor names whose element type differs in our tree.
_OUR_TYPE = {"datetime_input": "date_time_input"}


def walk(block: Block) -> Iterator[Element]:
    for c in block.children:
        if isinstance(c, Block):
            yield from walk(c)
        else:
            yield c


def norm(v: Any) -> Any:
    """Values that differ only by identity: uploaded files compare by content (AppTest draws
    file ids at random), chat values by their mapping, enum members of the script's own
    (re-created) classes by repr."""
    if hasattr(v, "file_id") and hasattr(v, "getvalue"):
        return ("UploadedFile", v.name, v.type, v.size, v.getvalue())
    if type(v).__name__ == "ChatInputValue":
        return ("ChatInputValue", norm(v.to_dict()))
    if isinstance(v, enum.Enum):
        return repr(v)
    if isinstance(v, dict):
        return {k: norm(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return type(v)(norm(x) for x in v)
    return v


class Ours:
    """Drives a Session as AppTest drives Streamlit."""

    def __init__(self, src: str) -> None:
        self.session = Session(Script.from_string(src))
        self.pending: dict[str, Any] = {}
        self.first = True

    def elements(self, kind: str | None = None) -> list[Element]:
        out: list[Element] = []
        for root in ROOTS:
            out.extend(e for e in walk(self.session.roots[root]) if kind is None or e.type == kind)
        return out

    def widget(self, kind: str, index: int) -> Element:
        return self.elements(_OUR_TYPE.get(kind, kind))[index]

    def run(self) -> None:
        if self.first:
            self.first = False
            self.session.run(None)
            return
        state = self.session.state
        submitted = {
            el.props["form_id"]
            for el in self.elements("button")
            if el.props.get("is_form_submitter") and el.props["id"] in self.pending
        }
        ws: dict[str, Any] = {}
        for el in self.elements():
            wid = el.props.get("id")
            if wid is None or wid not in state.meta:
                continue
            staged = wid in self.pending and (not el.props.get("form_id") or el.props["form_id"] in submitted)
            ws[wid] = self.pending[wid] if staged else state.frontend_value(wid)
        self.pending = {}
        self.session.run(ws)

    def wire(self, kind: str, index: int, wire: Any) -> None:
        self.pending[self.widget(kind, index).props["id"]] = wire

    def set_value(self, kind: str, index: int, value: Any) -> None:
        wid = self.widget(kind, index).props["id"]
        self.pending[wid] = self.session.state.meta[wid].serializer(value)

    def click(self, index: int) -> None:
        self.pending[self.elements("button")[index].props["id"]] = True

    def step_number(self, index: int, sign: int) -> None:
        props = self.widget("number_input", index).props
        v = props["value"]
        if v is None:
            return
        if sign > 0:
            v = min(v + float(props["step"]), props["max"] or float("inf"))
        else:
            v = max(v - float(props["step"]), props["min"] or float("-inf"))
        self.set_value("number_input", index, v)

    def observe(self) -> dict[str, Any]:
        els = self.elements()
        return {
            "text": [e.props["body"] for e in els if e.type == "text"],
            "exceptions": [(e.props["type"], e.props["message"]) for e in els if e.type == "exception"],
            "state": norm(self.session.state.filtered_state()),
        }


class Theirs:
    """Streamlit's own AppTest, through its public API."""

    def __init__(self, src: str) -> None:
        self.at = AppTest.from_string(src, default_timeout=10)

    def run(self) -> None:
        self.at.run()

    def set_value(self, kind: str, index: int, value: Any) -> None:
        getattr(self.at, kind)[index].set_value(value)

    def click(self, index: int) -> None:
        self.at.button[index].click()

    def step_number(self, index: int, sign: int) -> None:
        w = self.at.number_input[index]
        if sign > 0:
            w.increment()
        else:
            w.decrement()

    def observe(self) -> dict[str, Any]:
        return {
            "text": [t.value for t in self.at.text],
            "exceptions": [(e.proto.type, e.value) for e in self.at.exception],
            "state": norm(self.at.session_state.to_dict()),
        }


def apply_step(engine: Ours | Theirs, step: Step) -> None:
    op = step[0]
    if op == "run":
        engine.run()
    elif op == "set":
        if isinstance(engine, Ours) and len(step) > 4:
            engine.wire(step[1], step[2], step[4])
        else:
            engine.set_value(step[1], step[2], step[3])
    elif op == "act":
        _, kind, index, action, wire = step
        if isinstance(engine, Ours):
            engine.wire(kind, index, wire)
        else:
            action(getattr(engine.at, kind)[index])
    elif op == "ss":
        if isinstance(engine, Ours):
            engine.session.state.set_from_outside(step[1], step[2])
        else:
            engine.at.session_state[step[1]] = step[2]
    elif op == "click":
        engine.click(step[1])
    elif op in ("inc", "dec"):
        engine.step_number(step[1], 1 if op == "inc" else -1)
    else:  # pragma: no cover - a typo in a test
        raise ValueError(op)


def both(src: str, *steps: Step) -> list[dict[str, Any]]:
    """Run ``src`` then each step in both engines; assert equal observations after every run."""
    src = textwrap.dedent(src)
    ours, theirs = Ours(src), Theirs(src)
    observations = []
    for step in (R, *steps):
        apply_step(ours, step)
        apply_step(theirs, step)
        if step[0] == "run":
            a, b = ours.observe(), theirs.observe()
            assert a == b, f"after {len(observations) + 1} run(s)"
            observations.append(a)
    return observations


def ours_only(src: str, *steps: Step) -> list[dict[str, Any]]:
    """Run in our Session only (for interactions AppTest itself cannot express)."""
    ours = Ours(textwrap.dedent(src))
    observations = []
    for step in (R, *steps):
        apply_step(ours, step)
        if step[0] == "run":
            observations.append(ours.observe())
    return observations
