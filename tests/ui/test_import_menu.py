"""Stage ▸ Import registration list… from the desk window."""

from desktop_app.ui.import_dialog import ImportDialog


def test_import_from_the_stage_menu_updates_the_counters(open_window, stage, tmp_path, qtbot):
    window = open_window(stage, language="it")
    assert window.import_action.text() == "Importa elenco iscritti…"
    csv = tmp_path / "iscritti.csv"
    csv.write_bytes(
        "Nome;Cognome;Azienda;E-mail\r\nNicolò;Bertè;Officine;n.berte@example.test\r\n".encode(
            "cp1252"
        )
    )
    window.import_action.trigger()
    dialog = window.import_dialog
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    dialog.load_file(csv)
    dialog.check()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        dialog.run_import()
    assert [a.last_name for a in stage.search("berte")] == ["Bertè"]
    qtbot.waitUntil(lambda: window.present_label.text().endswith("0 / 1"), timeout=3000)
    window.submit_scan("ZZ-NOBODY")  # a scan while the dialog is open waits in the queue
    assert list(window.queued) == ["ZZ-NOBODY"]
    dialog.close()
    qtbot.waitUntil(lambda: not window.queued, timeout=3000)
    assert "Non trovato" in window.banner.shown_text()
