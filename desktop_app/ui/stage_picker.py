"""The stage picker: the first thing a desk shows, and Stage ▸ Switch stage… afterwards.

It offers the stages on this desk, New stage, Open a stage file, Connect to a hub, a desk
setup code (scanned with the USB scanner into the code field, or pasted) and the demo.
Whatever it makes or fetches, it answers with the slug to open (`chosen`).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import setup_code
from desktop_app.core.desk import Desk, load_desk, rename_desk
from desktop_app.core.errors import RoadshowError
from desktop_app.core.store import Stage, list_stages, stage_path
from desktop_app.ui import text
from desktop_app.ui.settings import Settings, give_stages

CODE_IDLE_MS = 300  # a scanner without Enter: the code is read once the keys stop


def slug_for(title: str, day: str, city: str, data_dir: Path) -> str:
    """A stage slug from its city (else title) and year, unique on this desk."""
    base = unicodedata.normalize("NFKD", city or title).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-")[:40] or "stage"
    slug = f"{base}-{day[:4]}"
    n = 2
    while stage_path(data_dir, slug).exists():
        slug = f"{base}-{day[:4]}-{n}"
        n += 1
    return slug


def join_hub(data_dir: Path, settings: Settings, code: setup_code.SetupCode) -> list[str]:
    """Configure this desk from a setup code and get its stages from the hub.

    Returns the slugs this desk now has (the ones the hub sent). The hub settings apply to
    exactly these stages."""
    from desktop_app.sync.client import SyncClient

    if code.desk_name:
        rename_desk(data_dir, code.desk_name)
    desk = load_desk(data_dir)
    with SyncClient(data_dir, code.hub_url, code.token, desk=desk, timeout=10.0) as client:
        slugs = list(code.stages) or [s["slug"] for s in client.hub.stages()]
        got = []
        for slug in slugs:
            client.sync_stage(slug)
            got.append(slug)
    settings.set("sync/hub_url", code.hub_url.rstrip("/"))
    settings.set("sync/token", code.token)
    settings.set("sync/enabled", True)
    give_stages(settings, got, replace=True)
    return got


class NewStageDialog(QDialog):
    """A new stage: title, date, venue, city, theme, countries of interest."""

    def __init__(self, parent: QWidget | None, data_dir: Path, desk: Desk) -> None:
        super().__init__(parent)
        self.data_dir, self.desk = data_dir, desk
        self.slug: str | None = None
        self.setWindowTitle(self.tr("New stage"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("e.g. Tappa di Bergamo"))
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.venue = QLineEdit(self)
        self.city = QLineEdit(self)
        self.theme = QLineEdit(self)
        self.countries = QLineEdit(self)
        self.countries.setPlaceholderText(self.tr("comma-separated, e.g. India, Vietnam, Brasile"))
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Venue"), self.venue)
        form.addRow(self.tr("City"), self.city)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Countries of interest"), self.countries)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.error.setWordWrap(True)
        self.error.hide()
        form.addRow(self.error)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create the stage"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
        self.title.setFocus()

    def accept(self) -> None:
        title = self.title.text().strip()
        if not title:
            self._say(self.tr("A stage needs a title."))
            self.title.setFocus()
            return
        day = self.date.date().toString("yyyy-MM-dd")
        slug = slug_for(title, day, self.city.text().strip(), self.data_dir)
        try:
            Stage.create(
                self.data_dir,
                slug,
                title=title,
                date=day,
                desk=self.desk,
                venue=self.venue.text(),
                city=self.city.text(),
                theme=self.theme.text(),
                countries=self.countries.text().split(","),
            ).close()
        except RoadshowError as exc:
            self._say(exc.message)
            return
        self.slug = slug
        super().accept()

    def _say(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class ConnectHubDialog(QDialog):
    """Connect to a hub by address and token (when there is no setup code to scan)."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a hub"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("http://192.168.1.10:8765")
        self.token = QLineEdit(self)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Hub address"), self.url)
        form.addRow(self.tr("Desk token"), self.token)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)

    def code(self) -> setup_code.SetupCode:
        return setup_code.SetupCode(self.url.text().strip(), self.token.text().strip(), [], "")


