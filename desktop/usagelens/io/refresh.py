"""Keeping a source current: changing its column roles after import, and reloading it from next month's file.

Both keep everything the user decided about the source (its id, so its recipe still applies; its kind,
roles and import options) and change only the table. Neither touches the project: they return the new
values, and the GUI applies them as undoable edits.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from os import PathLike

import pandas as pd

from usagelens.io.errors import ImportFailed, display_name
from usagelens.io.source_builder import TIME_ROLES, build_source, type_roles
from usagelens.model.entities import ROLE_LABELS, Source
from usagelens.model.translatable import QT_TRANSLATE_NOOP, joined


@dataclass(frozen=True)
class RoleChange:
    """The roles a source should get and its table with the newly mapped columns typed accordingly."""

    roles: dict[str, str]
    table: pd.DataFrame
    failed_timestamps: int


def check_roles(source: Source, roles: Mapping[str, str]) -> dict[str, str]:
    """The roles of ``roles`` that ``source``'s kind has; :class:`ImportFailed` when a required one is not
    mapped or names a column the table lacks. Instant, so a dialog can check before it closes."""
    mapped = {role: column for role, column in roles.items() if column and role in source.kind.roles}
    missing = [role for role in source.kind.required_roles if role not in mapped]
    if missing:
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "Choose a column for: {roles}.").format(
            roles=joined((ROLE_LABELS[role] for role in missing), ", ")))
    absent = sorted(set(mapped.values()) - {str(c) for c in source.table.columns})
    if absent:
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} has no column {columns}.").format(
            name=source.name, columns=", ".join(absent)))
    return mapped


def change_roles(
    source: Source, roles: Mapping[str, str], progress: Callable[[float], None] | None = None
) -> RoleChange:
    """Map ``roles`` on ``source`` (checked as :func:`check_roles` does); columns taking a new role are typed
    for it (a column becoming the time is parsed, and its failures counted). Slow on big tables: the GUI
    runs it on a worker."""
    mapped = check_roles(source, roles)
    newly = {role: column for role, column in mapped.items() if source.roles.get(role) != column}
    table = source.table.copy(deep=False)  # a new object, so caches keyed on the table see the change
    failed = type_roles(table, newly, date_order=source.options.date_order, progress=progress).failed_timestamps
    old_times = {source.roles.get(r) for r in TIME_ROLES} - {None}
    kept_times = {mapped.get(r) for r in TIME_ROLES if source.roles.get(r) == mapped.get(r)} - {None}
    if kept_times == old_times:
        failed += source.failed_timestamps  # earlier failures are NaT now and cannot be recounted
    return RoleChange(mapped, table, failed)


@dataclass(frozen=True)
class Refreshed:
    """A source reloaded from a new file: the fields to change, and how the columns moved."""

    fields: dict[str, object]  # Source field -> new value (table, file_name, imported_at, failed_timestamps)
    rows_before: int
    rows_after: int
    added_columns: list[str]
    removed_columns: list[str]
    notes: tuple[str, ...] = ()  # what else the user should know, e.g. that new pseudonyms do not match old ones

    def summary(self) -> str:
        """One sentence for the status bar."""
        parts = [QT_TRANSLATE_NOOP("Import", "{before:,} → {after:,} rows").format(before=self.rows_before,
                                                                                  after=self.rows_after)]
        if self.added_columns:
            parts.append(QT_TRANSLATE_NOOP("Import", "new columns: {columns}").format(
                columns=", ".join(self.added_columns)))
        if self.removed_columns:
            parts.append(QT_TRANSLATE_NOOP("Import", "columns gone: {columns}").format(
                columns=", ".join(self.removed_columns)))
        return joined([*parts, *self.notes], "; ")  # each part in the user's language in the GUI


def refresh_source(
    source: Source,
    path: str | PathLike[str],
    *,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Refreshed:
    """Read ``path`` the way ``source`` was read, with its roles; :class:`ImportFailed` when a role column
    is missing from the new file (the message names it), so the old table is never replaced by a wrong one."""
    fresh = build_source(path, source.options, source.kind, source.roles, name=source.name,
                         score_scale=source.score_scale, progress=progress, cancelled=cancelled)
    old_columns = [str(c) for c in source.table.columns]
    new_columns = [str(c) for c in fresh.table.columns]
    fields: dict[str, object] = {
        "table": fresh.table,
        "file_name": display_name(path),
        "files": [],  # the new export replaces every file the source held
        "imported_at": fresh.imported_at or datetime.now(),
        "failed_timestamps": fresh.failed_timestamps,
    }
    return Refreshed(
        fields=fields,
        rows_before=len(source.table),
        rows_after=len(fresh.table),
        added_columns=[c for c in new_columns if c not in old_columns],
        removed_columns=[c for c in old_columns if c not in new_columns],
    )
