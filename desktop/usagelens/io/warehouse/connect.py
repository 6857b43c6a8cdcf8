"""Opening a warehouse table or SELECT as an Ibis table, read-only in intent, every failure one sentence.

:func:`connect` reaches the warehouse of a checked URL (:mod:`.url`) with its secret (:mod:`.credentials`)
and prepares the session (:mod:`.session`); :func:`open_table` and :func:`open_query` give the Ibis table the
standard view is built from, so a metric's query goes to the warehouse and only its small result comes back.
A query typed by the user must be a single ``SELECT`` (or ``WITH … SELECT``): anything else is refused
before a connection is even made, since UsageLens only ever reads.
"""

from __future__ import annotations

import importlib.util
import logging
import re
import sys

import ibis
import ibis.expr.schema as sch
import ibis.expr.types as ir
import sqlglot
from ibis.common.exceptions import TableNotFound
from sqlglot import exp

from usagelens.io.warehouse.credentials import password_for, scrub
from usagelens.io.warehouse.session import UnsupportedBackend, prepare
from usagelens.io.warehouse.url import BACKENDS, Backend, WarehouseError, WarehouseURL
from usagelens.model.translatable import QT_TRANSLATE_NOOP, joined, said

# Nodes that write, change a schema or run something else: refused anywhere in a query (a PostgreSQL CTE may
# hold a DELETE … RETURNING, and SELECT … INTO creates a table).
WRITES = (exp.Insert, exp.Update, exp.Delete, exp.Merge, exp.Create, exp.Drop, exp.Alter, exp.Command, exp.Copy,
          exp.Into, exp.TruncateTable, exp.Set, exp.Use, exp.Transaction, exp.Commit, exp.Rollback)
MAX_REASON = 200
# Without a token, DuckDB's motherduck extension would open a browser to sign in: never from a worker or a script
NO_MOTHERDUCK_TOKEN = QT_TRANSLATE_NOOP("Warehouse", "MotherDuck needs an access token: keep it in the OS keychain "
                                                     "with `usagelens secret set md:` (or the Connect dialog's "
                                                     "password), or put it in the motherduck_token or ULENS_PASSWORD "
                                                     "environment variable")
# Without a token, Databricks' connector signs in with OAuth in a browser: never from a worker or a script
NO_DATABRICKS_TOKEN = QT_TRANSLATE_NOOP("Warehouse", "Databricks needs a personal access token: keep it in the OS "
                                                     "keychain with `usagelens secret set URL` (or the Connect "
                                                     "dialog's password), or put it in the DATABRICKS_TOKEN or "
                                                     "ULENS_PASSWORD environment variable")
DATABRICKS_PATIENCE_S = 300.0  # how long a Databricks connection waits for its warehouse to start
# The loggers of drivers that log a failed request (at ERROR) before raising it
CHATTY_LOGGERS = {"clickhouse": "clickhouse_connect", "databricks": "databricks.sql"}
CANNOT_CONNECT = QT_TRANSLATE_NOOP("Warehouse", "cannot connect to {where}: {reason}{advice}")


def check_select(query: str, dialect: str, asked_by: str = "--sql") -> str:
    """``query`` as the one SELECT it must be (trailing semicolons dropped); :class:`WarehouseError` for
    anything else, before it is sent anywhere. ``asked_by`` names where the query was typed, for the message
    (the CLI's option, the app's query box)."""
    logging.getLogger("sqlglot").setLevel(logging.ERROR)  # it warns when it falls back to a raw command
    try:
        statements = [s for s in sqlglot.parse(query, read=dialect) if s is not None and not isinstance(
            s, exp.Semicolon)]
    except sqlglot.errors.SqlglotError as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "{asked_by} cannot be read as {dialect} SQL ({problem})")
                             .format(asked_by=asked_by, dialect=dialect, problem=first[:MAX_REASON])) from None
    if len(statements) != 1:
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "{asked_by} takes one SELECT statement, not {count}")
                             .format(asked_by=asked_by, count=len(statements)))
    statement = statements[0]
    if not isinstance(statement, exp.Query) or any(True for _ in statement.find_all(*WRITES)):
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "{asked_by} takes a SELECT (or WITH … SELECT) query "
                                                            "only: UsageLens never changes a warehouse").format(
            asked_by=asked_by))
    return statement.sql(dialect=dialect)


# How drivers over HTTP (ClickHouse's, Trino's) say that no server answered: urllib3's error, quoted in theirs
# after the pool, the URL and a request id, which the user needs none of
UNREACHABLE = re.compile(r"Failed to establish a new connection: (?:\[Errno -?\d+\] )?([^\"')]+)")


