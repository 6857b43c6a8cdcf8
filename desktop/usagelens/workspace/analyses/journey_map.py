"""The journey map of step 4 (issue 16.5): the top k journeys after (or leading to) a touchpoint as a Sankey.

``top_journeys`` (either engine) gives the ``top`` most common journeys and the rest folded into "Other",
already summed where they are drawn (:func:`usagelens.analytics.journeys.folded`: a folded journey follows the
kept ones as long as it shares their first steps, so the bands stay true to where its users went, and goes to
"Other" where it leaves them, or to "(ended)" where it stops), so no engine returns every journey taken. The
table is one row per band between two steps, or the kept journeys themselves.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from usagelens.analytics import AnalysisError
from usagelens.analytics.journeys import ENDED, OTHER, folded
from usagelens.analytics.paths import PATH_SEPARATOR, START_LABEL
from usagelens.analytics.touchpoint_rules import TouchpointRule, parse_rules, unmatched_rules
from usagelens.cleaning.steps import count
from usagelens.model.translatable import QT_TRANSLATE_NOOP, joined, plural
from usagelens.workspace.analyses.behaviour import date_range
from usagelens.workspace.analyses.spec import (
    AnalysisInputs,
    AnalysisResult,
    ChartData,
    DataFacts,
    Param,
    Params,
    range_params,
)

LINK_COLUMNS = ["step", "from_touchpoint", "to_touchpoint", "users", "share"]
PATH_COLUMNS = ["path", "users", "share"]
SHOWS = (("links", QT_TRANSLATE_NOOP("Analysis", "Flows between steps")),
         ("paths", QT_TRANSLATE_NOOP("Analysis", "The top journeys")))
GROUPS_HELP = QT_TRANSLATE_NOOP("Analysis", "Rules that group events into one touchpoint, separated by ';': name = "
                                           "pattern, where the pattern is a wildcard (Checkout = checkout_*) or re: "
                                           "and a regular expression (Help = re:^help_). The first rule that matches "
                                           "names an event's touchpoint; repeats of one touchpoint in a row count as "
                                           "one visit")
# the map's own nodes, in the reader's language on screen (the table keeps the engine's words)
NODE_WORDS = {OTHER: QT_TRANSLATE_NOOP("Analysis", "Other"), ENDED: QT_TRANSLATE_NOOP("Analysis", "(ended)"),
              START_LABEL: QT_TRANSLATE_NOOP("Analysis", "(start)")}


def params(facts: DataFacts) -> list[Param]:
    """The journey map's panel: the anchor and its direction, steps, how many journeys, the grouping rules."""
    return [
        Param("event", QT_TRANSLATE_NOOP("Analysis", "Touchpoint"), "event", facts.event(0, *facts.journey[:1]),
              tuple((e, e) for e in facts.events),
              help=QT_TRANSLATE_NOOP("Analysis",
                                     "Where the journeys start (or end); with grouping rules, this event's "
                                     "touchpoint. Each user counts once, at their first visit in the date range")),
        Param("direction", QT_TRANSLATE_NOOP("Analysis", "Show"), "choice", "after",
              (("after", QT_TRANSLATE_NOOP("Analysis", "Journeys starting here")),
               ("before", QT_TRANSLATE_NOOP("Analysis", "Journeys leading here"))),
              help=QT_TRANSLATE_NOOP("Analysis",
                                     "After: where users went from their first visit. Before: how they got to it")),
        Param("depth", QT_TRANSLATE_NOOP("Analysis", "Steps"), "int", 4, minimum=2, maximum=6,
              help=QT_TRANSLATE_NOOP("Analysis",
                                     "How many touchpoints each journey follows (or goes back) from this one")),
        Param("top", QT_TRANSLATE_NOOP("Analysis", "Top journeys"), "int", 10, minimum=1, maximum=30,
              help=QT_TRANSLATE_NOOP("Analysis",
                                     "How many of the most common journeys to draw; the others are folded into Other")),
        Param("groups", QT_TRANSLATE_NOOP("Analysis", "Group events"), "text", "", help=GROUPS_HELP),
        Param("show", QT_TRANSLATE_NOOP("Analysis", "Table"), "choice", "links", SHOWS,
              help=QT_TRANSLATE_NOOP("Analysis",
                                     "The table under the map: the users flowing between each two steps, or the "
                                     "top journeys")),
        *range_params(facts),
    ]


