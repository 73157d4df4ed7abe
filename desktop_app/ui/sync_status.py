"""Automatic sync in the desk window: a worker thread per hub, and the small status indicator.

`SyncService` runs sync rounds for one stage on the hub's own QThread (one thread per hub
address, shared by every stage that syncs with it, so rounds to a hub never overlap), waits
`sync/interval_s` between rounds and backs off after failures. It never blocks check-in: the
worker has its own connection to the stage file and its writes are short transactions.
`SyncStatusWidget` shows what a clerk needs: online / offline, events waiting, the last
sync time and a warning when this laptop's clock is off.
"""

from __future__ import annotations

import atexit
import random
import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop_app.core.desk import Desk, load_desk
from desktop_app.core.store import Stage, stage_path
from desktop_app.ui.settings import Settings, given_stages

OFF = "off"  # sync is not set up or switched off
CONNECTING = "connecting"  # set up, no answer yet
ONLINE = "online"  # the last round went through
OFFLINE = "offline"  # the hub cannot be reached (will retry)
REFUSED = "refused"  # the hub said no (token, permission): retrying does not help until fixed
DEMO = "demo"  # the demo stage: made-up people never sync
NOT_GIVEN = "not_given"  # the hub settings are for other stages: this one was not given

MAX_BACKOFF_S = 60.0  # a refusal: retrying does not help until someone fixes it
# The hub unreachable: retry at least this often, so a desk is back in sync within 5 s of the
# hub coming back (the retry, with its ±20 % jitter, plus one round on the venue network).
OFFLINE_RETRY_MAX_S = 3.0


@dataclass(frozen=True)
class SyncStatus:
    state: str = OFF
    waiting: int = 0
    last_sync: datetime | None = None
    clock_offset_ms: int | None = None
    clock_warning: bool = False
    message: str = ""
    pulled: int = 0
    failures: int = 0
    refused: int = 0  # this desk's events the hub refused (kept, sent again each round)
    quarantined: int = 0  # events from the hub this desk cannot apply (set aside)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncStatus", text)


# --- one thread per hub ------------------------------------------------------------------------

_threads: dict[str, list[Any]] = {}  # hub address -> [QThread, users]
_retired: list[QObject] = []  # stopped workers (a few per session at most)


def _hub_thread(url: str) -> QThread:
    entry = _threads.get(url)
    if entry is None:
        thread = QThread()
        thread.setObjectName(f"sync {url}")
        thread.start()
        entry = _threads[url] = [thread, 0]
    entry[1] += 1
    return entry[0]


def _last_user(url: str) -> QThread | None:
    """Forget one user of a hub's thread; the thread itself when that was the last one."""
    entry = _threads.get(url)
    if entry is None:
        return None
    entry[1] -= 1
    if entry[1] > 0:
        return None
    del _threads[url]
    return entry[0]


def stop_all(timeout_ms: int = 15000) -> None:
    """Stop every hub thread (the application is quitting)."""
    for url in list(_threads):
        thread = _threads.pop(url)[0]
        thread.quit()
        thread.wait(timeout_ms)


atexit.register(stop_all)


class _Worker(QObject):
    """Lives on the hub's thread. Opens its own stage connection and sync client there."""

    finished = Signal(object, object)  # (SyncReport | None, Exception | None)

    def __init__(
        self, data_dir: Path, slug: str, desk: Desk, url: str, token: str, timeout: float
    ) -> None:
        super().__init__()
        self.data_dir, self.slug, self.desk = data_dir, slug, desk
        self.url, self.token, self.timeout = url, token, timeout
        self.client = None
        self.stage: Stage | None = None
        self.quit_thread = False  # the last user of this hub's thread: end it after closing

    @Slot()
    def run_round(self) -> None:
        from desktop_app.sync.client import SyncClient

        try:
            if self.client is None:
                self.client = SyncClient(
                    self.data_dir, self.url, self.token, desk=self.desk, timeout=self.timeout
                )
            if self.stage is None and stage_path(self.data_dir, self.slug).exists():
                self.stage = Stage.open_path(stage_path(self.data_dir, self.slug), self.desk)
            report = self.client.sync_stage(self.slug, self.stage)
        except Exception as exc:  # the desk keeps working whatever the network does
            self.finished.emit(None, exc)
            return
        self.finished.emit(report, None)

    @Slot()
    def close(self) -> None:
        if self.stage is not None:
            self.stage.close()
            self.stage = None
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.quit_thread:
            QThread.currentThread().quit()


