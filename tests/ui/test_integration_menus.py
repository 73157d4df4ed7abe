"""Settings for the sync hub and badges, Stage ▸ Print badges… and Badge preview…, offscreen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop_app.badges import layout_names
from desktop_app.sync.client import SyncClient
from desktop_app.sync.hub import HubThread
from desktop_app.ui.main_window import BadgePreviewDialog
from desktop_app.ui.printing import BatchPrintDialog
from desktop_app.ui.settings_dialog import SettingsDialog


def settings_dialog(qtbot, window) -> SettingsDialog:
    window.open_settings()
    dialog = window.dialog
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    qtbot.waitUntil(dialog.operator.hasFocus)
    return dialog


def combo_texts(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_hub_settings_are_saved_and_the_desk_starts_syncing(
    qtbot, window, stage, people, data_dir, desk_settings, tmp_path
):
    assert window.sync_indicator.text().startswith("○ Not syncing")
    with HubThread(tmp_path / "hub.sqlite") as hub:
        admin = hub.store.add_desk("Organizer", admin=True)
        with SyncClient(data_dir, hub.url, admin) as client:
            client.sync_stage(stage.info.slug, stage)  # the organizer publishes the stage
        token = hub.store.add_desk("Desk 1")
        hub.store.reset_desk("Organizer")  # one token per desk: this laptop is Desk 1 now
        dialog = settings_dialog(qtbot, window)
        assert dialog.token.echoMode() == QLineEdit.EchoMode.Password
        assert not dialog.sync_enabled.isChecked()
        qtbot.keyClicks(dialog.hub_url, hub.url)
        # typed fast, the keys wait in the scan guard until they are surely not a scan
        qtbot.waitUntil(lambda: dialog.hub_url.text() == hub.url)
        dialog.token.setText(token)  # a token is pasted, not typed
        dialog.sync_enabled.setFocus()
        qtbot.keyClick(dialog.sync_enabled, Qt.Key.Key_Space)
        assert dialog.sync_enabled.isChecked()
        qtbot.mouseClick(dialog.show_token, Qt.MouseButton.LeftButton)
        assert dialog.token.echoMode() == QLineEdit.EchoMode.Normal
        qtbot.keyClick(dialog.token, Qt.Key.Key_Return)  # Enter saves
        qtbot.waitUntil(lambda: window.dialog is None)
        assert desk_settings.get("sync/hub_url") == hub.url
        assert desk_settings.get("sync/token") == token
        assert desk_settings.get("sync/enabled") is True
        indicator = window.sync_indicator
        try:
            qtbot.waitUntil(lambda: indicator.text().startswith("● Synced"), timeout=5000)
            window.desk.admit([people[2]])
            qtbot.waitUntil(
                lambda: hub.store.status(stage.info.slug)["checked_in"] == 1, timeout=5000
            )
            # switched off again: the indicator says so at once
            dialog = settings_dialog(qtbot, window)
            assert dialog.hub_url.text() == hub.url and dialog.sync_enabled.isChecked()
            dialog.sync_enabled.setChecked(False)
            dialog.accept()
            qtbot.waitUntil(lambda: indicator.text().startswith("○ Not syncing"), timeout=2000)
            assert desk_settings.get("sync/enabled") is False
            assert desk_settings.get("sync/hub_url") == hub.url  # kept for next time
        finally:
            indicator.service.stop()


def test_a_hub_address_without_http_is_refused_in_the_dialog(qtbot, window, desk_settings):
    dialog = settings_dialog(qtbot, window)
    qtbot.keyClicks(dialog.hub_url, "192.168.1.10:8765")
    qtbot.waitUntil(lambda: dialog.hub_url.text() == "192.168.1.10:8765")
    dialog.accept()
    assert dialog.isVisible() and window.dialog is dialog
    assert dialog.sync_error.isVisible()
    assert dialog.sync_error.text() == "The hub address must start with http:// or https://."
    assert dialog.hub_url.hasFocus()
    dialog.hub_url.setText("http://192.168.1.10:8765/")
    dialog.sync_enabled.setChecked(True)  # no token yet
    dialog.accept()
    assert dialog.isVisible() and "desk token" in dialog.sync_error.text()
    dialog.reject()
    qtbot.waitUntil(lambda: window.dialog is None)
    assert desk_settings.get("sync/hub_url") == ""  # cancelled: nothing stored


def test_badge_layout_and_printer_are_saved(qtbot, window, data_dir, desk_settings):
    desk_settings.set("badges/printer", "Zebra ZD421")  # chosen on a day it was plugged in
    dialog = settings_dialog(qtbot, window)
    layouts = combo_texts(dialog.badge_layout)
    assert len(layouts) == len(layout_names(data_dir)) >= 5
    assert "A6 portrait (lanyard), one per page" in layouts
    assert dialog.badge_layout.currentData() == "a6-portrait"  # the default
    printers = combo_texts(dialog.printer)
    assert printers[0] == "Ask each time / save as PDF"
    assert dialog.printer.currentText() == "Zebra ZD421 (not connected)"
    dialog.badge_layout.setCurrentIndex(layouts.index("CR80 card 85.6 x 54 mm (card printers)"))
    dialog.accept()
    qtbot.waitUntil(lambda: window.dialog is None)
    assert desk_settings.get("badges/layout") == "cr80-card"
    assert desk_settings.get("badges/printer") == "Zebra ZD421"  # kept while unplugged

    dialog = settings_dialog(qtbot, window)
    assert dialog.badge_layout.currentText() == "CR80 card 85.6 x 54 mm (card printers)"
    dialog.printer.setCurrentIndex(0)
    dialog.accept()
    qtbot.waitUntil(lambda: window.dialog is None)
    assert desk_settings.get("badges/printer") == ""


def test_settings_dialog_fits_the_desk_screen_and_tabs_in_reading_order(qtbot, window):
    dialog = settings_dialog(qtbot, window)
    hint = dialog.sizeHint()
    assert hint.width() <= 1366 and hint.height() <= 700
    assert dialog.operator.hasFocus()
    seen = []
    for _ in range(20):
        seen.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    for earlier, later in (
        (dialog.operator, dialog.language),
        (dialog.high_contrast, dialog.camera),
        (dialog.badge_layout, dialog.printer),
        (dialog.printer, dialog.hub_url),
        (dialog.hub_url, dialog.token),
        (dialog.token, dialog.sync_enabled),
    ):
        assert earlier in seen and later in seen
        assert seen.index(earlier) < seen.index(later)
    dialog.reject()


def test_print_badges_opens_the_batch_dialog_and_scans_wait(qtbot, window, stage, people):
    menu_texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert menu_texts[:3] == ["Import registration list…", "Print badges…", "Badge preview…"]
    window.print_badges_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, BatchPrintDialog)
    assert dialog.isVisible() and dialog.windowTitle() == "Print badges"
    assert dialog.count_label.text() == f"{len(people)} badges"
    assert dialog.preview.images  # the first badge, as it will print
    window.submit_scan("EB-1001")  # a scan meanwhile waits
    assert not stage.attendee(people[0].id).checked_in
    dialog.reject()
    qtbot.waitUntil(lambda: stage.attendee(people[0].id).checked_in, timeout=3000)
    assert window.dialog is None
    assert "Nicolò Bertè" in window.banner.shown_text()


def test_badge_preview_of_the_selected_person(qtbot, window, stage, people):
    window.preview_action.trigger()
    assert window.dialog is None
    assert window.notice_text == "Choose one person to preview their badge."
    qtbot.keyClicks(window.scan, "sato")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.preview_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, BadgePreviewDialog) and dialog.isVisible()
    assert "Hiroshi Sato" in dialog.windowTitle()
    assert dialog.layout_box.currentData() == "a6-portrait"
    labels = [label for label in dialog.preview.labels if not label.pixmap().isNull()]
    assert len(labels) == 1  # one side
    duplex = dialog.layout_box.findData("a6-portrait-duplex")
    dialog.layout_box.setCurrentIndex(duplex)
    assert len(dialog.preview.images) == 2  # front and back
    assert not dialog.preview.message.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.dialog is None)
    assert window.scan.hasFocus()


def test_italian_menus_and_settings(qtbot, open_window, stage, people):
    window = open_window(stage, language="it")
    menu_texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert menu_texts[:3] == ["Importa elenco iscritti…", "Stampa badge…", "Anteprima del badge…"]
    dialog = settings_dialog(qtbot, window)
    titles = [box.title() for box in dialog.findChildren(type(dialog.sync_error.parent()))]
    assert titles == ["Postazione", "Badge", "Sincronizzazione con l'hub"]
    assert dialog.hub_url.parent().title() == "Sincronizzazione con l'hub"
    assert dialog.sync_enabled.text() == "Sincronizza automaticamente"
    assert dialog.printer.itemText(0) == "Chiedi ogni volta / salva in PDF"
    dialog.hub_url.setText("192.168.1.10")
    dialog.accept()
    assert dialog.sync_error.text() == "L'indirizzo dell'hub deve iniziare con http:// o https://."
    dialog.reject()
    qtbot.waitUntil(lambda: window.dialog is None)
    qtbot.keyClicks(window.scan, "rossi")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.preview_action.trigger()
    assert window.dialog.windowTitle() == "Anteprima del badge — Marco Rossi"
    window.dialog.reject()
