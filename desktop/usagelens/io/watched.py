"""Running one of pyarrow's multithreaded readers (CSV, JSON) with progress and a working Cancel.

pyarrow reads a whole file in one call, so the call runs on a worker thread while the caller's thread reports
how many bytes the reader has taken so far and, on cancel, makes the reader's next read fail. A streaming
reader would give progress for free but parses one block at a time: 2–3× slower on two cores.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from typing import Any, BinaryIO, TypeVar

from usagelens.io.callbacks import Cancelled, Progress
from usagelens.io.containers import Part
from usagelens.io.errors import ImportCancelled

POLL_SECONDS = 0.05
SMALL_PART_BYTES = 4 << 20
READ_SHARE = 0.9  # of the progress bar: the rest is for turning the read table into the source's table

Result = TypeVar("Result")
Inspect = Callable[[memoryview], None]  # sees each block handed to the reader; may raise to stop the read


def read_watched(
    part: Part,
    read: Callable[[BinaryIO], Result],
    progress: Progress,
    cancelled: Cancelled,
    inspect: Inspect | None = None,
) -> Result:
    """``read(stream)`` on a worker thread over ``part``'s data, reporting the share of bytes read (up to
    :data:`READ_SHARE`) and stopping with :class:`ImportCancelled` soon after ``cancelled()`` turns true. A
    small part (an hour of an archive) is read on this thread: it is over before a bar could move.

    An exception raised by the stream itself (cancel, an unpacking guard, or ``inspect``) is the one raised
    here, whatever the reader makes of it.
    """
    if cancelled():
        raise ImportCancelled
    with part.open() as handle:
        source = WatchedStream(handle, inspect)
        try:
            result = read(source) if part.weight <= SMALL_PART_BYTES else _on_worker(part, read, source, progress,
                                                                                     cancelled)
        except Exception:
            if source.failure is not None:
                raise source.failure from None
            raise
    if source.failure is not None:
        raise source.failure
    if source.stopped:
        raise ImportCancelled
    progress(READ_SHARE)
    return result


def _on_worker(
    part: Part, read: Callable[[BinaryIO], Result], source: WatchedStream, progress: Progress, cancelled: Cancelled
) -> Result:
    with ThreadPoolExecutor(max_workers=1) as executor:
        reading = executor.submit(read, source)
        while True:
            if cancelled():
                source.stopped = True  # the reader's next read fails, so the worker ends soon
            try:
                return reading.result(timeout=POLL_SECONDS)
            except FuturesTimeout:
                progress(READ_SHARE * part.share_read(source.bytes_read))


class WatchedStream(io.RawIOBase):
    """The data as a reader takes it: counts the bytes handed out (progress), fails once stopped (cancel), lets
    ``inspect`` see each block, and remembers the first exception it raised so the caller can re-raise it."""

    def __init__(self, handle: BinaryIO, inspect: Inspect | None = None) -> None:
        super().__init__()
        self._handle = handle
        self._inspect = inspect
        self.bytes_read = 0
        self.stopped = False
        self.failure: BaseException | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            if self.stopped:
                raise ImportCancelled
            count = self._handle.readinto(buffer)  # type: ignore[attr-defined]
            self.bytes_read += count
            if self._inspect is not None:
                self._inspect(memoryview(buffer)[:count])
        except BaseException as error:
            self.failure = self.failure or error
            raise
        return count
