"""The mark for text the GUI translates but the core keeps in English.

Titles, labels and sentences made below the Qt layers (step titles, analyses and their parameters, chart titles
and messages, cleaning step kinds, quality checks, KPI names) are wrapped in :func:`QT_TRANSLATE_NOOP` so
pyside6-lupdate extracts them (``scripts/update_translations.py`` lists these modules). The mark returns a
:class:`Phrase`: the English text itself, as the CLI, the PDF report, logs and tests read it, which also keeps
its context, its template and the values filled in with ``.format(...)``, so the GUI can show the sentence in
the user's language (``ui.translations.translated``) while event names, column names and user data stay as
they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

ISO_DAY, SPELLED_DAY = "%Y-%m-%d", "%d %b %Y"  # how the English writes a :class:`Dated` ("2024-06-10", "10 Jun 2024")


class Phrase(str):
    """English text marked for translation: equal to, hashed and printed as its English, with what the GUI needs
    to say it in another language (``context``, ``template``, ``values``). Building a new string from it (``+``,
    an f-string) gives plain English; fill values with :meth:`format` to keep it translatable."""

    context: str
    template: str
    values: Mapping[str, Any]

    def __new__(cls, context: str, template: str, values: Mapping[str, Any] | None = None) -> Phrase:
        values = dict(values or {})
        try:
            text = template.format(**values) if values else template
        except KeyError:  # some values still to come (``plural`` fills in the count first)
            text = template
        self = super().__new__(cls, text)
        self.context, self.template, self.values = context, template, values
        return self

    def format(self, *args: Any, **values: Any) -> Phrase:  # type: ignore[override]
        """The template with ``values`` filled in (named values only: the translator may reorder them)."""
        if args:
            raise TypeError("a marked text takes named values only")
        return Phrase(self.context, self.template, {**self.values, **values})

    def __reduce__(self) -> tuple[Any, ...]:  # copies and pickles stay translatable
        return Phrase, (self.context, self.template, dict(self.values))


@dataclass(frozen=True)
class Dated:
    """A date filled into a marked text: written ``english`` (a strftime format) in the English the CLI and the
    report read, and as the user's locale writes dates where the GUI speaks another language
    (``ui.translations.reader_locale``; an English GUI keeps this English whatever the locale). The template
    names it with no format (``{start}``, never ``{start:%d %b %Y}``): a translator copies a format they see, and
    the German would then show English dates."""

    day: date
    english: str = ISO_DAY

    def __format__(self, spec: str) -> str:
        return format(self.day, spec or self.english)


def QT_TRANSLATE_NOOP(context: str, text: str) -> Phrase:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks ``text`` for the GUI's translators (who look it up in ``context``); reads as ``text`` everywhere."""
    return Phrase(context, text)


def joined(parts: Iterable[str], separator: str = " · ") -> Phrase:
    """Texts (marked or not) in a row, each translated on its own in the GUI: ``joined([a, b])`` reads
    ``a · b``. The separator is punctuation, the same in every language."""
    values = {f"part{n}": part for n, part in enumerate(parts)}
    escaped = separator.replace("{", "{{").replace("}", "}}")
    return Phrase("", escaped.join("{" + name + "}" for name in values), values)


def plural(n: int, one: Phrase, other: Phrase) -> Phrase:
    """``one`` or ``other`` (marked whole sentences, each with a ``{count}``) for ``n`` things: languages differ
    in more than an "s", and one and many suffice for English and German."""
    return (one if n == 1 else other).format(count=n)


def as_sentence(text: str) -> str:
    """``text`` as a sentence on its own: a capital letter first and a full stop last (if it has none)."""
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


class Sentence(Phrase):
    """A fragment (an analysis's problem, "need at least 2 days on each side") said as a sentence on its own:
    :func:`as_sentence` of its English, and in the GUI of its translation, since the capital letter belongs to
    the language the user reads."""

    def __new__(cls, text: str) -> Sentence:  # type: ignore[misc]
        self = str.__new__(cls, as_sentence(str(text)))
        self.context, self.template, self.values = "", "{text}", {"text": text}
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return Sentence, (self.values["text"],)


def replaced(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced by ``new``, still translatable when marked: the values filled in change
    (an internal column's name, say), the template the translator sees does not."""
    if isinstance(text, Sentence):
        return Sentence(replaced(text.values["text"], old, new))
    if isinstance(text, Phrase):
        return Phrase(text.context, text.template, {name: replaced(value, old, new) if isinstance(value, str) else value
                                                    for name, value in text.values.items()})
    return text.replace(old, new)


def said(error: BaseException) -> str:
    """What ``error`` was raised with: its marked text (still translatable), or its English."""
    return error.args[0] if len(error.args) == 1 and isinstance(error.args[0], Phrase) else str(error)
