"""Cleaned and encoded data kept between analyses, so switching pages never re-encodes an event log.

Entries are keyed by the source and the exact recipe that produced them; editing the recipe or refreshing the
source changes the key, so a stale table can never be served. Safe to call from worker threads.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from usagelens.model import Project, Source
from usagelens.model.serialize import to_json
from usagelens.model.stored_table import held_table

if TYPE_CHECKING:  # the window makes its cache at start-up; what fills it is imported when first needed
    import pandas as pd

    from usagelens.analytics import EventLog
    from usagelens.workspace.stored_logs import LogOrigin

COMBINED = "combined:"  # key prefix of logs that combine several sources (one is kept at a time)


def _key(project: Project, source: Source) -> str:
    recipe = to_json(project.recipes.get(source.id, []))
    return f"{source.id}:{id(held_table(source))}:{json.dumps(recipe, sort_keys=True)}"


class DataCache:
    """Memoises ``cleaned_table`` and ``event_log`` per source and recipe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tables: dict[str, pd.DataFrame] = {}
        self._logs: dict[str, EventLog] = {}
        self._origins: dict[str, LogOrigin] = {}

    def cleaned(self, project: Project, source: Source) -> pd.DataFrame:
        key = _key(project, source)
        with self._lock:
            if key in self._tables:
                return self._tables[key]
        from usagelens.workspace.project_data import cleaned_table

        table = cleaned_table(project, source)
        with self._lock:
            self._tables = {k: v for k, v in self._tables.items() if not k.startswith(f"{source.id}:")}
            self._tables[key] = table
        return table

    def event_log(self, project: Project, source: Source) -> EventLog:
        from usagelens.workspace.project_data import encode_events
        from usagelens.workspace.stored_logs import offer, stored_or_encoded

        key = _key(project, source)
        with self._lock:
            log, origin = self._logs.get(key), self._origins.get(key)
        if log is not None:
            if origin is not None:
                offered = offer(project, source, log, origin)  # saved since it was encoded: keep it on disk
                with self._lock:
                    self._origins[key] = offered
            return log
        log, origin = stored_or_encoded(project, source, lambda: encode_events(source, self.cleaned(project, source)))
        with self._lock:
            self._logs = {k: v for k, v in self._logs.items() if not k.startswith(f"{source.id}:")}
            self._logs[key] = log
            self._origins = {k: v for k, v in self._origins.items() if k in self._logs} | {key: origin}
        return log

    def analysed_log(self, project: Project, sources: Sequence[Source]) -> EventLog:
        """One source's log, or several sources' combined log, memoised under all their keys together."""
        if len(sources) == 1:
            return self.event_log(project, sources[0])
        key = COMBINED + "|".join(_key(project, source) for source in sources)
        with self._lock:
            if key in self._logs:
                return self._logs[key]
        from usagelens.workspace.project_data import combined_log

        log = combined_log(sources, [self.cleaned(project, source) for source in sources])
        with self._lock:
            self._logs = {k: v for k, v in self._logs.items() if not k.startswith(COMBINED)}
            self._logs[key] = log
        return log

    def origin(self, project: Project, sources: Sequence[Source]) -> LogOrigin:
        """How the log of ``sources`` was obtained (mapped from the cache, or encoded in memory)."""
        with self._lock:
            found = self._origins.get(_key(project, sources[0])) if len(sources) == 1 else None
        from usagelens.workspace.stored_logs import LogOrigin

        return found or LogOrigin(mapped=False)

    def clear(self) -> None:
        with self._lock:
            self._tables.clear()
            self._logs.clear()
            self._origins.clear()
