"""Run the hub on this laptop: the venue's sync hub in its own process, from the window.

`VenueHub` starts `roadshow-desk hub serve` as a child process (QProcess) on the hub file in
`<data dir>/hub/hub.sqlite`, tells when it answers, and stops it cleanly (terminate, then
kill if it does not end). This laptop becomes the organizer desk of that hub: it gets an
organizer (admin) token, so the open stage is published and synced there. `VenueHubDialog`
shows the hub's address on the venue network, the desks and their last contact.
"""

from __future__ import annotations

import contextlib
import ipaddress
import sys
from pathlib import Path
from typing import Any

import httpx
from PySide6.QtCore import QCoreApplication, QObject, QProcess, Qt, QTimer, Signal
from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QNetworkInterface
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.store import Stage
from desktop_app.ui import text
from desktop_app.ui.settings import Settings, give_stages

DEFAULT_PORT = 8765
ORGANIZER = "Organizer"


def _tr(s: str) -> str:
    return QCoreApplication.translate("VenueHub", s)


def hub_db(data_dir: Path) -> Path:
    return Path(data_dir) / "hub" / "hub.sqlite"


def venue_addresses() -> list[str]:
    """This laptop's IPv4 addresses on a local network (what other desks can reach)."""
    out = []
    for address in QNetworkInterface.allAddresses():
        address: QHostAddress
        if address.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
            continue
        ip = ipaddress.ip_address(address.toString())
        if ip.is_loopback or ip.is_link_local:
            continue
        out.append(str(ip))
    return sorted(set(out), key=lambda a: (not ipaddress.ip_address(a).is_private, a))


class VenueHub(QObject):
    """The hub process of this laptop (one per data dir and application run)."""

    state_changed = Signal(str)  # "stopped", "starting", "running", "failed"

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.db = hub_db(self.data_dir)
        self.host = "0.0.0.0"
        self.port = DEFAULT_PORT
        self.state = "stopped"
        self.error = ""
        self.process: QProcess | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(150)
        self._poll.timeout.connect(self._check_started)
        self._deadline = 0
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    @property
    def local_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def urls(self) -> list[str]:
        """Addresses desks use: the venue network's first, then this laptop only."""
        if self.host in ("127.0.0.1", "localhost"):
            return [self.local_url]
        return [f"http://{a}:{self.port}" for a in venue_addresses()] + [self.local_url]

    def start(self, port: int = DEFAULT_PORT, host: str = "0.0.0.0") -> None:
        if self.process is not None:
            return
        self.db.parent.mkdir(parents=True, exist_ok=True)
        self.host, self.port, self.error = host, port, ""
        process = QProcess(self)
        process.setProgram(sys.executable)
        process.setArguments(
            ["-m", "desktop_app", "hub", "serve", "--db", str(self.db)]
            + ["--host", host, "--port", str(port)]
        )
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        process.finished.connect(self._ended)
        self.process = process
        self._set("starting")
        process.start()
        self._deadline = 100  # polls of 150 ms: 15 s
        self._poll.start()

    def _check_started(self) -> None:
        if self.process is None:
            self._poll.stop()
            return
        self._deadline -= 1
        try:
            answer = httpx.get(self.local_url + "/v1/health", timeout=0.5)
            ok = answer.status_code == 200
        except httpx.HTTPError:
            ok = False
        if ok:
            self._poll.stop()
            self._set("running")
        elif self._deadline <= 0:
            self._poll.stop()
            self.error = _tr("The hub did not start.")
            self.stop()
            self._set("failed")

    def wait_running(self, timeout_ms: int = 15000) -> bool:
        """Block until the hub answers (tests, and a caller that needs it at once)."""
        from PySide6.QtCore import QDeadlineTimer, QEventLoop

        deadline = QDeadlineTimer(timeout_ms)
        while self.state == "starting" and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            self._check_started()
        return self.state == "running"

    def _ended(self, *_args: Any) -> None:
        process = self.process
        if process is None:
            return
        output = bytes(process.readAll().data()).decode("utf-8", "replace").strip()
        self.process = None
        self._poll.stop()
        if self.state in ("starting", "running"):
            last = output.splitlines()[-1] if output else ""
            if "address already in use" in output.lower():
                self.error = _tr("Port %1 is taken: choose another port.").replace(
                    "%1", str(self.port)
                )
            else:
                self.error = _tr("The hub stopped: %1").replace("%1", last)
            self._set("failed")
        else:
            self._set("stopped")

    def stop(self) -> None:
        """Stop the hub process: it finishes its requests and closes its file."""
        process = self.process
        self._poll.stop()
        if process is None:
            return
        self._set("stopping")
        process.terminate()
        if not process.waitForFinished(10000):
            process.kill()
            process.waitForFinished(5000)
        self.process = None
        self._set("stopped")

    def _set(self, state: str) -> None:
        self.state = state
        self.state_changed.emit(state)

    # --- the hub's desks ------------------------------------------------------------------

    def store(self):
        from desktop_app.sync.hubstore import HubStore

        return HubStore(self.db)

    def desks(self) -> list[dict[str, Any]]:
        """Registered desks with their last contact (the hub writes contacts every few s)."""
        if not self.db.exists():
            return []
        with self.store() as store:
            desks = store.list_desks()
            heard: dict[str, str] = {}
            for stage in store.stages():
                for d in store.desks_of_stage(stage["id"]):
                    if d["token"] and d["last_heard"]:
                        heard[d["token"]] = max(heard.get(d["token"], ""), d["last_heard"])
        for d in desks:
            d["last_heard"] = heard.get(d["name"])
        return desks

    def make_organizer(self, settings: Settings, stage: Stage | None) -> None:
        """This laptop syncs the open stage with its own hub, as the organizer."""
        with self.store() as store:
            names = {d["name"] for d in store.list_desks()}
            if ORGANIZER in names:
                token = store.replace_token(ORGANIZER)
            else:
                token = store.add_desk(ORGANIZER, admin=True)
        settings.set("sync/hub_url", self.local_url)
        settings.set("sync/token", token)
        settings.set("sync/enabled", True)
        if stage is not None and not stage.is_demo:
            give_stages(settings, [stage.info.slug])