def reason(error: BaseException) -> str:
    """What a driver said, shortened to its point (psycopg repeats the host before the server's words, urllib3
    the pool and URL before the socket's) and with every secret taken out."""
    unreachable = UNREACHABLE.search(str(error))
    if unreachable:
        return scrub(unreachable[1].strip())[:MAX_REASON]
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    text = lines[0] if lines else type(error).__name__
    text = text.rsplit("failed: ", 1)[-1]
    text = re.sub(r"^(FATAL|ERROR):\s*", "", text)
    return scrub(text)[:MAX_REASON]


def connect(url: WarehouseURL) -> ibis.BaseBackend:
    """A prepared session on the warehouse of ``url``; :class:`WarehouseError` for a missing driver, an
    unreachable host or refused credentials (named by host, port and database, never by secret)."""
    backend = url.backend
    try:
        module = getattr(ibis, backend.ibis_name)
        con = _open(module, url)
    except ImportError:
        raise WarehouseError(missing_driver(backend)) from None
    except WarehouseError:
        raise
    except Exception as error:  # noqa: BLE001 - every driver has its own errors; one sentence each
        told = reason(error)
        raise WarehouseError(CANNOT_CONNECT.format(where=url.where, reason=told, advice=_advice(url, told.lower()))
                             ) from None
    try:
        return prepare(con)
    except UnsupportedBackend as error:
        raise WarehouseError(said(error)) from None
    except Exception as error:  # noqa: BLE001
        if UNREACHABLE.search(str(error)):  # Trino's client connects on its first statement: the settings
            raise WarehouseError(CANNOT_CONNECT.format(where=url.where, reason=reason(error), advice="")) from None
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "{where} refused UsageLens's session settings: {reason}")
                             .format(where=url.where, reason=reason(error))) from None


def _advice(url: WarehouseURL, said: str) -> str:
    """What to check after a failed connection, from what the driver said (lower case)."""
    if url.scheme == "motherduck" and "extension" in said:
        return QT_TRANSLATE_NOOP("Warehouse", " (MotherDuck is reached over the internet: DuckDB first downloads "
                                              "its motherduck extension from extensions.duckdb.org, then connects to "
                                              "MotherDuck)")
    if any(word in said for word in ("password", "authentication", "token", "unauthenticated")):
        return QT_TRANSLATE_NOOP("Warehouse", " (check the password or token: in the app, step 2's Password…; on the "
                                              "command line, the one kept by `usagelens secret set` or in "
                                              "ULENS_PASSWORD)")
    return ""


def has_driver(backend: Backend) -> bool:
    """Whether this build has Ibis' backend for ``backend``: the installed app carries those of DuckDB,
    PostgreSQL, ClickHouse, Trino and Databricks only (its size, tests/benchmarks/RESULTS.md), so the Connect
    dialog says so as soon as another warehouse is chosen. Looked up, not imported: the dialog asks on the UI
    thread, and importing a driver can take half a second (ClickHouse's). A pip install with the backend but not
    its driver says so on connecting (:func:`connect`)."""
    return importlib.util.find_spec(f"ibis.backends.{backend.ibis_name}") is not None


def read_here() -> str:
    """The warehouses this build reads, as a user names them ("DuckDB files, MotherDuck, PostgreSQL, ClickHouse,
    Trino and Databricks" in the installed app): found from the backends it carries, so the sentence stays true
    to what a build bundles."""
    ordered = sorted(BACKENDS.items(), key=lambda item: item[1].ibis_name != "duckdb")  # DuckDB's own first
    names = [QT_TRANSLATE_NOOP("Warehouse", "DuckDB files") if scheme == "duckdb" else backend.title
             for scheme, backend in ordered if has_driver(backend)]
    if len(names) < 2:
        return "".join(names)
    return QT_TRANSLATE_NOOP("Warehouse", "{some} and {last}").format(some=joined(names[:-1], ", "), last=names[-1])


def missing_driver(backend: Backend) -> str:
    """What to do when ``backend``'s driver is not installed: with pip, its extra; the installed app (a
    PyInstaller bundle, which nobody can add a package to) says which warehouses it reads and how to read the
    others (BigQuery, Snowflake: their SDKs are tens of MB each)."""
    if getattr(sys, "frozen", False):
        return QT_TRANSLATE_NOOP("Warehouse", "this installed UsageLens reads {warehouses}: reading {engine} needs its "
                                              "driver, which UsageLens installed from its source with pip and its "
                                              "warehouses extra brings (pip install '.[warehouses]')").format(
            warehouses=read_here(), engine=backend.title)
    return QT_TRANSLATE_NOOP("Warehouse", "reading {engine} needs its driver: pip install 'ibis-framework[{extra}]'"
                             ).format(engine=backend.title, extra=backend.extra)


