"""The shapes that travel between desks and the hub, and the hub's routes, declared once.

The hub checks pushed events from protocol.EVENT_FIELDS (event_from_wire), builds its
answers through the `Shape`s here, dispatches from `ROUTES` (hub.create_app), and the OpenAPI
schema is generated from all of them (openapi.py). Payloads are declared per kind of event
in core/events.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop_app.core.events import Field
from desktop_app.sync.protocol import (
    HEADER_CLOCK,
    HEADER_DESK,
    HEADER_UNSYNCED,
    MAX_CLOCK_HEADER_MS,
    MAX_HUB_SEQ,
    MAX_PULL_EVENTS,
    MAX_PUSH_EVENTS,
    MAX_UNSYNCED,
    PULL_BATCH,
    SLUG,
    id_field,
)


@dataclass(frozen=True)
class Shape:
    """A JSON object the API sends or takes: a named list of fields (a schema component)."""

    name: str
    fields: tuple[Field, ...]
    description: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_names", frozenset(f.name for f in self.fields))
        object.__setattr__(self, "_required", tuple(f.name for f in self.fields if f.required))

    def build(self, **values: Any) -> dict[str, Any]:
        """An answer of this shape: refuses a field it does not declare or lacks a required one."""
        unknown = values.keys() - self._names  # type: ignore[attr-defined]
        missing = [n for n in self._required if n not in values]  # type: ignore[attr-defined]
        if unknown or missing:
            raise TypeError(f"{self.name}: undeclared {sorted(unknown)}, missing {missing}")
        return values


_id = id_field


def _int(name: str, **kw: Any) -> Field:
    return Field(name, "integer", **kw)


def _str(name: str, **kw: Any) -> Field:
    return Field(name, **kw)


def _bool(name: str, **kw: Any) -> Field:
    return Field(name, "boolean", **kw)


def _list(name: str, of: str | Field, **kw: Any) -> Field:
    items = Field("item", ref=of) if isinstance(of, str) else of
    return Field(name, "array", items=items, **kw)


HUB_SEQ = _int("hub_seq", required=True, minimum=1, description="The hub's sequence.")

HUB_TIME = _int("hub_time_ms", required=True, description="The hub's clock, ms since 1970.")
HUB_ID = _str("hub_id", required=True)
CLOCK_OFFSET = _int(
    "clock_offset_ms",
    required=True,
    nullable=True,
    description="The desk's clock minus the hub's, when the desk sent its clock.",
)

ERROR = Shape(
    "Error",
    (
        Field(
            "error",
            "object",
            required=True,
            fields=(
                _str("code", required=True, description="Stable: say what to do from it."),
                _str("message", required=True),
                _id("event_id", description="The pushed event refused, when one is."),
            ),
        ),
    ),
)
HEALTH = Shape(
    "Health",
    (
        _bool("ok", required=True),
        HUB_ID,
        _str("version", required=True),
        _int("api", required=True),
        HUB_TIME,
    ),
)
STAGE = Shape(
    "Stage",
    (
        _str("id", required=True),
        _str("slug", required=True),
        _str("title", required=True),
        _str("date", required=True),
        _str("published_at", required=True, nullable=True),
        _int("events", required=True),
        _int("last_hub_seq", required=True, nullable=True),
    ),
)
STAGE_LIST = Shape("StageList", (_list("stages", "Stage", required=True), HUB_ID))
PUSH_EVENTS = _list("events", "Event", required=True, min_length=1, max_length=MAX_PUSH_EVENTS)
PUSH = Shape("Push", (PUSH_EVENTS,))
ACK = Shape("Ack", (_str("id", required=True), HUB_SEQ))
PUSH_RESULT = Shape(
    "PushResult",
    (
        _list("acks", "Ack", required=True),
        _int("new", required=True, description="How many of them the hub did not hold yet."),
        HUB_ID,
        HUB_TIME,
        CLOCK_OFFSET,
    ),
)
PULL_RESULT = Shape(
    "PullResult",
    (
        _list("events", "HubEvent", required=True),
        _int("last_hub_seq", required=True),
        _str(
            "last_id",
            required=True,
            nullable=True,
            description="id of the event at last_hub_seq: keep it with the cursor",
        ),
        _str(
            "after_id",
            required=True,
            nullable=True,
            description="id of the event at 'after' now; not the one kept with the cursor: "
            "the hub was restored from an older copy",
        ),
        _int("desk_events", description="events of the asking desk the hub holds"),
        _bool("more", required=True),
        HUB_ID,
        HUB_TIME,
        CLOCK_OFFSET,
    ),
)
DESK_SEEN = Shape(
    "DeskSeen",
    (
        _str("desk_id", required=True),
        _str("name", required=True),
        _str("token", required=True),
        _str("last_heard", required=True, nullable=True),
        _int("up_to_desk_seq", required=True),
        _int("events", required=True),
        _bool("gaps", required=True),
        _int("unsynced_at_last_contact", required=True, nullable=True),
        _bool("final", required=True),
        _int("clock_offset_ms", required=True, nullable=True),
    ),
)
DESK_LIST = Shape("DeskList", (_list("desks", "DeskSeen", required=True), HUB_TIME))
STATUS = Shape(
    "Status",
    (
        _str("stage", required=True),
        _str("stage_id", required=True),
        _str("title", required=True),
        _str("date", required=True),
        _int("registered", required=True),
        _int("checked_in", required=True),
        Field(
            "by_category",
            "object",
            required=True,
            items=Field(
                "category",
                "object",
                fields=(_int("registered", required=True), _int("checked_in", required=True)),
            ),
        ),
        _int("events", required=True),
        _str("digest", required=True),
        _int("quarantined", required=True),
        _list("desks", "DeskSeen", required=True),
        _bool("final", required=True),
        _list("duplicates", Field("duplicate", "object"), required=True),
    ),
)
SHAPES = (
    ERROR,
    HEALTH,
    STAGE,
    STAGE_LIST,
    PUSH,
    ACK,
    PUSH_RESULT,
    PULL_RESULT,
    DESK_SEEN,
    DESK_LIST,
    STATUS,
)

# --- parameters -------------------------------------------------------------------------------

DESK = _id(
    HEADER_DESK,
    required=True,
    description="The id of the desk installation (bound to the token on first use).",
)
CLOCK = _int(
    HEADER_CLOCK,
    minimum=0,
    maximum=MAX_CLOCK_HEADER_MS,
    description="The desk's wall clock, milliseconds since the epoch.",
)
UNSYNCED = _int(
    HEADER_UNSYNCED,
    minimum=0,
    maximum=MAX_UNSYNCED,
    description="How many of the desk's events are still waiting to be pushed.",
)
AFTER = _int("after", minimum=0, maximum=MAX_HUB_SEQ, default=0)
LIMIT = _int("limit", minimum=1, maximum=MAX_PULL_EVENTS, default=PULL_BATCH)
MINE = _str(
    "mine", enum=("0", "1"), default="1", description="1 (default): include this desk's own events"
)


@dataclass(frozen=True)
class Param:
    where: str  # path, query, header
    field: Field


_DESK_HEADERS = (Param("header", DESK), Param("header", CLOCK), Param("header", UNSYNCED))


@dataclass(frozen=True)
class Operation:
    """One method on one path: the hub's handler for it and what it takes and answers."""

    method: str
    path: str  # under protocol.API_PREFIX
    handler: str  # the Hub method answering it
    operation_id: str
    summary: str
    response: Shape
    errors: tuple[int, ...] = ()
    params: tuple[Param, ...] = ()
    body: Shape | None = None
    secured: bool = True
    description: str = ""


