"""Where a warehouse's password or token comes from, so that it is never written in a URL, a project or a log.

In order: a password typed into the app's Connect dialog for this session only (:func:`remember_for_session`),
the OS keychain (service ``UsageLens``, user name ``user@host:port``: stored there by ``usagelens secret set
URL`` or the dialog), the ``ULENS_PASSWORD`` environment variable (automation), the backend's own variable
(MotherDuck's ``motherduck_token``, which DuckDB documents), and a prompt when someone is at the terminal
(only on the main thread: the app's warehouse work runs on workers, which must never wait for an answer on a
terminal it may have been started from). A secret handed out here is remembered for this
process only, so that :func:`scrub` can take it out of any text about to be shown (a driver that quoted it in
an error would otherwise leak it).
"""

from __future__ import annotations

import getpass
import os
import sys
import threading
from urllib.parse import quote, quote_plus

import keyring
from keyring.backends import fail, null
from keyring.errors import KeyringError, PasswordDeleteError

from usagelens.io.warehouse.url import WarehouseError, WarehouseURL
from usagelens.model.translatable import QT_TRANSLATE_NOOP, replaced

SERVICE = "UsageLens"
ENVIRONMENT = "ULENS_PASSWORD"
NO_KEYCHAIN = QT_TRANSLATE_NOOP("Warehouse", "this computer has no keychain UsageLens can use (on Linux it needs a "
                                             "Secret Service such as GNOME Keyring or KWallet); put the password in "
                                             "the {variable} environment variable instead").format(variable=ENVIRONMENT)
HIDDEN = "***"
_handed_out: set[str] = set()
_this_session: dict[str, str] = {}  # keychain account -> a password typed in the app and not kept anywhere


def keychain_available() -> bool:
    """Whether a real keychain backend is installed (keyring's fail-safe and null backends store nothing)."""
    return not isinstance(keyring.get_keyring(), fail.Keyring | null.Keyring)


def _remembered(secret: str | None) -> str | None:
    if secret:
        _handed_out.add(secret)
    return secret or None


def remember_for_session(url: WarehouseURL, secret: str) -> None:
    """Use ``secret`` for ``url`` until this process ends, ahead of the keychain; it is written nowhere, and
    :func:`scrub` hides it from then on. An empty one forgets what was typed before."""
    if secret:
        _handed_out.add(secret)
        _this_session[url.keychain_account] = secret
    else:
        _this_session.pop(url.keychain_account, None)


def known_password(url: WarehouseURL) -> str | None:
    """The secret of ``url`` from this session, the keychain or ``ULENS_PASSWORD``, without asking anyone."""
    if not url.needs_secret:
        return None
    if url.keychain_account in _this_session:
        return _this_session[url.keychain_account]
    if keychain_available():
        try:
            kept = keyring.get_password(SERVICE, url.keychain_account)
        except KeyringError:  # locked or refused: the next source may have it
            kept = None
        if kept:
            return _remembered(kept)
    for name in (ENVIRONMENT, *url.backend.environment):
        if os.environ.get(name):
            return _remembered(os.environ[name])
    return None


def password_for(url: WarehouseURL) -> str | None:
    """The secret of ``url``: :func:`known_password`, else a prompt on a terminal; None when none of them has
    one (the driver may still find its own, e.g. PostgreSQL's ``~/.pgpass``, or need none)."""
    known = known_password(url)
    if known is not None or not url.needs_secret:
        return known
    if threading.current_thread() is threading.main_thread() and sys.stdin is not None and sys.stdin.isatty():
        return _remembered(getpass.getpass(f"Password for {url.display}: "))
    return None


def store(url: WarehouseURL, secret: str) -> None:
    """Keep ``secret`` in the keychain for ``url``; :class:`WarehouseError` when there is no keychain."""
    if not secret:
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "no password given: nothing was stored"))
    if not keychain_available():
        raise WarehouseError(NO_KEYCHAIN)
    try:
        keyring.set_password(SERVICE, url.keychain_account, secret)
    except KeyringError as error:
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "the keychain did not keep the password ({problem})")
                             .format(problem=type(error).__name__)) from None


def forget(url: WarehouseURL) -> bool:
    """Remove the keychain's secret for ``url``; False when there was none."""
    if not keychain_available():
        raise WarehouseError(NO_KEYCHAIN)
    try:
        keyring.delete_password(SERVICE, url.keychain_account)
    except PasswordDeleteError:
        return False
    except KeyringError as error:
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "the keychain did not remove the password ({problem})")
                             .format(problem=type(error).__name__)) from None
    return True


def read_secret(url: WarehouseURL) -> str:
    """The secret ``usagelens secret set`` stores: asked for on a terminal, else the first line of stdin (so
    that a script can pipe it in without putting it on a command line)."""
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"Password for {url.display}: ")
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")


def scrub(text: str) -> str:
    """``text`` with every secret handed out in this process (as written, URL-quoted, or ``+``-quoted) hidden;
    a marked text stays translatable."""
    for secret in sorted(_handed_out, key=len, reverse=True):
        for form in {secret, quote(secret, safe=""), quote_plus(secret)}:
            text = replaced(text, form, HIDDEN)
    return text