def _open(module: object, url: WarehouseURL) -> ibis.BaseBackend:
    """The backend's connection; the secret goes in as a keyword, never in a URL that an error might quote."""
    if url.scheme == "duckdb":
        return module.connect(url.path, read_only=True, **url.parameters)  # type: ignore[attr-defined]
    secret = password_for(url)
    if url.scheme == "motherduck":  # DuckDB's motherduck extension: the token in the config, never in the string
        if secret is None:
            raise WarehouseError(NO_MOTHERDUCK_TOKEN)
        return module.connect(url.motherduck_database(), motherduck_token=secret)  # type: ignore[attr-defined]
    if url.scheme in CHATTY_LOGGERS:  # its driver logs a failed request before raising it: told once, by us
        logging.getLogger(CHATTY_LOGGERS[url.scheme]).setLevel(logging.CRITICAL)
    keywords: dict[str, object] = dict(url.parameters)
    if secret is not None and url.backend.secret_keyword:
        keywords[url.backend.secret_keyword] = secret
    if url.scheme == "databricks":  # Ibis reads no URL for Databricks: the host, port and HTTP path by name
        if secret is None:
            raise WarehouseError(NO_DATABRICKS_TOKEN)
        # The connector retries a refused or unavailable warehouse for 15 minutes (a warehouse that is still
        # starting); five cover a cold start, after which a wrong host says so rather than seeming to hang.
        keywords.setdefault("_retry_stop_after_attempts_duration", DATABRICKS_PATIENCE_S)
        return module.connect(  # type: ignore[attr-defined]
            server_hostname=url.host, http_path=f"/{url.path}", _port=url.port, **keywords)
    return ibis.connect(url.ibis_url(), **keywords)


def open_table(con: ibis.BaseBackend, url: WarehouseURL, name: str) -> ir.Table:
    """The table or view ``name`` (``table``, ``schema.table`` or ``catalog.schema.table``). A name ending in
    ``*`` (GA4's daily ``events_*``) is BigQuery's wildcard table there, and elsewhere every table it matches,
    appended."""
    *space, table = name.split(".")
    database: str | tuple[str, ...] | None = None
    if space:
        database = space[0] if len(space) == 1 else tuple(space)
    try:
        if table.endswith("*") and con.name != "bigquery":
            return _appended(con, url, name, table[:-1], database)
        return con.table(table, database=database)
    except WarehouseError:
        raise
    except TableNotFound:
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "there is no table or view {name!r} in {where}").format(
            name=name, where=url.where)) from None
    except Exception as error:  # noqa: BLE001
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "{where} did not open table {name!r}: {reason}").format(
            where=url.where, name=name, reason=reason(error))) from None


def _appended(con: ibis.BaseBackend, url: WarehouseURL, name: str, prefix: str,
              database: str | tuple[str, ...] | None) -> ir.Table:
    names = sorted(table for table in _table_names(con, database) if table.startswith(prefix))
    if not names:
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "no table in {where} matches {name!r}").format(
            where=url.where, name=name))
    tables = [con.table(table, database=database) for table in names]
    if any(table.schema() != tables[0].schema() for table in tables[1:]):
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "the tables matching {name!r} in {where} do not all have "
                                                            "the same columns").format(name=name, where=url.where))
    return ibis.union(*tables) if len(tables) > 1 else tables[0]


def _table_names(con: ibis.BaseBackend, database: str | tuple[str, ...] | None) -> list[str]:
    if con.name == "duckdb":  # Ibis 12 lists DuckDB's tables with fetch_arrow_table, which DuckDB 2 no longer has
        schema = database if isinstance(database, str) or database is None else database[-1]
        rows = con.con.execute(  # type: ignore[attr-defined]
            "SELECT table_name FROM information_schema.tables WHERE table_schema = coalesce(?, current_schema())",
            [schema]).fetchall()
        return [name for (name,) in rows]
    return list(con.list_tables(database=database))


def open_query(con: ibis.BaseBackend, url: WarehouseURL, query: str) -> ir.Table:
    """The result of the SELECT ``query`` as a table the definitions build on (it runs inside their queries)."""
    checked = check_select(query, url.backend.ibis_name)
    try:
        return con.sql(checked, schema=_duckdb_schema(con, checked) if con.name == "duckdb" else None)
    except Exception as error:  # noqa: BLE001
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "{where} refused the --sql query: {reason}").format(
            where=url.where, reason=reason(error))) from None


def _duckdb_schema(con: ibis.BaseBackend, query: str) -> sch.Schema:
    """The query's columns and types. Ibis 12 asks DuckDB with ``fetch_arrow_table``, which DuckDB 2 no longer
    has on a connection, so ``con.sql`` fails on DuckDB unless it is given the schema."""
    rows = con.con.execute(f"DESCRIBE {query}").fetchall()  # type: ignore[attr-defined]
    mapper = con.compiler.type_mapper  # type: ignore[attr-defined]
    return sch.Schema({name: mapper.from_string(kind, nullable=null == "YES") for name, kind, null, *_ in rows})