_hubs: dict[Path, VenueHub] = {}


def venue_hub(data_dir: Path) -> VenueHub:
    """The one VenueHub of this data dir (it outlives the dialog that started it)."""
    key = Path(data_dir).resolve()
    hub = _hubs.get(key)
    if hub is None:
        hub = _hubs[key] = VenueHub(key)
    return hub


def contact_text(iso: str | None) -> str:
    if not iso:
        return _tr("never")
    return text.date_text(iso, year=False) + " " + text.time_text(iso)


class VenueHubDialog(QDialog):
    """Start and stop this laptop's hub; its address; the desks and their last contact."""

    def __init__(
        self, parent: QWidget | None, data_dir: Path, settings: Settings, stage: Stage | None
    ) -> None:
        super().__init__(parent)
        self.data_dir, self.settings, self.stage = Path(data_dir), settings, stage
        self.hub = venue_hub(self.data_dir)
        self.setWindowTitle(self.tr("Run the hub on this laptop"))
        self.setMinimumSize(680, 460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The desks at this venue sync through this laptop. Keep it on and connected to "
                "the venue network during the stage."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.port = QSpinBox(self)
        self.port.setRange(1024, 65535)
        self.port.setValue(self.hub.port)
        form.addRow(self.tr("Port"), self.port)
        self.address = QLabel(self)
        self.address.setObjectName("hubAddress")
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Address"), self.address)
        layout.addLayout(form)
        self.warning = QLabel(
            self.tr(
                "Plain HTTP: use it only on the venue's own network (never on a public Wi-Fi), "
                "and revoke the desks' tokens after the stage."
            ),
            self,
        )
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a5300; font-weight: bold;")
        layout.addWidget(self.warning)
        buttons = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start the hub"), self)
        self.start_button.clicked.connect(self.toggle)
        self.add_button = QPushButton(self.tr("Add a desk…"), self)
        self.add_button.clicked.connect(self.add_desk)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Desk"), self.tr("Stages"), self.tr("Laptop"), self.tr("Last contact")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.hub.state_changed.connect(self.show_state)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(2000)
        self.refresh_timer.timeout.connect(self.refresh_desks)
        self.refresh_timer.start()
        self.show_state(self.hub.state)
        self.refresh_desks()

    def toggle(self) -> None:
        if self.hub.process is None:
            self.start()
        else:
            self.hub.stop()

    def start(self, host: str = "0.0.0.0") -> None:
        self.hub.start(self.port.value(), host)

    def show_state(self, state: str) -> None:
        running = state == "running"
        self.port.setEnabled(self.hub.process is None)
        self.start_button.setText(
            self.tr("Stop the hub") if self.hub.process is not None else self.tr("Start the hub")
        )
        self.add_button.setEnabled(running)
        if running:
            if self.settings.get("sync/hub_url") != self.hub.local_url:
                self.hub.make_organizer(self.settings, self.stage)
            self.address.setText("\n".join(self.hub.urls()))
        elif state == "starting":
            self.address.setText(self.tr("Starting…"))
        elif state == "failed":
            self.address.setText(self.hub.error)
        else:
            self.address.setText(self.tr("Not running"))
        self.refresh_desks()

    def refresh_desks(self) -> None:
        desks = [d for d in self.hub.desks() if d["name"] != ORGANIZER]
        self.table.setRowCount(len(desks))
        for row, d in enumerate(desks):
            stages = ", ".join(d["stages"] or []) or self.tr("all")
            laptop = (
                self.tr("revoked")
                if d["revoked"]
                else (self.tr("paired") if d["desk_id"] else self.tr("waiting for its scan"))
            )
            for col, value in enumerate((d["name"], stages, laptop, contact_text(d["last_heard"]))):
                self.table.setItem(row, col, QTableWidgetItem(value))

    def add_desk(self) -> None:
        from desktop_app.ui.add_desk import AddDeskDialog

        dialog = AddDeskDialog(self, self.data_dir, self.settings, self.stage)
        dialog.finished.connect(lambda _r: self.refresh_desks())
        self.add_dialog = dialog
        dialog.open()

    def done(self, result: int) -> None:
        self.refresh_timer.stop()
        with contextlib.suppress(RuntimeError, TypeError):
            self.hub.state_changed.disconnect(self.show_state)
        super().done(result)
