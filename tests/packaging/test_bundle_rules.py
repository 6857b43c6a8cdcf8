"""The installer's rules for what it leaves out (packaging/bundle_rules.py), checked on the places PyInstaller
gives files in the bundle, without a build: each exclusion takes what it names and nothing the app loads."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from bundle_rules import (  # noqa: E402 - packaging/ is not a package
    MODULES_LEFT_OUT,
    SDK_MODULES_LEFT_OUT,
    SYSTEM_LIBRARIES,
    WAREHOUSE_BACKENDS,
    bundle_openssl,
    unused,
)

SHIPPED = ["de"]
DESKTOP = Path(__file__).resolve().parents[2] / "desktop"

LEFT_OUT = [
    "PySide6/Qt/translations/qtbase_fr.qm",
    "PySide6/Qt/translations/qtbase_pt_BR.qm",
    "PySide6/Qt/translations/qtbase_en.qm",
    "PySide6/Qt/translations/qtmultimedia_de.qm",
    "libstdc++.so.6",
    "libgcc_s.so.1",
    "libX11.so.6",
    "libfontconfig.so.1",
    "libfreetype.so.6",
    "libglib-2.0.so.0",
    "libXau.so.6",
    "pyqtgraph/icons/peegee/peegee_512px.png",
    "resources/screenshots/main-window.png",
    "resources/translations/usagelens_de.ts",
    "pyarrow/libarrow_flight.so.2600",
    "pyarrow/tests/data/parquet/v0.7.1.parquet",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "libQt6Network.so.6",
    "ibis_framework-12.0.0.dist-info/RECORD",
]

KEPT = [
    "PySide6/Qt/translations/qtbase_de.qm",
    "resources/translations/usagelens_de.qm",
    "resources/help/step-2-gather.md",
    "resources/help/de/step-2-gather.md",  # the help in German (ui/help/pages.py)
    "pyqtgraph/icons/auto.png",  # the plot's auto-range button
    # SecretStorage, keyring's Linux backend, encrypts the passwords it exchanges with the keychain through it
    "cryptography/hazmat/bindings/_rust.abi3.so",
    # not on every system, or needed by what the app does: TLS and hashing, D-Bus (accessibility, portals)
    "libssl.so.3",
    "libcrypto.so.3",
    "libdbus-1.so.3",
    "libxkbcommon.so.0",
    "libpython3.11.so.1.0",
    "pyarrow/libarrow.so.2600",
    "pyarrow/libarrow_python.so.2600",
    "numpy.libs/libscipy_openblas64_-32a4b2a6.so",
    "_duckdb.cpython-311-x86_64-linux-gnu.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/lib/libicuuc.so.73",
    # Ibis finds its DuckDB backend through its entry points; versions and licences come from METADATA
    "ibis_framework-12.0.0.dist-info/entry_points.txt",
    "ibis_framework-12.0.0.dist-info/METADATA",
]


@pytest.mark.parametrize("dest", LEFT_OUT)
def test_what_the_app_never_loads_or_every_system_has_is_left_out(dest: str) -> None:
    assert unused(dest, SHIPPED)


@pytest.mark.parametrize("dest", KEPT)
def test_what_the_app_loads_is_kept(dest: str) -> None:
    assert not unused(dest, SHIPPED)


def test_qt_translations_follow_the_languages_the_app_ships() -> None:
    french = "PySide6/Qt/translations/qtbase_fr.qm"
    assert unused(french, ["de"]) and not unused(french, ["de", "fr"])
    assert unused("PySide6/Qt/translations/qtbase_de.qm", [])


def test_system_libraries_are_left_out_only_where_pyinstaller_puts_the_systems_copies() -> None:
    """A wheel's own copy (in its package folder, under a hashed or private name) is not the system's and stays."""
    assert all(name.startswith("lib") and ".so." in name for name in SYSTEM_LIBRARIES)
    assert not unused("numpy.libs/libz.so.1", SHIPPED)
    assert not unused("PySide6/Qt/lib/libstdc++.so.6", SHIPPED)


def test_windows_style_paths_are_read_as_bundle_paths() -> None:
    assert unused("PySide6\\Qt\\translations\\qtbase_fr.qm", SHIPPED)
    assert not unused("PySide6\\Qt\\translations\\qtbase_de.qm", SHIPPED)


def imported_modules(source: Path) -> set[str]:
    """The absolute module names a Python file imports (``import a.b``, ``from a.b import c`` gives a.b and
    a.b.c, since c may be a module)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_the_app_imports_no_module_the_bundle_leaves_out() -> None:
    """A left-out module the app's own code starts to use would fail only in the installed app."""
    left_out = tuple(MODULES_LEFT_OUT)
    found = sorted(f"{source.relative_to(DESKTOP)}: {name}" for source in DESKTOP.rglob("*.py")
                   for name in imported_modules(source)
                   if name in left_out or name.startswith(tuple(f"{module}." for module in left_out)))
    assert found == []


def test_the_app_imports_a_left_out_sdk_only_inside_a_function() -> None:
    """So the installed app starts, and reaches such an import only with a connection of the SDK's backend."""
    inside = tuple(f"{module}." for module in SDK_MODULES_LEFT_OUT)
    found = sorted(f"{source.relative_to(DESKTOP)}: {name}" for source in DESKTOP.rglob("*.py")
                   for node in ast.parse(source.read_text(encoding="utf-8")).body
                   if isinstance(node, (ast.Import, ast.ImportFrom))
                   for name in ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                                else [node.module or ""])
                   if name in SDK_MODULES_LEFT_OUT or name.startswith(inside))
    assert found == []


def test_the_postgresql_driver_uses_the_bundles_openssl() -> None:
    """psycopg-binary's own OpenSSL ships as links to the bundle's; its other libraries are its own."""
    assert bundle_openssl("psycopg_binary.libs/libssl-6a9b88ec.so.3") == "../libssl.so.3"
    assert bundle_openssl("psycopg_binary.libs\\libcrypto-3a0647ea.so.3") == "../libcrypto.so.3"
    for dest in ("psycopg_binary.libs/libpq-e9b5c9ac.so.5.18", "libssl.so.3", "cryptography/libssl-1a2b3c4d.so.3",
                 "psycopg_binary.libs/libldap-fb847fea.so.2.0.200"):
        assert bundle_openssl(dest) is None, dest


def test_the_bundled_warehouses_are_backends_the_app_knows() -> None:
    from usagelens.io.warehouse.url import BACKENDS

    assert set(WAREHOUSE_BACKENDS) <= {backend.ibis_name for backend in BACKENDS.values()}
    assert not {"bigquery", "snowflake"} & set(WAREHOUSE_BACKENDS)  # tens of MB each (RESULTS.md)
