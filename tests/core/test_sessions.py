"""Sessions inside a stage: defined as events, imported from CSV, and their own door."""

from __future__ import annotations

import pytest

from desktop_app.core import checkin, sessions
from desktop_app.core.desk import Desk
from desktop_app.core.errors import ImportFailed, InvalidInput
from desktop_app.core.store import Stage


def test_define_list_update_and_delete(stage):
    s = sessions.define_session(
        stage,
        "Plenaria di apertura",
        kind="Plenaria",
        room="Auditorium",
        starts_at="09:30",
        ends_at="10:30",
    )
    assert s["kind"] == "plenary"
    assert s["starts_at"] == "2026-03-12T09:30" and s["capacity"] is None
    s = sessions.update_session(stage, s["id"], {"capacity": "120", "room": "Sala Grande"})
    assert (s["capacity"], s["room"]) == (120, "Sala Grande")
    assert sessions.session(stage, "plenaria di apertura")["id"] == s["id"]
    sessions.delete_session(stage, s["id"])
    assert stage.sessions() == []
    kinds = [e.kind for e in stage.events()]
    assert kinds.count("session_defined") == 3


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"name": " "}, "needs a name"),
        ({"name": "X", "capacity": "-3"}, "negative"),
        ({"name": "X", "capacity": "many"}, "not a number"),
        ({"name": "X", "starts_at": "11:00", "ends_at": "10:00"}, "end before"),
        ({"name": "X", "starts_at": "half past nine"}, "not a time"),
    ],
)
def test_bad_session_fields_are_refused(stage, fields, words):
    with pytest.raises(InvalidInput, match=words):
        sessions.define_session(stage, **fields)
    assert stage.sessions() == []


def test_import_from_an_italian_excel_csv_twice_changes_nothing(stage, tmp_path):
    path = tmp_path / "sessioni.csv"
    path.write_bytes(
        "Nome;Tipo;Sala;Inizio;Fine;Capienza\n"
        "Plenaria di apertura;Plenaria;Auditorium;09:30;10:30;\n"
        "Workshop: export verso l'India;Workshop;Sala Volta;11:00;12:30;40\n"
        "Incontri B2B con il Consolato del Viet Nam;Incontri B2B;Sala Galilei;14:00;16:00;20\n"
        "Networking e caffè;networking;Foyer;16:00;17:00;\n".encode("cp1252")
    )
    assert sessions.import_sessions_csv(stage, path) == {"created": 4, "updated": 0, "unchanged": 0}
    found = {s["name"]: s for s in stage.sessions()}
    assert found["Networking e caffè"]["kind"] == "networking"
    assert found["Incontri B2B con il Consolato del Viet Nam"]["capacity"] == 20
    assert sessions.import_sessions_csv(stage, path) == {"created": 0, "updated": 0, "unchanged": 4}
    path.write_text(
        "name,room,start,end,capacity\nPlenaria di apertura,Auditorium,09:45,10:30,300\n"
    )
    assert sessions.import_sessions_csv(stage, path)["updated"] == 1
    assert {s["name"]: s for s in stage.sessions()}["Plenaria di apertura"]["capacity"] == 300
    assert len(stage.sessions()) == 4


def test_import_is_all_or_nothing_with_row_numbers(stage, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("Nome;Inizio;Fine;Capienza\nA;09:00;10:00;10\nB;11:00;10:00;5\nC;zz;;\n")
    with pytest.raises(ImportFailed) as info:
        sessions.import_sessions_csv(stage, path)
    assert "row 3" in info.value.message and "row 4" in info.value.message
    assert stage.sessions() == []
    for content, words in (
        (b"", "empty"),
        (b"\x00\x01binary", "binary"),
        (b"Room;Start\nx;09:00\n", "name"),
    ):
        path.write_bytes(content)
        with pytest.raises(ImportFailed, match=words):
            sessions.import_sessions_csv(stage, path)


def test_session_door_checks_in_to_both_then_says_already_in(stage, people):
    s = sessions.define_session(stage, "Workshop India", capacity=10)
    rossi = people[2]
    decision = checkin.decide(stage, rossi.code, session_id=s["id"])
    assert decision.status == checkin.CHECKED_IN
    assert [e.kind for e in decision.events] == ["checkin", "session_checkin"]
    assert stage.attendee(rossi.id).checked_in  # at the stage door too
    again = checkin.decide(stage, rossi.code, session_id=s["id"])
    assert again.status == checkin.ALREADY_CHECKED_IN
    assert again.desk == stage.desk.name
    # someone already in the stage gets only the session check-in
    checkin.admit(stage, people[1])
    decision = checkin.admit(stage, stage.attendee(people[1].id), session_id=s["id"])
    assert [e.kind for e in decision.events] == ["session_checkin"]
    assert stage.sessions()[0]["present"] == 2


def test_a_full_session_says_so_and_the_clerk_may_admit_anyway(stage, people):
    s = sessions.define_session(stage, "Incontri B2B", capacity=2)
    for person in people[:2]:
        assert checkin.admit(stage, person, session_id=s["id"]).ok
    assert sessions.is_full(stage.sessions()[0])
    full = checkin.admit(stage, people[2], session_id=s["id"])
    assert full.status == checkin.SESSION_FULL
    assert not stage.session_attendance(s["id"], people[2].id)
    assert not stage.attendee(people[2].id).checked_in  # nothing recorded when refused
    forced = checkin.admit(stage, people[2], session_id=s["id"], admit_when_full=True)
    assert forced.ok
    assert forced.events[-1].payload["forced"] is True
    assert stage.checkins_of(people[2].id, s["id"])[0]["forced"] == 1
    assert stage.sessions()[0]["present"] == 3
    # undo at the session door frees a seat, the stage check-in stays
    checkin.undo(stage, people[0], "wrong room", session_id=s["id"])
    assert stage.sessions()[0]["present"] == 2
    assert stage.attendee(people[0].id).checked_in


def test_session_door_refuses_cancelled_people_and_unknown_sessions(stage, people):
    s = sessions.define_session(stage, "Plenaria")
    checkin.cancel_registration(stage, people[0], "no longer coming")
    assert checkin.admit(stage, stage.attendee(people[0].id), session_id=s["id"]).status == (
        checkin.CANCELLED
    )
    with pytest.raises(InvalidInput, match="session that does not exist"):
        checkin.admit(stage, people[1], session_id="not-a-session")


def test_sessions_and_their_attendance_travel_like_any_event(stage, people, tmp_path):
    s = sessions.define_session(stage, "Workshop", capacity=5)
    checkin.admit(stage, people[0], session_id=s["id"])
    other_desk = Desk("01900000-0000-7000-8000-0000000000aa", "Desk 2")
    copy = Stage.from_events(tmp_path / "copy.sqlite", other_desk, list(stage.events()))
    with copy:
        assert copy.sessions()[0]["name"] == "Workshop"
        assert copy.sessions()[0]["present"] == 1
        assert copy.digest() == stage.digest()
        # the other desk admits someone to the session offline; it merges back
        checkin.admit(copy, copy.attendee(people[1].id), session_id=s["id"])
        stage.apply_events(copy.events())
    assert stage.sessions()[0]["present"] == 2
