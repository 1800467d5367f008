"""Widget call plans: a rerun that repeats a widget call reuses the work of the first call.

Every test here runs the same script and interactions twice, with plans and with plans turned
off (every call does all of its work, as on a first run), and requires identical results: ids,
element properties, session state, values returned to the app, exceptions and log records.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from apptest.runtime.session import Script, Session
from apptest.runtime.streamlit_api import core, widgets_basic, widgets_numeric, widgets_selection

_PLANNED_MODULES = (core, widgets_basic, widgets_numeric, widgets_selection)


@pytest.fixture
def no_plans(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], None]]:
    """Call the returned function to turn plans off for the rest of the test."""

    def off() -> None:
        for module in _PLANNED_MODULES:
            if hasattr(module, "keep_plan"):
                monkeypatch.setattr(module, "keep_plan", lambda key, plan: None)
            if hasattr(module, "get_plan"):
                monkeypatch.setattr(module, "get_plan", lambda key: None)

    core._PLANS.clear()
    yield off
    core._PLANS.clear()


def _observe(session: Session) -> dict[str, Any]:
    def node(n: Any) -> Any:
        if n.is_block:
            return (n.type, dict(n.props), [node(c) for c in n.children])
        props = {k: v for k, v in n.props.items() if k != "exception"}
        return (n.type, props)

    result = session.last_result
    return {
        "tree": {name: node(root) for name, root in session.roots.items()},
        "state": session.state.filtered_state(),
        "exception": None if result is None or result.exception is None
        else (type(result.exception).__name__, str(result.exception)),
        "callbacks": None if result is None else list(result.callbacks),
    }


def _drive(source: str, steps: list[Callable[[Session], dict[str, Any] | None]]) -> list[dict[str, Any]]:
    """Run the script, then each step's widget states (or a plain rerun for None)."""
    core._shown_default_value_warning = False  # a once-per-process warning, as in Streamlit
    session = Session(Script.from_string(source, "<plans>"))
    session.run({})
    seen = [_observe(session)]
    for step in steps:
        states = step(session)
        session.run(states)
        seen.append(_observe(session))
    return seen


def _widgets(session: Session, type_: str) -> list[Any]:
    out: list[Any] = []

    def walk(b: Any) -> None:
        for c in b.children:
            if c.is_block:
                walk(c)
            elif c.type == type_:
                out.append(c)

    for root in session.roots.values():
        walk(root)
    return out


def _echo(session: Session, **changes: Any) -> dict[str, Any]:
    """The frontend message: every widget's current wire value, some changed (by type:index)."""
    state = session.state
    states = {wid: m.serializer(state[wid]) for wid, m in state.meta.items() if m.value_type != "trigger_value"}
    for spec, value in changes.items():
        type_, _, index = spec.rpartition("_")
        w = _widgets(session, type_)[int(index)]
        states[w.props["id"]] = value
    return states


class _Records(logging.Handler):
    """Collects the warnings of the loggers the widgets use (Streamlit's own logging setup, when
    the real package is imported in the same process, stops them from reaching the root logger)."""

    LOGGERS = ("streamlit.elements.lib.policies", "streamlit.elements.widgets.number_input")

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def __enter__(self) -> _Records:
        self._saved = []
        for name in self.LOGGERS:
            logger = logging.getLogger(name)
            self._saved.append((logger, logger.level, logger.disabled))
            logger.setLevel(logging.WARNING)
            logger.disabled = False
            logger.addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        for logger, level, disabled in self._saved:
            logger.removeHandler(self)
            logger.setLevel(level)
            logger.disabled = disabled


def _same_with_and_without_plans(
    no_plans: Callable[[], None], source: str, steps: list[Callable[[Session], dict[str, Any] | None]],
    logs: list[str] | None = None,
) -> list[dict[str, Any]]:
    with _Records() as records:
        with_plans = _drive(source, steps)
    assert core._PLANS, "the script made no planned widget call"
    no_plans()
    with _Records() as records_without:
        without = _drive(source, steps)
    assert with_plans == without
    assert records.messages == records_without.messages
    if logs is not None:
        logs.extend(records.messages)
    return with_plans


def _reruns(n: int) -> list[Callable[[Session], dict[str, Any] | None]]:
    return [lambda s: _echo(s) for _ in range(n)]


WIDE = """
import streamlit as st
for i in range(3):
    st.checkbox(f"Check {i}")
    st.toggle(f"Toggle {i}")
    st.slider(f"Slide {i}", 0, 100, 50)
    st.slider(f"Float {i}", 0.0, 1.0, 0.5)
    st.text_input(f"Text {i}")
    st.text_area(f"Area {i}", height=100 + i)
    st.selectbox(f"Pick {i}", ["a", "b", "c"])
    st.number_input(f"Number {i}", 0, 1000, 5)
    st.number_input(f"Real {i}", value=1.5)
    st.button(f"Button {i}")
    st.radio(f"Radio {i}", ["x", "y", 3], index=i % 3, horizontal=bool(i % 2),
             captions=["cx", "cy", "c3"] if i == 1 else None)
    st.multiselect(f"Many {i}", ["p", "q", "r", 4], default=[["p"], "q", None][i], max_selections=2 if i else None)
"""


