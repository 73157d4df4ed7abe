"""Sync under faults: a flaky network, a hub killed mid-push, a desk killed before the ack."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from desktop_app.core import checkin
from desktop_app.core.store import stage_path
from desktop_app.sync.client import HubRefused, HubUnreachable, SyncClient

from .conftest import ROOT, add_token
from .faultproxy import FAULTS, FaultyProxy

SLUG = "bergamo-2026"


def converge(desks, url, tokens, names, *, attempts=80, **kw):
    """Sync each desk in turn until it has a clean round with nothing left to send."""
    failures = 0
    for name in names:
        for _ in range(attempts):
            try:
                with SyncClient(desks.dir(name), url, tokens[name], **kw) as client:
                    if client.sync_stage(SLUG).unsynced == 0:
                        break
            except HubUnreachable:
                failures += 1
        else:
            raise AssertionError(f"desk {name} did not converge")
    return failures


def test_flaky_network_drops_delays_duplicates_and_cuts(hub, desks):
    admin = hub.token("organizer", admin=True)
    with (
        desks.create_stage("org", SLUG, people=80) as stage,
        SyncClient(desks.dir("org"), hub.url, admin) as client,
    ):
        client.sync_stage(SLUG, stage)
    tokens = {n: hub.token(f"Desk {n}") for n in "ab"}
    for n in "ab":
        with SyncClient(desks.dir(n), hub.url, tokens[n]) as client:
            client.sync_stage(SLUG)
    for n, people, undone in (("a", range(0, 50), [3, 30]), ("b", range(30, 80), [31, 79])):
        with desks.open(n, SLUG) as stage:
            ids = sorted(p.id for p in stage.attendees())
            for i in people:
                checkin.admit(stage, stage.attendee(ids[i]))
            for i in undone:
                checkin.undo(stage, stage.attendee(ids[i]), "scanned the wrong badge")

    with FaultyProxy(hub.port, seed=5, fault_rate=0.45, delay_s=0.8) as proxy:
        failures = converge(
            desks, proxy.url, tokens, ["a", "b", "a"], timeout=0.5, push_batch=8, pull_batch=20
        )
    assert failures > 0
    assert all(proxy.counts.get(f, 0) > 0 for f in FAULTS), proxy.counts

    status = hub.store.status(SLUG)
    expected_checked_in = len(set(range(0, 80)) - {3, 79})  # 30 and 31 were in at the other desk
    assert status["checked_in"] == expected_checked_in
    assert status["events"] == 80 + 3 + 1 + 50 + 2 + 50 + 2  # nothing lost, nothing doubled
    for n in "ab":
        with desks.open(n, SLUG) as stage:
            assert stage.digest() == status["digest"]
            assert stage.event_count() == status["events"]


def test_hub_killed_mid_push_and_restarted_from_its_file(hub_process, hub_db, desks):
    admin = add_token(hub_db, "organizer", admin=True)
    hub = hub_process()
    stage = desks.create_stage("org", SLUG, people=600)
    total = stage.unsynced_count()
    errors: list[Exception] = []

    def push():
        try:
            with SyncClient(desks.dir("org"), hub.url, admin, push_batch=20) as client:
                client.sync_stage(SLUG)
        except HubUnreachable as exc:
            errors.append(exc)

    pusher = threading.Thread(target=push)
    pusher.start()
    deadline = time.monotonic() + 20
    while stage.unsynced_count() > total - 60 and time.monotonic() < deadline:
        time.sleep(0.005)
    hub.kill()
    pusher.join(timeout=20)
    assert errors, "the push should have been cut by the kill"
    acknowledged = total - stage.unsynced_count()
    assert 0 < acknowledged < total

    hub = hub_process(port=hub.port)  # the same file, a new process
    with SyncClient(desks.dir("org"), hub.url, admin) as client:
        report = client.sync_stage(SLUG, stage)
    assert report.unsynced == 0
    status = subprocess.run(
        [sys.executable, "-m", "desktop_app", "hub", "status", "--db", str(hub_db), SLUG, "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    import json

    data = json.loads(status.stdout)
    assert data["events"] == stage.event_count() == total
    assert data["digest"] == stage.digest()
    assert data["registered"] == 600
    stage.close()


def test_desk_killed_between_push_and_acknowledgement(hub, desks):
    admin = hub.token("organizer", admin=True)
    with desks.create_stage("org", SLUG, people=30) as stage:
        total = stage.unsynced_count()
    script = textwrap.dedent(
        f"""
        import os, sys
        from pathlib import Path
        from desktop_app.core.store import Stage
        from desktop_app.sync.client import SyncClient
        Stage.mark_acknowledged = lambda self, acks: os._exit(9)  # power cut right here
        with SyncClient(Path({str(desks.dir("org"))!r}), {hub.url!r}, {admin!r}) as client:
            client.sync_stage({SLUG!r})
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == 9
    assert hub.store.stages()[0]["events"] == total  # the hub got them...
    with desks.open("org", SLUG) as stage:
        assert stage.unsynced_count() == total  # ...but the desk never heard back
        with SyncClient(desks.dir("org"), hub.url, admin) as client:
            report = client.sync_stage(SLUG, stage)
        assert report.pushed == total and report.unsynced == 0
        assert hub.store.stages()[0]["events"] == total  # sent twice, stored once
        assert hub.store.status(SLUG)["digest"] == stage.digest()


