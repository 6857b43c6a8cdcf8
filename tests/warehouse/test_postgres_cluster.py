"""The throw-away PostgreSQL cluster: it serves, it is gone after stop(), and a machine without the binaries
skips its tests with the reason, except under CI where they fail."""

from __future__ import annotations

import os
import socket

import ibis
import postgres_cluster
import pytest


def test_a_cluster_serves_and_is_gone_after_stop() -> None:
    cluster = postgres_cluster.start_cluster()
    try:
        con = ibis.postgres.connect(**cluster.connection)
        assert con.raw_sql("SELECT 1").fetchone() == (1,)
        con.disconnect()
        if os.geteuid() == 0:  # initdb refuses root: the server runs as the package's user
            assert (cluster.folder / "data").stat().st_uid != 0
    finally:
        cluster.stop()
    assert not cluster.folder.exists()
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", cluster.port)) != 0


@pytest.mark.parametrize("ci", ["", "true"])
def test_without_the_binaries_the_tests_skip_with_the_reason_but_not_in_ci(monkeypatch, ci: str) -> None:
    monkeypatch.setattr(postgres_cluster, "binaries", lambda: None)
    monkeypatch.setenv("CI", ci)
    outcome = pytest.fail.Exception if ci else pytest.skip.Exception
    with pytest.raises(outcome, match=r"PostgreSQL binaries not found .*install Debian's postgresql package"):
        postgres_cluster.start_cluster()
