"""``usagelens secret set URL`` / ``usagelens secret forget URL``: a warehouse password in the OS keychain.

The keychain entry is keyed by the URL's ``user@host:port`` (:mod:`usagelens.io.warehouse.credentials`), so
``usagelens analyze URL …`` finds it without the password ever being typed on a command line or written in a
script. ``set`` asks for it on a terminal, or reads the first line of stdin (``… | usagelens secret set URL``).
"""

from __future__ import annotations

import argparse
import sys

from usagelens.io.warehouse import credentials
from usagelens.io.warehouse.url import WarehouseError, parse_url

PROG = "usagelens secret"


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    """Register ``secret`` on the application's sub-command parsers."""
    parser = subparsers.add_parser(
        "secret",
        help="keep or forget a warehouse password in the OS keychain",
        description="Keep a warehouse password (or token) in the OS keychain for `usagelens analyze URL …`, or "
        "remove it. The URL is written without the password, e.g. postgres://analyst@db.example.com:5432/app.",
    )
    actions = parser.add_subparsers(dest="secret_action", metavar="ACTION", required=True)
    keep = actions.add_parser("set", help="ask for the password (or read it from stdin) and keep it",
                              description="Ask for the password on a terminal, or read the first line of stdin, "
                              "and keep it in the OS keychain under the URL's user@host:port.")
    keep.add_argument("url", metavar="URL")
    drop = actions.add_parser("forget", help="remove the kept password", description="Remove the password kept "
                              "in the OS keychain for the URL's user@host:port.")
    drop.add_argument("url", metavar="URL")
    return parser


def run(args: argparse.Namespace) -> int:
    """0 on success; 2 with one stderr line otherwise (no keychain, a bad URL, nothing typed)."""
    try:
        url = parse_url(args.url)
        if not url.needs_secret:
            raise WarehouseError(f"{url.backend.title} takes no password from UsageLens")
        if args.secret_action == "set":
            credentials.store(url, credentials.read_secret(url))
            sys.stderr.write(f"{PROG}: kept the password for {url.keychain_account} in the keychain\n")
        elif credentials.forget(url):
            sys.stderr.write(f"{PROG}: removed the password for {url.keychain_account} from the keychain\n")
        else:
            sys.stderr.write(f"{PROG}: the keychain held no password for {url.keychain_account}\n")
    except WarehouseError as error:
        sys.stderr.write(f"{PROG}: error: {credentials.scrub(str(error))}\n")
        return 2
    except (KeyboardInterrupt, EOFError):
        sys.stderr.write(f"{PROG}: interrupted, nothing changed\n")
        return 130
    return 0