class StagePicker(QDialog):
    """Choose, make or fetch the stage this desk works on."""

    def __init__(
        self,
        parent: QWidget | None,
        stages: list[dict[str, Any]],
        *,
        data_dir: Path | None = None,
        settings: Settings | None = None,
        desk: Desk | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.settings = settings
        self.desk = desk
        self.chosen: str | None = None
        self.demo_requested = False
        self.child: QDialog | None = None  # New stage / Connect to a hub, while open
        self.setWindowTitle(self.tr("Open a stage"))
        self.setMinimumSize(640, 460)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Choose the stage for this desk:"), self))
        self.list = QListWidget(self)
        for s in stages:
            if s.get("error"):
                continue
            label = (
                f"{s['title']} · {text.date_text(s['date'])}  "
                f"({s['checked_in']} / {s['registered']})"
            )
            item = QListWidgetItem(label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, s["slug"])
        layout.addWidget(self.list, 1)
        if not self.list.count():
            empty = QLabel(
                self.tr(
                    "There are no stages on this desk yet: create one, open a stage file, "
                    "connect to the hub, scan the setup code the organizer shows, or try the "
                    "demo stage."
                ),
                self,
            )
            empty.setWordWrap(True)
            layout.addWidget(empty)

        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New stage…"), self)
        self.file_button = QPushButton(self.tr("Open a stage file…"), self)
        self.hub_button = QPushButton(self.tr("Connect to a hub…"), self)
        self.demo_button = QPushButton(self.tr("Open the demo stage"), self)
        for button, slot in (
            (self.new_button, self.new_stage),
            (self.file_button, self.open_file),
            (self.hub_button, self.connect_hub),
            (self.demo_button, self._demo),
        ):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            row.addWidget(button)
        layout.addLayout(row)

        code_box = QGroupBox(self.tr("Desk setup code"), self)
        code_layout = QVBoxLayout(code_box)
        hint = QLabel(
            self.tr(
                "Scan the setup code shown on the organizer's laptop (Add a desk) with the "
                "scanner, or paste it here: the desk is set up with no typing."
            ),
            code_box,
        )
        hint.setWordWrap(True)
        code_layout.addWidget(hint)
        self.code = QLineEdit(code_box)
        self.code.setPlaceholderText("RDS1…")
        self.code.installEventFilter(self)
        self.code.textChanged.connect(lambda _t: self.code_timer.start())
        code_layout.addWidget(self.code)
        self.camera_button = QPushButton(self.tr("Scan it with the webcam"), code_box)
        self.camera_button.setCheckable(True)
        self.camera_button.setAutoDefault(False)
        self.camera_button.toggled.connect(self.set_camera)
        code_layout.addWidget(self.camera_button)
        self.camera: Any = None  # ui.camera.CameraScanner, made when first asked for
        self.camera_preview: QWidget | None = None
        self._code_layout = code_layout
        self.message = QLabel(code_box)
        self.message.setWordWrap(True)
        self.message.setObjectName("pickerMessage")
        code_layout.addWidget(self.message)
        layout.addWidget(code_box)
        self.code_timer = QTimer(self)
        self.code_timer.setSingleShot(True)
        self.code_timer.setInterval(CODE_IDLE_MS)
        self.code_timer.timeout.connect(self._code_idle)

        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.open_button = box.button(QDialogButtonBox.StandardButton.Ok)
        self.open_button.setText(self.tr("Open"))
        self.open_button.setEnabled(self.list.count() > 0)
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.list.setCurrentRow(0)
        if self.list.count():
            self.list.setFocus()
        else:
            self.code.setFocus()  # a first start: the scanner types straight into the code

    # --- the ways to a stage -------------------------------------------------------------

    def _needs(self) -> tuple[Path, Settings, Desk]:
        data_dir = self.data_dir
        if data_dir is None:
            raise RuntimeError("StagePicker needs data_dir for this")
        settings = self.settings or Settings()
        return data_dir, settings, self.desk or load_desk(data_dir)

    def _done(self, slug: str) -> None:
        self.chosen = slug
        super().accept()

    def new_stage(self) -> None:
        data_dir, _settings, desk = self._needs()
        dialog = NewStageDialog(self, data_dir, desk)
        self.child = dialog

        def finished(result: int) -> None:
            self.child = None
            if result == QDialog.DialogCode.Accepted and dialog.slug:
                self._done(dialog.slug)

        dialog.finished.connect(finished)
        dialog.open()

    def open_file(self, path: str | None = None) -> None:
        from desktop_app.core.stagefile import import_stage

        data_dir, _settings, desk = self._needs()
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open a stage file"), "", self.tr("Stage files (*.rdstage);;All (*)")
            )
        if not path:
            return
        try:
            result = import_stage(data_dir, Path(path), desk)
        except RoadshowError as exc:
            self.say(exc.message, error=True)
            return
        except OSError:
            self.say(self.tr("This file cannot be read: %1").replace("%1", Path(path).name), True)
            return
        self._done(result["slug"])

    def connect_hub(self) -> None:
        dialog = ConnectHubDialog(self)
        self.child = dialog

        def finished(result: int) -> None:
            self.child = None
            if result == QDialog.DialogCode.Accepted:
                self.join(dialog.code())

        dialog.finished.connect(finished)
        dialog.open()

    def _code_idle(self) -> None:
        value = self.code.text()
        if setup_code.looks_like_setup_code(value):
            try:
                setup_code.decode(value)
            except setup_code.SetupCodeInvalid:
                return  # still arriving, or damaged: Enter says which
            self.use_code()

    def set_camera(self, on: bool) -> None:
        """The webcam reads the setup QR off the organizer's screen, as the scanner would."""
        if not on:
            if self.camera is not None:
                self.camera.stop()
            if self.camera_preview is not None:
                self.camera_preview.deleteLater()
                self.camera_preview = None
            return
        if self.camera is None:
            from desktop_app.ui.camera import CameraScanner  # zxing-cpp: only when wanted

            self.camera = CameraScanner(self)
            self.camera.scanned.connect(self.camera_scanned)
        preview = self.camera.start(preview_parent=self)
        if preview is False:
            self.camera_button.setChecked(False)
            self.say(
                self.tr(
                    "No camera found on this computer: scan the code with the scanner, or paste it."
                ),
                error=True,
            )
            return
        if isinstance(preview, QWidget):
            preview.setMinimumHeight(180)
            self._code_layout.insertWidget(self._code_layout.indexOf(self.message), preview)
            self.camera_preview = preview
        self.say(self.tr("Hold the setup code shown on the organizer's laptop up to the camera."))

    def camera_scanned(self, value: str) -> None:
        if not setup_code.looks_like_setup_code(value):
            self.say(
                self.tr("That QR code is not a desk setup code: show the one from Add a desk."),
                error=True,
            )
            return
        self.camera_button.setChecked(False)
        self.take_setup_code(value)

    def done(self, result: int) -> None:
        if self.camera is not None:
            self.camera.stop()
        super().done(result)

    def take_setup_code(self, value: str) -> None:
        """A setup code scanned while the picker is open over the desk window."""
        self.code.setText(value.strip())
        self.use_code()

    def use_code(self) -> None:
        self.code_timer.stop()
        value = self.code.text()
        if not value.strip():
            return
        try:
            code = setup_code.decode(value)
        except setup_code.SetupCodeInvalid as exc:
            self.say(exc.message, error=True)
            return
        self.join(code)

    def join(self, code: setup_code.SetupCode) -> None:
        from desktop_app.sync.client import HubRefused, HubUnreachable
        from desktop_app.ui.sync_status import refusal_text

        data_dir, settings, _desk = self._needs()
        self.say(self.tr("Connecting to the hub at %1…").replace("%1", code.hub_url))
        try:
            got = join_hub(data_dir, settings, code)
        except HubRefused as exc:
            self.say(refusal_text(exc, ", ".join(code.stages)) or exc.message, error=True)
            return
        except (HubUnreachable, RoadshowError) as exc:
            self.say(
                exc.message
                + " "
                + self.tr("Check that this laptop is on the venue network and the hub is running."),
                error=True,
            )
            return
        if not got:
            self.say(self.tr("The hub has no stage for this desk yet."), error=True)
            return
        self.desk = load_desk(data_dir)
        self._done(got[0])

    def eventFilter(self, watched, event) -> bool:
        # Enter after a code in the code field ends the code, never "Open"s the list's row
        if (
            watched is self.code
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
        ):
            self.use_code()
            return True
        return super().eventFilter(watched, event)

    def say(self, message: str, error: bool = False) -> None:
        self.message.setText(message)
        self.message.setStyleSheet("color: #b3261e; font-weight: bold;" if error else "")

    def _demo(self) -> None:
        self.demo_requested = True
        super().accept()

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self._done(item.data(Qt.ItemDataRole.UserRole))


def date_warning(stage_date: str, today: date | None = None) -> str:
    """'' on the stage's own day; else the words that make a clerk check the stage."""
    from PySide6.QtCore import QCoreApplication

    today = today or date.today()
    if not stage_date or stage_date == today.isoformat():
        return ""
    return (
        QCoreApplication.translate(
            "StagePicker",
            "This stage is dated %1, but today is %2: check that it is the right stage.",
        )
        .replace("%1", text.date_text(stage_date))
        .replace("%2", text.date_text(today.isoformat()))
    )


def local_stages(data_dir: Path) -> list[dict[str, Any]]:
    return [s for s in list_stages(data_dir) if not s.get("error")]
