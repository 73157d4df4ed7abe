"""Walk-in registration (F2): title, name, surname, company, role, category, email, privacy
consent.

While the clerk types, people who look the same are listed ("did you mean...?"). Register
creates and checks in the person in one step; choosing someone from the list checks in that
person instead, so nobody is registered twice.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import checkin
from desktop_app.core.model import CATEGORIES, Attendee
from desktop_app.core.store import Stage
from desktop_app.ui import door, text
from desktop_app.ui.search import list_name, status_text


class WalkInDialog(QDialog):
    def __init__(self, parent: QWidget | None, stage: Stage) -> None:
        super().__init__(parent)
        self.stage = stage
        self.chosen: Attendee | None = None  # someone already registered, picked from the list
        self.same_email: list[Attendee] = []  # registered with the e-mail typed: not a new person
        self._warned = False
        self.setWindowTitle(self.tr("Walk-in registration"))
        self.setMinimumWidth(720)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("e.g. Dott., Ing., S.E."))
        self.first_name = QLineEdit(self)
        self.last_name = QLineEdit(self)
        self.company = QLineEdit(self)
        self.role = QLineEdit(self)
        self.category = QComboBox(self)
        for c in CATEGORIES:
            self.category.addItem(text.category_name(c), c)
        self.category.setCurrentIndex(CATEGORIES.index("company"))
        self.email = QLineEdit(self)
        self.privacy = QCheckBox(self.tr("Privacy notice given and consent obtained"), self)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("First name"), self.first_name)
        form.addRow(self.tr("Surname"), self.last_name)
        form.addRow(self.tr("Company"), self.company)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Email"), self.email)
        form.addRow("", self.privacy)
        layout.addLayout(form)
        self.similar_label = QLabel(self.tr("Did you mean...?"), self)
        font = self.similar_label.font()
        font.setBold(True)
        self.similar_label.setFont(font)
        layout.addWidget(self.similar_label)
        self.similar = QListWidget(self)
        self.similar.setMaximumHeight(150)
        layout.addWidget(self.similar)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a4b00; font-weight: bold;")
        layout.addWidget(self.warning)
        buttons = QHBoxLayout()
        self.use_existing = QPushButton(self.tr("Check in the selected person"), self)
        self.register = QPushButton(self.tr("Register and check in"), self)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.register.setDefault(True)
        buttons.addWidget(self.use_existing)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.register)
        layout.addLayout(buttons)
        self.use_existing.clicked.connect(self._use_existing)
        self.register.clicked.connect(self._register)
        self.cancel.clicked.connect(self.reject)
        self.similar.itemActivated.connect(lambda _i: self._use_existing())
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(120)
        self._refresh_timer.timeout.connect(self.refresh_similar)
        for edit in (self.first_name, self.last_name, self.email):
            edit.textChanged.connect(lambda _t: self._refresh_timer.start())
        self.refresh_similar()
        self.first_name.setFocus()

    def done(self, result: int) -> None:
        self._refresh_timer.stop()  # a pending refresh must not search a stage closed since
        super().done(result)

    def fields(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "role": self.role.text(),
            "first_name": self.first_name.text(),
            "last_name": self.last_name.text(),
            "company": self.company.text(),
            "category": self.category.currentData(),
            "email": self.email.text(),
            "privacy_consent": "yes" if self.privacy.isChecked() else "",
        }

    def refresh_similar(self) -> None:
        self._refresh_timer.stop()
        if not self.isVisible():
            return  # closed (the stage may be closed too): a late timer looks up nothing
        self._warned = False
        self.warning.clear()
        fields = self.fields()
        found = []
        if fields["first_name"].strip() or fields["last_name"].strip() or fields["email"].strip():
            found = checkin.similar_attendees(self.stage, fields)
        email = fields["email"].strip()
        self.same_email = self.stage.attendees_by_email(email) if "@" in email else []
        known = {a.id for a in self.same_email}
        found = self.same_email + [a for a in found if a.id not in known]
        self.similar.clear()
        for a in found:
            # only what is known: a missing company or name leaves no "— —" behind
            status = status_text(a)  # "—" in the results' column: here, words
            if status.strip() == "—":
                status = self.tr("not checked in")
            parts = (list_name(a) or a.code, a.company, status)
            label = " — ".join(p.strip() for p in parts if p and p.strip())
            item = QListWidgetItem(label, self.similar)
            item.setData(Qt.ItemDataRole.UserRole, a)
        has = bool(found)
        self.similar_label.setVisible(has)
        self.similar.setVisible(has)
        self.use_existing.setVisible(has)
        if has:
            self.similar.setCurrentRow(0)
        # The same e-mail is the same registration: Enter checks that person in, and nobody
        # new is created with it.
        self.register.setEnabled(not self.same_email)
        self.register.setDefault(not self.same_email)
        self.use_existing.setDefault(bool(self.same_email))
        if self.same_email:
            person = self.same_email[0]
            self.warning.setText(
                door.tr(
                    "%1 is already registered with this e-mail: check them in, or change the "
                    "e-mail to register someone else."
                ).replace("%1", person.display_name or person.code)
            )

    def _use_existing(self) -> None:
        item = self.similar.currentItem()
        if item is None:
            return
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        self.accept()

    def _register(self) -> None:
        if self._refresh_timer.isActive():
            self.refresh_similar()
        fields = self.fields()
        if self.same_email:
            return  # the warning says who has this e-mail
        if not (fields["first_name"].strip() or fields["last_name"].strip()):
            self.warning.setText(self.tr("Type at least a first name or a surname."))
            self.first_name.setFocus()
            return
        if checkin.code_in_names(fields):  # a scan that reached the form is never a name
            self.warning.setText(
                self.tr("A ticket or a code is not a name: scan it at the desk instead.")
            )
            self.first_name.setFocus()
            return
        if self.similar.count() and not self._warned:
            self._warned = True
            self.warning.setText(
                self.tr(
                    "Someone similar is already registered. Choose them from the list, or press "
                    "Register and check in again to create a new attendee."
                )
            )
            return
        self.chosen = None
        self.accept()
