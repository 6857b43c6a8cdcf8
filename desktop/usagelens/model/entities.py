"""The things a project is made of.

Every field is plain data (str, numbers, dates, lists, dicts, nested dataclasses) so that the generic
serialiser in :mod:`usagelens.model.serialize` can write them to ``project.json`` without per-class code.
Tables are the one exception: a :class:`Source` carries its raw DataFrame, which the project file stores as
Parquet next to the JSON.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from usagelens.model.stored_table import TableSlot
from usagelens.model.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import pandas as pd
    from pandas import DataFrame
else:  # pandas is imported when a table is read, not with the model (the GUI's start needs none: issue 17)
    DataFrame = Any  # what serialize's type hints resolve; the table itself is never in project.json


def new_id() -> str:
    """A short random id; unique enough within one project and stable across saves."""
    return uuid.uuid4().hex[:12]


class SourceKind(StrEnum):
    """The kinds of export a product owner brings (design §2), and aggregated series (design §7)."""

    EVENTS = "events"
    CUSTOMERS = "customers"
    FEEDBACK = "feedback"
    REVENUE = "revenue"
    METRICS = "metrics"  # aggregated: date × dimensions × counts, no user-level rows (a GA4 exploration)

    @property
    def label(self) -> str:
        """What the kind holds, in words (a :class:`Phrase`: the GUI shows it translated, the report in English)."""
        return {
            SourceKind.EVENTS: QT_TRANSLATE_NOOP("SourceKind", "Behaviour (event log)"),
            SourceKind.CUSTOMERS: QT_TRANSLATE_NOOP("SourceKind", "Customers (identity / attributes)"),
            SourceKind.FEEDBACK: QT_TRANSLATE_NOOP("SourceKind", "Feedback (survey answers)"),
            SourceKind.REVENUE: QT_TRANSLATE_NOOP("SourceKind", "Revenue (transactions)"),
            SourceKind.METRICS: QT_TRANSLATE_NOOP("SourceKind", "Metrics (counts per day)"),
        }[self]

    @property
    def required_roles(self) -> tuple[str, ...]:
        return {
            SourceKind.EVENTS: ("user_id", "timestamp", "event"),
            SourceKind.CUSTOMERS: ("user_id",),
            SourceKind.FEEDBACK: ("timestamp", "score"),
            SourceKind.REVENUE: ("user_id", "timestamp", "amount"),
            SourceKind.METRICS: ("timestamp",),
        }[self]

    @property
    def optional_roles(self) -> tuple[str, ...]:
        return {
            SourceKind.EVENTS: (),
            SourceKind.CUSTOMERS: ("signup_date",),
            SourceKind.FEEDBACK: ("user_id", "comment"),
            SourceKind.REVENUE: ("currency",),
            SourceKind.METRICS: (),
        }[self]

    @property
    def roles(self) -> tuple[str, ...]:
        return self.required_roles + self.optional_roles


# a column role's name as the role pickers show it (a :class:`Phrase`: the GUI says it in the user's language), so
# a sentence naming roles ("Choose a column for: User id") uses the words the user sees beside the pickers
ROLE_LABELS = {
    "user_id": QT_TRANSLATE_NOOP("RoleFields", "User id"),
    "timestamp": QT_TRANSLATE_NOOP("RoleFields", "Time"),
    "event": QT_TRANSLATE_NOOP("RoleFields", "Event name"),
    "signup_date": QT_TRANSLATE_NOOP("RoleFields", "Signup date"),
    "score": QT_TRANSLATE_NOOP("RoleFields", "Score"),
    "comment": QT_TRANSLATE_NOOP("RoleFields", "Comment"),
    "amount": QT_TRANSLATE_NOOP("RoleFields", "Amount"),
    "currency": QT_TRANSLATE_NOOP("RoleFields", "Currency"),
}


class ActionStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in progress"
    SHIPPED = "shipped"
    DROPPED = "dropped"


@dataclass
class ImportOptions:
    """How a file was read, so a refreshed export can be read the same way."""

    encoding: str | None = None
    delimiter: str | None = None
    header_row: int = 0
    sheet: str | None = None
    decimal: str = "."
    # How dates like 01/02/2024 are read: "day-first" or "month-first"; None lets the values decide. The
    # import stores the order it used, so next month's export is never read the other way round.
    date_order: str | None = None
    # Lines the header spans: 2 when a survey tool writes each question's answer options on a second line.
    header_rows: int = 1


class Protection(StrEnum):
    """What was done to a personal column in the stored table, so a refresh does the same to the new export."""

    PSEUDONYMISED = "pseudonymised"  # with the project's key, kept in the OS keychain: joins and refreshes match
    ONE_WAY = "one-way"  # with a key discarded at once: nobody can link the values back, nor to a new export
    DROPPED = "dropped"  # the column was removed


@dataclass
class ProtectedColumn:
    """A personal column whose raw values were removed from the stored table (cleaning.pseudonymise)."""

    column: str
    protection: Protection
    kind: str = ""  # what it held: email, name, phone, ip (cleaning.personal), for messages
    length: int = 16  # hex characters of each pseudonym
    done_at: datetime | None = None


@dataclass
class WarehouseLink:
    """Where a source's events live when they stay in a warehouse (issue 15): the address as shown to people
    (``WarehouseURL.display``: never a password, which lives in the OS keychain) and a table or one SELECT."""

    url: str
    table: str = ""
    sql: str = ""
    tie_break: str = ""  # a column that orders one user's events at the same instant (a sequence number)
    preset: str = ""  # a well-known schema read through its preset (GA4's export, Segment, PostHog)
    # What the preset reaches beyond plain columns, kept as properties: a GA4 event parameter (page_location), a
    # record's field (device.category), a PostHog JSON key ($browser); in the view as column_name() says.
    properties: list[str] = field(default_factory=list)


@dataclass
class Source:
    """One imported export: the table as imported, plus what the user told us about it.

    The table is never edited, with one exception the user confirms: personal columns pseudonymised or
    dropped for good (``protected``), so their raw values leave the project. A source with a ``link`` is a
    warehouse's table: its ``table`` is only a preview of the first rows, and its analyses run in the
    warehouse.
    """

    name: str
    kind: SourceKind
    # a DataFrame, or the project file's Parquet decoded on first read (model.stored_table)
    table: DataFrame = field(default=TableSlot(), repr=False, compare=False, metadata={"json": False})
    file_name: str = ""
    files: list[str] = field(default_factory=list)  # every export the table holds, oldest first (empty: one)
    roles: dict[str, str] = field(default_factory=dict)
    options: ImportOptions = field(default_factory=ImportOptions)
    imported_at: datetime | None = None
    failed_timestamps: int = 0
    score_scale: str | None = None  # "nps" (0-10) or "csat" (1-5) for feedback sources
    protected: list[ProtectedColumn] = field(default_factory=list)
    link: WarehouseLink | None = None
    id: str = field(default_factory=new_id)

    def column(self, role: str) -> str | None:
        """The column mapped to ``role``, if any."""
        return self.roles.get(role) or None


@dataclass
class RecipeStep:
    """One recorded cleaning step: a named operation with its parameters, replayable on new exports."""

    op: str
    params: dict[str, object] = field(default_factory=dict)
    enabled: bool = True
    id: str = field(default_factory=new_id)


@dataclass
class KpiBinding:
    """Ties an objective's KPI to a metric the engine can compute, e.g. ``active_users`` per ``week``."""

    metric: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass
class Hypothesis:
    text: str
    status: str = "open"  # open | supported | refuted
    evidence: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Objective:
    """A goal, the KPI that shows success, where it started and where it should get to."""

    statement: str
    kpi: str = ""
    binding: KpiBinding | None = None
    baseline: float | None = None
    baseline_date: date | None = None
    target: float | None = None
    deadline: date | None = None
    hypotheses: list[Hypothesis] = field(default_factory=list)
    industry: float | None = None  # a benchmark figure the user types in (e.g. a published NPS average)
    industry_source: str = ""  # where that figure comes from, so readers can judge it
    id: str = field(default_factory=new_id)


@dataclass
class SavedAnalysis:
    """The parameters of an analysis (never its result), re-computable on refreshed data."""

    name: str
    kind: str
    params: dict[str, object] = field(default_factory=dict)
    id: str = field(default_factory=new_id)


class QuoteMark(StrEnum):
    """What a cited quote is good for in front of stakeholders (issue 16.4): most quotes are plain evidence; some
    are praise worth repeating, some say what to improve. The marks are counted over time and printed."""

    NONE = ""
    TESTIMONIAL = "testimonial"
    SUGGESTION = "suggestion"

    @property
    def label(self) -> str:
        return {QuoteMark.NONE: "Evidence", QuoteMark.TESTIMONIAL: "Testimonial",
                QuoteMark.SUGGESTION: "Improvement suggestion"}[self]