def test_reruns_and_changes_give_the_same_tree_and_state(no_plans: Callable[[], None]) -> None:
    steps: list[Callable[[Session], dict[str, Any] | None]] = [
        lambda s: _echo(s, checkbox_1=True),
        lambda s: _echo(s, slider_2=[75.0]),
        lambda s: _echo(s, text_input_0="hello"),
        lambda s: _echo(s, text_area_2="lines\nof text"),
        lambda s: _echo(s, selectbox_1="c"),
        lambda s: _echo(s, radio_1="3"),
        lambda s: _echo(s, radio_2="x"),
        lambda s: _echo(s, multiselect_0=["q", "4"]),
        lambda s: _echo(s, multiselect_1=["p", "q", "r"]),
        lambda s: _echo(s, number_input_2=7),
        lambda s: {**_echo(s), _widgets(s, "button")[0].props["id"]: True},
        lambda s: _echo(s),
        lambda s: None,
    ]
    seen = _same_with_and_without_plans(no_plans, WIDE, steps)
    assert seen[-1]["tree"]["main"][2][0][0] == "checkbox"


def test_equal_values_of_other_types_are_other_widgets(no_plans: Callable[[], None]) -> None:
    # 1, 1.0 and True are equal (and hash alike) but their str() differs, and so do the ids.
    source = """
import streamlit as st
n = st.session_state.get("n", 0)
st.session_state.n = n + 1
default = [1, 1.0, True, 1, -0.0, 0.0][n % 6]
st.number_input("Amount", value=float(default) if isinstance(default, bool) else default)
st.checkbox("Flag", value=[True, 1, True, False, 0, False][n % 6])
st.text_input("Note", value=[1, 1.0, "1", True, 1, "x"][n % 6])
st.slider("Level", 0, 10, [1, 1, True, 1, 2, 2][n % 6])
st.selectbox("Choice", [[1, 2], [1.0, 2.0], [True, 2], ["1", "2"], [1, 2], [0.0, -0.0]][n % 6])
st.write(st.session_state.to_dict())
"""
    _same_with_and_without_plans(no_plans, source, _reruns(8))


def test_a_widget_moving_between_form_sidebar_and_main(no_plans: Callable[[], None]) -> None:
    source = """
import streamlit as st
n = st.session_state.get("n", 0)
st.session_state.n = n + 1
where = n % 3
if where == 0:
    st.checkbox("Moving")
    st.slider("Also", 0, 5, 1)
elif where == 1:
    st.sidebar.checkbox("Moving")
    st.sidebar.slider("Also", 0, 5, 1)
else:
    with st.form("f"):
        st.checkbox("Moving")
        st.slider("Also", 0, 5, 1)
        st.form_submit_button("Go")
"""
    _same_with_and_without_plans(no_plans, source, _reruns(7))


def test_keyed_widgets_follow_session_state(no_plans: Callable[[], None]) -> None:
    source = """
import streamlit as st
n = st.session_state.get("n", 0)
st.session_state.n = n + 1
if n % 3 == 1:
    st.session_state.t = None
    st.session_state.num = None
    st.session_state.pick = None
if n % 3 == 2:
    st.session_state.s = 9
    st.session_state.c = True
st.text_input("T", key="t")
st.number_input("Num", 0, 100, 3, key="num")
st.selectbox("Pick", ["x", "y"], key="pick")
st.slider("S", 0, 10, key="s")
st.checkbox("C", key="c")
st.write(st.session_state.to_dict())
"""
    _same_with_and_without_plans(no_plans, source, _reruns(7))


def test_callbacks_are_the_latest_ones_with_their_arguments(no_plans: Callable[[], None]) -> None:
    source = """
import streamlit as st
st.session_state.setdefault("log", [])
n = len(st.session_state.log)
def note(tag, extra=None):
    st.session_state.log.append((tag, n, extra))
st.checkbox("C", on_change=note, args=("c",))
st.text_input("T", on_change=note, args=("t",), kwargs={"extra": n})
st.button("B", on_click=note, args=("b",))
st.slider("S", 0, 9, 1, on_change=(lambda: note("s")) if n % 2 else note, args=None if n % 2 else ("s2",))
st.write(st.session_state.log)
"""
    steps: list[Callable[[Session], dict[str, Any] | None]] = [
        lambda s: _echo(s, checkbox_0=True),
        lambda s: _echo(s, text_input_0="a"),
        lambda s: {**_echo(s), _widgets(s, "button")[0].props["id"]: True},
        lambda s: _echo(s, slider_0=[4.0]),
        lambda s: _echo(s, slider_0=[5.0]),
        lambda s: _echo(s, text_input_0="b"),
    ]
    seen = _same_with_and_without_plans(no_plans, source, steps)
    callbacks = [c for step in seen for c in (step["callbacks"] or [])]
    assert callbacks == ["note", "note", "note", "<lambda>", "note", "note"]