def test_hub_restored_from_an_older_copy_gets_the_events_again(hub_db, desks, tmp_path):
    import sqlite3

    from desktop_app.sync.hub import HubThread

    backup = tmp_path / "hub-backup.sqlite"
    with HubThread(hub_db) as hub:
        admin = hub.store.add_desk("organizer", admin=True)
        token = hub.store.add_desk("Desk 1")
        with (
            desks.create_stage("org", SLUG, people=10) as stage,
            SyncClient(desks.dir("org"), hub.url, admin) as client,
        ):
            client.sync_stage(SLUG, stage)
        with SyncClient(desks.dir("d1"), hub.url, token) as client:
            client.sync_stage(SLUG)
        hub.store.flush_contacts()
        with sqlite3.connect(backup) as copy:
            hub.store.conn.backup(copy)  # last night's backup
        with desks.open("d1", SLUG) as stage:
            for person in stage.attendees()[:3]:
                checkin.admit(stage, person)
            with SyncClient(desks.dir("d1"), hub.url, token) as client:
                client.sync_stage(SLUG, stage)
        port = hub.port
    # The hub's disk died; its file comes back from the backup, without the 3 check-ins.
    for suffix in ("", "-wal", "-shm"):
        hub_db.with_name(hub_db.name + suffix).unlink(missing_ok=True)
    backup.rename(hub_db)
    with HubThread(hub_db, port=port) as hub:
        assert hub.store.status(SLUG)["checked_in"] == 0
        with desks.open("d1", SLUG) as stage, SyncClient(desks.dir("d1"), hub.url, token) as client:
            report = client.sync_stage(SLUG, stage)
            assert report.unsynced == 0 and report.pushed >= 3
            digest = stage.digest()
        with SyncClient(desks.dir("org"), hub.url, admin) as client:
            client.sync_stage(SLUG)
        status = hub.store.status(SLUG)
        assert status["checked_in"] == 3 and status["digest"] == digest
        with desks.open("org", SLUG) as stage:
            assert stage.digest() == digest


def _restore(hub, backup, hub_db):
    """Stop the hub, put its file back from `backup`, serve it again on the same port."""
    from desktop_app.sync.hub import HubThread

    port = hub.port
    hub.stop()
    for suffix in ("", "-wal", "-shm"):
        hub_db.with_name(hub_db.name + suffix).unlink(missing_ok=True)
    shutil.copy(backup, hub_db)
    return HubThread(hub_db, port=port).start()


def _backup(store, path):
    store.flush_contacts()
    with sqlite3.connect(path) as copy:
        store.conn.backup(copy)
    copy.close()


def _sync(desks, name, hub, token):
    with SyncClient(desks.dir(name), hub.url, token) as client:
        return client.sync_stage(SLUG)


def test_restored_hub_numbering_new_events_past_a_desks_cursor_still_converges(
    hub_db, desks, tmp_path
):
    """After the restore another desk syncs first, so the hub is past every cursor again."""
    from desktop_app.sync.hub import HubThread

    hub = HubThread(hub_db).start()
    try:
        tokens = {
            "org": hub.store.add_desk("organizer", admin=True),
            "d1": hub.store.add_desk("Desk 1"),
            "d2": hub.store.add_desk("Desk 2"),
        }
        desks.create_stage("org", SLUG, people=10).close()
        for name in ("org", "d1", "d2"):
            _sync(desks, name, hub, tokens[name])
        _backup(hub.store, tmp_path / "backup.sqlite")
        with desks.open("d1", SLUG) as stage:
            for person in stage.attendees()[:3]:
                checkin.admit(stage, person)
        _sync(desks, "d1", hub, tokens["d1"])
        assert _sync(desks, "d2", hub, tokens["d2"]).pulled == 3
        hub = _restore(hub, tmp_path / "backup.sqlite", hub_db)
        with desks.open("d2", SLUG) as stage:
            for person in stage.attendees()[5:10]:
                checkin.admit(stage, person)
        _sync(desks, "d2", hub, tokens["d2"])  # its 5 take the numbers d1's 3 had
        for _ in range(2):
            for name in ("d1", "d2", "org"):
                assert _sync(desks, name, hub, tokens[name]).unsynced == 0
        status = hub.store.status(SLUG)
        assert status["checked_in"] == 8
        for name in ("org", "d1", "d2"):
            with desks.open(name, SLUG) as stage:
                assert stage.digest() == status["digest"], name
                assert stage.event_count() == status["events"]
    finally:
        hub.stop()


