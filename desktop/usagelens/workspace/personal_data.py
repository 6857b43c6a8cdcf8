"""Taking personal data out of the stored tables for good, and keeping it out when a source is refreshed.

The user chooses, per personal column, to pseudonymise it (with the project's kept key, or one-way with a
key thrown away at once) or to drop it. The stored table is rewritten, so the raw values leave the project
file at the next save. Recipe steps that named raw values of such a column (users to exclude, values to
keep) are rewritten to the pseudonyms, so the recipe still does what it did and ``project.json`` no longer
holds the values either. The rewrite is computed off the UI thread and returned as plain edits; the GUI
applies them outside the undo history, because an undo would have to bring the raw values back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from os import PathLike
from typing import Any

import pandas as pd

from usagelens.cleaning.personal import detect_personal_columns
from usagelens.cleaning.pseudonymise import DEFAULT_LENGTH, RECIPE_STEP, new_key, protect_table, pseudonyms
from usagelens.cleaning.steps import listed
from usagelens.io.errors import ImportFailed
from usagelens.io.refresh import Refreshed, refresh_source
from usagelens.model import Project, ProtectedColumn, Protection, RecipeStep, Source
from usagelens.model.commands import Command, RemoveItem, SetField
from usagelens.model.stored_table import StoredTable, held_table, stored_table
from usagelens.model.translatable import QT_TRANSLATE_NOOP
from usagelens.workspace.big_import import refresh_big_events
from usagelens.workspace.personal_on_disk import detected_on_disk, protect_on_disk
from usagelens.workspace.pseudonym_keys import KeychainUnavailable, ensure_key, kept_key

_VALUE_FILTERS = ("equals", "one_of", "not_one_of")  # filter_rows operators that name whole values


@dataclass(frozen=True)
class PersonalColumn:
    """A column of a stored table that still holds personal values."""

    source_id: str
    source_name: str
    column: str
    kind: str  # email, name, phone, ip (cleaning.personal)
    in_recipe: bool  # an old recipe step pseudonymises it when analysing, but the file holds the raw values


@dataclass(frozen=True)
class Removal:
    """One column the user chose to take out: ``protection`` says pseudonymised (kept key), one-way or
    dropped."""

    source_id: str
    column: str
    protection: Protection
    kind: str = ""


@dataclass(frozen=True)
class Rewrite:
    """New tables and the edits that go with them, ready to be applied on the UI thread."""

    edits: list[Command]
    based_on: dict[str, int]  # source id -> id() of the table the new one was made from, to detect a race

    def still_current(self, project: Project) -> bool:
        """False when a source changed (a refresh, say) while the rewrite was computed."""
        return all(id(held_table(project.source(sid))) == table for sid, table in self.based_on.items())


def personal_columns(project: Project, sources: Sequence[Source] | None = None) -> list[PersonalColumn]:
    """Personal columns whose raw values are still stored, source by source (all sources unless given)."""
    return [column for source in (project.sources if sources is None else sources)
            for column in detected_personal_columns(project, source, _detected(source))]


def _detected(source: Source) -> dict[str, str]:
    """The source's personal columns: by pandas, or by queries for a table kept on disk (never decoded)."""
    stored = stored_table(source)
    if stored is not None and stored.path is not None:
        return detected_on_disk(stored)
    return detect_personal_columns(source.table)


def detected_personal_columns(project: Project, source: Source, found: dict[str, str]) -> list[PersonalColumn]:
    """The columns of ``source`` detected as personal (``found``: column -> kind, by pandas or by queries)
    whose raw values are still stored, each marked hidden when a recipe step already hides it."""
    done = {p.column for p in source.protected}
    hidden = set().union(*(_step_columns(s) for s in _legacy_steps(project, source)))
    return [PersonalColumn(source.id, source.name, column, kind, column in hidden)
            for column, kind in found.items() if column not in done]


_DONE = {Protection.PSEUDONYMISED: "pseudonymised", Protection.ONE_WAY: "pseudonymised one-way",
         Protection.DROPPED: "dropped"}


def protection_summary(source: Source) -> str:
    """``email pseudonymised, phone dropped``: what was removed from the source's stored table ("" if nothing)."""
    return ", ".join(f"{p.column} {_DONE[p.protection]}" for p in source.protected)


def _legacy_steps(project: Project, source: Source) -> list[RecipeStep]:
    return [s for s in project.recipes.get(source.id, []) if s.enabled and s.op == RECIPE_STEP]


def _step_columns(step: RecipeStep) -> set[str]:
    return {str(c) for c in step.params.get("columns", []) or []}


