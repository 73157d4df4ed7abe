"""Words the desk shows for core values: outcomes, categories, dates and times (translated)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt

from desktop_app.core import checkin

SYMBOLS = {
    checkin.CHECKED_IN: "✔",
    checkin.ALREADY_CHECKED_IN: "⟲",
    checkin.NOT_FOUND: "✖",
    checkin.WRONG_STAGE: "⇄",
    checkin.INVALID: "⚠",
    checkin.CANCELLED: "⊘",
    checkin.SESSION_FULL: "⊠",
}
# Colours only back up the symbol and the words; they stay apart for colour-blind staff
# (green / amber / red differ in lightness too). (background, text)
COLOURS = {
    checkin.CHECKED_IN: ("#1e7d32", "#ffffff"),
    checkin.ALREADY_CHECKED_IN: ("#f2b705", "#111111"),
    checkin.SESSION_FULL: ("#f2b705", "#111111"),
    checkin.NOT_FOUND: ("#b3261e", "#ffffff"),
    checkin.WRONG_STAGE: ("#b3261e", "#ffffff"),
    checkin.INVALID: ("#b3261e", "#ffffff"),
    checkin.CANCELLED: ("#b3261e", "#ffffff"),
}
IDLE_COLOURS = ("#e8eaed", "#111111")
INFO_COLOURS = ("#1f4e8c", "#ffffff")

_locale = QLocale()


def set_locale(locale: QLocale) -> None:
    global _locale
    _locale = locale
    QLocale.setDefault(locale)


def locale() -> QLocale:
    return _locale


def _italian() -> bool:
    return _locale.language() == QLocale.Language.Italian


def parse_time(iso: str | None) -> QDateTime | None:
    if not iso:
        return None
    value = QDateTime.fromString(iso, Qt.DateFormat.ISODateWithMs)
    if not value.isValid():
        value = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    return value.toLocalTime() if value.isValid() else None


def time_text(iso: str | None) -> str:
    value = parse_time(iso)
    return _locale.toString(value.time(), "HH:mm") if value else ""


def date_text(iso_date: str | None, *, year: bool = True) -> str:
    """12/03/2026 in Italian, 12 Mar 2026 in English (20/05 and 20 May without the year)."""
    if not iso_date:
        return ""
    value = QDate.fromString(iso_date[:10], "yyyy-MM-dd")
    if not value.isValid():
        return iso_date
    if _italian():
        return _locale.toString(value, "dd/MM/yyyy" if year else "dd/MM")
    return _locale.toString(value, "d MMM yyyy" if year else "d MMM")


def category_name(category: str) -> str:
    names = {
        "company": QCoreApplication.translate("Category", "Company"),
        "consul": QCoreApplication.translate("Category", "Consul-Delegation"),
        "speaker": QCoreApplication.translate("Category", "Speaker"),
        "staff": QCoreApplication.translate("Category", "Staff"),
        "press": QCoreApplication.translate("Category", "Press"),
        "guest": QCoreApplication.translate("Category", "Guest"),
    }
    return names.get(category, category)


def category_plural(category: str) -> str:
    names = {
        "company": QCoreApplication.translate("Category", "Companies"),
        "consul": QCoreApplication.translate("Category", "Consuls"),
        "speaker": QCoreApplication.translate("Category", "Speakers"),
        "staff": QCoreApplication.translate("Category", "Staff members"),
        "press": QCoreApplication.translate("Category", "Press"),
        "guest": QCoreApplication.translate("Category", "Guests"),
    }
    return names.get(category, category)


def outcome_words(decision: checkin.Decision, other_stage_place: str = "") -> str:
    """The outcome in words, exactly as UX.md has them."""
    s = decision.status
    if s == checkin.CHECKED_IN:
        return QCoreApplication.translate("Outcome", "Checked in — welcome")
    if s == checkin.ALREADY_CHECKED_IN:
        return (
            QCoreApplication.translate("Outcome", "Already checked in at %1 (%2)")
            .replace("%1", time_text(decision.checked_in_at))
            .replace("%2", decision.desk or "?")
        )
    if s == checkin.NOT_FOUND:
        return QCoreApplication.translate("Outcome", "Not found: search by name or register")
    if s == checkin.WRONG_STAGE:
        info = decision.other_stage or {}
        place = other_stage_place or info.get("title") or info.get("code") or "?"
        when = date_text(info.get("date"), year=False)
        where = f"{place}, {when}" if when else place
        return QCoreApplication.translate("Outcome", "Ticket for another stage: %1").replace(
            "%1", where
        )
    if s == checkin.INVALID:
        return QCoreApplication.translate("Outcome", "Invalid code")
    if s == checkin.CANCELLED:
        return QCoreApplication.translate("Outcome", "Registration cancelled")
    if s == checkin.SESSION_FULL:
        return QCoreApplication.translate("Outcome", "Session full")
    return s


def short_name(first_name: str, last_name: str, title: str = "") -> str:
    """'Bertè N.' for the recent list."""
    if last_name and first_name:
        return f"{last_name} {first_name[0]}."
    return " ".join(p for p in (title, last_name or first_name) if p)


def outcome_words_cancelled() -> str:
    return QCoreApplication.translate("Outcome", "Registration cancelled")
