"""Sessions inside a stage (plenary, workshops, targeted meetings, networking).

A session is defined by `session_defined` events (fields last-writer-wins, like attendees),
so sessions travel to every desk exactly as check-ins do. A desk set to a session door
checks people in through `checkin.decide(..., session_id=...)`.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop_app.core.errors import ImportFailed, InvalidInput
from desktop_app.core.events import MAX_CAPACITY
from desktop_app.core.ids import uuid7
from desktop_app.core.model import clean_text
from desktop_app.core.store import Stage

SESSION_KINDS = ("plenary", "workshop", "b2b", "networking", "other")

# Header words recognised in session CSV files (Italian and English), folded to lower case.
_HEADERS = {
    "name": ("name", "nome", "titolo", "title", "sessione", "session"),
    "kind": ("kind", "type", "tipo", "tipologia"),
    "room": ("room", "sala", "aula", "location", "luogo"),
    "starts_at": ("starts_at", "start", "starts", "inizio", "ora inizio", "dalle", "from"),
    "ends_at": ("ends_at", "end", "ends", "fine", "ora fine", "alle", "to"),
    "capacity": ("capacity", "capienza", "posti", "max", "seats"),
    "date": ("date", "data", "giorno", "day"),
}
_KIND_WORDS = {
    "plenaria": "plenary",
    "plenary": "plenary",
    "workshop": "workshop",
    "b2b": "b2b",
    "incontro b2b": "b2b",
    "incontri b2b": "b2b",
    "meeting": "b2b",
    "incontro": "b2b",
    "networking": "networking",
}
_TIME_RE = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def _parse_when(value: str, stage_date: str, day: str = "") -> str:
    """'09:30', '2026-03-12 09:30', '12/03/2026 09:30' -> '2026-03-12T09:30' ('' stays '')."""
    text = clean_text(value)
    if not text:
        return ""
    match = _TIME_RE.match(text)
    if match:
        date = _parse_day(day) if day else stage_date
        return f"{date}T{int(match.group(1)):02d}:{match.group(2)}"
    for fmt in ("%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(text, fmt).strftime("%Y-%m-%dT%H:%M")
        except ValueError:
            continue
    raise InvalidInput(f"'{text}' is not a time: write 09:30 or 2026-03-12 09:30.")


def _parse_day(value: str) -> str:
    text = clean_text(value)
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).strftime("%Y-%m-%d")
        except ValueError:
            continue
    raise InvalidInput(f"'{text}' is not a date: write 2026-03-12 or 12/03/2026.")


def _parse_capacity(value: Any) -> int | None:
    if value is None:
        return None
    text = clean_text(value)
    if not text:
        return None
    try:
        number = int(float(text.replace(",", ".")))
    except (ValueError, OverflowError) as exc:  # "abc", "nan"; "inf", "1e400"
        raise InvalidInput(f"Capacity '{text[:20]}' is not a number.") from exc
    if number < 0:
        raise InvalidInput("Capacity cannot be negative.")
    if number > MAX_CAPACITY:
        raise InvalidInput(f"Capacity '{text[:20]}' is too large: at most {MAX_CAPACITY:,} seats.")
    return number


def _kind(value: str) -> str:
    text = clean_text(value).lower()
    if not text:
        return "other"
    return _KIND_WORDS.get(text, text if text in SESSION_KINDS else "other")


def clean_session_fields(fields: dict[str, Any], stage_date: str) -> dict[str, Any]:
    """Validated session fields as they are stored in `session_defined` events."""
    out: dict[str, Any] = {}
    if "name" in fields:
        out["name"] = clean_text(fields["name"])
        if not out["name"]:
            raise InvalidInput("A session needs a name.")
    if "kind" in fields:
        out["kind"] = _kind(str(fields["kind"] or ""))
    if "room" in fields:
        out["room"] = clean_text(fields["room"])
    for key in ("starts_at", "ends_at"):
        if key in fields:
            out[key] = _parse_when(str(fields[key] or ""), stage_date)
    if "capacity" in fields:
        out["capacity"] = _parse_capacity(fields["capacity"])
    start, end = out.get("starts_at"), out.get("ends_at")
    if start and end and end < start:
        raise InvalidInput("A session cannot end before it starts.")
    return out


def define_session(
    stage: Stage,
    name: str,
    *,
    kind: str = "",
    room: str = "",
    starts_at: str = "",
    ends_at: str = "",
    capacity: int | str | None = None,
    operator: str = "",
) -> dict[str, Any]:
    """Create a session in this stage. Returns it as `Stage.sessions()` lists it."""
    fields = clean_session_fields(
        {
            "name": name,
            "kind": kind,
            "room": room,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "capacity": capacity,
        },
        stage.info.date,
    )
    session_id = uuid7()
    stage.record(
        "session_defined", None, {"session_id": session_id, "fields": fields}, operator=operator
    )
    return session(stage, session_id)


def update_session(
    stage: Stage, session_id: str, changes: dict[str, Any], *, operator: str = ""
) -> dict[str, Any]:
    """Change some fields of a session; only what really changes is recorded."""
    current = session(stage, session_id)
    clean = clean_session_fields(changes, stage.info.date)
    changed = {k: v for k, v in clean.items() if current.get(k) != v}
    if changed:
        stage.record(
            "session_defined",
            None,
            {"session_id": session_id, "fields": changed},
            operator=operator,
        )
    return session(stage, session_id)


def delete_session(stage: Stage, session_id: str, *, operator: str = "") -> None:
    """Hide a session (its check-ins stay in the log)."""
    session(stage, session_id)
    stage.record(
        "session_defined",
        None,
        {"session_id": session_id, "fields": {"deleted": True}},
        operator=operator,
    )


def session(stage: Stage, session_id: str) -> dict[str, Any]:
    """One session by id (or by a unique prefix of its id, or by its exact name)."""
    sessions = stage.sessions()
    for s in sessions:
        if s["id"] == session_id:
            return s
    wanted = clean_text(session_id).lower()
    matches = [s for s in sessions if s["id"].startswith(wanted) or s["name"].lower() == wanted]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise InvalidInput("More than one session matches: give its full id.")
    raise InvalidInput("There is no such session in this stage.")


def is_full(session_row: dict[str, Any]) -> bool:
    capacity = session_row.get("capacity")
    return capacity is not None and session_row.get("present", 0) >= int(capacity)


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFailed("The file is not text (UTF-8 or Windows-1252).")


def _header_map(header: list[str]) -> dict[str, int]:
    mapping: dict[str, int] = {}
    for index, title in enumerate(header):
        word = clean_text(title).lower()
        for field_name, words in _HEADERS.items():
            if word in words and field_name not in mapping:
                mapping[field_name] = index
    return mapping


def import_sessions_csv(stage: Stage, path: Path, *, operator: str = "") -> dict[str, Any]:
    """Sessions from a CSV (comma, semicolon or tab; UTF-8 or cp1252), all or nothing.

    A session whose name is already defined in the stage is updated, not duplicated, so
    importing the same file twice changes nothing.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ImportFailed(f"Cannot read the file ({exc.strerror}).") from exc
    if not data.strip():
        raise ImportFailed("The file is empty.")
    if b"\x00" in data:
        raise ImportFailed("The file is not text (it looks like a binary file).")
    text = _decode(data)
    first_line = text.splitlines()[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    header, body = rows[0], rows[1:]
    columns = _header_map(header)
    if "name" not in columns:
        raise ImportFailed("No column with the session name (Nome / Name) was found.")
    existing = {s["name"].lower(): s for s in stage.sessions()}
    items: list[tuple[str, str | None, dict[str, Any]]] = []
    problems: list[str] = []
    created = updated = unchanged = 0
    seen: set[str] = set()
    for number, row in enumerate(body, start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(name: str, row: list[str] = row) -> str:
            index = columns.get(name)
            return row[index] if index is not None and index < len(row) else ""

        try:
            day = cell("date")
            fields = {
                "name": cell("name"),
                "kind": cell("kind"),
                "room": cell("room"),
                "starts_at": _parse_when(cell("starts_at"), stage.info.date, day),
                "ends_at": _parse_when(cell("ends_at"), stage.info.date, day),
                "capacity": cell("capacity"),
            }
            clean = clean_session_fields(fields, stage.info.date)
        except InvalidInput as exc:
            problems.append(f"row {number}: {exc.message}")
            continue
        key = clean["name"].lower()
        if key in seen:
            problems.append(f"row {number}: the session '{clean['name']}' appears twice")
            continue
        seen.add(key)
        old = existing.get(key)
        if old is None:
            items.append(("session_defined", None, {"session_id": uuid7(), "fields": clean}))
            created += 1
            continue
        changed = {k: v for k, v in clean.items() if old.get(k) != v}
        if changed:
            items.append(("session_defined", None, {"session_id": old["id"], "fields": changed}))
            updated += 1
        else:
            unchanged += 1
    if problems:
        raise ImportFailed("Nothing was imported: " + "; ".join(problems[:20]), problems=problems)
    if items:
        stage.record_many(items, operator=operator)
    return {"created": created, "updated": updated, "unchanged": unchanged}
