"""Events -> derived state: the _apply_* handlers, field merging, erasure, the search index.

Derived state is a function of the *set* of events: applying them in any order, with
duplicates, gives the same tables (see `_apply`).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from functools import lru_cache
from json.encoder import encode_basestring
from typing import Any

from desktop_app.core.desk import Desk
from desktop_app.core.events import InvalidEvent
from desktop_app.core.ids import uuid7
from desktop_app.core.model import (
    ATTENDEE_FIELDS,
    PERSONAL_FIELDS,
    SESSION_FIELDS,
    Event,
    canonical_json,
)
from desktop_app.core.search import fold, index_text
from desktop_app.core.stage.file import now_iso


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
    fields = payload.get("fields", {})
    if _FIELD_SET.issuperset(fields):  # the usual case: no newer desk's field to leave out
        fields = dict(fields)
    else:
        fields = {k: v for k, v in fields.items() if k in _FIELD_SET}
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
    return f'{{"*":[{int(hlc)},{_desk_json(desk_id)},{int(desk_seq)}],"f":{_field_list_json(tuple(fields))}}}'


@lru_cache(maxsize=256)
def _desk_json(desk_id: str) -> str:
    return _compact_json(desk_id)


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
    people: list[tuple[int, str | None, str, str, dict[str, Any]]] = []
    names: dict[str, None] = {}  # every column some person sets, in the order first met
    external: list[tuple[str, str | None]] = []
    fts: list[tuple] = []
    words: dict[tuple[str, ...], str] = {}  # index_text of names and companies met already
    stored: dict[tuple, str] = {}  # the JSON of extra fields met already (diet, size: few)

    def indexed(*parts: str) -> str:
        text = words.get(parts)
        if text is None:
            text = words[parts] = index_text(*parts)
        return text

    for rowid, event in enumerate(events, start=next_rowid):
        values = _fields_of(event.kind, event.payload)  # a fresh dict: stored values go in it
        code = str(event.payload["code"]).upper()
        clock = _compact_clock([event.hlc, event.desk_id, event.desk_seq], values)
        g = values.get
        codes = g("external_codes") or []
        external.extend((c, event.attendee_id) for c in codes)
        fts.append(_fts_row(rowid, code, values, indexed))
        if "external_codes" in values:
            values["external_codes"] = _codes_json(codes)
        if "extra" in values:
            extra = values["extra"]
            key = tuple(extra.items()) if type(extra) is dict else None
            text = stored.get(key) if key is not None else None
            if text is None:
                text = _stored_value("extra", extra)
                if key is not None:
                    stored[key] = text
            values["extra"] = text
        values["sort_name"] = _sort_name(g("last_name", ""), g("first_name", ""))
        if len(values) > len(names) or not names.keys() >= values.keys():
            names.update(dict.fromkeys(values))
        people.append((rowid, event.attendee_id, code, clock, values))
    # One statement, rows in rowid order; a column a person does not set gets the value of its
    # DEFAULT. (A statement per set of columns inserted the rows in interleaved passes: a third
    # slower, and 10% more pages.)
    defaults = _column_defaults(conn, tuple(names))
    rows = []
    for rowid, attendee_id, code, clock, values in people:
        row = defaults.copy()
        row.update(values)
        rows.append((rowid, attendee_id, code, clock, *row.values()))
    cols = ["rowid", "id", "code", "field_clock", *names]
    conn.executemany(
        f"INSERT INTO attendee ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", rows
    )
    conn.executemany(
        "INSERT OR IGNORE INTO external_code (code, attendee_id) VALUES (?, ?)", external
    )
    conn.executemany(_INSERT_FTS, fts)


def _codes_json(codes: Any) -> str:
    """`_stored_value("external_codes", codes)`, without building an encoder for a list of text
    (what check_event lets through: a list of strings)."""
    if type(codes) is list and all(type(c) is str for c in codes):
        return "[" + ", ".join(map(encode_basestring, codes)) + "]"
    return _stored_value("external_codes", codes)


def _column_defaults(conn: sqlite3.Connection, names: tuple[str, ...]) -> dict[str, Any]:
    """{column: the value its DEFAULT clause gives} for these attendee columns, in this order."""
    clauses = {r[1]: r[4] for r in conn.execute("PRAGMA table_info(attendee)")}
    exprs = [clauses.get(name) or "NULL" for name in names]
    values = conn.execute(f"SELECT {', '.join(exprs)}").fetchone() if exprs else ()
    return dict(zip(names, values, strict=True))


_INSERT_FTS = (
    "INSERT INTO attendee_fts (rowid, names, company, email, codes) VALUES (?, ?, ?, ?, ?)"
)


def _fts_row(
    rowid: int | None, code: str, fields: dict[str, Any], index: Any = index_text
) -> tuple:
    """The search index row of a person (`index`: index_text, or a bulk import's memo of it)."""
    g = fields.get
    return (
        rowid,
        index(g("title", ""), g("first_name", ""), g("last_name", "")),
        index(g("company", "")),
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
