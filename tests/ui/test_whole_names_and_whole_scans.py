"""The desk window shows whole names and takes whole scans (also typed into the reports
window or while the UI is busy), as the clerk sees it."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox

from desktop_app.core import checkin, tickets
from desktop_app.ui.scan_input import FAST_GAP_MS

LONG_PERSON = {
    "first_name": "Maria Antonietta Alessandra",
    "last_name": "Castiglioni-Brambilla della Torre",
    "title": "S.E.",
    "company": "Consolato Generale della Repubblica Federale Democratica di Nepal e delle "
    "Isole Associate per la Lombardia",
    "category": "consul",
    "role": "Console Generale Onorario e Capo della Delegazione Commerciale",
    "country": "Repubblica Federale Democratica del Nepal",
    "notes": "Protocollo: accoglienza in sala VIP, accompagnare al tavolo d'onore, interprete "
    "nepalese richiesto alla reception",
}


def ticket_for(data_dir, stage, attendee) -> str:
    return tickets.sign_ticket(tickets.load_private_key(data_dir), stage.info.code, attendee.code)


def key_event(ch: str, stamp: int = 0, key=Qt.Key.Key_unknown) -> QKeyEvent:
    event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, ch)
    if stamp:
        event.setTimestamp(stamp)
    return event


def type_text(widget, value: str) -> None:
    for ch in value:
        QApplication.sendEvent(widget, key_event(ch))


def settle(qtbot, window) -> None:
    window.banner.layout().activate()
    qtbot.wait(50)


def name_fits(label) -> bool:
    rect = label.contentsRect()
    needed = QFontMetrics(label.font()).boundingRect(
        QRect(0, 0, rect.width(), 100000), Qt.TextFlag.TextWordWrap, label.text()
    )
    return needed.width() <= rect.width() and needed.height() <= rect.height()


# --- 1. the banner never clips the name ------------------------------------------------------


def test_long_name_with_long_company_role_and_notes_is_whole(qtbot, open_window, stage, people):
    window = open_window(stage, "it")
    for i, extra in enumerate(
        (
            {},
            {"notes": "", "role": "Console Generale"},
            {"company": "Consolato del Nepal", "notes": ""},
        )
    ):
        fields = {**LONG_PERSON, **extra, "last_name": f"{LONG_PERSON['last_name']} {i}"}
        window.desk.show_decision(checkin.walk_in(stage, fields, operator="Giulia"))
        settle(qtbot, window)
        name = window.banner.name
        assert name.isVisible()
        assert (
            name.text() == f"S.E. Maria Antonietta Alessandra Castiglioni-Brambilla della Torre {i}"
        )
        assert name_fits(name), (name.size(), name.font().pointSizeF())
        # readable from a metre: never below the minimum at 1366x768
        assert name.font().pointSizeF() >= 22
    # the long case: the company and the notes still show, on one elided line each
    window.desk.show_decision(checkin.walk_in(stage, dict(LONG_PERSON), operator="Giulia"))
    settle(qtbot, window)
    banner = window.banner
    assert name_fits(banner.name)
    assert banner.notes.isVisible() and banner.notes.text().startswith("★ Protocollo")
    assert banner.company.isVisible() and banner.company.text().startswith("Consolato Generale")
    assert banner.company.toolTip() == LONG_PERSON["company"]  # the whole company, on hover


def test_short_person_keeps_the_big_name(qtbot, window, stage, people):
    window.desk.show_decision(checkin.admit(stage, people[2], operator="Giulia"))
    settle(qtbot, window)
    assert window.banner.name.font().pointSizeF() == 36 * window.ctx.scale
    assert name_fits(window.banner.name)


# --- 2. a scan while another window of the app has the keyboard -----------------------------


def test_scan_typed_into_the_reports_window_checks_in_at_the_desk(
    qtbot, window, stage, people, data_dir
):
    window.open_reports()
    from desktop_app.ui.reports import ReportsWindow  # imported lazily, as the window does

    reports = window._reports
    assert isinstance(reports, ReportsWindow) and reports.isVisible()
    box = reports.findChildren(QComboBox)[-1]
    before = [c.currentText() for c in reports.findChildren(QComboBox)]
    type_text(box, ticket_for(data_dir, stage, people[1]))
    QApplication.sendEvent(box, key_event("", key=Qt.Key.Key_Return))
    qtbot.waitUntil(lambda: window.banner.status == checkin.CHECKED_IN)
    assert stage.attendee(people[1].id).checked_in
    assert people[1].last_name in window.banner.shown_text()
    assert [c.currentText() for c in reports.findChildren(QComboBox)] == before  # untouched
    assert reports.isVisible()


def test_ordinary_typing_in_the_reports_window_still_reaches_it(qtbot, window, stage, people):
    window.open_reports()
    reports = window._reports
    box = reports.findChildren(QComboBox)[-1]
    texts = [box.itemText(i) for i in range(box.count())]
    # a letter that picks exactly one item other than the current one (keyboard search)
    target = next(
        t
        for t in texts[1:]
        if sum(x[:1].lower() == t[:1].lower() for x in texts) == 1 and t[:1].isalpha()
    )
    QApplication.sendEvent(box, key_event(target[0].lower(), stamp=1000))
    qtbot.waitUntil(lambda: box.currentText() == target)
    assert window.banner.status == ""
    assert stage.counts()["checked_in"] == 0


# --- 3. a burst is not split when the UI thread is busy between keys ------------------------


def _post_burst(widget, value: str, first_stamp: int) -> None:
    for i, ch in enumerate(value):
        QApplication.postEvent(widget, key_event(ch, stamp=first_stamp + 2 * i))


def test_busy_ui_between_scanner_keys_does_not_split_the_scan(
    qtbot, window, stage, people, data_dir
):
    code = ticket_for(data_dir, stage, people[1])
    stamp = 5_000_000
    _post_burst(window.scan, code[:6], stamp)
    QApplication.processEvents()
    time.sleep(3 * FAST_GAP_MS / 1000)  # the UI thread is busy (a refresh, a redraw)
    _post_burst(window.scan, code[6:], stamp + 12)  # the keyboard sent them 2 ms apart
    QApplication.postEvent(
        window.scan, key_event("", stamp=stamp + 2 * len(code) + 2, key=Qt.Key.Key_Return)
    )
    qtbot.waitUntil(lambda: window.banner.status != "")
    assert window.banner.status == checkin.CHECKED_IN
    assert stage.attendee(people[1].id).checked_in
    assert window.scan.text() == ""


def test_busy_ui_does_not_split_a_badge_code(qtbot, window, stage, people):
    """Not a ticket: only the keys' own timestamps keep the code whole."""
    person = next(p for p in people if any(c.isdigit() for c in p.code[3:]))
    stamp = 6_000_000
    _post_burst(window.scan, person.code[:3], stamp)
    QApplication.processEvents()
    time.sleep(3 * FAST_GAP_MS / 1000)
    _post_burst(window.scan, person.code[3:], stamp + 6)
    QApplication.postEvent(
        window.scan, key_event("", stamp=stamp + 2 * len(person.code), key=Qt.Key.Key_Return)
    )
    qtbot.waitUntil(lambda: window.banner.status != "")
    assert window.banner.status == checkin.CHECKED_IN
    assert stage.attendee(person.id).checked_in


