"""One stage = one SQLite file: the event log and the state derived from it.

Every change is an event written in the same transaction as the derived tables it updates,
so the event table is also the sync outbox. Derived state is a function of the *set* of
events: applying them in any order, with duplicates, gives the same tables (see `_apply`).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop_app.core import tickets
from desktop_app.core.desk import Desk
from desktop_app.core.errors import (
    InvalidInput,
    RoadshowError,
    StageDamaged,
    StageExists,
    StageNotFound,
)
from desktop_app.core.events import InvalidEvent, check_event
from desktop_app.core.hlc import MAX_AHEAD_MS, HybridClock
from desktop_app.core.ids import new_attendee_code, new_stage_code, uuid7
from desktop_app.core.model import Attendee, Event, StageInfo, normalise_fields
from desktop_app.core.search import INDEX_VERSION
from desktop_app.core.stage.file import (
    _SAFETY_CHECKPOINT_PAGES,
    BUSY_TIMEOUT_MS,
    _Checkpointer,
    _connect,
    _mark_open,
    _translate,
    _unmark_open,
    now_iso,
)
from desktop_app.core.stage.listing import (
    SLUG_RE,
    find_stage_by_code,
    list_stages,
    stage_path,
    validate_slug,
)
from desktop_app.core.stage.migrate import _migrate, _refresh_search_index, migrations
from desktop_app.core.stage.outbox import _EVENT_SELECT, Outbox
from desktop_app.core.stage.projection import (
    _INSERT_EVENT,
    _apply,
    _apply_stage_created,
    _apply_upsert,
    _event_row,
    _forget_erased_words,
    _insert_new_people,
    _new_event,
    _quarantine,
    _Unappliable,
    _unseen_attendees,
    digest_of,
)
from desktop_app.core.stage.queries import Queries

__all__ = [
    "BUSY_TIMEOUT_MS",
    "CLOCK_MARGIN_MS",
    "CLOCK_MEASURE_KEY",
    "INDEX_VERSION",
    "SLUG_RE",
    "ClockAhead",
    "Stage",
    "digest_of",
    "find_stage_by_code",
    "list_stages",
    "migrations",
    "now_iso",
    "stage_path",
    "validate_slug",
]

CLOCK_MEASURE_KEY = "clock/offset"  # sync value: "offset ms,this computer's ms when measured"
CLOCK_MARGIN_MS = 10 * 60 * 1000


class ClockAhead(RoadshowError):
    """This computer's clock is so far ahead that the hub would refuse what it records."""

    code = "clock_ahead"


