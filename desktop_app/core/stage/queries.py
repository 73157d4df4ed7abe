"""Read queries on a stage: attendees, search, sessions, counts, recent check-ins."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from desktop_app.core.desk import Desk
from desktop_app.core.model import TEXT_FIELDS, Attendee
from desktop_app.core.search import (
    fold,
    fts_match,
    one_edit_apart,
    query_tokens,
    rank_key,
    typo_candidates,
    typo_match,
)

_SEARCH_CANDIDATES = 300  # rows looked at per search path: bounds the time of broad words

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


def _attendee_from_row(row: tuple) -> Attendee:
    data = dict(zip(_ATTENDEE_COLUMNS, row, strict=True))
    data["external_codes"] = json.loads(data["external_codes"])
    data["extra"] = json.loads(data["extra"])
    data["redacted"] = bool(data["redacted"])
    return Attendee(**data)


class Found(list):
    """Search results; `as_typed` is False when they were found only by forgiving a typo."""

    def __init__(self, people: Iterable[Attendee] = (), *, as_typed: bool = True) -> None:
        super().__init__(people)
        self.as_typed = as_typed


class Queries:
    """The read side of `Stage` (mixed in): nothing here writes."""

    conn: sqlite3.Connection
    desk: Desk

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

    def search(self, query: str, limit: int = 20, *, typos: bool = True) -> Found:
        """Every word typed must start a word of the name, company, email or a code.

        Ranked for a desk: people whose surname starts with the first word (alphabetical, a
        whole-word surname first), then other name matches, then company, email and codes.
        Work is bounded however broad the words are ("s", "example"): the surname path walks an
        index, the other paths look at a capped number of candidates. When no one matches,
        one typo in a word is forgiven ("rosi" finds Rossi) unless `typos` is False (a
        decision that must not rest on a guess); the list then says `as_typed` is False.
        """
        tokens = query_tokens(query)
        if not tokens or limit <= 0:
            return Found()
        order = query.strip().upper()
        if order and " " not in order and len(order) <= 40:  # an order code: that order's people
            rows = self.conn.execute(
                # "<> ''" lets SQLite use the partial index (else: a scan at every keystroke)
                _ATTENDEE_SELECT
                + " WHERE order_code = ? AND order_code <> '' ORDER BY sort_name, id LIMIT ?",
                (order, limit),
            ).fetchall()
            if rows:
                return Found(_attendee_from_row(r) for r in rows)
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
        as_typed = True
        if not ids and typos:
            take(self._search_one_typo(tokens))
            as_typed = False
        if not ids:
            return Found()
        found = {
            r[0]: _attendee_from_row(r)
            for r in self.conn.execute(
                _ATTENDEE_SELECT + f" WHERE id IN ({','.join('?' * len(ids))})", ids
            )
        }
        return Found((found[i] for i in ids), as_typed=as_typed)

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
