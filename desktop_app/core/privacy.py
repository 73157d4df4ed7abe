"""Personal data care: purge a stage's local copy once it is safe on the hub; erase a person.

Purge deletes the stage file (and its WAL, migration backups, open markers) only when the
hub has acknowledged every event in it, or when forced after saying what would be lost.
Erasure records a `redacted` event: every copy that syncs it blanks the person's personal
fields, and the log keeps that a person existed, not who.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any

from desktop_app.core.desk import Desk
from desktop_app.core.errors import InvalidInput, RoadshowError, StageLocked
from desktop_app.core.model import Attendee, Event
from desktop_app.core.store import Stage, stage_path


class UnsyncedEvents(RoadshowError):
    code = "unsynced_events"


_KIND_WORDS = {
    "checkin": "check-in(s)",
    "session_checkin": "session check-in(s)",
    "undo": "undo(s)",
    "attendee_upserted": "registration(s) or edit(s)",
    "attendee_cancelled": "cancellation(s)",
    "badge_printed": "badge print(s)",
    "session_defined": "session change(s)",
    "redacted": "erasure(s)",
    "scan_refused": "refused scan(s)",
    "vip_acknowledged": "VIP instruction(s) acknowledged",
    "ticket_send_started": "ticket e-mail attempt(s)",
    "ticket_sent": "ticket e-mail(s) sent",
    "ticket_send_failed": "ticket e-mail failure(s)",
    "stage_created": "the stage's creation",
}


def unacknowledged(stage: Stage) -> dict[str, Any]:
    """Events in this file the hub has not acknowledged: this desk's and other desks'."""
    rows = stage.conn.execute(
        "SELECT kind, desk_id = ?, COUNT(*) FROM event WHERE hub_seq IS NULL GROUP BY kind, 2",
        (stage.desk.id,),
    ).fetchall()
    by_kind: Counter[str] = Counter()
    mine = others = 0
    for kind, is_mine, count in rows:
        by_kind[kind] += count
        if is_mine:
            mine += count
        else:
            others += count
    return {"total": mine + others, "this_desk": mine, "other_desks": others, "by_kind": by_kind}


def describe_loss(pending: dict[str, Any]) -> str:
    parts = [f"{n} {_KIND_WORDS.get(kind, kind)}" for kind, n in pending["by_kind"].most_common()]
    text = f"{pending['total']} event(s) the hub never acknowledged ({', '.join(parts)})"
    if pending["other_desks"]:
        text += f"; {pending['other_desks']} of them came from other desks by stage file"
    return text


def _files_of(path: Path) -> list[Path]:
    found = [path]
    for suffix in ("-wal", "-shm", ".new"):
        found.append(Path(str(path) + suffix))
    found += list(path.parent.glob(path.name + ".before-migration-*"))
    found += list(path.parent.glob(path.name + ".open-*"))
    return [p for p in found if p.exists()]


def _open_elsewhere(path: Path) -> bool:
    for marker in path.parent.glob(path.name + ".open-*"):
        try:
            pid = int(marker.name.rsplit("-", 1)[1])
        except ValueError:
            continue
        if pid == os.getpid():
            continue
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            continue
        except PermissionError:
            return True
        return True
    return False


def purge_stage(data_dir: Path, slug: str, desk: Desk, *, force: bool = False) -> dict[str, Any]:
    """Delete this desk's copy of a stage. Refused while events are not on the hub, unless forced."""
    path = stage_path(data_dir, slug)
    with Stage.open(data_dir, slug, desk) as stage:
        pending = unacknowledged(stage)
        title = stage.info.title
        events = stage.event_count()
    if pending["total"] and not force:
        raise UnsyncedEvents(
            f"Not purged: this copy holds {describe_loss(pending)}. Sync with the hub first, "
            "or add --force to delete them anyway.",
            pending=pending["total"],
        )
    if _open_elsewhere(path):
        raise StageLocked("The stage is open in another program on this computer. Close it first.")
    removed = []
    for file in _files_of(path):
        file.unlink(missing_ok=True)
        removed.append(file.name)
    return {
        "stage": slug,
        "title": title,
        "events": events,
        "lost": pending["total"],
        "lost_by_kind": dict(pending["by_kind"]),
        "lost_text": describe_loss(pending) if pending["total"] else "",
        "files": removed,
    }


def erase_attendee(stage: Stage, attendee: Attendee, *, operator: str = "") -> Event:
    """Record the erasure of a person's personal data (it travels to every copy by sync)."""
    if attendee.redacted:
        raise InvalidInput("This person's personal data is already erased.")
    return stage.record("redacted", attendee.id, {}, operator=operator)
