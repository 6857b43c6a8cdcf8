"""Exclude users and rename events compiled (:mod:`usagelens.cleaning.user_steps`)."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from usagelens.cleaning.compiled import values
from usagelens.cleaning.compiled.context import CompileContext
from usagelens.cleaning.compiled.personal import email_columns, email_domains
from usagelens.cleaning.steps import NO_EMAIL_COLUMN, NO_USER_COLUMN, Params, StepError
from usagelens.cleaning.user_steps import absent_note, excluded_note, pattern_regex

_USER = "__usagelens_user"  # scratch column: the user id as text


def _emails(table: ir.Table, params: Params, context: CompileContext, *, required: bool) -> ir.Value | None:
    name = params.get("email_column") or next(email_columns(table, context), None)
    if name is None and required:
        raise StepError(NO_EMAIL_COLUMN)
    return None if name is None else table[name]


def _flagged_rows(table: ir.Table, params: Params, context: CompileContext,
                  users: ir.StringValue | None) -> ir.BooleanValue:
    """Rows that match any rule of the step, before widening to every row of a matched user."""
    flagged: ir.BooleanValue = ibis.literal(False)
    if users is not None and params.get("users"):
        flagged |= users.isin([str(u) for u in params["users"]]).fill_null(False)
    emails = None
    if params.get("pattern") or params.get("domains"):
        emails = _emails(table, params, context, required=bool(params.get("domains")))
    if params.get("pattern"):
        regex = pattern_regex(str(params["pattern"]))
        for found in (users, emails):
            if found is not None:
                flagged |= values.as_text(found).re_search(regex).fill_null(False)
    if params.get("domains") and emails is not None:
        wanted = [d.strip().lower().lstrip("@") for d in params["domains"]]
        domains = email_domains(emails)
        subdomain = [domains.endswith("." + d) for d in wanted]
        flagged |= (domains.isin(wanted) | ibis.or_(*subdomain)).fill_null(False)
    return flagged


def exclude_users(table: ir.Table, params: Params, context: CompileContext) -> ir.Table:
    """Drop the matching rows and every row of a user with one (an anti-join on the matched users)."""
    users = None
    if params.get("column") or context.roles.get("user_id"):
        users = values.as_text(table[context.role_column(table, params, "column", "user_id")])
    elif params.get("users"):
        raise StepError(NO_USER_COLUMN)
    flagged = _flagged_rows(table, params, context, users)
    if users is None:
        return table.filter(~flagged)
    marked = table.mutate(**{_USER: users})
    matched = marked.filter(flagged & users.notnull()).select(_USER).distinct()
    context.note(excluded_note(context.rows(matched)))
    return marked.filter(~flagged & ~marked[_USER].isin(matched[_USER]).fill_null(False)).drop(_USER)


def rename_events(table: ir.Table, params: Params, context: CompileContext) -> ir.Table:
    name = context.role_column(table, params, "column", "event")
    mapping = dict(params["mapping"])
    events = values.as_text(table[name])
    present = values.fetch(table.filter(events.isin(list(mapping))).select(e=events).distinct())["e"]
    absent = sorted(set(mapping) - set(present))
    if absent:
        context.note(absent_note(absent))
    return table.mutate(**{name: events.substitute(mapping)})
