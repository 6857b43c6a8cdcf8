"""A cohort's conditions as a linked warehouse's queries can answer them: a condition on a customer attribute
that stays in the project (one of many values: a company, a country of 200, a plan id) sent as the users it
selects.

Only the customers' few-valued attributes go along with a linked source's queries (``spec._customers_along``),
and none on Trino or Databricks. A condition on any other customer attribute is decided here, on the customers
in memory, as the numpy path decides it (:func:`~usagelens.analytics.cohort_rules.matching_labels` over each
customer's value as text, ``(missing)`` for none), and becomes a ``users`` condition listing the users it
selects: past 1,000 ids the list goes along as a table where the engine takes one, else it is written into the
query (:mod:`usagelens.analytics.definitions.cohorts`). Where ``(missing)`` matches, users without a customer row
are selected too, so the list is of the customers it leaves out, with ``outside``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from usagelens.analytics.attributes import MISSING_LABEL, Customers, factorize_with_missing
from usagelens.analytics.cohort_rules import AttributeRule, matching_labels, read_rules
from usagelens.analytics.encoding import as_text
from usagelens.analytics.errors import AnalysisError


def linked_conditions(conditions: Sequence[Mapping[str, Any]], customers: Customers | None,
                      along: object | None) -> list[Mapping[str, Any]]:
    """``conditions`` with each one on a customer attribute that is not a column of ``along`` (the customers'
    table sent with the queries, None: none is) replaced by the users it selects. Conditions that cannot be
    read are left for the definitions to refuse in their words."""
    if customers is None:
        return list(conditions)
    try:
        rules = read_rules(conditions).rules
    except AnalysisError:  # the definitions read them again and say what is wrong, in their words
        return list(conditions)
    sent = set(getattr(along, "columns", ()))
    return [_listed(rule, customers) if isinstance(rule, AttributeRule) and customers.has(rule.attribute)
            and rule.attribute not in sent else condition for rule, condition in zip(rules, conditions, strict=True)]


def _listed(rule: AttributeRule, customers: Customers) -> dict[str, Any]:
    """The ``users`` condition of the customers ``rule`` selects (each customer's last row counts, as in a
    breakdown), or of those it leaves out when it selects users without a value."""
    table = customers.frame.drop_duplicates(customers.user, keep="last")
    codes, labels = factorize_with_missing(table[rule.attribute])
    selected = matching_labels(rule, labels)[codes] if len(labels) else np.zeros(len(table), dtype=bool)
    outside = bool(matching_labels(rule, [MISSING_LABEL])[0])
    ids = as_text(table[customers.user]).to_numpy(object)[selected != outside]
    return {"kind": "users", "user_ids": [str(user_id) for user_id in ids], "outside": outside}
