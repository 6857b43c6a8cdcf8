"""Undoable edits as plain data.

Every change the GUI makes to a project is one of these commands. ``apply(project)`` performs the edit and
returns the command that undoes it, so undo/redo needs no snapshots and the core stays testable without Qt
(a thin ``QUndoCommand`` adapter in ``ui/undo.py`` puts them on the undo stack).

A *path* names an object inside the project: attribute names and item ids alternate, e.g.
``("objectives", "a1b2")`` is one objective, ``("objectives", "a1b2", "hypotheses")`` its hypothesis list and
``("recipes", "<source id>")`` the recipe list of one source.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, Protocol

from usagelens.model.entities import Project
from usagelens.model.stored_table import TableSlot

Path = tuple[str, ...]


class Command(Protocol):
    description: str

    def apply(self, project: Project) -> Command: ...

    @property
    def path(self) -> Path: ...


def resolve(project: Project, path: Sequence[str]) -> Any:
    """Walk ``path`` from the project: attributes on objects, ids in lists, keys in dicts."""
    node: Any = project
    for part in path:
        if isinstance(node, list):
            node = _find(node, part)[1]
        elif isinstance(node, dict):
            node = node.setdefault(part, [])
        else:
            node = getattr(node, part)
    return node


def _find(items: list[Any], item_id: str) -> tuple[int, Any]:
    for index, item in enumerate(items):
        if item.id == item_id:
            return index, item
    raise KeyError(f"no item {item_id!r}")


@dataclasses.dataclass
class _Edit:
    """What every command has: the object it edits, and the words Edit ▸ Undo shows for it."""

    path: Path
    description: str = dataclasses.field(default="Edit", kw_only=True)


@dataclasses.dataclass
class SetField(_Edit):
    """Set one field of the object at ``path``."""

    field: str
    value: Any

    def apply(self, project: Project) -> SetField:
        target = resolve(project, self.path)
        slot = getattr(type(target), self.field, None)
        # a table is kept for the undo as held: one kept as Parquet is not decoded just to be set aside
        old = slot.held(target) if isinstance(slot, TableSlot) else getattr(target, self.field)
        setattr(target, self.field, self.value)
        return dataclasses.replace(self, value=old)


@dataclasses.dataclass
class InsertItem(_Edit):
    """Insert ``item`` into the list at ``path`` (at the end when ``index`` is None)."""

    item: Any
    index: int | None = None

    def apply(self, project: Project) -> RemoveItem:
        items: list[Any] = resolve(project, self.path)
        items.insert(len(items) if self.index is None else self.index, self.item)
        return RemoveItem(self.path, self.item.id, description=self.description)


@dataclasses.dataclass
class RemoveItem(_Edit):
    """Remove the item with ``item_id`` from the list at ``path``."""

    item_id: str

    def apply(self, project: Project) -> InsertItem:
        items: list[Any] = resolve(project, self.path)
        index, item = _find(items, self.item_id)
        del items[index]
        return InsertItem(self.path, item, index, description=self.description)


@dataclasses.dataclass
class MoveItem(_Edit):
    """Move the item with ``item_id`` to position ``index`` in the list at ``path``."""

    item_id: str
    index: int

    def apply(self, project: Project) -> MoveItem:
        """A move is a removal and an insertion; undoing it moves the item back to where it was."""
        reinsert = RemoveItem(self.path, self.item_id).apply(project)
        InsertItem(self.path, reinsert.item, self.index).apply(project)
        return dataclasses.replace(self, index=reinsert.index)


@dataclasses.dataclass
class ReplaceItem(_Edit):
    """Put ``item`` in place of the item with the same id in the list at ``path``: an edit of several fields
    at once (a cohort's name, match and conditions from one dialog) that undoes in one step."""

    item: Any

    def apply(self, project: Project) -> ReplaceItem:
        items: list[Any] = resolve(project, self.path)
        index, old = _find(items, self.item.id)
        items[index] = self.item
        return dataclasses.replace(self, item=old)