def test_restored_hub_that_lost_only_this_desks_newest_events_gets_them_again(
    hub_db, desks, tmp_path
):
    """The restore falls between a push and the pull after it: the cursor still matches."""
    from desktop_app.sync.hub import HubThread

    hub = HubThread(hub_db).start()
    try:
        admin = hub.store.add_desk("organizer", admin=True)
        desks.create_stage("org", SLUG, people=10).close()
        _sync(desks, "org", hub, admin)
        _backup(hub.store, tmp_path / "backup.sqlite")
        with desks.open("org", SLUG) as stage:
            for person in stage.attendees()[:3]:
                checkin.admit(stage, person)
            with SyncClient(desks.dir("org"), hub.url, admin) as client:
                assert client.push(stage, SLUG) == 3  # acknowledged; then the hub's disk dies
        hub = _restore(hub, tmp_path / "backup.sqlite", hub_db)
        report = _sync(desks, "org", hub, admin)
        assert report.unsynced == 0 and report.pushed >= 3
        status = hub.store.status(SLUG)
        assert status["checked_in"] == 3
        with desks.open("org", SLUG) as stage:
            assert stage.digest() == status["digest"]
    finally:
        hub.stop()


def restored_desk(hub, desks, tmp_path):
    """Desk A's stage file comes back from last night's copy and A checks someone in (a
    number the hub already holds); B checks in a third person and syncs. Returns (tokens,
    the third person)."""
    tokens = {"a": hub.token("A", admin=True), "b": hub.token("B")}
    desks.create_stage("a", SLUG, people=6).close()
    for name in ("a", "b"):
        _sync(desks, name, hub, tokens[name])
    path = stage_path(desks.dir("a"), SLUG)
    with desks.open("a", SLUG) as stage, sqlite3.connect(tmp_path / "a.sqlite") as copy:
        stage.conn.backup(copy)
    copy.close()
    with desks.open("a", SLUG) as stage:
        checkin.admit(stage, stage.attendees()[0])
    _sync(desks, "a", hub, tokens["a"])
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    shutil.copy(tmp_path / "a.sqlite", path)  # A's disk failed: last night's copy
    with desks.open("a", SLUG) as stage:
        checkin.admit(stage, stage.attendees()[1])  # takes a number the hub already has
    with desks.open("b", SLUG) as stage:
        third = stage.attendees()[2]
        checkin.admit(stage, third)
    _sync(desks, "b", hub, tokens["b"])
    return tokens, third


def test_a_refused_push_does_not_stop_the_pull(hub, desks, tmp_path):
    """A desk whose stage file came back from a backup still sees the others' check-ins."""
    tokens, third = restored_desk(hub, desks, tmp_path)
    with pytest.raises(HubRefused) as err:
        _sync(desks, "a", hub, tokens["a"])
    assert err.value.code == "event_conflict"  # said, not swallowed...
    assert err.value.report is not None and err.value.report.pulled >= 1
    with desks.open("a", SLUG) as stage:
        assert stage.attendee(third.id).checked_in  # ...and B's check-in arrived all the same


def test_hub_status_after_the_hub_file_comes_back_from_a_backup(hub_db, desks, tmp_path):
    """The projection (hub status, reports) follows the restored events, not its own past."""
    from desktop_app.sync.hubstore import HubStore

    stage = desks.create_stage("org", SLUG, people=6)
    with HubStore(hub_db) as store:
        store.ingest(SLUG, list(stage.events()), publisher="import")
        assert store.status(SLUG)["checked_in"] == 0
        _backup(store, tmp_path / "backup.sqlite")
        for person in stage.attendees()[:3]:
            checkin.admit(stage, person)
        store.ingest(SLUG, stage.unsynced_events(), publisher="import")
        assert store.status(SLUG)["checked_in"] == 3  # the projection is at the newest event
    stage.close()
    for suffix in ("", "-wal", "-shm"):
        hub_db.with_name(hub_db.name + suffix).unlink(missing_ok=True)
    shutil.copy(tmp_path / "backup.sqlite", hub_db)
    with HubStore(hub_db) as store:
        held = store.conn.execute("SELECT COUNT(*) FROM event").fetchone()[0]
        status = store.status(SLUG)
        assert status["checked_in"] == 0 and status["events"] == held
        with desks.open("org", SLUG) as stage:
            store.ingest(SLUG, stage.unsynced_events() or list(stage.events()), publisher="x")
        status = store.status(SLUG)  # the same numbers again, by new hub sequences
        assert status["checked_in"] == 3
        with desks.open("org", SLUG) as stage:
            assert status["digest"] == stage.digest()
