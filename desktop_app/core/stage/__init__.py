"""One stage = one SQLite file: the event log and the state derived from it.

Every change is an event written in the same transaction as the derived tables it updates,
so the event table is also the sync outbox. Derived state is a function of the *set* of
events: applying them in any order, with duplicates, gives the same tables (see `_apply`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop_app.core import paths, tickets
from desktop_app.core.desk import Desk
from desktop_app.core.errors import (
    DiskFull,
    InvalidInput,
    RoadshowError,
    StageDamaged,
    StageExists,
    StageLocked,
    StageNotFound,
)
from desktop_app.core.events import InvalidEvent, check_event
from desktop_app.core.hlc import MAX_AHEAD_MS, HybridClock
from desktop_app.core.ids import new_attendee_code, new_stage_code, uuid7
from desktop_app.core.model import (
    ATTENDEE_FIELDS,
    PERSONAL_FIELDS,
    SESSION_FIELDS,
    TEXT_FIELDS,
    Attendee,
    Event,
    StageInfo,
    canonical_json,
    normalise_fields,
)
from desktop_app.core.search import (
    INDEX_VERSION,
    fold,
    fts_match,
    index_text,
    one_edit_apart,
    query_tokens,
    rank_key,
    typo_candidates,
    typo_match,
)

CLOCK_MEASURE_KEY = "clock/offset"  # sync value: "offset ms,this computer's ms when measured"
CLOCK_MARGIN_MS = 10 * 60 * 1000
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
BUSY_TIMEOUT_MS = 5000
_SAFETY_CHECKPOINT_PAGES = 20000  # with background checkpoints: only if the thread falls behind
_SEARCH_CANDIDATES = 300  # rows looked at per search path: bounds the time of broad words
_MIGRATION_RE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

_ATTENDEE_COLUMNS = (
    "id",
    "code",
    *TEXT_FIELDS,
    "external_codes",
    "extra",
    "status",
    "redacted",
    "checkin_event_id",
    "checked_in_at",
    "checkin_desk",
    "checkin_operator",
    "badge_prints",
)
_ATTENDEE_SELECT = "SELECT " + ", ".join(_ATTENDEE_COLUMNS) + " FROM attendee"
_EVENT_SELECT = (
    "id, stage_id, desk_id, desk_seq, hlc, kind, attendee_id, payload, recorded_at, desk_name, "
    "operator, hub_seq"
)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def validate_slug(slug: str) -> str:
    if not SLUG_RE.match(slug or ""):
        raise InvalidInput(
            "A stage slug is lower-case letters, digits and dashes, e.g. 'bergamo-2026'."
        )
    return slug


def stage_path(data_dir: Path, slug: str) -> Path:
    return paths.stages_dir(data_dir) / f"{validate_slug(slug)}.sqlite"


def _attendee_from_row(row: tuple) -> Attendee:
    data = dict(zip(_ATTENDEE_COLUMNS, row, strict=True))
    data["external_codes"] = json.loads(data["external_codes"])
    data["extra"] = json.loads(data["extra"])
    data["redacted"] = bool(data["redacted"])
    return Attendee(**data)


def _translate(exc: sqlite3.Error) -> RoadshowError:
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name == "SQLITE_FULL" or "full" in text:
        return DiskFull(
            "The disk is full: the last change was NOT saved. Free some space and try again."
        )
    if name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED") or "locked" in text:
        return StageLocked(
            "The stage file is locked by another program. Close it there and try again."
        )
    if (
        name in ("SQLITE_CORRUPT", "SQLITE_NOTADB")
        or "malformed" in text
        or "not a database" in text
    ):
        return StageDamaged(
            "The stage file is damaged. Restore it from the hub or from a stage export."
        )
    if name.startswith("SQLITE_IOERR") or name in ("SQLITE_READONLY", "SQLITE_CANTOPEN"):
        return StageDamaged("The stage file cannot be written (" + name + ").")
    raise exc


class ClockAhead(RoadshowError):
    """This computer's clock is so far ahead that the hub would refuse what it records."""

    code = "clock_ahead"


