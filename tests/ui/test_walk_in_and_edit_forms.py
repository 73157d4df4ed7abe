"""Issue 11, badges at the desk: walk-in has title and role; Edit has category, e-mail and
notes, and for a consul the rank, the service (career / honorary) and the exequatur date."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt

from desktop_app.core import checkin


def test_walk_in_registers_title_and_role(qtbot, window, stage, people):
    qtbot.keyClick(window.scan, Qt.Key.Key_F2)
    dialog = window.dialog
    assert [dialog.title.isVisible(), dialog.role.isVisible()] == [True, True]
    dialog.title.setText("Ing.")
    dialog.first_name.setText("Lucia")
    dialog.last_name.setText("Verdi")
    dialog.company.setText("Verdi Automazione")
    dialog.role.setText("CEO")
    dialog.privacy.setChecked(True)
    dialog.register.click()
    qtbot.waitUntil(lambda: window.dialog is None)
    (new,) = [a for a in stage.attendees() if a.last_name == "Verdi"]
    assert (new.title, new.role) == ("Ing.", "CEO") and new.checked_in
    shown = window.banner.shown_text()
    assert "Ing. Lucia Verdi" in shown and "CEO" in shown


def test_edit_changes_category_email_and_notes(qtbot, window, stage, people):
    qtbot.keyClicks(window.scan, "ros ma")
    qtbot.keyClick(window.scan, Qt.Key.Key_F5)
    dialog = window.dialog
    assert dialog.email.text() == "marco.rossi@example.test"
    assert not dialog.consular_rank.isVisibleTo(dialog)  # not a consul
    dialog.category.setCurrentIndex(dialog.category.findData("speaker"))
    dialog.email.setText("Marco.Rossi@Example.test")
    dialog.notes.setPlainText("Vegetarian lunch")
    dialog.accept()
    qtbot.waitUntil(lambda: window.dialog is None)
    fresh = stage.attendee(people[2].id)
    assert fresh.category == "speaker"
    assert fresh.email == "marco.rossi@example.test"
    assert fresh.notes == "Vegetarian lunch"


def test_edit_shows_the_consular_fields_for_a_consul(qtbot, window, stage, people):
    consul = people[3]
    qtbot.keyClicks(window.scan, "sato")
    qtbot.keyClick(window.scan, Qt.Key.Key_F5)
    dialog = window.dialog
    assert dialog.consular_rank.isVisibleTo(dialog) and dialog.exequatur.isVisibleTo(dialog)
    labels = [dialog.consular_rank.itemText(i) for i in range(dialog.consular_rank.count())]
    assert labels[1:] == ["Consul General", "Consul", "Vice-Consul", "Consular Agent"]
    dialog.consular_rank.setCurrentIndex(dialog.consular_rank.findData("consul_general"))
    dialog.consular_service.setCurrentIndex(dialog.consular_service.findData("honorary"))
    dialog.exequatur.setDate(QDate(2019, 6, 14))
    dialog.accept()
    qtbot.waitUntil(lambda: window.dialog is None)
    fresh = stage.attendee(consul.id)
    assert (fresh.consular_rank, fresh.consular_service, fresh.exequatur) == (
        "consul_general",
        "honorary",
        "2019-06-14",
    )


def test_edit_takes_a_rank_in_the_list_s_own_words(qtbot, window, stage, people):
    consul = people[3]
    qtbot.keyClicks(window.scan, "sato")
    qtbot.keyClick(window.scan, Qt.Key.Key_F5)
    dialog = window.dialog
    dialog.consular_rank.setEditText("Console onorario")
    dialog.accept()
    qtbot.waitUntil(lambda: window.dialog is None)
    fresh = stage.attendee(consul.id)
    assert (fresh.consular_rank, fresh.consular_service, fresh.exequatur) == (
        "consul",
        "honorary",
        "",
    )


def test_consular_fields_appear_when_the_category_becomes_consul(qtbot, window, stage, people):
    qtbot.keyClicks(window.scan, "bertelli")
    qtbot.keyClick(window.scan, Qt.Key.Key_F5)
    dialog = window.dialog
    assert not dialog.exequatur.isVisibleTo(dialog)
    dialog.category.setCurrentIndex(dialog.category.findData("consul"))
    assert dialog.exequatur.isVisibleTo(dialog)
    assert dialog.exequatur.text() == "no date"
    dialog.reject()
    qtbot.waitUntil(lambda: window.dialog is None)
    assert stage.attendee(people[1].id).category == "company"
    assert checkin  # the module the desk records through


def test_the_edit_form_speaks_italian(qtbot, open_window, stage, people, tmp_path):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QLabel

    from desktop_app.ui.app import install_language
    from desktop_app.ui.settings import Settings

    window = open_window(stage, language="it")
    try:
        qtbot.keyClicks(window.scan, "sato")
        qtbot.waitUntil(lambda: len(window.current_people()) == 1, timeout=3000)
        window.edit_current()  # F5
        dialog = window.dialog
        labels = {w.text() for w in dialog.findChildren(QLabel)}
        assert {"Categoria", "Note", "Grado consolare", "Servizio", "Exequatur"} <= labels
        assert not {"Category", "Notes", "Consular rank", "Service"} & labels
        ranks = [dialog.consular_rank.itemText(i) for i in range(dialog.consular_rank.count())]
        assert ranks[1:] == ["Console Generale", "Console", "Vice Console", "Agente Consolare"]
        services = [dialog.consular_service.itemText(i) for i in range(3)]
        assert services[1:] == ["di carriera", "onorario"]
        assert dialog.exequatur.text() == "nessuna data"
        dialog.reject()
        qtbot.waitUntil(lambda: window.dialog is None)
        window.walk_in()
        walk_in = window.dialog
        labels = {w.text() for w in walk_in.findChildren(QLabel)}
        assert {"Titolo", "Ruolo"} <= labels and not {"Title", "Role"} & labels
        walk_in.reject()
    finally:
        english = Settings(QSettings(str(tmp_path / "en.ini"), QSettings.Format.IniFormat))
        english.set("ui/language", "en")
        install_language(QApplication.instance(), english, tmp_path / "i18n")


def test_edit_sets_the_delegation_its_head_and_the_native_name(qtbot, window, stage, people):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from desktop_app.core import delegation

    consul = people[3]  # S.E. Hiroshi Sato, a consul
    checkin.edit(stage, consul, {"extra": {"Host": "Dott. Neri"}})  # kept by the edit below
    qtbot.keyClicks(window.scan, "sato")
    qtbot.keyClick(window.scan, Qt.Key.Key_F5)
    dialog = window.dialog
    dialog.delegation.setText("Giappone 2026")
    dialog.delegation_head.setChecked(True)
    dialog.name_native.setFocus()
    for ch in "佐藤 博":  # typed as a keyboard with an input method sends it
        QApplication.sendEvent(
            dialog.name_native,
            QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch),
        )
        qtbot.wait(60)  # a person typing, not a scanner burst
    qtbot.waitUntil(lambda: dialog.name_native.text() == "佐藤 博")  # the scan guard's wait
    dialog.accept()
    qtbot.waitUntil(lambda: window.dialog is None)
    fresh = stage.attendee(consul.id)
    assert delegation.is_head(fresh) and fresh.extra["delegation"] == "Giappone 2026"
    assert fresh.extra["name_native"] == "佐藤 博" and fresh.extra["Host"] == "Dott. Neri"
    # an edit that changes nothing there records no extra change
    before = stage.event_count()
    window.scan.clear()
    qtbot.keyClicks(window.scan, "sato")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.edit_current()
    window.dialog.accept()
    qtbot.waitUntil(lambda: window.dialog is None)
    assert stage.event_count() == before
