"""Undoable edits as plain data.

Every change the GUI makes to a project is one of these commands. ``apply(project)`` performs the edit and
returns the command that undoes it, so undo/redo needs no snapshots and the core stays testable without Qt
(a thin ``QUndoCommand`` adapter in ``ui/undo.py`` puts them on the undo stack).

A *path* names an object inside the project: attribute names and item ids alternate, e.g.
``("objectives", "a1b2")`` is one objective, ``("objectives", "a1b2", "hypotheses")`` its hypothesis list and
``("recipes", "<source id>")`` the recipe list of one source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from usagelens.model.entities import Project

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


@dataclass
class SetField:
    """Set one field of the object at ``path``."""

    path: Path
    field: str
    value: Any
    description: str = "Edit"

    def apply(self, project: Project) -> SetField:
        target = resolve(project, self.path)
        old = getattr(target, self.field)
        setattr(target, self.field, self.value)
        return SetField(self.path, self.field, old, self.description)


@dataclass
class InsertItem:
    """Insert ``item`` into the list at ``path`` (at the end when ``index`` is None)."""

    path: Path
    item: Any
    index: int | None = None
    description: str = "Add"

    def apply(self, project: Project) -> RemoveItem:
        items: list[Any] = resolve(project, self.path)
        items.insert(len(items) if self.index is None else self.index, self.item)
        return RemoveItem(self.path, self.item.id, self.description)


@dataclass
class RemoveItem:
    """Remove the item with ``item_id`` from the list at ``path``."""

    path: Path
    item_id: str
    description: str = "Remove"

    def apply(self, project: Project) -> InsertItem:
        items: list[Any] = resolve(project, self.path)
        index, item = _find(items, self.item_id)
        del items[index]
        return InsertItem(self.path, item, index, self.description)


@dataclass
class MoveItem:
    """Move the item with ``item_id`` to position ``index`` in the list at ``path``."""

    path: Path
    item_id: str
    index: int
    description: str = "Move"

    def apply(self, project: Project) -> MoveItem:
        items: list[Any] = resolve(project, self.path)
        old_index, item = _find(items, self.item_id)
        del items[old_index]
        items.insert(self.index, item)
        return MoveItem(self.path, self.item_id, old_index, self.description)