class SyncService(QObject):
    """Syncs one stage with the hub in the settings, in the background, round after round."""

    status_changed = Signal(object)  # SyncStatus
    synced = Signal(object)  # SyncReport of a round that brought or sent something
    _run = Signal()
    _close = Signal()

    def __init__(
        self,
        data_dir: Path,
        slug: str,
        settings: Settings,
        *,
        desk: Desk | None = None,
        stage: Stage | None = None,
        timeout: float = 10.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.slug = slug
        self.settings = settings
        self.desk = desk or load_desk(self.data_dir)
        self.stage = stage  # the window's own connection (UI thread): counts waiting events
        self.timeout = timeout
        self.status = SyncStatus()
        self._worker: _Worker | None = None
        self._hub: tuple[str, str] | None = None
        self._busy = False
        self._again = False
        self._failures = 0
        self._stopped = False
        self._demo: bool | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.sync_now)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    # --- control --------------------------------------------------------------------------

    def _wanted(self) -> tuple[tuple[str, str] | None, bool]:
        url = str(self.settings.get("sync/hub_url") or "").strip()
        token = str(self.settings.get("sync/token") or "").strip()
        enabled = bool(self.settings.get("sync/enabled"))
        if self._not_syncing() is not None:
            return None, enabled
        return ((url, token) if enabled and url and token else None), enabled

    def _not_syncing(self) -> str | None:
        """DEMO or NOT_GIVEN when this stage must not sync whatever the settings say.

        Hub settings belong to the stages this desk was given (`sync/stages`: a setup code,
        Connect to a hub, or Settings saved while the stage was open); a desk set up before
        that list existed keeps syncing the stages that already synced with a hub."""
        from desktop_app.sync.client import HUB_KEY

        stage, opened = self.stage, None
        if stage is None and stage_path(self.data_dir, self.slug).exists():
            try:
                stage = opened = Stage.open_path(stage_path(self.data_dir, self.slug), self.desk)
            except Exception:  # the worker will say what is wrong with the file
                return None
        try:
            if stage is None:
                return None  # no copy here yet: syncing only downloads it from the hub
            if self._demo is None:
                self._demo = stage.is_demo  # made once, in the stage's creation
            if self._demo:
                return DEMO
            if self.slug in given_stages(self.settings):
                return None
            if not self.settings.is_set("sync/stages"):
                return None if stage.get_sync_value(HUB_KEY) else NOT_GIVEN
            return NOT_GIVEN
        except sqlite3.Error:  # the window closed its stage: nothing to sync any more
            return NOT_GIVEN if self._demo is None else (DEMO if self._demo else NOT_GIVEN)
        finally:
            if opened is not None:
                opened.close()

    def check_settings(self) -> None:
        """Follow the settings dialog: start, stop or switch hub when they changed."""
        if not self._stopped and self._wanted()[0] != self._hub:
            self.start()

    def start(self) -> None:
        """(Re)read the settings and start syncing if it is switched on."""
        self._stopped = False
        wanted, enabled = self._wanted()
        url = wanted[0] if wanted else ""
        token = wanted[1] if wanted else ""
        if wanted != self._hub:
            self._stop_worker()
        if wanted is None:
            why = self._not_syncing()
            if why == DEMO:
                message = _tr(
                    "This is the demo stage: its people are made up, so it never syncs with "
                    "the hub. Open a real stage to sync."
                )
            elif why == NOT_GIVEN and enabled:
                message = _tr(
                    "The hub in Settings is for the stages this desk was given, not this one. "
                    "To sync it, open Settings with this stage open and save the hub again, "
                    "or ask the organizer for a setup code that includes it."
                )
            else:
                why = OFF
                message = _tr("Sync is off") if not enabled else _tr("No hub address or token")
            self._set(SyncStatus(why or OFF, waiting=self._waiting(), message=message))
            return
        if self._worker is None:
            self._hub = wanted
            self._worker = _Worker(self.data_dir, self.slug, self.desk, url, token, self.timeout)
            self._worker.moveToThread(_hub_thread(url))
            self._run.connect(self._worker.run_round)
            self._close.connect(self._worker.close)
            self._worker.finished.connect(self._finished)
            self._failures = 0
            self._set(replace(self.status, state=CONNECTING, message="", waiting=self._waiting()))
        self.sync_now()

    def stop(self) -> None:
        self._stopped = True
        self._timer.stop()
        self._stop_worker()

    def _stop_worker(self) -> None:
        worker, hub = self._worker, self._hub
        self._worker, self._hub = None, None
        if worker is None or hub is None:
            return
        self._run.disconnect(worker.run_round)
        worker.finished.disconnect(self._finished)
        thread = _last_user(hub[0])
        worker.quit_thread = thread is not None
        # Queued behind a round still running: the worker closes its stage on its own thread.
        self._close.emit()
        self._close.disconnect(worker.close)
        # Python must not delete it while its thread may still be running a round.
        _retired.append(worker)
        self._busy = False
        if thread is not None:
            thread.wait(15000)

    @Slot()
    def sync_now(self) -> None:
        """Run a round now (e.g. right after a check-in), or right after the current one."""
        if self._worker is None:
            return
        if self._busy:
            self._again = True
            return
        self._timer.stop()
        self._busy = True
        self._again = False
        self._run.emit()

    # --- results --------------------------------------------------------------------------

    def _interval_s(self) -> float:
        try:
            return max(0.2, float(self.settings.get("sync/interval_s")))
        except (TypeError, ValueError):
            return 2.0

    def _waiting(self) -> int:
        if self.stage is None:
            return self.status.waiting
        try:
            return self.stage.unsynced_count()
        except Exception:  # a closed or busy stage: keep the last number
            return self.status.waiting

    @Slot(object, object)
    def _finished(self, report: Any, error: Exception | None) -> None:
        from desktop_app.sync.errors import HubRefused

        self._busy = False
        interval = self._interval_s()
        if error is None:
            self._failures = 0
            self._set(
                SyncStatus(
                    ONLINE,
                    waiting=report.unsynced,
                    last_sync=datetime.now().astimezone(),
                    clock_offset_ms=report.clock_offset_ms,
                    clock_warning=report.clock_warning,
                    pulled=report.pulled,
                    refused=getattr(report, "refused", 0),
                    quarantined=getattr(report, "quarantined", 0),
                )
            )
            if report.pulled or report.pushed:
                self.synced.emit(report)
            delay = interval
        else:
            self._failures += 1
            refused = isinstance(error, HubRefused)
            self._set(
                replace(
                    self.status,
                    state=REFUSED if refused else OFFLINE,
                    waiting=self._waiting(),
                    message=(refusal_text(error, self.slug) if refused else "")
                    or getattr(error, "message", "")
                    or type(error).__name__,
                    failures=self._failures,
                    pulled=0,
                )
            )
            partial = getattr(error, "report", None)  # only the push was refused
            if partial is not None and partial.pulled:
                self.synced.emit(partial)  # the others' check-ins still reach the screens
            backoff = interval * 2 ** min(self._failures, 8)
            cap = MAX_BACKOFF_S if refused else max(interval, OFFLINE_RETRY_MAX_S)
            delay = min(cap, backoff) * random.uniform(0.8, 1.2)
        if self._worker is None:
            return
        if self._again:
            self.sync_now()
        else:
            self._timer.start(int(delay * 1000))

    def _set(self, status: SyncStatus) -> None:
        self.status = status
        self.status_changed.emit(status)

    def refresh_waiting(self) -> None:
        """Count this desk's waiting events again (after a check-in, before the next round)."""
        waiting = self._waiting()
        if waiting != self.status.waiting:
            more = waiting > self.status.waiting
            self._set(replace(self.status, waiting=waiting))
            if more and self.status.state == ONLINE:
                self.sync_now()  # a new check-in: the other desks see it within seconds


