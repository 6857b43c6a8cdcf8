"""Warehouse sources (issue 15): the metric definitions pushed down to PostgreSQL, ClickHouse, BigQuery,
Snowflake, Databricks and Trino through Ibis backends; only result tables come back. Qt-free.

:mod:`.session` holds every backend's session settings, so a quirk of one engine is fixed in one place and
never inside a metric.
"""
