"""Issue 13: no pushed event, desk clock or slow client can break sync for the other desks.

Every test runs a real hub on a real socket; desks are separate data dirs.
"""

from __future__ import annotations

import json
import socket
import sqlite3
import time

import httpx
import pytest

from desktop_app.core import checkin, sessions
from desktop_app.core.hlc import HybridClock, pack
from desktop_app.core.ids import new_attendee_code, uuid7
from desktop_app.core.model import Event
from desktop_app.core.store import ClockAhead
from desktop_app.sync import hub as hub_module
from desktop_app.sync.client import SyncClient
from desktop_app.sync.hubstore import HubStore
from desktop_app.sync.protocol import HEADER_CLOCK, HEADER_DESK, event_to_wire

SLUG = "bergamo-2026"
DAY_MS = 24 * 3600 * 1000


def now_ms() -> int:
    return int(time.time() * 1000)


def joined(hub, desks, name: str):
    """A desk with its own token that has bootstrapped the stage; returns (token, stage)."""
    token = hub.token(f"Desk {name}")
    with SyncClient(desks.dir(name), hub.url, token) as client:
        client.sync_stage(SLUG)
    return token, desks.open(name, SLUG)


def raw_event(stage, kind: str, attendee_id, payload: dict, *, seq: int, hlc=None) -> dict:
    return event_to_wire(
        Event(
            id=uuid7(),
            stage_id=stage.info.id,
            desk_id=stage.desk.id,
            desk_seq=seq,
            hlc=hlc or pack(now_ms()),
            kind=kind,
            attendee_id=attendee_id,
            payload=payload,
            recorded_at="2026-03-12T09:00:00.000+00:00",
        )
    )


def push(hub, token, desk_id, events, headers=None):
    return httpx.post(
        f"{hub.url}/v1/stages/{SLUG}/events",
        json={"events": events},
        headers={"Authorization": f"Bearer {token}", HEADER_DESK: desk_id, **(headers or {})},
        timeout=10,
    )


def hub_events(hub) -> int:
    return hub.store.stages()[0]["events"]


# --- 1. the hub refuses what no desk can apply, before storing it ---------------------------


def test_hub_refuses_events_no_desk_could_apply_and_every_desk_keeps_syncing(published, desks):
    hub, admin = published
    token, stage = joined(hub, desks, "x")
    someone = stage.attendees()[0]
    before = hub_events(hub)
    attacks = {
        "invalid_event": raw_event(
            stage,
            "session_defined",
            None,
            {"session_id": "s1", "fields": {"name": "Plenaria", "capacity": 10**30}},
            seq=1,
        ),
        "code_taken": raw_event(
            stage, "attendee_upserted", uuid7(), {"code": someone.code, "fields": {}}, seq=1
        ),
        "unknown_attendee": raw_event(stage, "checkin", uuid7(), {"method": "code"}, seq=1),
    }
    for code, event in attacks.items():
        response = push(hub, token, stage.desk.id, [event])
        assert response.status_code == 422, response.text
        assert response.json()["error"]["code"] == code
        assert response.json()["error"]["event_id"] == event["id"]
    assert hub_events(hub) == before  # nothing was stored
    stage.close()

    # Every desk still syncs, a new desk still bootstraps, the status API answers.
    _, fresh = joined(hub, desks, "y")
    assert fresh.counts()["registered"] == 5
    fresh.close()
    status = httpx.get(
        f"{hub.url}/v1/stages/{SLUG}/status",
        headers={"Authorization": f"Bearer {admin}", HEADER_DESK: "org-laptop"},
        timeout=10,
    )
    assert status.status_code == 200, status.text