def refusal_text(error: Any, slug: str) -> str:
    """What the hub's refusal means for the clerk, and what to do about it."""
    code = getattr(error, "code", "")
    texts = {
        "stage_not_allowed": _tr(
            "The hub does not let this desk sync the stage '%1'. Ask the organizer to add "
            "it to this desk (Add a desk), or open a stage this desk was given."
        ),
        "not_allowed": _tr(
            "The hub does not have the stage '%1' yet and only the organizer's laptop may "
            "publish it. Ask the organizer to publish it, or get it with Connect to a hub."
        ),
        "stage_not_on_hub": _tr(
            "The hub does not have the stage '%1'. Ask the organizer to publish it first."
        ),
        "demo_stage": _tr(
            "The hub does not take the demo stage: its people are made up. Open a real stage."
        ),
        "unauthorized": _tr(
            "The hub does not know this desk's token. Scan a new setup code from the "
            "organizer (Add a desk)."
        ),
        "token_revoked": _tr(
            "The organizer revoked this desk's token. Scan a new setup code from the organizer."
        ),
        "token_bound_elsewhere": _tr(
            "This token belongs to another laptop. Ask the organizer to replace this desk "
            "(Add a desk ▸ Replace) and scan the new setup code."
        ),
        "stage_slug_taken": _tr(
            "The hub already has a different stage called '%1'. Get the stage from the hub "
            "with Connect to a hub instead of creating it again."
        ),
    }
    text = texts.get(code, "")
    return text.replace("%1", slug)


