"""exclude_users and rename_events, which find their columns through the source's roles."""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from usagelens.cleaning import StepStatus

ROLES = {"user_id": "uid", "event": "action", "timestamp": "at"}


@pytest.fixture
def log() -> pd.DataFrame:
    return pd.DataFrame({
        "uid": [7, 7, 8, 9, 10, 10],
        "action": ["Sign Up", "view", "signup", "view", "Sign up", "view"],
        "mail": ["ann@shop.com", None, "qa-bot@acme.io", "cy@eu.acme.io", "di@gmail.com", None],
    })


def test_exclude_listed_users_compares_ids_as_text(run, log):
    result = run(log, ("exclude_users", {"users": ["7", 9]}), roles=ROLES)
    assert_frame_equal(result.frame, log.iloc[[2, 4, 5]])
    assert result.outcomes[0].notes == ("Excluded 2 users",)


def test_exclude_by_domain_removes_every_row_of_the_user(run, log):
    result = run(log, ("exclude_users", {"domains": ["acme.io"], "email_column": "mail"}), roles=ROLES)
    assert_frame_equal(result.frame, log.iloc[[0, 1, 4, 5]])  # eu.acme.io counts as acme.io


def test_exclude_by_pattern_finds_the_email_column_itself(run, log):
    by_substring = run(log, ("exclude_users", {"pattern": "QA"}), roles=ROLES)
    assert_frame_equal(by_substring.frame, log.drop(index=2))
    by_wildcard = run(log, ("exclude_users", {"pattern": "d*@gmail.com"}), roles=ROLES)
    assert_frame_equal(by_wildcard.frame, log.iloc[[0, 1, 2, 3]])  # user 10 loses both rows


def test_exclude_without_a_match_keeps_every_row(run, log):
    result = run(log, ("exclude_users", {"users": ["404"], "reason": "test accounts"}), roles=ROLES)
    assert_frame_equal(result.frame, log)
    assert result.outcomes[0].notes == ("Excluded 0 users",)


def test_exclude_without_a_user_column_says_so(run, log):
    result = run(log, ("exclude_users", {"users": ["7"]}))
    assert result.outcomes[0].error == "No user id column: choose one in the step or map the role"


def test_exclude_by_domain_without_emails_says_so(run):
    frame = pd.DataFrame({"uid": ["a"], "n": [1]})
    result = run(frame, ("exclude_users", {"domains": ["acme.io"]}), roles=ROLES)
    assert result.outcomes[0].error == "No email column found: choose one in the step"


def test_rename_events_merges_names_into_one(run, log):
    result = run(log, ("rename_events", {"mapping": {"Sign Up": "signup", "Sign up": "signup"}}), roles=ROLES)
    assert result.frame["action"].tolist() == ["signup", "view", "signup", "view", "signup", "view"]
    assert result.outcomes[0].notes == ()


def test_rename_events_in_a_named_column_notes_absent_names(run, log):
    result = run(log, ("rename_events", {"mapping": {"view": "page_view", "Gone": "x"}, "column": "action"}))
    assert result.frame["action"].tolist() == ["Sign Up", "page_view", "signup", "page_view", "Sign up",
                                               "page_view"]
    assert result.outcomes[0].notes == ("Not in the data: 'Gone'",)


def test_rename_events_with_a_role_pointing_nowhere_fails_clearly(run, log):
    result = run(log, ("rename_events", {"mapping": {"a": "b"}}), roles={"event": "name"})
    assert result.outcomes[0].status is StepStatus.FAILED
    assert result.outcomes[0].error == "Column 'name' is not in the table (renamed or removed since?)"
