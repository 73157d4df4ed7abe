"""A desk's refused scans and cancellations travel through a real hub like any other event."""

from __future__ import annotations

from desktop_app.core import checkin
from desktop_app.sync.client import SyncClient

SLUG = "bergamo-2026"


def sync(hub, desks, name, token, stage=None):
    with SyncClient(desks.dir(name), hub.url, token) as client:
        return client.sync_stage(SLUG, stage)


def test_refused_scans_and_cancellations_reach_the_hub_and_the_other_desk(hub, desks):
    admin = hub.token("organizer", admin=True)
    with desks.create_stage("org", SLUG, people=8) as stage:
        person = stage.attendees()[2]
        checkin.cancel(stage, person, "no longer coming", operator="Paolo")
        sync(hub, desks, "org", admin, stage)
    token_a, token_b = hub.token("Desk A"), hub.token("Desk B")
    sync(hub, desks, "a", token_a)
    sync(hub, desks, "b", token_b)
    with desks.open("a", SLUG) as stage:
        refused = checkin.decide(stage, person.code, operator="Giulia")
        assert refused.status == checkin.CANCELLED and refused.reason == "no longer coming"
        checkin.decide(stage, "\x00 damaged")
        report = sync(hub, desks, "a", token_a, stage)
        assert report.unsynced == 0  # the hub took both refusals
        digest = stage.digest()
    assert sync(hub, desks, "b", token_b).pulled >= 2
    with desks.open("b", SLUG) as stage:
        kinds = [(e.kind, e.payload.get("outcome")) for e in stage.events()]
        assert ("scan_refused", checkin.CANCELLED) in kinds
        assert ("scan_refused", checkin.INVALID) in kinds
        assert stage.digest() == digest
        assert stage.cancellation_reason(person.id) == "no longer coming"
        # another desk's refusals are that desk's: not in this desk's recent outcomes
        assert stage.recent_refusals() == []
    status = hub.store.status(SLUG)
    assert status["digest"] == digest