def test_a_desk_sets_aside_an_unappliable_event_from_the_hub_and_syncs_the_rest(
    published, desks, hub_db
):
    """A hub file from before these checks may hold a bad event: desks quarantine it."""
    hub, admin = published
    token, stage = joined(hub, desks, "x")
    victim = stage.attendees()[0]
    # Written straight into the hub file, as an older hub would have stored it.
    bad = [
        Event(
            uuid7(),
            stage.info.id,
            "old-desk",
            1,
            pack(now_ms()),
            "attendee_upserted",
            uuid7(),
            {"code": victim.code, "fields": {"last_name": "Intruso"}},
            "x",
        ),
    ]
    nobody = uuid7()  # check-ins of a person nobody created: `duplicates` must cope
    bad += [
        Event(uuid7(), stage.info.id, "old-desk", n, pack(now_ms()), "checkin", nobody, {}, "x")
        for n in (2, 3)
    ]
    with sqlite3.connect(hub_db) as conn:
        for e in bad:
            conn.execute(
                "INSERT INTO event (id, stage_id, desk_id, desk_seq, hlc, kind, attendee_id, "
                "payload, recorded_at, received_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    e.id,
                    e.stage_id,
                    e.desk_id,
                    e.desk_seq,
                    e.hlc,
                    e.kind,
                    e.attendee_id,
                    json.dumps(e.payload),
                    e.recorded_at,
                    "x",
                ),
            )
    other = stage.attendees()[1]
    with SyncClient(desks.dir("org"), hub.url, admin) as client, desks.open("org", SLUG) as org:
        checkin.admit(org, org.attendee(other.id))
        client.sync_stage(SLUG, org)
    with SyncClient(desks.dir("x"), hub.url, token) as client:
        report = client.sync_stage(SLUG, stage)
        again = client.sync_stage(SLUG, stage)
    # The code clash is set aside (said, and not fatal); a check-in of someone not known
    # yet is kept, as usual, for when their registration arrives.
    assert report.quarantined == 1 and again.quarantined == 1
    assert stage.attendee(other.id).checked_in  # the good event behind them arrived
    assert stage.attendee(victim.id).last_name == victim.last_name
    assert {q["reason"] for q in stage.quarantined("pulled")}
    stage.close()

    _, fresh = joined(hub, desks, "y")  # a new desk bootstraps past them
    assert fresh.attendee(other.id).checked_in
    fresh.close()
    status = hub.store.status(SLUG)
    assert status["quarantined"] == 1 and status["checked_in"] == 1
    assert status["duplicates"] == []


def test_session_capacity_past_any_room_is_a_clear_error(desks, tmp_path):
    with desks.create_stage("org", SLUG) as stage:
        for capacity in ("1e30", "inf", "99999999999"):
            with pytest.raises(sessions.InvalidInput, match="Capacity"):
                sessions.define_session(stage, "Plenaria", capacity=capacity)
        csv = tmp_path / "sessions.csv"
        csv.write_text("name,capacity\nPlenaria,1e30\n", encoding="utf-8")
        with pytest.raises(sessions.ImportFailed, match="row 2: Capacity"):
            sessions.import_sessions_csv(stage, csv)
        assert stage.sessions() == []


# --- 2. a desk clock over a day ahead ---------------------------------------------------------


def test_one_event_from_a_clock_far_ahead_never_holds_back_the_others(published, desks):
    hub, _ = published
    token, stage = joined(hub, desks, "x")
    people = stage.attendees()
    real = stage.clock
    stage.clock = HybridClock(wall_ms=lambda: now_ms() + 2 * DAY_MS)
    checkin.admit(stage, people[0])  # offline, before the hub could measure the clock
    stage.clock = HybridClock(wall_ms=real.wall_ms, last=0)  # clock fixed
    checkin.admit(stage, people[1])
    with SyncClient(desks.dir("x"), hub.url, token) as client:
        report = client.sync_stage(SLUG, stage)
    assert report.refused == 1 and "clock" in report.refused_reason
    assert report.unsynced == 1  # only the refused one waits
    assert hub.store.status(SLUG)["checked_in"] == 1  # the correct check-in is on the hub
    # No warning about the (fixed) clock any more.
    assert not report.clock_warning
    stage.close()


def test_a_desk_whose_clock_the_hub_measured_far_ahead_refuses_to_record(published, desks):
    hub, _ = published
    token, stage = joined(hub, desks, "x")
    ahead = lambda: now_ms() + 2 * DAY_MS  # noqa: E731
    stage.clock = HybridClock(wall_ms=ahead, last=stage.clock._last)
    with SyncClient(desks.dir("x"), hub.url, token) as client:
        client.sync_stage(SLUG, stage)  # the hub measures the clock
    person = stage.attendees()[0]
    with pytest.raises(ClockAhead, match="ahead of the hub"):
        checkin.admit(stage, person)
    assert stage.unsynced_count() == 0 and not stage.attendee(person.id).checked_in
    stage.clock = HybridClock(last=stage.clock._last)  # the clock is set right
    assert checkin.admit(stage, person).ok
    with SyncClient(desks.dir("x"), hub.url, token) as client:
        report = client.sync_stage(SLUG, stage)
    assert report.unsynced == 0 and report.refused == 0 and not report.clock_warning
    stage.close()


# --- 3. an edit made after seeing another wins ------------------------------------------------


