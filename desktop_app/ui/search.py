"""Search results: a table model over the people core's search returned, with their status."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.core.model import Attendee, is_cjk
from desktop_app.ui import text

_Index = QModelIndex | QPersistentModelIndex


def list_name(a: Attendee) -> str:
    """Surname first, as on a registration list (CJK names already are)."""
    if is_cjk(a.last_name + a.first_name):
        name = a.full_name
    else:
        name = " ".join(p for p in (a.last_name, a.first_name) if p)
    return f"{name} ({a.title})" if a.title else name


def status_text(a: Attendee) -> str:
    if a.cancelled:
        return "⊘ " + text.outcome_words_cancelled()
    if a.checked_in:
        return f"✔ {text.time_text(a.checked_in_at)}"
    return "—"


class ResultsModel(QAbstractTableModel):
    COLUMNS = 4

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.people: list[Attendee] = []

    as_typed = True  # False: the rows were found only by forgiving a typo (a suggestion)

    def set_people(self, people: list[Attendee]) -> None:
        self.beginResetModel()
        self.people = list(people)
        self.as_typed = getattr(people, "as_typed", True)  # Stage.search says (its Found)
        self.endResetModel()

    def replace(self, person: Attendee) -> None:
        for row, a in enumerate(self.people):
            if a.id == person.id:
                self.people[row] = person
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Name"), self.tr("Company"), self.tr("Category"), self.tr("Status"))[
            section
        ]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        a = self.people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 0:
                return list_name(a)
            if col == 1:
                return a.company
            if col == 2:
                return text.category_name(a.category)
            return status_text(a)
        if role == Qt.ItemDataRole.UserRole:
            return a
        return None
