"""The hub's own SQLite file: desk tokens, the stages it serves, and every event it holds.

The hub assigns each event its own increasing sequence (`hub_seq`) when it first stores it;
storing the same event again changes nothing and answers with the same sequence. State
(counts, digest, duplicates) is not computed here: it comes from a projection of the events
into an ordinary stage file beside the hub file, built with the same code the desks use, so
the hub's digest is the desks' digest by construction.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop_app.core.desk import Desk
from desktop_app.core.ids import uuid7
from desktop_app.core.model import PERSONAL_FIELDS, Event, canonical_json
from desktop_app.core.store import Stage
from desktop_app.sync.errors import HubError
from desktop_app.sync.hubschema import migrate

_EVENT_COLUMNS = (
    "id, stage_id, desk_id, desk_seq, hlc, kind, attendee_id, payload, recorded_at, "
    "desk_name, operator, hub_seq"
)
HUB_DESK = Desk("hub", "hub")
TOKEN_PREFIX = "rdk"
# Contact times are kept in memory and written at most this often per desk and stage,
# so an idle sync round does not cost a disk flush.
CONTACT_FLUSH_S = 5.0
# A desk that has no event on the hub and only said "I have unsynced events" counts against
# "final" while it keeps saying so; after this long without a word it no longer does (any
# token can write such an entry, and a laptop that never synced has nothing to wait for).
CONTACT_STALE_S = 600.0


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _split_token(token: str) -> tuple[str, str] | None:
    parts = token.split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX or not parts[1] or not parts[2]:
        return None
    return parts[1], parts[2]


def _desk_row(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "name": row["name"],
        "admin": bool(row["admin"]),
        "stages": None if row["stages"] is None else json.loads(row["stages"]),
        "desk_id": row["desk_id"],
        "bound_at": row["bound_at"],
        "revoked": row["revoked_at"] is not None,
        "revoked_at": row["revoked_at"],
        "created_at": row["created_at"],
    }


def _in_chunks(
    conn: sqlite3.Connection, sql: str, head: list[Any], values: list[Any]
) -> Iterator[sqlite3.Row]:
    """`sql` with one `{}` for a list of placeholders, run over values 500 at a time."""
    for start in range(0, len(values), 500):
        chunk = values[start : start + 500]
        yield from conn.execute(sql.format(",".join("?" * len(chunk))), [*head, *chunk])


def _desk_bound_elsewhere(holder: str) -> HubError:
    return HubError(
        "desk_bound_elsewhere",
        f"This desk's identity is already used by the token '{holder}'. Was this data folder "
        "copied from another desk? On the copy, close the app and delete desk.json in its "
        "data folder so it gets an identity of its own; if this laptop replaces that desk, "
        f'ask the organizer to run `hub reset-desk "{holder}"` first.',
        403,
    )


def _blank_personal(payload: dict[str, Any]) -> dict[str, Any]:
    if payload.get("reason"):
        payload["reason"] = ""  # a cancellation's free text may name the person
    fields = payload.get("fields")
    if isinstance(fields, dict):
        for name in PERSONAL_FIELDS:
            if name in fields:
                fields[name] = [] if name == "external_codes" else {} if name == "extra" else ""
    return payload


class HubStore:
    """The hub file. Safe to share between threads: one connection behind a lock."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise HubError("hub_not_found", f"There is no hub file at {self.path}.", 404)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._projection_lock = threading.Lock()
        self._contacts: dict[tuple[str, str], dict[str, Any]] = {}
        self._flushed: dict[tuple[str, str], float] = {}
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=10, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")  # an acknowledged event survives a power cut
        conn.execute("PRAGMA secure_delete = ON")  # an erased person's payloads leave no bytes
        migrate(conn)
        conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('hub_id', ?)", (uuid7(),))
        self.conn = conn
        self.hub_id: str = conn.execute("SELECT value FROM meta WHERE key = 'hub_id'").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            with contextlib.suppress(sqlite3.Error):
                self.flush_contacts()
            self.conn.close()

    def __enter__(self) -> HubStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
                raise

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot across several queries."""
        with self._lock:
            self.conn.execute("BEGIN")
            try:
                yield self.conn
            finally:
                self.conn.execute("COMMIT")

    # --- desks and tokens -----------------------------------------------------------------

    def add_desk(
        self, name: str, *, stages: Iterable[str] | None = None, admin: bool = False
    ) -> str:
        """Register a desk and return its token (shown once: only its hash is kept)."""
        name = " ".join((name or "").split())
        if not name or len(name) > 80:
            raise HubError("invalid_input", "A desk name is 1 to 80 characters.")
        stage_list = None if stages is None else sorted({s.strip() for s in stages if s.strip()})
        token_id = secrets.token_hex(6)
        secret = secrets.token_urlsafe(32)
        try:
            with self._write() as conn:
                conn.execute(
                    "INSERT INTO desk (name, token_id, token_hash, admin, stages, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        name,
                        token_id,
                        _hash(secret),
                        1 if admin else 0,
                        None if stage_list is None else json.dumps(stage_list),
                        now_iso(),
                    ),
                )
        except sqlite3.IntegrityError as exc:
            raise HubError("desk_exists", f"A desk called '{name}' is already registered.") from exc
        return f"{TOKEN_PREFIX}_{token_id}_{secret}"

    def list_desks(self) -> list[dict[str, Any]]:
        with self._lock:
            rows = self.conn.execute("SELECT * FROM desk ORDER BY name").fetchall()
        return [_desk_row(r) for r in rows]

    def _desk_named(self, name: str) -> sqlite3.Row:
        row = self.conn.execute("SELECT * FROM desk WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise HubError("desk_not_found", f"No desk called '{name}' is registered.", 404)
        return row

    def revoke_desk(self, name: str) -> dict[str, Any]:
        with self._write() as conn:
            self._desk_named(name)
            conn.execute(
                "UPDATE desk SET revoked_at = COALESCE(revoked_at, ?) WHERE name = ?",
                (now_iso(), name),
            )
            return _desk_row(self._desk_named(name))

    def reset_desk(self, name: str) -> dict[str, Any]:
        """Forget the installation bound to this token: a replaced laptop may bind again."""
        with self._write() as conn:
            self._desk_named(name)
            conn.execute("UPDATE desk SET desk_id = NULL, bound_at = NULL WHERE name = ?", (name,))
            return _desk_row(self._desk_named(name))

    def replace_token(self, name: str) -> str:
        """A new token for a registered desk (a replaced laptop): the old token stops working,
        the desk keeps its name and stages, and the next laptop that syncs with it owns it."""
        token_id = secrets.token_hex(6)
        secret = secrets.token_urlsafe(32)
        with self._write() as conn:
            self._desk_named(name)
            conn.execute(
                "UPDATE desk SET token_id = ?, token_hash = ?, desk_id = NULL, bound_at = NULL, "
                "revoked_at = NULL WHERE name = ?",
                (token_id, _hash(secret), name),
            )
        return f"{TOKEN_PREFIX}_{token_id}_{secret}"

    def next_desk_name(self, base: str = "Desk", also_taken: Iterable[str] = ()) -> str:
        """'Desk N' with the smallest N no registered desk has (nor any of also_taken)."""
        taken = {d["name"] for d in self.list_desks()} | set(also_taken)
        n = 1
        while f"{base} {n}" in taken:
            n += 1
        return f"{base} {n}"

    def authenticate(self, token: str | None) -> dict[str, Any]:
        """The desk a bearer token belongs to. Raises HubError 401 for a missing/wrong/revoked one."""
        parts = _split_token(token or "")
        with self._lock:
            row = (
                self.conn.execute("SELECT * FROM desk WHERE token_id = ?", (parts[0],)).fetchone()
                if parts
                else None
            )
        expected = row["token_hash"] if row is not None else _hash("no such token")
        presented = _hash(parts[1] if parts else "")
        if not hmac.compare_digest(expected, presented) or row is None:
            raise HubError("unauthorized", "The token is missing or wrong.", 401)
        if row["revoked_at"] is not None:
            raise HubError("token_revoked", "This desk's token was revoked.", 401)
        return _desk_row(row)

    def bind(self, desk: dict[str, Any], desk_id: str) -> dict[str, Any]:
        """The first installation that syncs with a token owns it; a desk id has one token."""
        if desk["desk_id"] == desk_id:
            return desk
        if desk["desk_id"] is not None:
            raise HubError(
                "token_bound_elsewhere",
                "This token belongs to another desk. Ask the organizer to reset it "
                "(hub reset-desk) if this laptop replaces that one.",
                403,
            )
        try:
            with self._write() as conn:
                holder = conn.execute(
                    "SELECT name FROM desk WHERE desk_id = ? AND name <> ?",
                    (desk_id, desk["name"]),
                ).fetchone()
                if holder is not None:
                    raise _desk_bound_elsewhere(holder["name"])
                conn.execute(
                    "UPDATE desk SET desk_id = ?, bound_at = ? WHERE name = ? AND desk_id IS NULL",
                    (desk_id, now_iso(), desk["name"]),
                )
                row = self._desk_named(desk["name"])
        except sqlite3.IntegrityError:  # bound by another token a moment ago
            with self._lock:
                holder = self.conn.execute(
                    "SELECT name FROM desk WHERE desk_id = ?", (desk_id,)
                ).fetchone()
            raise _desk_bound_elsewhere(holder["name"] if holder else "?") from None
        if row["desk_id"] != desk_id:
            raise HubError("token_bound_elsewhere", "This token belongs to another desk.", 403)
        return _desk_row(row)

    # --- stages ---------------------------------------------------------------------------

    def stages(self) -> list[dict[str, Any]]:
        with self._lock:
            rows = self.conn.execute(
                "SELECT s.id, s.slug, s.title, s.date, s.published_at, "
                "(SELECT COUNT(*) FROM event e WHERE e.stage_id = s.id), "
                "(SELECT MAX(hub_seq) FROM event e WHERE e.stage_id = s.id) "
                "FROM stage s ORDER BY s.date, s.slug"
            ).fetchall()
        keys = ("id", "slug", "title", "date", "published_at", "events", "last_hub_seq")
        return [dict(zip(keys, tuple(r), strict=True)) for r in rows]

    def stage_by_slug(self, slug: str) -> dict[str, Any] | None:
        with self._lock:
            row = self.conn.execute(
                "SELECT id, slug, title, date FROM stage WHERE slug = ?", (slug,)
            ).fetchone()
        return None if row is None else dict(row)

    def may_sync(self, desk: dict[str, Any], slug: str) -> bool:
        return desk["admin"] or desk["stages"] is None or slug in desk["stages"]

    def _publish(self, conn: sqlite3.Connection, created: Event, by: str) -> None:
        p = created.payload
        slug = p.get("slug")
        if p.get("demo") is True:  # made-up people must never reach the real numbers
            raise HubError(
                "demo_stage",
                "This is a demo stage with made-up people: the hub does not take it.",
                422,
            )
        other = conn.execute("SELECT id FROM stage WHERE slug = ?", (slug,)).fetchone()
        if other is not None and other["id"] != created.stage_id:
            raise HubError(
                "stage_slug_taken",
                f"The hub already has a different stage called '{slug}'.",
                409,
            )
        conn.execute(
            "INSERT OR IGNORE INTO stage (id, slug, title, date, published_at, published_by) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                created.stage_id,
                slug,
                str(p.get("title", "")),
                str(p.get("date", "")),
                now_iso(),
                by,
            ),
        )

    # --- events ---------------------------------------------------------------------------

    def ingest(
        self,
        slug: str,
        events: list[Event],
        *,
        publisher: str | None = None,
        via: str = "push",
    ) -> tuple[list[tuple[str, int]], int]:
        """Store events of one stage idempotently. Returns ([(event id, hub_seq)], new count).

        `publisher` (an admin desk's name, or "import") may create the stage from its
        `stage_created` event; anyone else may only add to a stage the hub already has.
        """
        if not events:
            return [], 0
        received = now_iso()
        with self._write() as conn:
            row = conn.execute("SELECT id FROM stage WHERE slug = ?", (slug,)).fetchone()
            stage_id = row["id"] if row else None
            created_now = None
            if stage_id is None:
                created = next((e for e in events if e.kind == "stage_created"), None)
                if created is None or created.payload.get("slug") != slug:
                    raise HubError(
                        "stage_not_on_hub",
                        f"The hub has no stage called '{slug}'. An organizer publishes it first.",
                        404,
                    )
                if publisher is None:
                    raise HubError(
                        "not_allowed",
                        "Only an organizer (admin) token may publish a new stage.",
                        403,
                    )
                self._publish(conn, created, publisher)
                stage_id = created.stage_id
                created_now = created
            if any(e.stage_id != stage_id for e in events):
                raise HubError("wrong_stage", "These events belong to another stage.", 422)
            for e in events:
                if e.kind != "stage_created":
                    continue
                known = conn.execute(
                    "SELECT 1 FROM event WHERE id = ? AND kind = 'stage_created'", (e.id,)
                ).fetchone()
                first = conn.execute(
                    "SELECT 1 FROM event WHERE stage_id = ? AND kind = 'stage_created'",
                    (stage_id,),
                ).fetchone()
                if not known and (first or e.stage_id != stage_id or e is not created_now):
                    raise HubError(
                        "stage_created_twice",
                        "A stage is created once; it is never made again.",
                        409,
                    )
            self._check_people(conn, stage_id, events)
            before = conn.execute("SELECT COALESCE(MAX(hub_seq), 0) FROM event").fetchone()[0]
            erased = self._erased(conn, events)
            conn.executemany(
                "INSERT OR IGNORE INTO event (id, stage_id, desk_id, desk_seq, hlc, kind, "
                "attendee_id, payload, recorded_at, desk_name, operator, received_at, via) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        e.id,
                        e.stage_id,
                        e.desk_id,
                        e.desk_seq,
                        e.hlc,
                        e.kind,
                        e.attendee_id,
                        canonical_json(
                            _blank_personal(json.loads(canonical_json(e.payload)))
                            if e.kind in ("attendee_upserted", "attendee_cancelled")
                            and e.attendee_id in erased
                            else e.payload
                        ),
                        e.recorded_at,
                        e.desk_name,
                        e.operator,
                        received,
                        via,
                    )
                    for e in events
                ],
            )
            acks: dict[str, int] = {}
            ids = [e.id for e in events]
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                for r in conn.execute(
                    f"SELECT id, hub_seq, stage_id FROM event WHERE id IN ({','.join('?' * len(chunk))})",
                    chunk,
                ):
                    if r["stage_id"] == stage_id:
                        acks[r["id"]] = r["hub_seq"]
            missing = [e for e in events if e.id not in acks]
            if missing:
                raise HubError(
                    "event_conflict",
                    f"Event {missing[0].id} clashes with another event of the same desk and "
                    "number already on the hub (a desk restored from an old copy?).",
                    409,
                )
            new = sum(1 for seq in acks.values() if seq > before)
            redacted = False
            for e in events:
                if e.kind == "redacted" and acks[e.id] > before:
                    self._redact(conn, e.attendee_id)
                    redacted = True
        if redacted:  # the old payloads must not stay in the write-ahead log either
            with contextlib.suppress(sqlite3.Error), self._lock:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return [(e.id, acks[e.id]) for e in events], new

    @staticmethod
    def _check_people(conn: sqlite3.Connection, stage_id: str, events: list[Event]) -> None:
        """What a desk could not apply: a code another person holds, or an event about a
        person nobody created. Refused before anything is stored (events already stored
        pass: a push is repeated after a cut answer)."""
        people = sorted({e.attendee_id for e in events if e.attendee_id})
        if not people:
            return
        codes: dict[str, str] = {
            r[0]: r[1]
            for r in _in_chunks(
                conn,
                "SELECT attendee_id, code FROM person WHERE stage_id = ? AND attendee_id IN ({})",
                [stage_id],
                people,
            )
        }
        created = [
            (e, str(e.payload["code"]).upper())
            for e in events
            if e.kind == "attendee_upserted" and e.payload.get("code")
        ]
        holders: dict[str, str] = {}
        if created:
            holders = {
                r[0]: r[1]
                for r in _in_chunks(
                    conn,
                    "SELECT code, attendee_id FROM person INDEXED BY person_code "
                    "WHERE stage_id = ? AND code IN ({})",
                    [stage_id],
                    sorted({c for _, c in created}),
                )
            }
        bad: list[tuple[Event, HubError]] = []
        new_people: list[tuple[str, str, str]] = []
        for e, code in created:
            known = codes.get(e.attendee_id or "")
            holder = holders.get(code)
            if (known is not None and known != code) or (
                holder is not None and holder != e.attendee_id
            ):
                bad.append(
                    (
                        e,
                        HubError(
                            "code_taken",
                            f"Event {e.id}: its attendee code belongs to another person.",
                            422,
                            e.id,
                        ),
                    )
                )
                continue
            if known is None:
                codes[e.attendee_id or ""] = code
                holders[code] = e.attendee_id or ""
                new_people.append((stage_id, e.attendee_id or "", code))
        for e in events:
            if e.attendee_id and e.attendee_id not in codes:
                bad.append(
                    (
                        e,
                        HubError(
                            "unknown_attendee",
                            f"Event {e.id} is about a person the hub has no record of; "
                            "it is tried again once the desk that registered them syncs.",
                            422,
                            e.id,
                        ),
                    )
                )
        if bad:
            stored = {
                r[0]
                for r in _in_chunks(
                    conn, "SELECT id FROM event WHERE id IN ({})", [], [e.id for e, _ in bad]
                )
            }
            for e, error in bad:
                if e.id not in stored:
                    raise error
        conn.executemany(
            "INSERT OR IGNORE INTO person (stage_id, attendee_id, code) VALUES (?, ?, ?)",
            new_people,
        )

    @staticmethod
    def _erased(conn: sqlite3.Connection, events: list[Event]) -> set[str]:
        """People among these events' upserts whom the hub already holds an erasure for.

        An edit recorded offline before its desk heard of the erasure arrives after it: it
        is stored with the personal fields blank, so the hub never keeps erased data.
        """
        people = sorted(
            {e.attendee_id for e in events if e.kind == "attendee_upserted" and e.attendee_id}
        )
        erased: set[str] = set()
        for start in range(0, len(people), 500):
            chunk = people[start : start + 500]
            erased.update(
                r[0]
                for r in conn.execute(
                    "SELECT DISTINCT attendee_id FROM event WHERE kind = 'redacted' AND "
                    f"attendee_id IN ({','.join('?' * len(chunk))})",
                    chunk,
                )
            )
        return erased

    def _redact(self, conn: sqlite3.Connection, attendee_id: str | None) -> None:
        """Erasure reaches the hub's copy too: blank the person's data in stored payloads."""
        for r in conn.execute(
            "SELECT hub_seq, payload FROM event WHERE attendee_id = ? "
            "AND kind IN ('attendee_upserted', 'attendee_cancelled')",
            (attendee_id,),
        ).fetchall():
            payload = _blank_personal(json.loads(r["payload"]))
            conn.execute(
                "UPDATE event SET payload = ? WHERE hub_seq = ?",
                (canonical_json(payload), r["hub_seq"]),
            )

    def pull(
        self,
        slug: str,
        after: int,
        limit: int,
        *,
        exclude_desk: str | None = None,
        desk_id: str | None = None,
    ) -> dict[str, Any]:
        """Events of a stage after a hub sequence, oldest first, and the cursor to ask from next.

        `after_id` is the id of the event at `after` (None if the hub has no such event) and
        `last_id` the id of the event at the cursor handed out: a desk keeps it and compares
        next time, so a hub restored from an older copy (whose sequence numbers went to other
        events since) is noticed for sure. `desk_events` is how many events of `desk_id` the
        hub holds: fewer than the hub acknowledged to that desk means it lost some.
        """
        with self._read() as conn:
            row = conn.execute("SELECT id FROM stage WHERE slug = ?", (slug,)).fetchone()
            if row is None:
                raise HubError("stage_not_on_hub", f"The hub has no stage called '{slug}'.", 404)
            sql = f"SELECT {_EVENT_COLUMNS} FROM event WHERE stage_id = ? AND hub_seq > ?"
            args: list[Any] = [row["id"], after]
            if exclude_desk:
                sql += " AND desk_id <> ?"
                args.append(exclude_desk)
            rows = conn.execute(sql + " ORDER BY hub_seq LIMIT ?", [*args, limit + 1]).fetchall()
            more = len(rows) > limit
            rows = rows[:limit]
            if more:
                cursor, last_id = rows[-1]["hub_seq"], rows[-1]["id"]
            else:
                last = conn.execute(
                    "SELECT hub_seq, id FROM event WHERE stage_id = ? ORDER BY hub_seq DESC LIMIT 1",
                    (row["id"],),
                ).fetchone()
                cursor, last_id = (last["hub_seq"], last["id"]) if last else (0, None)
            at_after = conn.execute(
                "SELECT id FROM event WHERE hub_seq = ? AND stage_id = ?", (after, row["id"])
            ).fetchone()
            desk_events = (
                conn.execute(
                    "SELECT COUNT(*) FROM event WHERE stage_id = ? AND desk_id = ?",
                    (row["id"], desk_id),
                ).fetchone()[0]
                if desk_id
                else None
            )
        events = []
        for r in rows:
            data = dict(r)
            data["payload"] = json.loads(data["payload"])
            events.append(data)
        page = {"events": events, "last_hub_seq": cursor, "more": more, "stage_id": row["id"]}
        page.update(last_id=last_id, after_id=at_after["id"] if at_after else None)
        if desk_events is not None:
            page["desk_events"] = desk_events
        return page

    def events_of(self, stage_id: str, after: int = 0, limit: int = 5000) -> list[Event]:
        with self._lock:
            rows = self.conn.execute(
                f"SELECT {_EVENT_COLUMNS} FROM event WHERE stage_id = ? AND hub_seq > ? "
                "ORDER BY hub_seq LIMIT ?",
                (stage_id, after, limit),
            ).fetchall()
        return [Event(*tuple(r)[:7], json.loads(r["payload"]), *tuple(r)[8:]) for r in rows]

    # --- who was heard when ---------------------------------------------------------------

    def record_contact(
        self,
        desk_id: str,
        stage_id: str,
        token_name: str,
        *,
        unsynced: int | None,
        clock_offset_ms: int | None,
        force: bool = False,
    ) -> None:
        key = (desk_id, stage_id)
        with self._lock:
            self._contacts[key] = {
                "token_name": token_name,
                "last_heard": now_iso(),
                "unsynced": unsynced,
                "clock_offset_ms": clock_offset_ms,
            }
            if force or time.monotonic() - self._flushed.get(key, 0.0) >= CONTACT_FLUSH_S:
                self.flush_contacts([key])

    def flush_contacts(self, keys: Iterable[tuple[str, str]] | None = None) -> None:
        with self._lock:
            keys = list(self._contacts) if keys is None else list(keys)
            rows = [(k, self._contacts.pop(k)) for k in keys if k in self._contacts]
            if rows:
                self._store_contacts(rows)

    def _store_contacts(self, rows: list[tuple[tuple[str, str], dict[str, Any]]]) -> None:
        with self._write() as conn:
            conn.executemany(
                "INSERT INTO desk_contact (desk_id, stage_id, token_name, last_heard, unsynced, "
                "clock_offset_ms) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (desk_id, stage_id) DO "
                "UPDATE SET token_name = excluded.token_name, last_heard = excluded.last_heard, "
                "unsynced = excluded.unsynced, clock_offset_ms = excluded.clock_offset_ms",
                [
                    (
                        k[0],
                        k[1],
                        c["token_name"],
                        c["last_heard"],
                        c["unsynced"],
                        c["clock_offset_ms"],
                    )
                    for k, c in rows
                ],
            )
        now = time.monotonic()
        for k, _ in rows:
            self._flushed[k] = now

    def desks_of_stage(self, stage_id: str) -> list[dict[str, Any]]:
        self.flush_contacts()
        with self._read() as conn:
            rows = conn.execute(
                "SELECT desk_id, MAX(desk_seq) AS up_to, COUNT(*) AS n, "
                "MAX(received_at) AS last_event_at FROM event WHERE stage_id = ? GROUP BY desk_id",
                (stage_id,),
            ).fetchall()
            contacts = {
                r["desk_id"]: dict(r)
                for r in conn.execute("SELECT * FROM desk_contact WHERE stage_id = ?", (stage_id,))
            }
            names = {
                r["desk_id"]: r["desk_name"]
                for r in conn.execute(
                    "SELECT desk_id, desk_name FROM event WHERE hub_seq IN "
                    "(SELECT MAX(hub_seq) FROM event WHERE stage_id = ? GROUP BY desk_id)",
                    (stage_id,),
                )
            }
            tokens = {
                r["desk_id"]: r["name"]
                for r in conn.execute("SELECT name, desk_id FROM desk WHERE desk_id IS NOT NULL")
            }
        out = []
        by_desk = {r["desk_id"]: r for r in rows}
        for desk_id in sorted(set(by_desk) | set(contacts)):
            r = by_desk.get(desk_id)
            c = contacts.get(desk_id, {})
            up_to = r["up_to"] if r else 0
            count = r["n"] if r else 0
            unsynced = c.get("unsynced")
            heard = c.get("last_heard")
            silent_s = (
                (datetime.now(UTC) - datetime.fromisoformat(heard)).total_seconds()
                if heard
                else 0.0
            )
            counts_for_final = r is not None or silent_s < CONTACT_STALE_S
            out.append(
                {
                    "desk_id": desk_id,
                    "name": names.get(desk_id, ""),
                    "token": c.get("token_name") or tokens.get(desk_id, ""),
                    "last_heard": max(
                        filter(None, [c.get("last_heard"), r["last_event_at"] if r else None]),
                        default=None,
                    ),
                    "up_to_desk_seq": up_to,
                    "events": count,
                    "gaps": count != up_to,
                    "unsynced_at_last_contact": unsynced,
                    "final": (count == up_to and unsynced == 0) or not counts_for_final,
                    "clock_offset_ms": c.get("clock_offset_ms"),
                }
            )
        return out

    # --- the projection: the desks' own code computes state and digest ---------------------

    def projection_path(self, stage_id: str) -> Path:
        folder = self.path.with_name(self.path.name + ".projections")
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{stage_id}.sqlite"

    def projection(self, stage_id: str) -> Stage:
        """The stage as the desks see it, brought up to date with every event the hub holds.

        The projection keeps the hub sequence it applied up to and the id of the event
        there; when the hub's event at that sequence is another one (the hub file came back
        from an older copy), the projection is built again from the events.
        The caller closes it (and uses it on this thread only).
        """
        with self._projection_lock:
            path = self.projection_path(stage_id)
            stage = Stage.open_path(path, HUB_DESK) if path.exists() else None
            if stage is not None and not self._projection_current(stage, stage_id):
                stage.close()
                for suffix in ("-wal", "-shm", ""):
                    Path(str(path) + suffix).unlink(missing_ok=True)
                stage = None
            if stage is None:
                self._build_projection(stage_id, path)
                stage = Stage.open_path(path, HUB_DESK)
            try:
                for _ in range(1_000_000):  # bounded: each pass consumes a chunk
                    after = int(stage.get_sync_value("hub_seq", "0") or 0)
                    chunk = self.events_of(stage_id, after, 5000)
                    if not chunk:
                        break
                    stage.apply_events(chunk)
                    self._mark_projected(stage, chunk[-1])
            except BaseException:
                stage.close()
                raise
            return stage

    @staticmethod
    def _mark_projected(stage: Stage, last: Event) -> None:
        stage.set_sync_value("hub_seq", str(last.hub_seq))
        stage.set_sync_value("hub_event", last.id)

    def _projection_current(self, stage: Stage, stage_id: str) -> bool:
        """Are the hub's events up to the projection's sequence the ones it applied?"""
        after = int(stage.get_sync_value("hub_seq", "0") or 0)
        applied = stage.get_sync_value("hub_event")
        if after == 0 or not applied:
            return False  # a projection from before the check: build it again once
        with self._lock:
            row = self.conn.execute(
                "SELECT id FROM event WHERE hub_seq = ? AND stage_id = ?", (after, stage_id)
            ).fetchone()
        return row is not None and row["id"] == applied

    def _build_projection(self, stage_id: str, path: Path) -> None:
        # Built under a name of this process's own, then moved into place: a `hub status`
        # in another process may be building the same projection right now.
        events = self.events_of(stage_id, 0, 1_000_000_000)
        tmp = path.with_name(f"{path.stem}.{os.getpid()}.{threading.get_ident()}.sqlite")
        built = Stage.from_events(tmp, HUB_DESK, events)
        self._mark_projected(built, max(events, key=lambda e: e.hub_seq or 0))
        built.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        built.close()
        for suffix in ("-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
        os.replace(tmp, path)

    def status(self, slug: str) -> dict[str, Any]:
        info = self.stage_by_slug(slug)
        if info is None:
            raise HubError("stage_not_on_hub", f"The hub has no stage called '{slug}'.", 404)
        with self.projection(info["id"]) as stage:
            counts = stage.counts()
            duplicates = stage.duplicate_checkins()
            data = {
                "stage": slug,
                "stage_id": info["id"],
                "title": stage.info.title,
                "date": stage.info.date,
                "registered": counts["registered"],
                "checked_in": counts["checked_in"],
                "by_category": counts["by_category"],
                "events": stage.event_count(),
                "digest": stage.digest(),
                "quarantined": len(stage.quarantined("pulled")),
            }
        data["desks"] = self.desks_of_stage(info["id"])
        data["final"] = bool(data["desks"]) and all(d["final"] for d in data["desks"])
        data["duplicates"] = duplicates
        return data
