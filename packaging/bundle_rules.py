"""Which of the files PyInstaller collected the one-folder app leaves out, and why each is safe to leave out.

Kept apart from packaging/usagelens.spec (which PyInstaller executes with its own globals) so the rules can be
tested without a build (tests/packaging/). A rule names what the app never loads, or what every system that
can run the bundle already has; ``packaging/check_bundle.py --unused`` lists what a build still ships that its
checks never opened, which is where the next rule starts.
"""

from __future__ import annotations

import re
from collections.abc import Collection

# Libraries the bundle takes from the system instead of copying the build machine's: the entries of AppImage's
# excludelist (github.com/AppImageCommunity/pkg2appimage, "excludelist") that PyInstaller collects here, each
# part of every Linux desktop, and several known to break when an older copy shadows the system's (the
# bootloader puts _internal first on the library path, so a copy is also what the system's own libraries
# get): libstdc++/libgcc_s ("GLIBCXX_3.4.x not found" in Mesa's drivers; the bundle needs glibc 2.35, whose
# distributions all ship GCC 11's libstdc++ or newer, the GLIBCXX_3.4.29 shiboken needs), libX11 and
# libX11-xcb (symbol lookup errors against the system's libxcb), fontconfig and FreeType (stalls reading the
# system's font configuration), and expat, libgpg-error, libz and libuuid (base system). libXau and libXdmcp
# come with libxcb, which PyInstaller already takes from the system. GLib (with gthread) is used by Qt's event
# loop only; the excludelist bundles it because an AppImage's own GTK, Pango or GnuTLS need a matching one,
# and this bundle has none of them (the GTK theme plugin is left out), while a copy older than the desktop's
# breaks the desktop's GIO modules. Qt needs GLib 2.56 (its wheels are built on manylinux_2_28).
SYSTEM_LIBRARIES = frozenset({
    "libstdc++.so.6", "libgcc_s.so.1", "libX11.so.6", "libX11-xcb.so.1", "libfontconfig.so.1", "libfreetype.so.6",
    "libharfbuzz.so.0", "libexpat.so.1", "libgpg-error.so.0", "libz.so.1", "libuuid.so.1", "libXau.so.6",
    "libXdmcp.so.6", "libglib-2.0.so.0", "libgthread-2.0.so.0", "libGL.so.1", "libEGL.so.1", "libdrm.so.2",
})

# Python modules PyInstaller's analysis finds but the app never imports, so they stay out of the PYZ (the spec's
# ``excludes``). Each names a feature the app does not have or a tool for building or debugging Python. Those
# marked "never imported" were also absent from ``sys.modules`` after every check_bundle.py run (an import
# trace of the same runs on the development install, 2026-12-07).
MODULES_LEFT_OUT = (
    # GUI toolkits and tools of others; the test frameworks the dev install brings
    "tkinter", "matplotlib", "PyQt5", "PyQt6", "IPython", "pytest", "hypothesis",
    # pyqtgraph imports QtTest only if present and the app runs no Qt tests; nothing uses the network (by
    # design), so QtNetwork and its TLS plugins go too. QtOpenGL (a 9 MB binding) is imported by pyqtgraph's
    # curves but used only to draw with OpenGL, which the app never turns on: a runtime hook stands in for it.
    # Nothing imports QtDBus from Python (Qt uses its D-Bus library itself, which stays).
    "PySide6.QtTest", "PySide6.QtNetwork", "PySide6.QtOpenGL", "PySide6.QtDBus", "pyqtgraph.opengl",
    # The app has no interactive prompt, no SQLite and installs nothing; Pygments only colours source code in
    # rich's tracebacks and syntax views, which Ibis does not use.
    "readline", "sqlite3", "setuptools", "pkg_resources", "distutils", "pydoc_data", "pygments",
    # pyarrow imports Substrait, ORC and Parquet encryption only if present (guarded imports), and Feather only
    # for pandas' read/to_feather: the app reads and writes plain Parquet, CSV and JSON; no network file
    # systems or Flight RPC (no network), no CUDA.
    "pyarrow.flight", "pyarrow._flight", "pyarrow._s3fs", "pyarrow._gcsfs", "pyarrow._azurefs", "pyarrow._hdfs",
    "pyarrow.cuda", "pyarrow._cuda", "pyarrow.substrait", "pyarrow._substrait", "pyarrow.orc", "pyarrow._orc",
    "pyarrow._dataset_orc", "pyarrow.feather", "pyarrow._feather", "pyarrow.parquet.encryption",
    "pyarrow._parquet_encryption", "pyarrow._dataset_parquet_encryption",
    # DuckDB's PySpark look-alike API (0.28 MB, never imported): the app talks to DuckDB through Ibis and SQL.
    "duckdb.experimental",
    # numpy's Fortran wrapper generator (0.24 MB, never imported), a build tool; numpy imports it only when
    # ``numpy.f2py`` is asked for.
    "numpy.f2py",
    # pyqtgraph's node-graph editor, its Python console (pyqtgraph.dbg()) and dock areas (0.15 MB, never
    # imported): widgets an application builds explicitly; UsageLens builds its charts from plot items only.
    "pyqtgraph.flowchart", "pyqtgraph.console", "pyqtgraph.dockarea",
    # sqlglot's Python SQL interpreter (never imported): Ibis compiles to SQL for the engine to run.
    "sqlglot.executor",
    # Markdown for rich's terminal rendering (rich.markdown only, 0.14 MB, never imported): the app renders
    # its help with Qt.
    "markdown_it", "mdurl",
    # cffi's compiler front end and pycparser (0.23 MB, never imported) build cffi modules; cryptography's
    # compiled bindings need only the ``_cffi_backend`` extension, which stays (keyring's Linux backend,
    # SecretStorage, encrypts with cryptography; checked with both modules blocked).
    "cffi", "pycparser",
    # pandas' Styler (DataFrame.style, Styler.to_latex/to_html, 0.10 MB, never imported) needs Jinja2, which
    # the bundle has not: without it they fail anyway. The app writes its tables and workbooks itself.
    "pandas.io.formats.style", "pandas.io.formats.style_render",
    # decimal's pure-Python twin (0.08 MB): ``decimal`` imports it only when the C ``_decimal`` is missing,
    # which the bundle has. doctest, pdb and xmlrpc (0.1 MB, never imported) are for testing, debugging and
    # serving, none of which the app does. http.server stays: Databricks' connector imports it on connecting
    # (its OAuth sign-in's redirect handler, which the app never starts: it asks for a token).
    "_pydecimal", "doctest", "pdb", "xmlrpc",
    # pandas' SAS reader's extension (0.13 MB, never opened): only pandas.read_sas imports it, and the app reads
    # no SAS file (its imports: CSV, Excel, Parquet, JSON, warehouses).
    "pandas._libs.sas",
    # ClickHouse embedded in-process (chdb, 530 MB, which the test suite installs): clickhouse-connect imports it
    # only for a chdb:// address, and the app reaches ClickHouse servers over HTTP. zstandard (2 MB): Trino's
    # client imports it only if present (a guarded import), to decode result segments of its spooling protocol
    # when asked for zstd, which Ibis does not ask for; ClickHouse's zstd comes from backports.zstd, kept.
    "chdb", "clickhouse_connect.driver._chdbclient", "clickhouse_connect.driver._backend.chdb_backend", "zstandard",
)

