"""Snapshots: traces as deterministic YAML, their comparison, storage and review.

Importing this package imports neither pytest nor syrupy; the syrupy extension lives in
:mod:`apptest.snapshot.syrupy_ext` and is imported only by the pytest plugin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# Eager: every replay needs it, and the function shares its name with its module.
from apptest.snapshot.plain import PlainData, plain

if TYPE_CHECKING:
    from apptest.snapshot.diff import Comparison, StepRef, compare
    from apptest.snapshot.serialize import FORMAT_VERSION, SnapshotDoc, dump_trace, load_snapshot
    from apptest.snapshot.store import (
        SnapshotStore,
        accept,
        atomic_write,
        list_pending,
        reject,
        snapshot_path_for,
        write_received,
    )

# Submodules load on first use: a replay that matches its snapshot never needs the diff code.
_LAZY = {
    "Comparison": "diff", "StepRef": "diff", "compare": "diff",
    "FORMAT_VERSION": "serialize", "SnapshotDoc": "serialize", "dump_trace": "serialize",
    "load_snapshot": "serialize",
    "SnapshotStore": "store", "accept": "store", "atomic_write": "store", "list_pending": "store",
    "reject": "store", "snapshot_path_for": "store", "write_received": "store",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'apptest.snapshot' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"apptest.snapshot.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "FORMAT_VERSION",
    "Comparison",
    "PlainData",
    "SnapshotDoc",
    "SnapshotStore",
    "StepRef",
    "accept",
    "atomic_write",
    "compare",
    "dump_trace",
    "list_pending",
    "load_snapshot",
    "plain",
    "reject",
    "snapshot_path_for",
    "write_received",
]
