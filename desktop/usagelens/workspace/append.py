"""A source made of several exports: next month's file added to it, or a folder of monthly files at once.

Each file is read as a refresh would read it (same options where they fit, same roles, personal columns
protected the same way), then stacked under the rows the source already has. Exports overlap (a "last 30
days" export taken every month), so a row that is already in the source is counted once: rows are matched on
an event id column when the export has one (Mixpanel's ``$insert_id``, Segment's ``message_id``…), else on
every column the files share. How many were dropped, and by which key, is said in the summary. A table kept on
disk and too big for memory is stacked by DuckDB with the same rules (:mod:`big_append`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from os import PathLike

import pandas as pd

from usagelens.cleaning.steps import listed
from usagelens.io.errors import display_name
from usagelens.io.refresh import Refreshed
from usagelens.model import Source
from usagelens.model.stored_table import StoredTable, held_table, row_count
from usagelens.model.translatable import QT_TRANSLATE_NOOP, joined, plural
from usagelens.workspace.big_append import stack_on_disk, stacks_on_disk
from usagelens.workspace.personal_data import refresh_protected

# Columns that identify one event row across exports, best first (compared after normalising case and "$").
EVENT_ID_COLUMNS = ("insert_id", "event_id", "event_uuid", "uuid", "message_id", "messageid")


@dataclass(frozen=True)
class Appended:
    """The source's new fields and what happened to the rows."""

    fields: dict[str, object]  # table, files, file_name, imported_at, failed_timestamps
    files: list[str]  # the files just added
    rows_before: int
    rows_read: int
    duplicates: int  # rows read that the source (or an earlier added file) already had
    key: str  # how rows were matched, in words
    notes: tuple[str, ...] = ()

    def summary(self) -> str:
        """One sentence for the page: rows added, and the overlap counted once."""
        added = self.rows_read - self.duplicates
        files = plural(len(self.files), QT_TRANSLATE_NOOP("Import", "{count:,} file"),
                       QT_TRANSLATE_NOOP("Import", "{count:,} files"))
        parts = [plural(added, QT_TRANSLATE_NOOP("Import", "{count:,} row added from {files}"),
                        QT_TRANSLATE_NOOP("Import", "{count:,} rows added from {files}")).format(files=files)]
        if self.duplicates:
            parts.append(plural(self.duplicates,
                                QT_TRANSLATE_NOOP("Import", "{count:,} row already in the source (same {key}) counted "
                                                            "once"),
                                QT_TRANSLATE_NOOP("Import", "{count:,} rows already in the source (same {key}) "
                                                            "counted once")).format(key=self.key))
        return joined([*parts, *self.notes], "; ")  # each part in the user's language in the GUI


def match_key(old: Sequence[str], new: Sequence[str]) -> list[str]:
    """The columns (of the ``new`` ones) that tell whether a new row is one the source (``old``) already has."""
    shared = [c for c in new if c in old]
    normalised = {str(c).lower().lstrip("$"): c for c in shared}
    for name in EVENT_ID_COLUMNS:
        if name in normalised:
            return [normalised[name]]
    return shared


def stack(old: pd.DataFrame, new: pd.DataFrame) -> tuple[pd.DataFrame, int, list[str]]:
    """``old`` with the rows of ``new`` it does not already have below it; (table, rows dropped, key).

    Rows within ``old`` are left as they are (a duplicate inside one export is the recipe's business); a
    column typed differently in the two (numbers in one, text in the other) becomes text in both, so the
    stored table keeps one type per column.
    """
    key = match_key(list(old.columns), list(new.columns))
    old, new = _same_types(old, new)
    seen = pd.MultiIndex.from_frame(old[key]) if len(key) > 1 else pd.Index(old[key[0]])
    mine = pd.MultiIndex.from_frame(new[key]) if len(key) > 1 else pd.Index(new[key[0]])
    repeated = mine.isin(seen) | mine.duplicated(keep="first")
    kept = new[~repeated]
    return pd.concat([old, kept], ignore_index=True, sort=False), int(repeated.sum()), key


def _same_types(old: pd.DataFrame, new: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    clashes = [c for c in new.columns if c in old.columns and old[c].dtype != new[c].dtype
               and not (pd.api.types.is_numeric_dtype(old[c]) and pd.api.types.is_numeric_dtype(new[c]))]
    if not clashes:
        return old, new
    as_text = {c: "str" for c in clashes}
    return old.astype(as_text), new.astype(as_text)


def _key_words(key: list[str]) -> str:
    if len(key) == 1:
        return f"{key[0]}"
    return "values in every column" if len(key) > 3 else listed(key)


def append_files(
    source: Source,
    paths: Sequence[str | PathLike[str]],
    *,
    key: str,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Appended:
    """Read ``paths`` (in the order given) as refreshes of ``source`` and stack them under its rows.

    ``key`` is the project's pseudonym key (for sources whose personal columns are protected). Raises
    :class:`~usagelens.io.errors.ImportFailed` naming the file when one cannot be read with the source's roles,
    before anything changes.
    """
    big, rows_before = stacks_on_disk(source), row_count(source)
    table = held_table(source) if big else source.table
    dropped, failed, keys, notes, read = 0, source.failed_timestamps, [], [], 0
    for number, path in enumerate(paths):
        def part(share: float, start: float = 0.0, size: float = 0.5 if big else 1.0, number: int = number) -> None:
            if progress is not None:
                progress((number + start + share * size) / len(paths))

        fresh: Refreshed = refresh_protected(source, path, key=key, progress=part, cancelled=cancelled,
                                             in_memory=not big)
        new = fresh.fields["table"]
        if big:  # converted and protected by DuckDB, as a refresh of this source is
            assert isinstance(new, StoredTable) and isinstance(table, StoredTable)
            used = match_key(table.columns, new.columns)
            table, repeated = stack_on_disk(table, new, used, progress=partial(part, start=0.5),
                                            cancelled=cancelled or (lambda: False))
            read += new.rows
        else:
            assert isinstance(new, pd.DataFrame)
            read += len(new)
            table, repeated, used = stack(table, new)
        dropped += repeated
        failed += int(fresh.fields["failed_timestamps"])  # type: ignore[call-overload]
        keys.append(_key_words(used))
        notes += [note for note in fresh.notes if note not in notes]
    names = [display_name(path) for path in paths]
    files = (source.files or ([source.file_name] if source.file_name else [])) + names
    fields: dict[str, object] = {
        "table": table, "files": files, "file_name": names[-1], "imported_at": datetime.now(UTC),
        "failed_timestamps": failed,
    }
    return Appended(fields, names, rows_before, read, dropped, " / ".join(dict.fromkeys(keys)), tuple(notes))
