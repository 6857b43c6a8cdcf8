"""A password typed into the app for this session only: used first, kept nowhere, hidden from every message,
and never asked for on a terminal from a worker thread."""

from __future__ import annotations

import io
import sys
import threading
from collections.abc import Iterator

import pytest

from usagelens.io.warehouse import credentials
from usagelens.io.warehouse.credentials import known_password, password_for, remember_for_session, scrub, store
from usagelens.io.warehouse.url import parse_url

SECRET = "Typed-Only:Marmalade/77 ok"  # a slash, a colon and a space: hidden URL-quoted too
URL = parse_url("postgres://ana@db.example.com:5432/product")


@pytest.fixture(autouse=True)
def _nothing_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(credentials.ENVIRONMENT, raising=False)
    yield
    remember_for_session(URL, "")


def test_a_password_typed_for_the_session_comes_before_the_keychain(keychain) -> None:  # noqa: ANN001
    store(URL, "the-keychain-one")
    remember_for_session(URL, SECRET)
    assert password_for(URL) == SECRET
    assert keychain.entries == {("UsageLens", URL.keychain_account): "the-keychain-one"}  # not written there
    remember_for_session(URL, "")
    assert password_for(URL) == "the-keychain-one"


def test_it_is_keyed_by_user_host_and_port() -> None:
    remember_for_session(URL, SECRET)
    assert known_password(parse_url("postgres://ana@db.example.com/other_db")) == SECRET  # the usual port
    assert known_password(parse_url("postgres://bob@db.example.com:5432/product")) is None


def test_a_session_password_is_scrubbed_as_written_and_url_quoted() -> None:
    remember_for_session(URL, SECRET)
    said = f"FATAL: bad login {SECRET} at postgres://ana:{credentials.quote(SECRET, safe='')}@db"
    assert SECRET not in scrub(said)
    assert "Marmalade" not in scrub(said)


def test_a_worker_thread_never_prompts_on_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    asked: list[str] = []
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(credentials.getpass, "getpass", lambda prompt: asked.append(prompt) or "typed")
    found: list[str | None] = []
    worker = threading.Thread(target=lambda: found.append(password_for(URL)))
    worker.start()
    worker.join()
    assert found == [None] and asked == []
    assert password_for(URL) == "typed" and len(asked) == 1  # the CLI, on the main thread, still asks
