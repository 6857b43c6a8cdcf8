"""Numbers the user types and reads, in their locale (``QLocale()``): the one place that parses and shows them.

In German "32,5%" is thirty-two and a half percent and "1.500,5" fifteen hundred and a half; in English
both are errors and "1,500.5" is the number. Text the locale cannot read is refused with a message that says
how a number is written there, never guessed at: stripping every comma once turned "32,5%" into 325 %.
A lone separator followed by exactly three digits ("1.500", "1,500") means a thousand and a half in one
convention and one and a half in the other, so it is refused too, with both readings offered.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime

from usagelens.charts.locale_text import datetime_text, in_locale
from usagelens.model import Objective
from usagelens.ui.qt import QLocale
from usagelens.workspace.formatting import fmt_kpi

_TWO_READINGS = re.compile(r"^[+-]?(\d{1,3})([.,])(\d{3})$")


class NumberInputError(ValueError):
    """Typed text that is not a number in the user's locale; its text is the message to show."""


@dataclass(frozen=True)
class TypedNumber:
    """A number as the user typed it: ``typed`` is what they wrote (32.5 for "32,5%")."""

    typed: float
    percent: bool = False

    @property
    def value(self) -> float:
        """The number meant: a percentage as a fraction, the way rates are stored (32,5% → 0.325)."""
        return self.typed / 100 if self.percent else self.typed


def parse_number(text: str, *, percent: bool = False, locale: QLocale | None = None) -> TypedNumber | None:
    """Read ``text`` as a number written in ``locale`` (default: the user's); None when it is blank.

    With ``percent`` a trailing percent sign is accepted (and kept in the result); without, it is refused.
    Raises :class:`NumberInputError` with a one-line message for anything else the locale cannot read.
    """
    locale = locale or QLocale()
    shown = text.strip()
    if not shown:
        return None
    number = shown
    is_percent = number.endswith(("%", locale.percent()))
    if is_percent:
        if not percent:
            raise NumberInputError(f"“{shown}”: a percentage does not fit here; type a plain number such as "
                                   f"{example(locale)}.")
        number = number.removesuffix("%").removesuffix(locale.percent()).rstrip()
    _refuse_two_readings(shown, number, locale)
    value, ok = locale.toDouble(number)
    if not ok or not math.isfinite(value):
        raise NumberInputError(f"“{shown}” is not a number as written in {_locale_name(locale)}: type it like "
                               f"{example(locale)} (decimal separator “{locale.decimalPoint()}”).")
    return TypedNumber(value, is_percent)


def _refuse_two_readings(shown: str, number: str, locale: QLocale) -> None:
    """Refuse "1.500" and "1,500": a thousands separator to some, a decimal separator to others. "0,125"
    in a locale whose decimal separator is the comma has only one sensible reading and passes."""
    match = _TWO_READINGS.match(number)
    if match is None or (match[1] == "0" and match[2] == locale.decimalPoint()):
        return
    sign = "-" if number.startswith("-") else ""
    thousands = float(f"{sign}{match[1]}{match[3]}")
    fraction = float(f"{sign}{match[1]}.{match[3]}")
    raise NumberInputError(f"“{shown}” could be read two ways: type {edit_text(thousands, locale)} or "
                           f"{edit_text(fraction, locale)}.")


def example(locale: QLocale | None = None) -> str:
    """How the locale writes one thousand two hundred and thirty-four and a half, to show in messages."""
    locale = locale or QLocale()
    return f"{locale.groupSeparator().join(('1', '234'))}{locale.decimalPoint()}5"


def _locale_name(locale: QLocale) -> str:
    return f"{QLocale.languageToString(locale.language())} ({QLocale.territoryToString(locale.territory())})"


def edit_text(value: float, locale: QLocale | None = None) -> str:
    """``value`` for an editor: every digit needed to read it back exactly, no thousands separators (so it
    is never read two ways), the locale's decimal separator."""
    plain = QLocale(locale or QLocale())
    plain.setNumberOptions(plain.numberOptions() | QLocale.NumberOption.OmitGroupSeparator)
    return plain.toString(float(value), "f", QLocale.FloatingPointPrecisionOption.FloatingPointShortest)


def kpi_text(value: float | None, objective: Objective | None) -> str:
    """A KPI value in its metric's unit (:func:`fmt_kpi`) and the user's locale: "32,5%" in German."""
    return in_locale(fmt_kpi(value, objective))


def size_text(size: int) -> str:
    """A byte count as the core writes it ("5.0 GB"), with the locale's decimal point ("5,0 GB" in German)."""
    from usagelens.io.warehouse.cost import readable_size  # Ibis loads only where a warehouse is asked

    return in_locale(readable_size(size))


def moment_text(when: datetime) -> str:
    """A time in the user's locale to the second ("04.03.2024 10:00:00" in German): where every time of a list
    is to the second, "10:00:00.123" beside "10:00:00" would read as two precisions."""
    return datetime_text(when, milliseconds=False)


def as_of_text(when: datetime) -> str:
    """When kept warehouse results were computed, in the reader's time zone and locale, to the minute
    ("06.12.2026 21:05" in German); the report and the CLI keep the core's English ``6 Dec 2026, 21:05``."""
    return datetime_text(when.astimezone().replace(tzinfo=None), seconds=False)
