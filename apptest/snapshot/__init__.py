"""Snapshots: traces as deterministic YAML, their comparison, storage and review.

Importing this package imports neither pytest nor syrupy; the syrupy extension lives in
:mod:`apptest.snapshot.syrupy_ext` and is imported only by the pytest plugin.
"""

from __future__ import annotations

from apptest.snapshot.diff import Comparison, StepRef, compare
from apptest.snapshot.plain import PlainData, plain
from apptest.snapshot.serialize import (
    FORMAT_VERSION,
    SnapshotDoc,
    dump_trace,
    load_snapshot,
)
from apptest.snapshot.store import (
    SnapshotStore,
    accept,
    atomic_write,
    list_pending,
    reject,
    snapshot_path_for,
    write_received,
)

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
