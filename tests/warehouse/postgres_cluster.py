"""A throw-away PostgreSQL cluster for the test session, from Debian's ``postgresql`` package binaries.

Each pytest process (each xdist worker) starts its own cluster the first time a test needs one: a data
folder in a fresh temporary directory, trust authentication, listening on 127.0.0.1 at a free port and on
a socket inside that folder (nothing of the machine's own PostgreSQL is touched), stopped and deleted when
the process's test session ends. ``initdb`` refuses to run as root, so as root (CI) the server runs as the
``postgres`` user that the package creates. The server's time zone is deliberately not UTC: the session
settings (:mod:`usagelens.io.warehouse.session`) must make it so.

A machine without the binaries skips the PostgreSQL tests with the reason; under ``CI=true`` they fail.
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ibis
import pandas as pd
import psycopg
import pytest

from usagelens.io.warehouse.session import prepare

SERVER_TIME_ZONE = "America/Sao_Paulo"  # not UTC, so that a session left in the server's zone shows
INSTALL_HINT = "install Debian's postgresql package (make test does so as root)"


def binaries() -> Path | None:
    """The folder of the newest installed ``initdb`` and ``pg_ctl`` (Debian keeps them off the PATH)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@dataclass
class Cluster:
    folder: Path
    bin: Path
    port: int
    user: str | None  # who runs the server (None: this process's user)

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", self.user, "--"] if self.user else []
        done = subprocess.run([*prefix, *command], capture_output=True, text=True, cwd=self.folder)
        if done.returncode != 0:
            raise RuntimeError(f"{Path(command[0]).name} failed: {(done.stderr or done.stdout).strip()}")

    def start(self) -> None:
        data, log = str(self.folder / "data"), str(self.folder / "server.log")
        self._run(str(self.bin / "initdb"), "-D", data, *"-A trust -U postgres --no-sync -E UTF8 --locale=C".split())
        # no fsync: the cluster's data is thrown away; the server's zone is not UTC on purpose (module docstring)
        options = f"-p {self.port} -h 127.0.0.1 -k {self.folder} -F -c timezone={SERVER_TIME_ZONE}"
        self._run(str(self.bin / "pg_ctl"), "start", "-w", "-D", data, "-l", log, "-o", options)

    def stop(self) -> None:
        if (self.folder / "data" / "postmaster.pid").exists():
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def require_password(self, role: str) -> None:
        """Make ``role`` log in over TCP with its password (scram) instead of trust, as a real server would."""
        rules = self.folder / "data" / "pg_hba.conf"
        rules.write_text(f"host all {role} 127.0.0.1/32 scram-sha-256\n" + rules.read_text())  # first match wins
        self._run(str(self.bin / "pg_ctl"), "reload", "-D", str(self.folder / "data"))

    @property
    def connection(self) -> dict[str, object]:
        """Keyword arguments of ``ibis.postgres.connect``."""
        return {"host": "127.0.0.1", "port": self.port, "user": "postgres", "database": "postgres"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_cluster() -> Cluster:
    """A new running cluster; skips the test (fails it under CI) without the binaries."""
    folder_of_binaries = binaries()
    if folder_of_binaries is None:
        message = f"PostgreSQL binaries not found (no /usr/lib/postgresql/*/bin/initdb): {INSTALL_HINT}"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    user = "postgres" if os.geteuid() == 0 else None
    folder = Path(tempfile.mkdtemp(prefix="usagelens-postgres-"))
    if user:
        record = pwd.getpwnam(user)  # KeyError: the package creates this user
        os.chown(folder, record.pw_uid, record.pw_gid)
    running = Cluster(folder, folder_of_binaries, _free_port(), user)
    atexit.register(running.stop)  # also when the session ends without pytest's hooks (a crash)
    running.start()
    return running


@cache
def cluster() -> Cluster:
    """This process's cluster, started on first use."""
    return start_cluster()


def stop() -> None:
    """Stop this process's cluster if one was started (the test session's end)."""
    if cluster.cache_info().currsize:
        cluster().stop()
        cluster.cache_clear()


def password_protected_table(name: str, frame: pd.DataFrame, role: str, password: str) -> str:
    """``frame`` as table ``name`` of this process's cluster, readable only by ``role``, who logs in with
    ``password`` as on a real server; the address to reach it (without the password)."""
    running = cluster()
    con = prepare(ibis.postgres.connect(**running.connection))
    con.create_table(name, frame, overwrite=True)
    for statement in (f"DROP ROLE IF EXISTS {role}", f"CREATE ROLE {role} LOGIN PASSWORD '{password}'",
                      f"GRANT SELECT ON {name} TO {role}"):
        con.raw_sql(statement).close()
    con.disconnect()
    running.require_password(role)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # pg_ctl reload returns before the server has read the new rules
        try:
            psycopg.connect(host="127.0.0.1", port=running.port, user=role, dbname="postgres").close()
        except psycopg.OperationalError:
            break
        time.sleep(0.05)
    else:
        pytest.fail("the cluster still lets the role in without a password")
    return f"postgres://{role}@127.0.0.1:{running.port}/postgres"
