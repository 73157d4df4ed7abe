"""Are the numbers final? The hub's desks list, read off the wire in sync/ and decided by core
(issue 10 point 4: the hub's wire form is known only by sync/). Real stage files."""

from __future__ import annotations

import json

from desktop_app.core import checkin
from desktop_app.sync import protocol
from desktop_app.sync.finality import finality, heard_desks, remember, remembered
from tests.core.report_data import OTHER_DESK, spread_checkins


def test_finality_is_unknown_until_the_hub_says_and_then_honest(stage, people):
    checkin.admit(stage, people[0])
    assert finality(stage).state == "unknown"
    mine = stage.unsynced_events()
    hub = [
        {
            "desk_id": stage.desk.id,
            "name": "Desk 1",
            "up_to_desk_seq": mine[-1].desk_seq,
            "gaps": False,
            "final": True,
        }
    ]
    not_yet = finality(stage, hub)
    assert not_yet.state == "not_final"
    assert "not acknowledged" in not_yet.reasons[0]
    stage.mark_acknowledged([(e.id, i + 1) for i, e in enumerate(mine)])
    assert finality(stage, hub).final
    # another desk checked people in; the hub heard it while it still had changes queued
    spread_checkins(stage, [people[1].id])
    hub.append(
        {
            "desk_id": OTHER_DESK,
            "name": "Desk 2",
            "up_to_desk_seq": 1,
            "gaps": False,
            "final": False,
            "last_heard": "2026-03-12T09:40:00+01:00",
        }
    )
    verdict = finality(stage, hub)
    assert verdict.state == "not_final" and "Desk 2" in verdict.reasons[0]
    hub[-1]["final"] = True
    assert finality(stage, hub).final
    hub[-1]["up_to_desk_seq"] = 5  # the hub holds more of Desk 2 than we pulled
    assert "not received" in finality(stage, hub).reasons[0]
    # a desk that checked people in but the hub never heard from
    assert not finality(stage, hub[:1]).final
    # the sync layer may store the hub's answer for the screen to read
    hub[-1]["up_to_desk_seq"] = 1
    stage.set_sync_value(protocol.HUB_DESKS_KEY, json.dumps(hub))
    assert finality(stage).final


def test_the_hub_wire_form_becomes_plain_records(stage):
    wire = [
        {"desk_id": "d1", "token": "Desk 1", "up_to_desk_seq": "4", "gaps": 0, "final": 1},
        {"desk_id": "d2", "name": "", "last_heard": ""},
    ]
    one, two = heard_desks(wire)
    assert (one.desk_id, one.name, one.up_to_desk_seq, one.gaps, one.final) == (
        "d1",
        "Desk 1",
        4,
        False,
        True,
    )
    assert (two.name, two.up_to_desk_seq, two.final, two.last_heard) == ("a desk", 0, False, None)
    assert remembered(stage) is None
    remember(stage, wire)
    assert remembered(stage) == wire
    stage.set_sync_value(protocol.HUB_DESKS_KEY, "{cut")  # a garbled value: not asked yet
    assert finality(stage).state == "unknown"
