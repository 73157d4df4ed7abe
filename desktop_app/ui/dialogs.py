"""Small dialogs the desk asks through `Prompts` (undo reason, confirm, edit, stage picker).

Every dialog is opened non-blocking (`open()`, window-modal) and answers through a callback,
so the event loop keeps running (scans are queued meanwhile) and tests drive the real dialog
with the keyboard. `Prompts` is injected into the window, so a test can replace it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import checkin
from desktop_app.core.model import Attendee
from desktop_app.ui import text

NO_DATE = QDate(1900, 1, 1)  # the exequatur date edit's "no date"


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


def _question_layout(dialog: QDialog, question: str) -> QVBoxLayout:
    """The dialog's layout, opened by its question (wrapped: names can be long)."""
    layout = QVBoxLayout(dialog)
    label = QLabel(question, dialog)
    label.setWordWrap(True)
    layout.addWidget(label)
    return layout


class RequiredReasonDialog(QDialog):
    """A question that needs a reason (it goes into the audit trail): the answer button stays
    disabled until one is typed, and both buttons say what they do."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        question: str,
        placeholder: str,
        yes: str,
        keep: str,
        width: int = 520,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = _question_layout(self, question)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(placeholder)
        layout.addWidget(self.reason)
        self.buttons = _buttons(self, yes)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(keep)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(width)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        self.reason.setFocus()

    def accept(self) -> None:
        if self.reason.text().strip():
            super().accept()


def _undo_tr(source: str) -> str:
    return QCoreApplication.translate("ReasonDialog", source)


class ReasonDialog(RequiredReasonDialog):
    """Undo a check-in: a reason is required (it goes into the audit trail)."""

    def __init__(self, parent: QWidget | None, person: str) -> None:
        super().__init__(
            parent,
            title=_undo_tr("Undo check-in"),
            question=_undo_tr("Undo the check-in of %1? Why:").replace("%1", person),
            placeholder=_undo_tr("e.g. wrong person, scanned twice"),
            yes=_undo_tr("Undo check-in"),
            # "Cancel" next to "Undo" reads as the same word in Italian (Annulla): say it
            keep=_undo_tr("Keep the check-in"),
        )


class ConfirmDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, question: str, yes: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = _question_layout(self, question)
        layout.addWidget(_buttons(self, yes))


class MessageDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, message: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = _question_layout(self, message)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        box.accepted.connect(self.accept)
        layout.addWidget(box)


class EditDialog(QDialog):
    """Fix a misspelt name, company, title or role; the category, e-mail and notes; for a
    consul the rank, career or honorary service, and the exequatur date."""

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
        self._more_fields(form, attendee)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.warning.hide()
        form.addRow(self.warning)
        form.addRow(_buttons(self, self.tr("Save")))
        self.edits["first_name"].setFocus()

    def _more_fields(self, form: QFormLayout, attendee: Attendee) -> None:
        """Category, e-mail, notes; for consuls the rank, the service and the exequatur."""
        from desktop_app.core import consular
        from desktop_app.core.model import CATEGORIES

        language = "it" if text.locale().language() == QLocale.Language.Italian else "en"
        self.form = form
        self.category = QComboBox(self)
        for c in CATEGORIES:
            self.category.addItem(text.category_name(c), c)
        self.category.setCurrentIndex(max(0, self.category.findData(attendee.category)))
        self.email = QLineEdit(attendee.email, self)
        self.notes = QPlainTextEdit(attendee.notes, self)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow(self.tr("Notes"), self.notes)
        # the consular rank: one of the Vienna Convention's classes, or the list's own words
        self.consular_rank = QComboBox(self)
        self.consular_rank.setEditable(True)
        self.consular_rank.addItem("", "")
        for code in consular.RANKS:
            self.consular_rank.addItem(consular.RANK_LABELS[language][code], code)
        index = self.consular_rank.findData(attendee.consular_rank)
        if index >= 0:
            self.consular_rank.setCurrentIndex(index)
        else:
            self.consular_rank.setEditText(attendee.consular_rank)
        self.consular_service = QComboBox(self)
        self.consular_service.addItem("", "")
        for code in consular.SERVICES:
            self.consular_service.addItem(consular.SERVICE_LABELS[language][code], code)
        self.consular_service.setCurrentIndex(
            max(0, self.consular_service.findData(attendee.consular_service))
        )
        self.exequatur = QDateEdit(self)
        self.exequatur.setCalendarPopup(True)
        self.exequatur.setDisplayFormat("dd/MM/yyyy")
        self.exequatur.setMinimumDate(NO_DATE)
        self.exequatur.setSpecialValueText(self.tr("no date"))  # shown at the minimum
        day = consular.parse_date(attendee.exequatur)
        self.exequatur.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)
        self.consular_rows = (self.consular_rank, self.consular_service, self.exequatur)
        form.addRow(self.tr("Consular rank"), self.consular_rank)
        form.addRow(self.tr("Service"), self.consular_service)
        form.addRow(self.tr("Exequatur"), self.exequatur)
        self._has_rank = bool(attendee.consular_rank)
        # a delegation: its name, whether this is its head, the name in its own script
        from desktop_app.core import delegation

        self._extra = dict(attendee.extra)
        self.delegation = QLineEdit(attendee.extra.get(delegation.DELEGATION, ""), self)
        self.delegation_head = QCheckBox(self.tr("Head of the delegation"), self)
        self.delegation_head.setChecked(delegation.is_head(attendee))
        self.name_native = QLineEdit(attendee.extra.get(delegation.NAME_NATIVE, ""), self)
        self.name_native.setPlaceholderText(self.tr("e.g. 田中 健二, Иван Петров"))
        form.addRow(self.tr("Delegation"), self.delegation)
        form.addRow("", self.delegation_head)
        form.addRow(self.tr("Name in own script"), self.name_native)
        self.category.currentIndexChanged.connect(lambda _i: self._show_consular())
        self._show_consular()

    def consular_shown(self) -> bool:
        return self.category.currentData() == "consul" or self._has_rank

    def _show_consular(self) -> None:
        for widget in self.consular_rows:
            self.form.setRowVisible(widget, self.consular_shown())

    def changes(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: edit.text() for name, edit in self.edits.items()}
        out.update(
            category=self.category.currentData(),
            email=self.email.text(),
            notes=self.notes.toPlainText(),
        )
        if self.consular_shown():
            rank = self.consular_rank.currentText().strip()
            index = self.consular_rank.findText(rank)
            out["consular_rank"] = (
                (self.consular_rank.itemData(index) or "") if index >= 0 else rank
            )
            out["consular_service"] = self.consular_service.currentData() or ""
            day = self.exequatur.date()
            out["exequatur"] = "" if day == NO_DATE else day.toString("yyyy-MM-dd")
        from desktop_app.core import delegation

        extra = dict(self._extra)
        for key, value in (
            (delegation.DELEGATION, self.delegation.text().strip()),
            (delegation.DELEGATION_HEAD, "yes" if self.delegation_head.isChecked() else ""),
            (delegation.NAME_NATIVE, self.name_native.text().strip()),
        ):
            if value:
                extra[key] = value
            else:
                extra.pop(key, None)
        if extra != self._extra:
            out["extra"] = extra
        return out

    def accept(self) -> None:
        if checkin.code_in_names(self.changes()):  # a scan that reached the form
            self.warning.setText(
                self.tr("A ticket or a code is not a name: scan it at the desk instead.")
            )
            self.warning.show()
            return
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
