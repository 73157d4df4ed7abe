"""The desk's settings: desk name, operator, language, sounds, camera, session door, badges
(layout, printer) and the sync hub (address, desk token, on/off).

Three group boxes in two columns, so the whole dialog fits a 1366x768 screen without tabs to
hunt through; Tab walks the fields in reading order, Enter saves, Esc cancels."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.desk import Desk, rename_desk
from desktop_app.core.errors import RoadshowError
from desktop_app.core.store import Stage
from desktop_app.ui.i18n import LANGUAGES
from desktop_app.ui.settings import Settings, give_stages, given_stages


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, settings: Settings, data_dir: Path, stage: Stage):
        super().__init__(parent)
        self.settings = settings
        self.data_dir = data_dir
        self.desk: Desk = stage.desk
        self.stage_slug = stage.info.slug
        self.stage_is_demo = stage.is_demo
        self.language_changed = False
        self.sync_changed = False
        self.setWindowTitle(self.tr("Desk settings"))

        # --- the desk (left column) ---
        desk_box = QGroupBox(self.tr("Desk"), self)
        form = QFormLayout(desk_box)
        self.desk_name = QLineEdit(stage.desk.name, desk_box)
        self.operator = QLineEdit(settings.get("desk/operator"), desk_box)
        self.language = QComboBox(desk_box)
        self.language.addItem(self.tr("System language"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("ui/language"))))
        self.session = QComboBox(desk_box)
        self.session.addItem(self.tr("Stage entrance"), "")
        for s in stage.sessions():
            self.session.addItem(s["name"], s["id"])
        self.session.setCurrentIndex(
            max(0, self.session.findData(settings.get("checkin/session_id")))
        )
        self.sounds = QCheckBox(self.tr("Play a sound for each scan"), desk_box)
        self.sounds.setChecked(settings.get("checkin/sounds"))
        self.idle_ms = QSpinBox(desk_box)
        self.idle_ms.setRange(50, 1000)
        self.idle_ms.setSuffix(" ms")
        self.idle_ms.setValue(settings.get("checkin/scan_idle_ms"))
        self.font_scale = QDoubleSpinBox(desk_box)
        self.font_scale.setRange(0.8, 2.0)
        self.font_scale.setSingleStep(0.1)
        self.font_scale.setValue(settings.get("ui/font_scale"))
        self.high_contrast = QCheckBox(self.tr("High contrast (next start)"), desk_box)
        self.high_contrast.setChecked(settings.get("ui/high_contrast"))
        form.addRow(self.tr("Desk name"), self.desk_name)
        form.addRow(self.tr("Operator"), self.operator)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Session door"), self.session)
        form.addRow("", self.sounds)
        form.addRow(self.tr("Scanner idle timeout"), self.idle_ms)
        form.addRow(self.tr("Text size (next start)"), self.font_scale)
        form.addRow("", self.high_contrast)

        self.camera = QCheckBox(self.tr("Scan QR codes with the camera"), desk_box)
        self.camera.setChecked(settings.get("camera/enabled"))
        self.camera_device = QComboBox(desk_box)
        self.camera_device.addItem(self.tr("Default camera"), "")
        for name in _camera_names():
            self.camera_device.addItem(name, name)
        self.camera_device.setCurrentIndex(
            max(0, self.camera_device.findData(settings.get("camera/device")))
        )
        form.addRow("", self.camera)
        form.addRow(self.tr("Camera"), self.camera_device)

        # --- badges and sync (right column) ---
        badges_box = QGroupBox(self.tr("Badges"), self)
        form = QFormLayout(badges_box)
        self.badge_layout = QComboBox(badges_box)
        for name, title in _layouts(data_dir):
            self.badge_layout.addItem(title, name)
        _choose(self.badge_layout, settings.get("badges/layout"), self.tr("%1 (not found)"))
        self.printer = QComboBox(badges_box)
        self.printer.addItem(self.tr("Ask each time / save as PDF"), "")
        for name in _printer_names():
            self.printer.addItem(name, name)
        _choose(self.printer, settings.get("badges/printer"), self.tr("%1 (not connected)"))
        self.auto_print = QCheckBox(self.tr("Print a badge at check-in"), badges_box)
        self.auto_print.setChecked(settings.get("badges/auto_print"))
        self.badges_error = _error_label(badges_box)
        form.addRow(self.tr("Badge layout"), self.badge_layout)
        form.addRow(self.tr("Badge printer"), self.printer)
        form.addRow("", self.auto_print)
        form.addRow(self.badges_error)

        sync_box = QGroupBox(self.tr("Sync with the hub"), self)
        form = QFormLayout(sync_box)
        self.hub_url = QLineEdit(settings.get("sync/hub_url"), sync_box)
        self.hub_url.setPlaceholderText("http://192.168.1.10:8765")
        self.token = QLineEdit(settings.get("sync/token"), sync_box)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_token = QCheckBox(self.tr("Show"), sync_box)
        self.show_token.toggled.connect(
            lambda on: self.token.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        token_row = QHBoxLayout()
        token_row.addWidget(self.token, 1)
        token_row.addWidget(self.show_token)
        self.sync_enabled = QCheckBox(self.tr("Sync automatically"), sync_box)
        self.sync_enabled.setChecked(settings.get("sync/enabled"))
        self.sync_error = _error_label(sync_box)
        if self.stage_is_demo:
            self.sync_note = QLabel(
                self.tr("This is the demo stage: it never syncs. The hub applies to real stages."),
                sync_box,
            )
        else:
            self.sync_note = QLabel(
                self.tr(
                    "Saving with sync on makes this desk sync the stage '%1' with the hub."
                ).replace("%1", self.stage_slug),
                sync_box,
            )
        self.sync_note.setWordWrap(True)
        form.addRow(self.sync_note)
        form.addRow(self.tr("Hub address"), self.hub_url)
        form.addRow(self.tr("Desk token"), token_row)
        form.addRow("", self.sync_enabled)
        form.addRow(self.sync_error)

        for combo in (self.session, self.camera_device, self.badge_layout, self.printer):
            # long names (layout titles, printer queues) must not widen the dialog
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(22)

        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(desk_box)
        left.addStretch(1)
        right.addWidget(badges_box)
        right.addWidget(sync_box)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        self.buttons = box
        root = QVBoxLayout(self)
        root.addLayout(columns)
        root.addWidget(box)

        order = [
            self.desk_name,
            self.operator,
            self.language,
            self.session,
            self.sounds,
            self.idle_ms,
            self.font_scale,
            self.high_contrast,
            self.camera,
            self.camera_device,
            self.badge_layout,
            self.printer,
            self.auto_print,
            self.hub_url,
            self.token,
            self.show_token,
            self.sync_enabled,
            box,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.operator.setFocus()

    def problem(self) -> tuple[str, QWidget | None]:
        """Why the settings cannot be saved as they are, and the field to fix ('' when none)."""
        if self.auto_print.isChecked() and not self.printer.currentData():
            return _tr("To print a badge at check-in, choose the badge printer."), self.printer
        url = self.hub_url.text().strip()
        if url and not url.startswith(("http://", "https://")):
            return self.tr("The hub address must start with http:// or https://."), self.hub_url
        if self.sync_enabled.isChecked() and not (url and self.token.text().strip()):
            message = self.tr("To sync automatically, fill in the hub address and the desk token.")
            return message, self.token if url else self.hub_url
        return "", None

    def accept(self) -> None:
        message, field = self.problem()
        badges = field in (self.printer, self.auto_print)
        for label, mine in ((self.badges_error, badges), (self.sync_error, not badges)):
            label.setText(message if mine else "")
            label.setVisible(bool(message) and mine)
        if field is not None:
            self.adjustSize()  # room for the message, wrapped
            field.setFocus()
            return
        super().accept()

    def save(self) -> None:
        s = self.settings
        name = self.desk_name.text().strip()
        if name and name != self.desk.name:
            self.desk = rename_desk(self.data_dir, name)
        s.set("desk/operator", self.operator.text().strip())
        language = self.language.currentData()
        self.language_changed = language != s.get("ui/language")
        s.set("ui/language", language)
        s.set("checkin/sounds", self.sounds.isChecked())
        s.set("camera/enabled", self.camera.isChecked())
        s.set("camera/device", self.camera_device.currentData())
        s.set("checkin/session_id", self.session.currentData())
        s.set("badges/auto_print", self.auto_print.isChecked())
        s.set("badges/layout", self.badge_layout.currentData() or s.get("badges/layout"))
        s.set("badges/printer", self.printer.currentData())
        s.set("checkin/scan_idle_ms", self.idle_ms.value())
        s.set("ui/font_scale", self.font_scale.value())
        s.set("ui/high_contrast", self.high_contrast.isChecked())
        sync = (
            self.hub_url.text().strip().rstrip("/"),
            self.token.text().strip(),
            self.sync_enabled.isChecked(),
        )
        self.sync_changed = sync != (
            s.get("sync/hub_url"),
            s.get("sync/token"),
            s.get("sync/enabled"),
        )
        s.set("sync/hub_url", sync[0])
        s.set("sync/token", sync[1])
        s.set("sync/enabled", sync[2])
        if sync[2] and sync[0] and sync[1] and not self.stage_is_demo:
            # the hub settings belong to the stages this desk was given: this one now
            before = given_stages(s)
            give_stages(s, [self.stage_slug])
            self.sync_changed = self.sync_changed or given_stages(s) != before


def _tr(text: str) -> str:
    """Words kept by hand in resources/i18n/modules_it.ts (lupdate does not see them)."""
    return QCoreApplication.translate("SettingsDialog", text)


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("settingsError")
    label.setStyleSheet("color: #b3261e; font-weight: bold;")
    label.setWordWrap(True)
    label.hide()
    return label


def _choose(combo: QComboBox, value: str, missing: str) -> None:
    """Select the stored value; one that is no longer offered stays, marked, so saving keeps it."""
    index = combo.findData(value)
    if index < 0 and value:
        combo.addItem(missing.replace("%1", value), value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(0, index))


def _layouts(data_dir: Path) -> list[tuple[str, str]]:
    """(name, title) of every layout shipped or installed by the organizer."""
    from desktop_app.badges import layout_names, load_layout

    try:
        from desktop_app.ui.printing import layout_title
    except ImportError:  # no Qt print support on this machine: the English title
        layout_title = None
    out = []
    for name in layout_names(data_dir):
        try:
            layout = load_layout(name, data_dir)
            title = layout_title(layout) if layout_title else layout.title or name
            out.append((name, title))
        except RoadshowError:
            continue  # a broken organizer layout: `roadshow badges` says what is wrong
    return out


def _printer_names() -> list[str]:
    try:
        from PySide6.QtPrintSupport import QPrinterInfo
    except ImportError:
        return []
    return list(QPrinterInfo.availablePrinterNames())


def _camera_names() -> list[str]:
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return []
    return [d.description() for d in QMediaDevices.videoInputs()]
