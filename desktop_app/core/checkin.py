"""The check-in engine: what the scanner or the clerk typed becomes a decision.

One function, `decide`, serves the USB scanner, the webcam, the command line and the kiosk.
Every outcome is one of `OUTCOMES`; every action it takes is an event with desk and operator.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop_app.core.delegation import party_of
from desktop_app.core.errors import InvalidInput, TicketInvalid
from desktop_app.core.ids import ATTENDEE_CODE_LENGTH, is_code_shaped
from desktop_app.core.model import Attendee, Event, normalise_fields
from desktop_app.core.store import Stage, find_stage_by_code
from desktop_app.core.tickets import looks_like_ticket, public_key_from_hex, read_ticket

CHECKED_IN = "checked_in"
ALREADY_CHECKED_IN = "already_checked_in"
NOT_FOUND = "not_found"
WRONG_STAGE = "wrong_stage"
INVALID = "invalid"
CANCELLED = "cancelled"
SESSION_FULL = "session_full"
REGISTERED = "registered"  # a walk-in registered without checking in (not a scan outcome)
CHOOSE = "choose"  # typed text matched several people and none was chosen (not a scan outcome)
PARTY = "party"  # the head of a delegation was scanned: the desk offers the party (not an outcome)
OUTCOMES = (
    CHECKED_IN,
    ALREADY_CHECKED_IN,
    NOT_FOUND,
    WRONG_STAGE,
    INVALID,
    CANCELLED,
    SESSION_FULL,
)

# Outcomes of an admission attempt that let nobody in: each leaves a `scan_refused` event.
REFUSALS = (ALREADY_CHECKED_IN, NOT_FOUND, WRONG_STAGE, INVALID, CANCELLED, SESSION_FULL)

# What the desk does after showing a decision (`Decision.follow_up`): decided here, with the
# outcome, so every desk, window and command follows the same rule.
PRINT_BADGE = "print_badge"  # admitted, no badge printed yet, and the desk prints at check-in
OFFER_WHEN_FULL = "offer_when_full"  # session full: ask whether to let them in anyway
OFFER_WHEN_CANCELLED = "offer_when_cancelled"  # cancelled: ask (refusing is the default)

MAX_SCAN_LENGTH = 512  # longest thing worth looking up; a ticket is 121


@dataclass(frozen=True)
class Decision:
    status: str
    attendee: Attendee | None = None
    checked_in_at: str | None = None
    desk: str | None = None
    other_stage: dict[str, Any] | None = None
    events: list[Event] = field(default_factory=list)
    method: str = ""
    session_id: str = ""
    reason: str = ""  # cancelled: why the registration was cancelled
    forced: bool = False  # checked in although the registration was cancelled / session full
    party: tuple[Attendee, ...] = ()  # PARTY: the head first, then who arrives with them
    follow_up: str = ""  # PRINT_BADGE, OFFER_WHEN_FULL, OFFER_WHEN_CANCELLED or nothing

    @property
    def ok(self) -> bool:
        return self.status == CHECKED_IN

    def to_dict(self) -> dict[str, Any]:
        a = self.attendee
        return {
            "status": self.status,
            "attendee": None
            if a is None
            else {
                "code": a.code,
                "title": a.title,
                "first_name": a.first_name,
                "last_name": a.last_name,
                "company": a.company,
                "role": a.role,
                "category": a.category,
                "country": a.country,
                "notes": a.notes,
                "special_attention": needs_special_attention(a),
            },
            "checked_in_at": self.checked_in_at,
            "desk": self.desk,
            "stage": self.other_stage,
            "method": self.method,
            "session_id": self.session_id or None,
            "reason": self.reason or None,
            "forced": self.forced,
            "follow_up": self.follow_up or None,
        }


def needs_special_attention(attendee: Attendee) -> bool:
    """The registration system flagged this person ("Requires special attention")."""
    return str(attendee.extra.get("special_attention", "")).strip().lower() == "yes"


def record_refusal(stage: Stage, decision: Decision, *, operator: str = "") -> Decision:
    """Keep a refused admission in the audit trail: its outcome code (and the other stage's
    code for a wrong-stage ticket), never what was scanned or typed."""
    if decision.status not in REFUSALS or decision.events:
        return decision
    payload: dict[str, Any] = {"outcome": decision.status, "method": decision.method}
    if decision.session_id:
        payload["session_id"] = decision.session_id
    if decision.status == WRONG_STAGE and decision.other_stage:
        payload["stage_code"] = decision.other_stage.get("code")
    attendee_id = decision.attendee.id if decision.attendee else None
    event = stage.record("scan_refused", attendee_id, payload, operator=operator)
    return replace(decision, events=[event])


# What a scanner may put before the code: an AIM symbology identifier (`]Q1` for QR,
# `]C1`, `]d2`...) and/or an ECI escape (`\\000026`, UTF-8), as configured on the scanner.
_SCANNER_PREFIX = re.compile(r"^(?:\][A-Za-z][0-9A-Za-z])?(?:\\[0-9]{6})?")
_CODE_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]{3,}")


def clean_scan(text: str) -> str:
    """The text without surrounding blanks and without a scanner's AIM/ECI prefix."""
    stripped = text.strip()
    prefix = _SCANNER_PREFIX.match(stripped)
    if prefix and prefix.end() and len(stripped) > prefix.end():
        return stripped[prefix.end() :].strip()
    return stripped