class Stage:
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
    def _write(self) -> Iterator[sqlite3.Connection]:
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
        with self._write() as conn:
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
        with self._write() as conn:
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
        with self._write() as conn:
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

    def mark_acknowledged(self, acks: Iterable[tuple[str, int]]) -> None:
        """The hub holds these events (event id, hub sequence)."""
        acks = list(acks)
        with self._write() as conn:
            conn.executemany("UPDATE event SET hub_seq = ? WHERE id = ?", [(s, i) for i, s in acks])
            if conn.execute("SELECT 1 FROM quarantine WHERE source = 'refused' LIMIT 1").fetchone():
                conn.executemany(
                    "DELETE FROM quarantine WHERE event_id = ? AND source = 'refused'",
                    [(i,) for i, _ in acks],
                )

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

    def attendee(self, attendee_id: str) -> Attendee:
        row = self.conn.execute(_ATTENDEE_SELECT + " WHERE id = ?", (attendee_id,)).fetchone()
        if row is None:
            raise KeyError(attendee_id)
        return _attendee_from_row(row)

    def attendee_by_code(self, code: str) -> Attendee | None:
        row = self.conn.execute(_ATTENDEE_SELECT + " WHERE code = ?", (code.upper(),)).fetchone()
        return None if row is None else _attendee_from_row(row)

    def attendee_by_external_code(self, code: str) -> Attendee | None:
        row = self.conn.execute(
            _ATTENDEE_SELECT
            + " WHERE id = (SELECT MIN(attendee_id) FROM external_code WHERE code = ?)",
            (code.strip().upper(),),
        ).fetchone()
        return None if row is None else _attendee_from_row(row)

    def attendees_by_email(self, email: str) -> list[Attendee]:
        rows = self.conn.execute(
            _ATTENDEE_SELECT + " WHERE email = ? COLLATE NOCASE", (email.strip().lower(),)
        ).fetchall()
        return [_attendee_from_row(r) for r in rows]

    def consular_corps(self) -> list[Attendee]:
        """Active people with a consular rank or of the consul category (precedence list)."""
        rows = self.conn.execute(
            _ATTENDEE_SELECT + " WHERE status = 'active' AND (category = 'consul' "
            "OR consular_rank <> '') ORDER BY sort_name, id"
        ).fetchall()
        return [_attendee_from_row(r) for r in rows]

    def attendees(
        self,
        *,
        category: str | None = None,
        checked_in: bool | None = None,
        include_cancelled: bool = True,
        order: str = "surname",
    ) -> list[Attendee]:
        where, args = [], []
        if category:
            where.append("category = ?")
            args.append(category)
        if checked_in is not None:
            where.append("checkin_event_id IS " + ("NOT NULL" if checked_in else "NULL"))
        if not include_cancelled:
            where.append("status = 'active'")
        sql = _ATTENDEE_SELECT + (" WHERE " + " AND ".join(where) if where else "")
        sql += (
            " ORDER BY company COLLATE NOCASE, sort_name"
            if order == "company"
            else " ORDER BY sort_name, id"
        )
        return [_attendee_from_row(r) for r in self.conn.execute(sql, args)]

    def checkins_of(self, attendee_id: str, session_id: str = "") -> list[dict[str, Any]]:
        """This person's check-in events at this door, with whether each was undone."""
        rows = self.conn.execute(
            "SELECT event_id, recorded_at, desk_name, operator, cancelled, forced FROM checkin "
            "WHERE attendee_id = ? AND session_id = ? ORDER BY hlc, desk_id, desk_seq",
            (attendee_id, session_id),
        ).fetchall()
        keys = ("event_id", "recorded_at", "desk", "operator", "cancelled", "forced")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def search(self, query: str, limit: int = 20, *, typos: bool = True) -> list[Attendee]:
        """Every word typed must start a word of the name, company, email or a code.

        Ranked for a desk: people whose surname starts with the first word (alphabetical, a
        whole-word surname first), then other name matches, then company, email and codes.
        Work is bounded however broad the words are ("s", "example"): the surname path walks an
        index, the other paths look at a capped number of candidates. When no one matches,
        one typo in a word is forgiven ("rosi" finds Rossi) unless `typos` is False (a
        decision that must not rest on a guess).
        """
        tokens = query_tokens(query)
        if not tokens or limit <= 0:
            return []
        order = query.strip().upper()
        if order and " " not in order and len(order) <= 40:  # an order code: that order's people
            rows = self.conn.execute(
                # "<> ''" lets SQLite use the partial index (else: a scan at every keystroke)
                _ATTENDEE_SELECT
                + " WHERE order_code = ? AND order_code <> '' ORDER BY sort_name, id LIMIT ?",
                (order, limit),
            ).fetchall()
            if rows:
                return [_attendee_from_row(r) for r in rows]
        ids: list[str] = []
        seen: set[str] = set()

        def take(rows: list[tuple]) -> None:
            for r in rows:
                if r[0] not in seen and len(ids) < limit:
                    seen.add(r[0])
                    ids.append(r[0])

        head = tokens[0]
        surname_rows = self.conn.execute(
            "SELECT id, first_name, last_name, company, sort_name FROM attendee "
            "WHERE sort_name >= ? AND sort_name < ? ORDER BY sort_name LIMIT ?",
            (head, head + "\U0010ffff", _SEARCH_CANDIDATES),
        ).fetchall()
        take(
            sorted(
                (r for r in surname_rows if rank_key(tokens, r[1], r[2], r[3])[0] == 0),
                key=lambda r: (rank_key(tokens, r[1], r[2], r[3]), r[4]),
            )
        )
        match = fts_match(tokens)
        for column_filter in ("{names} : ", ""):
            if len(ids) >= limit:
                break
            rows = self.conn.execute(
                "SELECT a.id, a.first_name, a.last_name, a.company, a.sort_name FROM attendee a "
                "WHERE a.rowid IN (SELECT rowid FROM attendee_fts WHERE attendee_fts MATCH ? LIMIT ?)",
                (column_filter + "(" + match + ")", _SEARCH_CANDIDATES),
            ).fetchall()
            take(sorted(rows, key=lambda r: (rank_key(tokens, r[1], r[2], r[3]), r[4])))
        if not ids and typos:
            take(self._search_one_typo(tokens))
        if not ids:
            return []
        found = {
            r[0]: _attendee_from_row(r)
            for r in self.conn.execute(
                _ATTENDEE_SELECT + f" WHERE id IN ({','.join('?' * len(ids))})", ids
            )
        }
        return [found[i] for i in ids]

    def _search_one_typo(self, tokens: list[str]) -> list[tuple]:
        """When no one matches as typed: one word typed with one typo ("rosi", "rossu").

        Only whole words of names are corrected, and only words the stage holds (looked up in
        the index's term list), so the work is a few index seeks whatever the stage's size.
        """
        self.conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.attendee_terms "
            "USING fts5vocab(main, attendee_fts, col)"
        )
        corrections: list[list[str]] = []
        for token in tokens:
            prefix, head = typo_candidates(token)
            words: set[str] = set()
            if prefix:
                near = self.conn.execute(
                    "SELECT term FROM temp.attendee_terms "
                    "WHERE col = 'names' AND term >= ? AND term < ?",
                    (prefix, prefix + "\U0010ffff"),
                )
                words.update(t for (t,) in near if one_edit_apart(token, t))
                known = self.conn.execute(
                    "SELECT term FROM temp.attendee_terms WHERE col = 'names' "
                    f"AND term IN ({','.join('?' * len(head))})",
                    head,
                )
                words.update(t for (t,) in known)
            corrections.append(sorted(words))
        match = typo_match(tokens, corrections)
        if not match:
            return []
        rows = self.conn.execute(
            "SELECT a.id, a.first_name, a.last_name, a.company, a.sort_name FROM attendee a "
            "WHERE a.rowid IN (SELECT rowid FROM attendee_fts WHERE attendee_fts MATCH ? LIMIT ?)",
            ("{names} : (" + match + ")", _SEARCH_CANDIDATES),
        ).fetchall()
        surnames = set(corrections[0])
        return sorted(rows, key=lambda r: (not surnames.intersection(fold(r[2]).split()), r[4]))

    # --- sessions -----------------------------------------------------------------------

    def sessions(self, include_deleted: bool = False) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT s.id, s.name, s.kind, s.room, s.starts_at, s.ends_at, s.capacity, s.deleted, "
            "(SELECT COUNT(DISTINCT attendee_id) FROM checkin c WHERE c.session_id = s.id "
            " AND c.cancelled = 0) FROM session s ORDER BY s.starts_at, s.name"
        ).fetchall()
        keys = (
            "id",
            "name",
            "kind",
            "room",
            "starts_at",
            "ends_at",
            "capacity",
            "deleted",
            "present",
        )
        out = [dict(zip(keys, r, strict=True)) for r in rows]
        return out if include_deleted else [s for s in out if not s["deleted"]]

    def session_attendance(self, session_id: str, attendee_id: str) -> bool:
        return (
            self.conn.execute(
                "SELECT 1 FROM checkin WHERE attendee_id = ? AND session_id = ? AND cancelled = 0",
                (attendee_id, session_id),
            ).fetchone()
            is not None
        )

    # --- reading the whole --------------------------------------------------------------

    def counts(self) -> dict[str, Any]:
        rows = self.conn.execute(
            "SELECT category, COUNT(*), COUNT(checkin_event_id) FROM attendee "
            "WHERE status = 'active' GROUP BY category"
        ).fetchall()
        by_category = {cat: {"registered": n, "checked_in": c} for cat, n, c in rows}
        return {
            "registered": sum(v["registered"] for v in by_category.values()),
            "checked_in": sum(v["checked_in"] for v in by_category.values()),
            "by_category": by_category,
        }

    def recent_checkins(self, limit: int = 10, session_id: str = "") -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT c.event_id, c.attendee_id, c.recorded_at, c.desk_name, c.cancelled, "
            "a.title, a.first_name, a.last_name, a.company, a.category, "
            # first arrival at this door: the stage's is on the person; a session's is the
            # earliest surviving check-in at that session
            "CASE WHEN c.session_id = '' THEN c.event_id = a.checkin_event_id ELSE "
            "c.cancelled = 0 AND c.event_id = (SELECT f.event_id FROM checkin f "
            "WHERE f.attendee_id = c.attendee_id AND f.session_id = c.session_id "
            "AND f.cancelled = 0 ORDER BY f.hlc, f.desk_id, f.desk_seq LIMIT 1) END "
            "FROM checkin c JOIN attendee a ON a.id = c.attendee_id "
            "WHERE c.session_id = ? ORDER BY c.hlc DESC, c.desk_id DESC, c.desk_seq DESC LIMIT ?",
            (session_id, limit),
        ).fetchall()
        keys = (
            "event_id",
            "attendee_id",
            "recorded_at",
            "desk",
            "cancelled",
            "title",
            "first_name",
            "last_name",
            "company",
            "category",
            "first_arrival",
        )
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def recent_refusals(self, limit: int = 10, session_id: str = "") -> list[dict[str, Any]]:
        """This desk's last refused scans at this door (`scan_refused`), newest first."""
        rows = self.conn.execute(
            "SELECT e.id, e.attendee_id, e.recorded_at, e.payload, a.title, a.first_name, "
            "a.last_name FROM event e LEFT JOIN attendee a ON a.id = e.attendee_id "
            "WHERE e.kind = 'scan_refused' AND e.desk_id = ? "
            "AND COALESCE(json_extract(e.payload, '$.session_id'), '') = ? "
            "ORDER BY e.hlc DESC LIMIT ?",
            (self.desk.id, session_id, limit),
        ).fetchall()
        return [
            {
                "event_id": r[0],
                "attendee_id": r[1],
                "recorded_at": r[2],
                "outcome": json.loads(r[3]).get("outcome", ""),
                "title": r[4] or "",
                "first_name": r[5] or "",
                "last_name": r[6] or "",
            }
            for r in rows
        ]

    def cancellation_reason(self, attendee_id: str) -> str:
        """Why this person's registration is cancelled: the reason of the event that set the
        status last (a cancellation at a desk, or an import's status column), else ''."""
        row = self.conn.execute(
            "SELECT kind, payload FROM event WHERE attendee_id = ? AND (kind = "
            "'attendee_cancelled' OR (kind = 'attendee_upserted' AND "
            "json_extract(payload, '$.status') IS NOT NULL)) "
            "ORDER BY hlc DESC, desk_id DESC, desk_seq DESC LIMIT 1",
            (attendee_id,),
        ).fetchone()
        if row is None:
            return ""
        kind, payload = row[0], json.loads(row[1])
        cancelled = (
            payload.get("cancelled", True)
            if kind == "attendee_cancelled"
            else payload.get("status") == "cancelled"
        )
        return str(payload.get("reason") or "") if cancelled else ""

    def duplicate_checkins(self) -> list[dict[str, Any]]:
        """People checked in more than once at the stage door (e.g. at two offline desks)."""
        rows = self.conn.execute(
            "SELECT c.attendee_id, a.code FROM checkin c JOIN attendee a ON a.id = c.attendee_id "
            "WHERE c.session_id = '' AND c.cancelled = 0 GROUP BY c.attendee_id HAVING COUNT(*) > 1"
        ).fetchall()
        return [
            {"attendee_id": aid, "code": code, "checkins": self.checkins_of(aid)}
            for aid, code in rows
        ]

    def events(self, *, after_hub_seq: int | None = None) -> Iterator[Event]:
        sql = (
            "SELECT id, stage_id, desk_id, desk_seq, hlc, kind, attendee_id, payload, "
            "recorded_at, desk_name, operator, hub_seq FROM event"
        )
        args: tuple = ()
        if after_hub_seq is not None:
            sql += " WHERE hub_seq > ?"
            args = (after_hub_seq,)
        for r in self.conn.execute(sql + " ORDER BY hlc, desk_id, desk_seq", args):
            yield Event(*r[:7], json.loads(r[7]), *r[8:])

    def unsynced_events(self, limit: int | None = None) -> list[Event]:
        """This desk's events the hub has not acknowledged yet, oldest first."""
        sql = (
            "SELECT id, stage_id, desk_id, desk_seq, hlc, kind, attendee_id, payload, "
            "recorded_at, desk_name, operator, hub_seq FROM event "
            "WHERE desk_id = ? AND hub_seq IS NULL AND id NOT IN "
            "(SELECT event_id FROM quarantine WHERE source = 'refused') ORDER BY desk_seq"
        )
        args: tuple = (self.desk.id,)
        if limit is not None:
            sql += " LIMIT ?"
            args += (limit,)
        return [Event(*r[:7], json.loads(r[7]), *r[8:]) for r in self.conn.execute(sql, args)]

    def event_count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM event").fetchone()[0]

    def unsynced_count(self) -> int:
        return self.conn.execute(
            "SELECT COUNT(*) FROM event WHERE desk_id = ? AND hub_seq IS NULL", (self.desk.id,)
        ).fetchone()[0]

    def get_sync_value(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
        return default if row is None else row[0]

    def set_sync_value(self, key: str, value: str) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO sync_state (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

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


class _Checkpointer(threading.Thread):
    """PASSIVE checkpoints from a connection of its own: never blocks the desk's writes."""

    IDLE_S = 0.5  # no write for this long: the queue has paused

    def __init__(self, path: Path, interval_s: float, last_write: Callable[[], float]) -> None:
        super().__init__(name=f"checkpoint {path.name}", daemon=True)
        self.path = path
        self.interval_s = interval_s
        self.last_write = last_write
        self._stop_event = threading.Event()

    def run(self) -> None:
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=1)
        except sqlite3.Error:
            return
        try:
            while not self._stop_event.wait(self.interval_s):
                if time.monotonic() - self.last_write() < self.IDLE_S:
                    continue
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            conn.close()

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=5)


