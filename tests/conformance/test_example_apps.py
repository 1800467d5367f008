"""The example apps under scenarios/apps/, driven through Streamlit's AppTest and through ours."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conformance.harness import Case, act, check_case, click, params, run, set_value, state

APPS = Path(__file__).resolve().parents[2] / "scenarios" / "apps"


def app(name: str, *steps, **kw) -> Case:  # type: ignore[no-untyped-def]
    return Case(name=name, script=(APPS / f"{name}.py").read_text(encoding="utf-8"), steps=steps, **kw)


CASES = [
    app("counter", click("add"), click("add10"), set_value("text_input", "name", "Ada")),
    app("todo", set_value("text_input", "new_todo", "Buy milk", run=False), click(0),
        set_value("text_input", "new_todo", "Walk", run=False), click(0),
        act("checkbox", "done_Buy milk", "check"), click("clear")),
    app("settings", act("selectbox", "theme", "select", "Dark"), set_value("slider", "font_size", 20),
        act("toggle", "notifications", "set_value", False), act("text_input", "nickname", "input", "ada"),
        click("reset")),
    app("wizard", set_value("text_input", "email", "x", run=False), click(0),
        set_value("text_input", "email", "ada@example.com", run=False), click(0),
        click("back"), run()),
    app("calculator", act("checkbox", "discount", "check"), set_value("slider", "pct", 20),
        set_value("number_input", "qty", 0), act("number_input", "qty", "increment")),
    app("filters", act("multiselect", "genres", "select", "Sci-fi"), act("slider", "years", "set_range", 1900, 1970),
        act("radio", "order", "set_value", "rating")),
    app("gate", act("text_input", "password", "input", "wrong"), act("text_input", "password", "input", "open sesame"),
        act("color_picker", "colour", "pick", "#ff0000")),
    app("chat", act("chat_input", "prompt", "set_value", "Hello"), act("chat_input", "prompt", "set_value", "Hi"),
        run()),
    app("dashboard", act("selectbox", "region", "select", "West"), act("select_slider", "quarter", "set_value", "Q2")),
    app("explorer", act("multiselect", "countries", "select", "ES"), set_value("number_input", "min_pop", 500000),
        act("text_input", "query", "input", "l"), click("reload"), state("query", "")),
]


@pytest.mark.parametrize("case", params(CASES))
def test_example_app(case: Case) -> None:
    check_case(case)
