"""The check-in window driven like a clerk (and a scanner) would drive it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QApplication

from desktop_app.core import checkin, tickets
from desktop_app.core.qr import write_qr_png
from desktop_app.ui.camera import CameraScanner, decode_image
from desktop_app.ui.dialogs import ReasonDialog
from desktop_app.ui.walk_in import WalkInDialog


def ticket_for(data_dir, stage, attendee) -> str:
    return tickets.sign_ticket(tickets.load_private_key(data_dir), stage.info.code, attendee.code)


def type_text(widget, value: str) -> None:
    """Type like a keyboard, accents included (keyClicks cannot send non-ASCII)."""
    for ch in value:
        QApplication.sendEvent(
            widget,
            QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch),
        )


def result_names(window) -> list[str]:
    return [window.model.index(r, 0).data() for r in range(window.model.rowCount())]


def test_scanner_with_enter_checks_in_and_counts(qtbot, window, stage, people, data_dir):
    berte = people[0]
    qtbot.keyClicks(window.scan, ticket_for(data_dir, stage, berte))
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    shown = window.banner.shown_text()
    assert "✔  Checked in — welcome" in shown
    assert "Nicolò Bertè" in shown
    assert "Officine Meccaniche Bergamasche" in shown
    assert stage.attendee(berte.id).checked_in
    qtbot.waitUntil(lambda: window.present_label.text() == "Present 1 / 5")
    assert window.category_labels["company"].text() == "1 / 3"
    assert "Bertè N." in window.recent.item(0).text()
    assert window.scan.text() == "" and window.scan.hasFocus()


def test_scanner_without_terminator_ends_on_idle(qtbot, window, stage, people, data_dir):
    sato = people[3]
    qtbot.keyClicks(window.scan, ticket_for(data_dir, stage, sato))
    assert window.banner.status == ""  # not yet: the scanner may still be typing
    qtbot.waitUntil(lambda: window.banner.status == checkin.CHECKED_IN, timeout=2000)
    assert "S.E. Hiroshi Sato" in window.banner.shown_text()
    assert "Consul-Delegation · Console Generale · Giappone" in window.banner.shown_text()
    assert stage.attendee(sato.id).checked_in


def test_external_barcode_with_tab_then_already_checked_in(qtbot, window, stage, people):
    qtbot.keyClicks(window.scan, "EB-1001")
    qtbot.keyClick(window.scan, Qt.Key.Key_Tab)
    assert window.banner.status == checkin.CHECKED_IN
    assert window.scan.hasFocus()
    qtbot.keyClicks(window.scan, "eb-1001")
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    first = stage.attendee(people[0].id)
    from desktop_app.ui import text

    expected = f"⟲  Already checked in at {text.time_text(first.checked_in_at)} ({stage.desk.name})"
    assert window.banner.outcome.text() == expected
    assert stage.counts()["checked_in"] == 1


def test_a_person_typing_slowly_only_searches(qtbot, window, stage):
    qtbot.keyClicks(window.scan, "ros")
    qtbot.wait(300)  # longer than the idle timeout: a name is not a scan
    assert window.banner.status == ""
    assert result_names(window) == ["Rossi Marco"]
    assert stage.counts()["checked_in"] == 0


def test_accented_search(qtbot, window):
    type_text(window.scan, "bertè")
    assert window.scan.text() == "bertè"
    assert result_names(window)[:2] == ["Bertè Nicolò", "Bertelli Anna"]
    window.scan.clear()
    type_text(window.scan, "ørsted")
    assert result_names(window) == ["Ørsted-Łukasiewicz Zoë"]
    window.scan.clear()
    type_text(window.scan, "orsted")
    assert result_names(window) == ["Ørsted-Łukasiewicz Zoë"]


def test_check_in_from_search_with_keyboard_only(qtbot, window, stage, people):
    qtbot.keyClicks(window.scan, "ros ma")
    assert result_names(window) == ["Rossi Marco"]
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    assert window.banner.status == checkin.CHECKED_IN
    assert "Marco Rossi" in window.banner.shown_text()
    assert stage.attendee(people[2].id).checked_in
    assert window.model.rowCount() == 0
    # arrows choose the second result
    qtbot.keyClicks(window.scan, "bert")
    qtbot.keyClick(window.scan, Qt.Key.Key_Down)
    assert window.detail_name.text() == "Anna Bertelli"
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    assert "Anna Bertelli" in window.banner.shown_text()
    assert stage.attendee(people[1].id).checked_in
    assert not stage.attendee(people[0].id).checked_in


def test_delegation_checked_in_together(qtbot, window, stage, people):
    qtbot.keyClicks(window.scan, "bert")
    qtbot.keyClick(window.scan, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert window.detail_name.text() == "2 people selected"
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    assert window.banner.outcome.text() == "✔  2 of 2 checked in"
    assert "Nicolò Bertè, Anna Bertelli" in window.banner.shown_text()
    assert stage.counts()["checked_in"] == 2
    # Ctrl+Space marks people one by one; someone already in is reported, not counted twice
    qtbot.keyClicks(window.scan, "bert")
    qtbot.keyClick(window.scan, Qt.Key.Key_Down)
    qtbot.keyClick(window.scan, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.scan, Qt.Key.Key_Up)
    assert window.detail_name.text() == "Nicolò Bertè"


def test_undo_with_a_reason(qtbot, window, stage, people):
    qtbot.keyClicks(window.scan, "ros ma")
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    assert stage.attendee(people[2].id).checked_in
    qtbot.keyClick(window.scan, Qt.Key.Key_F4)
    dialog = window.dialog
    assert isinstance(dialog, ReasonDialog)
    assert not dialog.ok.isEnabled()  # a reason is required
    qtbot.keyClicks(dialog.reason, "wrong person")
    qtbot.waitUntil(lambda: dialog.reason.text() == "wrong person")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.dialog is None)
    assert window.banner.outcome.text() == "↶  Check-in undone"
    assert not stage.attendee(people[2].id).checked_in
    undo = [e for e in stage.events() if e.kind == "undo"]
    assert undo[0].payload["reason"] == "wrong person" and undo[0].operator == "Giulia"
    assert window.present_label.text() == "Present 0 / 5"
    qtbot.waitUntil(window.scan.hasFocus)  # focus comes back to the scan field


def test_walk_in_offers_the_near_duplicate(qtbot, window, stage, people):
    qtbot.keyClick(window.scan, Qt.Key.Key_F2)
    dialog = window.dialog
    assert isinstance(dialog, WalkInDialog)
    qtbot.keyClicks(dialog.first_name, "Nicolo")
    qtbot.keyClick(dialog.first_name, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.last_name, "Berte")
    qtbot.waitUntil(lambda: dialog.last_name.text() == "Berte")
    qtbot.waitUntil(lambda: dialog.similar.count() > 0)
    assert dialog.similar.item(0).text().startswith("Bertè Nicolò")
    qtbot.keyClick(dialog.last_name, Qt.Key.Key_Return)  # first Enter: a warning, not a new person
    assert dialog.isVisible() and "already registered" in dialog.warning.text()
    dialog.use_existing.click()
    qtbot.waitUntil(lambda: window.dialog is None)
    assert "Nicolò Bertè" in window.banner.shown_text()
    assert len(stage.attendees()) == 5
    assert stage.attendee(people[0].id).checked_in


def test_walk_in_registers_and_checks_in(qtbot, window, stage):
    qtbot.keyClick(window.scan, Qt.Key.Key_F2)
    dialog = window.dialog
    dialog.first_name.setText("Nicolo")
    dialog.last_name.setText("Berte")
    dialog.company.setText("Nuova Officina")
    dialog.privacy.setChecked(True)
    dialog.register.click()
    assert dialog.isVisible()  # the look-alike is shown first
    dialog.register.click()
    qtbot.waitUntil(lambda: window.dialog is None)
    assert window.banner.status == checkin.CHECKED_IN
    assert "Nicolo Berte" in window.banner.shown_text()
    (new,) = [a for a in stage.attendees() if a.company == "Nuova Officina"]
    assert new.checked_in and new.privacy_consent == "yes" and new.category == "company"


def test_wrong_stage_ticket(qtbot, window, stage, make_stage, data_dir):
    other = make_stage("brescia-2026", title="Tappa di Brescia", date="2026-05-20", city="Brescia")
    guest = other.new_attendee({"first_name": "Ospite", "last_name": "Altrove"})
    qtbot.keyClicks(window.scan, ticket_for(data_dir, other, guest))
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    assert window.banner.outcome.text() == "⇄  Ticket for another stage: Brescia, 20 May"
    assert stage.counts()["checked_in"] == 0 and other.counts()["checked_in"] == 0


def test_garbage_input(qtbot, window, stage):
    events = stage.event_count()
    qtbot.keyClicks(window.scan, "%%%!!")
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    assert window.banner.outcome.text() == "✖  Not found: search by name or register"
    window.submit_scan("x" * 600)
    assert window.banner.outcome.text() == "⚠  Invalid code"
    qtbot.keyClicks(window.scan, "RD1" + "A" * 118)  # a forged ticket
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    assert window.banner.outcome.text() == "⚠  Invalid code"
    # each refusal is kept as an audit event with its outcome code, and nothing else changed
    added = list(stage.events())[events:]
    assert [(e.kind, e.payload["outcome"]) for e in added] == [
        ("scan_refused", checkin.NOT_FOUND),
        ("scan_refused", checkin.INVALID),
        ("scan_refused", checkin.INVALID),
    ]
    assert not any("%%%" in str(e.payload) or "AAAA" in str(e.payload) for e in added)


def test_cancelled_registration(qtbot, window, stage, people):
    checkin.cancel_registration(stage, people[4], "no longer coming")
    qtbot.keyClicks(window.scan, people[4].code)
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    assert window.banner.outcome.text() == "⊘  Registration cancelled"
    assert "Zoë Ørsted-Łukasiewicz" in window.banner.shown_text()
    assert not stage.attendee(people[4].id).checked_in


def test_scan_while_a_dialog_is_open_is_queued(qtbot, window, stage, people, data_dir):
    qtbot.keyClick(window.scan, Qt.Key.Key_F2)
    dialog = window.dialog
    qtbot.keyClicks(dialog.first_name, ticket_for(data_dir, stage, people[3]))
    qtbot.keyClick(dialog.first_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.queued) == 1)
    assert dialog.first_name.text() == "" and dialog.isVisible()  # never typed into the dialog
    assert window.banner.status == ""
    qtbot.keyClicks(dialog.first_name, "Anna")  # a person typing still works
    qtbot.waitUntil(lambda: dialog.first_name.text() == "Anna")
    dialog.reject()
    qtbot.waitUntil(lambda: window.banner.status == checkin.CHECKED_IN)
    assert "S.E. Hiroshi Sato" in window.banner.shown_text()
    assert stage.attendee(people[3].id).checked_in and not window.queued


def test_edit_a_misspelt_name(qtbot, window, stage, people):
    qtbot.keyClicks(window.scan, "ros ma")
    qtbot.keyClick(window.scan, Qt.Key.Key_F5)
    dialog = window.dialog
    dialog.edits["first_name"].setText("Marco Aurelio")
    dialog.accept()
    qtbot.waitUntil(lambda: window.dialog is None)
    assert stage.attendee(people[2].id).first_name == "Marco Aurelio"
    assert result_names(window) == ["Rossi Marco Aurelio"]


def test_camera_frame_from_an_image_file(qtbot, window, stage, people, data_dir, tmp_path):
    ticket = ticket_for(data_dir, stage, people[1])
    write_qr_png(ticket, tmp_path / "qr.png")
    image = QImage(str(tmp_path / "qr.png"))
    assert decode_image(image) == [ticket]
    camera = CameraScanner(window)
    camera.scanned.connect(window.submit_scan)
    camera.feed_image(image)
    assert window.banner.status == checkin.CHECKED_IN
    assert "Anna Bertelli" in window.banner.shown_text()
    camera.feed_image(image)  # the same QR still in front of the camera counts once
    assert window.banner.status == checkin.CHECKED_IN


def test_another_desks_check_in_shows_up_live(qtbot, window, stage, people):
    qtbot.keyClicks(window.scan, "bert")
    qtbot.keyClick(window.scan, Qt.Key.Key_Down)  # the clerk is looking at Anna Bertelli
    checkin.admit(stage, people[0])  # meanwhile (e.g. synced from another desk)
    window._refresh_if_changed()
    assert window.present_label.text() == "Present 1 / 5"
    assert window.model.index(0, 3).data().startswith("✔")
    assert window.detail_name.text() == "Anna Bertelli"  # the selection stays put


def test_camera_switch_without_a_camera(qtbot, window):
    window.camera_action.setChecked(True)
    assert window.camera is None and not window.camera_action.isChecked()
    assert "No camera found" in window.notice.text()


def test_scan_after_a_half_typed_name_checks_in_the_badge(qtbot, window, stage, people, data_dir):
    for ch in "ros":  # the clerk starts typing a name, by hand
        qtbot.keyClick(window.scan, ch)
        qtbot.wait(70)
    assert result_names(window) == ["Rossi Marco"]
    qtbot.keyClicks(window.scan, ticket_for(data_dir, stage, people[3]))  # then scans a badge
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    assert "S.E. Hiroshi Sato" in window.banner.shown_text()
    assert stage.attendee(people[3].id).checked_in
    assert not stage.attendee(people[2].id).checked_in


def test_reports_screen_opens_from_the_menu(qtbot, window):
    window.reports_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "_reports", None) is not None)
    assert window._reports.isVisible()
    window._reports.close()


def test_a_check_in_the_store_refuses_is_shown_as_not_saved(qtbot, window, stage, people):
    from desktop_app.core.errors import DiskFull

    def full(*_a, **_k):
        raise DiskFull("The disk is full: the last change was NOT saved.")

    stage.record_many = full  # what a full disk does to the write (the real error type)
    qtbot.keyClicks(window.scan, "ros ma")
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    assert window.banner.outcome.text() == "⚠  Not saved"
    assert "disk is full" in window.banner.shown_text()
    del stage.record_many
    assert not stage.attendee(people[2].id).checked_in
