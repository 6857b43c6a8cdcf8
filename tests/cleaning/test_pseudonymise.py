"""Pseudonyms are stable for one key, differ across keys, keep gaps; stored tables are protected; personal columns
are spotted (e-mails, names, phones, IP addresses)."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import pytest

from usagelens.cleaning import detect_personal_columns, new_key, protect_table, pseudonyms
from usagelens.model import ProtectedColumn, Protection


@pytest.fixture
def emails() -> pd.DataFrame:
    return pd.DataFrame({"email": ["a@x.com", None, "b@x.com", "a@x.com"], "n": [1, 2, 3, 4]})


def test_same_key_same_pseudonyms_and_nan_stays_nan(run, emails):
    first = run(emails, ("pseudonymise", {"columns": ["email"]}), pseudonym_key="s1").frame["email"]
    again = run(emails, ("pseudonymise", {"columns": ["email"]}), pseudonym_key="s1").frame["email"]
    assert first.tolist()[0] == again.tolist()[0] == first.tolist()[3]
    assert first.isna().tolist() == [False, True, False, False]
    assert first[0] == hashlib.sha256(b"s1\x00a@x.com").hexdigest()[:16]
    assert first[0] != first[2]


def test_another_key_gives_other_pseudonyms(run, emails):
    one = run(emails, ("pseudonymise", {"columns": ["email"]}), pseudonym_key="s1").frame["email"]
    two = run(emails, ("pseudonymise", {"columns": ["email"]}), pseudonym_key="s2").frame["email"]
    assert (one.dropna() != two.dropna()).all()


def test_ids_match_across_sources_whatever_their_type():
    as_numbers = pseudonyms(pd.Series([7.0, np.nan, 8.0]), "salt", length=8)
    as_text = pseudonyms(pd.Series(["7", "8"]), "salt", length=8)
    assert as_numbers.dropna().tolist() == as_text.tolist()
    assert len(as_text[0]) == 8


def test_pseudonymise_needs_the_key_and_a_sane_length(run, emails):
    no_key = run(emails, ("pseudonymise", {"columns": ["email"]}))
    assert no_key.outcomes[0].error.startswith("The key of this project's pseudonyms is not in this computer's")
    assert no_key.frame["email"].tolist()[0] == "a@x.com"
    too_short = run(emails, ("pseudonymise", {"columns": ["email"], "length": 4}), pseudonym_key="s")
    assert too_short.outcomes[0].error == "'length' should be between 8 and 64 characters"


def test_new_key_is_random_hex_of_256_bits():
    keys = {new_key() for _ in range(3)}
    assert len(keys) == 3
    assert all(len(k) == 64 and int(k, 16) >= 0 for k in keys)


def test_protect_table_pseudonymises_one_way_and_drops_as_recorded(emails):
    frame = emails.assign(phone=["+1 555 0100", None, "+1 555 0101", "+1 555 0100"], ip=["1.2.3.4"] * 4)
    protected = [ProtectedColumn("email", Protection.PSEUDONYMISED),
                 ProtectedColumn("phone", Protection.ONE_WAY, length=8),
                 ProtectedColumn("ip", Protection.DROPPED), ProtectedColumn("gone", Protection.DROPPED)]
    out = protect_table(frame, protected, key="k", one_way_key="throwaway")
    assert list(out.columns) == ["email", "n", "phone"] and list(frame.columns) == ["email", "n", "phone", "ip"]
    assert out["email"].tolist()[0] == pseudonyms(pd.Series(["a@x.com"]), "k")[0]  # the recipe step's hash
    assert out["phone"].tolist()[0] == hashlib.sha256(b"throwaway\x00+1 555 0100").hexdigest()[:8]
    assert out["phone"].isna().tolist() == [False, True, False, False] and out["n"].tolist() == [1, 2, 3, 4]
    assert frame["email"].tolist()[0] == "a@x.com"  # the caller's frame is left alone


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


def test_a_column_of_dates_is_no_phone_number():
    """A survey's answer dates as text, before they are read as dates (the import dialog's check)."""
    frame = pd.DataFrame({"date": ["2024-01-01", "2024-01-02", "2024-02-15"], "day": ["01.02.2024"] * 3})
    assert detect_personal_columns(frame) == {}


def test_a_name_column_of_repeated_event_names_is_not_personal():
    frame = pd.DataFrame({"name": ["Sign Up", "Page View", "Sign Up", "Sign Up", "Page View", "Sign Up"]})
    assert detect_personal_columns(frame) == {}


def test_detect_ip_addresses_by_name_and_by_values():
    frame = pd.DataFrame({
        "client_ip": ["x", "y", "z"],
        "IPAddress": ["x", "y", "z"],
        "remote": ["10.0.0.1", "192.168.1.20", "2001:db8::1"],
        "version": ["1.2.3", "1.2.4", "2.0.0"],  # dotted, but no IP
        "time_of_day": ["10:30:00", "11:00:00", "12:00:00"],  # colons, but no IPv6
        "octets": ["300.1.1.1", "1.2.3.999", "256.0.0.1"],
        "zip": ["1234 AB", "1235 AB", "1236 AB"],  # "zip" holds no "ip" token
    })
    assert detect_personal_columns(frame) == {"client_ip": "ip", "IPAddress": "ip", "remote": "ip"}


def test_detect_people_by_name_in_columns_about_people_only():
    people = ["Ann Lee", "Lee, Bo", "Cy Díaz", "Dee O'Neil"]
    frame = pd.DataFrame({
        "contact": people, "owner": people, "customer": people, "Assignee": people,
        "company": ["Acme Corp", "Big Co", "Cy Díaz", "Dee Works"],  # capitalised words, but no person hint
        "page_name": ["Pricing Page", "Home Page", "Sign Up", "Team Settings"],  # names something else
    })
    assert detect_personal_columns(frame) == {"contact": "name", "owner": "name", "customer": "name",
                                              "Assignee": "name"}


def test_detect_phones_by_more_names():
    frame = pd.DataFrame({"msisdn": ["31612345678"] * 2, "Fax": ["x", "y"], "WhatsApp": ["x", "y"]})
    assert detect_personal_columns(frame) == {"msisdn": "phone", "Fax": "phone", "WhatsApp": "phone"}
