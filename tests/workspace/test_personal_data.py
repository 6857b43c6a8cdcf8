"""Personal data leaves the stored tables for good: a saved project holds neither the raw values nor the key,
the same value gets the same pseudonym in every source and refresh, one-way pseudonyms cannot be reproduced,
and an old project's key moves from project.json to the keychain."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from personal_data_checks import (
    EMAILS,
    PHONES,
    RAW,
    assert_holds_none_of,
    events_table,
    members,
    privacy_project,
    remove_all,
)
from usagelens.cleaning import apply_recipe, pseudonyms
from usagelens.io.errors import ImportFailed
from usagelens.model import (
    Protection,
    RecipeStep,
    load_project,
    save_project,
)
from usagelens.workspace.personal_data import (
    Removal,
    keys_for,
    personal_columns,
    protection_summary,
    refresh_protected,
    rewrite_sources,
)
from usagelens.workspace.pseudonym_keys import SERVICE, attach_key


def test_a_saved_pseudonymised_project_holds_no_personal_value_and_no_key(tmp_path: Path, keychain) -> None:  # type: ignore[no-untyped-def]
    project = privacy_project()
    assert {(p.column, p.kind) for p in personal_columns(project)} == {
        ("user_id", "email"), ("ip", "ip"), ("full_name", "name"), ("phone", "phone")}
    key, _ = keys_for(project, [Removal(project.sources[0].id, "user_id", Protection.PSEUDONYMISED)])
    assert keychain.entries == {(SERVICE, project.id): key} and len(key) == 64
    before = apply_recipe(project.sources[0].table, project.recipes[project.sources[0].id],
                          roles=project.sources[0].roles).frame
    remove_all(project, Protection.PSEUDONYMISED, key=key)

    events, customers = project.sources
    assert "ip" not in events.table.columns and personal_columns(project) == []
    assert protection_summary(events) == "user_id pseudonymised, ip dropped"
    # the recipe names pseudonyms now, and still keeps exactly the users it kept
    after = apply_recipe(events.table, project.recipes[events.id], roles=events.roles).frame
    assert after["user_id"].tolist() == pseudonyms(before["user_id"], key).tolist()
    path = tmp_path / "privacy.ulens"
    save_project(project, path)
    assert_holds_none_of(path, [*RAW, key])
    project_json = json.loads(members(path)["project.json"])
    assert "pseudonym_salt" not in project_json and "pseudonym_key" not in project_json
    assert project_json["sources"][1]["protected"][0]["protection"] == "pseudonymised"
    loaded = load_project(path)
    assert loaded.pseudonym_key == "" and attach_key(loaded) == "" and loaded.pseudonym_key == key


def test_the_same_value_gets_the_same_pseudonym_in_two_sources(keychain) -> None:  # type: ignore[no-untyped-def]
    project = privacy_project()
    key, _ = keys_for(project, [Removal("", "", Protection.PSEUDONYMISED)])
    remove_all(project, Protection.PSEUDONYMISED, key=key)
    events, customers = project.sources
    assert set(events.table["user_id"]) == set(customers.table["user_id"])  # every event user still joins
    position = EMAILS.index("bo.chan@globex.io")
    assert events.table["user_id"][position * 3] == customers.table["user_id"][position]
    assert customers.table["phone"][0] == hashlib.sha256(f"{key}\x00{PHONES[0]}".encode()).hexdigest()[:16]


def test_a_refresh_pseudonymises_the_new_export_before_storing_it(tmp_path: Path, keychain) -> None:  # type: ignore[no-untyped-def]
    project = privacy_project()
    key, _ = keys_for(project, [Removal("", "", Protection.PSEUDONYMISED)])
    remove_all(project, Protection.PSEUDONYMISED, key=key)
    events = project.sources[0]
    export = tmp_path / "april.csv"
    newcomer = "dee.ng@umbrella.org"
    events_table([*EMAILS[:2], newcomer]).assign(timestamp=lambda f: f["timestamp"].dt.strftime("%Y-%m-%d %H:%M:%S")) \
        .to_csv(export, index=False)
    refreshed = refresh_protected(events, export, key=key)
    table = refreshed.fields["table"]
    assert isinstance(table, pd.DataFrame) and "ip" not in table.columns
    assert refreshed.added_columns == [] and refreshed.notes == ()
    assert set(table["user_id"]) <= set(events.table["user_id"]) | {pseudonyms(pd.Series([newcomer]), key)[0]}
    assert not set(table["user_id"]) & set(RAW)
    with pytest.raises(ImportFailed, match="key, which is not in this computer's keychain"):
        refresh_protected(events, export, key="")


def test_one_way_pseudonyms_cannot_be_reproduced_from_the_file(tmp_path: Path, keychain) -> None:  # type: ignore[no-untyped-def]
    project = privacy_project()
    key, one_way_key = keys_for(project, [Removal("", "", Protection.ONE_WAY)])
    assert key == "" and len(one_way_key) == 64 and keychain.entries == {}  # nothing is kept anywhere
    remove_all(project, Protection.ONE_WAY, one_way_key=one_way_key)
    path = tmp_path / "one-way.ulens"
    save_project(project, path)
    assert_holds_none_of(path, [*RAW, one_way_key])
    loaded = load_project(path)
    attach_key(loaded)
    assert loaded.pseudonym_key == "" and keychain.entries == {}
    stored = set(loaded.sources[1].table["user_id"])
    candidates = {text for text in _strings(json.loads(members(path)["project.json"])) if text}
    assert all(not stored & set(pseudonyms(pd.Series(EMAILS), guess)) for guess in candidates)
    # next month's export cannot be joined: it gets other pseudonyms, and says so
    export = tmp_path / "may.csv"
    events_table(EMAILS).to_csv(export, index=False)
    refreshed = refresh_protected(loaded.sources[0], export, key="")
    assert not set(refreshed.fields["table"]["user_id"]) & stored  # type: ignore[index]
    assert "do not match the earlier ones" in refreshed.summary()


def _strings(node: object) -> list[str]:
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)] + [str(k) for k in node]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return [node] if isinstance(node, str) else []


def _old_file(tmp_path: Path, salt: str) -> Path:
    """A project as UsageLens 0.1 saved it: the salt in project.json, no project id, a recipe-only step."""
    project = privacy_project()
    project.recipes = {project.sources[1].id: [RecipeStep("pseudonymise", {"columns": ["user_id", "full_name"]}),
                                              RecipeStep("exclude_users", {"users": [_hash(salt, "qa.bot@acme.com")]})]}
    path = tmp_path / "old.ulens"
    save_project(project, path)
    parts = members(path)
    payload = json.loads(parts["project.json"])
    del payload["id"]
    payload["pseudonym_salt"] = salt
    parts["project.json"] = json.dumps(payload).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _hash(salt: str, value: str) -> str:
    return hashlib.sha256(f"{salt}\x00{value}".encode()).hexdigest()[:16]


def test_an_old_files_salt_moves_to_the_keychain_and_its_step_keeps_its_pseudonyms(tmp_path: Path, keychain) -> None:  # type: ignore[no-untyped-def]
    salt = "0123456789abcdef" * 2
    old = _old_file(tmp_path, salt)
    project = load_project(old)
    again = load_project(old)
    assert project.pseudonym_key == salt and project.id == again.id  # the same old file, the same keychain entry
    assert attach_key(project) == "" and keychain.entries == {(SERVICE, project.id): salt}
    customers = project.sources[1]
    cleaned = apply_recipe(customers.table, project.recipes[customers.id], roles=customers.roles,
                           pseudonym_key=project.pseudonym_key).frame
    assert cleaned["user_id"].tolist() == [_hash(salt, e) for e in EMAILS[:3]]  # same pseudonyms as 0.1 made
    saved = tmp_path / "saved.ulens"
    save_project(project, saved)
    assert salt.encode() not in b"".join(members(saved).values())
    reopened = load_project(saved)
    assert reopened.pseudonym_key == "" and attach_key(reopened) == "" and reopened.pseudonym_key == salt
    # the stored table is rewritten with the step's own pseudonyms: the step goes, its exclusion still matches
    edits = rewrite_sources(reopened, [Removal(customers.id, "user_id", Protection.PSEUDONYMISED)],
                            key=salt, one_way_key="").edits
    for edit in edits:
        edit.apply(reopened)
    steps = reopened.recipes[customers.id]
    assert [s.params.get("columns") for s in steps] == [["full_name"], None]
    rewritten = reopened.sources[1]
    assert apply_recipe(rewritten.table, steps, roles=rewritten.roles, pseudonym_key=salt).frame[
        "user_id"].tolist() == cleaned["user_id"].tolist()


def test_without_a_keychain_an_old_file_says_what_happens_to_its_key(tmp_path: Path, no_keychain) -> None:  # type: ignore[no-untyped-def]
    project = load_project(_old_file(tmp_path, "feed" * 8))
    note = attach_key(project)
    assert note.startswith("This computer has no keychain") and "no longer saved in the file" in note
    assert project.pseudonym_key == "feed" * 8  # usable until the project is closed
    saved = tmp_path / "saved.ulens"
    save_project(project, saved)
    reopened = load_project(saved)
    assert "The recipe's Pseudonymise step cannot run" in attach_key(reopened)