def rewrite_sources(project: Project, removals: Sequence[Removal], *, key: str, one_way_key: str,
                    progress: Callable[[float], None] | None = None,
                    cancelled: Callable[[], bool] = lambda: False) -> Rewrite:
    """The edits that take ``removals`` out of the stored tables (slow on big tables: run on a worker; a table
    kept on disk is rewritten by DuckDB, which ``cancelled`` interrupts).

    ``key`` is the project's kept key ("" when none is used), ``one_way_key`` one made for this rewrite
    alone, which the caller forgets afterwards. A column an old recipe step already pseudonymises keeps that
    step's pseudonyms (same key and length) and leaves the step, so the recipe does not hash it twice.
    """
    edits: list[Command] = []
    based_on: dict[str, int] = {}
    by_source: dict[str, list[Removal]] = {}
    for removal in removals:
        by_source.setdefault(removal.source_id, []).append(removal)
    for done, (source_id, chosen) in enumerate(by_source.items()):
        source = project.source(source_id)
        steps = project.recipes.get(source_id, [])
        lengths = {c: int(s.params.get("length", DEFAULT_LENGTH)) for s in _legacy_steps(project, source)
                   for c in _step_columns(s)}
        protected = protections(chosen, lengths)
        based_on[source_id] = id(held_table(source))
        table = _protected_table(held_table(source), protected, key=key, one_way_key=one_way_key,
                                 progress=_share(progress, done, len(by_source)), cancelled=cancelled)
        path = ("sources", source_id)
        edits += [SetField(path, "table", table), SetField(path, "protected", [*source.protected, *protected])]
        edits += _recipe_edits(source, steps, protected, key=key, one_way_key=one_way_key)
        if progress:
            progress((done + 1) / len(by_source))
    return Rewrite(edits, based_on)


def _share(progress: Callable[[float], None] | None, done: int, total: int) -> Callable[[float], None]:
    """Progress within the ``done``-th of ``total`` sources, as progress of them all."""
    return (lambda part: progress((done + part) / total)) if progress else (lambda _part: None)


def _protected_table(table: pd.DataFrame | StoredTable | None, protected: Sequence[ProtectedColumn], *, key: str,
                     one_way_key: str, progress: Callable[[float], None] = lambda _share: None,
                     cancelled: Callable[[], bool] = lambda: False) -> pd.DataFrame | StoredTable:
    """A source's table (as held) without the raw values: in pandas, or rewritten by DuckDB when it is kept on
    disk."""
    if isinstance(table, StoredTable) and table.path is not None:
        return protect_on_disk(table, protected, key=key, one_way_key=one_way_key, progress=progress,
                               cancelled=cancelled)
    frame = table.frame() if isinstance(table, StoredTable) else table
    return protect_table(frame, protected, key=key, one_way_key=one_way_key)


def protections(removals: Sequence[Removal], lengths: dict[str, int] | None = None) -> list[ProtectedColumn]:
    """The records of ``removals``, each pseudonym as long as an old recipe step made it (``lengths``), else of
    the default length; what a source keeps of what was taken out of it, and what a big import's conversion
    takes out (:func:`usagelens.workspace.big_import.import_big_events`)."""
    now = datetime.now().replace(microsecond=0)
    return [ProtectedColumn(r.column, r.protection, r.kind, (lengths or {}).get(r.column, DEFAULT_LENGTH), now)
            for r in removals]


def protect_new_source(source: Source, removals: Sequence[Removal], *, key: str, one_way_key: str) -> Source:
    """A source just read from a file, with the chosen personal columns pseudonymised or dropped before it is
    ever stored (columns the file turned out not to have are left out)."""
    protected = protections([r for r in removals if r.column in source.table.columns])
    table = protect_table(source.table, protected, key=key, one_way_key=one_way_key)
    return dataclasses.replace(source, table=table, protected=protected)


def _recipe_edits(source: Source, steps: list[RecipeStep], protected: list[ProtectedColumn], *, key: str,
                  one_way_key: str) -> list[Command]:
    """Recipe steps that named raw values of the rewritten columns, rewritten to pseudonyms; old pseudonymise
    steps lose the columns now pseudonymised in the table (and go when none is left)."""
    path = ("recipes", source.id)
    pending = {p.column: p for p in protected if p.protection is not Protection.DROPPED}
    gone = {p.column for p in protected}
    edits: list[Command] = []
    for step in steps:
        if step.op == RECIPE_STEP and step.enabled:
            kept = [c for c in step.params.get("columns", []) or [] if str(c) not in gone]
            if not kept:
                edits.append(RemoveItem(path, step.id))
            elif len(kept) < len(step.params["columns"]):
                edits.append(SetField((*path, step.id), "params", {**step.params, "columns": kept}))
            for column in _step_columns(step):  # steps after this one already see its pseudonyms
                pending.pop(column, None)
            continue
        params = _hashed_params(step, source, pending, key=key, one_way_key=one_way_key)
        if params is not None:
            edits.append(SetField((*path, step.id), "params", params))
    return edits


