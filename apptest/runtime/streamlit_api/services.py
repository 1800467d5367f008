"""Module-level st APIs that are not element methods: secrets, caching, context, fragments, dialogs, pages."""

from __future__ import annotations

__all__: list[str] = []
