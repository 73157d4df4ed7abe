"""The hub's OpenAPI 3.0 schema, written by hand so it says exactly what the hub accepts."""

from __future__ import annotations

from typing import Any

from desktop_app import __version__
from desktop_app.core.hlc import COUNTER_BITS
from desktop_app.core.model import EVENT_KINDS
from desktop_app.sync import protocol

_ID = {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$"}
_SLUG = {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]{0,62}$"}
_SHORT = {"type": "string", "maxLength": 200}

_EVENT_PROPS: dict[str, Any] = {
    "id": _ID,
    "stage_id": _ID,
    "desk_id": _ID,
    "desk_seq": {"type": "integer", "minimum": 1, "maximum": 2**62},
    # the hub refuses a clock before 2020 (protocol.EARLIEST_EVENT_MS) or over a day ahead
    "hlc": {
        "type": "integer",
        "minimum": protocol.EARLIEST_EVENT_MS << COUNTER_BITS,
        "maximum": 2**62,
    },
    "kind": {"type": "string", "enum": list(EVENT_KINDS)},
    "attendee_id": {**_ID, "nullable": True},
    "payload": {"type": "object"},
    "recorded_at": _SHORT,
    "desk_name": _SHORT,
    "operator": _SHORT,
}
_EVENT_REQUIRED = ["id", "stage_id", "desk_id", "desk_seq", "hlc", "kind", "payload", "recorded_at"]


def _error_response(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _json_response(description: str, ref: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}},
    }


_AUTH_ERRORS = {
    "400": _error_response("Malformed request or missing desk header"),
    "401": _error_response("Missing, wrong or revoked token"),
    "403": _error_response("Not allowed for this desk"),
    "404": _error_response("No such stage on the hub"),
    "422": _error_response("Invalid parameter or header"),
    "503": _error_response("The hub is busy; try again"),
}

_DESK_HEADERS = [
    {
        "name": protocol.HEADER_DESK,
        "in": "header",
        "required": True,
        "description": "The id of the desk installation (bound to the token on first use).",
        "schema": _ID,
    },
    {
        "name": protocol.HEADER_CLOCK,
        "in": "header",
        "required": False,
        "description": "The desk's wall clock, milliseconds since the epoch.",
        "schema": {"type": "integer", "minimum": 0, "maximum": 10**14},
    },
    {
        "name": protocol.HEADER_UNSYNCED,
        "in": "header",
        "required": False,
        "description": "How many of the desk's events are still waiting to be pushed.",
        "schema": {"type": "integer", "minimum": 0, "maximum": 10**12},
    },
]
_SLUG_PARAM = {"name": "slug", "in": "path", "required": True, "schema": _SLUG}


