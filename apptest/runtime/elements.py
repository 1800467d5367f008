"""Output elements and containers recorded during a run.

The tree is deliberately plain: an :class:`Element` is a type name plus a dict of the
properties a user sees; a :class:`Block` is a container with children. Roots are ``main``,
``sidebar``, ``event`` and ``bottom``, as in Streamlit.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ROOT_NAMES", "Block", "Element", "new_roots"]

ROOT_NAMES = ("main", "sidebar", "event", "bottom")
# Streamlit's RootContainer enum values: part of unkeyed widget ids.
ROOT_INDEX = {"main": 0, "sidebar": 1, "event": 2, "bottom": 3}


class Element:
    """A leaf element (markdown, a widget, an exception...)."""

    __slots__ = ("props", "type")

    def __init__(self, type: str, props: dict[str, Any]) -> None:
        self.type = type
        self.props = props

    is_block = False

    def __repr__(self) -> str:
        return f"Element({self.type!r}, {self.props!r})"


class Block:
    """A container: a root, a vertical block, columns, tabs, a form, an expander..."""

    __slots__ = ("allows_columns_depth", "children", "form_id", "parent", "props", "root", "type")

    def __init__(
        self,
        type: str,
        props: dict[str, Any] | None = None,
        *,
        root: str = "main",
        form_id: str = "",
        parent: Block | None = None,
    ) -> None:
        self.type = type
        self.props = props if props is not None else {}
        self.children: list[Element | Block] = []
        self.root = root
        self.form_id = form_id
        self.parent = parent

    is_block = True

    def __repr__(self) -> str:
        return f"Block({self.type!r}, {len(self.children)} children)"

    def ancestors(self) -> list[Block]:
        out = []
        b = self.parent
        while b is not None:
            out.append(b)
            b = b.parent
        return out


def new_roots() -> dict[str, Block]:
    return {name: Block("root", {"name": name}, root=name) for name in ROOT_NAMES}
