"""The stage file: durable, checked on open, migrated atomically, honest about damage."""

from __future__ import annotations

import gzip
import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from desktop_app.core import checkin, paths, store
from desktop_app.core.desk import Desk
from desktop_app.core.errors import (
    DiskFull,
    StageDamaged,
    StageExists,
    StageFileInvalid,
    StageLocked,
    StageNotFound,
)
from desktop_app.core.stagefile import export_stage, import_stage
from desktop_app.core.store import Stage, list_stages


def test_create_reopen_and_pragmas(stage, people, data_dir, desk):
    checkin.admit(stage, people[0])
    stage.close()
    reopened = Stage.open(data_dir, "bergamo-2026", desk)
    assert reopened.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert reopened.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert reopened.counts() == {
        "registered": 5,
        "checked_in": 1,
        "by_category": {
            "company": {"registered": 3, "checked_in": 1},
            "consul": {"registered": 1, "checked_in": 0},
            "speaker": {"registered": 1, "checked_in": 0},
        },
    }
    reopened.close()


def test_a_stage_is_created_once(make_stage):
    make_stage("brescia-2026")
    with pytest.raises(StageExists):
        make_stage("brescia-2026")


def test_unknown_stage_and_bad_slug(data_dir, desk):
    with pytest.raises(StageNotFound, match="no stage called 'nowhere'"):
        Stage.open(data_dir, "nowhere", desk)
    with pytest.raises(Exception, match="slug"):
        Stage.open(data_dir, "../etc/passwd", desk)


