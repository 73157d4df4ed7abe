"""What each kind of event may carry: one declared rule per kind, used by desks and hub alike.

Every event that reaches a stage file (recorded here, pulled from the hub, merged from a
stage file) and every event the hub stores passes `check_event` first, so an event the hub
accepted is one every desk can apply. A payload names its version in `"v"`; payloads
without it are version 1 (every payload written so far), and stay valid.

Each kind declares its payload as a table of `Field`s (type, bounds, required, allowed
values). The check runs from that table, and the hub's OpenAPI schema is derived from the
same table (sync/openapi.py), so the two cannot say different things.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core.ids import SLUG_RE
from desktop_app.core.model import ATTENDEE_FIELDS, SESSION_FIELDS, TEXT_FIELDS, Event

# Bounds for every number and text an event may hold. SQLite stores integers below 2**63;
# anything past these is a broken or hostile desk, never a real stage.
MAX_CAPACITY = 1_000_000
MAX_TEXT = 64 * 1024  # a payload is at most 64 KB on the hub (protocol.MAX_PAYLOAD_BYTES)
MAX_SHORT_TEXT = 200
MAX_LIST = 200
MAX_INT = 2**63 - 1


class InvalidEvent(ValueError):
    """An event no desk could apply. `code` is stable (the hub answers with it)."""

    def __init__(self, message: str, code: str = "invalid_event") -> None:
        super().__init__(message)
        self.code = code
        self.message = message


# --- declared fields -----------------------------------------------------------------------

JSON_TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "integer": int,
    "boolean": bool,
    "array": list,
    "object": dict,
}


@dataclass(frozen=True)
class Field:
    """One field of a JSON object: its type and bounds, declared once.

    Checks run from it (`value_rule`; payloads here, the wire envelope in sync/protocol.py)
    and the hub's OpenAPI schema is derived from it. `max_length`/`min_length` bound a
    string's characters, an array's items or an object's keys. `items` is the rule of an
    array's items or of an object's values; `fields` an object's known members (others are
    left alone: a newer desk's field). `message` is what a wrong value is told, `rule_message`
    what a value of the right type told when it breaks `pattern`, `min_length` or `enum`.
    """

    name: str
    type: str | tuple[str, ...] = "string"
    required: bool = False
    max_length: int | None = None
    min_length: int = 0
    minimum: int | None = None
    maximum: int | None = None
    enum: tuple[Any, ...] | None = None
    pattern: re.Pattern[str] | None = None  # searched, as JSON Schema does: anchor it
    nullable: bool = False
    items: Field | None = None
    keys: Field | None = None
    fields: tuple[Field, ...] = ()
    each_message: str | None = None  # for `fields` without their own message: {name}
    message: str | None = None
    rule_message: str | None = None
    default: Any = None
    ref: str | None = None  # a shape declared elsewhere by that name (schemas only)
    description: str = ""
    schema_extra: dict[str, Any] = field(default_factory=dict)  # said in the schema only

    @property
    def types(self) -> tuple[str, ...]:
        return (self.type,) if isinstance(self.type, str) else self.type


def _default_message(f: Field) -> str:
    types = f.types
    if "boolean" in types:
        return f"'{f.name}' must be true or false."
    if types == ("string",):
        return f"'{f.name}' must be a string of at most {f.max_length or MAX_TEXT} characters."
    if types == ("array",):
        return f"'{f.name}' must be a list."
    if types == ("object",):
        return f"'{f.name}' must be an object."
    return f"'{f.name}' must be a whole number from {f.minimum} to {f.maximum}."


def value_rule(f: Field, message: str | None = None) -> Callable[[Any], str | None]:
    """The check of one declared field, compiled once: the message if a value breaks it."""
    message = f.message or message or _default_message(f)
    rule_message = f.rule_message or message
    types = f.types
    python = tuple(t for name in types for t in _as_tuple(JSON_TYPES[name]))
    no_bool = "boolean" not in types
    nullable, limit, shortest = f.nullable, f.max_length, f.min_length
    low, high = f.minimum, f.maximum
    bounded = low is not None or high is not None
    low = -(2**64) if low is None else low
    high = 2**64 if high is None else high
    allowed = None if f.enum is None else frozenset(f.enum)
    search = None if f.pattern is None else f.pattern.search
    items = None if f.items is None else value_rule(f.items, f.items.message or message)
    keys = None if f.keys is None else value_rule(f.keys, message)
    each = f.each_message
    members = {
        m.name: value_rule(m, m.message or (each.format(name=m.name[:40]) if each else message))
        for m in f.fields
    }
    container = "array" in types or "object" in types
    plain = {  # members that are just a text of at most so many characters
        m.name: m.max_length or sys.maxsize
        for m in f.fields
        if m.types == ("string",) and not (m.min_length or m.pattern or m.enum)
    }
    longest = sys.maxsize if limit is None else limit
    if types == ("string",):  # most fields: one text, checked with as few steps as can be

        def text(value: Any) -> str | None:
            if isinstance(value, str):
                if len(value) > longest:
                    return message
                if (
                    len(value) < shortest
                    or (search is not None and not search(value))
                    or (allowed is not None and value not in allowed)
                ):
                    return rule_message
                return None
            return None if value is None and nullable else message

        return text
    if types == ("object",) and not (f.fields or items or keys or limit or shortest):

        def anything(value: Any) -> str | None:
            if isinstance(value, dict):
                return None
            return None if value is None and nullable else message

        return anything
    if types == ("integer",) and allowed is None:

        def number(value: Any) -> str | None:
            if isinstance(value, int) and value.__class__ is not bool:
                return None if low <= value <= high else message
            return None if value is None and nullable else message

        return number

    def check(value: Any) -> str | None:
        if value is None:
            return None if nullable else message
        if not isinstance(value, python) or (no_bool and value.__class__ is bool):
            return message
        if isinstance(value, str):
            if len(value) > longest:
                return message
            if len(value) < shortest or (search is not None and not search(value)):
                return rule_message
        elif bounded and isinstance(value, int) and not low <= value <= high:
            return message
        elif container:
            if len(value) > longest:
                return message
            if len(value) < shortest:
                return rule_message
            if isinstance(value, list):
                if items is not None:
                    for item in value:
                        wrong = items(item)
                        if wrong is not None:
                            return wrong
            else:
                for key, member in value.items():
                    if keys is not None and keys(key) is not None:
                        return message
                    # the usual case, inline: an import sends 50,000 of these
                    if member.__class__ is str and len(member) <= plain.get(key, -1):
                        continue
                    rule = members.get(key, items)
                    if rule is not None:
                        wrong = rule(member)
                        if wrong is not None:
                            return wrong
        if allowed is not None and value not in allowed:
            return rule_message
        return None

    return check


def _as_tuple(value: type | tuple[type, ...]) -> tuple[type, ...]:
    return value if isinstance(value, tuple) else (value,)


def _short(name: str, **kw: Any) -> Field:
    return Field(name, max_length=MAX_SHORT_TEXT, **kw)


def _flag(name: str, **kw: Any) -> Field:
    return Field(name, "boolean", **kw)


ATTENDEE_FIELD_RULES = Field(
    "fields",
    "object",
    each_message="field '{name}' has the wrong type or size.",
    description="The attendee's fields that changed (last writer wins, per field).",
    fields=(
        *(Field(name, max_length=MAX_TEXT) for name in TEXT_FIELDS),
        Field("external_codes", "array", max_length=MAX_LIST, items=_short("code")),
        Field(
            "extra",
            "object",
            max_length=MAX_LIST,
            keys=_short("key"),
            items=Field("value", max_length=MAX_TEXT),
        ),
    ),
)
assert {f.name for f in ATTENDEE_FIELD_RULES.fields} == set(ATTENDEE_FIELDS)

SESSION_FIELD_RULES = Field(
    "fields",
    "object",
    each_message="field '{name}' has the wrong type or size.",
    fields=(
        *(_short(name) for name in SESSION_FIELDS if name not in ("capacity", "deleted")),
        Field(
            "capacity",
            "integer",
            nullable=True,
            minimum=0,
            maximum=MAX_CAPACITY,
            message=f"'capacity' must be a whole number from 0 to {MAX_CAPACITY:,}.",
        ),
        Field("deleted", ("boolean", "integer"), minimum=0, maximum=1),
    ),
)
assert {f.name for f in SESSION_FIELD_RULES.fields} == set(SESSION_FIELDS)

_ATTENDEE = (
    ATTENDEE_FIELD_RULES,
    Field(
        "code", max_length=40, pattern=re.compile(r"\S"), message="'code' must be an attendee code."
    ),
    Field("status", enum=("active", "cancelled"), message="'status' is 'active' or 'cancelled'."),
)
_CHECKIN = (_short("method"), Field("forced", ("boolean", "integer")))
_TICKET_MAIL = (
    _short("code", required=True),
    _short("purpose", required=True),
    _short("attempt", required=True),
    Field("answer", max_length=4000, description="The mail server's answer."),
    Field(
        "smtp_code",
        "integer",
        minimum=0,
        maximum=999,
        message="'smtp_code' must be an SMTP reply code.",
    ),
    _flag("in_doubt"),
)


def _bad(what: str) -> InvalidEvent:
    return InvalidEvent(f"payload: {what}")


@dataclass(frozen=True)
class EventKind:
    """One kind of event: whether it is about a person, its payload fields, its version.

    `only_declared` (a message) refuses any payload key not declared; `check` is an extra
    rule for what a table cannot say.
    """

    name: str
    about_person: bool
    fields: tuple[Field, ...] = ()
    version: int = 1
    only_declared: str | None = None
    check: Callable[[dict[str, Any]], None] | None = None
    description: str = ""
    check_payload: Callable[[dict[str, Any]], None] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "check_payload", _payload_rule(self))


def _payload_rule(kind: EventKind) -> Callable[[dict[str, Any]], None]:
    rules = tuple((f.name, f.required, value_rule(f)) for f in kind.fields)
    declared = frozenset(["v", *(f.name for f in kind.fields)])
    only, extra_check = kind.only_declared, kind.check

    def check(p: dict[str, Any]) -> None:
        for name, required, rule in rules:
            if name in p:
                wrong = rule(p[name])
                if wrong is not None:
                    raise _bad(wrong)
            elif required:
                raise _bad(f"'{name}' is required.")
        if only is not None:
            extra = set(p) - declared
            if extra:
                raise _bad(only + ", ".join(sorted(extra))[:80])
        if extra_check is not None:
            extra_check(p)

    return check


def check_event(event: Event) -> None:
    """Raise InvalidEvent unless every desk can apply this event (shape and bounds)."""
    kind = KINDS.get(event.kind)
    if kind is None:
        raise InvalidEvent("kind is not a known kind.")
    seq, hlc, payload = event.desk_seq, event.hlc, event.payload
    if type(seq) is not int or not 1 <= seq <= MAX_INT:
        raise InvalidEvent("desk_seq must be a whole number from 1 to 2**63 - 1.")
    if type(hlc) is not int or not 0 <= hlc <= MAX_INT:
        raise InvalidEvent("hlc must be a whole number below 2**63.")
    if type(payload) is not dict:
        raise InvalidEvent("payload must be an object.")
    version = payload.get("v", 1)
    if version != 1 and (not _is_int(version) or not 1 <= version <= kind.version):
        raise InvalidEvent(
            f"payload version {str(version)[:10]} of '{kind.name}' is newer than this "
            "software: update Roadshow Desk.",
            code="unsupported_version",
        )
    if kind.about_person and not event.attendee_id:
        raise InvalidEvent("attendee_id is required.")
    kind.check_payload(payload)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


KINDS: dict[str, EventKind] = {
    k.name: k
    for k in (
        EventKind(
            "stage_created",
            False,
            (
                _short(
                    "slug",
                    required=True,
                    pattern=SLUG_RE,
                    rule_message="'slug' is not a stage slug.",
                ),
                _short("code", required=True),
                _short("title", required=True),
                _short("date", required=True),
                _short("venue"),
                _short("city"),
                _short("theme"),
                _short("public_key"),
                Field(
                    "countries",
                    "array",
                    max_length=MAX_LIST,
                    items=_short("country", message="'countries' must be a list of names."),
                ),
            ),
        ),
        EventKind("attendee_upserted", True, _ATTENDEE),
        EventKind("attendee_cancelled", True, (_flag("cancelled"), *_ATTENDEE)),
        EventKind("checkin", True, _CHECKIN),
        EventKind(
            "undo",
            True,
            (
                _short("session_id"),
                Field(
                    "cancels",
                    "array",
                    max_length=10_000,
                    items=Field("event_id", max_length=80, min_length=1),
                    message="'cancels' must be a list of event ids.",
                ),
            ),
        ),
        EventKind("badge_printed", True),
        EventKind(
            "session_defined",
            False,
            (
                _short(
                    "session_id",
                    required=True,
                    min_length=1,
                    rule_message="'session_id' is required.",
                ),
                SESSION_FIELD_RULES,
            ),
        ),
        EventKind("session_checkin", True, (_short("session_id", required=True), *_CHECKIN)),
        EventKind("redacted", True),
        EventKind(
            "scan_refused",
            False,
            (
                _short("outcome", required=True),
                _short("method"),
                _short("session_id"),
                _short("stage_code"),
            ),
            only_declared="a refused scan keeps its outcome only, not ",
            description="An audit line: the outcome code, never what was scanned.",
        ),
        EventKind(
            "vip_acknowledged",
            True,
            (
                _short(
                    "checkin",
                    required=True,
                    min_length=1,
                    rule_message="'checkin' names the check-in whose instruction was read.",
                ),
            ),
        ),
        EventKind("ticket_send_started", True, _TICKET_MAIL),
        EventKind("ticket_sent", True, _TICKET_MAIL),
        EventKind("ticket_send_failed", True, _TICKET_MAIL),
    )
}
