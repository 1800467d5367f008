"""Widget family: selection."""

from __future__ import annotations


class SelectionWidgetsMixin:
    pass
