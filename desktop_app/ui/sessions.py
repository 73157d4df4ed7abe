"""Sessions of a stage entered in the app: a list, a small form to add one, CSV import.

Each change is a `session_defined` event (core/sessions.py), so it reaches every desk by sync.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import sessions
from desktop_app.core.errors import RoadshowError
from desktop_app.core.store import Stage

_ITALIAN = {
    "Sessions — %1": "Sessioni — %1",
    "Name": "Nome",
    "Kind": "Tipo",
    "Room": "Sala",
    "Starts": "Inizio",
    "Ends": "Fine",
    "Present / capacity": "Presenti / capienza",
    "Add session": "Aggiungi sessione",
    "Import from CSV…": "Importa da CSV…",
    "Capacity (empty: no limit)": "Capienza (vuoto: nessun limite)",
    "Session added: %1": "Sessione aggiunta: %1",
    "Imported: %1 new, %2 updated, %3 unchanged": "Importate: %1 nuove, %2 aggiornate, %3 invariate",
    "Plenary": "Plenaria",
    "Workshop": "Workshop",
    "B2B meetings": "Incontri B2B",
    "Networking": "Networking",
    "Other": "Altro",
    "Sessions CSV": "CSV delle sessioni",
    "Close": "Chiudi",
}
KINDS = (
    ("plenary", "Plenary"),
    ("workshop", "Workshop"),
    ("b2b", "B2B meetings"),
    ("networking", "Networking"),
    ("other", "Other"),
)


class SessionsEditor(QWidget):
    """List, add and import the sessions of a stage."""

    changed = Signal()

    def __init__(
        self,
        stage: Stage,
        *,
        parent: QWidget | None = None,
        lang: str = "en",
        operator: str = "",
        open_path: Callable[[], Path | None] | None = None,
    ) -> None:
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window, True)
        self.stage = stage
        self.lang = lang
        self.operator = operator
        self.open_path = open_path or self._ask_open_path
        self.setWindowTitle(self.tr("Sessions — %1").replace("%1", stage.info.title))
        self.resize(820, 480)
        root = QVBoxLayout(self)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Room"),
                self.tr("Starts"),
                self.tr("Ends"),
                self.tr("Present / capacity"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        root.addWidget(self.table, 1)

        form = QFormLayout()
        self.name = QLineEdit()
        self.kind = QComboBox()
        for key, words in KINDS:
            self.kind.addItem(self.tr(words), key)
        self.room = QLineEdit()
        self.starts = QLineEdit()
        self.starts.setPlaceholderText("09:30")
        self.ends = QLineEdit()
        self.ends.setPlaceholderText("10:30")
        self.capacity = QLineEdit()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Room"), self.room)
        form.addRow(self.tr("Starts"), self.starts)
        form.addRow(self.tr("Ends"), self.ends)
        form.addRow(self.tr("Capacity (empty: no limit)"), self.capacity)
        root.addLayout(form)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add session"))
        self.add_button.clicked.connect(self.add)
        self.name.returnPressed.connect(self.add)
        self.import_button = QPushButton(self.tr("Import from CSV…"))
        self.import_button.clicked.connect(self.import_csv)
        self.message = QLabel()
        self.message.setWordWrap(True)
        row.addWidget(self.add_button)
        row.addWidget(self.import_button)
        row.addWidget(self.message, 1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        row.addWidget(self.close_button)
        root.addLayout(row)
        self.reload()

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        translated = QCoreApplication.translate("SessionsEditor", text, disambiguation, n)
        if translated == text and self.lang == "it":
            return _ITALIAN.get(text, text)
        return translated

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape:  # as in a dialog: Esc closes
            self.close()
            return
        super().keyPressEvent(event)

    def reload(self) -> None:
        found = self.stage.sessions()
        kinds = dict(KINDS)
        self.table.setRowCount(len(found))
        for row, s in enumerate(found):
            present = str(s["present"])
            if s["capacity"] is not None:
                present += f" / {s['capacity']}"
            values = [
                s["name"],
                self.tr(kinds.get(s["kind"], "Other")),
                s["room"],
                self._when(s["starts_at"]),
                self._when(s["ends_at"]),
                present,
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def _when(self, value: str | None) -> str:
        """'09:30' on the stage's day, else the date too."""
        if not value:
            return ""
        day, _, time = value.partition("T")
        return time if day == self.stage.info.date else f"{day} {time}"

    def add(self) -> None:
        try:
            s = sessions.define_session(
                self.stage,
                self.name.text(),
                kind=self.kind.currentData(),
                room=self.room.text(),
                starts_at=self.starts.text(),
                ends_at=self.ends.text(),
                capacity=self.capacity.text(),
                operator=self.operator,
            )
        except RoadshowError as exc:
            self.message.setText(exc.message)
            return
        for field in (self.name, self.room, self.starts, self.ends, self.capacity):
            field.clear()
        self.message.setText(self.tr("Session added: %1").replace("%1", s["name"]))
        self.reload()
        self.changed.emit()
        self.name.setFocus()

    def _ask_open_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import from CSV…"), "", self.tr("Sessions CSV") + " (*.csv *.txt)"
        )
        return Path(name) if name else None

    def import_csv(self) -> None:
        path = self.open_path()
        if not path:
            return
        try:
            outcome = sessions.import_sessions_csv(self.stage, path, operator=self.operator)
        except RoadshowError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText(
            self.tr("Imported: %1 new, %2 updated, %3 unchanged")
            .replace("%1", str(outcome["created"]))
            .replace("%2", str(outcome["updated"]))
            .replace("%3", str(outcome["unchanged"]))
        )
        self.reload()
        self.changed.emit()
