"""Presets for event tables whose schema is known: GA4's BigQuery export, Segment's ``tracks``, PostHog's
``events`` (issue 15.2).

A preset is a small declarative mapping to the standard view: which columns hold the user, the time and the
event (added as derived columns where the export does not hold them as such: GA4's microsecond integers,
Segment's user or anonymous id), and how a property the user names is reached — a column, a field of a record
(``device.category``), a key of GA4's ``event_params`` or of PostHog's JSON ``properties``. It only adds
columns to the table (SELECT expressions), so the mapping stays editable: ``--user user_id`` names any column
of the result, raw or derived.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir

from usagelens.io.warehouse.url import BACKENDS, WarehouseError
from usagelens.model.translatable import QT_TRANSLATE_NOOP

EPOCH = ibis.timestamp("1970-01-01 00:00:00", timezone="UTC")  # zoned: BigQuery adds to TIMESTAMPs, not DATETIMEs


@dataclass(frozen=True)
class Mapped:
    """A table with a preset's columns added: the role columns it fills, and each named property's column."""

    table: ir.Table
    user: str
    time: str
    event: str
    properties: dict[str, str]  # the name the user gave -> its column in ``table``


@dataclass(frozen=True)
class Preset:
    """How one well-known schema reaches the standard view."""

    name: str
    title: str  # marked: the Connect dialog shows it in the user's language
    user: str
    time: str
    event: str
    needs: tuple[str, ...]  # raw columns that tell the schema; their absence means another table was named
    derived: Callable[[ir.Table], dict[str, ir.Value]]  # role columns the export does not hold as such
    reach: Callable[[ir.Table, str, str], ir.Value]  # (table, property name, Ibis backend name) -> its value

    def apply(self, table: ir.Table, properties: Sequence[str], backend: str) -> Mapped:
        """``table`` with the role and property columns added; :class:`WarehouseError` when it is not the
        preset's schema or a property cannot be found."""
        missing = [name for name in self.needs if name not in table.columns]
        if missing:
            raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "this table is not {preset} (it has no column "
                                                                "{columns}): leave --preset {name} out and name the "
                                                                "columns with --user, --time, --event").format(
                preset=self.title, columns=", ".join(missing), name=self.name))
        added: dict[str, ir.Value] = self.derived(table)
        columns: dict[str, str] = {}
        for name in dict.fromkeys(properties):
            value = self.reach(table, name, backend)
            column = column_name(name)
            if column in table.columns and value.get_name() != column:
                raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "property {name!r} would hide the table's own "
                                                                    "column {column!r}").format(name=name,
                                                                                                 column=column))
            if column not in table.columns:
                added[column] = value
            columns[name] = column
        mapped = table.mutate(**added) if added else table
        return Mapped(mapped, self.user, self.time, self.event, columns)


def column_name(name: str) -> str:
    """The view's column for a property name: ``device.category`` -> ``device_category``, ``$browser`` ->
    ``browser`` (warehouses such as BigQuery take only letters, digits and underscores in a column name)."""
    return re.sub(r"\W+", "_", name).strip("_") or "property"


# --- GA4's BigQuery export -------------------------------------------------------------------------------


def _ga4_time(table: ir.Table) -> dict[str, ir.Value]:
    """``event_timestamp`` is INT64 microseconds since the epoch, UTC."""
    return {"event_time": EPOCH + table.event_timestamp.as_interval("us")}


def _ga4_property(table: ir.Table, name: str, _backend: str) -> ir.Value:
    """A top-level column (``platform``), a record's field (``device.category``, ``geo.country``), else the
    value of the ``event_params`` entry with that key, as text whichever of its four values is set."""
    if name in table.columns:
        return table[name]
    head, _, rest = name.partition(".")
    if rest and head in table.columns:
        value: ir.Value = table[head]
        for part in rest.split("."):
            if not value.type().is_struct() or part not in value.type().names:  # type: ignore[attr-defined]
                raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "there is no property {name!r} in GA4's "
                                                                    "{record} record").format(name=name, record=head))
            value = value[part]  # type: ignore[index]
        return value
    entry = table.event_params.filter(lambda param: param.key == name)
    text = entry.map(lambda param: ibis.coalesce(
        param.value.string_value, param.value.int_value.cast("string"), param.value.double_value.cast("string"),
        param.value.float_value.cast("string")))
    return text[0]