def test_an_edit_made_after_seeing_another_wins_whatever_the_clocks(published, desks):
    hub, _ = published
    token_c, c = joined(hub, desks, "c")
    token_e, e = joined(hub, desks, "e")
    person = c.attendees()[0]
    # C is almost a day ahead (the hub still takes its events), E an hour behind.
    c.clock = HybridClock(wall_ms=lambda: now_ms() + DAY_MS - 300_000, last=c.clock._last)
    e.clock = HybridClock(wall_ms=lambda: now_ms() - 3_600_000, last=0)
    checkin.edit(c, c.attendee(person.id), {"company": "Acme Srl"})
    with SyncClient(desks.dir("c"), hub.url, token_c) as client:
        client.sync_stage(SLUG, c)
    with SyncClient(desks.dir("e"), hub.url, token_e) as client:
        client.sync_stage(SLUG, e)
        assert e.attendee(person.id).company == "Acme Srl"
        checkin.edit(e, e.attendee(person.id), {"company": "Acme S.r.l."})  # the correction
        client.sync_stage(SLUG, e)
    e.close()
    e = desks.open("e", SLUG)  # reopened: the clock still starts past what it saw
    assert e.attendee(person.id).company == "Acme S.r.l."
    e.close()
    with SyncClient(desks.dir("c"), hub.url, token_c) as client:
        client.sync_stage(SLUG, c)
    assert c.attendee(person.id).company == "Acme S.r.l."
    assert c.digest() == hub.store.status(SLUG)["digest"]
    c.close()


# --- 7. hub answers: no 500s, bounded waits, honest schema ------------------------------------


def test_deep_json_and_a_huge_clock_header_are_400_and_store_nothing(published, desks):
    hub, _ = published
    token, stage = joined(hub, desks, "x")
    deep = b'{"events": ' + b"[" * 1000 + b"]" * 1000 + b"}"
    response = httpx.post(
        f"{hub.url}/v1/stages/{SLUG}/events",
        content=deep,
        headers={"Authorization": f"Bearer {token}", HEADER_DESK: stage.desk.id},
        timeout=10,
    )
    assert response.status_code == 400, response.text
    before = hub_events(hub)
    person = stage.attendees()[0]
    event = raw_event(stage, "checkin", person.id, {"method": "code"}, seq=1)
    response = push(hub, token, stage.desk.id, [event], {HEADER_CLOCK: str(10**19)})
    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] == "invalid_header"
    assert hub_events(hub) == before
    stage.close()


def test_wrong_method_says_which_are_allowed_and_schema_matches_hlc_rule(published):
    hub, _ = published
    response = httpx.delete(f"{hub.url}/v1/stages/{SLUG}/events", timeout=10)
    assert response.status_code == 405
    assert {m.strip() for m in response.headers["allow"].split(",")} >= {"GET", "POST"}
    schema = httpx.get(f"{hub.url}/v1/openapi.json", timeout=10).json()
    minimum = None
    for item in _walk(schema):
        if isinstance(item, dict) and "hlc" in item and isinstance(item["hlc"], dict):
            minimum = item["hlc"].get("minimum")
    assert minimum is not None and minimum >= 1
    # The hub refuses what is under that minimum, and takes it at the minimum's time or later.
    assert minimum == pack(int(hub_module.protocol.EARLIEST_EVENT_MS))


def _walk(value):
    yield value
    if isinstance(value, dict):
        for v in value.values():
            yield from _walk(v)
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v)


def test_a_slow_client_is_cut_off(monkeypatch, hub_db):
    monkeypatch.setattr(hub_module, "HEAD_TIMEOUT_S", 0.5)
    with hub_module.HubThread(hub_db) as server:
        sockets = []
        for _ in range(20):
            s = socket.create_connection((server.host, server.port), timeout=5)
            s.sendall(b"GET /v1/health HTTP/1.1\r\nHost: x\r\n")  # and never the end
            sockets.append(s)
        time.sleep(1.2)
        for s in sockets:
            s.settimeout(3)
            assert s.recv(100) == b""  # the hub closed it
            s.close()
        assert httpx.get(server.url + "/v1/health", timeout=5).status_code == 200


def test_a_junk_desk_contact_does_not_keep_final_false_for_ever(published, desks, monkeypatch):
    hub, admin = published
    junk = hub.token("Junk")
    response = httpx.get(
        f"{hub.url}/v1/stages/{SLUG}/events",
        headers={
            "Authorization": f"Bearer {junk}",
            HEADER_DESK: "junk-desk",
            "X-Roadshow-Unsynced": "999",
        },
        timeout=10,
    )
    assert response.status_code == 200
    with SyncClient(desks.dir("org"), hub.url, admin) as client, desks.open("org", SLUG) as org:
        client.sync_stage(SLUG, org)
    assert not hub.store.status(SLUG)["final"]  # a desk just said it has events to send
    from desktop_app.sync import hubstore

    monkeypatch.setattr(hubstore, "CONTACT_STALE_S", 0.0)  # ... long ago, and never since
    assert hub.store.status(SLUG)["final"]


def test_hub_file_reopens_with_people_indexed(published, hub_db):
    hub, _ = published
    with HubStore(hub_db) as store:
        n = store.conn.execute("SELECT COUNT(*) FROM person").fetchone()[0]
    assert n == 5
    assert new_attendee_code()  # codes still come from the same place
