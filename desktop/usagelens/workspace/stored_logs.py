"""Event logs of saved sources kept on disk, so that reopening a big project does not clean and encode again.

Cleaning and encoding 10M events takes seconds every time a project opens; the encoded log only changes when
the source's table, its recipe or its roles do. A log is stored (:func:`usagelens.analytics.mapped_log.
store_log`) under a key made of the table's stored fingerprint (:mod:`usagelens.model.table_identity`),
the recipe, the roles and a digest of the pseudonym key (which changes what pseudonymise writes), and
reopened memory-mapped: the kernels then answer at once, with the OS paging the arrays in. A table that was
never saved has no fingerprint and small tables encode faster than they map, so both just stay in memory.
Stored logs live in the user cache (they can be deleted at any time) within a size budget.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass

from usagelens.analytics import EventLog
from usagelens.analytics.accelerator_cache import DEFAULT_BUDGET, cache_folder, cache_key, prune
from usagelens.analytics.mapped_log import UnusableLog, open_mapped_log, store_log
from usagelens.model import Project, Source
from usagelens.model.serialize import to_json
from usagelens.model.stored_table import fingerprint, row_count
from usagelens.workspace.engine_logs import build_with_engine, takes_engine_path

STORE_FROM_ROWS = 500_000  # below this, encoding takes well under a second: not worth the disk


@dataclass(frozen=True)
class LogOrigin:
    """How a log was obtained, for the tooltip that says which path answered, and under which key it was
    offered to the cache (None: not yet, e.g. its table was never saved)."""

    mapped: bool  # opened from the cache rather than encoded in this session
    offered: str | None = None
    built: bool = False  # built into the cache by DuckDB in this session (workspace.engine_logs)

    @property
    def description(self) -> str:
        if self.built:
            return ("Computed by the numpy kernels on the event log DuckDB built from the stored table, its recipe "
                    "run as a query (the table was never loaded whole into memory).")
        if self.mapped:
            return "Computed by the numpy kernels on the event log stored in the cache by an earlier session."
        return "Computed by the numpy kernels on the event log held in memory."


def stored_key(project: Project, source: Source) -> str | None:
    """The key of the source's stored log, or None when it cannot be stored (never saved, or small)."""
    stored = fingerprint(source)
    if stored is None or row_count(source) < STORE_FROM_ROWS:
        return None
    # what the steps do, not which objects they are: a step made again with the same settings is the same log
    recipe = [{k: v for k, v in step.items() if k != "id"} for step in to_json(project.recipes.get(source.id, []))]
    secret = hashlib.sha256(project.pseudonym_key.encode("utf-8")).hexdigest()
    return cache_key(stored, [recipe, dict(sorted(source.roles.items())), secret])


def stored_or_encoded(
    project: Project, source: Source, encode: Callable[[], EventLog], *, budget: int = DEFAULT_BUDGET
) -> tuple[EventLog, LogOrigin]:
    """The source's log mapped from the cache when it is there, else built there by DuckDB when the source is
    big and undecoded (:mod:`engine_logs`), else ``encode()`` and stored for next time.

    A cache that cannot be read or written (a damaged folder, a full disk, properties Arrow cannot hold) never
    stops an analysis: the log is then encoded and used from memory.
    """
    key = stored_key(project, source)
    if key is None:
        return encode(), LogOrigin(mapped=False)
    with _one_at_a_time(key):  # pages asking at once: one builds, the others then map what it built
        return _mapped_built_or_encoded(project, source, encode, key, budget)


def _mapped_built_or_encoded(
    project: Project, source: Source, encode: Callable[[], EventLog], key: str, budget: int
) -> tuple[EventLog, LogOrigin]:
    folder = cache_folder(key)
    try:
        log = open_mapped_log(folder, key=key)
    except UnusableLog:
        pass
    else:
        os.utime(folder)  # most recently used: the last the budget removes
        return log, LogOrigin(mapped=True, offered=key)
    if takes_engine_path(source) and build_with_engine(project, source, folder, key=key):
        prune(budget, keep=folder)
        try:
            return open_mapped_log(folder, key=key), LogOrigin(mapped=True, offered=key, built=True)
        except UnusableLog:
            pass
    log = encode()
    return log, offer(project, source, log, LogOrigin(mapped=False), budget=budget)


_guard = threading.Lock()
_builds: dict[str, threading.RLock] = {}


def _one_at_a_time(key: str) -> threading.RLock:
    """The lock of one key's build: two builds of 100M events at once would need twice the memory."""
    with _guard:
        return _builds.setdefault(key, threading.RLock())


def offer(
    project: Project, source: Source, log: EventLog, origin: LogOrigin, *, budget: int = DEFAULT_BUDGET
) -> LogOrigin:
    """Store a log held in memory once its source can be stored: a log encoded right after an import is kept
    for the next session as soon as the project is saved (its table then has a fingerprint). Tried once per
    key, so a log the cache cannot hold is not written again at every analysis."""
    key = stored_key(project, source)
    if key is None or key == origin.offered:
        return origin
    folder = cache_folder(key)
    try:
        store_log(log, folder, key=key)
        prune(budget, keep=folder)
    except (UnusableLog, OSError):
        pass
    return LogOrigin(mapped=origin.mapped, offered=key)