# The warehouses the installed app reads, by Ibis backend (issue 15). Most product owners never install from
# source, so the lead chose working drivers over the 300 MB target (issue 17.6): DuckDB's (DuckDB files and
# MotherDuck), PostgreSQL's (psycopg and psycopg-binary's libpq, 1.6 MB of code and 2.7 MB of libraries),
# ClickHouse's (clickhouse-connect over HTTP, with lz4 and backports.zstd, its compressions), Trino's (the
# pure-Python `trino` client over requests) and Databricks' (databricks-sql-connector over Thrift and HTTP, a
# few MB: Databricks is a cheap warehouse to have). BigQuery's and Snowflake's SDKs stay out: each would add tens
# of MB (tests/benchmarks/RESULTS.md, "Installer size"; BigQuery's cannot leave its 19 MB of gRPC out, since Ibis'
# backend imports the gRPC Storage Read client and opens one on connecting), and the app says how to get them
# (usagelens.io.warehouse.connect.missing_driver). The app looks a backend up rather than importing it, so these
# cost nothing at start-up.
WAREHOUSE_BACKENDS = ("duckdb", "postgres", "clickhouse", "trino", "databricks")
# The SDKs of warehouses not bundled, which a build machine with the warehouses extra has and PyInstaller would
# follow into the bundle, unusable without their backend: BigQuery's (21 MB, gRPC's 17), which the app imports
# only inside a function, to estimate a query's bytes with the client of a BigQuery connection
# (usagelens.io.warehouse.cost). Left out with MODULES_LEFT_OUT (the spec's excludes).
SDK_MODULES_LEFT_OUT = ("google", "grpc", "grpc_status", "google_crc32c", "opentelemetry", "proto",
                        "pydata_google_auth", "pandas_gbq", "db_dtypes")
# Distributions whose metadata the bundle reads at run time: Ibis finds its backends through its entry points,
# psycopg and clickhouse-connect read their own versions with importlib.metadata, Databricks' connector reads
# urllib3's (its retry policy, on every request).
WAREHOUSE_METADATA = ("ibis-framework", "duckdb", "psycopg", "psycopg-binary", "clickhouse-connect", "trino",
                      "urllib3")

