from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from apptest.errors import SnapshotError
from apptest.replay.trace import Trace
from apptest.snapshot import store
from apptest.snapshot.serialize import dump_trace
from apptest.snapshot.store import (
    SnapshotStore,
    accept,
    atomic_write,
    check_write_allowed,
    list_pending,
    reject,
    snapshot_path_for,
    write_received,
    writes_allowed,
)

from .conftest import counter_trace


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# -- paths -------------------------------------------------------------------------------------


def test_snapshot_path_mirrors_the_scenario_path() -> None:
    assert snapshot_path_for("scenarios/shop/checkout.yaml", "scenarios", "snapshots") == Path(
        "snapshots/shop/checkout.yaml"
    )
    assert snapshot_path_for("scenarios/counter.yml", "scenarios", "snapshots") == Path(
        "snapshots/counter.yaml"
    )


def test_snapshot_path_of_absolute_paths(tmp_path: Path) -> None:
    scenario = tmp_path / "scenarios" / "a" / "b.yaml"
    assert (
        snapshot_path_for(scenario, tmp_path / "scenarios", tmp_path / "snapshots")
        == tmp_path / "snapshots" / "a" / "b.yaml"
    )


def test_snapshot_path_outside_the_scenarios_root() -> None:
    with pytest.raises(SnapshotError, match="not inside the scenarios folder"):
        snapshot_path_for("elsewhere/x.yaml", "scenarios", "snapshots")


@pytest.mark.parametrize(
    "name",
    [
        "shop/checkout",
        "shop/checkout.yaml",
        "shop/checkout.yml",
        "./shop/checkout",
        "snapshots/shop/checkout.yaml",
        "scenarios/shop/checkout.yaml",
        ".apptest/received/shop/checkout.yaml",
        "shop\\checkout",
    ],
)
def test_names_are_normalized(name: str) -> None:
    assert SnapshotStore().normalize_name(name) == "shop/checkout.yaml"


@pytest.mark.parametrize("name", ["", ".", "../x", "a/../../x", "/etc/passwd"])
def test_bad_names_are_refused(name: str, tmp_path: Path) -> None:
    with pytest.raises(SnapshotError):
        SnapshotStore(tmp_path).normalize_name(name)


# -- atomic writes -----------------------------------------------------------------------------


def test_atomic_write_creates_folders_and_writes_exact_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "x.yaml"
    atomic_write(path, "é\nline\r\n")
    assert path.read_bytes() == "é\nline\r\n".encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert leftovers(path.parent) == []


def test_atomic_write_keeps_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("old")
    path.chmod(0o600)
    atomic_write(path, "new")
    assert path.read_text() == "new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("failure", [KeyboardInterrupt, OSError])
