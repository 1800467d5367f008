"""Widget family: numeric."""

from __future__ import annotations


class NumericWidgetsMixin:
    pass
