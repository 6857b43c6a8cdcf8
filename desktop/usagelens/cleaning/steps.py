"""What a cleaning step kind is, and the checks every kind shares.

A step kind is a pure function ``(frame, params, context) -> frame`` plus a declared parameter list. The
declaration does the work each kind would otherwise repeat: it checks that parameters have the right shape
(they come back from a project file that may have been edited or written by another version), that the
columns they name still exist after a refresh, and it tells the GUI which editor each parameter needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

import pandas as pd

from usagelens.model.translatable import QT_TRANSLATE_NOOP, Phrase, said

Params = Mapping[str, Any]
T = TypeVar("T")


# problems the pandas steps and their compiled twins both meet, said once
NO_EMAIL_COLUMN = QT_TRANSLATE_NOOP("StepKind", "No email column found: choose one in the step")
NO_USER_COLUMN = QT_TRANSLATE_NOOP("StepKind", "No user id column: choose one in the step or map the role")
COMPARES_NUMBERS = QT_TRANSLATE_NOOP("StepKind", "'{op}' compares numbers or dates, but {name} holds {kind}; change "
                                                 "its type first")


# the step kinds' choices (``Param.choices``) as the step dialog offers them and a step's problems name them; the
# recipe keeps the keys
CHOICE_WORDS = {
    "first": QT_TRANSLATE_NOOP("StepDialog", "first"), "last": QT_TRANSLATE_NOOP("StepDialog", "last"),
    "text": QT_TRANSLATE_NOOP("StepDialog", "text"), "number": QT_TRANSLATE_NOOP("StepDialog", "number"),
    "date": QT_TRANSLATE_NOOP("StepDialog", "date"), "yes-no": QT_TRANSLATE_NOOP("StepDialog", "yes-no"),
    "equals": QT_TRANSLATE_NOOP("StepDialog", "equals"), "one_of": QT_TRANSLATE_NOOP("StepDialog", "one of"),
    "not_one_of": QT_TRANSLATE_NOOP("StepDialog", "not one of"),
    "contains": QT_TRANSLATE_NOOP("StepDialog", "contains"), "greater": QT_TRANSLATE_NOOP("StepDialog", "greater"),
    "less": QT_TRANSLATE_NOOP("StepDialog", "less"), "is_missing": QT_TRANSLATE_NOOP("StepDialog", "is missing"),
    "not_missing": QT_TRANSLATE_NOOP("StepDialog", "not missing"),
    "date_range": QT_TRANSLATE_NOOP("StepDialog", "date range"),
    "value": QT_TRANSLATE_NOOP("StepDialog", "value"), "drop": QT_TRANSLATE_NOOP("StepDialog", "drop"),
    "keep": QT_TRANSLATE_NOOP("StepDialog", "keep"), "lower": QT_TRANSLATE_NOOP("StepDialog", "lower"),
    "upper": QT_TRANSLATE_NOOP("StepDialog", "upper"),
}


def choice_word(choice: str) -> str:
    """A parameter's choice ("one_of") as a word ("one of"), marked: the GUI says it in the user's language."""
    return CHOICE_WORDS.get(choice, choice.replace("_", " "))


def type_word(kind: str) -> Phrase:
    """A column type's word ("number", "text") for a sentence: translated as step 3's column types are."""
    return Phrase("ColumnType", kind)


class StepError(ValueError):
    """A readable reason a step cannot apply to this table; the recipe shows it and skips the step."""


@dataclass
class StepContext:
    """What a step may know besides its parameters: the source's column roles and the project's pseudonym key.

    ``notes`` collects remarks a step wants the user to see ("3 values could not be read as numbers"); the
    recipe gives every step a fresh context so notes stay with the step that made them.
    """

    roles: Mapping[str, str] = field(default_factory=dict)
    pseudonym_key: str = ""
    notes: list[str] = field(default_factory=list)

    def note(self, text: str) -> None:
        self.notes.append(text)

    def role_column(self, frame: pd.DataFrame, params: Params, key: str, role: str) -> str:
        """The column named by ``params[key]``, else the one mapped to ``role``; a StepError if neither."""
        name = params.get(key) or self.roles.get(role)
        if not name:
            raise StepError(NO_USER_COLUMN if role == "user_id" else QT_TRANSLATE_NOOP(
                "StepKind", "No {role} column: choose one in the step or map the role").format(
                role=role.replace("_", " ")))
        if name not in frame.columns:
            raise StepError(QT_TRANSLATE_NOOP("StepKind", "Column '{name}' is not in the table (renamed or removed "
                                                          "since?)").format(name=str(name)))
        return str(name)


def _is_value(value: Any) -> bool:
    return isinstance(value, str | int | float | bool)


def _is_date(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def _is_str_map(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()
    )


# kind -> (test, what the user should have given, marked for the step dialog); "column" kinds are also checked
# against the table
_PARAM_KINDS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "column": (lambda v: isinstance(v, str) and bool(v), QT_TRANSLATE_NOOP("StepKind", "a column name")),
    "columns": (lambda v: isinstance(v, list) and all(isinstance(c, str) for c in v),
                QT_TRANSLATE_NOOP("StepKind", "a list of columns")),
    "column_map": (_is_str_map, QT_TRANSLATE_NOOP("StepKind", "pairs of old and new column names")),
    "text": (lambda v: isinstance(v, str), QT_TRANSLATE_NOOP("StepKind", "text")),
    "texts": (lambda v: isinstance(v, list) and all(isinstance(t, str) for t in v),
              QT_TRANSLATE_NOOP("StepKind", "a list of texts")),
    "text_map": (_is_str_map, QT_TRANSLATE_NOOP("StepKind", "pairs of old and new names")),
    "value": (_is_value, QT_TRANSLATE_NOOP("StepKind", "a value")),
    "values": (lambda v: isinstance(v, list) and all(_is_value(x) for x in v),
               QT_TRANSLATE_NOOP("StepKind", "a list of values")),
    "number": (lambda v: isinstance(v, int | float) and not isinstance(v, bool),
               QT_TRANSLATE_NOOP("StepKind", "a number")),
    "flag": (lambda v: isinstance(v, bool), QT_TRANSLATE_NOOP("StepKind", "yes or no")),
    "choice": (lambda v: isinstance(v, str), QT_TRANSLATE_NOOP("StepKind", "one of the offered choices")),
    "date": (_is_date, QT_TRANSLATE_NOOP("StepKind", "a date like 2024-01-31")),
}
AT_LEAST_ONE_COLUMN = QT_TRANSLATE_NOOP("StepKind", "Choose at least one column.")
_COLUMN_KINDS = ("column", "columns", "column_map")  # parameters that name table columns


@dataclass(frozen=True)
class Param:
    """One parameter of a step kind: its name, kind (a key of the table above) and whether it is needed."""

    name: str
    kind: str
    required: bool = False
    choices: tuple[str, ...] = ()

    def problem(self, value: Any, columns: Sequence[str] | None) -> str | None:
        """Why ``value`` cannot be used for this parameter on a table with ``columns`` (None: unknown
        table, shape checks only); None if it can."""
        if value is None:
            return self.missing_message() if self.required else None
        test, expected = _PARAM_KINDS[self.kind]
        if not test(value):
            return QT_TRANSLATE_NOOP("StepKind", "'{name}' should be {expected}").format(name=self.name,
                                                                                       expected=expected)
        if self.choices and value not in self.choices:
            return QT_TRANSLATE_NOOP("StepKind", "'{name}' should be one of: {choices}").format(
                name=self.name, choices=", ".join(self.choices))  # the keys a recipe holds
        if self.required and self.kind == "columns" and not value:
            return AT_LEAST_ONE_COLUMN
        missing = [c for c in self.columns(value) if c not in columns] if columns is not None else []
        if missing:
            gone = QT_TRANSLATE_NOOP("StepKind", "Column {columns} is not in the table (renamed or removed since?)") \
                if len(missing) == 1 else \
                QT_TRANSLATE_NOOP("StepKind", "Columns {columns} are not in the table (renamed or removed since?)")
            return gone.format(columns=quoted(missing))
        return None

    def missing_message(self) -> str:
        """What to do about a required parameter left empty, as the step dialog shows it."""
        if self.kind == "column":
            return QT_TRANSLATE_NOOP("StepKind", "Choose a column.")
        if self.kind == "columns":
            return AT_LEAST_ONE_COLUMN
        return QT_TRANSLATE_NOOP("StepKind", "Give {what} for “{name}”.").format(what=_PARAM_KINDS[self.kind][1],
                                                                                 name=self.name.replace("_", " "))

    def columns(self, value: Any) -> list[str]:
        """The table columns ``value`` names, if this is a column parameter (none if malformed)."""
        if self.kind not in _COLUMN_KINDS or value is None or not _PARAM_KINDS[self.kind][0](value):
            return []
        return [value] if self.kind == "column" else list(value)


StepFunction = Callable[[pd.DataFrame, Params, StepContext], pd.DataFrame]
Rules = Callable[[Params, Sequence[str] | None], str | None]  # rules across params; columns None = unknown


@dataclass(frozen=True)
class StepKind:
    """A registered operation: what it is called, what it takes, what it does and how to say it in a line."""

    op: str
    title: str
    params: tuple[Param, ...]
    run: StepFunction
    summary: Callable[[Params], str]
    rules: Rules | None = None

    def describe(self, params: Params) -> str:
        """One human line for the recipe list; falls back to the title when params are malformed."""
        if self.validate(params, columns=None) is not None:
            return self.title
        return self.summary(params)

    def validate(self, params: Params, columns: Sequence[str] | None) -> str | None:
        """Why this step cannot apply to a table with ``columns`` (None: it can). ``columns=None`` skips
        the column checks, for judging a step on its own."""
        if not isinstance(params, Mapping):
            return "The step's settings are unreadable"
        for param in self.params:
            problem = param.problem(params.get(param.name), columns)
            if problem:
                return problem
        return self.rules(params, columns) if self.rules else None

    def apply(self, frame: pd.DataFrame, params: Params, context: StepContext) -> pd.DataFrame:
        problem = self.validate(params, list(frame.columns))
        if problem:
            raise StepError(problem)
        return self.run(frame, params, context)

    def guarded(self, action: Callable[[], T], *, expected: tuple[type[Exception], ...] = ()) -> T:
        """``action()``, with anything unforeseen turned into a StepError carrying a message for the user.

        Steps raise StepError for problems they foresee; anything else means the data surprised them, and a
        recipe replayed on an export nobody has seen yet must still not take the other steps down with it.
        """
        try:
            return action()
        except (StepError, *expected):
            raise
        except Exception as exc:  # noqa: BLE001 — see docstring
            # {action} as English writes the title inside a sentence, {Action} as it is (for a translation that
            # quotes it); the problem is the error's own, translatable when it is ours
            raise StepError(QT_TRANSLATE_NOOP("StepKind", "Could not {action}: {problem}").format(
                action=self.title.lower(), Action=self.title, problem=said(exc))) from exc


def step_kind(op: str, title: str, *params: Param, summary: Callable[[Params], str],
              rules: Rules | None = None) -> Callable[[StepFunction], StepKind]:
    """Declare a step kind around its function: ``@step_kind("drop_columns", "Drop columns", ...)``."""

    def wrap(run: StepFunction) -> StepKind:
        return StepKind(op=op, title=title, params=params, run=run, summary=summary, rules=rules)

    return wrap


def listed(values: Iterable[Any], limit: int = 6) -> str:
    """``a, b, c`` for a description, shortened to ``a, b, … (+4 more)`` when long."""
    items = [str(v) for v in values]
    if len(items) <= limit:
        return ", ".join(items)
    return QT_TRANSLATE_NOOP("StepKind", "{items}, … (+{more} more)").format(items=", ".join(items[:limit]),
                                                                          more=len(items) - limit)


def quoted(values: Iterable[Any], limit: int = 6) -> str:
    """Like :func:`listed` with each value in quotes, for names that may contain spaces."""
    return listed((f"'{v}'" for v in values), limit)


def count(n: int, noun: str) -> str:
    """``1 user`` / ``3 users`` / ``1,234 rows``."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