GA4 = Preset("ga4", QT_TRANSLATE_NOOP("Warehouse", "GA4's BigQuery export (events_*)"), "user_pseudo_id",
             "event_time", "event_name",
             ("user_pseudo_id", "event_timestamp", "event_name", "event_params"), _ga4_time, _ga4_property)


# --- Segment's tracks table ------------------------------------------------------------------------------


def _segment_user(table: ir.Table) -> dict[str, ir.Value]:
    """The signed-in user where known, else the anonymous id of the device."""
    return {"user_or_anonymous_id": ibis.coalesce(table.user_id.cast("string"), table.anonymous_id.cast("string"))}


def _segment_property(table: ir.Table, name: str, _backend: str) -> ir.Value:
    """Segment syncs each property as a column of its own (``context_page_path``)."""
    if name not in table.columns:
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "there is no property {name!r} among the tracks "
                                                            "table's columns").format(name=name))
    return table[name]


SEGMENT = Preset("segment", QT_TRANSLATE_NOOP("Warehouse", "Segment's tracks table"), "user_or_anonymous_id",
                 "timestamp", "event",
                 ("user_id", "anonymous_id", "timestamp", "event"), _segment_user, _segment_property)


# --- PostHog's events table ------------------------------------------------------------------------------


@ibis.udf.scalar.builtin(name="json_extract_string")
def _duckdb_json_text(document: str, path: str) -> str: ...


@ibis.udf.scalar.builtin(name="JSON_VALUE")
def _json_value(document: str, path: str) -> str: ...


@ibis.udf.scalar.builtin(name="json_extract_path_text")
def _postgres_json_text(document: dt.JSON, key: str) -> str: ...


@ibis.udf.scalar.builtin(name="JSONExtractRaw")
def _clickhouse_json_raw(document: str, key: str) -> str: ...


@ibis.udf.scalar.builtin(name="JSONExtractString")
def _clickhouse_json_string(document: str, key: str) -> str: ...


def _clickhouse_json_text(document: ir.Value, key: str) -> ir.Value:
    """A string value unescaped, any other scalar as its JSON text; a missing key or ``null`` as NULL."""
    raw = _clickhouse_json_raw(document, key)
    text = raw.startswith('"').ifelse(_clickhouse_json_string(document, key), raw)  # type: ignore[attr-defined]
    return text.nullif("null").nullif("")


# Ibis backend name -> (JSON column, key) -> the key's scalar value as text (numbers and booleans too).
JSON_TEXT: dict[str, Callable[[ir.Value, str], ir.Value]] = {
    "duckdb": lambda document, key: _duckdb_json_text(document, f'$."{key}"'),
    "bigquery": lambda document, key: _json_value(document, f'$."{key}"'),
    "postgres": lambda document, key: _postgres_json_text(document.cast("json"), key),
    "clickhouse": _clickhouse_json_text,
}


def _posthog_property(table: ir.Table, name: str, backend: str) -> ir.Value:
    """A key of the JSON ``properties`` (``$browser``, ``plan``), else a column of the events table."""
    if name in table.columns and name != "properties":
        return table[name]
    read = JSON_TEXT.get(backend)
    if read is None:
        titles: dict[str, str] = {}
        for kind in BACKENDS.values():  # the first backend of an engine names it (DuckDB, not MotherDuck)
            titles.setdefault(kind.ibis_name, kind.title)
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "the PostHog preset reads JSON properties on {engines} "
                                                            "only, not on {engine}").format(
            engines=", ".join(map(titles.get, JSON_TEXT)), engine=titles.get(backend, backend)))
    if '"' in name or "\\" in name:
        raise WarehouseError(QT_TRANSLATE_NOOP("Warehouse", "a property name cannot hold quotes or backslashes: "
                                                            "{name!r}").format(name=name))
    return read(table.properties, name)


POSTHOG = Preset("posthog", QT_TRANSLATE_NOOP("Warehouse", "PostHog's events table"), "distinct_id", "timestamp",
                 "event",
                 ("distinct_id", "timestamp", "event", "properties"), lambda _table: {}, _posthog_property)

PRESETS: dict[str, Preset] = {preset.name: preset for preset in (GA4, SEGMENT, POSTHOG)}
