"""Smart guesses for the import dialog: what kind of export a file is and which column plays which role.

Guesses come from column names first (Mixpanel, Amplitude, GA4, Segment and CRM exports name them in a few
predictable ways, in camelCase or snake_case), then from values where names say nothing: a column that reads
as dates is a time, a text column with few distinct values is an event name, the longest free text is the
comment. A score is always chosen by its values (whole numbers 0–10 or 1–5): survey tools head it with the
question ("How likely are you to recommend us to a friend?"), and a header that merely contains "score"
("What is the main reason for your score?") often holds the comment. The user confirms every guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from usagelens.io.columns import present_values
from usagelens.io.timestamps import read_timestamps
from usagelens.model.entities import SourceKind

# Exact (normalised) names per role, best first.
ROLE_NAMES: dict[str, tuple[str, ...]] = {
    "user_id": (
        "user_id", "userid", "user", "distinct_id", "customer_id", "customer", "account_id", "user_pseudo_id",
        "client_id", "contact_id", "member_id", "respondent_id", "uid", "email", "user_email", "anonymous_id",
        "device_id", "properties_distinct_id",
    ),
    "timestamp": (
        "timestamp", "event_time", "time", "event_timestamp", "datetime", "date_time", "occurred_at",
        "created_at", "ts", "date", "event_date", "client_event_time", "server_upload_time", "received_at",
        "sent_at", "submitted_at", "responded_at", "paid_at", "order_date", "transaction_date", "created",
        "properties_time",
    ),
    "event": ("event", "event_name", "event_type", "action", "name", "event_action", "activity", "type"),
    "score": ("score", "nps", "nps_score", "rating", "csat", "csat_score", "satisfaction", "likelihood"),
    "comment": ("comment", "comments", "feedback", "text", "verbatim", "response", "answer", "reason", "why"),
    "amount": (
        "amount", "revenue", "price", "value", "total", "net_amount", "gross_amount", "amount_paid", "mrr",
        "payment", "sales",
    ),
    "currency": ("currency", "currency_code", "iso_currency", "curr"),
    "signup_date": (
        "signup_date", "signed_up_at", "signup_at", "sign_up_date", "signup", "created_at", "created",
        "registration_date", "registered_at", "join_date", "joined_at", "first_seen",
    ),
}  # fmt: skip
# Words that mark a role when they appear inside a longer name ("order_total_eur", "Event Time (UTC)").
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "user_id": ("user", "customer", "account", "client"),
    "timestamp": ("timestamp", "time", "date"),
    "event": ("event",),
    "score": ("score", "nps", "rating", "csat"),
    "comment": ("comment", "feedback", "verbatim"),
    # Money words too: "dollar_value", "order_usd", "spend_eur" name an amount as clearly as "amount" does.
    "amount": ("amount", "revenue", "price", "total", "dollar", "dollars", "usd", "eur", "euro", "euros", "gbp",
               "spend", "spent", "paid", "sales"),
    "currency": ("currency",),
    "signup_date": ("signup", "signed", "registered", "joined"),
}
# Words of the questions that survey tools (Typeform, SurveyMonkey) write as the header of an NPS or CSAT answer.
SCORE_QUESTION_WORDS = ("recommend", "likely", "satisfied", "satisfaction")
COUNT_WORDS = ("count", "users", "sessions", "views", "pageviews", "clicks", "impressions", "conversions")
STRONG_EVENT_NAMES = ("event", "event_name", "event_type", "action", "event_action")
EVENT_MAX_DISTINCT = 500
SAMPLE_ROWS = 2000
MIN_PARSED_SHARE = 0.9
MAX_EMPTY_SHARE = 0.5
PROSE_SHARE = 0.5  # a comment column: at least this share of its answers have a space in them


def normalise(name: str) -> str:
    """``"userId"``, ``"User ID"`` and ``"$user_id"`` all become ``"user_id"``."""
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", str(name))
    return re.sub(r"[^a-z0-9]+", "_", snake.lower()).strip("_")


def guess_kind(columns: Sequence[str], frame: pd.DataFrame | None = None) -> SourceKind:
    """The kind of export a header suggests, checked against ``frame``'s values when given (a score column
    must hold scores); customers when nothing points elsewhere."""
    names = {normalise(column) for column in columns}

    def has(role: str) -> bool:
        return any(_name_matches(name, role) for name in names)

    has_time = any(
        _name_matches(name, "timestamp") and not _name_matches(name, "signup_date") for name in names
    )
    # Counts per date and no user: an aggregated report (GA4's "Event count" is not a user id).
    if has_time and not has("user_id") and any(set(name.split("_")) & set(COUNT_WORDS) for name in names):
        return SourceKind.METRICS
    if names & set(STRONG_EVENT_NAMES):
        return SourceKind.EVENTS
    if _score_columns(list(columns), frame) if frame is not None else has("score"):
        return SourceKind.FEEDBACK
    if has("amount") and has_time:
        return SourceKind.REVENUE
    if has("event") and has_time:
        return SourceKind.EVENTS
    return SourceKind.CUSTOMERS


def guess_roles(kind: SourceKind, frame: pd.DataFrame) -> dict[str, str]:
    """role -> column for the roles of ``kind`` that a column could be found for; each column used once."""
    roles: dict[str, str] = {}
    for role in kind.roles:
        free = [column for column in frame.columns if column not in roles.values()]
        if role == "score":
            column = next(iter(_score_columns(free, frame)), None) or _by_values(role, free, frame)
        else:
            column = _by_name(role, free, frame) or _by_values(role, free, frame)
        if column is not None:
            roles[role] = column
    return roles


def guess_score_scale(series: pd.Series) -> str | None:
    """``"nps"`` for whole numbers 0-10, ``"csat"`` for 1-5, None when the values fit neither (a value that
    is not a number at all fits neither: a free-text answer of "5 stars!" is no score)."""
    numbers = pd.to_numeric(present_values(series), errors="coerce")
    if numbers.empty or numbers.isna().any() or not (numbers == numbers.round()).all():
        return None
    low, high = numbers.min(), numbers.max()
    if low >= 1 and high <= 5:
        return "csat"
    if low >= 0 and high <= 10:
        return "nps"
    return None


def _name_matches(name: str, role: str) -> bool:
    return name in ROLE_NAMES[role] or any(word in name.split("_") for word in ROLE_WORDS[role])


def _score_columns(columns: list[str], frame: pd.DataFrame) -> list[str]:
    """Columns named like a score or an NPS/CSAT question whose values are scores, best-named first. A
    column whose preview is empty has no values to object, so its name is enough."""
    named = _named("score", columns, SCORE_QUESTION_WORDS)
    return [c for c in named if present_values(frame[c]).empty or guess_score_scale(frame[c]) is not None]


def _named(role: str, columns: list[str], words: Sequence[str] = ()) -> list[str]:
    """Columns named for ``role``: exact names in priority order, then names containing a role word (or one
    of ``words``)."""
    normalised = {column: normalise(column) for column in columns}
    exact = [c for name in ROLE_NAMES[role] for c in columns if normalised[c] == name]
    return exact + [
        c for c in columns
        if c not in exact and (_name_matches(normalised[c], role) or set(words) & set(normalised[c].split("_")))
    ]


def _by_name(role: str, columns: list[str], frame: pd.DataFrame) -> str | None:
    """The best-named column; a mostly empty column yields to another candidate (GA4 exports have an empty
    ``user_id`` next to a filled ``user_pseudo_id``)."""
    candidates = _named(role, columns)
    filled = [c for c in candidates if frame[c].isna().mean() <= MAX_EMPTY_SHARE]
    return (filled or candidates or [None])[0]


def _by_values(role: str, columns: list[str], frame: pd.DataFrame) -> str | None:
    """A column whose values fit the role, for headers that say nothing ("col1", "Spalte 3")."""
    sample = frame.head(SAMPLE_ROWS)
    if role == "comment":
        return _prose_column(columns, sample)
    for column in columns:
        values = sample[column].dropna()
        if values.empty:
            continue
        text = pd.api.types.is_string_dtype(values) or values.dtype == object
        if role == "user_id" and text and _looks_like_ids(values) and not _reads_as_dates(values):
            return column
        if role in ("timestamp", "signup_date") and text and _reads_as_dates(values):
            return column
        if role == "event" and text and values.nunique() <= min(EVENT_MAX_DISTINCT, len(values) // 2 + 1):
            return column
        if role == "score" and guess_score_scale(values) is not None:
            return column
        if role == "amount" and pd.api.types.is_float_dtype(values):
            return column
    return None


def _prose_column(columns: list[str], sample: pd.DataFrame) -> str | None:
    """The text column with the longest answers among those written as words (most have a space) that are
    not dates: a comment, not a name list or a category."""
    prose = {}
    for column in columns:
        values = present_values(sample[column]).astype("str")
        if not values.empty and values.str.contains(" ", regex=False).mean() >= PROSE_SHARE:
            if not _reads_as_dates(values):
                prose[column] = values.str.len().mean()
    return max(prose, key=prose.__getitem__) if prose else None


def _reads_as_dates(values: pd.Series) -> bool:
    """Whether most values read as times in a way that says "date" (numbers that merely fit Excel's serial
    range are amounts as often as dates)."""
    reading = read_timestamps(values)
    return not reading.loose and reading.failed <= (1 - MIN_PARSED_SHARE) * len(values)


def _looks_like_ids(values: pd.Series) -> bool:
    """Many distinct values without spaces: ids and e-mail addresses, not names or comments."""
    text = values.astype("str")
    return values.nunique() > len(values) // 2 and not text.str.contains(" ", regex=False).any()