def list_stages(data_dir: Path) -> list[dict[str, Any]]:
    """Every stage file in the data dir, with its title, date and counts (read-only)."""
    out = []
    for path in sorted(paths.stages_dir(data_dir).glob("*.sqlite")):
        try:
            db = sqlite_utils.Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2))
            try:
                row = next(
                    db.query("SELECT id, slug, code, title, date, venue, city FROM stage"), None
                )
                counts = next(
                    db.query(
                        "SELECT COUNT(*) AS registered, COUNT(checkin_event_id) AS checked_in "
                        "FROM attendee WHERE status = 'active'"
                    )
                )
            finally:
                db.close()
        except sqlite3.Error:
            out.append({"slug": path.stem, "error": "damaged or locked"})
            continue
        if row is not None:
            out.append({**row, **counts})
    return out


def find_stage_by_code(data_dir: Path, code: str) -> dict[str, Any] | None:
    return next((s for s in list_stages(data_dir) if s.get("code") == code), None)


# --- the file ---------------------------------------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise StageLocked("The stage file could not be opened for writing.")
        conn.execute("PRAGMA synchronous = FULL")  # a laptop battery dies: check-ins must stay
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")  # erased words leave no bytes in free pages
        conn.execute("PRAGMA cache_size = -32000")  # 32 MB: imports of 50k people stay in memory
    except sqlite3.Error as exc:
        raise _translate(exc) from exc
    return conn


