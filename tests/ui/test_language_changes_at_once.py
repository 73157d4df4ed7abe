"""Issue 11: Settings ▸ Language takes effect at once, without a restart: the window, its
menus, the counters, the results' header, the sync status, and Qt's own dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QPushButton

from desktop_app.ui.settings import Settings


@pytest.fixture(autouse=True)
def back_to_english(qapp, tmp_path):
    yield
    from desktop_app.ui.app import install_language

    english = Settings(QSettings(str(tmp_path / "en.ini"), QSettings.Format.IniFormat))
    english.set("ui/language", "en")
    install_language(QApplication.instance(), english, tmp_path / "i18n")


def _choose_language(qtbot, window, code: str) -> None:
    window.open_settings()
    dialog = window.dialog
    dialog.language.setCurrentIndex(dialog.language.findData(code))
    dialog.accept()
    qtbot.waitUntil(lambda: window.dialog is None)
    qtbot.wait(50)  # Qt posts the LanguageChange events


def _menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_italian_at_once_without_a_restart(qtbot, window, stage, people):
    assert _menu_titles(window) == ["&Stage", "&Desk", "&Attendee"]
    qtbot.keyClicks(window.scan, "ros ma")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    assert window.banner.outcome.text().startswith("✔  Checked in")
    _choose_language(qtbot, window, "it")
    assert "Checked in" not in window.banner.outcome.text()  # the outcome, in Italian
    assert window.banner.outcome.text().startswith("✔  ")
    # the window, its menus and actions
    assert _menu_titles(window) == ["&Tappa", "&Postazione", "Part&ecipante"]
    assert window.import_action.text() == "Importa elenco iscritti…"
    assert window.key_buttons[0].text() == "F2 Nuovo iscritto"
    assert window.present_label.text().startswith("Presenti ")
    assert window.scan.placeholderText() != "Scan the QR code or type a name…"
    header = window.model.headerData(0, Qt.Orientation.Horizontal)
    assert header != "Name"
    assert window.category_names["company"].text() != "Companies"
    assert "Waiting" not in window.sync_indicator.text()
    # nothing English left in what the window shows (and no "applies next time" message)
    english = {
        "&Stage",
        "Settings…",
        "Quit",
        "Check in (Enter)",
        "Edit (F5)",
        "Recent outcomes",
        "Reports…",
        "Switch stage…",
        "Add a desk…",
        "Duplicates…",
        "Camera scanning",
    }
    shown = {a.text() for m in window.menuBar().actions() for a in m.menu().actions()}
    shown |= {b.text() for b in window.findChildren(QPushButton)}
    shown |= {window.recent_title.text(), window.banner.outcome.text(), window.notice.text()}
    assert not (english & shown), english & shown
    assert "next time" not in window.notice.text()


def test_qt_s_own_dialogs_follow_the_new_language(qtbot, window):
    _choose_language(qtbot, window, "it")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annulla"
    files = QFileDialog(window)
    files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(files)
    words = {b.text() for b in files.findChildren(QPushButton)}
    assert "Annulla" in words and "Cancel" not in words
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter()
    printing = QPrintDialog(printer, window)
    qtbot.addWidget(printing)
    words = {b.text() for b in printing.findChildren(QPushButton)}
    assert "Annulla" in words and "Cancel" not in words and "&Print" not in words
    # and back to English, at once too
    _choose_language(qtbot, window, "en")
    assert _menu_titles(window) == ["&Stage", "&Desk", "&Attendee"]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    assert window.banner.outcome.text() == "▶ Ready: scan a QR code or type a name"


def test_an_open_reports_window_follows_the_new_language(qtbot, window, stage, people):
    window.open_reports()
    reports = window._reports
    qtbot.waitUntil(reports.isVisible)
    assert reports.windowTitle() == "Reports — Tappa di Bergamo"
    _choose_language(qtbot, window, "it")
    fresh = window._reports
    qtbot.waitUntil(lambda: fresh.isVisible() and fresh.windowTitle().startswith("Report —"))
    assert not reports.isVisible() and fresh.lang == "it"
    fresh.close()
