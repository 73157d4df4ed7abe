"""Issue 9 at the door: cancellations honoured (and forced past), refused scans audited."""

from __future__ import annotations

import json

import pytest

from desktop_app.core import checkin, tickets
from desktop_app.core.errors import InvalidInput


def ticket_of(data_dir, stage, person) -> str:
    return tickets.sign_ticket(tickets.load_private_key(data_dir), stage.info.code, person.code)


def refusals(stage):
    return [e for e in stage.events() if e.kind == "scan_refused"]


def test_a_cancelled_registration_is_refused_with_its_reason(stage, people, data_dir):
    zoe = people[4]
    checkin.cancel(stage, zoe, "  No longer coming (email of 2 March) ", operator="Paolo")
    decision = checkin.decide(stage, ticket_of(data_dir, stage, zoe), data_dir=data_dir)
    assert decision.status == checkin.CANCELLED
    assert decision.reason == "No longer coming (email of 2 March)"
    assert decision.to_dict()["reason"] == "No longer coming (email of 2 March)"
    assert not stage.attendee(zoe.id).checked_in
    # restored: admitted as anyone else; a second restore or cancel is refused in words
    checkin.restore(stage, stage.attendee(zoe.id), operator="Paolo")
    with pytest.raises(InvalidInput, match="not cancelled"):
        checkin.restore(stage, stage.attendee(zoe.id))
    assert checkin.decide(stage, zoe.code).status == checkin.CHECKED_IN
    checkin.cancel(stage, stage.attendee(zoe.id), "double booking")
    with pytest.raises(InvalidInput, match="already cancelled"):
        checkin.cancel(stage, stage.attendee(zoe.id), "again")
    with pytest.raises(InvalidInput, match="reason"):
        checkin.cancel(stage, people[1], "   ")


def test_a_cancellation_without_a_reason_by_import_says_none(stage, people):
    # a registration system's status column cancels without a desk's reason
    stage.record("attendee_upserted", people[1].id, {"code": people[1].code, "status": "cancelled"})
    decision = checkin.admit(stage, people[1])
    assert decision.status == checkin.CANCELLED and decision.reason == ""


def test_a_forced_admission_of_a_cancelled_person_is_recorded_as_forced(stage, people):
    zoe = people[4]
    checkin.cancel(stage, zoe, "no longer coming")
    decision = checkin.admit(stage, zoe, operator="Giulia", admit_cancelled=True)
    assert decision.status == checkin.CHECKED_IN and decision.forced
    assert decision.to_dict()["forced"] is True
    (event,) = decision.events
    assert event.kind == "checkin" and event.payload["forced"] is True
    assert event.payload["forced_over"] == checkin.CANCELLED
    (row,) = stage.checkins_of(zoe.id)
    assert row["forced"] == 1  # reports read the check-in rows
    fresh = stage.attendee(zoe.id)
    assert fresh.checked_in and fresh.cancelled  # let in, still cancelled


def test_forced_into_a_session_too(stage, people):
    stage.record("session_defined", None, {"session_id": "S1", "fields": {"name": "B2B India"}})
    checkin.cancel(stage, people[0], "changed plans")
    refused = checkin.admit(stage, people[0], session_id="S1")
    assert refused.status == checkin.CANCELLED and refused.reason == "changed plans"
    decision = checkin.admit(stage, people[0], session_id="S1", admit_cancelled=True)
    assert decision.ok and decision.forced
    assert [e.payload.get("forced") for e in decision.events] == [True, True]


@pytest.mark.parametrize(
    ("scan", "outcome"),
    [
        ("damaged", checkin.INVALID),
        ("garbage", checkin.INVALID),
        ("unknown", checkin.NOT_FOUND),
        ("other_stage", checkin.WRONG_STAGE),
        ("cancelled", checkin.CANCELLED),
        ("again", checkin.ALREADY_CHECKED_IN),
    ],
)
def test_every_refused_scan_is_kept_without_what_was_scanned(
    scan, outcome, stage, people, data_dir, make_stage
):
    other = make_stage("brescia-2026", title="Tappa di Brescia", date="2026-05-20")
    berte = people[0]
    good = ticket_of(data_dir, stage, berte)
    if scan == "cancelled":
        checkin.cancel(stage, berte, "asked to")
    if scan == "again":
        checkin.admit(stage, berte)
    text = {
        "damaged": good[:-8] + ("A" if good[-8] != "A" else "B") + good[-7:],
        "garbage": "\x00\x1b[2J Bertè",
        "unknown": "Marco Bianchi 3391234567",
        "other_stage": ticket_of(data_dir, other, berte),
        "cancelled": good,
        "again": good,
    }[scan]
    before = stage.event_count()
    decision = checkin.decide(stage, text, operator="Giulia", data_dir=data_dir)
    assert decision.status == outcome
    assert stage.event_count() == before + 1
    (event,) = refusals(stage)
    assert decision.events == [event]
    assert event.payload["outcome"] == outcome and event.operator == "Giulia"
    stored = json.dumps(event.payload, ensure_ascii=False)
    for personal in ("Bertè", "Bianchi", "3391234567", text.strip()[:20]):
        assert personal not in stored
    if outcome in (checkin.CANCELLED, checkin.ALREADY_CHECKED_IN):
        assert event.attendee_id == berte.id
    else:
        assert event.attendee_id is None
    if outcome == checkin.WRONG_STAGE:
        assert event.payload["stage_code"] == other.info.code
    # state is what it was: a refusal changes nobody, and the digest ignores it
    assert stage.counts()["checked_in"] == (1 if scan == "again" else 0)


def test_refusals_do_not_change_the_digest_and_are_listed_newest_first(stage, people):
    digest = stage.digest()
    checkin.decide(stage, "NOPE-1")
    checkin.decide(stage, "\x00")
    assert stage.digest() == digest
    assert [r["outcome"] for r in stage.recent_refusals()] == [
        checkin.INVALID,
        checkin.NOT_FOUND,
    ]


def test_the_refusal_index_exists(stage):
    plan = stage.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM event WHERE kind = 'scan_refused' AND desk_id = ? "
        "ORDER BY hlc DESC LIMIT 10",
        (stage.desk.id,),
    ).fetchall()
    assert "event_refused" in " ".join(str(r) for r in plan)


def test_special_attention_reaches_the_decision(stage):
    person = stage.new_attendee(
        {
            "first_name": "Ada",
            "last_name": "Neri",
            "notes": "Wheelchair: use the side entrance",
            "extra": {"special_attention": "yes"},
        }
    )
    shown = checkin.admit(stage, person).to_dict()["attendee"]
    assert shown["special_attention"] is True
    assert shown["notes"] == "Wheelchair: use the side entrance"


def test_erasure_blanks_the_cancellation_reason_too(stage, people):
    """A reason is free text ("Mario Rossi sent his deputy"): erasure leaves nothing of it."""
    from desktop_app.core import privacy

    person = people[2]
    checkin.cancel(stage, person, reason="Rossi manda il vice, dott. Bianchi")
    privacy.erase_attendee(stage, stage.attendee(person.id))
    stored = stage.conn.execute("SELECT payload FROM event").fetchall()
    assert not any("Bianchi" in row[0] for row in stored)
    assert stage.attendee(person.id).cancelled  # the registration stays cancelled
    stage.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert b"Bianchi" not in stage.path.read_bytes()
