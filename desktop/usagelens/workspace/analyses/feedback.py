"""Feedback themes over time and by score (issue 16.4): which themes customers raise, whether a theme grows
after a release, and whether detractors raise other themes than promoters.

The themes are the project's keyword rules (step 5; the starter rules until the user edits them), so the
gallery counts exactly the comments step 5's theme table counts.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from usagelens.analytics.periods import period_starts
from usagelens.analytics.surveys import BANDS
from usagelens.analytics.themes import NO_THEME, starter_rules, theme_word, themes_by_group
from usagelens.model.translatable import QT_TRANSLATE_NOOP
from usagelens.workspace.analyses.behaviour import split_series
from usagelens.workspace.analyses.outcomes import band_name
from usagelens.workspace.analyses.spec import AnalysisInputs, AnalysisResult, ChartData, Params, Series

SPLITS = (("time", QT_TRANSLATE_NOOP("Analysis", "Over time")),
          ("score", QT_TRANSLATE_NOOP("Analysis", "By score (promoters, passives, detractors)")))
SHOWN_THEMES = 6  # the lines of a chart a reader can still tell apart


def compute_themes(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``themes_by_group`` of the survey's comments per period of their answer, or per score band."""
    answers = inputs.answers
    if answers is None or inputs.survey is None:
        raise LookupError(QT_TRANSLATE_NOOP("Analysis", "Import a feedback (survey) export in step 2 to see its "
                                                        "themes."))
    if not answers["comment"].str.strip().any():
        raise LookupError(QT_TRANSLATE_NOOP("Analysis", "The survey has no comments: map its comment column in step 2 "
                                                        "(usagelens analyze: --comment) to see its themes."))
    rules = inputs.project.themes or starter_rules()
    scale = inputs.survey[2]
    if (params.get("split") or "time") == "score":
        bands = [(name, low, high) for name, low, high in BANDS[scale]]
        scores = pd.to_numeric(answers["score"], errors="coerce")
        groups = pd.Series(None, index=answers.index, dtype=object)
        for name, low, high in bands:
            groups[(scores >= low) & (scores <= high)] = name
        table = themes_by_group(answers["comment"], groups, rules, order=[name for name, _, _ in bands])
        table = table.rename(columns={"group": "band", "group_comments": "band_comments"})
        chart = _by_band(table)
    else:
        period = params.get("period") or "month"
        times = pd.to_datetime(answers["time"], errors="coerce")
        starts = pd.Series(pd.NaT, index=answers.index, dtype=times.dtype)
        dated = times.notna()
        starts[dated] = period_starts(pd.DatetimeIndex(times[dated]).normalize(), period)
        table = themes_by_group(answers["comment"], starts, rules)
        table = table.rename(columns={"group": "period", "group_comments": "period_comments"})
        chart = _over_time(table, period)
    answered = int(table.groupby(table.columns[0])[table.columns[-1]].first().sum())
    result = AnalysisResult("themes", params, table, [chart], empty=not answered)
    result.message = QT_TRANSLATE_NOOP("Analysis", "No comment has a theme's keywords and a time or score.") \
        if not answered else QT_TRANSLATE_NOOP(
            "Analysis", "{count:,} comments; a comment can mention several themes, so shares can add up to more than "
                        "100 %. Themes are the keyword rules of step 5.").format(count=answered)
    return result


def _top_themes(table: pd.DataFrame) -> list[str]:
    totals = table[table["theme"] != NO_THEME].groupby("theme", sort=False)["comments"].sum()
    return list(totals.sort_values(ascending=False, kind="stable").index[:SHOWN_THEMES])


def _over_time(table: pd.DataFrame, period: str) -> ChartData:
    shown = table[table["theme"].isin(_top_themes(table))].rename(columns={"theme": "segment"})
    series = [replace(each, name=theme_word(each.name)) for each in split_series(shown, "period", "share", "theme")]
    title = {"day": QT_TRANSLATE_NOOP("Analysis", "Share of comments per theme, per day"),
             "week": QT_TRANSLATE_NOOP("Analysis", "Share of comments per theme, per week"),
             "month": QT_TRANSLATE_NOOP("Analysis", "Share of comments per theme, per month")}[period]
    return ChartData("time", title, series, y_label=QT_TRANSLATE_NOOP("Analysis", "Share of the period's comments"),
                     percent=True)


def _by_band(table: pd.DataFrame) -> ChartData:
    themes = _top_themes(table)
    series = [Series(band_name(str(band), capital=True), [theme_word(theme) for theme in themes],
                     part.set_index("theme").loc[themes, "share"].to_numpy(float))
              for band, part in table.groupby("band", sort=False)]
    return ChartData("bars", QT_TRANSLATE_NOOP("Analysis", "Share of each group's comments per theme"), series,
                     y_label=QT_TRANSLATE_NOOP("Analysis", "Share of comments"), percent=True)
