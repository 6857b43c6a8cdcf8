"""Replacing a file atomically, and cleaning up after writes that were killed halfway (design §3).

Every project save and every export writes ``.<name>.<random>.tmp`` beside the real file, fsyncs it and
renames it over the real file, so the folder always holds the old or the new version, never half of one.
Writing through a symlink writes the file the link points to: renaming over the link would replace the link
with a regular file and leave the original (often the one a sync client watches) with the old content. A device
or a pipe (``--out /dev/stdout``) is written in place: there is no file to replace.

A temp file outlives its write only when the process dies mid-write (SIGKILL, power cut). A writer holds an
exclusive ``flock`` on its temp file until the rename; the kernel drops the lock when the process dies, so
the next write or open of that file deletes temp files nobody holds and never one a live save is filling.
On Windows there is no ``flock``, but a file another process has open cannot be deleted, which gives the same
guarantee.
"""

from __future__ import annotations

import os
import re
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

_RANDOM_HEX = 12  # 48 random bits: collisions between two live writes of one file do not happen


def real_path(path: str | os.PathLike[str]) -> Path:
    """The file ``path`` stands for, symlinks followed (a dangling link names the file to create)."""
    return Path(os.path.realpath(path))


@contextmanager
def replacing(path: str | os.PathLike[str], *, mode: int | None = None) -> Iterator[Path]:
    """Yield a temp path to write; on a clean exit it is fsynced and renamed over ``path`` (its link target).

    ``mode`` forces the permissions of the result (autosaves are owner-only); by default an existing file
    keeps the permissions its owner chose and a new one gets the usual ones (0666 less the umask). Leftovers
    of earlier killed writes of the same file are removed first. OSError propagates, with no temp file left.
    """
    target = real_path(path)
    if _is_stream(target):  # /dev/null, /dev/stdout, a named pipe: nothing to replace, and never replaced
        yield target
        return
    remove_leftovers(target)
    final_mode = mode if mode is not None else _existing_mode(target)
    fd, temporary = _create_locked(target, 0o666 if final_mode is None else final_mode)
    try:
        if final_mode is not None:
            os.chmod(temporary, final_mode)  # exactly this mode: the umask may have taken bits away
        yield temporary
        os.fsync(fd)  # syncs the file however the caller wrote it (fsync works per file, not per descriptor)
        if fcntl is None:
            fd = _closed(fd)  # Windows renames no open file (and there is no lock to hold)
        os.replace(temporary, target)
    except BaseException:
        if fcntl is None:
            fd = _closed(fd)  # nor deletes one
        with suppress(OSError):
            temporary.unlink()
        raise
    finally:
        _closed(fd)  # only now on POSIX: the lock must last until the rename
    _fsync_directory(target.parent)


def _is_stream(target: Path) -> bool:
    """Whether ``target`` is a device, a pipe or a socket: written in place, as renaming a file over it would
    put a regular file where the device was (as root, over ``/dev/null`` itself)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def remove_leftovers(path: str | os.PathLike[str]) -> int:
    """Delete the temp files killed writes of ``path`` left beside it; returns how many were removed.

    Only files that are clearly ours go: our exact name pattern for this file, regular files (never links),
    owned by this user, held by no live writer. Problems (a read-only folder) are ignored: this is tidying.
    """
    target = real_path(path)
    return _remove_matching(target.parent, re.escape(target.name))


def remove_leftovers_in(folder: Path) -> int:
    """The same for every file of a folder that is wholly ours (autosaves of sessions that crashed)."""
    return _remove_matching(folder, ".+")


def _remove_matching(folder: Path, name_pattern: str) -> int:
    pattern = re.compile(rf"\.{name_pattern}\.[0-9a-f]{{{_RANDOM_HEX}}}\.tmp")
    removed = 0
    try:
        entries = [entry for entry in os.scandir(folder) if pattern.fullmatch(entry.name)]
    except OSError:
        return 0
    for entry in entries:
        with suppress(OSError):
            if entry.is_file(follow_symlinks=False) and _owned_by_us(entry) and _remove_if_unlocked(entry.path):
                removed += 1
    return removed


def _create_locked(target: Path, mode: int) -> tuple[int, Path]:
    """A new temp file beside ``target``, opened and exclusively locked; retried if a cleaner took it
    between its creation and the lock (it was unlocked for that instant)."""
    while True:
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(_RANDOM_HEX // 2)}.tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
        if fcntl is None:
            return fd, temporary
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            if os.stat(temporary).st_ino == os.fstat(fd).st_ino:
                return fd, temporary
        except FileNotFoundError:
            pass
        os.close(fd)


def _closed(fd: int) -> int:
    """Close ``fd`` unless it already is (-1); returns -1."""
    if fd >= 0:
        os.close(fd)
    return -1


def _remove_if_unlocked(name: str) -> bool:
    if fcntl is None:
        os.unlink(name)  # fails while another process has the file open, i.e. while it is being written
        return True
    fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError (an OSError) while a writer holds it
        os.unlink(name)
        return True
    finally:
        os.close(fd)


def _owned_by_us(entry: os.DirEntry[str]) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is None or entry.stat(follow_symlinks=False).st_uid == getuid()


def _existing_mode(target: Path) -> int | None:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return None


def _fsync_directory(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
