"""The offline check-in decision, driven by a table of cases (tests/core/fixtures)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop_app.core import checkin, sessions, tickets
from desktop_app.core.errors import InvalidInput
from desktop_app.core.ids import new_attendee_code

CASES = json.loads((Path(__file__).parent / "fixtures" / "checkin_cases.json").read_text("utf-8"))


def _scan(kind: str, stage, person, data_dir, other_stage) -> str:
    key = tickets.load_private_key(data_dir)
    ticket = tickets.sign_ticket(key, stage.info.code, person.code)
    return {
        "ticket": ticket,
        "ticket_lower": ticket.lower(),
        "ticket_crlf": ticket + "\r\n",
        "ticket_aim": "]Q1" + ticket,
        "ticket_eci_lower": "\\000026" + ticket.lower(),
        "code_aim": "]Q1" + person.code,
        "code": person.code,
        "code_lower": person.code.lower(),
        "external": "EB-1001",
        "external_lower": "eb-1001",
        "other_stage_ticket": tickets.sign_ticket(key, other_stage.info.code, person.code),
        "tampered": ticket[:-8] + ("A" if ticket[-8] != "A" else "B") + ticket[-7:],
        "truncated": ticket[:90],
        "foreign_key": tickets.sign_ticket(
            Ed25519PrivateKey.generate(), stage.info.code, person.code
        ),
        "garbage_5k": "x7%$" * 1280,
        "control": "\x00\x01\x1b[2J",
        "empty": "   ",
        "ticket_unknown_person": tickets.sign_ticket(key, stage.info.code, new_attendee_code()),
        "unknown_code": "ZZ-99999",
        "name": "Bertè",
        "name_prefix": "bert",
        "no_match": "zqzq",
    }[kind]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_decision_table(case, stage, people, data_dir, make_stage):
    other_stage = make_stage("brescia-2026", title="Tappa di Brescia", date="2026-05-20")
    person = people[0]
    state = case["person"]
    if state == "checked_in":
        checkin.admit(stage, person, operator="Giulia")
    elif state in ("cancelled", "reinstated"):
        checkin.cancel_registration(stage, person, "asked to")
        if state == "reinstated":
            checkin.cancel_registration(stage, stage.attendee(person.id), cancelled=False)
    elif state == "undone":
        checkin.admit(stage, person)
        checkin.undo(stage, stage.attendee(person.id), "wrong person")
    elif state == "badge_printed":
        checkin.record_badge_printed(stage, [person])
    events_before = stage.event_count()

    scan = checkin.Scan(
        _scan(case["scan"], stage, person, data_dir, other_stage),
        selected=tuple(people[i] for i in case.get("selected", [])),
        matches=case.get("matches", 0),
        chosen=case.get("chosen", False),
        scanned=case.get("scanned", False),
    )
    decision = checkin.decide(
        stage, scan, data_dir=data_dir, print_first_badge=case.get("print_first_badge", False)
    )

    assert decision.status == case["expect"]
    assert decision.follow_up == case.get("follow_up", "")  # a first badge, or a question
    checked_in_now = stage.attendee(person.id).checked_in
    if case["expect"] == "choose":  # nobody checked in, nothing recorded: the clerk picks
        assert decision.reason == str(case["matches"])
        assert stage.event_count() == events_before
        assert not any(stage.attendee(a.id).checked_in for a in people)
        return
    if case["expect"] == "checked_in":
        assert decision.attendee.id == person.id
        assert checked_in_now
        assert stage.event_count() == events_before + 1
    else:
        # a refusal writes one audit event with its outcome code, and changes nobody
        assert stage.event_count() == events_before + 1
        (refused,) = [e for e in stage.events() if e.kind == "scan_refused"]
        assert refused.payload["outcome"] == case["expect"]
        assert not checked_in_now or case["expect"] == "already_checked_in"
    if case["expect"] == "already_checked_in":
        assert decision.checked_in_at and decision.desk == stage.desk.name
    if case["expect"] == "wrong_stage":
        assert decision.other_stage["title"] == "Tappa di Brescia"
        assert decision.other_stage["date"] == "2026-05-20"
    json.dumps(decision.to_dict())  # always serialisable for --json


def test_checkin_records_desk_and_operator(stage, people):
    decision = checkin.admit(stage, people[0], operator="Giulia")
    (event,) = decision.events
    assert (event.kind, event.desk_id, event.operator) == ("checkin", stage.desk.id, "Giulia")
    assert decision.desk == stage.desk.name


def test_undo_needs_a_reason_and_a_checkin(stage, people):
    with pytest.raises(InvalidInput, match="nothing to undo"):
        checkin.undo(stage, people[0], "mistake")
    checkin.admit(stage, people[0])
    with pytest.raises(InvalidInput, match="reason"):
        checkin.undo(stage, stage.attendee(people[0].id), "  ")
    event = checkin.undo(stage, stage.attendee(people[0].id), "mistake", operator="Luca")
    assert event.payload["reason"] == "mistake"
    assert not stage.attendee(people[0].id).checked_in
    assert stage.counts()["checked_in"] == 0


def test_walk_in_registers_and_checks_in_in_one_step(stage, people):
    decision = checkin.walk_in(
        stage, {"first_name": "Nguyễn Thị", "last_name": "Minh Khai", "category": "guest"}
    )
    assert decision.status == "checked_in"
    assert stage.search("nguyen minh")[0].id == decision.attendee.id
    assert len(decision.events) == 2
    with pytest.raises(InvalidInput):
        checkin.walk_in(stage, {"company": "No Name Ltd"})


def test_did_you_mean_finds_near_duplicates(stage, people):
    similar = checkin.similar_attendees(stage, {"first_name": "Nicolo", "last_name": "Berte"})
    assert similar[0].id == people[0].id
    by_email = checkin.similar_attendees(
        stage, {"first_name": "M", "last_name": "X", "email": "Marco.Rossi@example.test"}
    )
    assert by_email[0].id == people[2].id


def test_a_delegation_checks_in_together(stage, people):
    checkin.admit(stage, people[3])
    decisions = checkin.admit_many(stage, [people[3], people[4], people[1]])
    assert [d.status for d in decisions] == ["already_checked_in", "checked_in", "checked_in"]
    assert stage.counts()["checked_in"] == 3


def test_edit_records_only_what_changed(stage, people):
    before = stage.event_count()
    checkin.edit(
        stage,
        people[0],
        {"first_name": "Nicolò", "company": "Officine Meccaniche Bergamasche S.p.A."},
    )
    assert stage.event_count() == before + 1
    (event,) = [e for e in stage.events() if e.kind == "attendee_upserted"][-1:]
    assert event.payload["fields"] == {"company": "Officine Meccaniche Bergamasche S.p.A."}
    checkin.edit(stage, stage.attendee(people[0].id), {"first_name": "Nicolò"})
    assert stage.event_count() == before + 1


def test_session_door_checks_in_to_both_and_says_when_full(stage, people):
    stage.record(
        "session_defined", None, {"session_id": "w1", "fields": {"name": "Workshop", "capacity": 1}}
    )
    first = checkin.admit(stage, people[0], session_id="w1")
    assert first.status == "checked_in"
    assert stage.attendee(people[0].id).checked_in  # not at the stage yet: in to both
    assert [e.kind for e in first.events] == ["checkin", "session_checkin"]
    assert (
        checkin.admit(stage, stage.attendee(people[0].id), session_id="w1").status
        == "already_checked_in"
    )
    full = checkin.admit(stage, people[1], session_id="w1")
    assert full.status == "session_full"
    forced = checkin.admit(stage, people[1], session_id="w1", admit_when_full=True)
    assert forced.status == "checked_in"
    assert forced.events[-1].payload["forced"] is True


@pytest.mark.parametrize(
    ("text", "scanned"),
    [
        ("RD1" + "A" * 118, True),
        ("rd1" + "a" * 118, True),  # caps lock
        ("]Q1RD1" + "A" * 118, True),
        ("\\000026RD1" + "A" * 118, True),
        ("]Q1\\000026rd1" + "a" * 118, True),
        ("EB-1001", True),
        ("0123456789", True),
        ("Rossi", False),
        ("rossi mario", False),
        ("D'Angelo", False),
        ("]Q1", False),  # a prefix alone is not a code
    ],
)
def test_looks_scanned_lives_in_core(text, scanned):
    assert checkin.looks_scanned(text) is scanned


def test_scanner_prefixes_are_stripped_once():
    assert checkin.clean_scan("]Q1RD1ABC") == "RD1ABC"
    assert checkin.clean_scan("\\000026EB-1001\r\n") == "EB-1001"
    assert checkin.clean_scan("]Q1") == "]Q1"
    assert checkin.clean_scan("Rossi") == "Rossi"


def test_several_chosen_rows_give_one_decision_each(stage, people):
    scan = checkin.Scan("bert", selected=(people[0], people[1]), matches=2, chosen=True)
    decisions = checkin.decide(stage, scan)
    assert [d.status for d in decisions] == [checkin.CHECKED_IN, checkin.CHECKED_IN]
    assert stage.counts()["checked_in"] == 2


@pytest.mark.parametrize("field", ["first_name", "last_name"])
def test_a_ticket_or_code_never_becomes_a_name(stage, people, data_dir, field):
    ticket = tickets.sign_ticket(
        tickets.load_private_key(data_dir), stage.info.code, people[0].code
    )
    registered = stage.counts()["registered"]
    for value in (ticket, ticket.lower(), "]Q1" + ticket, "EB-1001"):
        with pytest.raises(InvalidInput):
            checkin.walk_in(stage, {"first_name": "Anna", "last_name": "Neri", field: value})
        with pytest.raises(InvalidInput):
            checkin.edit(stage, people[2], {field: value})
    assert stage.counts()["registered"] == registered
    assert stage.attendee(people[2].id).last_name == "Rossi"


def test_what_follows_an_admission_is_decided_with_it(stage, people):
    """A first badge only once, whatever the desk did between; a full session asks."""
    first = checkin.admit(stage, people[0], print_first_badge=True)
    assert first.follow_up == checkin.PRINT_BADGE
    checkin.record_badge_printed(stage, [first.attendee])
    checkin.undo(stage, stage.attendee(people[0].id), "wrong person")
    again = checkin.admit(stage, people[0], print_first_badge=True)
    assert again.ok and again.follow_up == ""  # their badge is printed already
    walk_in = checkin.walk_in(stage, {"first_name": "Ada", "last_name": "Neri"})
    assert walk_in.ok and walk_in.follow_up == ""  # this desk does not print at check-in
    s = sessions.define_session(stage, "Workshop", capacity=1)
    checkin.admit(stage, people[1], session_id=s["id"])
    full = checkin.admit(stage, people[2], session_id=s["id"], print_first_badge=True)
    assert (full.status, full.follow_up) == (checkin.SESSION_FULL, checkin.OFFER_WHEN_FULL)
    forced = checkin.admit(
        stage, people[2], session_id=s["id"], admit_when_full=True, print_first_badge=True
    )
    assert forced.ok and forced.forced and forced.follow_up == checkin.PRINT_BADGE