def test_errors_and_warnings_repeat_on_every_run(no_plans: Callable[[], None]) -> None:
    source = """
import streamlit as st
n = st.session_state.get("n", 0)
st.session_state.n = n + 1
st.checkbox("")
st.number_input("Int shown as float", value=3, format="%0.2f")
st.text_input("Same")
if n % 2:
    st.text_input("Same")
"""
    logged: list[str] = []
    seen = _same_with_and_without_plans(no_plans, source, _reruns(4), logged)
    assert [step["exception"] and step["exception"][0] for step in seen] == [
        None, "StreamlitDuplicateElementId", None, "StreamlitDuplicateElementId", None,
    ]
    assert sum("`label` got an empty value" in m for m in logged) == 5
    assert sum("displayed as int despite format string" in m for m in logged) == 5


def test_out_of_range_and_disabled_values(no_plans: Callable[[], None]) -> None:
    source = """
import streamlit as st
n = st.session_state.get("n", 0)
st.session_state.n = n + 1
if n == 2:
    st.session_state.num = 500
st.number_input("Num", 0, 10, 3, key="num")
st.checkbox("D", disabled=bool(n % 2))
st.slider("S", 0, 10, 2, disabled=bool(n % 2))
"""
    steps: list[Callable[[Session], dict[str, Any] | None]] = [
        lambda s: _echo(s, checkbox_0=True),
        lambda s: _echo(s, slider_0=[8.0]),
        lambda s: _echo(s, number_input_0=20),
        lambda s: _echo(s),
        lambda s: _echo(s, checkbox_0=False),
    ]
    _same_with_and_without_plans(no_plans, source, steps)


def test_only_the_default_format_func_is_planned(no_plans: Callable[[], None], tmp_path: Any) -> None:
    # Another format_func may read state that changes between runs (here: a module's dict and a
    # bound dict.get) and its labels are part of the id and the element: no plan for those.
    (tmp_path / "fruit_labels.py").write_text(
        "LABELS = {'a': 'Apple', 'b': 'Banana'}\ndef fmt(x):\n    return LABELS[x]\n", encoding="utf-8")
    source = f"""
import sys
sys.path.insert(0, {str(tmp_path)!r})
import streamlit as st
import fruit_labels
n = st.session_state.get("n", 0)
st.session_state.n = n + 1
if n == 0:
    fruit_labels.LABELS.update(a="Apple", b="Banana")
if n == 1:
    fruit_labels.LABELS.update(a="Pomme", b="Banane")
labels = st.session_state.setdefault("labels", {{"a": "Apple", "b": "Banana"}})
if n == 2:
    labels["a"] = "Apricot"
st.radio("Imported", ["a", "b"], format_func=fruit_labels.fmt)
st.selectbox("Bound", ["a", "b"], format_func=labels.get)
st.multiselect("Script", ["a", "b"], format_func=lambda x: x * 2)
st.selectbox("Default", ["a", "b"])
"""
    seen = _same_with_and_without_plans(no_plans, source, _reruns(3))
    assert {plan.label for plan in core._PLANS.values()} <= {"Default"}
    radio = seen[-1]["tree"]["main"][2][0]
    assert radio[0] == "radio" and radio[1]["options"] == ["Pomme", "Banane"]
    sys.modules.pop("fruit_labels", None)


def test_negative_zero_options_are_not_the_zero_plan(no_plans: Callable[[], None]) -> None:
    source = """
import streamlit as st
n = st.session_state.get("n", 0)
st.session_state.n = n + 1
opts = [0.0, 1.0] if n % 2 == 0 else [-0.0, 1.0]
st.selectbox("S", opts)
st.radio("R", opts, captions=["zero", "one"])
st.multiselect("M", opts, default=[opts[0]])
st.selectbox("Plain", ["x"])
"""
    seen = _same_with_and_without_plans(no_plans, source, _reruns(3))
    assert seen[1]["tree"]["main"][2][0][1]["options"] == ["-0.0", "1.0"]


def test_element_lists_are_not_shared_between_runs(no_plans: Callable[[], None]) -> None:
    source = 'import streamlit as st\nst.multiselect("M", ["a", "b"], default=["a"])\nst.slider("S", 0, 10, 3)\n'
    first = Session(Script.from_string(source, "<plans-lists>"))
    first.run({})
    first.run({})
    for element in first.roots["main"].children:
        for value in element.props.values():
            if isinstance(value, list):
                value.append("changed by a test")
    second = Session(Script.from_string(source, "<plans-lists>"))
    second.run({})
    assert [e.props["default"] for e in second.roots["main"].children] == [[0], [3.0]]
    assert [e.props["options"] for e in second.roots["main"].children[:1]] == [["a", "b"]]