def openapi_schema() -> dict[str, Any]:
    secured = [{"bearer": []}]
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Roadshow Desk sync hub",
            "version": __version__,
            "description": "Desks push the events they recorded and pull everyone else's.",
        },
        "paths": {
            f"{protocol.API_PREFIX}/health": {
                "get": {
                    "summary": "Is the hub up; its id and clock",
                    "operationId": "health",
                    "responses": {"200": _json_response("The hub is up", "Health")},
                }
            },
            f"{protocol.API_PREFIX}/stages": {
                "get": {
                    "summary": "Stages this token may sync",
                    "operationId": "listStages",
                    "security": secured,
                    "responses": {
                        "200": _json_response("Stages", "StageList"),
                        "401": _AUTH_ERRORS["401"],
                        "503": _AUTH_ERRORS["503"],
                    },
                }
            },
            f"{protocol.API_PREFIX}/stages/{{slug}}/events": {
                "post": {
                    "summary": "Push this desk's own events (idempotent on event id)",
                    "operationId": "pushEvents",
                    "security": secured,
                    "parameters": [_SLUG_PARAM, *_DESK_HEADERS],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Push"}}
                        },
                    },
                    "responses": {
                        "200": _json_response("What the hub now holds", "PushResult"),
                        **_AUTH_ERRORS,
                        "409": _error_response("Conflicts with events on the hub"),
                        "413": _error_response("Body too large"),
                    },
                },
                "get": {
                    "summary": "Pull events after a hub sequence (or all of them: bootstrap)",
                    "operationId": "pullEvents",
                    "security": secured,
                    "parameters": [
                        _SLUG_PARAM,
                        {
                            "name": "after",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "integer", "minimum": 0, "maximum": 2**62},
                        },
                        {
                            "name": "limit",
                            "in": "query",
                            "required": False,
                            "schema": {
                                "type": "integer",
                                "minimum": 1,
                                "maximum": protocol.MAX_PULL_EVENTS,
                            },
                        },
                        {
                            "name": "mine",
                            "in": "query",
                            "required": False,
                            "description": "1 (default): include this desk's own events",
                            "schema": {"type": "string", "enum": ["0", "1"]},
                        },
                        *_DESK_HEADERS,
                    ],
                    "responses": {"200": _json_response("Events", "PullResult"), **_AUTH_ERRORS},
                },
            },
            f"{protocol.API_PREFIX}/stages/{{slug}}/desks": {
                "get": {
                    "summary": "Per desk: last heard, up to which event, anything still waiting",
                    "description": "Read-only: any desk token allowed on the stage may ask, "
                    "from any installation; it does not bind the token.",
                    "operationId": "stageDesks",
                    "security": secured,
                    "parameters": [_SLUG_PARAM],
                    "responses": {"200": _json_response("Desks", "DeskList"), **_AUTH_ERRORS},
                }
            },
            f"{protocol.API_PREFIX}/stages/{{slug}}/status": {
                "get": {
                    "summary": "Counts, digest, desks heard from, duplicates (admin token)",
                    "operationId": "stageStatus",
                    "security": secured,
                    "parameters": [_SLUG_PARAM],
                    "responses": {
                        "200": _json_response("Status", "Status"),
                        "401": _AUTH_ERRORS["401"],
                        "403": _AUTH_ERRORS["403"],
                        "404": _AUTH_ERRORS["404"],
                        "503": _AUTH_ERRORS["503"],
                    },
                }
            },
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "required": ["code", "message"],
                            "properties": {
                                "code": {"type": "string"},
                                "message": {"type": "string"},
                                "event_id": {
                                    **_ID,
                                    "description": "The pushed event refused, when one is.",
                                },
                            },
                        }
                    },
                },
                "Health": {
                    "type": "object",
                    "required": ["ok", "hub_id", "hub_time_ms"],
                    "properties": {
                        "ok": {"type": "boolean"},
                        "hub_id": {"type": "string"},
                        "version": {"type": "string"},
                        "api": {"type": "integer"},
                        "hub_time_ms": {"type": "integer"},
                    },
                },
                "Event": {
                    "type": "object",
                    "required": _EVENT_REQUIRED,
                    "properties": _EVENT_PROPS,
                },
                "HubEvent": {
                    "type": "object",
                    "required": [*_EVENT_REQUIRED, "hub_seq"],
                    "properties": {**_EVENT_PROPS, "hub_seq": {"type": "integer"}},
                },
                "Push": {
                    "type": "object",
                    "required": ["events"],
                    "properties": {
                        "events": {
                            "type": "array",
                            "minItems": 1,
                            "maxItems": protocol.MAX_PUSH_EVENTS,
                            "items": {"$ref": "#/components/schemas/Event"},
                        }
                    },
                },
                "PushResult": {
                    "type": "object",
                    "required": ["acks", "new", "hub_id", "hub_time_ms"],
                    "properties": {
                        "acks": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["id", "hub_seq"],
                                "properties": {
                                    "id": {"type": "string"},
                                    "hub_seq": {"type": "integer"},
                                },
                            },
                        },
                        "new": {"type": "integer"},
                        "hub_id": {"type": "string"},
                        "hub_time_ms": {"type": "integer"},
                        "clock_offset_ms": {"type": "integer", "nullable": True},
                    },
                },
                "PullResult": {
                    "type": "object",
                    "required": ["events", "last_hub_seq", "more", "hub_id", "hub_time_ms"],
                    "properties": {
                        "events": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/HubEvent"},
                        },
                        "last_hub_seq": {"type": "integer"},
                        "last_id": {
                            "type": "string",
                            "nullable": True,
                            "description": "id of the event at last_hub_seq: keep it with "
                            "the cursor",
                        },
                        "after_id": {
                            "type": "string",
                            "nullable": True,
                            "description": "id of the event at 'after' now; not the one kept "
                            "with the cursor: the hub was restored from an older copy",
                        },
                        "desk_events": {
                            "type": "integer",
                            "description": "events of the asking desk the hub holds",
                        },
                        "more": {"type": "boolean"},
                        "hub_id": {"type": "string"},
                        "hub_time_ms": {"type": "integer"},
                        "clock_offset_ms": {"type": "integer", "nullable": True},
                    },
                },
                "StageList": {
                    "type": "object",
                    "required": ["stages"],
                    "properties": {
                        "stages": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["id", "slug"],
                                "properties": {
                                    "id": {"type": "string"},
                                    "slug": {"type": "string"},
                                    "title": {"type": "string"},
                                    "date": {"type": "string"},
                                    "events": {"type": "integer"},
                                    "last_hub_seq": {"type": "integer", "nullable": True},
                                },
                            },
                        },
                        "hub_id": {"type": "string"},
                    },
                },
                "DeskList": {
                    "type": "object",
                    "required": ["desks"],
                    "properties": {
                        "desks": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/DeskSeen"},
                        },
                        "hub_time_ms": {"type": "integer"},
                    },
                },
                "DeskSeen": {
                    "type": "object",
                    "required": ["desk_id", "up_to_desk_seq", "gaps", "final"],
                    "properties": {
                        "desk_id": {"type": "string"},
                        "name": {"type": "string"},
                        "token": {"type": "string"},
                        "last_heard": {"type": "string", "nullable": True},
                        "up_to_desk_seq": {"type": "integer"},
                        "events": {"type": "integer"},
                        "gaps": {"type": "boolean"},
                        "unsynced_at_last_contact": {"type": "integer", "nullable": True},
                        "final": {"type": "boolean"},
                        "clock_offset_ms": {"type": "integer", "nullable": True},
                    },
                },
                "Status": {
                    "type": "object",
                    "required": ["stage", "registered", "checked_in", "events", "digest", "desks"],
                    "properties": {
                        "stage": {"type": "string"},
                        "registered": {"type": "integer"},
                        "checked_in": {"type": "integer"},
                        "events": {"type": "integer"},
                        "digest": {"type": "string"},
                        "final": {"type": "boolean"},
                        "desks": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/DeskSeen"},
                        },
                        "duplicates": {"type": "array", "items": {"type": "object"}},
                    },
                },
            },
        },
    }