@dataclass
class Quote:
    """A customer's own words cited for a finding, as the project shows them (a pseudonymised comment stays
    pseudonymised). Who said it is not kept: a user id copied here would outlive a later pseudonymisation of
    its column, so the only link back is the date and where it was said."""

    text: str
    mark: QuoteMark = QuoteMark.NONE
    said: date | None = None  # the day the customer said it (the survey answer's date), if known
    source: str = ""  # where it was said: "survey answer, score 9", "interview", "support ticket"
    id: str = field(default_factory=new_id)


@dataclass
class Finding:
    title: str
    detail: str = ""
    kind: str = "pattern"  # pattern | trend | anomaly | pain point | opportunity
    confidence: str = "medium"  # low | medium | high
    objective_ids: list[str] = field(default_factory=list)
    analysis: SavedAnalysis | None = None
    created: date | None = None
    hypothesis_ids: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)  # customers' own words cited as evidence
    # A fingerprint of the pinned analysis's table (workspace.evidence), so a re-compute can tell what changed.
    evidence_summary: str = ""
    id: str = field(default_factory=new_id)
    # The chart as it looked when pinned (PNG bytes); stored as snapshots/<id>.png beside project.json.
    snapshot: bytes | None = field(default=None, repr=False, metadata={"json": False})


@dataclass
class Action:
    title: str
    owner: str = ""
    due: date | None = None
    expected_impact: str = ""
    status: ActionStatus = ActionStatus.PLANNED
    release_date: date | None = None
    finding_ids: list[str] = field(default_factory=list)
    objective_id: str = ""  # whose KPI the action should move; empty = the first objective of its findings
    # the cohort of users the change reached (a rollout, a beta): its impact is then measured against everyone
    # else over the same days, which takes out what moved for all users alike (a season, a campaign)
    exposed_cohort: str = ""
    # RICE prioritisation: reach (users per quarter), impact (0.25 minimal .. 3 massive), confidence (0..1)
    # and effort (person-weeks); the score is reach × impact × confidence ÷ effort.
    reach: float | None = None
    impact: float | None = None
    confidence: float | None = None
    effort: float | None = None
    id: str = field(default_factory=new_id)


@dataclass
class ReleaseMarker:
    """A dated change drawn as a vertical line on time charts."""

    date: date
    label: str
    id: str = field(default_factory=new_id)


class Stance(StrEnum):
    """Where a stakeholder stands on what a review showed."""

    ENDORSES = "endorses"
    CONCERNS = "has concerns"


@dataclass
class Endorsement:
    """A stakeholder's word recorded with a review (issue 16.4): who, on what, when and whether they back it.
    What they endorsed may be about one objective or action of the project (``about``: its id; ids are unique
    across both lists), so the report can say which."""

    name: str
    role: str = ""
    what: str = ""
    stance: Stance = Stance.ENDORSES
    day: date | None = None  # when they said it; None: on the review's date
    about: str = ""  # the id of the objective or action it is about; "" (or a deleted one's id): none
    id: str = field(default_factory=new_id)


@dataclass
class Review:
    """A dated look back: KPI values at that moment, what was learnt and who endorsed it."""

    date: date
    notes: str = ""
    values: dict[str, float] = field(default_factory=dict)
    data_until: date | None = None  # the last day of data the values were measured on
    endorsements: list[Endorsement] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@dataclass
class ThemeRule:
    """A theme of customer feedback: a comment belongs to it when it contains any of the keywords."""

    name: str
    keywords: list[str] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@dataclass
class Cohort:
    """A saved, named group of users: who matches ``all`` (or ``any``) of the conditions.

    Conditions are plain JSON-ready dicts with a ``kind`` (``attribute``, ``event_count``, ``first_seen``,
    ``funnel``, ``users``) and that kind's fields, so the file stays readable and a new kind needs no new
    class here; :mod:`usagelens.analytics.cohort_rules` reads and checks them, with a message per mistake.
    """

    name: str
    description: str = ""
    match: str = "all"  # all | any
    conditions: list[dict[str, object]] = field(default_factory=list)
    id: str = field(default_factory=new_id)


