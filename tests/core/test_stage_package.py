"""The stage store is a package behind one `Stage` facade; `Stage.atomic()` is its write door."""

from __future__ import annotations

import pytest

from desktop_app.core import store
from desktop_app.core.errors import DiskFull
from desktop_app.core.stage import ClockAhead, Stage, stage_path


def test_the_old_module_name_is_the_same_stage():
    assert store.Stage is Stage
    assert store.stage_path is stage_path
    assert store.ClockAhead is ClockAhead


def test_atomic_saves_all_of_a_block(stage, data_dir, desk):
    with stage.atomic() as conn:
        conn.execute("INSERT INTO sync_state (key, value) VALUES ('a', '1')")
        conn.execute("INSERT INTO sync_state (key, value) VALUES ('b', '2')")
    stage.close()
    with Stage.open(data_dir, stage.info.slug, desk) as again:
        assert again.get_sync_value("a") == "1"
        assert again.get_sync_value("b") == "2"


def test_atomic_saves_none_of_a_block_that_fails(stage):
    with pytest.raises(RuntimeError), stage.atomic() as conn:
        conn.execute("INSERT INTO sync_state (key, value) VALUES ('a', '1')")
        raise RuntimeError("the operator closed the dialog half way")
    assert stage.get_sync_value("a") is None
    assert not stage.conn.in_transaction
    stage.set_sync_value("a", "2")  # and the stage goes on writing
    assert stage.get_sync_value("a") == "2"


def test_atomic_reports_a_full_disk_as_the_apps_error(stage):
    pages = stage.conn.execute("PRAGMA page_count").fetchone()[0]
    stage.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFull), stage.atomic() as conn:
        conn.executemany(
            "INSERT INTO sync_state (key, value) VALUES (?, ?)",
            [(f"k{i}", "x" * 2000) for i in range(200)],
        )
    assert stage.get_sync_value("k0") is None


def test_the_old_private_name_still_writes(stage):
    with stage._write() as conn:
        conn.execute("INSERT INTO sync_state (key, value) VALUES ('a', '1')")
    assert stage.get_sync_value("a") == "1"