class Stage(Queries, Outbox):
    """An open stage file. One per thread: connections are not shared between threads."""

    def __init__(self, path: Path, desk: Desk, conn: sqlite3.Connection) -> None:
        self.path = path
        self.desk = desk
        self.conn = conn
        self.recovered = False  # opened after an unclean shutdown (and fully checked)
        self._checkpointer: _Checkpointer | None = None
        self.last_write = 0.0  # time.monotonic() of the last commit
        row = conn.execute(
            "SELECT id, slug, code, title, date, venue, city, theme, countries, public_key, "
            "created_at FROM stage"
        ).fetchone()
        if row is None:
            raise StageDamaged("The stage file has no stage in it.")
        self.info = StageInfo(*row[:8], json.loads(row[8]), *row[9:])
        last = conn.execute("SELECT MAX(hlc) FROM event").fetchone()[0] or 0
        self.clock = HybridClock(last=last)

    # --- opening ------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        data_dir: Path,
        slug: str,
        *,
        title: str,
        date: str,
        desk: Desk,
        venue: str = "",
        city: str = "",
        theme: str = "",
        countries: Iterable[str] = (),
        public_key: str | None = None,
        operator: str = "",
        demo: bool = False,
    ) -> Stage:
        path = stage_path(data_dir, slug)
        if path.exists():
            raise StageExists(f"A stage called '{slug}' already exists.")
        try:
            datetime.strptime(date, "%Y-%m-%d")
        except ValueError as exc:
            raise InvalidInput("The date must be YYYY-MM-DD, e.g. 2026-03-12.") from exc
        if not title.strip():
            raise InvalidInput("A stage needs a title.")
        info = {
            "slug": slug,
            "code": new_stage_code(),
            "title": title.strip(),
            "date": date,
            "venue": venue.strip(),
            "city": city.strip(),
            "theme": theme.strip(),
            "countries": [c.strip() for c in countries if c.strip()],
            # the roadshow's key of this (organizer's) installation, made on first use
            "public_key": tickets.public_key_hex(tickets.ensure_key_pair(data_dir))
            if public_key is None
            else public_key,
        }
        if demo:  # made-up people: never synced, refused by the hub (see `is_demo`)
            info["demo"] = True
        stage_id = uuid7()
        event = _new_event(
            stage_id, desk, 1, HybridClock().now(), "stage_created", None, info, operator
        )
        return cls.from_events(path, desk, [event])

    @classmethod
    def from_events(cls, path: Path, desk: Desk, events: list[Event]) -> Stage:
        """A new stage file made of events (a copy from a stage file or the hub)."""
        first = next((e for e in events if e.kind == "stage_created"), None)
        if first is None:
            raise InvalidInput("These events do not contain the stage's creation.")
        tmp = path.with_name(path.name + ".new")
        tmp.unlink(missing_ok=True)
        conn = _connect(tmp)
        try:
            _migrate(conn, tmp)
            _refresh_search_index(conn)
            _apply_stage_created(conn, first)
            conn.execute(
                "INSERT INTO event (id, stage_id, desk_id, desk_name, operator, desk_seq, hlc, "
                "kind, attendee_id, payload, recorded_at, hub_seq) VALUES "
                "(?,?,?,?,?,?,?,?,?,?,?,?)",
                _event_row(first),
            )
            stage = cls(tmp, desk, conn)
            stage.apply_events([e for e in events if e.id != first.id])
            conn.close()
        except BaseException:
            conn.close()
            tmp.unlink(missing_ok=True)
            raise
        for suffix in ("-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
        os.replace(tmp, path)
        return cls.open_path(path, desk)

    @classmethod
    def open(cls, data_dir: Path, slug: str, desk: Desk) -> Stage:
        path = stage_path(data_dir, slug)
        if not path.exists():
            raise StageNotFound(f"There is no stage called '{slug}' on this desk.")
        return cls.open_path(path, desk)

    @classmethod
    def open_path(cls, path: Path, desk: Desk, *, full_check: bool = False) -> Stage:
        unclean = _mark_open(path)
        try:
            conn = _connect(path)
            check = "integrity_check" if (full_check or unclean) else "quick_check"
            result = conn.execute(f"PRAGMA {check}").fetchall()
            if [r[0] for r in result] != ["ok"]:
                conn.close()
                raise StageDamaged(
                    "The stage file is damaged ("
                    + check.replace("_", " ")
                    + " failed). Restore it from the hub or from a stage export."
                )
            _migrate(conn, path)
            _refresh_search_index(conn)
            stage = cls(path, desk, conn)
            stage.recovered = unclean
        except sqlite3.Error as exc:
            _unmark_open(path)
            raise _translate(exc) from exc
        except BaseException:
            _unmark_open(path)
            raise
        return stage

    @property
    def is_demo(self) -> bool:
        """A demo stage (made-up people): it never syncs, so no report counts them.

        Marked in its `stage_created` event; one made before the marker existed is known by
        the demo's own slug (`roadshow-desk demo` with no SLUG)."""
        row = self.conn.execute(
            "SELECT payload FROM event WHERE kind = 'stage_created' LIMIT 1"
        ).fetchone()
        if row is not None and json.loads(row[0]).get("demo") is True:
            return True
        return self.info.slug == "demo-bergamo"

    def checkpoint_in_background(self, interval_s: float = 1.0) -> None:
        """Copy the WAL into the database on a thread of its own while the desk is idle, so
        no check-in commit pays for it (SQLite's automatic checkpoint runs inside a commit
        every ~1000 pages: it was the whole p99 of a durable check-in)."""
        if self._checkpointer is not None:
            return
        self.conn.execute(f"PRAGMA wal_autocheckpoint = {_SAFETY_CHECKPOINT_PAGES}")
        self._checkpointer = _Checkpointer(self.path, interval_s, lambda: self.last_write)
        self._checkpointer.start()

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()
            self._checkpointer = None
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA optimize")
        self.conn.close()
        _unmark_open(self.path)

    def __enter__(self) -> Stage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ------------------------------------------------------------------------

    @contextlib.contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE): all of it is saved, or none of it.

        Yields the connection; commits when the block ends, rolls back if it raises.
        SQLite errors come out as the app's errors (DiskFull, StageLocked, StageDamaged).
        """
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _translate(exc) from exc
        try:
            yield self.conn
            self.conn.execute("COMMIT")
            self.last_write = time.monotonic()
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            raise _translate(exc) from exc
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            raise

    _write = atomic  # the old private name

    def record(
        self,
        kind: str,
        attendee_id: str | None = None,
        payload: dict[str, Any] | None = None,
        *,
        operator: str = "",
    ) -> Event:
        """Write one event of this desk and the state it changes, durably, in one transaction."""
        return self.record_many([(kind, attendee_id, payload or {})], operator=operator)[0]

    def record_many(
        self,
        items: Iterable[tuple[str, str | None, dict[str, Any]]],
        *,
        operator: str = "",
        unless: Callable[[sqlite3.Connection], bool] | None = None,
    ) -> list[Event]:
        """Record events of this desk. `unless(conn)` is asked inside the write transaction
        (no other desk process can write in between): when true, nothing is recorded."""
        items = list(items)
        self._refuse_a_clock_far_ahead()
        with self.atomic() as conn:
            if unless is not None and unless(conn):
                return []
            seq = conn.execute(
                "SELECT COALESCE(MAX(desk_seq), 0) FROM event WHERE desk_id = ?", (self.desk.id,)
            ).fetchone()[0]
            recorded_at = now_iso()
            events = [
                _new_event(
                    self.info.id,
                    self.desk,
                    seq + i,
                    self.clock.now(),
                    kind,
                    aid,
                    payload,
                    operator,
                    recorded_at,  # one transaction, one moment
                )
                for i, (kind, aid, payload) in enumerate(items, start=1)
            ]
            for event in events:  # the rule the hub and every other desk apply to it
                try:
                    check_event(event)
                except InvalidEvent as exc:
                    raise InvalidInput("This change cannot be recorded: " + exc.message) from None
            people = [e.attendee_id for e in events if e.kind == "attendee_upserted"]
            if len(people) == len(events) and len(set(people)) == len(people):
                # An import: one event per person, so no handler can see another's event.
                new = _unseen_attendees(conn, people)
                conn.executemany(_INSERT_EVENT, [_event_row(e) for e in events])
                _insert_new_people(conn, [e for e in events if e.attendee_id in new])
                for event in events:
                    if event.attendee_id not in new:
                        _apply_upsert(conn, event)
            else:
                for event in events:
                    _apply(conn, event)
            erased = any(e.kind == "redacted" for e in events)
            if erased:
                _forget_erased_words(conn)
        if erased:
            self._checkpoint_after_erasure()
        return events

    def _refuse_a_clock_far_ahead(self) -> None:
        """The hub refuses events from a clock over a day ahead: do not record them at all.

        Known from the hub's last measure of this computer's clock (kept by sync). Once the
        clock is set back (it reads earlier than when it was measured) it is trusted again.
        """
        row = self.conn.execute(
            "SELECT value FROM sync_state WHERE key = ?", (CLOCK_MEASURE_KEY,)
        ).fetchone()
        if row is None:
            return
        try:
            offset_ms, measured_at_ms = (int(v) for v in row[0].split(","))
        except ValueError:
            return
        if offset_ms <= MAX_AHEAD_MS - CLOCK_MARGIN_MS:
            return
        if self.clock.wall_ms() < measured_at_ms - CLOCK_MARGIN_MS:
            return  # set back since the hub measured it
        raise ClockAhead(
            f"This computer's clock is {offset_ms / 3_600_000:.0f} hours ahead of the hub's: "
            "nothing was recorded, because the hub would refuse it. Set the date and time "
            "right (automatic time), then try again."
        )

    def note_clock_offset(self, offset_ms: int) -> None:
        """The hub's measure of this computer's clock (sync calls this after each answer)."""
        self.set_sync_value(CLOCK_MEASURE_KEY, f"{int(offset_ms)},{self.clock.wall_ms()}")

    def _checkpoint_after_erasure(self) -> None:
        """Leave no copy of an erased person's words in the write-ahead log either."""
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def apply_events(self, events: Iterable[Event]) -> int:
        """Merge events from elsewhere (hub, stage file). Idempotent; returns how many were new.

        An event no desk could apply (a broken or hostile payload, a code another person
        holds) is set aside in `quarantine` with the reason, and the others are applied: one
        bad event never stops a desk from syncing. Every event seen moves this desk's clock
        past it, so what this desk records next sorts after what it has seen.
        """
        events = list(events)
        if any(e.stage_id != self.info.id for e in events):
            raise InvalidInput("These events belong to another stage.")
        try:
            applied, erased = self._apply_all(events, careful=False)
        except _Unappliable:
            applied, erased = self._apply_all(events, careful=True)
        if erased:
            self._checkpoint_after_erasure()
        return applied

    def _apply_all(self, events: list[Event], *, careful: bool) -> tuple[int, bool]:
        applied = 0
        erased = False
        with self.atomic() as conn:
            for event in events:
                self.clock.observe(event.hlc)
                if careful:
                    conn.execute("SAVEPOINT one_event")
                try:
                    check_event(event)
                    new = _apply(conn, event)
                except (
                    InvalidEvent,
                    sqlite3.IntegrityError,
                    OverflowError,
                    KeyError,
                    TypeError,
                    ValueError,
                ) as exc:
                    if not careful:
                        raise _Unappliable from exc
                    conn.execute("ROLLBACK TO one_event")
                    conn.execute("RELEASE one_event")
                    _quarantine(conn, event, exc)
                    continue
                if careful:
                    conn.execute("RELEASE one_event")
                if new:
                    applied += 1
                    erased = erased or event.kind == "redacted"
                elif event.hub_seq is not None:
                    conn.execute(
                        "UPDATE event SET hub_seq = ? WHERE id = ? AND hub_seq IS NULL",
                        (event.hub_seq, event.id),
                    )
            if erased:
                _forget_erased_words(conn)
        return applied, erased

    def quarantined(self, source: str | None = None) -> list[dict[str, Any]]:
        """Events set aside: 'pulled' (not applicable here) or 'refused' (own, by the hub)."""
        sql = "SELECT event_id, source, desk_id, kind, reason, at FROM quarantine"
        args: tuple = ()
        if source is not None:
            sql += " WHERE source = ?"
            args = (source,)
        keys = ("event_id", "source", "desk_id", "kind", "reason", "at")
        return [
            dict(zip(keys, r, strict=True)) for r in self.conn.execute(sql + " ORDER BY at", args)
        ]

    def set_aside(self, event_id: str, reason: str) -> None:
        """The hub refused this event of this desk: push the others, retry this one later."""
        with self.atomic() as conn:
            conn.execute(
                "INSERT INTO quarantine (event_id, source, desk_id, kind, attendee_id, reason, at) "
                "SELECT id, 'refused', desk_id, kind, attendee_id, ?, ? FROM event WHERE id = ? "
                "ON CONFLICT (event_id) DO UPDATE SET reason = excluded.reason",
                (reason[:300], now_iso(), event_id),
            )

    def set_aside_events(self) -> list[Event]:
        """This desk's events the hub refused, oldest first (tried again each round)."""
        return [
            Event(*r[:7], json.loads(r[7]), *r[8:])
            for r in self.conn.execute(
                f"SELECT {_EVENT_SELECT} FROM event WHERE hub_seq IS NULL AND id IN "
                "(SELECT event_id FROM quarantine WHERE source = 'refused') ORDER BY desk_seq"
            )
        ]

    # --- attendees ----------------------------------------------------------------------

    def new_attendee(self, fields: dict[str, Any], *, operator: str = "") -> Attendee:
        attendee_id, payload = self.new_attendee_payload(fields)
        self.record("attendee_upserted", attendee_id, payload, operator=operator)
        return self.attendee(attendee_id)

    @staticmethod
    def new_attendee_payload(fields: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        clean = normalise_fields(fields)
        clean.setdefault("category", "guest")
        return uuid7(), {"code": new_attendee_code(), "fields": clean}

    def digest(self) -> str:
        return digest_of(self.conn)

    def status(self) -> dict[str, Any]:
        counts = self.counts()
        return {
            "stage": self.info.slug,
            "title": self.info.title,
            "date": self.info.date,
            "registered": counts["registered"],
            "checked_in": counts["checked_in"],
            "events": self.event_count(),
            "unsynced": self.unsynced_count(),
            "digest": self.digest(),
            "quarantined": len(self.quarantined("pulled")),
            "refused_by_hub": len(self.quarantined("refused")),
        }

    def integrity_check(self) -> None:
        result = [r[0] for r in self.conn.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            raise StageDamaged("The stage file is damaged (integrity check failed).")