def compute_journey_map(inputs: AnalysisInputs, params: Params) -> AnalysisResult:
    """``top_journeys`` of the chosen touchpoint, their bands (:func:`fold`) drawn as a Sankey."""
    events, (event, options) = inputs.events, journey_query(params)
    depth, top, before, rules = int(params["depth"]), int(params["top"]), bool(options["before"]), options["groups"]
    journeys = events.metrics.top_journeys(events.data, event, top=top, **options)
    if journeys.empty:
        nobody = QT_TRANSLATE_NOOP("Analysis", "Nobody reached {event} in this date range.")
        return AnalysisResult("journey_map", params, empty=True, message=nobody.format(event=event))
    links, paths = fold(journeys, before)
    anchor = journeys[f"step_{depth if before else 0}"].iloc[0]
    headings = [QT_TRANSLATE_NOOP("Analysis", "{count} before").format(count=depth - k) for k in range(depth)] + \
        [anchor] if before else [anchor] + [QT_TRANSLATE_NOOP("Analysis", "Step {number}").format(number=k)
                                            for k in range(1, depth + 1)]
    top_journeys = plural(int((~journeys["folded"]).sum()), QT_TRANSLATE_NOOP("Analysis", "{count:,} journey"),
                          QT_TRANSLATE_NOOP("Analysis", "{count:,} journeys"))
    users = plural(int(journeys["users"].sum()), QT_TRANSLATE_NOOP("Analysis", "{count:,} user"),
                   QT_TRANSLATE_NOOP("Analysis", "{count:,} users"))
    title = QT_TRANSLATE_NOOP("Analysis", "Journeys leading to {event}: the top {journeys} of {users}") if before \
        else QT_TRANSLATE_NOOP("Analysis", "Journeys from {event}: the top {journeys} of {users}")
    chart = ChartData("sankey", title.format(event=anchor, journeys=top_journeys, users=users), column_labels=headings,
                      links=[(step, NODE_WORDS.get(source, source), NODE_WORDS.get(target, target), users)
                             for step, source, target, users in links[["step", "from_touchpoint", "to_touchpoint",
                                                                       "users"]].itertuples(index=False, name=None)],
                      muted=tuple(NODE_WORDS.values()))
    table = paths if params.get("show") == "paths" else links
    return AnalysisResult("journey_map", params, table, [chart], message=_notes(inputs, rules))


def journey_query(params: Params) -> tuple[str, dict[str, Any]]:
    """The anchor event and the options of ``journeys`` the panel's ``params`` choose (the analysis and the
    people behind its rows ask the same question)."""
    event = str(params["event"])
    if not event:
        raise AnalysisError(QT_TRANSLATE_NOOP("Analysis", "choose the touchpoint the journeys start at, or lead to"))
    rules = parse_rules(str(params.get("groups") or ""), reserved=(OTHER, ENDED, START_LABEL))
    return event, {"depth": int(params["depth"]), "groups": rules, "before": params.get("direction") == "before",
                   **date_range(params)}


