"""The sync protocol between desks and the hub: limits, headers, and the wire form of events.

Version 1, under `/v1/`. A desk authenticates with `Authorization: Bearer <token>` and names
itself with `X-Roadshow-Desk: <desk id>`; it sends its wall clock in `X-Roadshow-Clock`
(milliseconds since the epoch) so the hub can measure its offset, and how many of its events
are still waiting in `X-Roadshow-Unsynced`, so a manager sees whether numbers are final.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from typing import Any

from desktop_app.core.events import InvalidEvent, check_event
from desktop_app.core.hlc import MAX_AHEAD_MS, physical_ms
from desktop_app.core.model import EVENT_KINDS, Event
from desktop_app.sync.errors import ProtocolError

API_PREFIX = "/v1"

HEADER_DESK = "X-Roadshow-Desk"
HEADER_CLOCK = "X-Roadshow-Clock"
HEADER_UNSYNCED = "X-Roadshow-Unsynced"

MAX_BODY_BYTES = 4 * 1024 * 1024
MAX_PUSH_EVENTS = 1000
MAX_PULL_EVENTS = 5000
MAX_PAYLOAD_BYTES = 64 * 1024
PUSH_BATCH = 500
PULL_BATCH = 5000

# The stage sync value where a desk keeps the hub's last list of desks heard from (JSON):
# reports read it to say whether the numbers are final (sync/finality.py).
HUB_DESKS_KEY = "hub_desks"
DESKS_REFRESH_S = 30.0

# A desk whose clock is off by this much (either way) shows a warning.
CLOCK_WARNING_MS = 2 * 60 * 1000

# An event's clock (HLC) is believable from this moment up to MAX_AHEAD_MS past the hub's
# clock. Anything else comes from a broken or hostile clock and would drag every desk's
# clock along with it.
EARLIEST_EVENT_MS = int(datetime(2020, 1, 1, tzinfo=UTC).timestamp() * 1000)

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$")
_SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
_MAX_TEXT = 200


def valid_id(value: object) -> bool:
    return isinstance(value, str) and bool(_ID_RE.match(value))


def valid_slug(value: object) -> bool:
    return isinstance(value, str) and bool(_SLUG_RE.match(value))


def _text(data: dict[str, Any], name: str, index: int, *, required: bool = False) -> str:
    value = data.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or len(value) > _MAX_TEXT:
        raise ProtocolError("invalid_event", f"events[{index}].{name} must be a short string.")
    return value


def _int(data: dict[str, Any], name: str, index: int, minimum: int) -> int:
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum or value >= 2**63:
        raise ProtocolError("invalid_event", f"events[{index}].{name} must be an integer.")
    return value


def check_clock(event: Event, index: int = 0, now_ms: int | None = None) -> None:
    """Refuse an event whose clock says before 2020 or over a day past the hub's clock."""
    now_ms = int(time.time() * 1000) if now_ms is None else now_ms
    if not 0 <= event.hlc < 2**63:  # SQLite INTEGER
        raise ProtocolError("invalid_event", f"events[{index}].hlc must be an integer.")
    when = physical_ms(event.hlc)
    if when < EARLIEST_EVENT_MS or when > now_ms + MAX_AHEAD_MS:
        raise ProtocolError(
            "clock_implausible",
            f"events[{index}].hlc is not a believable time: the clock of the computer that "
            "recorded it was before 2020 or more than a day ahead of the hub's. Set that "
            "computer's date and time right.",
        )


def event_from_wire(data: object, index: int = 0, now_ms: int | None = None) -> Event:
    """One pushed event, checked field by field. Raises ProtocolError with the field's name.

    `now_ms` is the hub's clock (the default: this computer's) for the HLC check.
    """
    if not isinstance(data, dict):
        raise ProtocolError("invalid_event", f"events[{index}] must be an object.")
    for name in ("id", "stage_id", "desk_id"):
        if not valid_id(data.get(name)):
            raise ProtocolError("invalid_event", f"events[{index}].{name} must be an id.")
    kind = data.get("kind")
    if kind not in EVENT_KINDS:
        raise ProtocolError("invalid_event", f"events[{index}].kind is not a known kind.")
    attendee_id = data.get("attendee_id")
    if attendee_id is not None and not valid_id(attendee_id):
        raise ProtocolError("invalid_event", f"events[{index}].attendee_id must be an id.")
    payload = data.get("payload")
    if not isinstance(payload, dict):
        raise ProtocolError("invalid_event", f"events[{index}].payload must be an object.")
    event = Event(
        id=data["id"],
        stage_id=data["stage_id"],
        desk_id=data["desk_id"],
        desk_seq=_int(data, "desk_seq", index, 1),
        hlc=_int(data, "hlc", index, 1),
        kind=kind,
        attendee_id=attendee_id,
        payload=payload,
        recorded_at=_text(data, "recorded_at", index, required=True),
        desk_name=_text(data, "desk_name", index),
        operator=_text(data, "operator", index),
    )
    check_clock(event, index, now_ms)
    check_payload(event, index)
    return event


def check_payload(event: Event, index: int = 0) -> None:
    """The same rule per kind the desks apply (core/events.py), with the event's index."""
    try:
        check_event(event)
    except InvalidEvent as exc:
        raise ProtocolError(exc.code, f"events[{index}].{exc.message}") from None


def event_to_wire(event: Event) -> dict[str, Any]:
    # Field by field rather than dataclasses.asdict, which deep-copies every payload.
    data = {
        "id": event.id,
        "stage_id": event.stage_id,
        "desk_id": event.desk_id,
        "desk_seq": event.desk_seq,
        "hlc": event.hlc,
        "kind": event.kind,
        "attendee_id": event.attendee_id,
        "payload": event.payload,
        "recorded_at": event.recorded_at,
        "desk_name": event.desk_name,
        "operator": event.operator,
    }
    if event.hub_seq is not None:
        data["hub_seq"] = event.hub_seq
    return data


def event_from_hub(data: dict[str, Any]) -> Event:
    """An event as the hub sends it (trusted enough: the hub validated it on the way in)."""
    return Event.from_dict(data, hub_seq=data.get("hub_seq"))
