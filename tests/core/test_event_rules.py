"""Every kind of event the desk can record has one rule that desks and hub apply."""

import pytest

from desktop_app.core import events
from desktop_app.core.errors import RoadshowError
from desktop_app.core.model import EVENT_KINDS


def test_every_kind_the_model_knows_has_a_rule():
    assert set(EVENT_KINDS) == set(events.KINDS)


def test_a_refused_scan_keeps_no_scanned_text(stage, people):
    from desktop_app.core import checkin

    decision = checkin.decide(stage, "NOT-A-REAL-PERSON-XYZ")
    assert decision.status == checkin.NOT_FOUND
    stored = [e for e in stage.events() if e.kind == "scan_refused"]
    assert stored and "XYZ" not in str(stored[-1].payload)
    with pytest.raises(RoadshowError, match="outcome only"):
        stage.record("scan_refused", None, {"outcome": "invalid", "text": "Mario Rossi"})


def test_every_rule_is_a_declared_field_table():
    """Rules are data (from which the hub's OpenAPI schema is derived), not hand-written code."""
    for kind in events.KINDS.values():
        assert all(isinstance(f, events.Field) for f in kind.fields), kind.name
        assert kind.check is None, kind.name  # nothing a table could not say, so far
    upsert = events.KINDS["attendee_upserted"].check_payload
    upsert({"fields": {"first_name": "Maria"}})  # version 1, without "v": still valid
    with pytest.raises(events.InvalidEvent, match="field .first_name. has the wrong type or size"):
        upsert({"fields": {"first_name": "x" * (events.MAX_TEXT + 1)}})
