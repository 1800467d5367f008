"""Where snapshot files live, and writing them safely.

Layout (relative to the project root)::

    scenarios/shop/checkout.yaml            the scenario
    snapshots/shop/checkout.yaml            its stored snapshot (committed)
    .apptest/received/shop/checkout.yaml    a received snapshot that differs (git-ignored),
                                            waiting for ``apptest review`` / ``apptest accept``

A snapshot's *name* is its path relative to ``snapshots/``, posix style, e.g.
``shop/checkout.yaml``; :meth:`SnapshotStore.normalize_name` also accepts ``shop/checkout``,
``snapshots/shop/checkout.yaml``, ``scenarios/shop/checkout.yaml`` and the received path.

Files are replaced atomically (:func:`atomic_write`): a reader sees the old file or the new one,
never a half-written one, even when the writer is interrupted.

Stored snapshots are never written while the ``CI`` environment variable is set (to anything but
``""``, ``0``, ``false``, ``no``, ``off``) unless the caller passes ``allow_in_ci=True`` or
``APPTEST_ALLOW_SNAPSHOT_WRITE=1`` is set. Received snapshots are not covered: they are
git-ignored reports, and CI may keep them as artifacts.
"""

from __future__ import annotations

import contextlib
import difflib
import errno
import os
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from apptest.errors import SnapshotError
from apptest.snapshot.serialize import load_snapshot

__all__ = [
    "ALLOW_WRITE_ENV",
    "RECEIVED_DIR",
    "SNAPSHOTS_DIR",
    "SUFFIX",
    "SnapshotStore",
    "accept",
    "atomic_write",
    "check_write_allowed",
    "ci_active",
    "list_pending",
    "reject",
    "snapshot_path_for",
    "write_received",
    "writes_allowed",
]

SNAPSHOTS_DIR = "snapshots"
SCENARIOS_DIR = "scenarios"
RECEIVED_DIR = ".apptest/received"
SUFFIX = ".yaml"
ALLOW_WRITE_ENV = "APPTEST_ALLOW_SNAPSHOT_WRITE"

_FALSY = frozenset({"", "0", "false", "no", "off"})
_TRUTHY = frozenset({"1", "true", "yes", "on"})
PathLike = str | os.PathLike[str]


# -- paths -------------------------------------------------------------------------------------


def snapshot_path_for(
    scenario_path: PathLike, scenarios_root: PathLike, snapshots_root: PathLike
) -> Path:
    """The snapshot file of a scenario: its path under ``scenarios_root`` mirrored under
    ``snapshots_root``, with a ``.yaml`` suffix.

    Example:
        >>> snapshot_path_for("scenarios/shop/checkout.yaml", "scenarios", "snapshots")
        PosixPath('snapshots/shop/checkout.yaml')

    Raises:
        SnapshotError: the scenario is not inside ``scenarios_root``.
    """
    scenario = Path(scenario_path)
    root = Path(scenarios_root)
    try:
        rel = scenario.relative_to(root)
    except ValueError:
        try:
            rel = scenario.resolve().relative_to(root.resolve())
        except ValueError:
            raise SnapshotError(
                f"{scenario.as_posix()}: scenario is not inside the scenarios folder "
                f"{root.as_posix()}\n"
                f"    fix: move it under {root.as_posix()}/ or point the scenarios root at its folder"
            ) from None
    return Path(snapshots_root) / rel.with_suffix(SUFFIX)


# -- the CI guard ------------------------------------------------------------------------------


def ci_active(environ: Mapping[str, str] | None = None) -> bool:
    """Whether ``CI`` is set to a true-ish value."""
    env = os.environ if environ is None else environ
    return env.get("CI", "").strip().lower() not in _FALSY


def writes_allowed(*, allow_in_ci: bool = False, environ: Mapping[str, str] | None = None) -> bool:
    """Whether stored snapshots may be written here (always, unless on CI without permission)."""
    env = os.environ if environ is None else environ
    if allow_in_ci or env.get(ALLOW_WRITE_ENV, "").strip().lower() in _TRUTHY:
        return True
    return not ci_active(env)