# --- the indicator --------------------------------------------------------------------------------


def status_text(status: SyncStatus) -> tuple[str, str]:
    """(short text, tooltip) for a status, in the clerk's language."""
    when = status.last_sync.strftime("%H:%M") if status.last_sync else ""
    if status.state == OFF:
        text = "○ " + _tr("Not syncing")
    elif status.state == CONNECTING:
        text = "◌ " + _tr("Connecting to the hub…")
    elif status.state == ONLINE:
        text = "● " + _tr("Synced %1").replace("%1", when)
    elif status.state == REFUSED:
        text = "⚠ " + _tr("Hub refused this desk")
    elif status.state == DEMO:
        text = "○ " + _tr("Demo stage: never synced")
    elif status.state == NOT_GIVEN:
        text = "○ " + _tr("Not syncing: stage not given to this desk")
    else:
        text = "○ " + _tr("Offline")
    if status.waiting and status.state != DEMO:
        text += " · " + _tr("%1 waiting").replace("%1", str(status.waiting))
    tips = []
    if status.message:
        tips.append(status.message)
    if when and status.state != ONLINE:
        tips.append(_tr("Last synced at %1").replace("%1", when))
    if status.clock_warning and status.clock_offset_ms is not None:
        minutes = round(abs(status.clock_offset_ms) / 60000)
        way = _tr("ahead") if status.clock_offset_ms > 0 else _tr("behind")
        text += " · ⚠ " + _tr("Clock")
        tips.append(
            _tr("This computer's clock is %1 min %2 of the hub's. Please set it right.")
            .replace("%1", str(minutes))
            .replace("%2", way)
        )
    if status.refused:
        text += " · ⚠ " + _tr("%1 refused").replace("%1", str(status.refused))
        tips.append(
            _tr(
                "The hub refused %1 of this desk's events (the others were sent). "
                "They are kept and sent again at every sync."
            ).replace("%1", str(status.refused))
        )
    if status.quarantined:
        tips.append(
            _tr(
                "%1 events from the hub cannot be used on this desk and were set aside; "
                "everything else is up to date."
            ).replace("%1", str(status.quarantined))
        )
    return text, "\n".join(tips)


class SyncStatusWidget(QWidget):
    """The small "● Synced 09:14" in the desk window's corner."""

    def __init__(self, service: SyncService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.label = QLabel(self)
        self.label.setObjectName("syncStatus")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        service.status_changed.connect(self.show_status)
        self._poll = QTimer(self)  # waiting events change with every check-in
        self._poll.timeout.connect(self.poll)
        self._poll.start(1000)
        self.show_status(service.status)

    @Slot()
    def poll(self) -> None:
        self.service.check_settings()
        self.service.refresh_waiting()

    @Slot(object)
    def show_status(self, status: SyncStatus) -> None:
        text, tip = status_text(status)
        self.label.setText(text)
        self.label.setToolTip(tip)
        self.label.setAccessibleName(text)
        warn = status.clock_warning or status.state in (REFUSED,)
        self.label.setStyleSheet("color: #b3261e; font-weight: bold;" if warn else "")

    def text(self) -> str:
        return self.label.text()


def create_indicator(
    parent: QWidget,
    stage: Stage,
    settings: Settings,
    data_dir: Path,
    desk: Desk | None = None,
) -> SyncStatusWidget:
    """The desk window's sync indicator: a status widget whose service starts per the settings."""
    service = SyncService(data_dir, stage.info.slug, settings, desk=desk or stage.desk, stage=stage)
    widget = SyncStatusWidget(service, parent)
    service.setParent(widget)
    notice = getattr(parent, "show_notice", None)
    if callable(notice):
        said = {"state": OFF}

        def say_why(status: SyncStatus) -> None:
            # a refusal, or a stage that never syncs, is said once in the window's own words
            changed = status.state != said["state"]
            if changed and status.state in (REFUSED, DEMO, NOT_GIVEN) and status.message:
                notice(status.message)
            said["state"] = status.state

        service.status_changed.connect(say_why)
    service.start()
    return widget
