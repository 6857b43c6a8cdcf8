"""The ways an import or an export can stop, and how a file is named in messages.

Every public function of :mod:`usagelens.io` turns whatever went wrong into :class:`ImportFailed` whose text
is one sentence a product owner can act on, so the GUI and the CLI show it as is and never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from os import PathLike
from pathlib import Path

from usagelens.model.translatable import QT_TRANSLATE_NOOP

# sentences several readers say of a file ({name})
IS_EMPTY = QT_TRANSLATE_NOOP("Import", "{name} is empty.")
PASSWORD_PROTECTED = QT_TRANSLATE_NOOP("Import", "{name} is password-protected; remove the password in Excel and "
                                                 "export again.")
DAMAGED = QT_TRANSLATE_NOOP("Import", "{name} is damaged or incomplete; download it again.")
CANNOT_READ = QT_TRANSLATE_NOOP("Import", "{name} cannot be read ({reason}).")


class ImportFailed(Exception):
    """An export could not be read; ``str(error)`` is one clear sentence for the user."""


class ImportCancelled(Exception):
    """The user cancelled a running import; nothing was imported."""


class ExportFailed(Exception):
    """A table could not be written as asked (e.g. too many rows for Excel); one sentence for the user."""


class ExportCancelled(Exception):
    """The user cancelled a running export; the previous file, if any, is untouched."""


def display_name(path: str | PathLike[str]) -> str:
    """The file name as the user knows it (no folders: they clutter a one-line message)."""
    return Path(path).name


def missing_columns_message(wanted: Iterable[str], known: Sequence[object]) -> str | None:
    """The one-line message for role columns an export lacks, with the first of its columns; None if none lack."""
    missing = [name for name in dict.fromkeys(wanted) if name not in known]
    if not missing:
        return None
    return QT_TRANSLATE_NOOP("Analysis", "no column {missing} in the data (columns: {known})").format(
        missing=", ".join(map(repr, missing)), known=", ".join(map(str, known[:12])))


def no_data_message(name: str) -> str:
    """A file whose every line is blank or only separators: not empty to the eye, but without a table."""
    return QT_TRANSLATE_NOOP("Import", "{name} has no data: it holds only separators and blank lines.").format(
        name=name)
