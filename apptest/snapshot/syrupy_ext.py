"""The syrupy extension that stores one snapshot file per scenario under ``snapshots/``.

This is the only module of apptest that imports syrupy (and so pytest); the CLI's replay path
never imports it.

The extension uses syrupy's public extension API only, so syrupy's own options keep working:
``--snapshot-update``, ``--snapshot-details``, ``--snapshot-warn-unused`` and unused-snapshot
detection (a snapshot whose scenario is gone is reported, and deleted by ``--snapshot-update``
when the whole suite ran).

Example (in a test, with syrupy's ``snapshot`` fixture)::

    ext = scenario_extension(rootpath / "snapshots", "shop/checkout")
    assert snapshot.use_extension(ext) == trace   # snapshots/shop/checkout.yaml

One class per snapshots root can also serve every scenario, the scenario given as the
assertion's name::

    ext = scenario_extension(rootpath / "snapshots")
    assert snapshot.use_extension(ext)(name="shop/checkout") == trace

The snapshot's syrupy *name* is the scenario file's stem (``checkout``), as syrupy reads it back
from the file name. syrupy warns "Can not relate snapshot name" on writes unless the pytest
item's name starts with that stem, so name scenario items after their scenario.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, ClassVar

from syrupy.data import SnapshotCollections
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from apptest.errors import SnapshotError
from apptest.snapshot.diff import compare
from apptest.snapshot.serialize import dump_trace
from apptest.snapshot.store import SUFFIX, atomic_write, check_write_allowed

if TYPE_CHECKING:
    from syrupy.data import SnapshotCollection
    from syrupy.location import PyTestLocation
    from syrupy.types import (
        PropertyFilter,
        PropertyMatcher,
        SerializableData,
        SerializedData,
        SnapshotIndex,
    )

__all__ = ["ScenarioSnapshotExtension", "scenario_extension"]


def _scenario_name(name: str | os.PathLike[str]) -> str:
    """``shop/checkout`` from ``shop/checkout``, ``shop/checkout.yaml`` or ``shop\\checkout.yml``."""
    raw = os.fspath(name)
    path = PurePosixPath(raw.replace("\\", "/").strip())
    parts = [p for p in path.parts if p not in ("", ".")]
    if path.is_absolute() or not parts or ".." in parts:
        raise SnapshotError(
            f"{raw!r}: not a scenario name\n"
            "    fix: give the scenario's path relative to scenarios/, e.g. shop/checkout.yaml"
        )
    rel = PurePosixPath(*parts)
    if rel.suffix in (".yaml", ".yml"):
        rel = rel.with_suffix("")
    return rel.as_posix()


class ScenarioSnapshotExtension(SingleFileSnapshotExtension):
    """Stores a :class:`~apptest.replay.trace.Trace` as ``<snapshots_root>/<scenario>.yaml``.

    Use :func:`scenario_extension` to get a subclass bound to a snapshots folder (and
    optionally a scenario); this base class is not bound to any folder.

    The file holds exactly :func:`~apptest.snapshot.serialize.dump_trace`'s text.
    """

    _write_mode = WriteMode.TEXT
    file_extension = SUFFIX.lstrip(".")

    #: Absolute path of the snapshots folder.
    snapshots_root: ClassVar[str] = ""
    #: Scenario path relative to the scenarios folder, without suffix (``shop/checkout``);
    #: empty when the scenario comes from the assertion's ``name=``.
    scenario: ClassVar[str] = ""

    # -- serializer ----------------------------------------------------------------------

    def serialize(
        self,
        data: SerializableData,
        *,
        exclude: PropertyFilter | None = None,
        include: PropertyFilter | None = None,
        matcher: PropertyMatcher | None = None,
    ) -> SerializedData:
        if isinstance(data, str):
            return data
        if hasattr(data, "steps") and hasattr(data, "scenario"):
            return dump_trace(data)
        raise TypeError(
            f"{type(self).__name__} snapshots a Trace (apptest.replay.trace.Trace) or its "
            f"dumped text, not {type(data).__name__}"
        )

    # -- where ---------------------------------------------------------------------------

    @classmethod
    def _root(cls) -> Path:
        if not cls.snapshots_root:
            raise SnapshotError(
                f"{cls.__name__} is not bound to a snapshots folder\n"
                "    fix: use apptest.snapshot.syrupy_ext.scenario_extension(SNAPSHOTS_ROOT, ...)"
            )
        return Path(cls.snapshots_root)

    @classmethod
    def _scenario_for(cls, index: SnapshotIndex) -> str:
        if isinstance(index, str) and index:
            return _scenario_name(index)
        if index:
            raise SnapshotError(
                f"{cls.scenario or 'scenario'}: a scenario has one snapshot file; this test "
                f"asserted it {index + 1} times\n"
                "    fix: assert each scenario's trace once per test"
            )
        if not cls.scenario:
            raise SnapshotError(
                f"{cls.__name__} does not know which scenario this is\n"
                "    fix: pass it: scenario_extension(SNAPSHOTS_ROOT, 'shop/checkout'), or "
                "snapshot(name='shop/checkout')"
            )
        return cls.scenario

    @classmethod
    def dirname(cls, *, test_location: PyTestLocation) -> str:
        return str(cls._root())

    @classmethod
    def discovery_dirname(cls, *, test_location: PyTestLocation) -> str:
        return str(cls._root())

    @classmethod
    def get_file_basename(cls, *, test_location: PyTestLocation, index: SnapshotIndex) -> str:
        # Relative to dirname(); may hold folders: "shop/checkout" -> snapshots/shop/checkout.yaml
        return cls._scenario_for(index)

    @classmethod
    def get_snapshot_name(cls, *, test_location: PyTestLocation, index: SnapshotIndex = 0) -> str:
        # The name syrupy reads back from the file (its stem), so that used and discovered
        # snapshots match in unused-snapshot detection.
        return PurePosixPath(cls._scenario_for(index)).name

    @classmethod
    def matches_test_location(
        cls, *, test_location: PyTestLocation, snapshot_location: str
    ) -> bool:
        # Snapshots are related to scenarios, not to test files: any test may own any of them.
        return cls.is_scenario_file(snapshot_location)

    @classmethod
    def is_scenario_file(cls, location: str) -> bool:
        """Whether ``location`` is a snapshot file under this extension's folder."""
        path = Path(location)
        if path.suffix != SUFFIX or path.name.startswith("."):
            return False
        try:
            path.resolve().relative_to(cls._root().resolve())
        except ValueError:
            return False
        return True

    # -- discovery (for unused-snapshot detection) ---------------------------------------

    def is_snapshot_location(self, *, location: str) -> bool:
        return self.is_scenario_file(location)

    def owns_snapshot_collection(self, *, filepath: str, test_location: PyTestLocation) -> bool:
        return self.is_scenario_file(filepath)

    def discover_snapshots(
        self,
        *,
        test_location: PyTestLocation,
        ignore_extensions: list[str] | None = None,
    ) -> SnapshotCollections:
        # Only this extension's .yaml files: a README or a stray file in snapshots/ must never
        # be reported as unused, let alone deleted by --snapshot-update.
        discovered = SnapshotCollections()
        if ignore_extensions and self.file_extension in ignore_extensions:
            return discovered
        for filepath in _walk(self._root()):
            collection = self.read_snapshot_collection(snapshot_location=filepath)
            if collection.has_snapshots:
                discovered.add(collection)
        return discovered

    # -- storage -------------------------------------------------------------------------

    @classmethod
    def write_snapshot_collection(
        cls,
        *,
        snapshot_collection: SnapshotCollection,
        name_order: dict[str, int] | None = None,
    ) -> None:
        data = next(iter(snapshot_collection)).data
        if not isinstance(data, str):
            raise TypeError(
                f"Can't write non supported data. Expected 'str', got '{type(data).__name__}'"
            )
        check_write_allowed(snapshot_collection.location)
        atomic_write(snapshot_collection.location, data)

    def delete_snapshots(self, *, snapshot_location: str, snapshot_names: set[str]) -> None:
        check_write_allowed(snapshot_location)
        Path(snapshot_location).unlink(missing_ok=True)

    # -- report --------------------------------------------------------------------------

    def diff_lines(
        self, serialized_data: SerializedData, snapshot_data: SerializedData
    ) -> Iterator[str]:
        """Lead with the first diverging step, then that step's diff, then the fix."""
        if not (isinstance(serialized_data, str) and isinstance(snapshot_data, str)):
            yield from super().diff_lines(serialized_data, snapshot_data)
            return
        try:
            comparison = compare(snapshot_data, serialized_data)
        except SnapshotError as exc:
            yield from str(exc).splitlines()
            yield from super().diff_lines(serialized_data, snapshot_data)
            return
        yield comparison.summary_line()
        yield ""
        yield from comparison.step_diff(
            stored_label="snapshot", received_label="received"
        ).splitlines()
        yield ""
        scenario = comparison.received.scenario
        yield f"accept this change: pytest --snapshot-update  (or: apptest replay --update {scenario})"


