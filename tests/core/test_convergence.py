"""State is a function of the set of events: any order, duplicates and replays give the same
derived tables and the same digest, on every desk."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core import checkin
from desktop_app.core.desk import Desk
from desktop_app.core.store import Stage

DERIVED_QUERIES = {
    "attendee": "SELECT id, code, title, first_name, last_name, company, category, email, status, "
    "redacted, checkin_event_id, checked_in_at, checkin_desk, badge_prints, sort_name "
    "FROM attendee ORDER BY id",
    "checkin": "SELECT event_id, attendee_id, session_id, cancelled FROM checkin ORDER BY event_id",
    "session": "SELECT id, name, capacity, deleted FROM session ORDER BY id",
    "external_code": "SELECT code, attendee_id FROM external_code ORDER BY code",
    "fts": "SELECT rowid, names, company, email, codes FROM attendee_fts ORDER BY rowid",
}


def derived_tables(stage: Stage) -> dict[str, list[tuple]]:
    # rowids differ between files (insertion order), so compare FTS content by attendee id
    tables = {k: stage.conn.execute(q).fetchall() for k, q in DERIVED_QUERIES.items() if k != "fts"}
    tables["fts"] = sorted(
        stage.conn.execute(
            "SELECT a.id, f.names, f.company, f.email, f.codes FROM attendee_fts f "
            "JOIN attendee a ON a.rowid = f.rowid"
        ).fetchall()
    )
    return tables


def fork(stage: Stage, folder: Path, name: str) -> Stage:
    """A copy of the stage at another desk (as the hub or a stage file would give it)."""
    desk = Desk(f"desk-{name}", name)
    return Stage.from_events(folder / f"{name}.sqlite", desk, list(stage.events()))


OPS = st.lists(
    st.tuples(
        st.integers(0, 2),  # desk
        st.sampled_from(
            [
                "checkin",
                "undo",
                "edit",
                "cancel",
                "reinstate",
                "print",
                "session",
                "walk_in",
                "erase",
            ]
        ),
        st.integers(0, 5),  # person
        st.text(alphabet="abcèéøł ", min_size=0, max_size=6),
    ),
    min_size=1,
    max_size=25,
)


def _run_ops(desks: list[Stage], ops, session_id: str) -> None:
    for desk_index, op, person, text in ops:
        stage = desks[desk_index]
        people = stage.attendees()
        attendee = people[person % len(people)]
        if op == "checkin" and not attendee.cancelled:
            checkin.admit(stage, attendee)
        elif op == "undo" and attendee.checked_in:
            checkin.undo(stage, attendee, "test")
        elif op == "edit":
            checkin.edit(stage, attendee, {"company": text or "X", "first_name": "N" + text})
        elif op == "cancel":
            checkin.cancel_registration(stage, attendee, "test")
        elif op == "reinstate":
            checkin.cancel_registration(stage, attendee, cancelled=False)
        elif op == "print":
            checkin.record_badge_printed(stage, [attendee])
        elif op == "session" and not attendee.cancelled:
            checkin.admit(stage, attendee, session_id=session_id, admit_when_full=True)
        elif op == "walk_in":
            checkin.walk_in(stage, {"first_name": "Walk" + text, "last_name": "In"})
        elif op == "erase" and person == 5:
            stage.record("redacted", attendee.id, {})


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=OPS, seed=st.integers(0, 2**32 - 1))
def test_any_order_duplicates_and_replays_give_one_state(ops, seed):
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        origin = Stage.from_events(
            folder / "origin.sqlite",
            Desk("organizer", "Organizer"),
            [_creation_event()],
        )
        for i in range(6):
            origin.new_attendee(
                {"first_name": f"P{i}", "last_name": "Bertè", "external_codes": [f"X{i}"]}
            )
        session_id = "s1"
        origin.record(
            "session_defined",
            None,
            {"session_id": session_id, "fields": {"name": "W", "capacity": 2}},
        )
        desks = [fork(origin, folder, n) for n in ("a", "b", "c")]
        origin.close()
        _run_ops(desks, ops, session_id)

        all_events = [e for d in desks for e in d.events()]
        expected_digest = None
        expected_tables = None
        for attempt in range(3):
            shuffled = all_events + rng.sample(all_events, k=min(len(all_events), 5))  # duplicates
            rng.shuffle(shuffled)
            creation = next(e for e in shuffled if e.kind == "stage_created")
            rest = [e for e in shuffled if e is not creation]
            # replay in two halves, the second half overlapping the first (replays)
            half = len(rest) // 2
            replica = Stage.from_events(
                folder / f"r{attempt}.sqlite", Desk("r", "R"), [creation, *rest[:half]]
            )
            replica.apply_events(rest[max(0, half - 3) :])
            replica.apply_events(rest)  # a full replay changes nothing
            digest, tables = replica.digest(), derived_tables(replica)
            replica.close()
            if expected_digest is None:
                expected_digest, expected_tables = digest, tables
            assert digest == expected_digest
            assert tables == expected_tables

        # every desk that receives everyone's events converges to the same state
        for stage in desks:
            stage.apply_events([e for d in desks for e in d.events()])
        for stage in desks:
            assert stage.digest() == expected_digest
            assert derived_tables(stage) == expected_tables
            stage.close()


def _creation_event():
    from desktop_app.core.hlc import HybridClock
    from desktop_app.core.ids import new_stage_code, uuid7
    from desktop_app.core.model import Event
    from desktop_app.core.store import now_iso

    return Event(
        id=uuid7(),
        stage_id=uuid7(),
        desk_id="organizer",
        desk_seq=1,
        hlc=HybridClock().now(),
        kind="stage_created",
        attendee_id=None,
        payload={"slug": "conv", "code": new_stage_code(), "title": "T", "date": "2026-05-20"},
        recorded_at=now_iso(),
        desk_name="Organizer",
    )


def test_undo_cancels_only_the_checkins_its_desk_knew(stage, people, tmp_path):
    """Desk A checks someone in and desk B, offline, also does and then undoes its own:
    A's check-in survives once both meet."""
    person = people[0]
    desk_b = fork(stage, tmp_path, "b")
    checkin.admit(stage, person)
    checkin.admit(desk_b, desk_b.attendee(person.id))
    checkin.undo(desk_b, desk_b.attendee(person.id), "scanned the wrong badge")
    assert not desk_b.attendee(person.id).checked_in
    stage.apply_events(desk_b.events())
    desk_b.apply_events(stage.events())
    for s in (stage, desk_b):
        a = s.attendee(person.id)
        assert a.checked_in
        assert a.checkin_desk == stage.desk.name
    assert stage.digest() == desk_b.digest()
    desk_b.close()


