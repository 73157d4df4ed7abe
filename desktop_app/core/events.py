"""What each kind of event may carry: one rule per kind, used by desks and by the hub alike.

Every event that reaches a stage file (recorded here, pulled from the hub, merged from a
stage file) and every event the hub stores passes `check_event` first, so an event the hub
accepted is one every desk can apply. A payload names its version in `"v"`; payloads
without it are version 1 (every payload written so far), and stay valid.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop_app.core.model import ATTENDEE_FIELDS, SESSION_FIELDS, Event

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


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: object, limit: int = MAX_TEXT) -> bool:
    return isinstance(value, str) and len(value) <= limit


def _bad(what: str) -> InvalidEvent:
    return InvalidEvent(f"payload: {what}")


def _require_text(p: dict[str, Any], name: str, *, required: bool, limit: int = MAX_TEXT) -> None:
    if name not in p:
        if required:
            raise _bad(f"'{name}' is required.")
        return
    if not _text(p[name], limit):
        raise _bad(f"'{name}' must be a string of at most {limit} characters.")


_LIST_FIELDS = frozenset(("external_codes", "extra"))
_KNOWN_FIELDS = frozenset(ATTENDEE_FIELDS)


def _attendee_fields(fields: object) -> None:
    if not isinstance(fields, dict):
        raise _bad("'fields' must be an object.")
    for name, value in fields.items():
        if type(value) is str and name not in _LIST_FIELDS:
            # the usual case, checked inline: an import sends 50,000 of these
            if len(value) <= MAX_TEXT or name not in _KNOWN_FIELDS:
                continue
            ok = False
        elif name not in _KNOWN_FIELDS:
            continue  # a newer desk's field: ignored by this version, harmless
        elif name == "external_codes":
            ok = (
                isinstance(value, list)
                and len(value) <= MAX_LIST
                and all(_text(c, MAX_SHORT_TEXT) for c in value)
            )
        elif name == "extra":
            ok = (
                isinstance(value, dict)
                and len(value) <= MAX_LIST
                and all(_text(k, MAX_SHORT_TEXT) and _text(v) for k, v in value.items())
            )
        else:
            ok = False
        if not ok:
            raise _bad(f"field '{str(name)[:40]}' has the wrong type or size.")


def _session_fields(fields: object) -> None:
    if not isinstance(fields, dict):
        raise _bad("'fields' must be an object.")
    for name, value in fields.items():
        if name not in SESSION_FIELDS:
            continue
        if name == "capacity":
            ok = value is None or (_is_int(value) and 0 <= value <= MAX_CAPACITY)
            if not ok:
                raise _bad(f"'capacity' must be a whole number from 0 to {MAX_CAPACITY:,}.")
        elif name == "deleted":
            ok = isinstance(value, bool) or (_is_int(value) and value in (0, 1))
        else:
            ok = _text(value, MAX_SHORT_TEXT)
        if not ok:
            raise _bad(f"field '{str(name)[:40]}' has the wrong type or size.")


def _stage_created(p: dict[str, Any]) -> None:
    from desktop_app.core.store import SLUG_RE  # the one slug rule

    for name in ("slug", "code", "title", "date"):
        _require_text(p, name, required=True, limit=MAX_SHORT_TEXT)
    if not SLUG_RE.match(p["slug"]):
        raise _bad("'slug' is not a stage slug.")
    for name in ("venue", "city", "theme", "public_key"):
        _require_text(p, name, required=False, limit=MAX_SHORT_TEXT)
    countries = p.get("countries", [])
    if not isinstance(countries, list) or len(countries) > MAX_LIST:
        raise _bad("'countries' must be a list.")
    if not all(_text(c, MAX_SHORT_TEXT) for c in countries):
        raise _bad("'countries' must be a list of names.")


def _attendee_upserted(p: dict[str, Any]) -> None:
    if "fields" in p:
        _attendee_fields(p["fields"])
    if "code" in p and not (_text(p["code"], 40) and p["code"].strip()):
        raise _bad("'code' must be an attendee code.")
    if "status" in p and p["status"] not in ("active", "cancelled"):
        raise _bad("'status' is 'active' or 'cancelled'.")


def _attendee_cancelled(p: dict[str, Any]) -> None:
    if "cancelled" in p and not isinstance(p["cancelled"], bool):
        raise _bad("'cancelled' must be true or false.")
    _attendee_upserted(p)


def _checkin(p: dict[str, Any]) -> None:
    _require_text(p, "method", required=False, limit=MAX_SHORT_TEXT)
    if "forced" in p and not isinstance(p["forced"], bool | int):
        raise _bad("'forced' must be true or false.")


def _session_checkin(p: dict[str, Any]) -> None:
    _require_text(p, "session_id", required=True, limit=MAX_SHORT_TEXT)
    _checkin(p)


def _undo(p: dict[str, Any]) -> None:
    _require_text(p, "session_id", required=False, limit=MAX_SHORT_TEXT)
    cancels = p.get("cancels", [])
    if (
        not isinstance(cancels, list)
        or len(cancels) > 10_000
        or not all(_text(c, 80) and c for c in cancels)
    ):
        raise _bad("'cancels' must be a list of event ids.")


def _session_defined(p: dict[str, Any]) -> None:
    _require_text(p, "session_id", required=True, limit=MAX_SHORT_TEXT)
    if not p["session_id"]:
        raise _bad("'session_id' is required.")
    _session_fields(p.get("fields", {}))


_SCAN_REFUSED_KEYS = frozenset({"v", "outcome", "method", "session_id", "stage_code"})


def _scan_refused(p: dict[str, Any]) -> None:
    """An audit line: the outcome code, never what was scanned (so no other key is taken)."""
    _require_text(p, "outcome", required=True, limit=MAX_SHORT_TEXT)
    for name in ("method", "session_id", "stage_code"):
        _require_text(p, name, required=False, limit=MAX_SHORT_TEXT)
    extra = set(p) - _SCAN_REFUSED_KEYS
    if extra:
        raise _bad("a refused scan keeps its outcome only, not " + ", ".join(sorted(extra))[:80])


def _ticket_mail(p: dict[str, Any]) -> None:
    """The send log of ticket e-mails: code, purpose, attempt and the server's answer."""
    for name in ("code", "purpose", "attempt"):
        _require_text(p, name, required=True, limit=MAX_SHORT_TEXT)
    _require_text(p, "answer", required=False, limit=4000)
    if "smtp_code" in p and not (_is_int(p["smtp_code"]) and 0 <= p["smtp_code"] < 1000):
        raise _bad("'smtp_code' must be an SMTP reply code.")
    if "in_doubt" in p and not isinstance(p["in_doubt"], bool):
        raise _bad("'in_doubt' must be true or false.")


