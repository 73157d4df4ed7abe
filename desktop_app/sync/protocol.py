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
from operator import attrgetter
from typing import Any

from desktop_app.core.events import MAX_INT, Field, InvalidEvent, check_event, value_rule
from desktop_app.core.hlc import COUNTER_BITS, MAX_AHEAD_MS, physical_ms
from desktop_app.core.ids import SLUG_RE
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
MAX_HUB_SEQ = 2**62  # the highest `after` a pull may name
MAX_CLOCK_HEADER_MS = 10**14  # year 5138: anything past it is not a clock
MAX_UNSYNCED = 10**12

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

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$")
MAX_TEXT = 200  # a short text of the envelope: names, times


def id_field(name: str, **kw: Any) -> Field:
    return Field(name, pattern=ID_RE, message="must be an id.", **kw)


def _text(name: str, **kw: Any) -> Field:
    return Field(name, max_length=MAX_TEXT, message="must be a short string.", **kw)


def _int(name: str, **kw: Any) -> Field:
    return Field(name, "integer", maximum=MAX_INT, message="must be an integer.", **kw)


# An event as a desk pushes it, declared once, in the order the hub checks it: the check
# (event_from_wire) and the OpenAPI schema (openapi.py) both come from here.
EVENT_FIELDS: tuple[Field, ...] = (
    id_field("id", required=True, description="The event's own id: pushing it again is a no-op."),
    id_field("stage_id", required=True),
    id_field("desk_id", required=True, description="The desk that recorded it: the pusher."),
    Field("kind", required=True, enum=EVENT_KINDS, message="is not a known kind."),
    id_field("attendee_id", nullable=True, description="The person it is about, if any."),
    Field("payload", "object", required=True, message="must be an object."),
    _int("desk_seq", required=True, minimum=1, description="1, 2, 3... per desk."),
    _int(
        "hlc",
        required=True,
        minimum=1,
        description="Hybrid logical clock. The hub refuses a clock before 2020 or more than "
        "a day ahead of its own (clock_implausible).",
        schema_extra={"minimum": EARLIEST_EVENT_MS << COUNTER_BITS},
    ),
    _text("recorded_at", required=True),
    _text("desk_name", nullable=True, default=""),
    _text("operator", nullable=True, default=""),
)
SLUG = Field("slug", required=True, pattern=SLUG_RE)

_ENVELOPE = tuple((f.name, f.default, value_rule(f)) for f in EVENT_FIELDS)
assert not any(f.required and f.nullable for f in EVENT_FIELDS)  # None: absent
_NAMES = tuple(f.name for f in EVENT_FIELDS)
_VALUES = attrgetter(*_NAMES)


def valid_id(value: object) -> bool:
    return isinstance(value, str) and bool(ID_RE.match(value))


def valid_slug(value: object) -> bool:
    return isinstance(value, str) and bool(SLUG_RE.match(value))


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
    get = data.get
    values = {}
    for name, default, rule in _ENVELOPE:
        value = get(name)
        wrong = rule(value)  # a required field refuses None (absent); others take it
        if wrong is not None:
            raise ProtocolError("invalid_event", f"events[{index}].{name} {wrong}")
        values[name] = default if value is None else value
    event = Event(**values)
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
    data = dict(zip(_NAMES, _VALUES(event), strict=True))
    if event.hub_seq is not None:
        data["hub_seq"] = event.hub_seq
    return data


def event_from_hub(data: dict[str, Any]) -> Event:
    """An event as the hub sends it (trusted enough: the hub validated it on the way in)."""
    return Event.from_dict(data, hub_seq=data.get("hub_seq"))
