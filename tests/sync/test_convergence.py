"""Offline desks that check in overlapping people and undo some, then sync in any order."""

from __future__ import annotations

import threading
import time

import pytest

from desktop_app.core import checkin
from desktop_app.core.hlc import HybridClock, physical_ms
from desktop_app.sync.client import SyncClient
from desktop_app.sync.finality import finality
from desktop_app.sync.hub import HubThread

SLUG = "bergamo-2026"
TEN_MINUTES_MS = 10 * 60 * 1000


def sync(hub, desks, name, token):
    with SyncClient(desks.dir(name), hub.url, token) as client:
        return client.sync_stage(SLUG)


@pytest.mark.parametrize("order", [("a", "b", "c"), ("c", "a", "b")])
def test_three_offline_desks_converge(hub, desks, publish, order):
    admin = publish(people=60)
    tokens = {name: hub.token(f"Desk {name}") for name in "abc"}
    for name in "abc":  # each desk gets its copy from the hub, then the network goes away
        assert sync(hub, desks, name, tokens[name]).bootstrapped

    plan = {"a": range(0, 30), "b": range(20, 50), "c": range(10, 40)}
    undos = {"a": [0, 1, 25], "b": [45, 25], "c": [10]}  # person 25 is undone at a and at b
    expected: set[str] = set()
    checked_at: dict[str, set[str]] = {}
    for name in "abc":
        with desks.open(name, SLUG) as stage:
            people = stage.attendees(order="surname")
            ids = sorted(p.id for p in people)
            for i in plan[name]:
                assert checkin.admit(stage, stage.attendee(ids[i])).ok
            for i in undos[name]:
                checkin.undo(stage, stage.attendee(ids[i]), "wrong person")
            kept = {ids[i] for i in plan[name]} - {ids[i] for i in undos[name]}
            checked_at[name] = kept
            expected |= kept
            assert stage.unsynced_count() == len(plan[name]) + len(undos[name])

    for name in order:
        sync(hub, desks, name, tokens[name])
    for name in order:  # a second pass: the first desks now see the later ones
        report = sync(hub, desks, name, tokens[name])
        assert report.unsynced == 0

    status = hub.store.status(SLUG)
    digests = {status["digest"]}
    for name in "abc":
        with desks.open(name, SLUG) as stage:
            digests.add(stage.digest())
            assert stage.counts()["checked_in"] == len(expected)
            assert stage.unsynced_count() == 0
            # The desk kept the hub's view of every desk: reports can say numbers are final.
            assert finality(stage).state == "final", finality(stage).reasons
    assert sync(hub, desks, "org", admin).pulled > 0
    with desks.open("org", SLUG) as stage:
        digests.add(stage.digest())
    assert len(digests) == 1
    assert status["checked_in"] == len(expected)
    assert status["registered"] == 60
    total = 60 + 3 + 1 + sum(len(plan[n]) + len(undos[n]) for n in "abc")
    assert status["events"] == total  # nothing lost, nothing doubled
    # People checked in at two desks (and not undone at both) are reported, both kept.
    doubles = {p for p in expected if sum(p in checked_at[n] for n in "abc") > 1}
    assert {d["attendee_id"] for d in status["duplicates"]} == doubles
    assert all(len(d["checkins"]) >= 2 for d in status["duplicates"])
    assert all(d["final"] for d in status["desks"] if d["token"].startswith("Desk"))


def test_watch_shows_a_checkin_at_the_other_desk_within_seconds(hub, desks, publish):
    publish(people=10)
    token_a, token_b = hub.token("Desk A"), hub.token("Desk B")
    sync(hub, desks, "a", token_a)
    sync(hub, desks, "b", token_b)
    stop = threading.Event()
    seen: list[float] = []

    def watch_b():
        with SyncClient(desks.dir("b"), hub.url, token_b) as client:

            def on_report(report, error):
                if report is not None and report.pulled:
                    seen.append(time.monotonic())
                    stop.set()

            client.watch(
                SLUG, interval_s=0.2, duration_s=10, on_report=on_report, should_stop=stop.is_set
            )

    watcher = threading.Thread(target=watch_b)
    watcher.start()
    time.sleep(0.3)
    with desks.open("a", SLUG) as stage:
        person = stage.attendees()[3]
        checkin.admit(stage, person)
        started = time.monotonic()
        with SyncClient(desks.dir("a"), hub.url, token_a) as client:
            client.sync_stage(SLUG, stage)
    watcher.join(timeout=15)
    stop.set()
    assert seen and seen[0] - started <= 3.0
    with desks.open("b", SLUG) as stage:
        assert stage.attendee(person.id).checked_in


def test_clocks_ten_minutes_apart(hub, desks, publish):
    publish(people=10)
    token_a, token_b = hub.token("Desk A"), hub.token("Desk B")
    sync(hub, desks, "a", token_a)
    sync(hub, desks, "b", token_b)
    with desks.open("a", SLUG) as fast, desks.open("b", SLUG) as slow:
        fast.clock = HybridClock(
            wall_ms=lambda: int(time.time() * 1000) + TEN_MINUTES_MS, last=fast.clock._last
        )
        person = sorted(fast.attendees(), key=lambda p: p.id)[0]
        a_event = checkin.admit(fast, fast.attendee(person.id)).events[0]
        b_event = checkin.admit(slow, slow.attendee(person.id)).events[0]
        with SyncClient(desks.dir("a"), hub.url, token_a) as client:
            report_a = client.sync_stage(SLUG, fast)
        with SyncClient(desks.dir("b"), hub.url, token_b) as client:
            report_b = client.sync_stage(SLUG, slow)
            # b has now seen a's future timestamps: its next event sorts after them.
            other = sorted(slow.attendees(), key=lambda p: p.id)[1]
            later = checkin.admit(slow, slow.attendee(other.id)).events[0]
            assert later.hlc > a_event.hlc
            client.sync_stage(SLUG, slow)
        with SyncClient(desks.dir("a"), hub.url, token_a) as client:
            client.sync_stage(SLUG, fast)
        assert report_a.clock_warning and abs(report_a.clock_offset_ms - TEN_MINUTES_MS) < 5000
        assert not report_b.clock_warning and abs(report_b.clock_offset_ms) < 5000
        assert fast.digest() == slow.digest() == hub.store.status(SLUG)["digest"]
        # Both check-ins are kept; the first arrival is decided the same way everywhere.
        assert (
            fast.attendee(person.id).checkin_event_id == slow.attendee(person.id).checkin_event_id
        )
        assert physical_ms(a_event.hlc) - physical_ms(b_event.hlc) > TEN_MINUTES_MS - 5000
    desks_status = {d["token"]: d for d in hub.store.status(SLUG)["desks"]}
    assert abs(desks_status["Desk A"]["clock_offset_ms"] - TEN_MINUTES_MS) < 5000
    assert abs(desks_status["Desk B"]["clock_offset_ms"]) < 5000


def test_a_stage_moved_to_another_hub_sends_its_events_again(hub, desks, publish, tmp_path):
    publish(people=10)
    with desks.open("org", SLUG) as stage:
        assert stage.unsynced_count() == 0
        checkin.admit(stage, stage.attendees()[0])
        with HubThread(tmp_path / "central.sqlite") as central:
            admin = central.store.add_desk("organizer", admin=True)
            with SyncClient(desks.dir("org"), central.url, admin) as client:
                report = client.sync_stage(SLUG, stage)
            assert report.pushed == stage.event_count() and report.unsynced == 0
            assert central.store.status(SLUG)["digest"] == stage.digest()