def _hashed_params(step: RecipeStep, source: Source, pending: dict[str, ProtectedColumn], *, key: str,
                   one_way_key: str) -> dict[str, Any] | None:
    """``step``'s parameters with the values it names in a pseudonymised column hashed, or None when it
    names none (patterns, 'contains' and e-mail domains cannot be hashed and simply stop matching)."""
    params = dict(step.params)

    def hashed(column: str | None, values: list[Any]) -> list[str] | None:
        target = pending.get(column or "")
        if target is None:
            return None
        secret = one_way_key if target.protection is Protection.ONE_WAY else key
        return pseudonyms(pd.Series([str(v) for v in values], dtype="str"), secret, target.length).tolist()

    if step.op == "exclude_users" and params.get("users"):
        users = hashed(params.get("column") or source.roles.get("user_id"), list(params["users"]))
        if users is not None:
            return {**params, "users": users}
    if step.op == "filter_rows" and params.get("operator") in _VALUE_FILTERS:
        if params["operator"] == "equals":
            value = hashed(params.get("column"), [params.get("value")])
            return {**params, "value": value[0]} if value is not None else None
        values = hashed(params.get("column"), list(params.get("values") or []))
        return {**params, "values": values} if values is not None else None
    return None


def keys_for(project: Project, removals: Sequence[Removal]) -> tuple[str, str]:
    """The project's kept key (made and stored in the keychain on first use) when a removal needs it, and a
    fresh one-way key when one does, for the caller to forget once the rewrite is done. Raises
    KeychainUnavailable when the keychain fails."""
    protections = {removal.protection for removal in removals}
    key = ensure_key(project) if Protection.PSEUDONYMISED in protections else ""
    return key, new_key() if Protection.ONE_WAY in protections else ""


def key_for_refresh(project: Project, source: Source) -> str:
    """The kept key when refreshing ``source`` needs it, else "" (also when the keychain has none:
    :func:`refresh_protected` then says why it refuses). Call it on the UI thread: a keychain may ask the user
    to unlock it."""
    if not any(p.protection is Protection.PSEUDONYMISED for p in source.protected):
        return ""
    try:
        return kept_key(project)
    except KeychainUnavailable:
        return ""


def refresh_protected(source: Source, path: str | PathLike[str], *, key: str,
                      progress: Callable[[float], None] | None = None,
                      cancelled: Callable[[], bool] | None = None, in_memory: bool = False) -> Refreshed:
    """:func:`usagelens.io.refresh.refresh_source`, with the source's personal columns pseudonymised or
    dropped in the new export before anything is stored; :class:`ImportFailed` when they need the project's
    kept key and ``key`` is empty (new pseudonyms would silently not match the stored ones). A source kept on
    disk is refreshed by DuckDB, its personal columns taken out as it converts the export (never written plain),
    unless ``in_memory`` asks for a table in pandas (to stack under its rows)."""
    keyed = [p.column for p in source.protected if p.protection is Protection.PSEUDONYMISED]
    if keyed and not key:
        raise ImportFailed(QT_TRANSLATE_NOOP(
            "Import", "{name} cannot be refreshed on this computer: {columns} is pseudonymised with this project's "
                      "key, which is not in this computer's keychain, so the new export's pseudonyms would not match. "
                      "Import the file as a new source instead.").format(name=source.name, columns=listed(keyed)))
    one_way = [p.column for p in source.protected if p.protection is Protection.ONE_WAY]
    one_way_key = new_key() if one_way else ""
    stored = stored_table(source)
    if stored is not None and stored.path is not None and not in_memory:  # a big import's: its next export is too
        refreshed = refresh_big_events(source, path, progress=progress or (lambda _share: None),
                                       cancelled=cancelled or (lambda: False), key=key, one_way_key=one_way_key)
    else:
        refreshed = refresh_source(source, path, progress=progress, cancelled=cancelled)
        if source.protected:
            table = _protected_table(refreshed.fields["table"], source.protected, key=key,  # type: ignore[arg-type]
                                     one_way_key=one_way_key)
            dropped = {p.column for p in source.protected if p.protection is Protection.DROPPED}
            refreshed = dataclasses.replace(
                refreshed, fields={**refreshed.fields, "table": table},
                added_columns=[c for c in refreshed.added_columns if c not in dropped])
    if not one_way:
        return refreshed
    return dataclasses.replace(refreshed, notes=(
        *refreshed.notes, f"{listed(one_way)} got new one-way pseudonyms that do not match the earlier ones or other "
        "sources (the key was discarded)"))
