"""The app in the user's language: Qt's own translations and the app's, installed at start-up.

Qt's ``qtbase_<lang>.qm`` translates what Qt draws itself (dialog buttons, file dialogs, context menus of
editors); ``resources/translations/usagelens_<lang>.qm`` translates the app's strings, which are wrapped in
``self.tr()`` or ``QCoreApplication.translate(context, text)`` so ``make translations`` (pyside6-lupdate)
can extract them. A language without a file stays English; nothing fails for a missing translation.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from numbers import Real
from typing import TYPE_CHECKING, Any

from usagelens.charts.locale_text import date_text, in_locale
from usagelens.model.steps import Step, StepState
from usagelens.model.translatable import Dated, Phrase, Sentence, as_sentence
from usagelens.ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from usagelens.ui.resources import resources_dir

if TYPE_CHECKING:
    from usagelens.cleaning.steps import StepKind

APP_CATALOGUE = "usagelens"
SOURCE_LANGUAGE = "en"  # the language the app is written in, shown where no catalogue was found
_installed: list[QTranslator] = []  # kept referenced: Qt does not own an installed translator
_language = SOURCE_LANGUAGE


def translations_dir() -> str:
    """Where the app's ``.qm`` files are, in a source checkout and in the packaged app."""
    return str(resources_dir() / "translations")


def install_translators(locale: QLocale | None = None) -> list[str]:
    """Translate the running app into ``locale`` (default: the user's, ``QLocale()``), replacing any
    translators installed before; the catalogues found, for the log and tests ("qtbase", "usagelens")."""
    global _language
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _language = SOURCE_LANGUAGE
    locale = locale or QLocale()
    found = []
    for name, folder in (("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                         (APP_CATALOGUE, translations_dir())):
        translator = QTranslator(app)
        # Tries each of the locale's UI languages: usagelens_de_DE.qm, then usagelens_de.qm, ...
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            _installed.append(translator)
            found.append(name)
            if name == APP_CATALOGUE:
                _language = translator.language() or SOURCE_LANGUAGE
    return found


def ui_language() -> str:
    """The language the app's texts are shown in ("de", or "en" where no catalogue matched the locale): the
    one decision, made by the catalogue found above, that what else the app ships per language follows (the
    help pages), so a page never speaks another language than the window around it."""
    return _language


def reader_locale() -> QLocale | None:
    """The locale a translated sentence writes its dates in: the user's where it speaks the catalogue's
    language, else the catalogue's own ("de"), so a German sentence never holds "6/3/2024"; None while the app
    speaks its source English, whose sentences keep the core's English dates whatever the locale."""
    if _language == SOURCE_LANGUAGE:
        return None
    locale, language = QLocale(), QLocale(_language)
    return locale if locale.language() == language.language() else language


def step_title(step: Step) -> str:
    """A step's title in the user's language (marked in ``model/steps.py`` for extraction)."""
    return QCoreApplication.translate("Step", step.title)


def step_purpose(step: Step) -> str:
    return QCoreApplication.translate("Step", step.purpose)


def step_kind_title(kind: StepKind) -> str:
    """A cleaning step kind's title in the user's language (marked in ``cleaning``'s declarations)."""
    return QCoreApplication.translate("StepKind", kind.title)


def attention_text(state: StepState) -> str:
    """Why a step needs a look, in the user's language ("" when it needs none): the sentence for its count."""
    reason = state.reason
    if reason is None:
        return ""
    return counted(reason.count, QCoreApplication.translate("StepState", reason.one),
                   QCoreApplication.translate("StepState", reason.other))


def kpi_words(text: str) -> str:
    """A KPI's name or description in the user's language, as marked in ``analytics.kpi`` (the events, columns
    and steps it names stay as they are)."""
    return translated(text) if isinstance(text, Phrase) else QCoreApplication.translate("KPI", text)


def word_choices(context: str, words: Sequence[str]) -> dict[str, Any]:
    """A choice column's ``choices``, ``show`` and ``parse`` for values the project keeps as English words
    marked in ``context`` (a finding's kind, an action's status): shown and picked in the user's language, kept
    in English so the report and the CLI read them as before."""

    def shown(word: Any) -> str:
        return QCoreApplication.translate(context, str(word)) if word else ""

    return {"choices": lambda: [shown(word) for word in words], "show": shown,
            "parse": lambda text: {shown(word): word for word in words}.get(text, text)}


def counted(n: int, one: str, other: str) -> str:
    """``one`` or ``other`` (both already translated, with a ``{count}`` placeholder) for ``n`` things, the
    count in the user's locale: ``counted(n, self.tr("{count} user"), self.tr("{count} users"))``. Two whole
    sentences rather than a noun and an "s", as languages differ in more than the ending; one and many suffice
    for English and German."""
    return (one if n == 1 else other).format(count=in_locale(f"{n:,}"))


def translated(text: str) -> str:
    """Text the core made, in the user's language: a :class:`Phrase`'s template translated and filled with its
    values (marked values translated in turn, numbers with the locale's separators); other text (an event's
    name, a column, what the user typed) as it is."""
    if not isinstance(text, Phrase):
        return text
    if isinstance(text, Sentence):  # capitalised and stopped in the user's language
        return as_sentence(translated(text.values["text"]))
    template = QCoreApplication.translate(text.context, text.template) if text.context else text.template
    values = {name: translated(value) if isinstance(value, str) else _InLocale(value, template != text.template)
              for name, value in text.values.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that names a value wrongly: the English, not a crash
        return str(text)


class _InLocale:
    """A number formatted as the template asks (``{users:,}``, ``{share:.0%}``), with the locale's separators; a
    date as :func:`reader_locale` writes it where the app speaks another language than English (the core's
    "10 Jun 2024" reads "10.06.2024" in German), the core's English elsewhere: the catalogue installed decides,
    not the locale, so a sentence and its dates are in one language."""

    def __init__(self, value: object, translated: bool) -> None:
        self.value, self.translated = value, translated

    def __format__(self, spec: str) -> str:
        day = self.value.day if isinstance(self.value, Dated) else self.value if self.translated else None
        locale = reader_locale() if isinstance(day, date) else None
        if locale is not None:
            return date_text(day, locale)
        return in_locale(format(self.value, spec)) if isinstance(self.value, Real) else format(self.value, spec)
