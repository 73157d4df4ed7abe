"""The window: Stage ▸ Send tickets… with its progress bar, Resend ticket at the desk, and
Desk ▸ Mail server…, on a real stage and a real SMTP server."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop_app.ui import workers
from desktop_app.ui.app import build_window, install_language
from desktop_app.ui.mail_dialog import MailSettingsDialog
from desktop_app.ui.settings import Settings


@pytest.fixture
def desk_settings(tmp_path):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.set("ui/language", "en")
    settings.set("checkin/sounds", False)
    settings.set("desk/operator", "Giulia")
    return settings


@pytest.fixture
def mail_settings(desk_settings, smtp_server):
    desk_settings.set("mail/smtp_host", "127.0.0.1")
    desk_settings.set("mail/smtp_port", smtp_server.port)
    desk_settings.set("mail/smtp_security", "none")
    desk_settings.set("mail/from_address", "segreteria@example.test")
    desk_settings.set("mail/rate_per_minute", 0)
    return desk_settings


@pytest.fixture
def open_window(qtbot, data_dir):
    def make(stage, settings, language="en"):
        settings.set("ui/language", language)
        window = build_window(data_dir, stage, settings)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    workers.set_inline(False)
    # the next tests' screens speak English again, whatever language this one used
    english = Settings(QSettings(str(data_dir / "en.ini"), QSettings.Format.IniFormat))
    english.set("ui/language", "en")
    install_language(QApplication.instance(), english, data_dir / "cache")


def test_send_tickets_from_the_stage_menu(
    qtbot, open_window, mail_stage, mail_settings, smtp_server
):
    window = open_window(mail_stage, mail_settings)
    window.send_tickets_action.trigger()
    dialog = window.send_dialog
    assert dialog.isVisible()
    assert dialog.counts.text() == "4 to send · 0 already sent · 1 without e-mail"
    assert dialog.start_button.isEnabled()
    seen = []
    dialog.worker_progress = dialog.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(dialog.done, timeout=30000):
        dialog.start_button.click()
    assert dialog.status.text() == "Sent 4 of 4 e-mails."
    assert dialog.progress.value() == 100 and 25 in seen  # moved one e-mail at a time
    assert len(smtp_server.handler.messages) == 4
    assert dialog.counts.text() == "0 to send · 4 already sent · 1 without e-mail"
    assert not dialog.start_button.isEnabled()  # nothing left: a second click cannot resend
    # scans still wait while the dialog is open; closing gives the desk back
    dialog.close_button.click()
    assert window.dialog is None


def test_send_tickets_says_what_is_missing(qtbot, open_window, mail_stage, desk_settings):
    window = open_window(mail_stage, desk_settings)
    window.send_tickets_action.trigger()
    dialog = window.send_dialog
    assert dialog.server.text() == "not set"
    dialog.start_button.click()
    assert dialog.status.text() == "Set the mail server (SMTP host) first."
    assert dialog.worker is None
    dialog.reject()


def test_resend_ticket_for_the_person_at_the_desk(
    qtbot, open_window, mail_stage, mail_settings, smtp_server
):
    workers.set_inline(True)
    window = open_window(mail_stage, mail_settings)
    qtbot.keyClicks(window.scan, "bertelli")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.resend_ticket_action.trigger()
    assert window.notice_text == "Ticket sent to Anna Bertelli."
    assert smtp_server.handler.recipients() == ["anna@example.test"]
    window.scan.clear()
    qtbot.keyClicks(window.scan, "senza")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.resend_ticket_action.trigger()
    assert window.notice_text == "This person has no e-mail address: add one with F5."


def test_mail_server_settings(qtbot, open_window, mail_stage, desk_settings):
    window = open_window(mail_stage, desk_settings)
    window.mail_settings_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, MailSettingsDialog)
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    dialog.host.setText("smtp.example.test")
    dialog.security.setCurrentIndex(dialog.security.findData("ssl"))
    dialog.user.setText("segreteria")
    dialog.password.setText("pa ss")
    dialog.from_address.setText("")
    dialog.accept()
    assert dialog.isVisible() and "sender" in dialog.error.text()
    dialog.from_address.setText("segreteria@example.test")
    dialog.rate.setValue(30)
    dialog.accept()
    assert not dialog.isVisible()
    assert desk_settings.get("mail/smtp_host") == "smtp.example.test"
    assert desk_settings.get("mail/smtp_security") == "ssl"
    assert desk_settings.get("mail/smtp_password") == "pa ss"
    assert desk_settings.get("mail/rate_per_minute") == 30


def test_the_mail_screens_speak_italian(qtbot, open_window, mail_stage, desk_settings):
    window = open_window(mail_stage, desk_settings, language="it")
    assert window.send_tickets_action.text() == "Invia biglietti…"
    assert window.resend_ticket_action.text() == "Invia di nuovo il biglietto"
    assert window.mail_settings_action.text() == "Server di posta…"
    window.send_tickets_action.trigger()
    dialog = window.send_dialog
    assert dialog.windowTitle() == "Invia biglietti"
    assert dialog.counts.text() == "4 da inviare · 0 già inviati · 1 senza e-mail"
    assert QCoreApplication.translate("mail", "Only retry failures") == "Solo i non riusciti"
    dialog.reject()
