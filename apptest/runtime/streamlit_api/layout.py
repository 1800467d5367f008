"""Layout containers: columns, tabs, expander, container, popover, sidebar blocks, dialog."""

from __future__ import annotations


class LayoutMixin:
    pass
