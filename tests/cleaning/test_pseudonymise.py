"""Pseudonyms are stable for one salt, differ across salts, keep gaps; personal columns are spotted."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import pytest

from usagelens.cleaning import detect_personal_columns, new_salt, pseudonyms


@pytest.fixture
def emails() -> pd.DataFrame:
    return pd.DataFrame({"email": ["a@x.com", None, "b@x.com", "a@x.com"], "n": [1, 2, 3, 4]})


def test_same_salt_same_pseudonyms_and_nan_stays_nan(run, emails):
    first = run(emails, ("pseudonymise", {"columns": ["email"]}), salt="s1").frame["email"]
    again = run(emails, ("pseudonymise", {"columns": ["email"]}), salt="s1").frame["email"]
    assert first.tolist()[0] == again.tolist()[0] == first.tolist()[3]
    assert first.isna().tolist() == [False, True, False, False]
    assert first[0] == hashlib.sha256(b"s1\x00a@x.com").hexdigest()[:16]
    assert first[0] != first[2]


def test_another_salt_gives_other_pseudonyms(run, emails):
    one = run(emails, ("pseudonymise", {"columns": ["email"]}), salt="s1").frame["email"]
    two = run(emails, ("pseudonymise", {"columns": ["email"]}), salt="s2").frame["email"]
    assert (one.dropna() != two.dropna()).all()


def test_ids_match_across_sources_whatever_their_type():
    as_numbers = pseudonyms(pd.Series([7.0, np.nan, 8.0]), "salt", length=8)
    as_text = pseudonyms(pd.Series(["7", "8"]), "salt", length=8)
    assert as_numbers.dropna().tolist() == as_text.tolist()
    assert len(as_text[0]) == 8


def test_pseudonymise_needs_a_salt_and_a_sane_length(run, emails):
    no_salt = run(emails, ("pseudonymise", {"columns": ["email"]}))
    assert no_salt.outcomes[0].error.startswith("Pseudonymising needs the project's salt")
    assert no_salt.frame["email"].tolist()[0] == "a@x.com"
    too_short = run(emails, ("pseudonymise", {"columns": ["email"], "length": 4}), salt="s")
    assert too_short.outcomes[0].error == "'length' should be between 8 and 64 characters"


def test_new_salt_is_random_hex():
    salts = {new_salt() for _ in range(3)}
    assert len(salts) == 3
    assert all(len(s) == 32 and int(s, 16) >= 0 for s in salts)


def test_detect_personal_columns_by_name_and_by_values():
    frame = pd.DataFrame({
        "E-Mail": ["x", "y", "z"],
        "contact": ["ann@shop.com", "bo@shop.com", "cy@shop.com"],
        "firstName": ["Ann", "Bo", "Cy"],
        "name": ["Ann Lee", "Bo Chan", "Cy Díaz"],
        "mobile": [1, 2, 3],  # numbers are not text: not offered
        "tel_no": ["+44 20 7946 0000", "+44 20 7946 0001", None],
        "ref": ["(555) 010-0000", "555-010-0001", "555.010.0002"],
        "order_id": ["0012345678", "0012345679", "0012345680"],
        "event_name": ["Sign Up", "Sign Up", "View"],
    })
    assert detect_personal_columns(frame) == {
        "E-Mail": "email", "contact": "email", "firstName": "name", "name": "name",
        "tel_no": "phone", "ref": "phone",
    }


def test_a_name_column_of_repeated_event_names_is_not_personal():
    frame = pd.DataFrame({"name": ["Sign Up", "Page View", "Sign Up", "Sign Up", "Page View", "Sign Up"]})
    assert detect_personal_columns(frame) == {}
