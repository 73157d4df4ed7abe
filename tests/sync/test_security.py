"""Who may do what on the hub; bad requests are refused with the right status and a clear body."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time

import httpx
import pytest

from desktop_app.core import checkin, privacy
from desktop_app.core.desk import load_desk
from desktop_app.core.hlc import pack
from desktop_app.sync.client import HubClient, HubRefused, SyncClient
from desktop_app.sync.hubstore import HubError, HubStore
from desktop_app.sync.protocol import HEADER_DESK, MAX_BODY_BYTES, event_to_wire

SLUG = "bergamo-2026"


@pytest.fixture
def published(hub, publish):
    """An organizer published a stage with 20 people; returns (hub, organizer token)."""
    return hub, publish(people=20)


def call(hub, method, path, *, token=None, desk="desk-x", **kw):
    headers = kw.pop("headers", {})
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if desk:
        headers[HEADER_DESK] = desk
    return httpx.request(method, hub.url + path, headers=headers, timeout=10, **kw)


def assert_error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["code"] == code
    assert body["error"]["message"]


def assert_still_serving(hub, token):
    assert call(hub, "GET", "/v1/health").status_code == 200
    assert call(hub, "GET", "/v1/stages", token=token).status_code == 200


def test_missing_wrong_and_revoked_tokens_are_refused(published):
    hub, admin = published
    path = f"/v1/stages/{SLUG}/events"
    assert_error(call(hub, "GET", path), 401, "unauthorized")
    assert_error(call(hub, "GET", path, token="rdk_0000_nope"), 401, "unauthorized")
    assert_error(call(hub, "GET", path, token=admin[:-2] + "xx"), 401, "unauthorized")
    assert_error(
        call(hub, "GET", path, headers={"Authorization": "Basic abc"}), 401, "unauthorized"
    )
    assert_error(call(hub, "POST", path, json={"events": []}), 401, "unauthorized")
    token = hub.token("desk 2")
    assert call(hub, "GET", path, token=token, desk="desk-2").status_code == 200
    hub.store.revoke_desk("desk 2")
    assert_error(call(hub, "GET", path, token=token, desk="desk-2"), 401, "token_revoked")
    assert_still_serving(hub, admin)


def test_tokens_are_stored_hashed(published, hub_db):
    hub, admin = published
    secret = admin.split("_", 2)[2]
    for path in hub_db.parent.glob("hub.sqlite*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes()


def test_a_token_belongs_to_the_first_desk_that_uses_it_until_reset(published, desks):
    hub, admin = published
    token = hub.token("Desk 2")
    with SyncClient(desks.dir("a"), hub.url, token) as client:
        client.sync_stage(SLUG)
    with SyncClient(desks.dir("b"), hub.url, token) as client, pytest.raises(HubRefused) as err:
        client.sync_stage(SLUG)
    assert err.value.status == 403 and err.value.code == "token_bound_elsewhere"
    hub.store.reset_desk("Desk 2")  # the laptop "a" was replaced by "b"
    with SyncClient(desks.dir("b"), hub.url, token) as client:
        assert client.sync_stage(SLUG).bootstrapped
    assert [d["desk_id"] for d in hub.store.list_desks() if d["name"] == "Desk 2"] == [
        load_desk(desks.dir("b")).id
    ]


def test_a_desk_cannot_push_another_desks_events(published, desks):
    hub, admin = published
    org_events = list(desks.open("org", SLUG).events())
    token = hub.token("Desk 2")
    # Desk 2 has a copy of the stage and records a check-in of its own...
    with SyncClient(desks.dir("d2"), hub.url, token) as client:
        client.sync_stage(SLUG)
    stage = desks.open("d2", SLUG)
    event = checkin.admit(stage, stage.attendees()[0]).events[0]
    forged = event_to_wire(event)
    forged["desk_id"] = org_events[-1].desk_id
    forged["desk_seq"] = 999
    before = hub.store.stages()[0]["events"]
    response = call(
        hub,
        "POST",
        f"/v1/stages/{SLUG}/events",
        token=token,
        desk=stage.desk.id,
        json={"events": [forged]},
    )
    assert_error(response, 403, "foreign_event")
    assert hub.store.stages()[0]["events"] == before
    stage.close()


def test_stage_permissions(published, desks):
    hub, admin = published
    limited = hub.token("Brescia desk", stages=["brescia-2026"])
    with SyncClient(desks.dir("b"), hub.url, limited) as client, pytest.raises(HubRefused) as err:
        client.sync_stage(SLUG)
    assert err.value.status == 403 and err.value.code == "stage_not_allowed"
    # An ordinary desk may not publish a new stage; the organizer may.
    plain = hub.token("Desk 3")
    with (
        desks.create_stage("d3", "brescia-2026", people=2) as stage,
        SyncClient(desks.dir("d3"), hub.url, plain) as client,
        pytest.raises(HubRefused) as err,
    ):
        client.sync_stage("brescia-2026", stage)
    assert err.value.status == 403 and err.value.code == "not_allowed"
    assert [s["slug"] for s in hub.store.stages()] == [SLUG]
    # Status is for organizers.
    assert_error(call(hub, "GET", f"/v1/stages/{SLUG}/status", token=plain), 403, "not_allowed")
    assert call(hub, "GET", f"/v1/stages/{SLUG}/status", token=admin).json()["registered"] == 20


def test_bad_bodies_and_parameters(published):
    hub, admin = published
    path = f"/v1/stages/{SLUG}/events"
    desk_id = [d["desk_id"] for d in hub.store.list_desks() if d["name"] == "organizer"][0]

    def post(**kw):
        return call(hub, "POST", path, token=admin, desk=desk_id, **kw)

    huge = b'{"events": [' + b" " * (MAX_BODY_BYTES + 10) + b"]}"
    assert_error(post(content=huge), 413, "body_too_large")
    assert_error(post(content=b"{not json"), 400, "malformed_json")
    assert_error(post(content=b"\xff\xfe"), 400, "malformed_json")
    assert_error(post(json=[1, 2]), 422, "invalid_body")
    assert_error(post(json={"events": []}), 422, "invalid_body")
    assert_error(post(json={"events": [{"id": "x"}]}), 422, "invalid_event")
    bad = {
        "id": "e1",
        "stage_id": "s",
        "desk_id": desk_id,
        "desk_seq": "one",
        "hlc": pack(int(time.time() * 1000)),
        "kind": "checkin",
        "payload": {},
        "recorded_at": "now",
    }
    response = post(json={"events": [bad]})
    assert_error(response, 422, "invalid_event")
    assert "desk_seq" in response.json()["error"]["message"]
    assert_error(
        post(json={"events": [{**bad, "desk_seq": 1, "kind": "hack"}]}), 422, "invalid_event"
    )
    assert_error(
        post(json={"events": [{**bad, "desk_seq": 1}]}), 422, "invalid_event"
    )  # no attendee
    assert_error(
        post(json={"events": [{**bad, "desk_seq": 1, "attendee_id": "a1"}]}), 422, "wrong_stage"
    )
    assert_error(
        call(hub, "GET", path + "?after=-1", token=admin, desk=desk_id), 422, "invalid_parameter"
    )
    assert_error(
        call(hub, "GET", path + "?limit=abc", token=admin, desk=desk_id), 422, "invalid_parameter"
    )
    assert_error(call(hub, "GET", path, token=admin, desk=None), 400, "desk_id_missing")
    assert_error(call(hub, "GET", "/v1/nothing-here"), 404, "not_found")
    assert_error(call(hub, "DELETE", path, token=admin), 405, "method_not_allowed")
    assert_error(
        call(hub, "GET", "/v1/stages/unknown/events", token=admin, desk=desk_id),
        404,
        "stage_not_on_hub",
    )
    assert_still_serving(hub, admin)


def test_events_that_would_break_desks_are_refused(published, desks):
    hub, admin = published
    token = hub.token("Desk 2")
    with SyncClient(desks.dir("d2"), hub.url, token) as client:
        client.sync_stage(SLUG)
    stage = desks.open("d2", SLUG)
    person = stage.attendees()[0]
    good = event_to_wire(checkin.admit(stage, person).events[0])
    path = f"/v1/stages/{SLUG}/events"
    broken = [
        {**good, "kind": "undo", "payload": {"cancels": 5}},
        {**good, "kind": "undo", "payload": {"cancels": [{"x": 1}]}},
        {**good, "kind": "attendee_upserted", "payload": {"fields": {"last_name": 7}}},
        {**good, "kind": "attendee_upserted", "payload": {"fields": {"external_codes": "AB"}}},
        {
            **good,
            "kind": "session_defined",
            "payload": {"session_id": "s", "fields": {"capacity": "9"}},
        },
        {**good, "kind": "checkin", "attendee_id": None},
        {**good, "kind": "stage_created", "payload": {"slug": "x"}},
    ]
    for event in broken:
        response = call(
            hub, "POST", path, token=token, desk=stage.desk.id, json={"events": [event]}
        )
        assert_error(response, 422, "invalid_event")
    # The good event still goes through, and every desk can still apply everything.
    response = call(hub, "POST", path, token=token, desk=stage.desk.id, json={"events": [good]})
    assert response.status_code == 200
    with SyncClient(desks.dir("org"), hub.url, admin) as client:
        assert client.sync_stage(SLUG).pulled == 1
    assert hub.store.status(SLUG)["checked_in"] == 1
    stage.close()


def test_a_stage_is_created_once(published, desks):
    hub, admin = published
    org = desks.open("org", SLUG)
    created = next(e for e in org.events() if e.kind == "stage_created")
    path = f"/v1/stages/{SLUG}/events"
    again = call(
        hub, "POST", path, token=admin, desk=org.desk.id, json={"events": [event_to_wire(created)]}
    )
    assert again.status_code == 200  # the same event again: nothing changes
    forged = {
        **event_to_wire(created),
        "id": "forged-1",
        "desk_seq": 9999,
        "payload": {**created.payload, "title": "Another title"},
    }
    response = call(hub, "POST", path, token=admin, desk=org.desk.id, json={"events": [forged]})
    assert_error(response, 409, "stage_created_twice")
    assert hub.store.status(SLUG)["title"] == "Tappa di Bergamo"
    org.close()


def test_openapi_schema_is_served(hub):
    schema = httpx.get(hub.url + "/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert "/v1/stages/{slug}/events" in schema["paths"]
    json.dumps(schema)  # plain JSON


def test_big_events_go_in_smaller_pushes(hub, desks):
    admin = hub.token("organizer", admin=True)
    with desks.create_stage("org", SLUG) as stage:
        stage.record_many(
            [
                (
                    "attendee_upserted",
                    *stage.new_attendee_payload({"last_name": f"N{i}", "notes": "x" * 50_000}),
                )
                for i in range(100)
            ]
        )
        with SyncClient(desks.dir("org"), hub.url, admin) as client:
            report = client.sync_stage(SLUG, stage)
        assert report.unsynced == 0 and report.pushed == 101  # 5 MB in all: several pushes
        assert hub.store.status(SLUG)["digest"] == stage.digest()


def test_a_desk_id_belongs_to_one_token_only(published, desks):
    """A token used under another desk's id (public: every event carries it) is refused."""
    hub, admin = published
    token_a, token_x = hub.token("Desk A"), hub.token("Desk X")
    with SyncClient(desks.dir("a"), hub.url, token_a) as client:
        client.sync_stage(SLUG)
    a = desks.open("a", SLUG)
    event = checkin.admit(a, a.attendees()[0]).events[0]  # recorded, not pushed yet
    forged = {**event_to_wire(event), "id": "forged-1", "kind": "undo", "payload": {"cancels": []}}
    response = call(
        hub,
        "POST",
        f"/v1/stages/{SLUG}/events",
        token=token_x,
        desk=a.desk.id,
        json={"events": [forged]},
    )
    assert_error(response, 403, "desk_bound_elsewhere")
    message = response.json()["error"]["message"]
    assert "Desk A" in message and "desk.json" in message and "reset-desk" in message
    # Desk A's own check-in still goes through; token X is still free for its own laptop.
    with SyncClient(desks.dir("a"), hub.url, token_a) as client:
        assert client.sync_stage(SLUG, a).pushed == 1
    assert [d["desk_id"] for d in hub.store.list_desks() if d["name"] == "Desk X"] == [None]
    a.close()


