"""Where a scenario's snapshot and its pending (received) version live in a project.

``scenarios/shop/checkout.yaml`` -> ``snapshots/shop/checkout.yaml``; a mismatch keeps the
received text at ``.apptest/received/shop/checkout.yaml`` until it is accepted or rejected.
The project root is the folder that holds ``scenarios/`` (else the current directory).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Pending",
    "accept",
    "discard_received",
    "keep_received",
    "name_of",
    "pending",
    "project_root",
    "reject",
    "snapshot_path",
    "write_snapshot",
]

SCENARIOS_DIR = "scenarios"
SNAPSHOTS_DIR = "snapshots"
RECEIVED_DIR = Path(".apptest") / "received"


def _split(scenario: Path) -> tuple[Path, Path]:
    """(project root, path relative to the scenarios folder) of a scenario file."""
    p = scenario.resolve()
    for parent in p.parents:
        if parent.name == SCENARIOS_DIR:
            return parent.parent, p.relative_to(parent)
    root = Path.cwd().resolve()
    try:
        return root, p.relative_to(root)
    except ValueError:
        return root, Path(p.name)


def display_path(scenario: Path) -> str:
    """The scenario's path as snapshots record it: relative to the project root, wherever the
    command was started from (``scenarios/shop/checkout.yaml``)."""
    root, _ = _split(scenario)
    try:
        return scenario.resolve().relative_to(root).as_posix()
    except ValueError:
        return scenario.as_posix()


def project_root(start: Path | None = None) -> Path:
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        if (d / SCENARIOS_DIR).is_dir() or (d / SNAPSHOTS_DIR).is_dir():
            return d
    return here


def snapshot_path(scenario: Path) -> Path:
    root, rel = _split(scenario)
    return root / SNAPSHOTS_DIR / rel.with_suffix(".yaml")


def received_path(scenario: Path) -> Path:
    root, rel = _split(scenario)
    return root / RECEIVED_DIR / rel.with_suffix(".yaml")


def name_of(scenario: Path) -> str:
    return _split(scenario)[1].with_suffix("").as_posix()


def write_snapshot(scenario: Path, text: str) -> Path:
    """Write a stored snapshot atomically (refused under CI unless explicitly allowed)."""
    from apptest.snapshot.store import atomic_write, check_write_allowed

    path = snapshot_path(scenario)
    check_write_allowed(path)
    atomic_write(path, text)
    return path


def keep_received(scenario: Path, text: str) -> Path | None:
    """Keep the received snapshot for review (skipped silently under CI unless allowed)."""
    from apptest.snapshot.store import atomic_write, writes_allowed

    if not writes_allowed():
        return None
    path = received_path(scenario)
    atomic_write(path, text)
    _ensure_gitignore(path)
    return path


def _ensure_gitignore(received: Path) -> None:
    top = received
    while top.name != ".apptest" and top != top.parent:
        top = top.parent
    gi = top / ".gitignore"
    if top.name == ".apptest" and not gi.exists():
        gi.write_text("*\n", encoding="utf-8")


def discard_received(scenario: Path) -> None:
    path = received_path(scenario)
    if path.exists():
        path.unlink()


@dataclass(frozen=True)
class Pending:
    name: str
    stored: Path
    received: Path


def pending(names: Sequence[str] = (), root: Path | None = None) -> list[Pending]:
    base = project_root(root)
    rec_root = base / RECEIVED_DIR
    items: list[Pending] = []
    if not rec_root.is_dir():
        return items
    wanted = {n.removesuffix(".yaml").removeprefix(f"{SCENARIOS_DIR}/") for n in names}
    for rec in sorted(rec_root.rglob("*.yaml")):
        rel = rec.relative_to(rec_root)
        name = rel.with_suffix("").as_posix()
        if wanted and name not in wanted and rel.stem not in wanted:
            continue
        items.append(Pending(name, base / SNAPSHOTS_DIR / rel, rec))
    return items


def accept(item: Pending) -> None:
    from apptest.snapshot.store import atomic_write, check_write_allowed

    check_write_allowed(item.stored)
    atomic_write(item.stored, item.received.read_text(encoding="utf-8"))
    item.received.unlink()


def reject(item: Pending) -> None:
    item.received.unlink()
