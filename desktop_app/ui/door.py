"""What the door keeps in view: recent outcomes (refusals included), cancellation dialogs,
and the words for notes and special attention on the banner.

Words here use the translation context "Door".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_app.core import checkin
from desktop_app.core.model import Attendee
from desktop_app.core.store import Stage
from desktop_app.ui import text
from desktop_app.ui.dialogs import RequiredReasonDialog


def tr(source: str) -> str:
    return QCoreApplication.translate("Door", source)


def _refusal_mark(outcome: str) -> tuple[str, str]:
    """(what stands in for a name when nobody is known, the mark) of a refused scan."""
    symbol = text.SYMBOLS.get(outcome, "✖")
    marks = {
        checkin.ALREADY_CHECKED_IN: ("", symbol + " " + tr("already in")),
        checkin.CANCELLED: ("", symbol + " " + tr("cancelled")),
        checkin.SESSION_FULL: ("", symbol + " " + tr("full")),
        checkin.NOT_FOUND: (tr("Not found"), symbol),
        checkin.INVALID: (tr("Invalid code"), symbol),
        checkin.WRONG_STAGE: (tr("Other stage"), symbol),
    }
    return marks.get(outcome, (outcome, symbol))


def recent_rows(
    stage: Stage, limit: int, session_id: str = "", *, again: str, undone: str
) -> list[tuple[str, str, str]]:
    """The last outcomes at this door, newest first: every desk's check-ins and this desk's
    refused scans (time, name, mark)."""
    rows: list[tuple[str, str, str, str]] = []
    for r in stage.recent_checkins(limit, session_id=session_id):
        if r["cancelled"]:
            mark = "↶ " + undone
        elif not r["first_arrival"]:
            mark = "⟲ " + again
        else:
            mark = "✔"
        name = text.short_name(r["first_name"], r["last_name"], r["title"])
        rows.append((r["recorded_at"], text.time_text(r["recorded_at"]), name, mark))
    for r in stage.recent_refusals(limit, session_id=session_id):
        nobody, mark = _refusal_mark(r["outcome"])
        name = text.short_name(r["first_name"], r["last_name"], r["title"]) or nobody
        rows.append((r["recorded_at"], text.time_text(r["recorded_at"]), name, mark))
    rows.sort(key=lambda row: row[0], reverse=True)
    return [row[1:] for row in rows[:limit]]


def banner_note(attendee: Attendee) -> str:
    """The note the banner shows in its box: the special-attention flag and the person's notes."""
    parts = []
    if checkin.needs_special_attention(attendee):
        parts.append("⚑ " + tr("Special attention"))
    if attendee.notes:
        parts.append("★ " + attendee.notes)
    return " · ".join(parts)


def decision_line(decision: checkin.Decision) -> str:
    """The banner's line under the outcome: why a registration is cancelled, or that an
    admission was forced."""
    if decision.status == checkin.CANCELLED:
        if decision.reason:
            return tr("Reason: %1").replace("%1", decision.reason)
        return tr("No reason was given.")
    if decision.ok and decision.forced and decision.attendee and decision.attendee.cancelled:
        return tr("Let in although the registration is cancelled (recorded as forced)")
    return ""


class CancelRegistrationDialog(RequiredReasonDialog):
    """Cancel a registration: the reason is required (the door shows it) and the button says
    what happens, so answering is the confirmation."""

    def __init__(self, parent: QWidget | None, attendee: Attendee) -> None:
        name = attendee.display_name or attendee.code
        question = tr(
            "Cancel the registration of %1? Scanned at the door, they will be refused "
            "with this reason:"
        ).replace("%1", name)
        if attendee.checked_in:
            question += "\n" + tr("They are already checked in: that check-in stays.")
        super().__init__(
            parent,
            title=tr("Cancel registration"),
            question=question,
            placeholder=tr("e.g. cancelled by e-mail, duplicate registration"),
            yes=tr("Cancel the registration"),
            # "Cancel" beside "Cancel the registration" would read as the same thing: say it
            keep=tr("Keep the registration"),
            width=560,
        )
