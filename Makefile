# UsageLens — the two commands of the README, plus benchmarks and the installer.
# Every target creates or refreshes .venv itself, so a fresh clone needs only Python 3.11+.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench package self-test translations clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/usagelens open --demo

# The PostgreSQL tests start a throw-away cluster from Debian's postgresql binaries: installed here when missing
# and run as root (CI), otherwise those tests skip and say why (under CI=true they fail instead).
test: $(STAMP)
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null; }
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/run_suite.py

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/run_all.py

# UPX packs DuckDB's library (packaging/packed_libraries.py): Debian's upx-ucl is installed when missing and run
# as root, where the system's packages have it (Debian 12's do not: the library then ships unpacked).
package: $(STAMP)
	@command -v upx >/dev/null || command -v upx-ucl >/dev/null || [ "$$(id -u)" != 0 ] || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends upx-ucl >/dev/null 2>&1; } || \
	  echo "upx-ucl is not among this system's packages: DuckDB's library ships unpacked"
	$(BIN)/python packaging/build.py

# resources/translations/usagelens_<lang>.ts from the GUI's wrapped strings (pyside6-lupdate), compiled to .qm;
# `make translations NEW_LANGUAGE=fr` starts French.
translations: $(STAMP)
	$(BIN)/python scripts/update_translations.py $(NEW_LANGUAGE)

self-test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/usagelens --self-test

clean:
	rm -rf build dist .pytest_cache .hypothesis
