"""How the app writes numbers, KPI values, changes and dates in text: pages, tables and the report alike.

One set of rules, so step 7, step 8 and the PDF print the same value the same way.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import date

import pandas as pd

from usagelens.analytics.impact import ActionImpact
from usagelens.model import Objective
from usagelens.model.translatable import QT_TRANSLATE_NOOP, Phrase, plural

LocalNumber = Callable[[str], str]  # rewrites a number written in English for the reader's locale


def _as_written(text: str) -> str:
    return text


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value))


def fmt_number(value: float | None) -> str:
    if value is None or value != value:
        return "–"
    if float(value).is_integer() and abs(value) >= 1:
        return f"{value:,.0f}"
    return f"{value:,.3g}" if abs(value) < 1 else f"{value:,.1f}"


RATE_METRICS = {"adoption", "retention", "funnel", "csat"}  # shares of users or answers, stored as fractions


def fmt_kpi(value: float | None, objective: Objective | None) -> str:
    """A KPI value in the unit of its metric: rates as percentages, NPS as a signed score."""
    if value is None or value != value:
        return "–"
    metric = objective.binding.metric if objective is not None and objective.binding else ""
    if metric in RATE_METRICS:
        return f"{value:.1%}"
    if metric == "nps":
        return f"{value:+.0f}"
    return fmt_number(value)


POINTS = QT_TRANSLATE_NOOP("Impact", "{number} pts")  # a change of a rate or NPS; "Pkt." in German


def fmt_change(value: float | None, objective: Objective | None, *, signed: bool = True,
               local: LocalNumber = _as_written) -> str:
    """A difference of a KPI in its unit: percentage points for rates, points for NPS. ``local`` writes the
    number for the reader's locale; the unit is a :class:`Phrase`, so the GUI says "Pkt." where the report says
    "pts"."""
    if value is None or value != value:
        return "–"
    metric = objective.binding.metric if objective is not None and objective.binding else ""
    sign = "+" if signed else ""
    if metric in RATE_METRICS:
        return POINTS.format(number=local(f"{100 * value:{sign}.1f}"))
    if metric == "nps":
        return POINTS.format(number=local(f"{value:{sign}.1f}"))
    return local(f"{value:{sign},.3g}")


# What a measured change says, as the project keeps it (English), marked so step 7 and step 8 show it translated
VERDICT_WORDS = {verdict.template: verdict for verdict in (
    QT_TRANSLATE_NOOP("Impact", "increase"), QT_TRANSLATE_NOOP("Impact", "decrease"),
    QT_TRANSLATE_NOOP("Impact", "no clear change"), QT_TRANSLATE_NOOP("Impact", "too few data"),
    QT_TRANSLATE_NOOP("Impact", "not measurable"))}


def verdict_words(verdict: str) -> str:
    """A verdict marked for translation (one the core does not know stays as it is)."""
    return VERDICT_WORDS.get(verdict, verdict)


P_FLOOR = 0.001  # below it a p-value reads "p < 0.001": a rounded "p = 0" claims a certainty no test gives


def p_value_text(p_value: float) -> Phrase:
    """A p-value as a reader wants it, "p = 0.214" or "p < 0.001", with its number in the GUI's locale when
    shown in a sentence (a :class:`Phrase`; the report and the CLI print the English)."""
    if p_value < P_FLOOR:
        return Phrase("", "p < {floor:.3f}", {"floor": P_FLOOR})
    return Phrase("", "p = {p:.3f}", {"p": p_value})


def _p_text(p_value: float, local: LocalNumber) -> str:
    return local(p_value_text(p_value))


def impact_text(impact: ActionImpact | None, objective: Objective | None, local: LocalNumber = _as_written) -> str:
    """One line a product owner can read: the change, its interval and whether the data can tell. ``local``
    rewrites each number for the reader's locale (the GUI's; the report and CLI keep them as written): only
    the numbers, as the sentence's own commas and full stops must stay. A :class:`Phrase`, so the GUI shows
    the sentence in its language (``ui.translations.translated``)."""
    if impact is None:
        return "–"
    if not impact.measured:
        return QT_TRANSLATE_NOOP("Impact", "{verdict}: {reason}").format(verdict=verdict_words(impact.verdict),
                                                                        reason=impact.reason)

    def change(value: float) -> str:
        return fmt_change(value, objective, local=local)

    if impact.exposed:  # the means are gaps between the exposed users and everyone else
        lead = QT_TRANSLATE_NOOP("Impact", "gap of “{cohort}” to everyone else {before} → {after}").format(
            cohort=impact.exposed, before=change(impact.before_mean), after=change(impact.after_mean))
    else:
        lead = Phrase("", "{before} → {after}", {"before": local(fmt_kpi(impact.before_mean, objective)),
                                                 "after": local(fmt_kpi(impact.after_mean, objective))})
    days = (QT_TRANSLATE_NOOP("Impact", "{count} day") if impact.window_days == 1
            else QT_TRANSLATE_NOOP("Impact", "{count} days")).format(count=local(f"{impact.window_days:,}"))
    return QT_TRANSLATE_NOOP("Impact", "{lead} ({change}, 95% CI {low} to {high}, {p}; {days} each side): "
                                       "{verdict}").format(
        lead=lead, change=change(impact.difference), low=change(impact.ci_low), high=change(impact.ci_high),
        p=_p_text(impact.p_value, local), days=days, verdict=verdict_words(impact.verdict))


def impact_verdict(impact: ActionImpact, objective: Objective | None, local: LocalNumber = _as_written) -> str:
    """The verdict first, then the change and its p-value: "no clear change (+3.0 pts, p = 0.214)".

    Step 7, step 8 and the report all lead with these words, so a change the data cannot tell from noise is
    never shown elsewhere as a bare "+3.0 pts".
    """
    if not impact.measured:
        return verdict_words(impact.verdict)
    return QT_TRANSLATE_NOOP("Impact", "{verdict} ({change}, {p})").format(
        verdict=verdict_words(impact.verdict), change=fmt_change(impact.difference, objective, local=local),
        p=_p_text(impact.p_value, local))


def fmt_date(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else "–"


def fmt_duration(value: object) -> str:
    """A duration as people read it, to its two largest units: 45 s, 2 min 18 s, 18 h 12 min, 4 days 20 h
    (a funnel's time to convert, a session's length), rather than pandas' "0 days 00:02:17.974315500"."""
    seconds = pd.Timedelta(value).total_seconds()  # type: ignore[arg-type]
    sign, seconds = ("−" if seconds < 0 else ""), abs(seconds)
    if seconds < 1:
        return f"{sign}{seconds:.2g} s" if seconds else "0 s"
    minutes, secs = divmod(round(seconds), 60)
    hours, mins = divmod(minutes, 60)
    days, hrs = divmod(hours, 24)
    if days:
        return plural(days, QT_TRANSLATE_NOOP("Analysis", "{sign}{count} day {hours} h"),
                      QT_TRANSLATE_NOOP("Analysis", "{sign}{count} days {hours} h")).format(sign=sign, hours=hrs)
    if hours:
        return f"{sign}{hours} h {mins} min"
    return f"{sign}{minutes} min {secs} s" if minutes else f"{sign}{secs} s"


