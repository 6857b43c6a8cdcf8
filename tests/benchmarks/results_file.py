"""RESULTS.md, the benchmarks' record: each script replaces its own section and leaves the others alone."""

from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
LAST_SECTION = "## Analysis page (step 4)"  # bench_analysis_page.py keeps its section at the very end


def replace_section(heading: str, text: str) -> None:
    """Put ``text`` (which starts with ``heading``) in place of the section under ``heading``, or before the
    last section when there is none yet."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    if heading in old:  # replace our section, up to the next heading of any level
        start = old.index(heading)
        following = old.find("\n#", start + len(heading))
        end = len(old) if following < 0 else following
    else:
        start = end = old.index(LAST_SECTION) if LAST_SECTION in old else len(old)
    parts = (old[:start].rstrip(), text.strip(), old[end:].strip())
    RESULTS.write_text("\n\n".join(part for part in parts if part) + "\n", encoding="utf-8")
