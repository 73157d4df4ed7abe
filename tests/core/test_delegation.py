"""Issue 12: who arrives with a scanned head of delegation (core; the desk's dialog is tested
in tests/ui/test_delegation_party.py)."""

from __future__ import annotations

from desktop_app.core import checkin
from desktop_app.core.delegation import party_of


def test_companions_named_by_code_e_mail_or_name_and_delegation_members_form_the_party(stage):
    head = stage.new_attendee(
        {
            "first_name": "Amara",
            "last_name": "Okafor",
            "email": "a.okafor@example.test",
            "extra": {"delegation": "Nigeria", "delegation_head": "yes"},
        }
    )
    member = stage.new_attendee(
        {"first_name": "Chidi", "last_name": "Eze", "extra": {"delegation": "NIGERIA"}}
    )
    by_mail = stage.new_attendee(
        {
            "first_name": "Ada",
            "last_name": "Bello",
            "extra": {"companion_of": "A.Okafor@example.test"},
        }
    )
    by_name = stage.new_attendee(
        {"first_name": "Tunde", "last_name": "Adé", "extra": {"companion_of": "okafor amara"}}
    )
    cancelled = stage.new_attendee(
        {"first_name": "Bayo", "last_name": "Ola", "extra": {"delegation": "Nigeria"}}
    )
    checkin.cancel(stage, cancelled, "no visa")
    stage.new_attendee({"first_name": "Other", "last_name": "Person"})
    party = party_of(stage, stage.attendee(head.id))
    assert [a.id for a in party] == [head.id, by_name.id, by_mail.id, member.id]
    # a member is no head: scanned, they come in alone
    assert party_of(stage, stage.attendee(member.id)) == []
    assert checkin.decide(stage, member.code, offer_party=True).status == checkin.CHECKED_IN


def test_a_head_whose_whole_party_is_in_gets_the_usual_already_in(stage):
    head = stage.new_attendee(
        {
            "first_name": "Lena",
            "last_name": "Berg",
            "extra": {"delegation": "Norvegia", "delegation_head": "yes"},
        }
    )
    aide = stage.new_attendee(
        {"first_name": "Ola", "last_name": "Nord", "extra": {"delegation": "Norvegia"}}
    )
    assert checkin.decide(stage, head.code, offer_party=True).status == checkin.PARTY
    checkin.admit_many(stage, [stage.attendee(head.id), stage.attendee(aide.id)])
    again = checkin.decide(stage, head.code, offer_party=True)
    assert again.status == checkin.ALREADY_CHECKED_IN
    # without offer_party (command line, door) a head is checked in alone, as before
    other = stage.new_attendee(
        {
            "first_name": "Kari",
            "last_name": "Dahl",
            "extra": {"delegation": "X", "delegation_head": "yes"},
        }
    )
    stage.new_attendee({"first_name": "Per", "last_name": "Lie", "extra": {"delegation": "X"}})
    assert checkin.decide(stage, other.code).status == checkin.CHECKED_IN


def test_a_delegation_name_with_underscore_or_percent_matches_only_itself(stage):
    head = stage.new_attendee(
        {
            "first_name": "A",
            "last_name": "Head",
            "extra": {"delegation": "CH_50%", "delegation_head": "yes"},
        }
    )
    same = stage.new_attendee(
        {"first_name": "B", "last_name": "Same", "extra": {"delegation": "ch_50%"}}
    )
    stage.new_attendee(
        {"first_name": "C", "last_name": "Near", "extra": {"delegation": "CHX50abc"}}
    )
    assert [a.id for a in party_of(stage, stage.attendee(head.id))] == [head.id, same.id]
