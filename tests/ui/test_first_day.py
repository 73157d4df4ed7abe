"""The organizer's and a desk's first day in the window, with no command line (issue 11):
new stage, the hub on this laptop (a real process on 127.0.0.1), Add a desk, a second desk
paired by scanning its setup code, a check-in seen on both, Switch stage, the date warning."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from desktop_app.core import setup_code
from desktop_app.core.desk import load_desk
from desktop_app.core.store import Stage, list_stages
from desktop_app.sync.hubstore import HubStore
from desktop_app.ui import app as ui_app
from desktop_app.ui import workers
from desktop_app.ui.add_desk import AddDeskDialog
from desktop_app.ui.settings import Settings, given_stages
from desktop_app.ui.stage_picker import NewStageDialog, StagePicker, date_warning, local_stages
from desktop_app.ui.venue_hub import VenueHubDialog, venue_hub

SHOTS = Path("/tmp/shots")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_settings(path: Path) -> Settings:
    s = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    s.set("ui/language", "en")
    s.set("checkin/sounds", False)
    s.set("sync/interval_s", 0.3)
    return s


def scanner_types(widget, value: str, suffix=Qt.Key.Key_Return) -> None:
    """A USB scanner in keyboard mode: Shift before each capital, then Enter."""
    for ch in value:
        if ch.isalpha() and ch.isupper():
            QApplication.sendEvent(
                widget,
                QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier),
            )
            mods = Qt.KeyboardModifier.ShiftModifier
        else:
            mods = Qt.KeyboardModifier.NoModifier
        key = Qt.Key(ord(ch.upper()))
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key, mods, ch))
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyRelease, key, mods, ch))
        if mods == Qt.KeyboardModifier.ShiftModifier:
            QApplication.sendEvent(
                widget,
                QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier),
            )
    if suffix is not None:
        QApplication.sendEvent(
            widget, QKeyEvent(QEvent.Type.KeyPress, suffix, Qt.KeyboardModifier.NoModifier)
        )


def shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


@pytest.fixture
def opened():
    windows = []
    workers.set_inline(True)
    yield windows
    for w in windows:
        indicator = getattr(w, "sync_indicator", None)
        if indicator is not None:
            indicator.service.stop()
        w.close()
        w.stage.close()
    ui_app._open_windows.clear()
    workers.set_inline(False)


def test_first_start_picker_makes_a_new_stage_and_warns_on_another_day(qtbot, tmp_path, opened):
    data_dir = tmp_path / "organizer"
    data_dir.mkdir()
    settings = make_settings(tmp_path / "org.ini")
    picker = StagePicker(
        None, local_stages(data_dir), data_dir=data_dir, settings=settings, desk=load_desk(data_dir)
    )
    qtbot.addWidget(picker)
    picker.show()
    labels = [
        b.text()
        for b in (picker.new_button, picker.file_button, picker.hub_button, picker.demo_button)
    ]
    assert labels == [
        "New stage…",
        "Open a stage file…",
        "Connect to a hub…",
        "Open the demo stage",
    ]
    shot(picker, "picker.png")
    picker.new_stage()
    form = picker.child
    assert isinstance(form, NewStageDialog)
    form.accept()  # no title: refused in words
    assert form.isVisible() and form.error.text() == "A stage needs a title."
    form.title.setText("Tappa di Brescia")
    form.date.setDate(QDate(2026, 5, 20))
    form.venue.setText("Fiera")
    form.city.setText("Brescia")
    form.theme.setText("Energia")
    form.countries.setText("India, Vietnam")
    form.accept()
    assert picker.chosen == "brescia-2026" and picker.result() == StagePicker.DialogCode.Accepted
    stage = Stage.open(data_dir, "brescia-2026", load_desk(data_dir))
    assert (stage.info.venue, stage.info.city, stage.info.theme) == ("Fiera", "Brescia", "Energia")
    assert stage.info.countries == ["India", "Vietnam"]
    window = ui_app.open_stage_window(data_dir, stage, settings)
    opened.append(window)
    assert "This stage is dated 20 May 2026, but today is" in window.notice_text
    assert date_warning(stage.info.date, today=__import__("datetime").date(2026, 5, 20)) == ""


def test_stage_menu_switches_to_another_stage(qtbot, tmp_path, opened):
    data_dir = tmp_path / "d"
    data_dir.mkdir()
    settings = make_settings(tmp_path / "s.ini")
    desk = load_desk(data_dir)
    Stage.create(
        data_dir, "bergamo-2026", title="Tappa di Bergamo", date="2026-03-12", desk=desk
    ).close()
    Stage.create(
        data_dir, "varese-2026", title="Tappa di Varese", date="2026-06-01", desk=desk
    ).close()
    window = ui_app.open_stage_window(
        data_dir, Stage.open(data_dir, "bergamo-2026", desk), settings
    )
    opened.append(window)
    assert window.switch_action.text() == "Switch stage…"
    window.switch_action.trigger()
    picker = window.dialog
    assert isinstance(picker, StagePicker)
    rows = [picker.list.item(i).text() for i in range(picker.list.count())]
    assert any("Tappa di Varese" in r for r in rows)
    picker.list.setCurrentRow([i for i, r in enumerate(rows) if "Varese" in r][0])
    picker.accept()
    qtbot.waitUntil(lambda: any(w.stage.info.slug == "varese-2026" for w in ui_app._open_windows))
    new = next(w for w in ui_app._open_windows if w.stage.info.slug == "varese-2026")
    opened.remove(window)
    opened.append(new)
    assert new.windowTitle() == "Roadshow Desk — Tappa di Varese"
    assert not window.isVisible() and new.isVisible()
    assert settings.get("ui/last_stage") == "varese-2026"


def test_first_day_hub_on_this_laptop_and_a_desk_paired_by_scanning(qtbot, tmp_path, opened):
    # --- the organizer's laptop -----------------------------------------------------------
    org_dir = tmp_path / "organizer"
    org_dir.mkdir()
    org_settings = make_settings(tmp_path / "org.ini")
    org_desk = load_desk(org_dir)
    stage = Stage.create(
        org_dir, "bergamo-2026", title="Tappa di Bergamo", date="2026-03-12", desk=org_desk
    )
    people = [
        stage.new_attendee({"first_name": f"Persona{i}", "last_name": "Rossi"}) for i in range(3)
    ]
    org_window = ui_app.open_stage_window(org_dir, stage, org_settings)
    opened.append(org_window)
    org_window.venue_hub_action.trigger()
    hub_dialog = org_window.dialog
    assert isinstance(hub_dialog, VenueHubDialog)
    assert "only on the venue's own network" in hub_dialog.warning.text()
    port = free_port()
    hub_dialog.port.setValue(port)
    hub_dialog.start(host="127.0.0.1")  # a test talks to this machine only
    hub = venue_hub(org_dir)
    try:
        assert hub.wait_running(20000), hub.error
        assert hub.process is not None  # its own process, not a thread of the desk
        assert hub_dialog.address.text() == f"http://127.0.0.1:{port}"
        # this laptop is the organizer desk of its hub: the open stage is published
        qtbot.waitUntil(
            lambda: org_window.sync_indicator.text().startswith("● Synced"), timeout=10000
        )
        assert given_stages(org_settings) == ["bergamo-2026"]

        hub_dialog.add_desk()
        add = hub_dialog.add_dialog
        assert isinstance(add, AddDeskDialog)
        add.add_desk()
        assert add.desk_name == "Desk 2" and add.code_text.startswith("RDS1")
        assert not add.qr.pixmap().isNull()
        shot(add, "add_desk.png")
        # the QR on screen reads back as the code (QR alphanumeric mode: scanner-safe)
        import zxingcpp
        from PIL import Image

        add.qr.pixmap().save(str(tmp_path / "qr.png"))
        read = zxingcpp.read_barcodes(Image.open(tmp_path / "qr.png"))
        assert [r.text for r in read] == [add.code_text]
        code = add.code_text
        assert setup_code.decode(code).hub_url == f"http://127.0.0.1:{port}"

        # --- the new desk: a fresh laptop, the picker, the code scanned --------------------
        org_window.hide()  # another laptop: this one's scan guard is not in the way
        desk_dir = tmp_path / "desk1"
        desk_dir.mkdir()
        desk_settings = make_settings(tmp_path / "desk1.ini")
        picker = StagePicker(
            None, [], data_dir=desk_dir, settings=desk_settings, desk=load_desk(desk_dir)
        )
        qtbot.addWidget(picker)
        picker.show()
        qtbot.waitExposed(picker)
        scanner_types(picker.code, code)
        qtbot.waitUntil(lambda: picker.chosen is not None, timeout=10000)
        assert picker.chosen == "bergamo-2026", picker.message.text()
        assert load_desk(desk_dir).name == "Desk 2"
        assert desk_settings.get("sync/hub_url") == f"http://127.0.0.1:{port}"
        assert given_stages(desk_settings) == ["bergamo-2026"]
        assert [s["slug"] for s in list_stages(desk_dir)] == ["bergamo-2026"]
        desk_stage = Stage.open(desk_dir, "bergamo-2026", load_desk(desk_dir))
        desk_window = ui_app.open_stage_window(desk_dir, desk_stage, desk_settings)
        opened.append(desk_window)
        qtbot.waitUntil(
            lambda: desk_window.sync_indicator.text().startswith("● Synced"), timeout=10000
        )
        # a check-in at the organizer's desk shows up at Desk 2
        org_window.show()
        org_window.desk.admit([people[0]])
        qtbot.waitUntil(lambda: desk_stage.counts()["checked_in"] == 1, timeout=10000)
        desk_window.desk.admit([desk_stage.attendee(people[1].id)])
        qtbot.waitUntil(lambda: stage.counts()["checked_in"] == 2, timeout=10000)

        # the hub screen shows the desk and its last contact
        qtbot.waitUntil(
            lambda: (
                (hub_dialog.refresh_desks() or True)
                and hub_dialog.table.rowCount() == 1
                and hub_dialog.table.item(0, 2).text() == "paired"
                and hub_dialog.table.item(0, 3).text() != "never"
            ),
            timeout=15000,
        )
        # revoke from the same screen (confirmed): the desk is refused in plain words
        add.desks.setCurrentRow(0)
        add.revoke_selected()
        assert (
            add.confirm is not None
            and "Revoke Desk 2?" in add.confirm.findChild(type(add.message)).text()
        )
        add.confirm.accept()
        with HubStore(hub.db) as store:
            assert next(d for d in store.list_desks() if d["name"] == "Desk 2")["revoked"]
        service = desk_window.sync_indicator.service
        qtbot.waitUntil(lambda: service.status.state == "refused", timeout=15000)
        assert "revoked this desk's token" in service.status.message
        # replace: a new code for the same desk name and stages
        add.desks.setCurrentRow(0)
        add.replace_selected()
        add.confirm.accept()
        replaced = setup_code.decode(add.code_text)
        assert replaced.desk_name == "Desk 2" and replaced.stages == ["bergamo-2026"]
        assert replaced.token != setup_code.decode(code).token
        add.add_desk()
        assert add.desk_name == "Desk 3"  # unique on the hub (the organizer's laptop is Desk 1)
        add.close()
    finally:
        hub_dialog.done(0)
        hub.stop()
    assert hub.process is None and hub.state == "stopped"


def test_a_setup_code_scanned_at_the_desk_is_never_a_search(qtbot, tmp_path, opened):
    data_dir = tmp_path / "d"
    data_dir.mkdir()
    settings = make_settings(tmp_path / "s.ini")
    desk = load_desk(data_dir)
    stage = Stage.create(
        data_dir, "bergamo-2026", title="Tappa di Bergamo", date="2026-03-12", desk=desk
    )
    window = ui_app.open_stage_window(data_dir, stage, settings)
    opened.append(window)
    qtbot.waitExposed(window)
    code = setup_code.encode(
        setup_code.SetupCode(f"http://127.0.0.1:{free_port()}", "rdk_x_y", ["bergamo-2026"], "")
    )
    scanner_types(window.scan, code)
    qtbot.waitUntil(lambda: "desk setup code" in window.notice_text, timeout=3000)
    assert window.model.people == [] and window.scan.text() == ""
    # with the picker open (Stage ▸ Switch stage…) the scanner's code goes to the picker
    window.switch_action.trigger()
    picker = window.dialog
    assert isinstance(picker, StagePicker)
    scanner_types(picker.code, code)
    qtbot.waitUntil(lambda: "cannot be reached" in picker.message.text(), timeout=10000)
    assert "venue network" in picker.message.text()
    assert settings.get("sync/token") == ""  # nothing configured from a hub that never answered
    picker.reject()


def test_the_picker_hub_and_add_desk_screens_speak_italian(qtbot, tmp_path):
    data_dir = tmp_path / "d"
    data_dir.mkdir()
    it = make_settings(tmp_path / "it.ini")
    it.set("ui/language", "it")
    app = ui_app.application()
    ui_app.install_language(app, it, tmp_path / "cache")
    try:
        picker = StagePicker(None, [], data_dir=data_dir, settings=it, desk=load_desk(data_dir))
        qtbot.addWidget(picker)
        assert picker.new_button.text() == "Nuova tappa…"
        assert picker.hub_button.text() == "Collegati a un hub…"
        assert picker.camera_button.text() == "Inquadralo con la webcam"
        hub_dialog = VenueHubDialog(None, data_dir, it, None)
        qtbot.addWidget(hub_dialog)
        assert hub_dialog.start_button.text() == "Avvia l'hub"
        assert "solo sulla rete della sede" in hub_dialog.warning.text()
        add = AddDeskDialog(None, data_dir, it, None)
        qtbot.addWidget(add)
        assert add.windowTitle() == "Aggiungi una postazione"
        assert "Prima avvia l'hub" in add.message.text()
        hub_dialog.done(0)
    finally:
        en = make_settings(tmp_path / "en.ini")
        ui_app.install_language(app, en, tmp_path / "cache")


def test_picker_connects_to_a_hub_and_opens_a_stage_file(qtbot, tmp_path):
    from desktop_app.core.stagefile import export_stage
    from desktop_app.sync.client import SyncClient
    from desktop_app.sync.hub import HubThread
    from desktop_app.ui.stage_picker import ConnectHubDialog

    org_dir = tmp_path / "org"
    org_dir.mkdir()
    with HubThread(tmp_path / "hub.sqlite") as hub:
        admin = hub.store.add_desk("Organizer", admin=True)
        with Stage.create(
            org_dir,
            "varese-2026",
            title="Tappa di Varese",
            date="2026-06-01",
            desk=load_desk(org_dir),
        ) as stage:
            stage.new_attendee({"first_name": "Anna", "last_name": "Bertelli"})
            with SyncClient(org_dir, hub.url, admin) as client:
                client.sync_stage("varese-2026", stage)
            export_stage(stage, tmp_path / "varese.rdstage")
        token = hub.store.add_desk("Desk 1", stages=["varese-2026"])
        desk_dir = tmp_path / "desk"
        desk_dir.mkdir()
        settings = make_settings(tmp_path / "desk.ini")
        picker = StagePicker(
            None, [], data_dir=desk_dir, settings=settings, desk=load_desk(desk_dir)
        )
        qtbot.addWidget(picker)
        picker.show()
        picker.connect_hub()
        form = picker.child
        assert isinstance(form, ConnectHubDialog)
        form.url.setText(hub.url)
        form.token.setText(token)
        form.accept()
        assert picker.chosen == "varese-2026", picker.message.text()
        assert given_stages(settings) == ["varese-2026"]
        with Stage.open(desk_dir, "varese-2026", load_desk(desk_dir)) as copy:
            assert copy.counts()["registered"] == 1
    # no network at all: the stage file
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    picker = StagePicker(None, [], data_dir=other_dir, settings=make_settings(tmp_path / "o.ini"))
    qtbot.addWidget(picker)
    picker.open_file(str(tmp_path / "nope.rdstage"))
    assert picker.chosen is None
    assert picker.message.text() == "This file cannot be read: nope.rdstage"
    (tmp_path / "bad.rdstage").write_bytes(b"not a stage file")
    picker.open_file(str(tmp_path / "bad.rdstage"))
    assert picker.chosen is None and picker.message.text()  # refused in words
    picker.open_file(str(tmp_path / "varese.rdstage"))
    assert picker.chosen == "varese-2026"
    assert [s["slug"] for s in list_stages(other_dir)] == ["varese-2026"]


def test_the_picker_reads_a_setup_code_from_webcam_frames(qtbot, tmp_path):
    """No camera on this machine: frames are images of the QR on the organizer's screen, fed
    to the same decoder the webcam's frames go to."""
    from desktop_app.ui.add_desk import qr_pixmap

    data_dir = tmp_path / "desk"
    data_dir.mkdir()
    workers.set_inline(True)
    try:
        picker = StagePicker(
            None,
            [],
            data_dir=data_dir,
            settings=make_settings(tmp_path / "s.ini"),
            desk=load_desk(data_dir),
        )
        qtbot.addWidget(picker)
        picker.show()
        picker.camera_button.setChecked(True)
        if picker.camera_preview is None:  # no camera here: said, and the button goes off
            assert "No camera found" in picker.message.text()
            assert not picker.camera_button.isChecked()
        assert picker.camera is not None  # the webcam's decoder, fed frames below
        # a ticket held up by mistake is not taken for a setup code
        picker.camera.feed_image(qr_pixmap("RD1" + "A" * 118).toImage())
        assert "not a desk setup code" in picker.message.text()
        # the setup code: read off the frame, decoded, and the desk tries that hub
        port = free_port()  # nobody listens there
        code = setup_code.encode(
            setup_code.SetupCode(
                f"http://127.0.0.1:{port}", "tok-" + "x" * 20, ["bergamo-2026"], "Desk 2"
            )
        )
        picker.camera._last_text = ""
        picker.camera.feed_image(qr_pixmap(code).toImage())
        qtbot.waitUntil(lambda: "venue network" in picker.message.text(), timeout=10000)
        assert picker.code.text() == code.strip() and picker.chosen is None
    finally:
        workers.set_inline(False)
