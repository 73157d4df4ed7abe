"""The party of a scanned head of delegation: who comes in now (issue 12).

Everyone is ticked, the head first; people already checked in are shown as such and cannot
be ticked. Enter checks in the ticked ones, each with their own check-in event; Esc lets
nobody in. Opened non-blocking by the desk (`open_dialog`): scans wait in the queue.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import delegation
from desktop_app.core.model import Attendee


class PartyDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, party: list[Attendee], *, session_id: str = ""
    ) -> None:
        super().__init__(parent)
        self.party = party
        head = party[0]
        self.setWindowTitle(self.tr("Delegation"))
        layout = QVBoxLayout(self)
        name = delegation.delegation_of(head)
        words = (
            self.tr("%1 arrives with the delegation %2: who comes in now?")
            .replace("%1", head.full_name or head.code)
            .replace("%2", name)
            if name
            else self.tr("%1 arrives with companions: who comes in now?").replace(
                "%1", head.full_name or head.code
            )
        )
        label = QLabel(words, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.list = QListWidget(self)
        for i, person in enumerate(party):
            already = person.checked_in and not session_id
            text = person.full_name or person.code
            if i == 0:
                text += "  — " + self.tr("head")
            if already:
                text += "  — " + self.tr("already checked in")
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if not already:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Unchecked if already else Qt.CheckState.Checked)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        hint = QLabel(self.tr("Space ticks or unticks the row; Enter checks in the ticked."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Check in the ticked"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Nobody now"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        box.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        layout.addWidget(box)
        self.buttons = box
        self.setMinimumWidth(520)
        self.list.setFocus()

    def item_of(self, attendee_id: str) -> QListWidgetItem:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == attendee_id:
                return item
        raise KeyError(attendee_id)

    def ticked(self) -> list[Attendee]:
        """The people to check in, in the order shown (head first)."""
        by_id = {a.id: a for a in self.party}
        return [
            by_id[self.list.item(i).data(Qt.ItemDataRole.UserRole)]
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return
        super().keyPressEvent(event)