def test_busy_longer_than_the_idle_timeout_does_not_submit_half_a_ticket(
    qtbot, window, stage, people, data_dir
):
    code = ticket_for(data_dir, stage, people[1])
    stamp = 7_000_000
    _post_burst(window.scan, code[:10], stamp)
    QApplication.processEvents()
    qtbot.wait(400)  # the idle timer fires: the first half alone is not a scan
    assert window.banner.status == ""
    _post_burst(window.scan, code[10:], stamp + 20)
    qtbot.waitUntil(lambda: window.banner.status != "", timeout=2000)
    assert window.banner.status == checkin.CHECKED_IN
    assert stage.attendee(people[1].id).checked_in


def test_split_burst_without_timestamps_submits_the_whole_ticket(
    qtbot, window, stage, people, data_dir
):
    """Events timed at processing: the pause splits the burst, yet the tail after a ticket
    prefix is never submitted alone."""
    code = ticket_for(data_dir, stage, people[1])
    type_text(window.scan, code[:6])
    time.sleep(3 * FAST_GAP_MS / 1000)
    type_text(window.scan, code[6:])
    QApplication.sendEvent(window.scan, key_event("", key=Qt.Key.Key_Return))
    assert window.banner.status == checkin.CHECKED_IN
    assert stage.attendee(people[1].id).checked_in