def test_a_copied_data_folder_is_told_to_get_its_own_identity(published, desks):
    hub, admin = published
    token_1, token_2 = hub.token("Desk 1"), hub.token("Desk 2")
    with SyncClient(desks.dir("d1"), hub.url, token_1) as client:
        client.sync_stage(SLUG)
    shutil.copytree(desks.dir("d1"), desks.root / "d2")  # the organizer copied the folder
    with SyncClient(desks.dir("d2"), hub.url, token_2) as client, pytest.raises(HubRefused) as err:
        client.sync_stage(SLUG)
    assert err.value.status == 403 and err.value.code == "desk_bound_elsewhere"
    assert "copied" in err.value.message
    bound = {d["name"]: d["desk_id"] for d in hub.store.list_desks()}
    assert bound["Desk 1"] == load_desk(desks.dir("d1")).id and bound["Desk 2"] is None
    # Following the advice: the copy gets an identity of its own, and syncs.
    (desks.dir("d2") / "desk.json").unlink()
    with SyncClient(desks.dir("d2"), hub.url, token_2) as client:
        client.sync_stage(SLUG)
    assert hub.store.status(SLUG)["registered"] == 20


def test_an_older_hub_file_gets_the_one_token_per_desk_rule(hub_db):
    with HubStore(hub_db) as store:
        for name in ("first", "second", "third"):
            store.add_desk(name)
        # as a hub file made before the rule (and before the hub recorded its migrations)
        store.conn.execute("DROP INDEX desk_bound_id")
        store.conn.execute("DROP TABLE hub_migration")
        store.conn.execute("PRAGMA user_version = 0")
        for name, bound_at in (("second", "2026-03-12T09:00"), ("first", "2026-03-12T10:00")):
            store.conn.execute(
                "UPDATE desk SET desk_id = 'same-desk', bound_at = ? WHERE name = ?",
                (bound_at, name),
            )
        store.conn.execute("UPDATE desk SET desk_id = 'other' WHERE name = 'third'")
    with HubStore(hub_db) as store:
        bound = {d["name"]: d["desk_id"] for d in store.list_desks()}
        assert bound == {"first": None, "second": "same-desk", "third": "other"}
        with pytest.raises(HubError) as err:
            store.bind(store.list_desks()[0], "same-desk")
        assert err.value.code == "desk_bound_elsewhere"
        with pytest.raises(sqlite3.IntegrityError):
            store.conn.execute("UPDATE desk SET desk_id = 'other' WHERE name = 'first'")


