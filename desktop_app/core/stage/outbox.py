"""The sync outbox: this desk's events not yet acknowledged by the hub, and sync values."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator

from desktop_app.core.desk import Desk
from desktop_app.core.model import Event

_EVENT_SELECT = (
    "id, stage_id, desk_id, desk_seq, hlc, kind, attendee_id, payload, recorded_at, desk_name, "
    "operator, hub_seq"
)


class Outbox:
    """The sync side of `Stage` (mixed in)."""

    conn: sqlite3.Connection
    desk: Desk

    def mark_acknowledged(self, acks: Iterable[tuple[str, int]]) -> None:
        """The hub holds these events (event id, hub sequence)."""
        acks = list(acks)
        with self.atomic() as conn:
            conn.executemany("UPDATE event SET hub_seq = ? WHERE id = ?", [(s, i) for i, s in acks])
            if conn.execute("SELECT 1 FROM quarantine WHERE source = 'refused' LIMIT 1").fetchone():
                conn.executemany(
                    "DELETE FROM quarantine WHERE event_id = ? AND source = 'refused'",
                    [(i,) for i, _ in acks],
                )

    def forget_acknowledgements(self) -> None:
        """Forget the hub's acknowledgements of this desk's events: the next push sends them all
        (a stage that moved to another hub)."""
        with self.atomic() as conn:
            conn.execute(
                "UPDATE event SET hub_seq = NULL WHERE desk_id = ? AND hub_seq IS NOT NULL",
                (self.desk.id,),
            )

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
        with self.atomic() as conn:
            conn.execute(
                "INSERT INTO sync_state (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
