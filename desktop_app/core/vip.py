"""VIP arrivals: who is a VIP, and which VIPs arrived since a desk last looked.

A VIP is every head of consular post by default (category consul, or a consular rank, as
the precedence list counts them); the list says otherwise per person in an extra column
"VIP" (yes / no), and gives the host to call and the instruction for the desk in the extra
columns "Host" and "Instruction" (Italian headers too, see the aliases below). The importer
keeps such columns as `extra` under their own header, so no field and no migration is needed.

Arrivals are read from the stage door's check-ins as this desk holds them (its own and
those pulled from the hub or merged from a stage file). The cursor is the local order in
which check-ins reached this stage file, not the HLC: a desk that was offline pushes
check-ins older than the ones already seen, and they still have to be announced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from desktop_app.core.model import Attendee
from desktop_app.core.search import fold

# extra-column headers, folded to letters and digits ("Istruzioni VIP" == "istruzionivip")
VIP_KEYS = ("vip", "isvip", "ospitevip", "vipflag")
HOST_KEYS = ("host", "viphost", "hosttocall", "referente", "referentevip", "accompagnatore")
INSTRUCTION_KEYS = (
    "instruction",
    "instructions",
    "vipinstruction",
    "istruzione",
    "istruzioni",
    "istruzionivip",
    "protocollo",
    "protocol",
)
INTERPRETER_KEYS = ("interpreter", "interprete", "lingua interprete")
ACCESSIBILITY_KEYS = ("accessibility", "accessibilita", "disabilita", "mobilita")

_YES = frozenset(("yes", "y", "si", "s", "true", "1", "x", "vip", "ja", "oui"))
_NO = frozenset(("no", "n", "false", "0", "non", "nein", ""))
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def _key(text: str) -> str:
    return _NOT_ALNUM.sub("", fold(text))


def _extra(attendee: Attendee, keys: tuple[str, ...]) -> str:
    wanted = {_key(k) for k in keys}
    for name, value in sorted(attendee.extra.items()):
        if _key(name) in wanted and value.strip():
            return value.strip()
    return ""


def _has_extra(attendee: Attendee, keys: tuple[str, ...]) -> bool:
    wanted = {_key(k) for k in keys}
    return any(_key(name) in wanted for name in attendee.extra)


def is_consular(attendee: Attendee) -> bool:
    return attendee.category == "consul" or bool(attendee.consular_rank)


def is_vip(attendee: Attendee) -> bool:
    """A VIP: the list's own "VIP" column when it says yes or no, else every consul."""
    if attendee.redacted:
        return False
    if _has_extra(attendee, VIP_KEYS):
        flag = _key(_extra(attendee, VIP_KEYS))
        if flag in _YES:
            return True
        if flag in _NO:
            return False
    return is_consular(attendee)


def host_of(attendee: Attendee) -> str:
    return _extra(attendee, HOST_KEYS)


def instruction_of(attendee: Attendee) -> list[str]:
    """The lines of what the desk must do for this person ([] = the default instruction)."""
    lines = []
    for keys in (INSTRUCTION_KEYS, INTERPRETER_KEYS, ACCESSIBILITY_KEYS):
        value = _extra(attendee, keys)
        if value:
            lines.append(value)
    return lines


@dataclass(frozen=True)
class Arrival:
    """One VIP's check-in at the stage door, as a desk announces it."""

    cursor: int  # local order of arrival in this stage file (pass it back as `after`)
    event_id: str
    attendee: Attendee
    desk_id: str
    desk_name: str
    recorded_at: str
    host: str
    instruction: list[str]

    def at_desk(self, desk_id: str) -> bool:
        return self.desk_id == desk_id


def acknowledged(stage: Any, attendee_ids: list[str]) -> set[str]:
    """The check-ins (event ids) of these people whose VIP instruction a desk acknowledged."""
    if not attendee_ids:
        return set()
    rows = stage.conn.execute(
        "SELECT json_extract(payload, '$.checkin') FROM event "  # through the attendee index
        f"WHERE attendee_id IN ({','.join('?' * len(attendee_ids))}) "
        "AND kind = 'vip_acknowledged'",
        attendee_ids,
    ).fetchall()
    return {r[0] for r in rows if r[0]}


def acknowledge(stage: Any, arrival: Arrival, *, operator: str = "") -> None:
    """Record that this desk read the instruction (it survives a restart, and syncs)."""
    stage.record(
        "vip_acknowledged", arrival.attendee.id, {"checkin": arrival.event_id}, operator=operator
    )


WAITING_FOR_S = 2 * 3600  # an instruction older than this was dealt with (or moot) by now


def waiting_here(stage: Any, now: datetime | None = None) -> list[Arrival]:
    """VIPs checked in at this desk in the last two hours whose instruction nobody
    acknowledged yet, oldest first (what a restart must not lose)."""
    since = (now or datetime.now(UTC)) - timedelta(seconds=WAITING_FOR_S)
    arrivals = [
        a
        for a in vip_arrivals(stage, desk_id=stage.desk.id)
        if _when(a.recorded_at) is not None and _when(a.recorded_at) >= since
    ]
    done = acknowledged(stage, sorted({a.attendee.id for a in arrivals}))
    return [a for a in arrivals if a.event_id not in done]


def _when(iso: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def latest_cursor(stage: Any) -> int:
    """The cursor of the newest check-in this stage file holds (0 when none)."""
    row = stage.conn.execute("SELECT MAX(rowid) FROM checkin").fetchone()
    return int(row[0] or 0)


def vip_arrivals(stage: Any, after: int = 0, *, desk_id: str = "") -> list[Arrival]:
    """VIPs' first arrivals at the stage door that reached this stage file after `after`.

    A second check-in of a person already in (a duplicate from another desk) and a check-in
    undone before this desk saw it are not arrivals. Oldest first, by `cursor`.
    """
    rows = stage.conn.execute(
        "SELECT c.rowid, c.event_id, c.attendee_id, c.desk_id, c.desk_name, c.recorded_at "
        "FROM checkin c JOIN attendee a ON a.id = c.attendee_id "
        "WHERE c.rowid > ? AND c.session_id = '' AND c.cancelled = 0 "
        "AND a.checkin_event_id = c.event_id "
        # who can be a VIP at all (is_vip decides): a consul, or a list with a VIP column
        "AND (a.category = 'consul' OR a.consular_rank <> '' OR a.extra LIKE '%vip%') "
        + ("AND c.desk_id = ? " if desk_id else "")
        + "ORDER BY c.rowid",
        (after, desk_id) if desk_id else (after,),
    ).fetchall()
    out = []
    for cursor, event_id, attendee_id, desk_id, desk_name, recorded_at in rows:
        person = stage.attendee(attendee_id)
        if not is_vip(person):
            continue
        out.append(
            Arrival(
                cursor=int(cursor),
                event_id=event_id,
                attendee=person,
                desk_id=desk_id,
                desk_name=desk_name,
                recorded_at=recorded_at,
                host=host_of(person),
                instruction=instruction_of(person),
            )
        )
    return out
