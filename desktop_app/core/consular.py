"""Consular ranks as lists write them, read into one canonical form.

The Vienna Convention on Consular Relations (1963) has four classes of heads of consular post
(art. 9): consuls-general, consuls, vice-consuls and consular agents, each either a career
officer or an honorary one (art. 1(2), chapter III). Lists write them in every language and
abbreviation ("Console Generale Onorario", "CG", "Vice Console", "Hon. Consul"); this module
reads them into a class code, a service code and an ISO exequatur date. Nothing here imports
the rest of the app, so the model can use it when it normalises fields.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

# class code, in the order of art. 9 (the first is the highest)
RANKS = ("consul_general", "consul", "vice_consul", "consular_agent")
SERVICES = ("career", "honorary")

RANK_LABELS = {
    "en": {
        "consul_general": "Consul General",
        "consul": "Consul",
        "vice_consul": "Vice-Consul",
        "consular_agent": "Consular Agent",
    },
    "it": {
        "consul_general": "Console Generale",
        "consul": "Console",
        "vice_consul": "Vice Console",
        "consular_agent": "Agente Consolare",
    },
}
SERVICE_LABELS = {
    "en": {"career": "career", "honorary": "honorary"},
    "it": {"career": "di carriera", "honorary": "onorario"},
}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


_HONORARY = re.compile(r"\b(onorari[oa]?|honorary|honoraire|honorario|honorar|hon|ehren\w*)\b")
_CAREER = re.compile(r"\b(carriera|career|professional|professionale|de carriere|di ruolo)\b")
# (class, pattern on the folded text); the first that matches wins, so "vice" and "general"
# are looked for before a plain "consul".
_RANK_PATTERNS = (
    ("consular_agent", re.compile(r"\b(agente consolare|consular agent|agent consulaire|ca)\b")),
    ("vice_consul", re.compile(r"\b(vice ?consol[ea]?|vice ?consul\w*|vicec\w*|vc)\b")),
    (
        "consul_general",
        re.compile(
            r"\b(consol[ea] generale|consul[e]? general\w*|general ?konsul\w*|"
            r"generalkonsul\w*|consul general|c ?g)\b"
        ),
    ),
    ("consul", re.compile(r"\b(consol[ea]|consul\w*|konsul\w*|c)\b")),
)


def parse_rank(text: str) -> tuple[str, str]:
    """(class code or '', service code or '') read from a free-text rank."""
    folded = _fold(text)
    if not folded:
        return "", ""
    service = "honorary" if _HONORARY.search(folded) else "career" if _CAREER.search(folded) else ""
    if folded.replace(" ", "_") in RANKS:
        return folded.replace(" ", "_"), service
    for code, pattern in _RANK_PATTERNS:
        if pattern.search(folded):
            return code, service
    return "", service


def canonical_rank(text: str) -> str:
    """The class code when the text names one, else the text itself (nothing is lost)."""
    code, _ = parse_rank(text)
    return code or text


def parse_service(text: str) -> str:
    folded = _fold(text)
    if not folded:
        return ""
    if folded in SERVICES:
        return folded
    if _HONORARY.search(folded) or folded in ("h", "o", "no", "false"):
        return "honorary"
    if _CAREER.search(folded) or folded in ("c", "k", "yes", "si", "true", "carriera"):
        return "career"
    return ""


def canonical_service(text: str) -> str:
    return parse_service(text) or text


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%y", "%Y/%m/%d")


def parse_date(value: object) -> date | None:
    """An exequatur date as lists write it (ISO, Italian dd/mm/yyyy, an Excel date)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    if not text:
        return None
    text = text.split("T")[0].split(" ")[0]
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def canonical_date(value: object) -> str:
    """ISO date when the value reads as one, else the text itself (flagged by precedence)."""
    day = parse_date(value)
    if day is not None:
        return day.isoformat()
    return "" if value is None else str(value)