DEFAULT_PROJECT_NAME = "Untitled project"


def currency_codes(values: pd.Series) -> pd.Series:
    """Currency codes as exports write them, made comparable: ``" usd"`` and ``"USD"`` are one currency;
    a blank or missing code becomes ``""`` (an unknown currency, never taken to be any other)."""
    return values.astype("string").str.strip().str.upper().fillna("")


@dataclass
class ExchangeRates:
    """Rates the user enters so revenue in several currencies can be added up in one reporting currency.

    Without them money stays per currency: UsageLens never guesses a rate, because a silent 1:1 sum of
    dollars, euros and pounds is a wrong number that looks right.
    """

    currency: str = ""  # the reporting currency, e.g. "EUR"; "" until the user picks one
    rates: dict[str, float] = field(default_factory=dict)  # "USD": 0.92 means 1 USD = 0.92 of ``currency``
    note: str = ""  # where and when the rates are from, printed with them so readers can judge them

    def rate(self, code: str) -> float | None:
        """How many units of the reporting currency one unit of ``code`` is worth (None: not entered)."""
        if code and code == self.currency:
            return 1.0
        return self.rates.get(code)

    def missing(self, codes: list[str]) -> list[str]:
        """The codes among ``codes`` without a rate (all of them while no reporting currency is chosen)."""
        return [c for c in codes if not self.currency or self.rate(c) is None]


@dataclass
class Project:
    """Everything one `.ulens` file holds."""

    name: str = DEFAULT_PROJECT_NAME
    description: str = ""
    objectives: list[Objective] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    recipes: dict[str, list[RecipeStep]] = field(default_factory=dict)
    analyses: list[SavedAnalysis] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    releases: list[ReleaseMarker] = field(default_factory=list)
    themes: list[ThemeRule] = field(default_factory=list)
    cohorts: list[Cohort] = field(default_factory=list)
    # Source kind -> ids of the sources analysed together; a kind not listed analyses all its usable sources.
    analysed: dict[str, list[str]] = field(default_factory=dict)
    exchange_rates: ExchangeRates = field(default_factory=ExchangeRates)  # empty: money stays per currency
    # Names the project's entry in the OS keychain (workspace.pseudonym_keys); copies of the file share it.
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    # The key of kept pseudonyms while the project is open. Never written to the file (a shared file must not
    # reverse its pseudonyms): it comes from the keychain, or from an old file's ``pseudonym_salt``.
    pseudonym_key: str = field(default="", repr=False, compare=False, metadata={"json": False})
    # Warehouse results kept so that showing an analysis again costs no query (workspace.warehouse_results):
    # key digest -> Parquet bytes holding the key and the time. Saved beside project.json, never inside it.
    warehouse_results: dict[str, bytes] = field(default_factory=dict, repr=False, compare=False,
                                                metadata={"json": False})

    def source(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)

    def cohort(self, cohort_id: str) -> Cohort | None:
        """The cohort with ``cohort_id``; None once it was deleted (a saved analysis may still name it)."""
        return next((c for c in self.cohorts if c.id == cohort_id), None)

    def sources_of(self, kind: SourceKind) -> list[Source]:
        return [s for s in self.sources if s.kind == kind]

    def recipe(self, source_id: str) -> list[RecipeStep]:
        """The recipe of a source (empty when none was recorded yet)."""
        return self.recipes.setdefault(source_id, [])

    def adopt_legacy_salt(self, payload: dict[str, object]) -> None:
        """Files of UsageLens 0.1 kept the pseudonym key in ``project.json`` as ``pseudonym_salt`` and had no
        id. Take that salt as the key, and an id derived from it, so every opening of the same old file finds
        the same keychain entry (the id reveals nothing: it is a hash of 128 random bits)."""
        salt = payload.get("pseudonym_salt")
        if isinstance(salt, str) and salt:
            self.pseudonym_key = salt
            self.id = hashlib.sha256(b"usagelens project id\x00" + salt.encode("utf-8")).hexdigest()[:32]
