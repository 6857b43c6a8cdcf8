"""Warehouse addresses: Ibis-style URLs read, checked and shown without a secret in them.

``postgres://user@host:port/db[/schema]``, ``clickhouse://user@host:port/db``, ``bigquery://project/dataset``,
``snowflake://user@account/database/schema?warehouse=WH``, ``trino://user@host:port/catalog/schema``,
``databricks://host/http-path?catalog=C&schema=S``, ``duckdb:///path/to/file.duckdb`` and a MotherDuck
database as DuckDB names it, ``md:database`` (or ``motherduck:database``). A password or token is never part of
an address: one written into it is refused (it would land in shell histories, scripts and logs), and
:mod:`.credentials` finds it in the keychain, ``ULENS_PASSWORD`` (or a backend's own variable, MotherDuck's
``motherduck_token``) or a prompt instead. Query parameters other than secrets are passed to the Ibis backend as
they are (``sslmode``, ``warehouse`` …; MotherDuck's ``attach_mode``, ``session_name`` … in its connection
string).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from usagelens.model.translatable import QT_TRANSLATE_NOOP


class WarehouseError(Exception):
    """A warehouse could not be reached, read or asked; ``str(error)`` is one sentence without any secret."""


@dataclass(frozen=True)
class Backend:
    """What UsageLens knows of one kind of warehouse."""

    ibis_name: str
    title: str
    port: int | None  # the usual port, for the keychain entry and messages
    secret_keyword: str | None  # the keyword of Ibis's connect the secret goes in; None: it takes none from us
    extra: str  # the pip extra of ibis-framework that installs its driver
    environment: tuple[str, ...] = ()  # the backend's own variables holding its secret, read after ULENS_PASSWORD


BACKENDS: dict[str, Backend] = {
    "postgres": Backend("postgres", "PostgreSQL", 5432, "password", "postgres"),
    "clickhouse": Backend("clickhouse", "ClickHouse", 8123, "password", "clickhouse"),
    "bigquery": Backend("bigquery", "BigQuery", None, None, "bigquery"),
    "snowflake": Backend("snowflake", "Snowflake", None, "password", "snowflake"),
    "trino": Backend("trino", "Trino", 8080, "auth", "trino"),
    "databricks": Backend("databricks", "Databricks", 443, "access_token", "databricks", ("DATABRICKS_TOKEN",)),
    "duckdb": Backend("duckdb", "DuckDB", None, None, "duckdb"),
    # DuckDB's motherduck extension: the access token goes in the connection's config, never its string
    "motherduck": Backend("duckdb", "MotherDuck", None, "motherduck_token", "duckdb",
                          ("motherduck_token", "MOTHERDUCK_TOKEN")),
}
ALIASES = {"postgresql": "postgres", "md": "motherduck"}
SECRET_PARAMETERS = frozenset({"password", "passwd", "pwd", "token", "access_token", "auth", "secret",
                               "private_key", "private_key_passphrase", "api_key", "credentials",
                               "motherduck_token"})
URL_START = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
MOTHERDUCK_START = re.compile(r"^(md|motherduck):", re.IGNORECASE)  # DuckDB's own form, without "//"
MOTHERDUCK_ACCOUNT = "motherduck"  # one token serves every database of a MotherDuck account
# MotherDuck connects to the one database named, leaving the user's saved workspace (its attachments) alone
MOTHERDUCK_DEFAULTS = {"attach_mode": "single"}
SECRET_ADVICE = QT_TRANSLATE_NOOP("Warehouse", "keep passwords out of the URL: store it once with `usagelens secret "
                                               "set URL` (the OS keychain) or put it in the ULENS_PASSWORD "
                                               "environment variable")


def looks_like_url(text: str) -> bool:
    """Whether DATA names a warehouse (``scheme://…``, ``md:…``) rather than a file."""
    return scheme_of(text) is not None or (bool(URL_START.match(text)) and not text.lower().startswith("file://"))


def scheme_of(text: str) -> str | None:
    """The key of :data:`BACKENDS` an address starts with (``postgresql://`` is ``postgres``, ``md:`` is
    ``motherduck``), or None while it names none."""
    text = text.strip()
    if MOTHERDUCK_START.match(text):
        return "motherduck"
    scheme, found, _ = text.partition("://")
    scheme = ALIASES.get(scheme.lower(), scheme.lower())
    return scheme if found and scheme in BACKENDS else None


@dataclass(frozen=True)
class WarehouseURL:
    """A checked warehouse address: what Ibis is told, and how it is shown and keyed in the keychain."""

    scheme: str  # a key of BACKENDS
    user: str | None
    host: str | None
    port: int | None
    path: str  # without the leading slash: database[/schema], dataset, http path or a DuckDB file
    parameters: dict[str, str] = field(default_factory=dict)

    @property
    def backend(self) -> Backend:
        return BACKENDS[self.scheme]

    @property
    def database(self) -> str:
        """The database (or dataset, catalog, file) part, for messages."""
        return self.path if self.scheme in ("duckdb", "databricks", "motherduck") else self.path.split("/", 1)[0]

    @property
    def display(self) -> str:
        """The address as shown to people: no parameters (they may be long), never a secret (none is kept)."""
        if self.scheme == "duckdb":
            return self.ibis_url()
        if self.scheme == "motherduck":
            return f"md:{self.path}"
        user = f"{self.user}@" if self.user else ""
        port = f":{self.port}" if self.port else ""
        return f"{self.scheme}://{user}{self.host or ''}{port}/{self.path}"

    @property
    def where(self) -> str:
        """"PostgreSQL at host:5432, database db" — the place a failure is about."""
        if self.scheme == "duckdb":
            return QT_TRANSLATE_NOOP("Warehouse", "the DuckDB database {path}").format(path=self.path)
        if self.scheme == "motherduck":
            return (QT_TRANSLATE_NOOP("Warehouse", "the MotherDuck database {name}").format(name=self.path) if self.path
                    else QT_TRANSLATE_NOOP("Warehouse", "MotherDuck's default database"))
        port = self.port or self.backend.port
        place = f"{self.host}:{port}" if port and self.host else (self.host or "")
        if self.database:
            return QT_TRANSLATE_NOOP("Warehouse", "{engine} at {place}, database {database}").format(
                engine=self.backend.title, place=place, database=self.database)
        return QT_TRANSLATE_NOOP("Warehouse", "{engine} at {place}").format(engine=self.backend.title, place=place)

    @property
    def keychain_account(self) -> str:
        """The keychain entry's user name: ``user@host:port`` (the backend's usual port when none is given);
        ``motherduck`` for MotherDuck, whose token is the account's."""
        if self.scheme == "motherduck":
            return MOTHERDUCK_ACCOUNT
        port = self.port or self.backend.port
        return f"{self.user or ''}@{self.host or ''}" + (f":{port}" if port else "")

    @property
    def needs_secret(self) -> bool:
        return self.backend.secret_keyword is not None

    def motherduck_database(self) -> str:
        """What DuckDB opens for a MotherDuck address: ``md:database?attach_mode=single&…`` (the address's
        settings, never its token, which goes in the connection's config)."""
        settings = {**MOTHERDUCK_DEFAULTS, **self.parameters}
        return f"md:{self.path}?{urlencode(sorted(settings.items()))}"

    def ibis_url(self) -> str:
        """The URL ``ibis.connect`` reads (never with a secret: that goes in as a keyword argument)."""
        if self.scheme == "duckdb":
            return f"duckdb://{self.path}"
        user = f"{self.user}@" if self.user else ""
        port = f":{self.port}" if self.port else ""
        return f"{self.backend.ibis_name}://{user}{self.host or ''}{port}/{self.path}"


def engine_of(text: str) -> str:
    """The Ibis backend the URL's scheme names (``duckdb`` for MotherDuck), without checking the rest of it: what
    a query will be written for even while its database cannot be reached (a DuckDB file moved away). Empty for
    a scheme UsageLens does not read."""
    scheme = urlsplit(text.strip()).scheme.lower()
    backend = BACKENDS.get(ALIASES.get(scheme, scheme))
    return backend.ibis_name if backend is not None else ""


def parse_url(text: str) -> WarehouseURL:
    """``text`` as a :class:`WarehouseURL`; :class:`WarehouseError` (never quoting a secret) when it is not one
    UsageLens can use."""
    try:
        parts = urlsplit(text.strip())
        port = parts.port
    except ValueError:
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "the warehouse URL cannot be read: check its host and "
                                                            "port (e.g. postgres://user@host:5432/database)")) from None
    scheme = ALIASES.get(parts.scheme.lower(), parts.scheme.lower())
    if scheme not in BACKENDS:
        known = ", ".join("md:" if name == "motherduck" else f"{name}://" for name in BACKENDS)
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "UsageLens cannot read {scheme}:// warehouses (it reads "
                                                            "{known})").format(scheme=parts.scheme, known=known))
    parameters = dict(parse_qsl(parts.query, keep_blank_values=True))
    if parts.password is not None or SECRET_PARAMETERS & {name.lower() for name in parameters}:
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "the warehouse URL holds a password or token; {advice}")
                             .format(advice=SECRET_ADVICE))
    user = unquote(parts.username) if parts.username else None
    if scheme == "duckdb":
        return _duckdb_url(parts.netloc + parts.path, parameters)
    if scheme == "motherduck":
        return _motherduck_url(parts.netloc + parts.path, parameters)
    path = parts.path.lstrip("/")
    if not parts.hostname:
        example = "bigquery://project/dataset" if scheme == "bigquery" else f"{scheme}://user@host/..."
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "the {engine} URL names no host (e.g. {example})").format(
            engine=BACKENDS[scheme].title, example=example))
    if scheme in ("bigquery", "databricks") and not path:
        raise WarehouseError(
            QT_TRANSLATE_NOOP("Warehouse", "the BigQuery URL names no dataset after the host") if scheme == "bigquery"
            else QT_TRANSLATE_NOOP("Warehouse", "the Databricks URL names no SQL warehouse's HTTP path after the host"))
    return WarehouseURL(scheme, user, parts.hostname, port, path, parameters)


def _duckdb_url(location: str, parameters: dict[str, str]) -> WarehouseURL:
    """``duckdb:///abs/path.duckdb`` or ``duckdb://relative.duckdb``: an existing database file, opened read-only."""
    if not location or location == ":memory:":
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "the DuckDB URL names no database file (e.g. "
                                                            "duckdb:///path/to/events.duckdb)"))
    path = Path(location).expanduser()
    if not path.is_file():
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "there is no DuckDB database file at {path}").format(
            path=str(path)))
    return WarehouseURL("duckdb", None, None, None, str(path.resolve()), parameters)


def _motherduck_url(location: str, parameters: dict[str, str]) -> WarehouseURL:
    """``md:database`` (``md:`` alone: the account's default database); a share or a path is not a database."""
    database = unquote(location.lstrip("/"))
    if "/" in database:
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "a MotherDuck address names one database (e.g. "
                                                            "md:my_database), not {database!r}").format(
            database=database))
    return WarehouseURL("motherduck", None, None, None, database, parameters)
