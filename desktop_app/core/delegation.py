"""Delegations and companions: the people who arrive with someone.

A delegation is a name or id shared in `extra["delegation"]` (imported from a "Delegazione"
or "Delegation" column); its head has `extra["delegation_head"] = "yes"`. A companion names
the person they accompany in `extra["companion_of"]` ("Accompagnatore di": that person's
attendee code, ticket code, e-mail or full name). Scanning a head at the desk offers the
whole party: the head first, then the others alphabetically, each checked in with their own
event (`checkin.admit_many`).
"""

from __future__ import annotations

from desktop_app.core.model import Attendee
from desktop_app.core.search import fold
from desktop_app.core.store import Stage

DELEGATION = "delegation"
DELEGATION_HEAD = "delegation_head"
COMPANION_OF = "companion_of"
NAME_NATIVE = "name_native"  # the name in the person's own script, beside the Latin form
KEYS = (DELEGATION, DELEGATION_HEAD, COMPANION_OF, NAME_NATIVE)

_YES = frozenset(("yes", "si", "sì", "y", "true", "1", "x", "ja", "oui", "vero"))


def delegation_of(attendee: Attendee) -> str:
    return str(attendee.extra.get(DELEGATION, "")).strip()


def is_head(attendee: Attendee) -> bool:
    return str(attendee.extra.get(DELEGATION_HEAD, "")).strip().casefold() in _YES


def _names_of(attendee: Attendee) -> set[str]:
    """What a companion's "Accompagnatore di" cell may say to name this person."""
    names = {attendee.code.upper(), *(c.upper() for c in attendee.external_codes)}
    if attendee.email:
        names.add(attendee.email.casefold())
    for name in (attendee.full_name, f"{attendee.last_name} {attendee.first_name}"):
        if name.strip():
            names.add(fold(name))
    return {" ".join(n.split()) for n in names if n}


def _names(value: str) -> set[str]:
    value = value.strip()
    return {value.upper(), value.casefold(), " ".join(fold(value).split())} if value else set()


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def party_of(stage: Stage, attendee: Attendee) -> list[Attendee]:
    """The party this person heads (themself first), or [] when they head none.

    Cancelled registrations are left out: a party never lets in whom the door would refuse."""
    delegation = delegation_of(attendee) if is_head(attendee) else ""
    key = fold(delegation)
    mine = _names_of(attendee)
    members: dict[str, Attendee] = {}
    # candidates picked in SQL (LIKE ignores ASCII case; folding decides below), so a head's
    # scan reads a party, not the whole stage
    rows = stage.conn.execute(
        "SELECT id FROM attendee WHERE status = 'active' AND id <> ? AND ("
        "(? <> '' AND json_extract(extra, '$.delegation') LIKE ? ESCAPE '\\') "
        "OR COALESCE(json_extract(extra, '$.companion_of'), '') <> '')",
        (attendee.id, delegation, _like(delegation)),
    ).fetchall()
    for (other_id,) in rows:
        other = stage.attendee(other_id)
        if other.id == attendee.id:
            continue
        same = bool(key) and fold(delegation_of(other)) == key
        if same or _names(str(other.extra.get(COMPANION_OF, ""))) & mine:
            members[other.id] = other
    if not members:
        return []
    rest = sorted(members.values(), key=lambda a: (fold(a.last_name), fold(a.first_name), a.id))
    return [stage.attendee(attendee.id), *rest]
