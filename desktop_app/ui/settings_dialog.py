"""The desk's settings: desk name, operator, language, sounds, camera, session door."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop_app.core.desk import Desk, rename_desk
from desktop_app.core.store import Stage
from desktop_app.ui.i18n import LANGUAGES
from desktop_app.ui.settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, settings: Settings, data_dir: Path, stage: Stage):
        super().__init__(parent)
        self.settings = settings
        self.data_dir = data_dir
        self.desk: Desk = stage.desk
        self.language_changed = False
        self.setWindowTitle(self.tr("Desk settings"))
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        self.desk_name = QLineEdit(stage.desk.name, self)
        self.operator = QLineEdit(settings.get("desk/operator"), self)
        self.language = QComboBox(self)
        self.language.addItem(self.tr("System language"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("ui/language"))))
        self.sounds = QCheckBox(self.tr("Play a sound for each scan"), self)
        self.sounds.setChecked(settings.get("checkin/sounds"))
        self.camera = QCheckBox(self.tr("Scan QR codes with the camera"), self)
        self.camera.setChecked(settings.get("camera/enabled"))
        self.camera_device = QComboBox(self)
        self.camera_device.addItem(self.tr("Default camera"), "")
        for name in _camera_names():
            self.camera_device.addItem(name, name)
        self.camera_device.setCurrentIndex(
            max(0, self.camera_device.findData(settings.get("camera/device")))
        )
        self.session = QComboBox(self)
        self.session.addItem(self.tr("Stage entrance"), "")
        for s in stage.sessions():
            self.session.addItem(s["name"], s["id"])
        self.session.setCurrentIndex(
            max(0, self.session.findData(settings.get("checkin/session_id")))
        )
        self.auto_print = QCheckBox(self.tr("Print a badge at check-in"), self)
        self.auto_print.setChecked(settings.get("badges/auto_print"))
        self.idle_ms = QSpinBox(self)
        self.idle_ms.setRange(50, 1000)
        self.idle_ms.setSuffix(" ms")
        self.idle_ms.setValue(settings.get("checkin/scan_idle_ms"))
        self.font_scale = QDoubleSpinBox(self)
        self.font_scale.setRange(0.8, 2.0)
        self.font_scale.setSingleStep(0.1)
        self.font_scale.setValue(settings.get("ui/font_scale"))
        form.addRow(self.tr("Desk name"), self.desk_name)
        form.addRow(self.tr("Operator"), self.operator)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Session door"), self.session)
        form.addRow("", self.sounds)
        form.addRow("", self.camera)
        form.addRow(self.tr("Camera"), self.camera_device)
        form.addRow("", self.auto_print)
        form.addRow(self.tr("Scanner idle timeout"), self.idle_ms)
        form.addRow(self.tr("Text size (next start)"), self.font_scale)
        self.high_contrast = QCheckBox(self.tr("High contrast (next start)"), self)
        self.high_contrast.setChecked(settings.get("ui/high_contrast"))
        form.addRow("", self.high_contrast)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
        self.operator.setFocus()

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
        s.set("checkin/scan_idle_ms", self.idle_ms.value())
        s.set("ui/font_scale", self.font_scale.value())
        s.set("ui/high_contrast", self.high_contrast.isChecked())


def _camera_names() -> list[str]:
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return []
    return [d.description() for d in QMediaDevices.videoInputs()]
