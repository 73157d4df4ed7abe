"""Plain data: events, attendees, stages, and the canonical attendee fields."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

from desktop_app.core import consular

EVENT_KINDS = (
    "stage_created",
    "attendee_upserted",
    "attendee_cancelled",
    "checkin",
    "undo",
    "badge_printed",
    "session_defined",
    "session_checkin",
    "redacted",
    "scan_refused",  # audit only: a refused scan's outcome code, never what was scanned
    "vip_acknowledged",  # the desk read a VIP's instruction (names the check-in it was for)
    # the ticket e-mail log (desktop_app/mail): intent, then the outcome
    "ticket_send_started",
    "ticket_sent",
    "ticket_send_failed",
)

CATEGORIES = ("company", "consul", "speaker", "staff", "press", "guest")
# The glossary's words (UX.md), for what is written outside Qt (exports, reports).
CATEGORY_LABELS = {
    "en": {
        "company": "Company",
        "consul": "Consul-Delegation",
        "speaker": "Speaker",
        "staff": "Staff",
        "press": "Press",
        "guest": "Guest",
    },
    "it": {
        "company": "Impresa",
        "consul": "Console-Delegazione",
        "speaker": "Relatore",
        "staff": "Organizzazione",
        "press": "Stampa",
        "guest": "Ospite",
    },
}

# Attendee fields set by import, walk-in and edit (last writer wins, per field).
TEXT_FIELDS = (
    "title",
    "first_name",
    "last_name",
    "company",
    "vat",
    "role",
    "category",
    "email",
    "phone",
    "sector",
    "countries",
    "country",
    "notes",
    "privacy_consent",
    "consular_rank",
    "consular_service",
    "exequatur",
    "order_code",  # the registration system's order (several people may share it)
)
ATTENDEE_FIELDS = (*TEXT_FIELDS, "external_codes", "extra")

# Blanked by erasure: what says who a person is. Category, sector, countries of interest and
# the represented country stay, so statistics survive.
PERSONAL_FIELDS = (
    "title",
    "first_name",
    "last_name",
    "company",
    "vat",
    "role",
    "email",
    "phone",
    "notes",
    "privacy_consent",
    "consular_rank",
    "consular_service",
    "exequatur",
    "order_code",
    "external_codes",
    "extra",
)

SESSION_FIELDS = ("name", "kind", "room", "starts_at", "ends_at", "capacity", "deleted")


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_json(value: Any) -> str:
    return _CANONICAL.encode(value)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean_text(value: object) -> str:
    """NFC, no control characters, single-line, trimmed."""
    if value is None or value == "":
        return ""
    text = value if isinstance(value, str) else str(value)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if text.isprintable() and "  " not in text and text.strip() == text:
        return text  # the usual case, without building new strings
    return " ".join(_CONTROL.sub(" ", text).split())


def normalise_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """The canonical form of attendee fields as they are stored in events."""
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "external_codes":
            codes = [clean_text(v).upper() for v in (value or [])]
            out[name] = sorted({c for c in codes if c})
        elif name == "extra":
            out[name] = {clean_text(k): clean_text(v) for k, v in (value or {}).items() if k}
        elif name == "email":
            out[name] = clean_text(value).lower()
        elif name == "order_code":
            out[name] = clean_text(value).upper()
        elif name == "consular_rank":
            rank, service = consular.parse_rank(clean_text(value))
            out[name] = rank or clean_text(value)
            if service and not clean_text(fields.get("consular_service")):
                out["consular_service"] = service  # "Console onorario" says both
        elif name == "consular_service":
            if clean_text(value) or name not in out:
                out[name] = consular.canonical_service(clean_text(value))
        elif name == "exequatur":
            out[name] = clean_text(consular.canonical_date(value))
        elif name in TEXT_FIELDS:
            out[name] = clean_text(value)
        else:
            raise ValueError(f"unknown attendee field {name!r}")
    return out


@dataclass(frozen=True)
class Event:
    id: str
    stage_id: str
    desk_id: str
    desk_seq: int
    hlc: int
    kind: str
    attendee_id: str | None
    payload: dict[str, Any]
    recorded_at: str
    desk_name: str = ""
    operator: str = ""
    hub_seq: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("hub_seq")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], hub_seq: int | None = None) -> Event:
        kind = data["kind"]
        if kind not in EVENT_KINDS:
            raise ValueError(f"unknown event kind {kind!r}")
        payload = data["payload"]
        if not isinstance(payload, dict):
            raise ValueError("event payload must be an object")
        return cls(
            id=str(data["id"]),
            stage_id=str(data["stage_id"]),
            desk_id=str(data["desk_id"]),
            desk_seq=int(data["desk_seq"]),
            hlc=int(data["hlc"]),
            kind=kind,
            attendee_id=None if data.get("attendee_id") is None else str(data["attendee_id"]),
            payload=payload,
            recorded_at=str(data["recorded_at"]),
            desk_name=str(data.get("desk_name") or ""),
            operator=str(data.get("operator") or ""),
            hub_seq=hub_seq,
        )


@dataclass(frozen=True)
class StageInfo:
    id: str
    slug: str
    code: str
    title: str
    date: str
    venue: str = ""
    city: str = ""
    theme: str = ""
    countries: list[str] = field(default_factory=list)
    public_key: str = ""
    created_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


CJK_RANGES = (
    (0x2E80, 0x9FFF),  # CJK radicals, kana, unified ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),
    (0x20000, 0x2FA1F),
)


def is_cjk(text: str) -> bool:
    return any(any(lo <= ord(c) <= hi for lo, hi in CJK_RANGES) for c in text)


@dataclass(frozen=True)
class Attendee:
    id: str
    code: str
    title: str = ""
    first_name: str = ""
    last_name: str = ""
    company: str = ""
    vat: str = ""
    role: str = ""
    category: str = "guest"
    email: str = ""
    phone: str = ""
    sector: str = ""
    countries: str = ""
    country: str = ""
    notes: str = ""
    privacy_consent: str = ""
    consular_rank: str = ""  # consular.RANKS code (or the list's own words when unreadable)
    consular_service: str = ""  # career | honorary
    exequatur: str = ""  # ISO date of the exequatur (or of the provisional admission)
    order_code: str = ""  # pretix order code, Eventbrite order #
    external_codes: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)
    status: str = "active"
    redacted: bool = False
    checkin_event_id: str | None = None
    checked_in_at: str | None = None
    checkin_desk: str | None = None
    checkin_operator: str | None = None
    badge_prints: int = 0

    @property
    def checked_in(self) -> bool:
        return self.checkin_event_id is not None

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

    @property
    def full_name(self) -> str:
        """The name as people read it: family name first for names in CJK script."""
        if is_cjk(self.last_name + self.first_name):
            return f"{self.last_name}{self.first_name}".strip()
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.title, self.full_name) if p)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["checked_in"] = self.checked_in
        return data

    def public_dict(self) -> dict[str, Any]:
        """What the command line shows for a person."""
        return {
            "code": self.code,
            "title": self.title,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "company": self.company,
            "role": self.role,
            "category": self.category,
            "email": self.email,
            "status": self.status,
            "checked_in": self.checked_in,
            "checked_in_at": self.checked_in_at,
            "desk": self.checkin_desk,
            "badge_prints": self.badge_prints,
        }