def _markers(path: Path) -> list[Path]:
    return list(path.parent.glob(path.name + ".open-*"))


def _mark_open(path: Path) -> bool:
    """Leave a marker while open; a marker of a dead process means an unclean shutdown."""
    unclean = False
    for marker in _markers(path):
        try:
            pid = int(marker.name.rsplit("-", 1)[1])
        except ValueError:
            continue
        if pid != os.getpid() and not _alive(pid):
            unclean = True
            marker.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        marker = path.with_name(f"{path.name}.open-{os.getpid()}")
        count = int(marker.read_text() or 0) if marker.exists() else 0
        marker.write_text(str(count + 1))
    return unclean


def _unmark_open(path: Path) -> None:
    marker = path.with_name(f"{path.name}.open-{os.getpid()}")
    with contextlib.suppress(OSError, ValueError):
        count = int(marker.read_text() or 1) - 1
        if count <= 0:
            marker.unlink()
        else:
            marker.write_text(str(count))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def migrations() -> list[tuple[int, str, str]]:
    out = []
    for file in sorted(paths.migrations_dir().glob("*.sql")):
        match = _MIGRATION_RE.match(file.name)
        if match:
            out.append((int(match.group(1)), match.group(2), file.read_text("utf-8")))
    return out


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Apply numbered migrations, each atomically with its record; copy the file aside first."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    # every shipped step not yet recorded in the file: a step numbered below one already
    # applied (two branches of work that landed in another order) still runs once
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'migration'").fetchone():
        applied = {r[0] for r in conn.execute("SELECT number FROM migration")}
    else:
        applied = set(range(1, version + 1))
    pending = [m for m in migrations() if m[0] not in applied]
    if not pending:
        return
    if version > 0:
        backup = path.with_name(f"{path.name}.before-migration-{pending[0][0]:04d}")
        conn.execute("PRAGMA wal_checkpoint(FULL)")
        shutil.copy2(path, backup)
    for number, name, sql in pending:
        try:
            conn.executescript(
                "BEGIN IMMEDIATE;\n"
                + sql
                + "\nCREATE TABLE IF NOT EXISTS migration (number INTEGER PRIMARY KEY, name TEXT, applied_at TEXT);"
                + f"\nINSERT INTO migration VALUES ({number}, '{name}', '{now_iso()}');"
                + f"\nPRAGMA user_version = {max(number, version)};\nCOMMIT;"
            )
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise StageDamaged(
                f"The stage file could not be upgraded (step {number:04d} {name} failed: {exc}). "
                "It was left as it was; a copy was kept beside it."
            ) from exc