def test_interrupted_write_leaves_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: type[BaseException]
) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("old content\n")
    real_write = os.write
    calls = []

    def write_then_fail(fd: int, data: bytes | memoryview) -> int:
        # write part of the data, then fail as a crash or Ctrl-C would
        calls.append(fd)
        if len(calls) == 1:
            return real_write(fd, bytes(data[:5]))
        raise failure()

    monkeypatch.setattr(store.os, "write", write_then_fail)
    with pytest.raises(failure):
        atomic_write(path, "new content that is long enough\n")
    assert len(calls) == 2  # the writer really was stopped mid-way
    assert path.read_text() == "old content\n"
    assert leftovers(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml"]


def test_interrupt_at_fsync_leaves_no_new_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(store.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(tmp_path / "new.yaml", "text")
    assert list(tmp_path.iterdir()) == []


def test_unencodable_text_fails_before_touching_the_disk(tmp_path: Path) -> None:
    with pytest.raises(UnicodeEncodeError):
        atomic_write(tmp_path / "sub" / "x.yaml", "bad \udc80")
    assert list(tmp_path.iterdir()) == []


# -- the CI guard ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "allowed"),
    [
        ({}, True),
        ({"CI": ""}, True),
        ({"CI": "0"}, True),
        ({"CI": "false"}, True),
        ({"CI": "False"}, True),
        ({"CI": "true"}, False),
        ({"CI": "1"}, False),
        ({"CI": "yes"}, False),
        ({"CI": "true", "APPTEST_ALLOW_SNAPSHOT_WRITE": "1"}, True),
        ({"CI": "true", "APPTEST_ALLOW_SNAPSHOT_WRITE": "0"}, False),
    ],
)
def test_writes_allowed(env: dict[str, str], allowed: bool) -> None:
    assert writes_allowed(environ=env) is allowed
    assert writes_allowed(environ=env, allow_in_ci=True) is True


def test_ci_guard_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(SnapshotError) as info:
        check_write_allowed("snapshots/counter.yaml")
    message = str(info.value)
    assert message.startswith(
        "snapshots/counter.yaml: not writing the snapshot: CI is set (CI='true')"
    )
    assert "APPTEST_ALLOW_SNAPSHOT_WRITE=1" in message
    check_write_allowed("snapshots/counter.yaml", allow_in_ci=True)
    monkeypatch.setenv("APPTEST_ALLOW_SNAPSHOT_WRITE", "1")
    check_write_allowed("snapshots/counter.yaml")


def test_store_refuses_stored_writes_on_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    s = SnapshotStore(tmp_path)
    with pytest.raises(SnapshotError, match="CI is set"):
        s.write_stored("counter", "x")
    assert not (tmp_path / "snapshots").exists()
    assert (
        s.write_stored("counter", "x", allow_in_ci=True) == tmp_path / "snapshots" / "counter.yaml"
    )
    # received snapshots are reports, not snapshots: they are kept on CI too
    assert s.write_received("counter", "y").read_text() == "y"


# -- received / accept / reject ----------------------------------------------------------------


@pytest.fixture
def texts() -> tuple[str, str]:
    return dump_trace(counter_trace(counts=(0, 1))), dump_trace(counter_trace(counts=(0, 2)))


def test_received_lives_under_the_git_ignored_folder(
    tmp_path: Path, texts: tuple[str, str]
) -> None:
    path = write_received("shop/checkout", texts[1], root=tmp_path)
    assert path == tmp_path / ".apptest" / "received" / "shop" / "checkout.yaml"
    assert path.read_text(encoding="utf-8") == texts[1]
    assert list_pending(tmp_path) == ["shop/checkout.yaml"]
    ignore = (tmp_path / ".apptest" / ".gitignore").read_text()
    assert ignore.splitlines()[-1] == "*"


def test_list_pending_is_sorted_and_skips_temp_files(
    tmp_path: Path, texts: tuple[str, str]
) -> None:
    assert list_pending(tmp_path) == []
    for name in ("z", "a/b", "a/a"):
        write_received(name, texts[0], root=tmp_path)
    (tmp_path / ".apptest" / "received" / ".z.yaml.123.tmp").write_text("partial")
    assert list_pending(tmp_path) == ["a/a.yaml", "a/b.yaml", "z.yaml"]


def test_accept_moves_received_over_stored(tmp_path: Path, texts: tuple[str, str]) -> None:
    s = SnapshotStore(tmp_path)
    s.write_stored("shop/checkout", texts[0])
    s.write_received("shop/checkout", texts[1])
    stored = accept("scenarios/shop/checkout.yaml", root=tmp_path)
    assert stored == tmp_path / "snapshots" / "shop" / "checkout.yaml"
    assert stored.read_text(encoding="utf-8") == texts[1]
    assert list_pending(tmp_path) == []
    assert not (tmp_path / ".apptest" / "received" / "shop").exists()  # emptied folders pruned
    assert (tmp_path / ".apptest" / "received").is_dir()


def test_accept_creates_a_missing_stored_snapshot(tmp_path: Path, texts: tuple[str, str]) -> None:
    write_received("new", texts[1], root=tmp_path)
    assert accept("new", root=tmp_path).read_text(encoding="utf-8") == texts[1]


def test_accept_is_refused_on_ci_and_keeps_the_received(
    tmp_path: Path, texts: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_received("c", texts[1], root=tmp_path)
    monkeypatch.setenv("CI", "1")
    with pytest.raises(SnapshotError, match="CI is set"):
        accept("c", root=tmp_path)
    assert list_pending(tmp_path) == ["c.yaml"]
    assert not (tmp_path / "snapshots").exists()
    accept("c", root=tmp_path, allow_in_ci=True)
    assert list_pending(tmp_path) == []


def test_accept_refuses_a_corrupt_received_file(tmp_path: Path) -> None:
    write_received("c", "not: a snapshot\n", root=tmp_path)
    with pytest.raises(SnapshotError, match="not an apptest snapshot"):
        accept("c", root=tmp_path)
    assert list_pending(tmp_path) == ["c.yaml"]


def test_accept_of_unknown_name_lists_pending(tmp_path: Path, texts: tuple[str, str]) -> None:
    write_received("shop/checkout", texts[1], root=tmp_path)
    with pytest.raises(SnapshotError) as info:
        accept("shop/chekout", root=tmp_path)
    message = str(info.value)
    assert "no received snapshot pending for shop/chekout.yaml" in message
    assert "pending: shop/checkout.yaml" in message
    assert "did you mean shop/checkout.yaml?" in message


def test_reject_deletes_received_and_keeps_stored(tmp_path: Path, texts: tuple[str, str]) -> None:
    s = SnapshotStore(tmp_path)
    s.write_stored("c", texts[0])
    s.write_received("c", texts[1])
    reject("c", root=tmp_path)
    assert list_pending(tmp_path) == []
    assert s.read_stored("c") == texts[0]
    assert s.read_received("c") is None
    with pytest.raises(SnapshotError, match="no received snapshot pending"):
        reject("c", root=tmp_path)


def test_discard_received(tmp_path: Path, texts: tuple[str, str]) -> None:
    s = SnapshotStore(tmp_path)
    assert s.discard_received("c") is False
    s.write_received("deep/c", texts[0])
    assert s.discard_received("deep/c") is True
    assert list(s.received_root.iterdir()) == []


def test_accept_across_file_systems_falls_back_to_copy(
    tmp_path: Path, texts: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    write_received("c", texts[1], root=tmp_path)
    real_replace = os.replace

    def cross_device(src: str, dst: str) -> None:
        if str(src).endswith("received/c.yaml"):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real_replace(src, dst)

    monkeypatch.setattr(store.os, "replace", cross_device)
    stored = accept("c", root=tmp_path)
    assert stored.read_text(encoding="utf-8") == texts[1]
    assert list_pending(tmp_path) == []


def test_trace_type_is_what_store_round_trips(tmp_path: Path) -> None:
    t: Trace = counter_trace()
    s = SnapshotStore(tmp_path)
    s.write_stored("counter", dump_trace(t))
    assert s.read_stored("counter.yaml") == dump_trace(t)
    assert s.read_stored("other") is None