# --- 4. walk-in prefill, surname first ------------------------------------------------------


def test_walk_in_prefill_takes_the_surname_first(qtbot, window):
    type_text(window.scan, "rossi mario")
    qtbot.wait(200)
    qtbot.keyClick(window.scan, Qt.Key.Key_F2)
    dialog = window.dialog
    assert dialog.last_name.text() == "Rossi"
    assert dialog.first_name.text() == "Mario"
    dialog.reject()


def test_walk_in_prefill_one_word_is_the_surname(qtbot, window):
    type_text(window.scan, "rossi mario luigi")
    qtbot.wait(200)
    qtbot.keyClick(window.scan, Qt.Key.Key_F2)
    dialog = window.dialog
    assert (dialog.last_name.text(), dialog.first_name.text()) == ("Rossi", "Mario Luigi")
    dialog.reject()
    window.scan.clear()
    type_text(window.scan, "bianchi")
    qtbot.wait(200)
    qtbot.keyClick(window.scan, Qt.Key.Key_F2)
    dialog = window.dialog
    assert (dialog.last_name.text(), dialog.first_name.text()) == ("Bianchi", "")
    dialog.reject()


# --- 5. the last check-ins list keeps the mark visible --------------------------------------


def test_recent_list_elides_long_names_and_keeps_the_mark(qtbot, window, stage, people):
    long = checkin.walk_in(stage, dict(LONG_PERSON), operator="Giulia").attendee
    checkin.admit(stage, people[2], operator="Giulia")
    checkin.undo(stage, long, "wrong person", operator="Giulia")
    checkin.admit(stage, long, operator="Giulia")
    window.refresh_side()
    qtbot.wait(50)
    recent = window.recent
    items = [recent.item(i) for i in range(recent.count())]
    assert len(items) >= 3
    metrics = recent.fontMetrics()
    room = recent.viewport().width()
    for item in items:
        assert item.text().rstrip().endswith(("✔", "⟲ again", "↶ undone")), item.text()
        assert metrics.horizontalAdvance(item.text()) <= room, item.text()
    assert not recent.horizontalScrollBar().isVisible()
    shortened = [i for i in items if "…" in i.text()]
    assert shortened and "Castiglioni" in shortened[0].toolTip()


# --- the badge preview's layout combo speaks the desk's language ----------------------------


def test_badge_preview_layouts_have_italian_titles(qtbot, open_window, stage, people, data_dir):
    from desktop_app.ui.app import install_language

    window = open_window(stage, "it")
    try:
        type_text(window.scan, "sato")
        qtbot.waitUntil(lambda: window.model.rowCount() == 1)
        window.preview_action.trigger()
        dialog = window.dialog
        titles = [dialog.layout_box.itemText(i) for i in range(dialog.layout_box.count())]
        assert "A6 verticale (con cordino), uno per pagina" in titles
        assert dialog.layout_box.currentData() == "a6-portrait"
        dialog.reject()
    finally:
        window.settings.set("ui/language", "en")
        install_language(QApplication.instance(), window.settings, data_dir / "cache" / "i18n")