def test_two_offline_checkins_keep_both_and_earliest_wins(stage, people, tmp_path):
    person = people[1]
    desk_b = fork(stage, tmp_path, "b")
    first = checkin.admit(desk_b, desk_b.attendee(person.id))
    time.sleep(0.005)  # the same millisecond would be a tie, broken by desk id
    checkin.admit(stage, person)
    stage.apply_events(desk_b.events())
    merged = stage.attendee(person.id)
    assert merged.checkin_event_id == first.events[0].id
    assert merged.checkin_desk == "b"
    dups = stage.duplicate_checkins()
    assert [d["code"] for d in dups] == [person.code]
    assert len(dups[0]["checkins"]) == 2
    desk_b.close()


def test_fields_last_writer_wins_per_field(stage, people, tmp_path):
    person = people[2]
    desk_b = fork(stage, tmp_path, "b")
    checkin.edit(stage, person, {"company": "Rossi Utensili S.p.A."})
    checkin.edit(desk_b, desk_b.attendee(person.id), {"first_name": "Marco Aurelio"})
    checkin.edit(desk_b, desk_b.attendee(person.id), {"company": "Later Company"})
    stage.apply_events(desk_b.events())
    desk_b.apply_events(stage.events())
    for s in (stage, desk_b):
        a = s.attendee(person.id)
        assert (a.first_name, a.company) == ("Marco Aurelio", "Later Company")
    assert stage.digest() == desk_b.digest()
    desk_b.close()


def test_events_about_a_person_before_their_creation(stage, tmp_path):
    """A check-in and an edit may arrive before the walk-in that created the person."""
    desk_b = fork(stage, tmp_path, "b")
    decision = checkin.walk_in(desk_b, {"first_name": "Ada", "last_name": "Lovelace"})
    checkin.edit(desk_b, decision.attendee, {"company": "Analytical Engines"})
    checkin.record_badge_printed(desk_b, [decision.attendee])
    events = list(desk_b.events())
    creation = next(
        e
        for e in events
        if e.kind == "attendee_upserted"
        and "code" in e.payload
        and e.payload.get("fields", {}).get("last_name")
    )
    stage.apply_events([e for e in events if e is not creation])
    stage.apply_events([creation])
    a = stage.attendee(decision.attendee.id)
    assert (a.first_name, a.company, a.checked_in, a.badge_prints) == (
        "Ada",
        "Analytical Engines",
        True,
        1,
    )
    assert stage.search("lovelace")[0].id == a.id
    assert stage.digest() == desk_b.digest()
    desk_b.close()