LINE_CHARS = 94  # characters of body text on a line of the report's text width (A4, 9.5 pt: about 7 px each)
CELL_PADDING = 3  # a cell's padding either side, in characters
_NARROW, _WIDE = frozenset("fijlrt.,:;'!|()[]/ "), frozenset("mwMW@%")
_TAG = re.compile(r"<[^>]+>")


def _words(cell: str) -> list[str]:
    return html.unescape(_TAG.sub(" ", cell)).split()


def _chars(word: str) -> float:
    """A word's width in average characters of the report's font: capitals, digits and "m" are wider, "t", "i"
    and brackets narrower, so "Customers" (nine letters) is not given the room of "customers" and broken."""
    return sum(0.7 if c in _NARROW else 1.6 if c in _WIDE else 1.25 if c.isupper() else 1.15 if c.isdigit() else 1.0
               for c in word)


def fitting_widths(headers: list[str], rows: list[list[str]]) -> list[int]:
    """Column widths in percent that break no word: each column gets its longest word (a header's a quarter
    wider, in bold), and the rest of the line goes to the columns holding the most text. Equal widths, Qt's default,
    broke a file name or "(transactions)" inside the word while a column of zeros stood half empty."""
    columns = list(zip(headers, *rows, strict=True)) if rows else [(h,) for h in headers]
    need = [max([1.25 * max(map(_chars, _words(header)), default=1), *(_chars(w) for c in cells for w in _words(c))])
            + CELL_PADDING for header, *cells in columns]
    text = [sum(len(" ".join(_words(c))) for c in cells) / max(len(cells), 1) for _, *cells in columns]
    spare = max(0.0, LINE_CHARS - sum(need))
    shares = [spare * t / sum(text) if sum(text) else spare / len(text) for t in text]
    total = sum(need) + spare
    return [max(1, round(100 * (n + e) / total)) for n, e in zip(need, shares, strict=True)]


def table_html(headers: list[str], rows: list[list[str]], numeric: set[int] = frozenset(),  # type: ignore[assignment]
               widths: list[int] | None = None, nowrap: set[int] = frozenset()) -> str:  # type: ignore[assignment]
    """An HTML table whose header row repeats on each page (Qt maps <thead> to repeated header rows);
    ``widths`` are column widths in percent of the text width (by default :func:`fitting_widths`);
    ``nowrap`` columns (dates) never break."""
    sizes = widths or fitting_widths(headers, rows)
    head = "".join(f'<th width="{w}%">{h}</th>' if w else f"<th>{h}</th>" for h, w in zip(headers, sizes, strict=True))
    body = "".join(
        "<tr>" + "".join(
            f'<td{" class=num" if i in numeric else ""}{" nowrap" if i in nowrap else ""}>{c}</td>'
            for i, c in enumerate(r)
        )
        + "</tr>"
        for r in rows
    )
    return (
        '<table width="100%" cellspacing="0" cellpadding="4" border="1" style="border-color:#d5dae1;'
        f'border-collapse:collapse"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )
