"""Replaces pyinstaller-hooks-contrib's hook for DuckDB, which asks for every submodule: the same, less the
ones packaging/bundle_rules.py leaves out (its Spark API), which would otherwise each warn "not found"."""

from bundle_rules import MODULES_LEFT_OUT  # packaging/, put on the path by usagelens.spec
from PyInstaller.utils.hooks import collect_submodules, copy_metadata

# Some submodules are imported only from the binary extension (duckdb.filesystem); inspect, by DuckDB itself.
hiddenimports = [*collect_submodules("duckdb", filter=lambda name: not name.startswith(MODULES_LEFT_OUT)), "inspect"]
datas = copy_metadata("duckdb")  # DuckDB reads its version with importlib.metadata
