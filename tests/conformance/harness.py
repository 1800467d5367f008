"""Run one script + interactions through Streamlit's AppTest and through apptest; compare.

The comparison goes through the public AppTest surface only (element types, keys, labels,
values, exceptions, session state), which is exactly the drop-in contract, so the same
normaliser reads both drivers.

Steps are small callables taking the AppTest object; the helpers below (``click``,
``set_value``, ``state`` ...) build them with a readable ``__name__`` so a failing step is
easy to find in the diff message.
"""

from __future__ import annotations

import difflib
import json
import math
import pprint
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

Action = Callable[[Any], Any]

WIDGET_TYPES = {
    "button", "checkbox", "toggle", "text_input", "text_area", "number_input", "slider", "select_slider",
    "selectbox", "multiselect", "radio", "date_input", "time_input", "color_picker", "chat_input",
    "download_button", "file_uploader", "button_group",
}


@dataclass(frozen=True)
class Case:
    """A conformance case: a script and the interactions after the first run."""

    name: str
    script: str
    steps: Sequence[Action] = ()
    # Set when a case depends on an AppTest-only artifact (spec Appendix B).
    apptest_artifact: str | None = None
    setup: Action | None = None
    tags: tuple[str, ...] = field(default=())
    # Extra pytest marks (e.g. a strict xfail) for this case.
    marks: tuple[Any, ...] = field(default=())
    # AppTest's default_timeout for every run of the case (seconds).
    timeout: float = 5


