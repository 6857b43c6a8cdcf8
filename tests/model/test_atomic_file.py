"""Atomic replacement: symlinks followed, permissions kept or forced, leftovers of killed writes removed."""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from pathlib import Path

import pytest

from usagelens.model.atomic_file import remove_leftovers, remove_leftovers_in, replacing

posix_only = pytest.mark.skipif(os.name != "posix", reason="symlinks, modes and flock are POSIX here")


def write(path: Path, text: str, **options: object) -> None:
    with replacing(path, **options) as temporary:  # type: ignore[arg-type]
        temporary.write_text(text, encoding="utf-8")


def test_replaces_the_file_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    write(target, "one")
    write(target, "two")
    assert target.read_text(encoding="utf-8") == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_a_failed_write_keeps_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    write(target, "old")
    with pytest.raises(RuntimeError), replacing(target) as temporary:
        temporary.write_text("half", encoding="utf-8")
        raise RuntimeError("disk gone")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


@posix_only
def test_writing_through_a_symlink_writes_the_linked_file(tmp_path: Path) -> None:
    synced = tmp_path / "Dropbox" / "plan.ulens"
    synced.parent.mkdir()
    synced.write_text("old", encoding="utf-8")
    link = tmp_path / "plan.ulens"
    link.symlink_to(synced)
    write(link, "new")
    assert link.is_symlink() and synced.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in synced.parent.iterdir()) == ["plan.ulens"]  # the temp sat beside the real file


@posix_only
def test_modes_existing_kept_new_usual_forced_exact(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    write(target, "new file")
    umask = os.umask(0o022)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    target.chmod(0o640)
    write(target, "kept")
    assert target.stat().st_mode & 0o777 == 0o640
    write(target, "private", mode=0o600)
    assert target.stat().st_mode & 0o777 == 0o600


def leftover(folder: Path, name: str, suffix: str = "0123456789ab") -> Path:
    path = folder / f".{name}.{suffix}.tmp"
    path.write_bytes(b"PK\x03\x04 half a project")
    return path


@posix_only
def test_only_our_unlocked_leftovers_of_that_file_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "plan.ulens"
    ours = leftover(tmp_path, "plan.ulens")
    other_file = leftover(tmp_path, "other.ulens")
    not_our_pattern = leftover(tmp_path, "plan.ulens", suffix="notours")
    elsewhere = tmp_path / "outside.txt"
    elsewhere.write_text("keep", encoding="utf-8")
    link = tmp_path / ".plan.ulens.aaaaaaaaaaaa.tmp"
    link.symlink_to(elsewhere)  # a link in our pattern is never followed nor removed
    assert remove_leftovers(target) == 1
    assert not ours.exists()
    assert other_file.exists() and not_our_pattern.exists() and link.is_symlink() and elsewhere.exists()


@posix_only
def test_a_temp_file_a_live_write_holds_is_never_removed(tmp_path: Path) -> None:
    target = tmp_path / "plan.ulens"
    with replacing(target) as temporary:
        temporary.write_text("being written", encoding="utf-8")
        assert remove_leftovers(target) == 0  # another open, as a second app instance would do
        assert temporary.exists()
    assert target.read_text(encoding="utf-8") == "being written"


@posix_only
def test_a_write_removes_the_leftovers_of_its_file_first(tmp_path: Path) -> None:
    target = tmp_path / "plan.ulens"
    stale = leftover(tmp_path, "plan.ulens")
    write(target, "new")
    assert not stale.exists()


@posix_only
def test_a_folder_of_our_own_is_cleared_of_every_leftover(tmp_path: Path) -> None:
    stale = [leftover(tmp_path, "a.ulens"), leftover(tmp_path, "b.json")]
    keep = tmp_path / "c.ulens"
    keep.write_text("autosave", encoding="utf-8")
    assert remove_leftovers_in(tmp_path) == 2
    assert not any(p.exists() for p in stale) and keep.exists()


def open_files() -> set[str]:
    """The files this process holds open (Linux)."""
    found = set()
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            found.add(os.readlink(f"/proc/self/fd/{fd}"))
    return found


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="lists open files through /proc")
def test_without_flock_the_temp_file_is_closed_before_it_is_renamed_or_deleted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows has no flock and renames or deletes no open file: the same writes work without the lock."""
    monkeypatch.setattr("usagelens.model.atomic_file.fcntl", None)
    still_open: list[str] = []
    for name in ("replace", "unlink"):
        real = getattr(os, name)

        def checked(source: str | Path, *rest: object, real=real) -> None:  # type: ignore[no-untyped-def]
            still_open.extend(path for path in open_files() if path == str(source))
            real(source, *rest)

        monkeypatch.setattr(f"usagelens.model.atomic_file.os.{name}", checked)
    target = tmp_path / "out.csv"
    write(target, "new")
    with pytest.raises(RuntimeError), replacing(target) as temporary:
        temporary.write_text("half", encoding="utf-8")
        raise RuntimeError("cancelled")
    assert still_open == []
    assert target.read_text(encoding="utf-8") == "new" and [p.name for p in tmp_path.iterdir()] == ["out.csv"]
    leftover(tmp_path, "out.csv")
    assert remove_leftovers(target) == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_or_a_device_is_written_in_place_never_replaced(tmp_path: Path) -> None:
    """``--out /dev/null`` run as root once turned /dev/null into a regular file: a stream is not replaced."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    with replacing(pipe) as temporary:
        assert temporary == pipe
        temporary.write_bytes(b"through the pipe")
    reader.join(10)
    assert received == [b"through the pipe"] and stat.S_ISFIFO(pipe.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]  # no temp file beside it
    with replacing(os.devnull) as temporary:
        temporary.write_text("discarded")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