def _vip_acknowledged(p: dict[str, Any]) -> None:
    _require_text(p, "checkin", required=True, limit=MAX_SHORT_TEXT)
    if not p["checkin"]:
        raise _bad("'checkin' names the check-in whose instruction was read.")


def _anything(p: dict[str, Any]) -> None:
    return None


@dataclass(frozen=True)
class EventKind:
    """One kind of event: whether it is about a person, its payload rule, its version."""

    name: str
    about_person: bool
    check_payload: Callable[[dict[str, Any]], None]
    version: int = 1


KINDS: dict[str, EventKind] = {
    k.name: k
    for k in (
        EventKind("stage_created", False, _stage_created),
        EventKind("attendee_upserted", True, _attendee_upserted),
        EventKind("attendee_cancelled", True, _attendee_cancelled),
        EventKind("checkin", True, _checkin),
        EventKind("undo", True, _undo),
        EventKind("badge_printed", True, _anything),
        EventKind("session_defined", False, _session_defined),
        EventKind("session_checkin", True, _session_checkin),
        EventKind("redacted", True, _anything),
        EventKind("scan_refused", False, _scan_refused),
        EventKind("vip_acknowledged", True, _vip_acknowledged),
        EventKind("ticket_send_started", True, _ticket_mail),
        EventKind("ticket_sent", True, _ticket_mail),
        EventKind("ticket_send_failed", True, _ticket_mail),
    )
}


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
