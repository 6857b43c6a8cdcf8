"""Where projects land on disk: through symlinks onto the real file, and autosaves readable by the user only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pandas as pd
import pytest

from usagelens.io import write_csv, write_xlsx
from usagelens.model import Project, load_project, save_project, snapshot_project
from usagelens.ui import autosave
from usagelens.ui.settings import user_data_dir

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symlinks and permission bits are POSIX here")


def test_saving_through_a_symlink_updates_the_synced_original(tmp_path: Path) -> None:
    synced = tmp_path / "Dropbox" / "plan.ulens"
    synced.parent.mkdir()
    save_project(Project(name="old"), synced)
    link = tmp_path / "Desktop" / "plan.ulens"
    link.parent.mkdir()
    link.symlink_to(synced)
    save_project(Project(name="new"), link)
    assert link.is_symlink(), "the link was replaced by a regular file"
    assert load_project(synced).name == "new"
    assert [p.name for p in synced.parent.iterdir()] == ["plan.ulens"]
    assert [p.name for p in link.parent.iterdir()] == ["plan.ulens"]


def test_saving_through_a_chain_of_links_and_a_relative_link(tmp_path: Path) -> None:
    real = tmp_path / "real.ulens"
    save_project(Project(name="old"), real)
    (tmp_path / "hop.ulens").symlink_to("real.ulens")
    (tmp_path / "entry.ulens").symlink_to(tmp_path / "hop.ulens")
    save_project(Project(name="new"), tmp_path / "entry.ulens")
    assert load_project(real).name == "new" and (tmp_path / "hop.ulens").is_symlink()


def test_exports_through_a_symlink_update_the_linked_file(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from usagelens.report.pdf import export_pdf
    from usagelens.workspace.summary import gather_summary

    frame = pd.DataFrame({"a": [1]})
    writers = {
        "out.csv": lambda path: write_csv(frame, path),
        "out.xlsx": lambda path: write_xlsx({"Sheet": frame}, path),
        "out.pdf": lambda path: export_pdf(gather_summary(Project(name="Export")), path),
    }
    shared = tmp_path / "shared"
    shared.mkdir()
    for name, write in writers.items():
        (shared / name).write_bytes(b"old")
        (tmp_path / name).symlink_to(shared / name)
        write(tmp_path / name)
        assert (tmp_path / name).is_symlink() and (shared / name).read_bytes() != b"old", name
    assert sorted(p.name for p in shared.iterdir()) == sorted(writers)


def test_autosaves_are_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    folder = user_data_dir() / "autosave"
    folder.mkdir(mode=0o755, parents=True, exist_ok=True)
    folder.chmod(0o755)  # as an older version, or a generous umask, left it
    old_umask = os.umask(0o000)
    try:
        written = autosave.write_autosave(snapshot_project(Project(name="secret")), tmp_path / "p.ulens", "s1")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert stat.S_IMODE(written.with_suffix(".json").stat().st_mode) == 0o600
    assert [a.original for a in autosave.leftover_autosaves()] == [str(tmp_path / "p.ulens")]


def test_half_written_autosaves_of_crashed_sessions_are_cleared_at_start_up() -> None:
    folder = user_data_dir() / "autosave"
    folder.mkdir(parents=True, exist_ok=True)
    stale = folder / ".0123456789abcdef.ulens.0123456789ab.tmp"
    stale.write_bytes(b"PK\x03\x04 half")
    assert autosave.leftover_autosaves() == []
    assert not stale.exists()
