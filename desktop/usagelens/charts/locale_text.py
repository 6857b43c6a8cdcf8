"""Numbers and dates written for a reader in a ``QLocale``: the user's on screen, English in the printed report.

The core writes numbers one way ("1,234.5", "32.5%"), so its rules (percentages for rates, three significant
digits, signs for NPS) live in one place; these functions only swap in the locale's separators and month
names. The PDF report keeps :data:`REPORT_LOCALE`: its words are English, and "1.234,5" inside an English
sentence reads as a mistake. This is the lowest layer that may use Qt, so the charts, the report and the UI
all share it.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

REPORT_LOCALE = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def in_locale(text: str, locale: QLocale | None = None) -> str:
    """A number the core wrote in English ("1,234.5", "32.5%", "+5") with the locale's separators instead."""
    locale = locale or QLocale()
    return text.translate(str.maketrans({",": locale.groupSeparator(), ".": locale.decimalPoint()}))


def in_language(locale: QLocale, context: str, text: str) -> str:
    """A chart's own word (marked ``QT_TRANSLATE_NOOP(context, text)``) in the language of the chart's locale:
    translated on screen, English in the report's charts (:data:`REPORT_LOCALE`) even while the app is German."""
    if locale.language() == QLocale.Language.English:
        return text
    return QCoreApplication.translate(context, text)


def _is_c(locale: QLocale) -> bool:
    """The C locale (no language set, as on a bare server or CI) has no convention to follow: ISO dates."""
    return locale.language() == QLocale.Language.C


def date_format(locale: QLocale | None = None) -> str:
    """The locale's short numeric date with a four-digit year ("dd.MM.yyyy", "M/d/yyyy"): a two-digit year
    reads as a day or a month in a table of dates."""
    locale = locale or QLocale()
    if _is_c(locale):
        return "yyyy-MM-dd"
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def time_format(locale: QLocale | None = None, *, seconds: bool = True) -> str:
    """The locale's clock ("HH:mm:ss", "h:mm:ss AP") without a time zone: the app's times are all UTC."""
    locale = locale or QLocale()
    if _is_c(locale):
        return "HH:mm:ss" if seconds else "HH:mm"
    kind = QLocale.FormatType.LongFormat if seconds else QLocale.FormatType.ShortFormat
    return locale.timeFormat(kind).replace("tttt", "").replace("t", "").strip()


def date_text(day: date | None, locale: QLocale | None = None) -> str:
    """A date as the locale writes it with digits ("06.12.2026", "12/6/2026"); ISO in the C locale."""
    if day is None:
        return ""
    locale = locale or QLocale()
    return locale.toString(QDate(day.year, day.month, day.day), date_format(locale))


def datetime_text(stamp: datetime, locale: QLocale | None = None, *, seconds: bool = True,
                  milliseconds: bool = True) -> str:
    """A time of day after its date, in the locale; midnight alone is a date (a day's bucket, not a time).
    Fractions of a second are kept to the millisecond so two events a moment apart do not read as one;
    without ``milliseconds``, to the second (a column where some times have a fraction and others none read
    unevenly); without ``seconds``, to the minute (when a result was computed, not when an event happened)."""
    locale = locale or QLocale()
    day = date_text(stamp.date(), locale)
    if stamp.hour == stamp.minute == stamp.second == (stamp.microsecond if milliseconds else 0) == 0:
        return day
    clock = time_format(locale, seconds=seconds)
    if seconds and milliseconds and stamp.microsecond:
        clock = clock.replace("ss", "ss.zzz")
    moment = QTime(stamp.hour, stamp.minute, stamp.second, stamp.microsecond // 1000)
    return f"{day} {locale.toString(moment, clock)}"


def month_name(month: int, locale: QLocale | None = None, *, short: bool = True) -> str:
    """A month's name on its own (an axis tick), in the locale's language: "Mär", "Mar"."""
    kind = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return (locale or QLocale()).standaloneMonthName(month, kind)
