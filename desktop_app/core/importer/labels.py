"""What a registration system's labels mean: ticket types as categories, statuses as active or
cancelled, and which system wrote the list."""

from __future__ import annotations

import re

from desktop_app.core.importer.headers import STATUS, _header_key
from desktop_app.core.importer.report import Problem
from desktop_app.core.importer.rows import _Row
from desktop_app.core.model import CATEGORIES
from desktop_app.core.search import fold

# Category labels of ticketing systems -> CATEGORIES, by the start of a folded word.
_CATEGORY_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("consul", ("consol", "consul", "delegaz", "delegation", "ambasciat", "embass", "diplomat")),
    ("speaker", ("relator", "relatric", "speaker", "moderator", "panelist", "keynote")),
    ("press", ("stampa", "press", "giornalist", "journalist", "media")),
    ("staff", ("staff", "organizzazion", "organizer", "organiser", "segreteria", "volontar")),
    ("company", ("impres", "aziend", "company", "business", "associat", "espositor")),
    (
        "guest",
        ("ospit", "guest", "invitat", "visitator", "visitor", "pubblic", "general", "ingress"),
    ),
)

# Registration statuses (folded like headers) of Eventbrite, pretix and Indico, in English and
# Italian. Pending orders keep their place: the registration system has not given it away.
_CANCELLED_STATUSES = frozenset(
    (
        "notattending",
        "nonpartecipa",
        "nonpartecipante",
        "canceled",
        "cancelled",
        "cancellato",
        "cancellata",
        "annullato",
        "annullata",
        "expired",
        "scaduto",
        "scaduta",
        "withdrawn",
        "ritirato",
        "ritirata",
        "rejected",
        "respinto",
        "respinta",
        "rifiutato",
        "rifiutata",
        "refunded",
        "rimborsato",
        "rimborsata",
        "deleted",
        "eliminato",
        "eliminata",
        "declined",
        "transferred",
        "trasferito",
        "trasferita",
    )
)
_ACTIVE_STATUSES = frozenset(
    (
        "attending",
        "partecipa",
        "partecipante",
        "checkedin",
        "checkineffettuato",
        "registrato",
        "registrata",
        "registered",
        "iscritto",
        "iscritta",
        "paid",
        "pagato",
        "pagata",
        "pending",
        "inattesa",
        "inattesadipagamento",
        "complete",
        "completed",
        "completo",
        "completato",
        "completata",
        "awaitingpayment",
        "unpaid",
        "nonpagato",
        "confirmed",
        "confermato",
        "confermata",
        "approved",
        "approvato",
        "active",
        "attivo",
        "valid",
        "valido",
        "free",
        "gratuito",
    )
)


def category_of(label: str) -> str | None:
    """The CATEGORIES entry for a ticket type / category label; None when unknown."""
    folded = fold(label)
    if folded in CATEGORIES:
        return folded
    words = re.findall(r"[0-9a-z]+", folded)
    for category, starts in _CATEGORY_WORDS:
        if any(w.startswith(s) for w in words for s in starts):
            return category
    return None


def _warn_unknown_labels(
    unknown: dict[str, list[int]], column: str, what: str, taken_as: str, warnings: list[Problem]
) -> None:
    """One warning per label of a column the importer does not know (at its first row)."""
    for label, numbers in unknown.items():
        shown = label if len(label) <= 40 else label[:39] + "…"
        count = len(numbers)
        warnings.append(
            Problem(
                numbers[0],
                column,
                f"'{shown}' is not a known {what}: {count} "
                f"{'person' if count == 1 else 'people'} imported as {taken_as}.",
                f"unknown_{what}",
                {"label": shown, "count": count},
            )
        )


def _categorise(
    rows: list[_Row], headers: list[str], columns: dict[str, int], warnings: list[Problem]
) -> None:
    """Ticket type labels -> categories; one warning per label we do not know."""
    if "category" not in columns:
        return
    column = headers[columns["category"]]
    known: dict[str, str | None] = {}
    unknown: dict[str, list[int]] = {}
    for row in rows:
        if not row.label:
            continue
        if row.label not in known:
            known[row.label] = category_of(row.label)
        category = known[row.label]
        if category is None:
            unknown.setdefault(row.label, []).append(row.number)
            category = "guest"
        row.fields["category"] = category
    _warn_unknown_labels(unknown, column, "category", "guest", warnings)


def _source_of(headers: list[str], status_header: str) -> str:
    """Which registration system wrote the list: the first words of a cancellation's reason."""
    keys = {_header_key(h) for h in headers}
    if keys & {"positionid", "ticketsecret", "pseudonymizationid", "eventslug", "ordercode"}:
        return "pretix"
    if keys & {"attendeestatus", "statopartecipante", "barcode", "ncodiceabarre", "order"}:
        return "Eventbrite"
    if "registrationstate" in keys:
        return "Indico"
    return status_header


def _statuses(
    rows: list[_Row], headers: list[str], columns: dict[str, int], warnings: list[Problem]
) -> None:
    """Status labels -> active / cancelled (with the reason); one warning per unknown label."""
    if STATUS not in columns:
        return
    column = headers[columns[STATUS]]
    source = _source_of(headers, column)
    known: dict[str, str] = {}
    unknown: dict[str, list[int]] = {}
    for row in rows:
        label = row.status
        if not label:
            continue
        status = known.get(label)
        if status is None:
            key = _header_key(label)
            if key in _CANCELLED_STATUSES:
                status = "cancelled"
            elif key in _ACTIVE_STATUSES:
                status = "active"
            else:
                status = ""
            known[label] = status
        if not status:
            unknown.setdefault(label, []).append(row.number)
        row.status = status
        row.reason = f"{source}: {label}"
    _warn_unknown_labels(unknown, column, "status", "active", warnings)