# psycopg-binary's own OpenSSL 3.5 (libssl and libcrypto, 6.9 MB stripped), linked by its libpq and libldap only
# for symbols of OPENSSL_3.0.0, which the bundle's OpenSSL 3.0 (Python's ssl and hashlib) has: shipped as links to
# that one, so one OpenSSL is loaded and patched with the app (a local PostgreSQL was reached through the links,
# over TLS 1.3 with sslmode=require too).
_OWN_OPENSSL = re.compile(r"^psycopg_binary\.libs/lib(ssl|crypto)-[0-9a-f]{8}\.so\.3$")


def bundle_openssl(dest: str) -> str | None:
    """For a driver's own copy of OpenSSL at ``dest`` (relative to ``_internal``), the bundle's library it is
    shipped as a link to (a path relative to ``dest``'s folder); None for every other file."""
    found = _OWN_OPENSSL.match(dest.replace("\\", "/"))
    return f"../lib{found[1]}.so.3" if found else None


_ARROW_LEFT_OUT = ("libarrow_flight", "libarrow_python_flight", "libarrow_s3", "libarrow_gcs", "libarrow_azure",
                   "libarrow_python_parquet_encryption")
_PYARROW_MODULES_LEFT_OUT = ("_substrait.", "_orc.", "_dataset_orc.", "_feather.", "_parquet_encryption.",
                             "_dataset_parquet_encryption.")
_QT_PLUGIN_FOLDERS_LEFT_OUT = ("egldeviceintegrations", "generic", "networkinformation", "tls")
_QT_PLATFORMS_LEFT_OUT = ("qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc")


def unused(dest: str, languages: Collection[str]) -> bool:
    """Whether the file PyInstaller would put at ``dest`` (relative to ``_internal``) is left out, for an app
    that ships its own translations for ``languages`` (``de``, ``pt_BR``...).

    - Arrow's network file systems and Flight RPC (no network, by design), its C++ headers, Cython sources and
      test data (for building and testing pyarrow), the copies of libarrow_python under names nothing links
      to, the Python modules the spec excludes and the Parquet encryption library only they load.
    - Qt's translations but ``qtbase`` in the languages the app ships (issue 17: "Qt translations not
      shipped"): a user whose language the app does not ship sees it in English, Qt's dialog buttons included,
      rather than English pages with buttons in their language.
    - Qt's platforms and input plugins of embedded devices (EGLFS, framebuffer, VNC, evdev) and their EGLFS
      libraries, the network plugins and library, the GTK theme (it would load the user's GTK against the
      build machine's cairo and pango), image formats but SVG (the app decodes only PNG, which Qt does
      itself, and SVG icons). The CUPS print plugin stays but uses the system's libcups (every Linux desktop
      that prints has it, matching its own CUPS server), not a copy with its own TLS and Kerberos stack.
    - :data:`SYSTEM_LIBRARIES`, by name at the top of the bundle (where PyInstaller puts system libraries).
    - pyqtgraph's logo, set only by its ``mkQApp`` (the app makes its own QApplication and icon); the app's
      README screenshot and translation sources (the app loads the compiled ``.qm``).
    - The packages' ``RECORD`` files (0.46 MB, Ibis' 0.29): pip's list of an installed package's files and
      their hashes, read by ``pip uninstall`` and ``importlib.metadata.files()``, which nothing in the bundle
      calls; Ibis finds its backends through ``entry_points.txt`` and versions come from ``METADATA``, both kept.
    """
    dest = dest.replace("\\", "/")
    name = dest.rsplit("/", 1)[-1]
    qt_translations = tuple(f"qtbase_{language}." for language in languages)
    return (
        any(lib in name for lib in _ARROW_LEFT_OUT)
        or (dest.startswith("PySide6/") and name.startswith(("QtOpenGL.", "QtDBus.")))
        or (dest.startswith("pyarrow/") and name.startswith(_PYARROW_MODULES_LEFT_OUT))
        or dest.startswith(("pyarrow/include/", "pyarrow/src/", "pyarrow/tests/"))
        or name.endswith((".pxd", ".pyx", ".pxi", ".h", ".hpp", ".cc"))
        or (name.startswith("libarrow_python") and not name.endswith(".so.2600"))
        or name.startswith(("libQt6Network.", "libcups.", "libQt6EglFS", "libQt6EglFs"))
        or ("/Qt/plugins/imageformats/" in dest and not name.startswith("libqsvg."))
        or ("/Qt/translations/" in dest and not name.startswith(qt_translations))
        or "/Qt/plugins/platformthemes/libqgtk3." in dest
        or any(f"/Qt/plugins/{folder}/" in dest for folder in _QT_PLUGIN_FOLDERS_LEFT_OUT)
        or any(f"/Qt/plugins/platforms/lib{platform}." in dest for platform in _QT_PLATFORMS_LEFT_OUT)
        or (dest == name and name in SYSTEM_LIBRARIES)
        or dest.startswith(("pyqtgraph/icons/peegee/", "resources/screenshots/"))
        or (dest.startswith("resources/translations/") and name.endswith(".ts"))
        or (name == "RECORD" and dest.rsplit("/", 1)[0].endswith(".dist-info"))
    )