def test_events_with_an_unbelievable_clock_are_refused(published, desks):
    """One event dated 2**63-1 would drag every desk's clock to the end of time."""
    hub, admin = published
    token = hub.token("Desk 2")
    with SyncClient(desks.dir("d2"), hub.url, token) as client:
        client.sync_stage(SLUG)
    stage = desks.open("d2", SLUG)
    good = event_to_wire(checkin.admit(stage, stage.attendees()[0]).events[0])
    day_ms = 24 * 3600 * 1000
    path = f"/v1/stages/{SLUG}/events"
    for hlc in (
        2**63 - 1,
        1,
        pack(1_500_000_000_000),  # 2017
        pack(int(time.time() * 1000) + 2 * day_ms),
    ):
        response = call(
            hub,
            "POST",
            path,
            token=token,
            desk=stage.desk.id,
            json={"events": [{**good, "hlc": hlc}]},
        )
        assert_error(response, 422, "clock_implausible")
        assert "date and time" in response.json()["error"]["message"]
    assert_error(
        call(
            hub,
            "POST",
            path,
            token=token,
            desk=stage.desk.id,
            json={"events": [{**good, "hlc": 2**64}]},
        ),
        422,
        "invalid_event",
    )
    late = {**good, "hlc": pack(int(time.time() * 1000) + day_ms // 2)}  # half a day: believed
    response = call(hub, "POST", path, token=token, desk=stage.desk.id, json={"events": [late]})
    assert response.status_code == 200, response.text
    stage.close()


def test_any_desk_token_reads_which_desks_were_heard_without_binding(published, desks):
    """A manager's laptop asks with a desk's token (README): read-only, binds nothing."""
    hub, admin = published
    token_1, token_2 = hub.token("Desk 1"), hub.token("Desk 2")
    with SyncClient(desks.dir("d1"), hub.url, token_1) as client:
        client.sync_stage(SLUG)
    manager = load_desk(desks.dir("manager")).id
    for token in (token_1, admin, token_2):  # bound elsewhere, bound elsewhere, not yet used
        client = HubClient(hub.url, token, manager)
        try:
            seen = client.desks(SLUG)
        finally:
            client.close()
        assert {d["desk_id"] for d in seen} >= {load_desk(desks.dir("d1")).id}
    bound = {d["name"]: d["desk_id"] for d in hub.store.list_desks()}
    assert bound["Desk 2"] is None and bound["Desk 1"] == load_desk(desks.dir("d1")).id
    with SyncClient(desks.dir("d2"), hub.url, token_2) as client:  # Desk 2 still binds its own
        assert client.sync_stage(SLUG).bootstrapped
    path = f"/v1/stages/{SLUG}/desks"
    assert call(hub, "GET", path, token=token_1, desk=None).status_code == 200
    assert_error(call(hub, "GET", path, desk=None), 401, "unauthorized")
    other = hub.token("Brescia desk", stages=["brescia-2026"])
    assert_error(call(hub, "GET", path, token=other, desk=None), 403, "stage_not_allowed")
    hub.store.revoke_desk("Desk 1")
    assert_error(call(hub, "GET", path, token=token_1, desk=None), 401, "token_revoked")


def test_an_edit_that_arrives_after_the_erasure_is_stored_blank(published, desks):
    """Desk 2 corrected an e-mail offline, before it heard the person was erased."""
    hub, admin = published
    token = hub.token("Desk 2")
    with SyncClient(desks.dir("d2"), hub.url, token) as client:
        client.sync_stage(SLUG)
    with desks.open("d2", SLUG) as stage:
        person = stage.attendees()[0]
        checkin.edit(stage, person, {"email": "late@private.example", "phone": "+39 333 0000000"})
    with desks.open("org", SLUG) as stage:
        privacy.erase_attendee(stage, stage.attendee(person.id))
        with SyncClient(desks.dir("org"), hub.url, admin) as client:
            client.sync_stage(SLUG, stage)
    with SyncClient(desks.dir("d2"), hub.url, token) as client:
        assert client.sync_stage(SLUG).pushed == 1
    rows = hub.store.conn.execute("SELECT payload FROM event WHERE attendee_id = ?", (person.id,))
    stored = [r[0] for r in rows]
    assert len(stored) >= 3 and not [p for p in stored if "private" in p or "333" in p]
    with SyncClient(desks.dir("org"), hub.url, admin) as client:
        client.sync_stage(SLUG)
    digest = hub.store.status(SLUG)["digest"]
    for name in ("org", "d2"):
        with desks.open(name, SLUG) as stage:
            assert stage.attendee(person.id).email == "" and stage.digest() == digest