def _norm_value(v: Any) -> Any:
    if isinstance(v, float) and math.isnan(v):
        return "nan"
    if isinstance(v, (list, tuple)):
        return type(v).__name__, [_norm_value(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _norm_value(x) for k, x in v.items()}
    if hasattr(v, "read") and hasattr(v, "name"):  # UploadedFile
        return ("file", getattr(v, "name", None), getattr(v, "size", None))
    if type(v).__module__ not in ("builtins", "datetime", "decimal", "enum"):
        # Other objects (script-defined enums, dataclasses, dataframes...) compare by type
        # and repr, unless the repr is just an address.
        r = repr(v)
        return type(v).__name__ if " at 0x" in r else (type(v).__name__, r)
    return v


def _norm_json(body: Any) -> Any:
    """JSON bodies compare as data: session-state dicts have hash order (spec §1)."""
    if not isinstance(body, str):
        return _norm_value(body)
    try:
        data = json.loads(body)
    except ValueError:
        return body

    def sort(x: Any) -> Any:
        if isinstance(x, dict):
            return {k: sort(x[k]) for k in sorted(x)}
        if isinstance(x, list):
            return [sort(i) for i in x]
        return x

    return ("json", sort(data))


def _node(n: Any) -> Any:
    t = getattr(n, "type", type(n).__name__)
    children = getattr(n, "children", None)
    if isinstance(children, dict):
        kids = [_node(c) for _, c in sorted(children.items())]
        label = None
        for attr in ("label", "name"):
            try:
                v = getattr(n.proto, attr, None) if hasattr(n, "proto") else None
            except Exception:
                v = None
            if isinstance(v, str) and v:
                label = v
                break
        return ("block", t, label, kids)
    out: dict[str, Any] = {"type": t}
    if t == "exception":
        out["value"] = n.value
        out["is_markdown"] = bool(getattr(n, "is_markdown", False))
        return out
    if t in WIDGET_TYPES:
        out["key"] = n.key
        # AppTest's ChatInput has a placeholder, not a label.
        out["label"] = getattr(n, "placeholder" if t == "chat_input" else "label", None)
        out["value"] = _norm_value(n.value)
        return out
    try:
        value = n.value
    except Exception as e:  # some element kinds have no value in one driver
        out["value"] = f"<{type(e).__name__}>"
        return out
    out["value"] = _norm_json(value) if t == "json" else _norm_value(value)
    return out


def _tree(at: Any) -> dict[str, Any]:
    out = {}
    for root in ("main", "sidebar"):
        block = getattr(at, root)
        out[root] = [_node(c) for _, c in sorted(block.children.items())]
    return out


def _exceptions(at: Any) -> list[tuple[str, str]]:
    return [(str(e.value), str(e.proto.type) if hasattr(e, "proto") else "") for e in at.exception]


_ELEMENT_ID = re.compile(r"\$\$ID-[0-9a-f]{32}-")


def _mask_ids(x: Any) -> Any:
    """Element ids hash the page's script path (a temp file in AppTest): compare them masked."""
    if isinstance(x, str):
        return _ELEMENT_ID.sub("$$ID-<hash>-", x)
    if isinstance(x, tuple):
        return tuple(_mask_ids(i) for i in x)
    if isinstance(x, list):
        return [_mask_ids(i) for i in x]
    if isinstance(x, dict):
        return {k: _mask_ids(v) for k, v in x.items()}
    return x


def snapshot(at: Any) -> dict[str, Any]:
    state = at.session_state.to_dict()
    return _mask_ids({
        "state": {k: _norm_value(v) for k, v in sorted(state.items())},
        "tree": _tree(at),
        "exceptions": _exceptions(at),
        "query_params": {str(k): _norm_value(v) for k, v in sorted(dict(at.query_params).items())},
    })


def _builtin_name(err: BaseException) -> str:
    """The builtin class a driver error is (the drop-in contract is ``except RuntimeError``...).

    apptest's own errors subclass the matching builtin (``ScriptTimeoutError(RuntimeError)``),
    so a test written against AppTest catches them the same way.
    """
    for cls in type(err).__mro__:
        if cls.__module__ == "builtins":
            return cls.__name__
    return type(err).__name__


def drive(app_test_cls: Any, case: Case) -> list[Any]:
    """Run the case with one driver; return a snapshot (or the raised error) after each step."""
    at = app_test_cls.from_string(case.script, default_timeout=case.timeout)
    if case.setup is not None:
        case.setup(at)
    results: list[Any] = []
    try:
        at.run()
        results.append(snapshot(at))
        for step in case.steps:
            step(at)
            results.append(snapshot(at))
    except Exception as err:  # the drivers must fail the same way too
        results.append(_mask_ids(("raised", _builtin_name(err), str(err))))
    return results


# ---------------------------------------------------------------------------------- compare
def _step_name(case: Case, i: int) -> str:
    if i == 0:
        return "initial run"
    if i - 1 < len(case.steps):
        return f"step {i} ({getattr(case.steps[i - 1], '__name__', 'step')})"
    return f"step {i}"


def compare(case: Case, expected: list[Any], actual: list[Any]) -> str | None:
    """Return a readable diff of the first step that differs, or None when they agree."""
    for i in range(max(len(expected), len(actual))):
        e = expected[i] if i < len(expected) else "<no result: the run ended earlier>"
        a = actual[i] if i < len(actual) else "<no result: the run ended earlier>"
        if e == a:
            continue
        e_txt = pprint.pformat(e, width=110).splitlines()
        a_txt = pprint.pformat(a, width=110).splitlines()
        diff = "\n".join(difflib.unified_diff(e_txt, a_txt, "streamlit AppTest", "apptest AppTest", lineterm=""))
        return f"case {case.name!r}: {_step_name(case, i)} differs\n{diff}"
    return None


def our_app_test() -> Any:
    from apptest.testing import AppTest

    return AppTest


def streamlit_app_test() -> Any:
    from streamlit.testing.v1 import AppTest

    return AppTest


def check_case(case: Case) -> None:
    expected = drive(streamlit_app_test(), case)
    actual = drive(our_app_test(), case)
    msg = compare(case, expected, actual)
    assert msg is None, msg


def params(cases: Sequence[Case]) -> list[Any]:
    """pytest parameters with readable ids (and each case's own marks)."""
    import pytest

    names = [c.name for c in cases]
    dup = {n for n in names if names.count(n) > 1}
    assert not dup, f"duplicate case names: {sorted(dup)}"
    return [pytest.param(c, id=c.name, marks=c.marks) for c in cases]


# ---------------------------------------------------------------------------------- steps
def _named(fn: Action, name: str) -> Action:
    fn.__name__ = name  # type: ignore[attr-defined]
    return fn


def _widget(at: Any, kind: str, ref: str | int) -> Any:
    widgets = getattr(at, kind)
    return widgets(ref) if isinstance(ref, str) else widgets[ref]


def run() -> Action:
    """A plain rerun (AppTest re-sends every widget value; nothing changed)."""
    return _named(lambda at: at.run(), "run")


def act(kind: str, ref: str | int, method: str, *args: Any, run: bool = True) -> Action:
    """``at.<kind>(ref).<method>(*args)`` then ``at.run()`` (unless ``run=False``: staged only)."""

    def step(at: Any) -> None:
        getattr(_widget(at, kind, ref), method)(*args)
        if run:
            at.run()

    arg_txt = ", ".join(repr(a) for a in args)
    return _named(step, f"{kind}({ref!r}).{method}({arg_txt}){'' if run else ' [staged]'}")


def click(ref: str | int, kind: str = "button", *, run: bool = True) -> Action:
    return act(kind, ref, "click", run=run)


def set_value(kind: str, ref: str | int, value: Any, *, run: bool = True) -> Action:
    return act(kind, ref, "set_value", value, run=run)


def state(key: str, value: Any, *, run: bool = True) -> Action:
    """``at.session_state[key] = value`` between runs, then run."""

    def step(at: Any) -> None:
        at.session_state[key] = value
        if run:
            at.run()

    return _named(step, f"session_state[{key!r}] = {value!r}")


def del_state(key: str, *, run: bool = True) -> Action:
    def step(at: Any) -> None:
        del at.session_state[key]
        if run:
            at.run()

    return _named(step, f"del session_state[{key!r}]")


def query(key: str, value: Any, *, run: bool = True) -> Action:
    def step(at: Any) -> None:
        at.query_params[key] = value
        if run:
            at.run()

    return _named(step, f"query_params[{key!r}] = {value!r}")


# ---------------------------------------------------------------------------------- scripts
PRELUDE = '''\
import streamlit as st


def show(*vals):
    st.text(" | ".join(repr(v) for v in vals))


def attempt(fn):
    try:
        return fn()
    except Exception as e:
        st.text(f"{type(e).__name__}: {e}")
'''


def script(body: str) -> str:
    """An app script: the shared prelude (``st``, ``show``, ``attempt``) plus ``body``."""
    import textwrap

    return PRELUDE + textwrap.dedent(body)


def case(name: str, body: str, *steps: Action, artifact: str | None = None, setup: Action | None = None,
         marks: tuple[Any, ...] = (), timeout: float = 5) -> Case:
    return Case(name=name, script=script(body), steps=steps, apptest_artifact=artifact, setup=setup, marks=marks,
                timeout=timeout)
