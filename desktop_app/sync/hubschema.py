"""The hub file's schema as numbered migrations, like the stage's.

Each step runs once per hub file, atomically with its row in `hub_migration` (number, name,
applied_at); `PRAGMA user_version` holds the highest number applied. A step is pending when
its number is not recorded, so a step numbered below one already applied (two branches of
work that landed in another order) still runs once. A hub file from before the migrations
(user_version 0, no `hub_migration` table) runs every step: each is written so that running
it on a file that already has what it makes changes nothing.

Add a step at the end with the next number; never edit a step that has shipped.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import UTC, datetime

HUB_MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "initial",
        """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS desk (
    name            TEXT PRIMARY KEY,
    token_id        TEXT NOT NULL UNIQUE,
    token_hash      TEXT NOT NULL,            -- SHA-256 of the token's secret part
    admin           INTEGER NOT NULL DEFAULT 0,
    stages          TEXT,                     -- JSON list of slugs, NULL = every stage
    desk_id         TEXT,                     -- bound on first sync
    bound_at        TEXT,
    revoked_at      TEXT,
    created_at      TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS stage (
    id            TEXT PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL DEFAULT '',
    date          TEXT NOT NULL DEFAULT '',
    published_at  TEXT NOT NULL,
    published_by  TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS event (
    hub_seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT NOT NULL UNIQUE,
    stage_id    TEXT NOT NULL,
    desk_id     TEXT NOT NULL,
    desk_seq    INTEGER NOT NULL,
    hlc         INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    attendee_id TEXT,
    payload     TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    desk_name   TEXT NOT NULL DEFAULT '',
    operator    TEXT NOT NULL DEFAULT '',
    received_at TEXT NOT NULL,
    via         TEXT NOT NULL DEFAULT 'push',
    UNIQUE (stage_id, desk_id, desk_seq)
);
CREATE INDEX IF NOT EXISTS event_stage_seq ON event (stage_id, hub_seq);
CREATE INDEX IF NOT EXISTS event_attendee ON event (attendee_id);
CREATE TABLE IF NOT EXISTS desk_contact (
    desk_id         TEXT NOT NULL,
    stage_id        TEXT NOT NULL,
    token_name      TEXT NOT NULL DEFAULT '',
    last_heard      TEXT NOT NULL,
    unsynced        INTEGER,
    clock_offset_ms INTEGER,
    PRIMARY KEY (desk_id, stage_id)
);
""",
    ),
    (
        2,
        "desk_bound_id",
        # One desk id is bound to one token at most. A file from before may hold a desk id
        # bound to two tokens (a copied data folder, or a token used under another desk's
        # id): the token bound first keeps it, the others are unbound and are refused when
        # they come back with that id.
        """
UPDATE desk SET desk_id = NULL, bound_at = NULL WHERE desk_id IS NOT NULL AND
    rowid <> (SELECT d.rowid FROM desk d WHERE d.desk_id = desk.desk_id
              ORDER BY d.bound_at, d.rowid LIMIT 1);
CREATE UNIQUE INDEX IF NOT EXISTS desk_bound_id ON desk (desk_id) WHERE desk_id IS NOT NULL;
""",
    ),
    (
        3,
        "person",
        # Who exists, and their code: checked on push. Filled from the events of a file from
        # before it (first creation of a code wins); 'person_index' in meta says it was
        # filled, so a file that already had the table is not filled twice.
        """
CREATE TABLE IF NOT EXISTS person (
    stage_id    TEXT NOT NULL,
    attendee_id TEXT NOT NULL,
    code        TEXT NOT NULL,
    PRIMARY KEY (stage_id, attendee_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS person_code ON person (stage_id, code);
INSERT OR IGNORE INTO person (stage_id, attendee_id, code)
    SELECT stage_id, attendee_id, UPPER(json_extract(payload, '$.code')) FROM event
    WHERE kind = 'attendee_upserted' AND attendee_id IS NOT NULL
      AND json_extract(payload, '$.code') IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'person_index')
    ORDER BY hub_seq;
INSERT OR IGNORE INTO meta (key, value) VALUES ('person_index', '1');
""",
    ),
)

_RECORD = (
    "CREATE TABLE IF NOT EXISTS hub_migration "
    "(number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
)


def statements(sql: str) -> list[str]:
    """The statements of a migration script, one by one (so they run in one transaction)."""
    out: list[str] = []
    current = ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    if current.strip():
        raise ValueError(f"Unfinished statement in a hub migration: {current.strip()[:60]}")
    return out


def applied(conn: sqlite3.Connection) -> set[int]:
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'hub_migration'").fetchone():
        return set()
    return {r[0] for r in conn.execute("SELECT number FROM hub_migration")}


def migrate(conn: sqlite3.Connection, upto: int | None = None) -> list[int]:
    """Apply the pending steps (up to `upto`, for tests); returns the numbers applied.

    `conn` is in autocommit mode (isolation_level=None). Each step takes the write lock and
    looks again, so two processes opening one hub file at once apply each step once.
    """
    done: list[int] = []
    for number, name, sql in HUB_MIGRATIONS:
        if upto is not None and number > upto:
            break
        if number in applied(conn):
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if number not in applied(conn):  # another process may have run it meanwhile
                for statement in statements(sql):
                    conn.execute(statement)
                conn.execute(_RECORD)
                conn.execute(
                    "INSERT INTO hub_migration (number, name, applied_at) VALUES (?, ?, ?)",
                    (number, name, datetime.now(UTC).isoformat(timespec="milliseconds")),
                )
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                conn.execute(f"PRAGMA user_version = {max(int(number), int(version))}")
                done.append(number)
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
    return done


def latest() -> int:
    return max(number for number, _, _ in HUB_MIGRATIONS)