def _refresh_search_index(conn: sqlite3.Connection) -> None:
    """Rebuild the search index once when it was built by an older `index_text`."""
    if conn.execute("SELECT version FROM search_index").fetchone()[0] >= INDEX_VERSION:
        return
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        if conn.execute("SELECT version FROM search_index").fetchone()[0] >= INDEX_VERSION:
            return  # another process did it while we waited
        for (rowid,) in conn.execute("SELECT rowid FROM attendee").fetchall():
            _reindex(conn, rowid)
        conn.execute("UPDATE search_index SET version = ?", (INDEX_VERSION,))


# --- events -> derived state ----------------------------------------------------------------


def _new_event(
    stage_id: str,
    desk: Desk,
    seq: int,
    hlc: int,
    kind: str,
    attendee_id: str | None,
    payload: dict[str, Any],
    operator: str,
    recorded_at: str | None = None,
) -> Event:
    return Event(
        id=uuid7(),
        stage_id=stage_id,
        desk_id=desk.id,
        desk_seq=seq,
        hlc=hlc,
        kind=kind,
        attendee_id=attendee_id,
        payload=payload,
        recorded_at=recorded_at or now_iso(),
        desk_name=desk.name,
        operator=operator,
    )


def _event_row(e: Event) -> tuple:
    return (
        e.id,
        e.stage_id,
        e.desk_id,
        e.desk_name,
        e.operator,
        e.desk_seq,
        e.hlc,
        e.kind,
        e.attendee_id,
        _compact_json(e.payload),
        e.recorded_at,
        e.hub_seq,
    )


# json.dumps with options builds a new encoder on every call: a third of an import's time
_compact_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_sorted_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
_FIELD_SET = frozenset(ATTENDEE_FIELDS)
_JSON_FIELDS = frozenset(("external_codes", "extra"))

_INSERT_EVENT = (
    "INSERT OR IGNORE INTO event (id, stage_id, desk_id, desk_name, operator, desk_seq, hlc, "
    "kind, attendee_id, payload, recorded_at, hub_seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
)


def _apply(conn: sqlite3.Connection, event: Event) -> bool:
    """Store the event and update derived state. False when the event was already there."""
    cur = conn.execute(_INSERT_EVENT, _event_row(event))
    if cur.rowcount == 0:
        return False
    handler = _HANDLERS.get(event.kind)
    if handler is not None:
        handler(conn, event)
    return True


def _apply_stage_created(conn: sqlite3.Connection, event: Event) -> None:
    if conn.execute("SELECT 1 FROM stage").fetchone():
        return
    p = event.payload
    conn.execute(
        "INSERT INTO stage (id, slug, code, title, date, venue, city, theme, countries, "
        "public_key, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            event.stage_id,
            p["slug"],
            p["code"],
            p["title"],
            p["date"],
            p.get("venue", ""),
            p.get("city", ""),
            p.get("theme", ""),
            json.dumps(p.get("countries", []), ensure_ascii=False),
            p.get("public_key", ""),
            event.recorded_at,
        ),
    )


def _stored_value(name: str, value: Any) -> Any:
    if name in ("external_codes", "extra"):
        if not value:
            return "[]" if name == "external_codes" else "{}"
        return _sorted_json(value)
    return value


def _sort_name(last_name: str, first_name: str) -> str:
    return fold(f"{last_name} {first_name}").strip()


