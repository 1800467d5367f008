"""Turn the runtime's element tree into engine-neutral plain output for snapshots.

A node records what a user sees: its type and its visible content (a text body, or for widgets
their key, label and value). Runtime internals (ids, form ids, help texts) stay out, so a change
to one element changes only its lines.
"""

from __future__ import annotations

from typing import Any

from apptest.runtime.elements import Block, Element
from apptest.snapshot.plain import plain

__all__ = ["capture_output", "node_plain"]

# Element types whose whole visible content is one text body.
_BODY_TYPES = {
    "markdown": "body",
    "caption": "body",
    "text": "body",
    "title": "body",
    "header": "body",
    "subheader": "body",
    "error": "body",
    "warning": "body",
    "info": "body",
    "success": "body",
    "code": "code_text",
    "latex": "body",
    "json": "body",
    "html": "body",
    "toast": "body",
}
# Visible properties recorded for other elements, in display order.
_WIDGET_FIELDS = ("key", "label", "value", "options", "disabled")
_OTHER_FIELDS = (
    "label", "value", "delta", "body", "text", "name", "summary", "caption", "url", "state", "expanded",
    "columns", "rows", "images",
)
_SKIP_FALSY = {"disabled", "key", "expanded", "delta", "caption", "url", "summary"}


def node_plain(node: Element | Block) -> dict[str, Any]:
    t = node.type
    props = node.props
    if not node.is_block:
        if t in _BODY_TYPES:
            return {t: plain(props.get(_BODY_TYPES[t], ""))}
        if t == "exception":
            return {"exception": {"type": props.get("type", ""), "message": props.get("message", "")}}
        fields = _WIDGET_FIELDS if "id" in props else _OTHER_FIELDS
        body: dict[str, Any] = {}
        for f in fields:
            if f in props:
                v = props[f]
                if f in _SKIP_FALSY and not v:
                    continue
                body[f] = plain(v)
        return {t: body} if body else {t: None}
    block: Block = node  # type: ignore[assignment]
    children = [node_plain(c) for c in block.children]
    if t == "horizontal" and block.children and all(c.is_block and c.type == "column" for c in block.children):
        return {"columns": [[node_plain(x) for x in c.children] for c in block.children]}  # type: ignore[union-attr]
    if t == "tab_container":
        return {"tabs": {str(c.props.get("label", i)): [node_plain(x) for x in c.children]  # type: ignore[union-attr]
                         for i, c in enumerate(block.children)}}
    head: dict[str, Any] = {}
    for f in ("label", "name", "form_id", "title", "state"):
        if f in block.props and block.props[f] not in (None, ""):
            head[f] = plain(block.props[f])
    if not head:
        return {t: children}
    head["children"] = children
    return {t: head}


def capture_output(roots: dict[str, Block]) -> dict[str, Any]:
    """The rendered output of a run: non-empty roots, each a list of nodes in document order."""
    out: dict[str, Any] = {}
    for name in ("main", "sidebar", "bottom", "event"):
        root = roots.get(name)
        if root is not None and root.children:
            out[name] = [node_plain(c) for c in root.children]
    return out
