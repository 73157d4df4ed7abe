"""The hub file's schema comes in numbered migrations, like the stage's (issue 10 point 4):
an older hub file opens, is upgraded step by step, and keeps its tokens, stages and events.
Real hub files, a real hub on 127.0.0.1."""

from __future__ import annotations

import sqlite3
import threading

from desktop_app.sync import hubschema
from desktop_app.sync.client import SyncClient
from desktop_app.sync.hub import HubThread
from desktop_app.sync.hubstore import HubStore

SLUG = "bergamo-2026"


def _raw(path):
    conn = sqlite3.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    return conn


def _recorded(path) -> tuple[list[int], int]:
    conn = _raw(path)
    try:
        numbers = [r[0] for r in conn.execute("SELECT number FROM hub_migration ORDER BY 1")]
        return numbers, conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_a_new_hub_file_records_every_step(hub_db):
    with HubStore(hub_db):
        pass
    numbers, version = _recorded(hub_db)
    assert numbers == [n for n, _, _ in hubschema.HUB_MIGRATIONS]
    assert version == hubschema.latest() >= 3


def test_a_hub_file_one_step_behind_is_upgraded_and_keeps_its_data(published, hub_db, desks):
    hub, admin = published
    hub.stop()
    # The file as the hub left it before the `person` step: the statements of every
    # step but the last.
    conn = _raw(hub_db)
    before = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("event", "desk")}
    hub_id = conn.execute("SELECT value FROM meta WHERE key = 'hub_id'").fetchone()[0]
    codes = {
        r[0]
        for r in conn.execute(
            "SELECT UPPER(json_extract(payload, '$.code')) FROM event "
            "WHERE kind = 'attendee_upserted'"
        )
    }
    conn.execute("DROP TABLE person")
    conn.execute("DELETE FROM meta WHERE key = 'person_index'")
    conn.execute("DELETE FROM hub_migration WHERE number = 3")
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    assert before["event"] > 5 and len(codes) == 5

    again = HubThread(hub_db).start()
    try:
        assert _recorded(hub_db) == ([1, 2, 3], hubschema.latest())
        conn = _raw(hub_db)
        try:
            assert {r[0] for r in conn.execute("SELECT code FROM person")} == codes
            for table, count in before.items():
                assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == count
        finally:
            conn.close()
        assert again.store.hub_id == hub_id  # desks do not think it is another hub
        # The old token still works and a new desk gets the five people.
        assert again.store.authenticate(admin)["name"] == "organizer"
        late = again.store.add_desk("Desk late")
        with SyncClient(desks.dir("late"), again.url, late) as client:
            report = client.sync_stage(SLUG)
        assert report.bootstrapped
        with desks.open("late", SLUG) as stage:
            assert stage.conn.execute("SELECT COUNT(*) FROM attendee").fetchone()[0] == 5
    finally:
        again.stop()


def test_a_hub_file_from_before_the_migrations_gets_every_step_once(hub_db):
    with HubStore(hub_db) as store:
        token = store.add_desk("Desk 1")
    conn = _raw(hub_db)  # as the hub wrote it before it recorded migrations
    conn.execute("DROP TABLE hub_migration")
    conn.execute("DROP TABLE person")
    conn.execute("DROP INDEX desk_bound_id")
    conn.execute("DELETE FROM meta WHERE key = 'person_index'")
    conn.execute("PRAGMA user_version = 0")
    conn.close()

    # two processes (here: threads with their own connection) open it at the same moment
    errors: list[BaseException] = []
    names: list[str] = []

    def open_it() -> None:
        try:
            with HubStore(hub_db) as store:
                names.append(store.authenticate(token)["name"])
        except BaseException as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert errors == [] and names == ["Desk 1", "Desk 1"]
    assert _recorded(hub_db) == ([1, 2, 3], hubschema.latest())
