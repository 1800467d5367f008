"""Run one script + interactions through Streamlit's AppTest and through apptest; compare.

The comparison goes through the public AppTest surface only (element types, keys, labels,
values, exceptions, session state), which is exactly the drop-in contract, so the same
normaliser reads both drivers.
"""

from __future__ import annotations

import math
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
        return type(v).__name__
    return v


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
        out["label"] = getattr(n, "label", None)
        out["value"] = _norm_value(n.value)
        return out
    try:
        out["value"] = _norm_value(n.value)
    except Exception as e:  # some element kinds have no value in one driver
        out["value"] = f"<{type(e).__name__}>"
    return out


def _tree(at: Any) -> dict[str, Any]:
    out = {}
    for root in ("main", "sidebar"):
        block = getattr(at, root)
        out[root] = [_node(c) for _, c in sorted(block.children.items())]
    return out


def _exceptions(at: Any) -> list[tuple[str, str]]:
    return [(str(e.value), str(e.proto.type) if hasattr(e, "proto") else "") for e in at.exception]


def snapshot(at: Any) -> dict[str, Any]:
    state = at.session_state.filtered_state
    return {
        "state": {k: _norm_value(v) for k, v in state.items()},
        "tree": _tree(at),
        "exceptions": _exceptions(at),
    }


def drive(app_test_cls: Any, case: Case) -> list[Any]:
    """Run the case with one driver; return a snapshot (or the raised error) after each step."""
    at = app_test_cls.from_string(case.script, default_timeout=5)
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
        results.append(("raised", type(err).__name__, str(err)))
    return results
