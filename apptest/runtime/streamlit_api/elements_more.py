"""More output elements: data, charts, media, metrics, status and progress, misc (element methods)."""

from __future__ import annotations


class MoreElementsMixin:
    pass
