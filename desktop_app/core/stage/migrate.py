"""Numbered migrations (db/migrations/NNNN_name.sql) and the search index rebuild."""

from __future__ import annotations

import contextlib
import re
import shutil
import sqlite3
from pathlib import Path

from desktop_app.core import paths
from desktop_app.core.errors import StageDamaged
from desktop_app.core.search import INDEX_VERSION
from desktop_app.core.stage.file import now_iso
from desktop_app.core.stage.projection import _reindex

_MIGRATION_RE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


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