def test_damaged_file_gets_a_clear_message(stage, people, data_dir, desk):
    path = stage.path
    stage.close()
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(size // 2)
        fh.write(os.urandom(4096))
    with pytest.raises(StageDamaged, match="damaged"):
        Stage.open(data_dir, "bergamo-2026", desk).close()


def test_a_file_that_is_not_a_database(data_dir, desk):
    path = paths.stages_dir(data_dir) / "junk.sqlite"
    path.write_bytes(b"this is a spreadsheet, not a stage " * 100)
    with pytest.raises(StageDamaged):
        Stage.open(data_dir, "junk", desk)
    assert list_stages(data_dir) == [{"slug": "junk", "error": "damaged or locked"}]


def test_locked_file_is_reported_not_hung(stage, people, monkeypatch):
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(stage.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    stage.conn.execute("PRAGMA busy_timeout = 100")
    try:
        with pytest.raises(StageLocked, match="locked"):
            checkin.admit(stage, people[0])
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert checkin.admit(stage, people[0]).ok  # and it works once the lock is gone


def test_full_disk_loses_no_acknowledged_checkin(stage, data_dir, desk):
    people = [stage.new_attendee({"first_name": f"P{i}", "last_name": "Full"}) for i in range(400)]
    pages = stage.conn.execute("PRAGMA page_count").fetchone()[0]
    stage.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    acknowledged = []
    with pytest.raises(DiskFull, match="NOT saved"):
        for person in people:
            decision = checkin.admit(stage, person)
            acknowledged.append(decision.attendee.id)
    assert acknowledged, "some check-ins fit before the disk filled"
    stage.close()
    reopened = Stage.open(data_dir, "bergamo-2026", desk)
    assert {a.id for a in reopened.attendees(checked_in=True)} == set(acknowledged)
    reopened.close()


def test_crash_mid_checkin_loses_no_acknowledged_checkin(stage, data_dir, desk):
    for i in range(300):
        stage.new_attendee({"first_name": f"P{i}", "last_name": "Crash"})
    stage.close()
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from desktop_app.core import checkin
        from desktop_app.core.desk import Desk
        from desktop_app.core.store import Stage
        stage = Stage.open(Path({str(data_dir)!r}), "bergamo-2026", Desk({desk.id!r}, "crashy"))
        for a in stage.attendees():
            checkin.admit(stage, a)
            print(a.id, flush=True)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    acknowledged = []
    for line in proc.stdout:
        acknowledged.append(line.strip())
        if len(acknowledged) == 120:
            proc.kill()  # no clean close: the battery died
            break
    proc.wait()
    reopened = Stage.open(data_dir, "bergamo-2026", desk)
    assert reopened.recovered  # unclean shutdown noticed: a full integrity check ran
    checked = {a.id for a in reopened.attendees(checked_in=True)}
    assert set(acknowledged) <= checked
    reopened.close()
    assert not Stage.open(data_dir, "bergamo-2026", desk).recovered


def test_migration_is_atomic_and_the_file_is_copied_aside(
    stage, people, data_dir, desk, tmp_path, monkeypatch
):
    stage.close()
    migrations = tmp_path / "migrations"
    migrations.mkdir()
    shipped = sorted(paths.migrations_dir().glob("*.sql"))
    for f in shipped:
        (migrations / f.name).write_text(f.read_text())
    latest = int(shipped[-1].name[:4])  # the file was created at the shipped version
    nxt = f"{latest + 1:04d}"
    (migrations / f"{nxt}_broken.sql").write_text(
        "CREATE TABLE half_done (x); ALTER TABLE attendee ADD COLUMN nickname TEXT; SELECT * FROM no_such_table;"
    )
    monkeypatch.setattr(paths, "migrations_dir", lambda: migrations)
    with pytest.raises(StageDamaged, match="could not be upgraded"):
        Stage.open(data_dir, "bergamo-2026", desk)
    conn = sqlite3.connect(paths.stages_dir(data_dir) / "bergamo-2026.sqlite")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == latest
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'half_done'").fetchone()
    conn.close()
    backups = list(paths.stages_dir(data_dir).glob(f"bergamo-2026.sqlite.before-migration-{nxt}"))
    assert backups

    (migrations / f"{nxt}_broken.sql").unlink()
    (migrations / f"{nxt}_nickname.sql").write_text(
        "ALTER TABLE attendee ADD COLUMN nickname TEXT NOT NULL DEFAULT '';"
    )
    migrated = Stage.open(data_dir, "bergamo-2026", desk)
    assert migrated.conn.execute("PRAGMA user_version").fetchone()[0] == latest + 1
    assert migrated.counts()["registered"] == 5
    numbers = [r[0] for r in migrated.conn.execute("SELECT number FROM migration ORDER BY number")]
    assert numbers == [int(f.name[:4]) for f in shipped] + [latest + 1]
    migrated.close()


def test_sql_metacharacters_are_just_names(stage):
    name = "Robert'); DROP TABLE attendee;--"
    person = stage.new_attendee(
        {"first_name": name, "last_name": 'O"Brien %_*', "company": "a' OR '1'='1"}
    )
    assert stage.attendee(person.id).first_name == name
    assert [a.id for a in stage.search("robert drop")] == [person.id]
    assert [a.id for a in stage.search('o"brien')] == [person.id]
    assert stage.search('" OR * NEAR(') == []
    assert stage.counts()["registered"] == 1


def test_search_is_accent_insensitive_prefix_and_ranked(stage, people):
    assert [a.last_name for a in stage.search("berte")][:2] == ["Bertè", "Bertelli"]
    assert [a.last_name for a in stage.search("ros ma")] == ["Rossi"]
    assert [a.last_name for a in stage.search("ma ros")] == ["Rossi"]
    assert [a.last_name for a in stage.search("orsted")] == ["Ørsted-Łukasiewicz"]
    assert [a.last_name for a in stage.search("łukas")] == ["Ørsted-Łukasiewicz"]
    assert [a.last_name for a in stage.search("lukas")] == ["Ørsted-Łukasiewicz"]
    assert [a.last_name for a in stage.search("brembo")] == ["Bertelli"]
    assert [a.last_name for a in stage.search("marco.rossi@exam")] == ["Rossi"]
    assert [a.last_name for a in stage.search(people[3].code.lower())] == ["Sato"]
    assert [a.last_name for a in stage.search("eb-1001")] == ["Bertè"]
    assert stage.search("   ") == []


def test_stage_file_round_trip_and_idempotent_merge(stage, people, tmp_path):
    checkin.admit(stage, people[0])
    out = tmp_path / "bergamo.rdstage"
    assert export_stage(stage, out) == stage.event_count()
    other_dir = tmp_path / "desk2"
    other = Desk("desk-2", "Desk 2")
    first = import_stage(other_dir, out, other)
    assert first["created"] and first["new_events"] == stage.event_count()
    again = import_stage(other_dir, out, other)
    assert again == {**again, "created": False, "new_events": 0}
    copy = Stage.open(other_dir, "bergamo-2026", other)
    assert copy.digest() == stage.digest()
    assert copy.unsynced_count() == 0  # other desks' events are never pushed by this desk
    copy.close()


def test_truncated_or_altered_stage_file_is_refused(stage, people, tmp_path):
    out = tmp_path / "bergamo.rdstage"
    export_stage(stage, out)
    raw = out.read_bytes()
    (tmp_path / "cut.rdstage").write_bytes(raw[: len(raw) // 2])
    text = gzip.decompress(raw).decode()
    (tmp_path / "edited.rdstage").write_bytes(
        gzip.compress(text.replace("Bertè", "Berte").encode())
    )
    (tmp_path / "junk.rdstage").write_bytes(b"PK\x03\x04 not a stage")
    for name in ("cut", "edited", "junk"):
        with pytest.raises(StageFileInvalid):
            import_stage(tmp_path / "d", tmp_path / f"{name}.rdstage", Desk("d", "D"))
    assert not list((tmp_path / "d").glob("stages/*.sqlite"))


def test_a_different_stage_with_the_same_slug_is_not_merged(make_stage, tmp_path, data_dir):
    stage = make_stage("varese-2026")
    out = tmp_path / "varese.rdstage"
    export_stage(stage, out)
    other_dir = tmp_path / "other"
    Stage.create(
        other_dir, "varese-2026", title="Another Varese", date="2026-06-01", desk=Desk("x", "X")
    ).close()
    with pytest.raises(StageFileInvalid, match="different stage"):
        import_stage(other_dir, out, Desk("x", "X"))


def test_background_checkpoint_runs_when_the_desk_is_idle(stage, monkeypatch):
    import time

    monkeypatch.setattr(store._Checkpointer, "IDLE_S", 0.05)
    stage.checkpoint_in_background(interval_s=0.05)
    size_before = stage.path.stat().st_size
    for i in range(300):
        stage.new_attendee({"first_name": f"P{i}", "last_name": "Idle"})
    deadline = time.monotonic() + 5
    while stage.path.stat().st_size == size_before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert stage.path.stat().st_size > size_before  # the WAL's pages reached the database file
    thread = stage._checkpointer
    stage.close()
    assert not thread.is_alive()


def test_a_step_numbered_below_one_already_applied_still_runs_once(
    stage, people, data_dir, desk, tmp_path, monkeypatch
):
    """Two pieces of work can land in another order than their numbers: a file that already
    had step N+2 still gets step N+1 when it ships later, and only once."""
    stage.close()
    migrations = tmp_path / "migrations"
    migrations.mkdir()
    shipped = sorted(paths.migrations_dir().glob("*.sql"))
    for f in shipped:
        (migrations / f.name).write_text(f.read_text())
    latest = int(shipped[-1].name[:4])
    monkeypatch.setattr(paths, "migrations_dir", lambda: migrations)
    (migrations / f"{latest + 2:04d}_later.sql").write_text(
        "ALTER TABLE attendee ADD COLUMN later TEXT NOT NULL DEFAULT '';"
    )
    Stage.open(data_dir, "bergamo-2026", desk).close()
    (migrations / f"{latest + 1:04d}_earlier.sql").write_text(
        "ALTER TABLE attendee ADD COLUMN earlier TEXT NOT NULL DEFAULT '';"
    )
    for _ in range(2):  # the second open applies nothing
        opened = Stage.open(data_dir, "bergamo-2026", desk)
        columns = {r[1] for r in opened.conn.execute("PRAGMA table_info(attendee)")}
        assert {"earlier", "later"} <= columns
        assert opened.conn.execute("PRAGMA user_version").fetchone()[0] == latest + 2
        assert opened.counts()["registered"] == 5
        opened.close()
