"""Widget family: other."""

from __future__ import annotations


class OtherWidgetsMixin:
    pass