def classify_scan(text: str) -> str:
    """'ticket' for something meant as one of our tickets, 'garbage' for what no person or
    scanner would mean, else 'lookup' (a code, an external barcode, or a name to search)."""
    stripped = clean_scan(text)
    if not stripped or len(stripped) > MAX_SCAN_LENGTH:
        return "garbage"
    if any(unicodedata.category(c) in ("Cc", "Cs", "Co", "Cn") for c in stripped):
        return "garbage"
    if looks_like_ticket(stripped):
        return "ticket"
    return "lookup"


def _person_in_stage_file(data_dir: Path, slug: str, code: str) -> str:
    """The display name of the attendee with this code in another local stage file (read
    only), or "" when the file cannot be read or has nobody with the code."""
    import sqlite3

    from desktop_app.core.store import stage_path

    try:
        conn = sqlite3.connect(f"file:{stage_path(data_dir, slug)}?mode=ro", uri=True, timeout=2)
        try:
            row = conn.execute(
                "SELECT title, first_name, last_name FROM attendee WHERE code = ?", (code,)
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return ""
    if row is None:
        return ""
    return Attendee("", code, title=row[0], first_name=row[1], last_name=row[2]).display_name


def looks_scanned(text: str) -> bool:
    """A ticket (any case, with or without a scanner's prefix), or a code-shaped string with a
    digit (an attendee code or an external barcode): what a scanner sends, never a name."""
    stripped = clean_scan(text)
    if classify_scan(stripped) == "ticket":
        return True
    return bool(_CODE_RE.fullmatch(stripped)) and any(c.isdigit() for c in stripped)


@dataclass(frozen=True)
class Scan:
    """What reached the desk: the text (scanned or typed + Enter) and, for typed text, the
    search results on screen, the rows selected and whether the clerk chose them (arrow keys,
    click, Ctrl+Space) or the desk only pre-selected the first row."""

    text: str
    selected: tuple[Attendee, ...] = ()
    matches: int = 0  # rows in the search results when Enter came
    chosen: bool = False  # the selection was made by the clerk
    scanned: bool = False  # a scanner-fast burst (the guard or the idle timeout ended it)
    as_typed: bool = True  # the results match the text as typed (not only by a forgiven typo)

    @property
    def kind(self) -> str:
        return classify_scan(self.text)

    @property
    def code_like(self) -> bool:
        return self.scanned or looks_scanned(self.text)

    def selection(self) -> list[Attendee]:
        """The selection rule: the people Enter checks in, or [] (see `decide`)."""
        if self.code_like or not self.selected:
            return []
        if self.chosen or (self.matches == 1 and self.as_typed):
            return list(self.selected)
        return []


def find(stage: Stage, text: str, data_dir: Path | None = None) -> Decision | Attendee:
    """The person a scan names, or the decision that ends the scan (invalid, wrong stage...)."""
    kind = classify_scan(text)
    if kind == "garbage":
        return Decision(INVALID, method="scan")
    raw = clean_scan(text)
    if kind == "ticket":
        if not stage.info.public_key:
            return Decision(INVALID, method="ticket")
        try:
            ticket = read_ticket(raw, public_key_from_hex(stage.info.public_key))
        except TicketInvalid:
            return Decision(INVALID, method="ticket")
        if ticket.stage_code != stage.info.code:
            other = find_stage_by_code(data_dir, ticket.stage_code) if data_dir else None
            info = {"code": ticket.stage_code, "title": None, "date": None}
            if other:
                info.update(title=other["title"], date=other["date"], slug=other["slug"])
                # the clerk sends a person, not a code, to the organizers: name them
                info["person"] = _person_in_stage_file(
                    data_dir, other["slug"], ticket.attendee_code
                )
            return Decision(WRONG_STAGE, other_stage=info, method="ticket")
        attendee = stage.attendee_by_code(ticket.attendee_code)
        return attendee or Decision(NOT_FOUND, method="ticket")
    upper = raw.upper()
    if is_code_shaped(upper, ATTENDEE_CODE_LENGTH):
        attendee = stage.attendee_by_code(upper)
        if attendee:
            return attendee
    attendee = stage.attendee_by_external_code(raw)
    return attendee or Decision(NOT_FOUND, method="code")


def decide(
    stage: Stage,
    scan: Scan | str,
    *,
    operator: str = "",
    data_dir: Path | None = None,
    session_id: str = "",
    admit_when_full: bool = False,
    admit_cancelled: bool = False,
    offer_party: bool = False,
    print_first_badge: bool = False,
) -> Decision | list[Decision]:
    """The one place a scan is decided: a ticket, an attendee code, an external barcode, or
    typed text with the search results on screen (`Scan`).

    Classified once: garbage is refused as invalid; a ticket or a code names one person;
    typed text that names nobody checks in the selected rows only when exactly one person
    matched or the clerk chose the rows (else `CHOOSE`, with `reason` = how many matched);
    several chosen rows give one decision each (a list). Every refusal is recorded.

    With `offer_party` (the desk), a scanned head of a delegation or of companions checks in
    nobody yet: the decision is `PARTY` and `party` lists who may come in (head first).

    `print_first_badge`: this desk prints a badge at check-in; the decision then says
    `PRINT_BADGE` for a person admitted who has none yet (`follow_up`)."""
    if isinstance(scan, str):
        scan = Scan(scan)
    common = {
        "operator": operator,
        "session_id": session_id,
        "print_first_badge": print_first_badge,
    }
    if scan.kind == "garbage":
        invalid = Decision(INVALID, method="scan", session_id=session_id)
        return record_refusal(stage, invalid, operator=operator)
    found = find(stage, scan.text, data_dir)
    if isinstance(found, Attendee):
        method = "ticket" if scan.kind == "ticket" else "code"
        if offer_party:
            party = party_of(stage, found)
            # everyone already in (at the door, not a session): the usual "already in" outcome
            if party and (session_id or not all(a.checked_in for a in party)):
                return Decision(
                    PARTY, party[0], method=method, session_id=session_id, party=tuple(party)
                )
        return admit(
            stage,
            found,
            method=method,
            admit_when_full=admit_when_full,
            admit_cancelled=admit_cancelled,
            **common,
        )
    if scan.kind == "lookup" and not scan.code_like and scan.selected:
        people = scan.selection()
        if not people:
            # reason: how many matched, "typo" when the one match only differs by a typo
            matched = str(scan.matches) if scan.as_typed or scan.matches != 1 else "typo"
            return Decision(CHOOSE, method="search", session_id=session_id, reason=matched)
        if len(people) == 1:
            return admit(stage, people[0], method="search", **common)
        fresh = [stage.attendee(a.id) for a in people]
        return admit_many(stage, fresh, operator=operator, session_id=session_id)
    return record_refusal(stage, replace(found, session_id=session_id), operator=operator)


def admit(
    stage: Stage,
    attendee: Attendee,
    *,
    operator: str = "",
    method: str = "search",
    session_id: str = "",
    admit_when_full: bool = False,
    admit_cancelled: bool = False,
    print_first_badge: bool = False,
) -> Decision:
    """Check in a person already identified (by scan or chosen from search results).

    A refusal is recorded (`scan_refused`); `admit_cancelled` lets a cancelled registration
    in anyway, and the check-in says it was forced. The decision names what follows it."""
    decision = _admit(
        stage, attendee, operator, method, session_id, admit_when_full, admit_cancelled
    )
    decision = replace(decision, follow_up=_follow_up(decision, print_first_badge))
    return record_refusal(stage, decision, operator=operator)


def _follow_up(decision: Decision, print_first_badge: bool) -> str:
    """The one rule of what follows an admission: a first badge, or a question."""
    if decision.attendee is None:
        return ""
    if decision.ok:
        return PRINT_BADGE if print_first_badge and decision.attendee.badge_prints == 0 else ""
    if decision.status == SESSION_FULL:
        return OFFER_WHEN_FULL
    if decision.status == CANCELLED:
        return OFFER_WHEN_CANCELLED
    return ""


def _admit(
    stage: Stage,
    attendee: Attendee,
    operator: str,
    method: str,
    session_id: str,
    admit_when_full: bool,
    admit_cancelled: bool,
) -> Decision:
    attendee = stage.attendee(attendee.id)  # a list on screen may be older than the store
    forced: dict[str, Any] = {}
    if attendee.cancelled:
        if not admit_cancelled:
            reason = stage.cancellation_reason(attendee.id)
            return Decision(
                CANCELLED, attendee, method=method, session_id=session_id, reason=reason
            )
        forced = {"forced": True, "forced_over": CANCELLED}
    if not session_id:
        if attendee.checked_in:
            return Decision(
                ALREADY_CHECKED_IN,
                attendee,
                attendee.checked_in_at,
                attendee.checkin_desk,
                method=method,
            )
        events = stage.record_many(
            [("checkin", attendee.id, {"method": method, **forced})],
            operator=operator,
            # decided again inside the write transaction: another process at this desk
            # (a second window, a command) may have checked them in a moment ago
            unless=lambda conn: _checked_in(conn, attendee.id),
        )
        fresh = stage.attendee(attendee.id)
        if not events:
            return Decision(
                ALREADY_CHECKED_IN, fresh, fresh.checked_in_at, fresh.checkin_desk, method=method
            )
        return Decision(
            CHECKED_IN,
            fresh,
            fresh.checked_in_at,
            fresh.checkin_desk,
            None,
            events,
            method,
            forced=bool(forced),
        )
    return _admit_to_session(stage, attendee, operator, method, session_id, admit_when_full, forced)


def _checked_in(conn: Any, attendee_id: str) -> bool:
    row = conn.execute("SELECT checkin_event_id FROM attendee WHERE id = ?", (attendee_id,))
    found = row.fetchone()
    return found is not None and found[0] is not None


def _admit_to_session(
    stage: Stage,
    attendee: Attendee,
    operator: str,
    method: str,
    session_id: str,
    admit_when_full: bool,
    forced: dict[str, Any],
) -> Decision:
    session = next((s for s in stage.sessions() if s["id"] == session_id), None)
    if session is None:
        raise InvalidInput("This desk is set to a session that does not exist in this stage.")
    previous = [c for c in stage.checkins_of(attendee.id, session_id) if not c["cancelled"]]
    if previous:
        return Decision(
            ALREADY_CHECKED_IN,
            attendee,
            previous[0]["recorded_at"],
            previous[0]["desk"],
            method=method,
            session_id=session_id,
        )
    full = session["capacity"] is not None and session["present"] >= int(session["capacity"])
    if full and not admit_when_full:
        return Decision(SESSION_FULL, attendee, method=method, session_id=session_id)
    items: list[tuple[str, str | None, dict[str, Any]]] = []
    if not attendee.checked_in:
        items.append(("checkin", attendee.id, {"method": method, **forced}))
    payload: dict[str, Any] = {"session_id": session_id, "method": method, **forced}
    if full:
        payload["forced"] = True
    items.append(("session_checkin", attendee.id, payload))
    events = stage.record_many(items, operator=operator)
    fresh = stage.attendee(attendee.id)
    return Decision(
        CHECKED_IN,
        fresh,
        events[-1].recorded_at,
        stage.desk.name,
        None,
        events,
        method,
        session_id,
        forced=bool(forced) or full,
    )


def admit_many(
    stage: Stage,
    attendees: list[Attendee],
    *,
    operator: str = "",
    session_id: str = "",
    method: str = "search",
) -> list[Decision]:
    """A delegation arriving together: one decision each (the group banner shows them
    together; no badge follows: a group's badges are printed from the batch)."""
    return [
        admit(stage, a, operator=operator, session_id=session_id, method=method) for a in attendees
    ]


def undo(
    stage: Stage, attendee: Attendee, reason: str, *, operator: str = "", session_id: str = ""
) -> Event:
    """Cancel every check-in of this person at this door that this desk knows of.

    A check-in made concurrently at another desk that has not reached us survives: it is
    not named by this undo.
    """
    reason = reason.strip()
    if not reason:
        raise InvalidInput("An undo needs a reason.")
    cancels = [
        c["event_id"] for c in stage.checkins_of(attendee.id, session_id) if not c["cancelled"]
    ]
    if not cancels:
        raise InvalidInput("This person is not checked in, so there is nothing to undo.")
    payload: dict[str, Any] = {"cancels": cancels, "reason": reason}
    if session_id:
        payload["session_id"] = session_id
    return stage.record("undo", attendee.id, payload, operator=operator)


def walk_in(
    stage: Stage,
    fields: dict[str, Any],
    *,
    operator: str = "",
    check_in: bool = True,
    print_first_badge: bool = False,
) -> Decision:
    """Register a person at the desk and check them in, in one transaction."""
    clean = normalise_fields(fields)
    if not (clean.get("first_name") or clean.get("last_name")):
        raise InvalidInput("A walk-in needs at least a first name or a surname.")
    refuse_codes_as_names(clean)
    attendee_id, payload = Stage.new_attendee_payload(clean)
    items: list[tuple[str, str | None, dict[str, Any]]] = [
        ("attendee_upserted", attendee_id, payload)
    ]
    if check_in:
        items.append(("checkin", attendee_id, {"method": "walk_in"}))
    events = stage.record_many(items, operator=operator)
    fresh = stage.attendee(attendee_id)
    status = CHECKED_IN if check_in else REGISTERED
    decision = Decision(
        status, fresh, fresh.checked_in_at, fresh.checkin_desk, None, events, "walk_in"
    )
    return replace(decision, follow_up=_follow_up(decision, print_first_badge))


NAME_FIELDS = ("title", "first_name", "last_name")
_FORM_FIELDS = (*NAME_FIELDS, "company", "role", "email")


def code_in_names(fields: dict[str, Any]) -> str:
    """The form field holding a ticket, or the name field holding a code-shaped text (a scan
    that landed in a form), else ""."""
    for name in _FORM_FIELDS:
        value = str(fields.get(name) or "")
        if not value.strip():
            continue
        if classify_scan(value) == "ticket" or (name in NAME_FIELDS and looks_scanned(value)):
            return name
    return ""


def refuse_codes_as_names(fields: dict[str, Any]) -> None:
    if code_in_names(fields):
        raise InvalidInput("A ticket or a code cannot be a name: scan it at the desk instead.")


def similar_attendees(stage: Stage, fields: dict[str, Any], limit: int = 5) -> list[Attendee]:
    """People who may already be registered ("did you mean...?") before creating a walk-in."""
    found: dict[str, Attendee] = {}
    email = str(fields.get("email") or "").strip()
    if email:
        for a in stage.attendees_by_email(email):
            found[a.id] = a
    first = str(fields.get("first_name") or "").strip()
    last = str(fields.get("last_name") or "").strip()
    queries = [f"{last} {first}".strip()]
    if last:
        queries.append(last)
    for query in queries:
        if not query:
            continue
        for a in stage.search(query, limit=limit):
            found.setdefault(a.id, a)
        if len(found) >= limit:
            break
    return list(found.values())[:limit]


def edit(
    stage: Stage, attendee: Attendee, changes: dict[str, Any], *, operator: str = ""
) -> Attendee:
    """Fix a misspelt name, company or title: only the fields that really change are recorded."""
    attendee = stage.attendee(attendee.id)
    clean = normalise_fields(changes)
    refuse_codes_as_names(clean)
    current = attendee.to_dict()
    changed = {k: v for k, v in clean.items() if current.get(k) != v}
    if changed:
        stage.record(
            "attendee_upserted",
            attendee.id,
            {"code": attendee.code, "fields": changed},
            operator=operator,
        )
    return stage.attendee(attendee.id)


def cancel_registration(
    stage: Stage,
    attendee: Attendee,
    reason: str = "",
    *,
    operator: str = "",
    cancelled: bool = True,
) -> Attendee:
    stage.record(
        "attendee_cancelled",
        attendee.id,
        {"code": attendee.code, "cancelled": cancelled, "reason": reason.strip()},
        operator=operator,
    )
    return stage.attendee(attendee.id)


def cancel(stage: Stage, attendee: Attendee, reason: str, *, operator: str = "") -> Attendee:
    """Cancel a registration at the desk: scanned at the door, the person is refused with
    this reason (a forced admission stays possible, and is recorded as forced)."""
    attendee = stage.attendee(attendee.id)
    if not reason.strip():
        raise InvalidInput("A cancellation needs a reason.")
    if attendee.cancelled:
        raise InvalidInput("This registration is already cancelled.")
    return cancel_registration(stage, attendee, reason, operator=operator)


def restore(stage: Stage, attendee: Attendee, *, operator: str = "") -> Attendee:
    """Undo a cancellation: the person is registered again."""
    attendee = stage.attendee(attendee.id)
    if not attendee.cancelled:
        raise InvalidInput("This registration is not cancelled, so there is nothing to restore.")
    return cancel_registration(stage, attendee, operator=operator, cancelled=False)


def record_badge_printed(
    stage: Stage, attendees: list[Attendee], *, layout: str = "", operator: str = ""
) -> list[Event]:
    return stage.record_many(
        [("badge_printed", a.id, {"layout": layout}) for a in attendees], operator=operator
    )
