"""Starting the desk, its languages, its settings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.core import checkin
from desktop_app.core.desk import load_desk
from desktop_app.core.store import list_stages
from desktop_app.ui import app as ui_app
from desktop_app.ui import text
from desktop_app.ui.i18n import catalogs
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.ui.sounds import Sounds, sound_file


def test_italian_desk(qtbot, open_window, stage, people):
    window = open_window(stage, language="it")
    assert window.stage_label.text() == "Tappa di Bergamo · 12/03/2026"
    assert window.scan.placeholderText() == "Scansiona il QR o digita un nome…"
    assert [b.text() for b in window.key_buttons] == [
        "F2 Nuovo iscritto",
        "F3 Stampa badge",
        "F4 Annulla ingresso",
        "F5 Modifica",
    ]
    qtbot.keyClicks(window.scan, "EB-1001")
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    assert window.banner.outcome.text() == "✔  Ingresso confermato"
    assert "Impresa · Export Manager" in window.banner.shown_text()
    qtbot.keyClicks(window.scan, "EB-1001")
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    when = text.time_text(stage.attendee(people[0].id).checked_in_at)
    assert window.banner.outcome.text() == f"⟲  Già entrato alle {when} ({stage.desk.name})"
    qtbot.waitUntil(lambda: window.present_label.text() == "Presenti 1 / 5")
    window.submit_scan("ZZ99999")
    assert window.banner.outcome.text() == "✖  Non trovato: cerca per nome o registra"
    # the other screens' words come in Italian too (lupdate's catalogue and the hand-kept one)
    translate = QCoreApplication.translate
    assert translate("SyncStatus", "Offline") == "Non in linea"
    assert translate("printing", "Print badge") == "Stampa badge"
    assert translate("ReportsWindow", "By sector") == "Per settore"


def test_catalogues_are_complete():
    for source in catalogs("it") + catalogs("en"):
        body = source.read_text("utf-8")
        assert 'type="unfinished"' not in body, f"{source.name} has untranslated strings"
    assert [p.name for p in catalogs("it")] == ["desk_it.ts", "modules_it.ts", "roadshow_it.ts"]


def test_english_dates(open_window, stage):
    window = open_window(stage, language="en")
    assert window.stage_label.text() == "Tappa di Bergamo · 12 Mar 2026"


def test_settings_dialog_renames_the_desk(qtbot, window, stage, data_dir, desk_settings):
    window.open_settings()
    dialog = window.dialog
    assert isinstance(dialog, SettingsDialog)
    dialog.desk_name.setText("Desk 2")
    dialog.operator.setText("Paolo")
    dialog.sounds.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: window.dialog is None)
    assert load_desk(data_dir).name == "Desk 2"
    assert window.desk_label.text() == "Desk 2 · Paolo"
    assert desk_settings.get("desk/operator") == "Paolo"
    assert desk_settings.get("checkin/sounds") is True and window.sounds.enabled
    qtbot.keyClicks(window.scan, "ros ma")
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    last = list(stage.events())[-1]
    assert (last.kind, last.desk_name, last.operator) == ("checkin", "Desk 2", "Paolo")


def test_session_door(qtbot, open_window, stage, people, desk_settings):
    stage.record(
        "session_defined",
        None,
        {"session_id": "S1", "fields": {"name": "Workshop India", "capacity": 1}},
    )
    desk_settings.set("checkin/session_id", "S1")
    window = open_window(stage)
    assert "Workshop India" in window.results_hint.text()
    window.submit_scan(people[0].code)
    assert window.banner.status == checkin.CHECKED_IN
    assert stage.session_attendance("S1", people[0].id)
    window.submit_scan(people[1].code)
    assert window.banner.outcome.text() == "⊠  Session full"
    qtbot.waitUntil(lambda: window.dialog is not None)  # offers to let them in anyway
    window.dialog.accept()
    qtbot.waitUntil(lambda: window.banner.status == checkin.CHECKED_IN)
    assert stage.session_attendance("S1", people[1].id)


def test_sounds_are_harmless_without_an_audio_device(qtbot):
    sounds = Sounds(enabled=True)
    for outcome in checkin.OUTCOMES:
        assert sound_file(outcome).exists()
        sounds.play(outcome)
    assert sounds.last_played == checkin.OUTCOMES[-1] or not sounds.enabled


def test_demo_opens_the_demo_stage(qtbot, data_dir, monkeypatch, tmp_path):
    monkeypatch.setattr(
        ui_app,
        "QSettings",
        lambda *a: QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    seen = {}

    def look_and_close():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        window = windows[-1]
        seen["title"] = window.stage.info.title
        seen["present"] = window.present_label.text()
        window.close()  # the last window closed ends the app, as for a clerk

    QTimer.singleShot(300, look_and_close)
    safety = QTimer()
    safety.setSingleShot(True)
    safety.timeout.connect(QApplication.instance().quit)
    safety.start(10_000)
    assert ui_app.run(data_dir, None, demo=True, desk_label="Desk 1") == 0
    safety.stop()  # a stray quit would end every later event loop of the test session
    assert seen["title"] == "Tappa di Bergamo"
    assert seen["present"].startswith("Present ") or seen["present"].startswith("Presenti ")
    assert [s["slug"] for s in list_stages(data_dir)] == ["demo-bergamo"]


def test_start_opens_the_last_stage_or_the_only_one(make_stage, data_dir, desk, desk_settings):
    make_stage("bergamo-2026")
    assert ui_app._choose_slug(data_dir, None, desk_settings, desk) == "bergamo-2026"
    make_stage("brescia-2026", title="Tappa di Brescia")
    desk_settings.set("ui/last_stage", "brescia-2026")
    assert ui_app._choose_slug(data_dir, None, desk_settings, desk) == "brescia-2026"
    assert ui_app._choose_slug(data_dir, "bergamo-2026", desk_settings, desk) == "bergamo-2026"
