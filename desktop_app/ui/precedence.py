"""The Consular Corps in order of precedence (Reports ▸ Precedence…): the list, the greeting
line, the doyen, what to complete, and the PDF/XLSX exports of `core.precedence`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import precedence
from desktop_app.core.store import Stage
from desktop_app.ui.export_bar import ExportBar

SavePath = Callable[[str, str], "Path | None"]


class PrecedenceWindow(QWidget):
    def __init__(
        self,
        stage: Stage,
        *,
        parent: QWidget | None = None,
        lang: str = "en",
        save_path: SavePath | None = None,
    ) -> None:
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window, True)
        self.stage = stage
        self.lang = "it" if lang == "it" else "en"
        self.save_path = save_path or self._ask_save_path
        self.setWindowTitle(
            self.tr("Precedence of the Consular Corps — %1").replace("%1", stage.info.title)
        )
        self.resize(1100, 640)
        root = QVBoxLayout(self)
        self.rule = QLabel(
            self.tr(
                "Vienna Convention on Consular Relations, art. 16: by class, career heads of "
                "post before honorary ones, then by date of the exequatur."
            )
        )
        self.rule.setWordWrap(True)
        root.addWidget(self.rule)
        self.doyen_label = QLabel()
        self.doyen_label.setWordWrap(True)
        root.addWidget(self.doyen_label)
        self.greeting_label = QLabel()
        self.greeting_label.setWordWrap(True)
        self.greeting_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        root.addWidget(self.greeting_label)

        options = QHBoxLayout()
        self.present_only = QCheckBox(self.tr("Only consuls checked in"))
        self.present_only.toggled.connect(lambda _: self.refresh())
        options.addWidget(self.present_only)
        options.addWidget(QLabel(self.tr("Reserved seats per row")))
        self.per_row = QSpinBox()
        self.per_row.setRange(1, 60)
        self.per_row.setValue(10)
        self.per_row.valueChanged.connect(lambda _: self.refresh())
        options.addWidget(self.per_row)
        options.addStretch(1)
        root.addLayout(options)

        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("#"),
                self.tr("Seat"),
                self.tr("Speaks"),
                self.tr("Rank"),
                self.tr("Name"),
                self.tr("Country"),
                self.tr("Exequatur"),
                self.tr("To check"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        root.addWidget(self.table, 1)

        self.exports = ExportBar(
            (("pdf", self.tr("Export PDF…")), ("xlsx", self.tr("Export Excel…"))), self.export
        )
        self.export_buttons, self.status_label = self.exports.buttons, self.exports.status
        root.addLayout(self.exports.layout)
        self.refresh()

    def refresh(self) -> None:
        self.result = precedence.for_stage(
            self.stage, per_row=self.per_row.value(), present_only=self.present_only.isChecked()
        )
        result = self.result
        if result.doyen is None:
            self.doyen_label.setText(self.tr("No head of consular post in this list."))
        else:
            person = result.doyen.attendee
            how = (
                self.tr("named by the list")
                if result.doyen_designated
                else self.tr("first career head of post in precedence")
            )
            self.doyen_label.setText(
                self.tr("<b>Doyen:</b> %1 (%2) — %3")
                .replace("%1", person.display_name)
                .replace("%2", person.country)
                .replace("%3", how)
            )
        self.greeting_label.setText(
            self.tr("<b>Greeting:</b> %1").replace("%1", result.greeting(self.lang))
        )
        rows = [*result.entries, *result.unranked]
        self.table.setRowCount(len(rows))
        for r, entry in enumerate(rows):
            values = precedence.row_values(entry, self.lang)
            values = values[:3] + values[3:7] + values[8:]  # the present column stays in the PDF
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 7 and value:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, c, item)
        self.exports.set_enabled(bool(rows))
        self.status_label.setText(
            self.tr("%1 heads of consular post, %2 to complete")
            .replace("%1", str(len(result.entries)))
            .replace("%2", str(result.problems))
        )

    def _ask_save_path(self, fmt: str, suggested: str) -> Path | None:
        filters = {"xlsx": "Excel (*.xlsx)", "pdf": "PDF (*.pdf)"}
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the precedence list"), suggested, filters[fmt]
        )
        return Path(name) if name else None

    def export(self, fmt: str) -> None:
        suggested = f"{self.stage.info.slug}-precedence.{fmt}"
        path = self.save_path(fmt, suggested)
        if not path:
            return
        stage_file, desk = self.stage.path, self.stage.desk
        lang, per_row, present = self.lang, self.per_row.value(), self.present_only.isChecked()

        def work() -> dict[str, Any]:
            with Stage.open_path(stage_file, desk) as own:
                return precedence.write(
                    own, Path(path), fmt, lang=lang, per_row=per_row, present_only=present
                )

        def done(outcome: dict[str, Any]) -> str:
            self.last_export = outcome
            return self.tr("Exported to %1").replace("%1", Path(outcome["file"]).name)

        self.exports.run(work, done, self.tr("Export failed: %1"))
