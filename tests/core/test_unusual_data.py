"""Out-of-the-ordinary data a desk meets: line separators in a reason, look-alike letters,
shared barcodes, edits after an erasure, a broken clock, name particles."""

from __future__ import annotations

import json

import pytest

from desktop_app.core import checkin, tickets
from desktop_app.core.desk import Desk
from desktop_app.core.errors import TicketInvalid
from desktop_app.core.model import Event
from desktop_app.core.stagefile import export_stage, import_stage
from desktop_app.core.store import Stage


def fork(stage: Stage, folder, name: str) -> Stage:
    return Stage.from_events(
        folder / f"{name}.sqlite", Desk(f"desk-{name}", name), list(stage.events())
    )


def test_a_stage_file_with_a_line_separator_in_a_reason_imports(stage, people, tmp_path):
    checkin.admit(stage, people[0])
    checkin.undo(stage, stage.attendee(people[0].id), "wrong person\u2028see note\u0085end")
    out = tmp_path / "s.rdstage"
    export_stage(stage, out)
    result = import_stage(tmp_path / "other", out, Desk("o", "O"))
    assert result["created"] and result["new_events"] == stage.event_count()


def test_a_look_alike_letter_does_not_make_a_second_ticket_spelling(data_dir):
    public = tickets.ensure_key_pair(data_dir)
    key = tickets.load_private_key(data_dir)
    payload = next(
        p
        for p in (
            tickets.sign_ticket(key, "BG26A", f"K7M2QX9P{a}{b}") for a in "0123" for b in "0123"
        )
        if "S" in p[3:]
    )
    assert tickets.read_ticket(payload, public)
    i = payload.index("S", 3)
    forged = payload[:i] + "\u017f" + payload[i + 1 :]  # long s: "ſ".upper() == "S"
    assert forged.upper() == payload
    with pytest.raises(TicketInvalid):
        tickets.read_ticket(forged, public)


def test_a_shared_barcode_names_the_same_person_on_every_desk(stage, tmp_path):
    a = stage.new_attendee({"first_name": "Anna", "last_name": "Uno", "external_codes": ["ORD-7"]})
    b = stage.new_attendee({"first_name": "Luca", "last_name": "Due", "external_codes": ["ORD-7"]})
    events = list(stage.events())
    forward = Stage.from_events(tmp_path / "f.sqlite", Desk("f", "F"), events)
    backward = Stage.from_events(
        tmp_path / "b.sqlite", Desk("b", "B"), [events[0], *reversed(events[1:])]
    )
    owner = min(a.id, b.id)
    for s in (stage, forward, backward):
        assert s.attendee_by_external_code("ord-7").id == owner
    other = b if owner == a.id else a
    for s in (stage, forward, backward):
        s.record("redacted", owner, {})
        assert s.attendee_by_external_code("ORD-7").id == other.id  # the other still carries it
    forward.close()
    backward.close()


def test_an_edit_that_arrives_after_the_erasure_leaves_no_personal_data(stage, people, tmp_path):
    person = people[2]
    desk_b = fork(stage, tmp_path, "b")
    checkin.edit(
        desk_b, desk_b.attendee(person.id), {"email": "private@example.test", "phone": "+39 333 1"}
    )
    stage.record("redacted", person.id, {})
    stage.apply_events(desk_b.events())
    payloads = [
        r[0]
        for r in stage.conn.execute("SELECT payload FROM event WHERE attendee_id = ?", (person.id,))
    ]
    assert not any("private@example.test" in p or "333 1" in p for p in payloads)
    out = tmp_path / "after.rdstage"
    export_stage(stage, out)
    import gzip

    assert "private@example.test" not in gzip.decompress(out.read_bytes()).decode()
    desk_b.close()


def test_an_event_from_a_broken_clock_does_not_stop_the_desk(stage, people, data_dir, desk):
    poison = Event(
        id="01900000-0000-7000-8000-000000000bad",
        stage_id=stage.info.id,
        desk_id="desk-evil",
        desk_seq=1,
        hlc=2**63 - 1,
        kind="badge_printed",
        attendee_id=people[0].id,
        payload={},
        recorded_at="2026-03-12T09:00:00+01:00",
    )
    stage.apply_events([poison])
    assert checkin.admit(stage, people[1]).ok
    stage.close()
    reopened = Stage.open(data_dir, "bergamo-2026", desk)
    assert checkin.admit(reopened, people[2]).ok
    assert json.loads(json.dumps(reopened.status()))["checked_in"] == 2
    reopened.close()


def test_a_session_door_lists_first_admissions_as_first(stage, people):
    stage.record("session_defined", None, {"session_id": "w1", "fields": {"name": "Workshop"}})
    checkin.admit(stage, people[0])  # at the stage door first
    checkin.admit(stage, stage.attendee(people[0].id), session_id="w1")
    checkin.admit(stage, people[1], session_id="w1")  # straight to the session: in to both
    recent = stage.recent_checkins(10, session_id="w1")
    assert [bool(r["first_arrival"]) for r in recent] == [True, True]


def test_walk_in_without_checkin_says_registered(capsys, tmp_path):
    from desktop_app.cli import main

    dd = str(tmp_path / "d")
    main(["demo", "--size", "5", "--data-dir", dd, "--json"])
    capsys.readouterr()
    main(
        [
            "walk-in",
            "demo-bergamo",
            "--first-name",
            "Ada",
            "--last-name",
            "Byron",
            "--no-checkin",
            "--data-dir",
            dd,
            "--json",
        ]
    )
    out = json.loads(capsys.readouterr().out)
    assert out["status"] == "registered" and out["checked_in_at"] is None


def test_demo_surnames_keep_their_particles():
    from desktop_app.core.demo import IT_LAST

    assert "De Luca" in IT_LAST and "De" not in IT_LAST and "Santis" not in IT_LAST