def check_write_allowed(
    path: PathLike, *, allow_in_ci: bool = False, environ: Mapping[str, str] | None = None
) -> None:
    """Raise :class:`SnapshotError` when writing the stored snapshot ``path`` is refused."""
    if writes_allowed(allow_in_ci=allow_in_ci, environ=environ):
        return
    env = os.environ if environ is None else environ
    raise SnapshotError(
        f"{Path(path).as_posix()}: not writing the snapshot: CI is set (CI={env.get('CI', '')!r}),"
        " and snapshots are written on a developer machine, then committed\n"
        "    fix: run `apptest replay --update SCENARIO` (or `pytest --snapshot-update`) locally "
        f"and commit the result, or set {ALLOW_WRITE_ENV}=1 to allow writing in CI"
    )


# -- atomic files ------------------------------------------------------------------------------


def atomic_write(path: PathLike, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8, ``"\\n"`` kept as is) atomically.

    The text goes to a temporary file in the same folder, is flushed to disk, then renamed over
    ``path``. If anything fails or the process is interrupted (``KeyboardInterrupt`` included)
    the temporary file is removed and ``path`` keeps its old content. Parent folders are created.
    An existing file's permission bits are kept; a new file gets ``0o644``.
    """
    target = Path(path)
    data = text.encode("utf-8")  # fails before any side effect on unencodable text
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = -1
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            mode = 0o644
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(tmp, target)
        tmp = None
    finally:
        if fd >= 0:
            os.close(fd)
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _fsync_dir(target.parent)


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable (POSIX); a no-op where folders cannot be opened."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        dfd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(dfd)
    finally:
        os.close(dfd)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


# -- the store ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SnapshotStore:
    """Stored and received snapshots of one project.

    Args:
        root: the project root (where ``snapshots/`` and ``.apptest/`` are).
        snapshots_dir: the stored snapshots' folder, relative to ``root``.
        received_dir: the received snapshots' folder, relative to ``root`` (git-ignored).
        scenarios_dir: the scenarios' folder, relative to ``root`` (to accept scenario paths
            as names).

    Example:
        >>> store = SnapshotStore(Path("."))
        >>> store.write_received("counter", text)
        >>> store.list_pending()
        ['counter.yaml']
        >>> store.accept("counter")
    """

    root: Path = Path(".")
    snapshots_dir: str = SNAPSHOTS_DIR
    received_dir: str = RECEIVED_DIR
    scenarios_dir: str = SCENARIOS_DIR

    @property
    def snapshots_root(self) -> Path:
        return Path(self.root) / self.snapshots_dir

    @property
    def received_root(self) -> Path:
        return Path(self.root) / self.received_dir

    def normalize_name(self, name: PathLike) -> str:
        """``shop/checkout.yaml`` for any accepted spelling of a snapshot's name.

        Raises:
            SnapshotError: the name is empty, absolute or leaves the snapshots folder.
        """
        raw = os.fspath(name)
        text = raw.replace("\\", "/").strip()
        path = PurePosixPath(text)
        if path.is_absolute():
            root = Path(self.root).resolve()
            try:
                path = PurePosixPath(Path(text).resolve().relative_to(root).as_posix())
            except ValueError:
                raise SnapshotError(
                    f"{raw}: not inside the project {root.as_posix()}\n"
                    "    fix: give the snapshot's name relative to snapshots/, e.g. shop/checkout"
                ) from None
        parts = [p for p in path.parts if p not in ("", ".")]
        for prefix in (self.received_dir, self.snapshots_dir, self.scenarios_dir):
            pre = [p for p in PurePosixPath(prefix).parts if p not in ("", ".")]
            if pre and parts[: len(pre)] == pre and len(parts) > len(pre):
                parts = parts[len(pre) :]
                break
        if not parts or ".." in parts:
            raise SnapshotError(
                f"{raw!r}: not a snapshot name\n"
                "    fix: give the snapshot's path relative to snapshots/, e.g. shop/checkout"
            )
        rel = PurePosixPath(*parts)
        if rel.suffix in (".yaml", ".yml"):
            rel = rel.with_suffix(SUFFIX)
        else:
            rel = rel.with_name(rel.name + SUFFIX)
        return rel.as_posix()

    def stored_path(self, name: PathLike) -> Path:
        return self.snapshots_root / self.normalize_name(name)

    def received_path(self, name: PathLike) -> Path:
        return self.received_root / self.normalize_name(name)

    def read_stored(self, name: PathLike) -> str | None:
        """The stored snapshot's text, or ``None`` when there is none."""
        return _read(self.stored_path(name))

    def read_received(self, name: PathLike) -> str | None:
        """The received snapshot's text, or ``None`` when none is pending."""
        return _read(self.received_path(name))

    def write_stored(self, name: PathLike, text: str, *, allow_in_ci: bool = False) -> Path:
        """Write a stored snapshot atomically (refused on CI, see the module docstring)."""
        path = self.stored_path(name)
        check_write_allowed(path, allow_in_ci=allow_in_ci)
        atomic_write(path, text)
        return path

    def write_received(self, name: PathLike, text: str) -> Path:
        """Leave a received snapshot beside the stored one for review.

        The received area's top folder (``.apptest/``) gets a ``.gitignore`` of ``*`` the first
        time, so received files stay out of commits even where the project does not ignore it.
        """
        path = self.received_path(name)
        atomic_write(path, text)
        self._ensure_gitignore()
        return path

    def _ensure_gitignore(self) -> None:
        parts = [p for p in PurePosixPath(self.received_dir).parts if p not in ("", ".")]
        if not parts:
            return
        marker = Path(self.root) / parts[0] / ".gitignore"
        if not marker.exists():
            with contextlib.suppress(OSError):
                atomic_write(
                    marker, "# written by apptest: received snapshots are not committed\n*\n"
                )

    def discard_received(self, name: PathLike) -> bool:
        """Remove a pending received snapshot if there is one (e.g. once it matches again)."""
        path = self.received_path(name)
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        self._prune(path.parent)
        return True

    def list_pending(self) -> list[str]:
        """Names of the received snapshots waiting for review, sorted."""
        root = self.received_root
        if not root.is_dir():
            return []
        names = []
        for path in root.rglob("*" + SUFFIX):
            if path.is_file() and not path.name.startswith("."):
                names.append(path.relative_to(root).as_posix())
        return sorted(names)

    def _pending_path(self, name: PathLike) -> tuple[str, Path]:
        norm = self.normalize_name(name)
        path = self.received_root / norm
        if not path.is_file():
            pending = self.list_pending()
            close = difflib.get_close_matches(norm, pending, n=1)
            valid = ", ".join(pending) if pending else "(none)"
            hint = f"did you mean {close[0]}?" if close else "run the scenarios to produce them"
            raise SnapshotError(
                f"{os.fspath(name)}: no received snapshot pending for {norm}\n"
                f"    pending: {valid}\n"
                f"    fix: {hint}"
            )
        return norm, path

    def accept(self, name: PathLike, *, allow_in_ci: bool = False) -> Path:
        """Move the received snapshot over the stored one, atomically; return the stored path.

        Raises:
            SnapshotError: nothing is pending under that name, the received file is not a
                readable snapshot, or writing is refused on CI.
        """
        norm, received = self._pending_path(name)
        stored = self.snapshots_root / norm
        check_write_allowed(stored, allow_in_ci=allow_in_ci)
        text = received.read_text(encoding="utf-8")
        load_snapshot(text, received.as_posix())  # never accept a corrupt file
        stored.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.replace(received, stored)
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
            atomic_write(stored, text)  # another file system: copy, then drop the received
            received.unlink()
        else:
            _fsync_dir(stored.parent)
        self._prune(received.parent)
        return stored

    def reject(self, name: PathLike) -> None:
        """Delete the received snapshot; the stored one stays as it is."""
        _, received = self._pending_path(name)
        received.unlink()
        self._prune(received.parent)

    def _prune(self, folder: Path) -> None:
        """Remove folders of the received area left empty (not the area itself)."""
        root = self.received_root.resolve()
        current = folder.resolve()
        while current != root and root in current.parents:
            try:
                current.rmdir()
            except OSError:
                return
            current = current.parent


# -- module-level shortcuts --------------------------------------------------------------------


def write_received(name: PathLike, text: str, *, root: PathLike = ".") -> Path:
    """:meth:`SnapshotStore.write_received` for the project at ``root``."""
    return SnapshotStore(Path(root)).write_received(name, text)


def list_pending(root: PathLike = ".") -> list[str]:
    """:meth:`SnapshotStore.list_pending` for the project at ``root``."""
    return SnapshotStore(Path(root)).list_pending()


def accept(name: PathLike, *, root: PathLike = ".", allow_in_ci: bool = False) -> Path:
    """:meth:`SnapshotStore.accept` for the project at ``root``."""
    return SnapshotStore(Path(root)).accept(name, allow_in_ci=allow_in_ci)


def reject(name: PathLike, *, root: PathLike = ".") -> None:
    """:meth:`SnapshotStore.reject` for the project at ``root``."""
    SnapshotStore(Path(root)).reject(name)
