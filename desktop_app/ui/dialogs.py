"""Small dialogs the desk asks through `Prompts` (undo reason, confirm, edit, stage picker).

Every dialog is opened non-blocking (`open()`, window-modal) and answers through a callback,
so the event loop keeps running (scans are queued meanwhile) and tests drive the real dialog
with the keyboard. `Prompts` is injected into the window, so a test can replace it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import checkin
from desktop_app.core.model import Attendee
from desktop_app.ui import text


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("Dialogs", "Cancel")
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class ReasonDialog(QDialog):
    """Undo a check-in: a reason is required (it goes into the audit trail)."""

    def __init__(self, parent: QWidget | None, person: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Undo check-in"))
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("Undo the check-in of %1? Why:").replace("%1", person), self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("e.g. wrong person, scanned twice"))
        layout.addWidget(self.reason)
        self.buttons = _buttons(self, self.tr("Undo check-in"))
        # "Cancel" next to "Undo" reads as the same word in Italian (Annulla): say what it does
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Keep the check-in")
        )
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        self.reason.setFocus()

    def accept(self) -> None:
        if self.reason.text().strip():
            super().accept()


class ConfirmDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, question: str, yes: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(question, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(_buttons(self, yes))


class MessageDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, message: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(message, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        box.accepted.connect(self.accept)
        layout.addWidget(box)


class EditDialog(QDialog):
    """Fix a misspelt name, company, title or role."""

    FIELDS = ("title", "first_name", "last_name", "company", "role")

    def __init__(self, parent: QWidget | None, attendee: Attendee) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit attendee"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        labels = {
            "title": self.tr("Title"),
            "first_name": self.tr("First name"),
            "last_name": self.tr("Surname"),
            "company": self.tr("Company"),
            "role": self.tr("Role"),
        }
        self.edits: dict[str, QLineEdit] = {}
        for name in self.FIELDS:
            edit = QLineEdit(getattr(attendee, name), self)
            self.edits[name] = edit
            form.addRow(labels[name], edit)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.warning.hide()
        form.addRow(self.warning)
        form.addRow(_buttons(self, self.tr("Save")))
        self.edits["first_name"].setFocus()

    def changes(self) -> dict[str, Any]:
        return {name: edit.text() for name, edit in self.edits.items()}

    def accept(self) -> None:
        if checkin.code_in_names(self.changes()):  # a scan that reached the form
            self.warning.setText(
                self.tr("A ticket or a code is not a name: scan it at the desk instead.")
            )
            self.warning.show()
            return
        super().accept()


class StagePicker(QDialog):
    """Choose the stage to open (when there is no last stage)."""

    def __init__(self, parent: QWidget | None, stages: list[dict[str, Any]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open a stage"))
        self.setMinimumSize(560, 360)
        self.chosen: str | None = None
        self.demo_requested = False
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Choose the stage for this desk:"), self))
        self.list = QListWidget(self)
        for s in stages:
            if s.get("error"):
                continue
            label = f"{s['title']} · {text.date_text(s['date'])}  ({s['checked_in']} / {s['registered']})"
            item = QListWidgetItem(label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, s["slug"])
        layout.addWidget(self.list)
        if not self.list.count():
            layout.addWidget(
                QLabel(
                    self.tr(
                        "There are no stages on this desk yet. Import one (roadshow-desk stage "
                        "import FILE) or open the demo stage."
                    ),
                    self,
                )
            )
        demo = QPushButton(self.tr("Open the demo stage"), self)
        demo.clicked.connect(self._demo)
        layout.addWidget(demo)
        box = _buttons(self, self.tr("Open"))
        layout.addWidget(box)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.list.setCurrentRow(0)

    def _demo(self) -> None:
        self.demo_requested = True
        super().accept()

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        super().accept()


class Prompts:
    """Makes the dialogs the desk asks; the window opens them and routes the answers."""

    def reason(self, parent: QWidget, person: str) -> ReasonDialog:
        return ReasonDialog(parent, person)

    def confirm(self, parent: QWidget, title: str, question: str, yes: str) -> ConfirmDialog:
        return ConfirmDialog(parent, title, question, yes)

    def message(self, parent: QWidget, title: str, message: str) -> MessageDialog:
        return MessageDialog(parent, title, message)

    def edit(self, parent: QWidget, attendee: Attendee) -> EditDialog:
        return EditDialog(parent, attendee)