_STAGE = Param("path", SLUG)
ROUTES: tuple[Operation, ...] = (
    Operation(
        "GET",
        "/health",
        "health",
        "health",
        "Is the hub up; its id and clock",
        HEALTH,
        secured=False,
    ),
    Operation(
        "GET",
        "/stages",
        "stages",
        "listStages",
        "Stages this token may sync",
        STAGE_LIST,
        (401, 503),
    ),
    Operation(
        "POST",
        "/stages/{slug}/events",
        "push",
        "pushEvents",
        "Push this desk's own events (idempotent on event id)",
        PUSH_RESULT,
        (400, 401, 403, 404, 408, 409, 413, 422, 503),
        (_STAGE, *_DESK_HEADERS),
        body=PUSH,
    ),
    Operation(
        "GET",
        "/stages/{slug}/events",
        "pull",
        "pullEvents",
        "Pull events after a hub sequence (or all of them: bootstrap)",
        PULL_RESULT,
        (400, 401, 403, 404, 422, 503),
        (
            _STAGE,
            Param("query", AFTER),
            Param("query", LIMIT),
            Param("query", MINE),
            *_DESK_HEADERS,
        ),
    ),
    Operation(
        "GET",
        "/stages/{slug}/desks",
        "desks",
        "stageDesks",
        "Per desk: last heard, up to which event, anything still waiting",
        DESK_LIST,
        (400, 401, 403, 404, 422, 503),
        (_STAGE,),
        description="Read-only: any desk token allowed on the stage may ask, from any "
        "installation; it does not bind the token.",
    ),
    Operation(
        "GET",
        "/stages/{slug}/status",
        "status",
        "stageStatus",
        "Counts, digest, desks heard from, duplicates (admin token)",
        STATUS,
        (401, 403, 404, 503),
        (_STAGE,),
    ),
)

STATUS_TEXT = {
    400: "Malformed request or missing desk header",
    401: "Missing, wrong or revoked token",
    403: "Not allowed for this desk",
    404: "No such stage on the hub",
    408: "The request body came too slowly",
    409: "Conflicts with events on the hub",
    413: "Body too large",
    422: "Invalid parameter, header or event",
    503: "The hub is busy; try again",
}