def _walk(root: Path) -> Iterator[str]:
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*" + SUFFIX)):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        yield str(path)


_IDENT = re.compile(r"\W+")


@cache
def _extension_class(root: str, scenario: str) -> type[ScenarioSnapshotExtension]:
    suffix = _IDENT.sub("_", scenario).strip("_") if scenario else "any"
    attrs: dict[str, Any] = {
        "snapshots_root": root,
        "scenario": scenario,
        "__module__": __name__,
        "__doc__": f"Snapshots of {scenario or 'any scenario'} under {root}.",
    }
    return type(f"ScenarioSnapshotExtension_{suffix}", (ScenarioSnapshotExtension,), attrs)


def scenario_extension(
    snapshots_root: str | os.PathLike[str], scenario: str | os.PathLike[str] | None = None
) -> type[ScenarioSnapshotExtension]:
    """The extension class for a snapshots folder and, optionally, one scenario.

    Args:
        snapshots_root: the project's top-level ``snapshots/`` folder (made absolute now).
        scenario: the scenario's path relative to the scenarios folder, with or without its
            suffix (``shop/checkout.yaml`` → ``snapshots/shop/checkout.yaml``). Without it,
            each assertion names its scenario: ``snapshot(name="shop/checkout")``.

    Returns:
        A subclass of :class:`ScenarioSnapshotExtension`; the same class for the same
        arguments (syrupy groups snapshots by extension class).

    Example:
        >>> ext = scenario_extension(Path("snapshots"), "counter.yaml")
        >>> assert snapshot.use_extension(ext) == trace
    """
    root = str(Path(snapshots_root).resolve())
    name = _scenario_name(scenario) if scenario is not None else ""
    return _extension_class(root, name)
