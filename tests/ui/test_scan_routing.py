"""Scans never land in the wrong place (issue 9): whatever window or dialog of the app has the
keyboard, a scanner's burst (Shift before capitals, Caps Lock, Enter/Tab/no suffix, AIM/ECI
prefixes) reaches the desk's scan handling and the open form's fields stay as they were.
Keys are real QKeyEvents sent to the focus widget (tests/ui/keys.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop_app.core import checkin, tickets
from desktop_app.ui.app import install_language
from tests.ui import keys

VARIANTS = keys.VARIANTS


def ticket_for(data_dir, stage, attendee) -> str:
    return tickets.sign_ticket(tickets.load_private_key(data_dir), stage.info.code, attendee.code)


def fields_of(dialog) -> list[str]:
    return [e.text() for e in dialog.findChildren(QLineEdit)]


def open_dialog(qtbot, window, opener):
    opener()
    qtbot.waitUntil(lambda: window.dialog is not None and window.dialog.isVisible())
    dialog = window.dialog
    qtbot.waitUntil(
        lambda: (
            QApplication.focusWidget() is not None and QApplication.focusWidget().window() is dialog
        )
    )
    return dialog


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_scan_into_the_scan_field_checks_in(qtbot, window, stage, people, data_dir, variant):
    keys.scan(ticket_for(data_dir, stage, people[4]), **VARIANTS[variant])
    qtbot.waitUntil(lambda: window.banner.status == checkin.CHECKED_IN, timeout=2000)
    assert stage.attendee(people[4].id).checked_in
    assert window.scan.text() == ""


@pytest.mark.parametrize("variant", ["shift+enter", "no suffix", "caps lock", "aim prefix"])
def test_scan_after_a_half_typed_surname_checks_in_the_ticket_holder(
    qtbot, window, stage, people, data_dir, variant
):
    keys.type_slowly(qtbot, "Ross")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    keys.scan(ticket_for(data_dir, stage, people[3]), **VARIANTS[variant])
    qtbot.waitUntil(lambda: window.banner.status == checkin.CHECKED_IN, timeout=2000)
    assert stage.attendee(people[3].id).checked_in
    assert not stage.attendee(people[2].id).checked_in  # not the row the search showed


def test_scan_right_after_typed_keys_still_checks_in_the_ticket_holder(
    qtbot, window, stage, people, data_dir
):
    keys.type_slowly(qtbot, "Ross")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    keys.scan(ticket_for(data_dir, stage, people[3]), prefix="]Q1", pause_ms=10)
    qtbot.waitUntil(lambda: window.banner.status == checkin.CHECKED_IN, timeout=2000)
    assert stage.attendee(people[3].id).checked_in
    assert not stage.attendee(people[2].id).checked_in


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_scan_into_the_walk_in_form_registers_nobody_and_checks_in_the_ticket_holder(
    qtbot, window, stage, people, data_dir, variant
):
    registered = stage.counts()["registered"]
    dialog = open_dialog(qtbot, window, window.walk_in)
    before = fields_of(dialog)
    keys.scan(ticket_for(data_dir, stage, people[2]), **VARIANTS[variant])
    qtbot.wait(400)  # past the idle timeout (150 ms)
    assert dialog.isVisible(), "the scan's Enter must not submit the form"
    assert fields_of(dialog) == before, "the scan must not reach the form's fields"
    assert stage.counts()["registered"] == registered
    assert "scan is waiting" in window.notice_text
    keys.press(Qt.Key.Key_Escape)  # the clerk closes the form: the waiting scan is handled
    qtbot.waitUntil(lambda: window.banner.status == checkin.CHECKED_IN)
    assert stage.attendee(people[2].id).checked_in
    assert stage.counts()["registered"] == registered
    assert stage.counts()["checked_in"] == 1
    assert "Marco Rossi" in window.banner.shown_text()


def test_a_person_still_types_into_the_walk_in_form_with_capitals(qtbot, window, stage):
    dialog = open_dialog(qtbot, window, window.walk_in)
    keys.type_slowly(qtbot, "Anna")
    assert dialog.first_name.text() == "Anna"
    dialog.reject()


def test_scan_into_the_edit_dialog_changes_nobody(qtbot, window, stage, people, data_dir):
    keys.type_slowly(qtbot, "sato")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    dialog = open_dialog(qtbot, window, window.edit_current)
    before = fields_of(dialog)
    keys.scan(ticket_for(data_dir, stage, people[1]), suffix="tab")
    qtbot.wait(300)
    assert dialog.isVisible()
    assert fields_of(dialog) == before
    keys.enter()  # the clerk saves the (unchanged) form
    qtbot.waitUntil(lambda: window.dialog is None)
    qtbot.waitUntil(lambda: window.banner.status == checkin.CHECKED_IN)
    sato = stage.attendee(people[3].id)
    assert (sato.first_name, sato.last_name) == ("Hiroshi", "Sato")
    assert stage.attendee(people[1].id).checked_in
    assert not sato.checked_in


def test_a_ticket_typed_into_a_form_never_becomes_a_name(qtbot, window, stage, people, data_dir):
    """Whatever way a ticket gets into the name fields (pasted, typed), the form refuses it."""
    registered = stage.counts()["registered"]
    dialog = open_dialog(qtbot, window, window.walk_in)
    dialog.first_name.setText(ticket_for(data_dir, stage, people[2]).lower())
    dialog.register.click()
    qtbot.wait(50)
    assert dialog.isVisible()
    assert "code" in dialog.warning.text().lower()
    assert stage.counts()["registered"] == registered
    dialog.reject()
    qtbot.waitUntil(lambda: window.dialog is None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.scan)
    keys.type_slowly(qtbot, "sato")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    dialog = open_dialog(qtbot, window, window.edit_current)
    dialog.edits["last_name"].setText("]Q1" + ticket_for(data_dir, stage, people[3]))
    dialog.accept()
    qtbot.wait(50)
    assert dialog.isVisible()
    assert stage.attendee(people[3].id).last_name == "Sato"
    dialog.reject()


@pytest.mark.parametrize("variant", ["shift+enter", "no suffix", "aim prefix", "caps lock"])
def test_scan_with_the_reports_window_in_front_checks_in(
    qtbot, window, stage, people, data_dir, variant
):
    window.open_reports()
    reports = window._reports
    reports.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is reports)
    keys.scan(ticket_for(data_dir, stage, people[0]), **VARIANTS[variant])
    qtbot.waitUntil(lambda: window.banner.status == checkin.CHECKED_IN, timeout=2000)
    assert stage.attendee(people[0].id).checked_in
    assert reports.isVisible()


def test_window_keeps_its_width_after_a_scan_into_the_walk_in_form(
    qtbot, window, stage, people, data_dir
):
    open_dialog(qtbot, window, window.walk_in)
    keys.scan(ticket_for(data_dir, stage, people[2]))
    keys.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.dialog is None)
    qtbot.waitUntil(lambda: window.banner.status == checkin.CHECKED_IN)
    qtbot.wait(50)
    assert window.width() <= 1366
    assert window.minimumSizeHint().width() <= 1366


def test_window_keeps_its_width_with_an_unbroken_long_name(qtbot, window, stage):
    # what an import may hold: a name with no space to wrap at
    person = stage.new_attendee({"first_name": "X" * 60, "last_name": "Yq" * 70})
    keys.type_slowly(qtbot, "yqyq", gap_ms=60)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    keys.enter()
    qtbot.waitUntil(lambda: window.banner.status == checkin.CHECKED_IN)
    qtbot.wait(50)
    assert stage.attendee(person.id).checked_in
    assert window.width() <= 1366
    assert window.minimumSizeHint().width() <= 1366


# --- Enter with several matches ------------------------------------------------------------


def test_enter_with_several_matches_asks_to_choose(qtbot, window, stage, people):
    keys.type_slowly(qtbot, "bert")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    keys.enter()
    qtbot.wait(50)
    assert stage.counts()["checked_in"] == 0
    assert "2 people match: choose one" in window.notice_text
    assert window.scan.text() == "bert"  # the results stay to choose from
    keys.press(Qt.Key.Key_Down)  # the clerk picks a row with the arrows: Enter checks it in
    keys.enter()
    qtbot.waitUntil(lambda: window.banner.status == checkin.CHECKED_IN)
    assert stage.attendee(people[1].id).checked_in
    assert stage.counts()["checked_in"] == 1


def test_enter_after_a_click_checks_in_the_clicked_row(qtbot, window, stage, people):
    keys.type_slowly(qtbot, "bert")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    rect = window.results.visualRect(window.model.index(1, 0))
    qtbot.mouseClick(window.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    chosen = window.model.people[1]
    keys.enter()
    qtbot.waitUntil(lambda: window.banner.status == checkin.CHECKED_IN)
    assert stage.attendee(chosen.id).checked_in
    assert stage.counts()["checked_in"] == 1


def test_enter_with_exactly_one_match_checks_in(qtbot, window, stage, people):
    keys.type_slowly(qtbot, "Rossi")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    keys.enter()
    qtbot.waitUntil(lambda: window.banner.status == checkin.CHECKED_IN)
    assert stage.attendee(people[2].id).checked_in


def test_the_choose_notice_goes_when_the_text_changes(qtbot, window, stage, people):
    keys.type_slowly(qtbot, "bert")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    keys.enter()
    qtbot.waitUntil(lambda: window.notice_text.startswith("2 people match"))
    window.scan.clear()
    assert window.notice_text == "" and not window.notice.isVisible()


def test_one_match_found_only_by_a_typo_is_offered_not_checked_in(qtbot, window, stage, people):
    keys.type_slowly(qtbot, "Rosi")  # Rossi, one letter short
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    keys.enter()
    qtbot.wait(50)
    assert not stage.attendee(people[2].id).checked_in
    assert window.notice_text.startswith("Nobody is called exactly that")
    keys.press(Qt.Key.Key_Down)  # the clerk looked and chose the row
    keys.enter()
    qtbot.waitUntil(lambda: window.banner.status == checkin.CHECKED_IN)
    assert stage.attendee(people[2].id).checked_in


def test_choose_one_of_n_in_italian(qtbot, open_window, stage, people, desk_settings, data_dir):
    window = open_window(stage, "it")
    try:
        keys.type_slowly(qtbot, "bert")
        qtbot.waitUntil(lambda: window.model.rowCount() == 2)
        keys.enter()
        qtbot.wait(50)
        assert stage.counts()["checked_in"] == 0
        assert window.notice_text.startswith("2 persone corrispondono: scegline una")
    finally:  # the next tests read English
        desk_settings.set("ui/language", "en")
        install_language(QApplication.instance(), desk_settings, data_dir / "cache")


# --- no results: nobody selected -----------------------------------------------------------


def test_no_results_means_nobody_selected(qtbot, window, stage, people):
    keys.type_slowly(qtbot, "rossi")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    keys.enter()
    qtbot.waitUntil(lambda: window.banner.status == checkin.CHECKED_IN)
    qtbot.waitUntil(
        window.btn_undo.isEnabled
    )  # Marco Rossi, just checked in, is the current person
    keys.type_slowly(qtbot, "zqzq")
    qtbot.waitUntil(lambda: window.scan.text() == "zqzq")
    assert window.model.rowCount() == 0
    assert window.current_people() == []
    assert "Rossi" not in window.detail_name.text()
    for button in (window.btn_checkin, window.btn_undo, window.btn_edit, window.btn_print):
        assert not button.isEnabled(), button.text()
    keys.press(Qt.Key.Key_F4)
    qtbot.wait(50)
    assert window.dialog is None, "F4 must not offer to undo someone not on screen"
    assert stage.attendee(people[2].id).checked_in