def _fields_of(kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    if kind == "attendee_cancelled":
        return {"status": "cancelled" if payload.get("cancelled", True) else "active"}
    fields = {k: v for k, v in payload.get("fields", {}).items() if k in _FIELD_SET}
    if payload.get("status") in ("active", "cancelled"):
        fields["status"] = payload["status"]
    return fields


def _apply_upsert(conn: sqlite3.Connection, event: Event) -> None:
    """Attendee fields: last writer wins, per field, by (hlc, desk id, desk seq)."""
    code = str(event.payload.get("code") or "").upper()
    seen = conn.execute(
        "SELECT COUNT(*) FROM (SELECT 1 FROM event WHERE attendee_id = ? LIMIT 2)",
        (event.attendee_id,),
    ).fetchone()[0]
    if seen == 1 and code:  # the usual case: a person seen for the first time
        fields = _fields_of(event.kind, event.payload)
        key = [event.hlc, event.desk_id, event.desk_seq]
        values = {name: _stored_value(name, v) for name, v in fields.items()}
        values["sort_name"] = _sort_name(values.get("last_name", ""), values.get("first_name", ""))
        cols = ["id", "code", "field_clock", *values]
        cur = conn.execute(
            f"INSERT INTO attendee ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            (event.attendee_id, code, _compact_clock(key, fields), *values.values()),
        )
        codes = fields.get("external_codes") or []
        if codes:
            conn.executemany(
                "INSERT OR IGNORE INTO external_code (code, attendee_id) VALUES (?, ?)",
                [(c, event.attendee_id) for c in codes],
            )
        _index_new(conn, cur.lastrowid, code, fields)
        return
    row = conn.execute(
        "SELECT rowid, field_clock, redacted FROM attendee WHERE id = ?", (event.attendee_id,)
    ).fetchone()
    if row is not None:
        _merge_fields(conn, event, row)
        if row[2]:  # an edit recorded before the erasure arrived after it: keep no trace
            _scrub_payloads(conn, "id = ?", (event.id,))
        return
    if not code:
        return  # the person's creation has not arrived yet; it will replay this event
    history = conn.execute(
        "SELECT kind, payload, hlc, desk_id, desk_seq FROM event WHERE attendee_id = ?",
        (event.attendee_id,),
    ).fetchall()
    # Events about this person arrived before their creation: replay them all (any order).
    conn.execute("INSERT INTO attendee (id, code) VALUES (?, ?)", (event.attendee_id, code))
    for kind, payload, hlc, desk_id, desk_seq in history:
        if kind in ("attendee_upserted", "attendee_cancelled"):
            row = conn.execute(
                "SELECT rowid, field_clock, redacted FROM attendee WHERE id = ?",
                (event.attendee_id,),
            ).fetchone()
            replay = Event(
                "",
                event.stage_id,
                desk_id,
                desk_seq,
                hlc,
                kind,
                event.attendee_id,
                json.loads(payload),
                "",
            )
            _merge_fields(conn, replay, row, reindex=False)
    rowid = conn.execute(
        "SELECT rowid FROM attendee WHERE id = ?", (event.attendee_id,)
    ).fetchone()[0]
    _sync_external_codes(conn, event.attendee_id)
    _reindex(conn, rowid)
    _refresh_arrival(conn, event.attendee_id)
    prints = sum(1 for h in history if h[0] == "badge_printed")
    conn.execute("UPDATE attendee SET badge_prints = ? WHERE id = ?", (prints, event.attendee_id))
    if any(h[0] == "redacted" for h in history):
        _redact(conn, event.attendee_id)


def _compact_clock(key: list, fields: dict[str, Any]) -> str:
    """The clock of a person's creation: one key for all the fields it set (most people are
    never edited, and a per-field copy of the key tripled the stage file)."""
    hlc, desk_id, desk_seq = key
    return f'{{"*":[{int(hlc)},{_compact_json(desk_id)},{int(desk_seq)}],"f":{_field_list_json(tuple(fields))}}}'


@lru_cache(maxsize=256)
def _field_list_json(names: tuple[str, ...]) -> str:
    return json.dumps(list(names))


def _expand_clock(clock_json: str) -> dict[str, Any]:
    clock = json.loads(clock_json)
    if "*" in clock:
        base, names = clock.pop("*"), clock.pop("f")
        clock = {**dict.fromkeys(names, base), **clock}
    return clock


def _merge_fields(
    conn: sqlite3.Connection, event: Event, row: tuple, *, reindex: bool = True
) -> None:
    rowid, clock_json, redacted = row
    fields = _fields_of(event.kind, event.payload)
    key = [event.hlc, event.desk_id, event.desk_seq]
    clock = _expand_clock(clock_json)
    changed = set()
    for name in fields:
        if redacted and name in PERSONAL_FIELDS:
            continue
        old = clock.get(name)
        if old is None or key > old:
            clock[name] = key
            changed.add(name)
    if not changed:
        return
    values = {name: _stored_value(name, fields[name]) for name in changed}
    assignments = ", ".join(f"{name} = ?" for name in values)
    conn.execute(
        f"UPDATE attendee SET {assignments}, field_clock = ? WHERE id = ?",
        (*values.values(), json.dumps(clock), event.attendee_id),
    )
    if changed & {"first_name", "last_name"}:
        first, last = conn.execute(
            "SELECT first_name, last_name FROM attendee WHERE id = ?", (event.attendee_id,)
        ).fetchone()
        conn.execute(
            "UPDATE attendee SET sort_name = ? WHERE id = ?",
            (_sort_name(last, first), event.attendee_id),
        )
    if not reindex:
        return
    if "external_codes" in changed:
        _sync_external_codes(conn, event.attendee_id)
    if changed & {"title", "first_name", "last_name", "company", "email", "external_codes"}:
        _reindex(conn, rowid)


def _sync_external_codes(conn: sqlite3.Connection, attendee_id: str | None) -> None:
    conn.execute("DELETE FROM external_code WHERE attendee_id = ?", (attendee_id,))
    codes = json.loads(
        conn.execute("SELECT external_codes FROM attendee WHERE id = ?", (attendee_id,)).fetchone()[
            0
        ]
    )
    conn.executemany(
        "INSERT OR IGNORE INTO external_code (code, attendee_id) VALUES (?, ?)",
        [(c, attendee_id) for c in codes],
    )


def _unseen_attendees(conn: sqlite3.Connection, ids: list[str | None]) -> set[str | None]:
    """The ids no event of this file mentions yet."""
    if not conn.execute("SELECT 1 FROM event WHERE attendee_id IS NOT NULL LIMIT 1").fetchone():
        return set(ids)  # nobody yet: the first import into a new stage
    seen: set[str | None] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        seen.update(
            r[0]
            for r in conn.execute(
                f"SELECT DISTINCT attendee_id FROM event WHERE attendee_id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
        )
    return set(ids) - seen


def _insert_new_people(conn: sqlite3.Connection, events: list[Event]) -> None:
    """Bulk form of the first-creation path of `_apply_upsert` (same rows, fewer calls)."""
    events = [e for e in events if e.payload.get("code")]
    if not events:
        return
    next_rowid = conn.execute("SELECT COALESCE(MAX(rowid), 0) + 1 FROM attendee").fetchone()[0]
    groups: dict[tuple[str, ...], list[tuple]] = {}
    external: list[tuple[str, str | None]] = []
    fts: list[tuple] = []
    for rowid, event in enumerate(events, start=next_rowid):
        fields = _fields_of(event.kind, event.payload)
        code = str(event.payload["code"]).upper()
        key = [event.hlc, event.desk_id, event.desk_seq]
        values = dict(fields)
        for name in _JSON_FIELDS.intersection(values):
            values[name] = _stored_value(name, values[name])
        values["sort_name"] = _sort_name(values.get("last_name", ""), values.get("first_name", ""))
        row = (rowid, event.attendee_id, code, _compact_clock(key, fields), *values.values())
        groups.setdefault(tuple(values), []).append(row)
        external.extend((c, event.attendee_id) for c in fields.get("external_codes") or [])
        fts.append(_fts_row(rowid, code, fields))
    for names, rows in groups.items():
        cols = ["rowid", "id", "code", "field_clock", *names]
        conn.executemany(
            f"INSERT INTO attendee ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", rows
        )
    conn.executemany(
        "INSERT OR IGNORE INTO external_code (code, attendee_id) VALUES (?, ?)", external
    )
    conn.executemany(_INSERT_FTS, fts)


_INSERT_FTS = (
    "INSERT INTO attendee_fts (rowid, names, company, email, codes) VALUES (?, ?, ?, ?, ?)"
)


def _fts_row(rowid: int | None, code: str, fields: dict[str, Any]) -> tuple:
    g = fields.get
    return (
        rowid,
        index_text(g("title", ""), g("first_name", ""), g("last_name", "")),
        index_text(g("company", "")),
        g("email", ""),
        " ".join([code, *(g("external_codes") or [])]),
    )


def _index_new(
    conn: sqlite3.Connection, rowid: int | None, code: str, fields: dict[str, Any]
) -> None:
    conn.execute(_INSERT_FTS, _fts_row(rowid, code, fields))


def _reindex(conn: sqlite3.Connection, rowid: int) -> None:
    row = conn.execute(
        "SELECT title, first_name, last_name, company, email, code, external_codes, redacted "
        "FROM attendee WHERE rowid = ?",
        (rowid,),
    ).fetchone()
    conn.execute("DELETE FROM attendee_fts WHERE rowid = ?", (rowid,))
    title, first, last, company, email, code, external, redacted = row
    codes = " ".join([code, *json.loads(external)])
    conn.execute(
        "INSERT INTO attendee_fts (rowid, names, company, email, codes) VALUES (?, ?, ?, ?, ?)",
        (rowid, index_text(title, first, last), index_text(company), email, codes),
    )


def _apply_checkin(conn: sqlite3.Connection, event: Event) -> None:
    session_id = (
        str(event.payload.get("session_id") or "") if event.kind == "session_checkin" else ""
    )
    cancelled = conn.execute(
        "SELECT 1 FROM cancellation WHERE checkin_event_id = ? LIMIT 1", (event.id,)
    ).fetchone()
    conn.execute(
        "INSERT OR IGNORE INTO checkin (event_id, attendee_id, session_id, hlc, desk_id, desk_seq, "
        "desk_name, operator, recorded_at, forced, cancelled) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            event.id,
            event.attendee_id,
            session_id,
            event.hlc,
            event.desk_id,
            event.desk_seq,
            event.desk_name,
            event.operator,
            event.recorded_at,
            1 if event.payload.get("forced") else 0,
            1 if cancelled else 0,
        ),
    )
    if not session_id and not cancelled:
        _refresh_arrival(conn, event.attendee_id)


def _apply_undo(conn: sqlite3.Connection, event: Event) -> None:
    cancels = [str(c) for c in event.payload.get("cancels", [])]
    conn.executemany(
        "INSERT OR IGNORE INTO cancellation (checkin_event_id, undo_event_id) VALUES (?, ?)",
        [(c, event.id) for c in cancels],
    )
    affected = set()
    for checkin_id in cancels:
        row = conn.execute(
            "SELECT attendee_id FROM checkin WHERE event_id = ?", (checkin_id,)
        ).fetchone()
        if row:
            conn.execute("UPDATE checkin SET cancelled = 1 WHERE event_id = ?", (checkin_id,))
            affected.add(row[0])
    for attendee_id in affected:
        _refresh_arrival(conn, attendee_id)


def _refresh_arrival(conn: sqlite3.Connection, attendee_id: str | None) -> None:
    """First arrival = the earliest check-in at the stage door that no undo cancelled."""
    first = conn.execute(
        "SELECT event_id, recorded_at, desk_name, operator FROM checkin "
        "WHERE attendee_id = ? AND session_id = '' AND cancelled = 0 "
        "ORDER BY hlc, desk_id, desk_seq LIMIT 1",
        (attendee_id,),
    ).fetchone()
    conn.execute(
        "UPDATE attendee SET checkin_event_id = ?, checked_in_at = ?, checkin_desk = ?, "
        "checkin_operator = ? WHERE id = ?",
        (*(first or (None, None, None, None)), attendee_id),
    )


def _apply_badge_printed(conn: sqlite3.Connection, event: Event) -> None:
    conn.execute(
        "UPDATE attendee SET badge_prints = badge_prints + 1 WHERE id = ?", (event.attendee_id,)
    )


def _apply_session_defined(conn: sqlite3.Connection, event: Event) -> None:
    session_id = str(event.payload.get("session_id") or "")
    if not session_id:
        return
    fields = {k: v for k, v in event.payload.get("fields", {}).items() if k in SESSION_FIELDS}
    key = [event.hlc, event.desk_id, event.desk_seq]
    row = conn.execute("SELECT field_clock FROM session WHERE id = ?", (session_id,)).fetchone()
    if row is None:
        conn.execute("INSERT INTO session (id) VALUES (?)", (session_id,))
        clock: dict[str, Any] = {}
    else:
        clock = json.loads(row[0])
    changed = {}
    for name, value in fields.items():
        old = clock.get(name)
        if old is None or key > old:
            clock[name] = key
            changed[name] = value
    if changed:
        if "deleted" in changed:
            changed["deleted"] = 1 if changed["deleted"] else 0
        assignments = ", ".join(f"{n} = ?" for n in changed)
        conn.execute(
            f"UPDATE session SET {assignments}, field_clock = ? WHERE id = ?",
            (*changed.values(), json.dumps(clock), session_id),
        )


def _apply_redacted(conn: sqlite3.Connection, event: Event) -> None:
    _redact(conn, event.attendee_id)


def _redact(conn: sqlite3.Connection, attendee_id: str | None) -> None:
    """Blank a person's personal fields here and in the payloads of the events about them."""
    row = conn.execute("SELECT rowid FROM attendee WHERE id = ?", (attendee_id,)).fetchone()
    if row is None:
        return  # the person arrives later: _apply_upsert redacts on arrival
    blanks = {
        n: ("[]" if n == "external_codes" else "{}" if n == "extra" else "")
        for n in PERSONAL_FIELDS
    }
    assignments = ", ".join(f"{n} = ?" for n in blanks)
    conn.execute(
        f"UPDATE attendee SET {assignments}, redacted = 1, sort_name = '' WHERE id = ?",
        (*blanks.values(), attendee_id),
    )
    conn.execute("DELETE FROM external_code WHERE attendee_id = ?", (attendee_id,))
    _reindex(conn, row[0])
    _scrub_payloads(conn, "attendee_id = ?", (attendee_id,))


def _forget_erased_words(conn: sqlite3.Connection) -> None:
    """Merge the search index into one segment: a deleted row's words stay in the older
    segments until they are merged, readable in the file's bytes."""
    conn.execute("INSERT INTO attendee_fts (attendee_fts) VALUES ('optimize')")


class _Unappliable(Exception):
    """An event in a batch could not be applied: apply the batch again one event at a time."""


def _quarantine(conn: sqlite3.Connection, event: Event, exc: BaseException) -> None:
    if isinstance(exc, InvalidEvent):
        reason = exc.message
    elif isinstance(exc, sqlite3.IntegrityError) and "code" in str(exc):
        reason = "its attendee code belongs to another person"
    else:
        reason = f"it cannot be applied ({type(exc).__name__})"
    conn.execute(
        "INSERT INTO quarantine (event_id, source, desk_id, kind, attendee_id, reason, event, at) "
        "VALUES (?, 'pulled', ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
        (
            str(event.id)[:80],
            str(event.desk_id)[:80],
            str(event.kind)[:40],
            event.attendee_id if isinstance(event.attendee_id, str) else None,
            reason[:300],
            None if event.kind == "attendee_upserted" else _quarantined_json(event),
            now_iso(),
        ),
    )


def _quarantined_json(event: Event) -> str | None:
    try:
        return json.dumps(event.to_dict(), ensure_ascii=False)[:65536]
    except (TypeError, ValueError, RecursionError):
        return None


def _scrub_payloads(conn: sqlite3.Connection, where: str, args: tuple) -> None:
    """Blank the personal fields (and a cancellation's free-text reason) in the stored payloads
    of matching attendee_upserted / attendee_cancelled events."""
    for event_id, payload in conn.execute(
        f"SELECT id, payload FROM event WHERE {where} "
        "AND kind IN ('attendee_upserted', 'attendee_cancelled')",
        args,
    ).fetchall():
        data = json.loads(payload)
        if data.get("reason"):
            data["reason"] = ""
        fields = data.get("fields", {})
        for name in PERSONAL_FIELDS:
            if name in fields:
                fields[name] = [] if name == "external_codes" else {} if name == "extra" else ""
        conn.execute("UPDATE event SET payload = ? WHERE id = ?", (canonical_json(data), event_id))


_HANDLERS = {
    "stage_created": _apply_stage_created,
    "attendee_upserted": _apply_upsert,
    "attendee_cancelled": _apply_upsert,
    "checkin": _apply_checkin,
    "session_checkin": _apply_checkin,
    "undo": _apply_undo,
    "badge_printed": _apply_badge_printed,
    "session_defined": _apply_session_defined,
    "redacted": _apply_redacted,
}


def digest_of(conn: sqlite3.Connection) -> str:
    """SHA-256 over the canonical state of every attendee; equal state gives an equal digest."""
    sessions: dict[str, list[str]] = {}
    for attendee_id, session_id in conn.execute(
        "SELECT DISTINCT attendee_id, session_id FROM checkin "
        "WHERE session_id <> '' AND cancelled = 0 ORDER BY attendee_id, session_id"
    ):
        sessions.setdefault(attendee_id, []).append(session_id)
    h = hashlib.sha256()
    h.update(b"[")
    cols = ", ".join(ATTENDEE_FIELDS)
    first = True
    for row in conn.execute(
        f"SELECT id, {cols}, status, checkin_event_id, badge_prints FROM attendee ORDER BY id"
    ):
        attendee_id = row[0]
        fields = dict(zip(ATTENDEE_FIELDS, row[1 : 1 + len(ATTENDEE_FIELDS)], strict=True))
        fields["external_codes"] = json.loads(fields["external_codes"])
        fields["extra"] = json.loads(fields["extra"])
        status, first_arrival, prints = row[1 + len(ATTENDEE_FIELDS) :]
        item = {
            "id": attendee_id,
            "fields": fields,
            "cancelled": status == "cancelled",
            "checked_in": first_arrival is not None,
            "first_arrival": first_arrival,
            "sessions": sessions.get(attendee_id, []),
            "badge_prints": prints,
        }
        if not first:
            h.update(b",")
        h.update(canonical_json(item).encode("utf-8"))
        first = False
    h.update(b"]")
    return h.hexdigest()