def _notes(inputs: AnalysisInputs, rules: tuple[TouchpointRule, ...]) -> str:
    """Rules that grouped nothing (a typo?), and the caveat of data without times of day."""
    notes = []
    idle = unmatched_rules(inputs.facts.events, rules) if rules and inputs.facts.events else []
    if idle:
        notes.append((QT_TRANSLATE_NOOP("Analysis", "No event matches the grouping rules {rules}.") if len(idle) > 1
                      else QT_TRANSLATE_NOOP("Analysis", "No event matches the grouping rule {rules}.")).format(
            rules=", ".join(idle)))
    if inputs.events.dates_only():
        notes.append(QT_TRANSLATE_NOOP("Analysis", "Every timestamp in this data is a date without a time of day: "
                                                   "what users did on the same day follows the export's row order."))
    return joined(notes, " ")


def fold(journeys: pd.DataFrame, before: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The bands of ``top_journeys``' table (its kept journeys and those folded into them, see the module's
    docstring), and the kept journeys as a table with one "Other" row for the rest.

    Bands: ``step`` (the column a band ends in, 1 … depth, in reading order), ``from_touchpoint``,
    ``to_touchpoint``, ``users`` and ``share`` of all users; by step, then most users first."""
    columns = [c for c in journeys.columns if c.startswith("step_")]
    kept = journeys[~journeys["folded"]]
    rest = journeys[journeys["folded"]]
    drawn = np.concatenate([folded(kept[[*columns, "users"]], len(kept), before), rest[columns].to_numpy(object)])
    users = np.concatenate([kept["users"].to_numpy(np.int64), rest["users"].to_numpy(np.int64)])
    total = int(users.sum())
    bands = []
    for column in range(1, drawn.shape[1]):
        origin, end = drawn[:, column - 1], drawn[:, column]
        both = pd.notna(origin) & pd.notna(end)
        bands.append(pd.DataFrame({"step": column, "from_touchpoint": origin[both], "to_touchpoint": end[both],
                                   "users": users[both]}))
    links = pd.concat(bands, ignore_index=True).groupby(["step", "from_touchpoint", "to_touchpoint"],
                                                        as_index=False, sort=False)["users"].sum()
    links = links.sort_values(["step", "users", "from_touchpoint", "to_touchpoint"],
                              ascending=[True, False, True, True], ignore_index=True)
    links["users"] = links["users"].astype(np.int64)
    links["share"] = links["users"] / total
    outside = START_LABEL if before else ENDED
    return links[LINK_COLUMNS], _top_table(kept[columns].to_numpy(object), kept["users"].to_numpy(np.int64),
                                           rest, outside, total)


def node_users(links: pd.DataFrame, column: int, touchpoint: str) -> int:
    """The users at ``touchpoint`` in ``column`` of the map, as the Sankey sizes its node: the more of those
    its bands bring and take away (the anchor and a journey's first touchpoint have bands on one side only)."""
    into = links.loc[links["step"].eq(column) & links["to_touchpoint"].eq(touchpoint), "users"].sum()
    out = links.loc[links["step"].eq(column + 1) & links["from_touchpoint"].eq(touchpoint), "users"].sum()
    return int(max(into, out))


def _top_table(steps: np.ndarray, users: np.ndarray, rest: pd.DataFrame, outside: str,
               total: int) -> pd.DataFrame:
    """The kept journeys written out ("signup → login → (ended)", the outside label once) and "Other" for the
    ``rest`` folded."""
    written = []
    for row in steps:
        shown = [name for i, name in enumerate(row) if name != outside or _edge(row, i, outside)]
        written.append(PATH_SEPARATOR.join(shown))
    counts = list(users)
    if len(rest):
        written.append(f"{OTHER} ({count(int(rest['journeys'].sum()), 'more journey')})")
        counts.append(int(rest["users"].sum()))
    table = pd.DataFrame({"path": pd.Series(written, dtype=object), "users": np.array(counts, dtype=np.int64)})
    table["share"] = table["users"] / total
    return table


def _edge(row: np.ndarray, i: int, outside: str) -> bool:
    """Whether the outside label at ``i`` borders a touchpoint: kept once, where the journey stops."""
    return (i > 0 and row[i - 1] != outside) or (i + 1 < len(row) and row[i + 1] != outside)

