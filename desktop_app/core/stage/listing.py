"""Stage files in the data dir: slugs, paths, the read-only list of stages."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop_app.core import paths
from desktop_app.core.errors import InvalidInput
from desktop_app.core.ids import SLUG_RE


def validate_slug(slug: str) -> str:
    if not SLUG_RE.match(slug or ""):
        raise InvalidInput(
            "A stage slug is lower-case letters, digits and dashes, e.g. 'bergamo-2026'."
        )
    return slug


def stage_path(data_dir: Path, slug: str) -> Path:
    return paths.stages_dir(data_dir) / f"{validate_slug(slug)}.sqlite"


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
