"""Guards the PySide6 pin in pyproject.toml.

PySide6 6.12.0 returns ``None`` for an empty QVariant without taking a reference, so every
``combo.currentData()`` or ``index.data()`` that yields nothing lowers None's reference count until the
interpreter aborts ("Fatal Python error: none_dealloc"). Before moving the pin, this test must pass on
the new version.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QStandardItemModel, QTextCharFormat, QTextFormat
from PySide6.QtWidgets import QComboBox


def test_empty_variants_keep_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.addItem("no data")
    model = QStandardItemModel(1, 1)
    fmt = QTextCharFormat()
    holder = QObject()
    calls = [
        combo.currentData,
        lambda: model.index(0, 0).data(Qt.ItemDataRole.UserRole),
        lambda: fmt.property(QTextFormat.Property.UserProperty + 7),
        lambda: holder.property("missing"),
    ]
    for call in calls:
        before = sys.getrefcount(None)
        for _ in range(200):
            assert call() is None
        assert sys.getrefcount(None) >= before - 5, f"{call} loses references to None"
