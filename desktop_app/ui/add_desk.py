"""Add a desk: register a new desk on this laptop's hub and show its setup QR.

The new desk scans the QR with its USB scanner (or pastes the code) in its stage picker and
is set up: hub address, its own token and its stages, with no typing. The same screen lists
the desks, revokes one (its token stops working) or replaces one (a new code for the same
desk name and stages, for a laptop that broke). Names are "Desk N", unique on the hub.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import qr, setup_code
from desktop_app.core.store import Stage
from desktop_app.ui.dialogs import ConfirmDialog
from desktop_app.ui.settings import Settings
from desktop_app.ui.stage_picker import local_stages
from desktop_app.ui.venue_hub import ORGANIZER, VenueHub, venue_hub


def _tr(s: str) -> str:
    return QCoreApplication.translate("AddDeskDialog", s)


def qr_pixmap(payload: str, size: int = 360) -> QPixmap:
    """The QR of a payload, drawn sharp (whole pixels per module, quiet zone included)."""
    matrix = qr.qr_matrix(payload)
    modules = len(matrix) + 2 * qr.QUIET_ZONE
    scale = max(1, size // modules)
    image = QImage(modules * scale, modules * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                painter.fillRect(
                    (c + qr.QUIET_ZONE) * scale,
                    (r + qr.QUIET_ZONE) * scale,
                    scale,
                    scale,
                    QColor("black"),
                )
    painter.end()
    return QPixmap.fromImage(image)


class AddDeskDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        data_dir: Path,
        settings: Settings,
        stage: Stage | None,
        hub: VenueHub | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir, self.settings, self.stage = Path(data_dir), settings, stage
        self.hub = hub or venue_hub(self.data_dir)
        self.code_text = ""
        self.desk_name = ""
        self.setWindowTitle(self.tr("Add a desk"))
        self.setMinimumSize(900, 620)
        root = QHBoxLayout(self)

        left = QVBoxLayout()
        form = QFormLayout()
        self.address = QComboBox(self)
        for url in self.hub.urls():
            label = url if "127.0.0.1" not in url else url + " " + self.tr("(this laptop only)")
            self.address.addItem(label, url)
        form.addRow(self.tr("Hub address"), self.address)
        self.stages = QListWidget(self)
        current = stage.info.slug if stage is not None else ""
        for s in local_stages(self.data_dir):
            if s["slug"] == "demo-bergamo":
                continue
            item = QListWidgetItem(f"{s['title']} ({s['slug']})", self.stages)
            item.setData(Qt.ItemDataRole.UserRole, s["slug"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if s["slug"] == current else Qt.CheckState.Unchecked
            )
        self.stages.setMaximumHeight(110)
        form.addRow(self.tr("Stages for the desk"), self.stages)
        left.addLayout(form)
        self.add_button = QPushButton(self.tr("Add a desk and show its setup code"), self)
        self.add_button.clicked.connect(self.add_desk)
        left.addWidget(self.add_button)
        left.addWidget(QLabel(self.tr("Desks on this hub:"), self))
        self.desks = QListWidget(self)
        left.addWidget(self.desks, 1)
        row = QHBoxLayout()
        self.revoke_button = QPushButton(self.tr("Revoke…"), self)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.replace_button = QPushButton(self.tr("Replace the laptop…"), self)
        self.replace_button.clicked.connect(self.replace_selected)
        row.addWidget(self.revoke_button)
        row.addWidget(self.replace_button)
        left.addLayout(row)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(48)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        box.rejected.connect(self.reject)
        left.addWidget(box)
        root.addLayout(left, 1)

        right = QVBoxLayout()
        self.title = QLabel(self.tr("The setup code appears here."), self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.qr = QLabel(self)
        self.qr.setObjectName("setupQr")
        self.qr.setFixedSize(380, 380)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.instructions = QLabel(
            self.tr(
                "On the new desk: start Roadshow Desk, and in the stage picker scan this code "
                "with the desk's scanner (or paste it). The code holds the desk's token: do "
                "not print it or send it around."
            ),
            self,
        )
        self.instructions.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("Copy the code"), self)
        self.copy_button.clicked.connect(self.copy_code)
        self.copy_button.setEnabled(False)
        right.addWidget(self.title)
        right.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        right.addWidget(self.instructions)
        right.addWidget(self.copy_button)
        right.addWidget(self.message)
        right.addStretch(1)
        root.addLayout(right, 1)
        self.confirm: ConfirmDialog | None = None
        self.refresh()
        if self.hub.state != "running":
            self.add_button.setEnabled(False)
            self.say(
                self.tr("Start the hub on this laptop first (Desk ▸ Run the hub on this laptop…).")
            )

    # --- desks ------------------------------------------------------------------------------

    def chosen_stages(self) -> list[str]:
        out = []
        for i in range(self.stages.count()):
            item = self.stages.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def refresh(self) -> None:
        self.desks.clear()
        for d in self.hub.desks():
            if d["name"] == ORGANIZER:
                continue
            state = (
                self.tr("revoked")
                if d["revoked"]
                else (self.tr("paired") if d["desk_id"] else self.tr("waiting for its scan"))
            )
            item = QListWidgetItem(f"{d['name']} · {', '.join(d['stages'] or [])} · {state}")
            item.setData(Qt.ItemDataRole.UserRole, d["name"])
            self.desks.addItem(item)

    def _publish(self, stages: list[str]) -> None:
        """The organizer's stages must be on the hub before a desk can fetch them."""
        from desktop_app.sync.client import SyncClient

        url = self.settings.get("sync/hub_url")
        token = self.settings.get("sync/token")
        with SyncClient(self.data_dir, url, token, timeout=10.0) as client:
            for slug in stages:
                client.sync_stage(slug)

    def add_desk(self) -> None:
        stages = self.chosen_stages()
        if not stages:
            self.say(self.tr("Choose at least one stage for the desk."), error=True)
            return
        self._publish(stages)
        with self.hub.store() as store:
            # not the name of this laptop's own desk either ("Desk 1" by default)
            name = store.next_desk_name(also_taken=[self.stage.desk.name])
            token = store.add_desk(name, stages=stages)
        self.show_code(name, token, stages)
        self.refresh()

    def show_code(self, name: str, token: str, stages: list[str]) -> None:
        url = self.address.currentData()
        self.code_text = setup_code.encode(setup_code.SetupCode(url, token, stages, name))
        self.desk_name = name
        self.title.setText(self.tr("Setup code for %1").replace("%1", name))
        self.qr.setPixmap(qr_pixmap(self.code_text, 372))
        self.qr.setAccessibleName(self.tr("Setup code for %1").replace("%1", name))
        self.copy_button.setEnabled(True)
        self.say(
            self.tr("%1 is registered for %2. Scan the code on the new desk.")
            .replace("%1", name)
            .replace("%2", ", ".join(stages))
        )

    def copy_code(self) -> None:
        from PySide6.QtWidgets import QApplication

        QApplication.clipboard().setText(self.code_text)

    def _selected(self) -> str | None:
        item = self.desks.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def revoke_selected(self) -> None:
        name = self._selected()
        if name is None:
            self.say(self.tr("Choose a desk in the list first."), error=True)
            return
        self._ask(
            self.tr("Revoke %1").replace("%1", name),
            self.tr(
                "Revoke %1? Its token stops working at once: that laptop can no longer sync. "
                "What it already sent stays."
            ).replace("%1", name),
            self.tr("Revoke"),
            lambda: self._revoke(name),
        )

    def _revoke(self, name: str) -> None:
        with self.hub.store() as store:
            store.revoke_desk(name)
        self.say(self.tr("%1 is revoked.").replace("%1", name))
        self.refresh()

    def replace_selected(self) -> None:
        name = self._selected()
        if name is None:
            self.say(self.tr("Choose a desk in the list first."), error=True)
            return
        self._ask(
            self.tr("Replace %1").replace("%1", name),
            self.tr(
                "Replace the laptop of %1? Its old token stops working, and a new setup code "
                "for %1 (same stages) is shown for the new laptop."
            ).replace("%1", name),
            self.tr("Replace"),
            lambda: self._replace(name),
        )

    def _replace(self, name: str) -> None:
        with self.hub.store() as store:
            token = store.replace_token(name)
            stages = next(d["stages"] for d in store.list_desks() if d["name"] == name) or []
        self.show_code(name, token, stages)
        self.refresh()

    def _ask(self, title: str, question: str, yes: str, then) -> None:
        dialog = ConfirmDialog(self, title, question, yes)
        self.confirm = dialog

        def finished(result: int) -> None:
            self.confirm = None
            if result == QDialog.DialogCode.Accepted:
                then()

        dialog.finished.connect(finished)
        dialog.open()

    def say(self, message: str, error: bool = False) -> None:
        self.message.setText(message)
        self.message.setStyleSheet("color: #b3261e; font-weight: bold;" if error else "")
