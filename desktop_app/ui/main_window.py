"""The check-in window a clerk stares at from 8:30 to 10:00 with a queue in front of them.

Views are thin: every decision comes from core.checkin. This window collects the scan from its
widgets and queues scans while a dialog is open; the desk controller (ui/desk_controller.py,
`self.desk`) shows what core decided: banner, sound, automatic badge, the offers that follow.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import checkin
from desktop_app.core.errors import RoadshowError
from desktop_app.core.model import CATEGORIES, Attendee
from desktop_app.core.store import Stage
from desktop_app.ui import door, printing, reports, sync_status, text
from desktop_app.ui.banner import Banner
from desktop_app.ui.desk_controller import DeskController
from desktop_app.ui.dialogs import Prompts
from desktop_app.ui.scan_input import ScanGuard, ScanInput
from desktop_app.ui.search import ResultsModel, list_name, status_text
from desktop_app.ui.settings import Settings
from desktop_app.ui.sounds import Sounds
from desktop_app.ui.vip_notice import VipNotices

SEARCH_LIMIT = 50
RECENT = 10


@dataclass
class DeskContext:
    data_dir: Path
    stage: Stage
    settings: Settings
    prompts: Prompts
    sounds: Sounds
    language: str = "en"
    scale: float = 1.0
    high_contrast: bool = False


def _breakable(value: str, run: int = 30) -> str:
    """The text with a zero-width space in every unbroken run longer than `run` characters,
    so a wrapping label can break it instead of widening the window."""
    return " ".join(
        "\u200b".join(word[i : i + run] for i in range(0, len(word), run))
        if len(word) > run
        else word
        for word in value.split(" ")
    )


def _no_wider(label: QLabel) -> None:
    """A label that takes the width its layout gives it and never asks for more (long texts
    wrap or are cut, the window keeps its size)."""
    label.setSizePolicy(QSizePolicy.Policy.Ignored, label.sizePolicy().verticalPolicy())


def _font(widget: QWidget, points: float, bold: bool = False) -> None:
    font = widget.font()
    font.setPointSizeF(points)
    font.setBold(bold)
    widget.setFont(font)


class MainWindow(QMainWindow):
    def __init__(self, ctx: DeskContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.stage = ctx.stage
        self.settings = ctx.settings
        self.prompts = ctx.prompts
        self.sounds = ctx.sounds
        self.dialog: QDialog | None = None
        self.queued: deque[str] = deque()
        self.last_results_at = 0.0
        self.notice_text = ""
        self.chosen = False  # the clerk chose the selected rows (arrows, click, Ctrl+Space)
        self.camera = None
        self._event_count = -1
        self.session_id = self._session_door()
        self.setWindowTitle(self.tr("Roadshow Desk — %1").replace("%1", self.stage.info.title))
        self._build()
        self.desk = DeskController(
            self,
            stage=self.stage,
            banner=self.banner,
            sounds=self.sounds,
            settings=self.settings,
            prompts=self.prompts,
            data_dir=ctx.data_dir,
            open_dialog=self.open_dialog,
            session_of=lambda: self.session_id,
            operator_of=lambda: self.operator,
            print_first_badge=lambda attendee: self.print_badge(attendee, auto=True),
            refresh=self.refresh_side,
            ask_to_choose=self._ask_to_choose,
            clear_scan=self.scan.clear,
        )
        self._actions()
        self.guard = ScanGuard(self, home=self)
        self.guard.scanned.connect(lambda value: self.submit_scan(value, scanned=True))
        QApplication.instance().installEventFilter(self.guard)
        self.drain_timer = QTimer(self)
        self.drain_timer.setInterval(200)
        self.drain_timer.timeout.connect(self._drain)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(2000)
        self.refresh_timer.timeout.connect(self._refresh_if_changed)
        self.refresh_timer.start()
        self.refresh_side()
        self._attach_sync_indicator()
        self.vip_notices.follow(getattr(self, "sync_indicator", None))
        QTimer.singleShot(300, self.sounds.preload)
        if self.settings.get("camera/enabled"):
            QTimer.singleShot(0, lambda: self.set_camera(True))
        if self.stage.recovered:
            self.show_notice(
                self.tr(
                    "The app was not closed properly last time: the stage file was checked and is sound."
                )
            )
        self.scan.setFocus()

    # --- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        s = self.ctx.scale
        central = QWidget(self)
        root = QVBoxLayout(central)
        root.setContentsMargins(10, 6, 10, 6)
        root.setSpacing(6)

        status = QHBoxLayout()
        info = self.stage.info
        self.stage_label = QLabel(
            " · ".join(p for p in (info.title, info.theme, text.date_text(info.date)) if p), self
        )
        _font(self.stage_label, 11 * s, bold=True)
        self.desk_label = QLabel(self)
        _font(self.desk_label, 11 * s)
        self.sync_slot = QHBoxLayout()
        status.addWidget(self.stage_label)
        status.addStretch(1)
        status.addWidget(self.desk_label)
        status.addSpacing(16)
        status.addLayout(self.sync_slot)
        root.addLayout(status)

        self.scan = ScanInput(self, idle_ms=int(self.settings.get("checkin/scan_idle_ms")))
        self.scan.setObjectName("scan")
        self.scan.setPlaceholderText(self.tr("Scan the QR code or type a name…"))
        _font(self.scan, 18 * s)
        self.scan.setMinimumHeight(int(46 * s))
        self.scan.textChanged.connect(self.on_text_changed)
        self.scan.submitted.connect(self.submit_scan)
        self.scan.navigate.connect(self.move_selection)
        self.scan.toggle_mark.connect(self.toggle_mark)
        self.scan.escaped.connect(self._escape)
        root.addWidget(self.scan)

        body = QHBoxLayout()
        body.setSpacing(10)
        left = QVBoxLayout()
        left.setSpacing(6)
        self.banner = Banner(self, scale=s)
        self.banner.setMinimumHeight(int(230 * s))
        self.banner.setMaximumHeight(int(300 * s))
        left.addWidget(self.banner, 3)
        self.results_hint = QLabel(self.tr("Results (↑↓ to choose, Enter to check in)"), self)
        _font(self.results_hint, 11 * s, bold=True)
        # Messages share the results' title row, so nothing on screen moves when one appears.
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        _font(self.notice, 11 * s, bold=True)
        self.notice.setWordWrap(True)
        self.notice.hide()
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.results_hint)
        hint_row.addStretch(1)
        hint_row.addWidget(self.notice)
        left.addLayout(hint_row)

        lower = QHBoxLayout()
        self.model = ResultsModel(self)
        self.results = QTableView(self)
        self.results.setModel(self.model)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.verticalHeader().hide()
        self.results.setShowGrid(False)
        self.results.setAlternatingRowColors(True)
        self.results.setWordWrap(False)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        _font(self.results, 12 * s)
        self.results.verticalHeader().setDefaultSectionSize(int(28 * s))
        self.results.selectionModel().selectionChanged.connect(lambda *_: self.show_details())
        self.results.doubleClicked.connect(lambda _i: self.check_in_selected())
        self.results.pressed.connect(lambda _i: self._choose())
        lower.addWidget(self.results, 3)
        lower.addWidget(self._details_panel(), 2)
        left.addLayout(lower, 2)
        body.addLayout(left, 1)
        self.counters = self._counters_panel()
        self.vip_notices = VipNotices(self.stage, self.counters, scale=s)  # VIP arrivals
        self.vip_notices.operator_of = lambda: self.operator
        self.counters.layout().insertWidget(0, self.vip_notices)  # takes room from the list
        body.addWidget(self.counters)
        root.addLayout(body, 1)
        root.addWidget(self._keys_bar())
        self.setCentralWidget(central)
        style = (
            "QLineEdit#scan { border: 3px solid #1f4e8c; border-radius: 6px; padding: 2px 10px; }"
            "QLabel#notice { background: #fff4ce; color: #111; padding: 4px 8px; border-radius: 4px; }"
            "QFrame#panel { background: #f4f5f7; border: 1px solid #c9ccd1; border-radius: 8px; }"
            "QTableView { selection-background-color: #1f4e8c; selection-color: white; }"
        )
        if self.ctx.high_contrast:  # pure black on white, heavy outlines
            style += (
                "QWidget { color: #000; }"
                "QMainWindow, QFrame#panel, QTableView, QListWidget { background: #fff; }"
                "QLineEdit#scan { border: 4px solid #000; }"
                "QFrame#panel { border: 2px solid #000; }"
                "QTableView { selection-background-color: #000; selection-color: #fff; }"
                "QPushButton { border: 2px solid #000; padding: 4px; background: #fff; }"
                "QPushButton:disabled { color: #767676; border: 2px dashed #767676; }"
            )
            self.results.setAlternatingRowColors(False)
        self.setStyleSheet(style)

    def _details_panel(self) -> QFrame:
        s = self.ctx.scale
        panel = QFrame(self)
        panel.setObjectName("panel")
        layout = QVBoxLayout(panel)
        self.detail_name = QLabel(panel)
        _font(self.detail_name, 14 * s, bold=True)
        self.detail_name.setWordWrap(True)
        self.detail_info = QLabel(panel)
        _font(self.detail_info, 11 * s)
        self.detail_info.setWordWrap(True)
        self.detail_info.setAlignment(Qt.AlignmentFlag.AlignTop)
        _no_wider(self.detail_name)
        _no_wider(self.detail_info)
        layout.addWidget(self.detail_name)
        layout.addWidget(self.detail_info, 1)
        grid = QGridLayout()
        self.btn_checkin = QPushButton(self.tr("Check in (Enter)"), panel)
        self.btn_undo = QPushButton(self.tr("Undo (F4)"), panel)
        self.btn_edit = QPushButton(self.tr("Edit (F5)"), panel)
        self.btn_print = QPushButton(self.tr("Badge (F3)"), panel)
        for i, b in enumerate((self.btn_checkin, self.btn_undo, self.btn_edit, self.btn_print)):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            _font(b, 11 * s)
            grid.addWidget(b, i // 2, i % 2)
        self.btn_checkin.clicked.connect(self.check_in_selected)
        self.btn_undo.clicked.connect(self.undo_current)
        self.btn_edit.clicked.connect(self.edit_current)
        self.btn_print.clicked.connect(self.print_current)
        layout.addLayout(grid)
        return panel

    def _counters_panel(self) -> QFrame:
        s = self.ctx.scale
        panel = QFrame(self)
        panel.setObjectName("panel")
        panel.setFixedWidth(int(330 * s))
        layout = QVBoxLayout(panel)
        self.present_label = QLabel(panel)
        _font(self.present_label, 20 * s, bold=True)
        layout.addWidget(self.present_label)
        self.category_labels: dict[str, QLabel] = {}
        self.category_names: dict[str, QLabel] = {}  # retranslated at a language change
        grid = QGridLayout()
        for row, c in enumerate(CATEGORIES):
            name = QLabel(text.category_plural(c), panel)
            self.category_names[c] = name
            value = QLabel(panel)
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            _font(name, 12 * s)
            _font(value, 12 * s, bold=True)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.category_labels[c] = value
        layout.addLayout(grid)
        self.recent_title = QLabel(door.tr("Recent outcomes"), panel)
        _font(self.recent_title, 13 * s, bold=True)
        layout.addSpacing(6)
        layout.addWidget(self.recent_title)
        self.recent = RecentList(panel)
        self.recent.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recent.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        _font(self.recent, 11 * s)
        self.recent.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.recent, 1)
        return panel

    def _keys_bar(self) -> QWidget:
        bar = QWidget(self)
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(0, 0, 0, 0)
        self.key_buttons = []
        for label, slot in (
            (self.tr("F2 Walk-in"), self.walk_in),
            (self.tr("F3 Print badge"), self.print_current),
            (self.tr("F4 Undo check-in"), self.undo_current),
            (self.tr("F5 Edit"), self.edit_current),
        ):
            b = QPushButton(label, bar)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            _font(b, 12 * self.ctx.scale, bold=True)
            b.clicked.connect(slot)
            layout.addWidget(b)
            self.key_buttons.append(b)
        return bar

    def _actions(self) -> None:
        menu = self.menuBar()
        stage_menu = menu.addMenu(self.tr("&Stage"))
        self.import_action = self._menu_action(
            stage_menu, self.tr("Import registration list…"), self.open_import
        )
        self.print_badges_action = self._menu_action(
            stage_menu, self.tr("Print badges…"), self.open_batch_print
        )
        self.preview_action = self._menu_action(
            stage_menu, self.tr("Badge preview…"), self.preview_current
        )
        stage_menu.addSeparator()
        self.reports_action = self._menu_action(stage_menu, self.tr("Reports…"), self.open_reports)
        self._mail_actions(stage_menu)
        from desktop_app.ui import stage_actions  # duplicates, series, erase, purge

        stage_actions.add_to_menu(self, stage_menu)
        stage_menu.addSeparator()
        self.switch_action = self._menu_action(
            stage_menu, self.tr("Switch stage…"), self.open_stage_picker
        )
        self.quit_action = quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        stage_menu.addAction(quit_action)
        desk_menu = menu.addMenu(self.tr("&Desk"))
        self.camera_action = QAction(self.tr("Camera scanning"), self)
        self.camera_action.setCheckable(True)
        self.camera_action.toggled.connect(self.set_camera)
        desk_menu.addAction(self.camera_action)
        self.settings_action = settings_action = QAction(self.tr("Settings…"), self)
        settings_action.triggered.connect(self.open_settings)
        desk_menu.addAction(settings_action)
        self.mail_settings_action = self._menu_action(
            desk_menu, self.tr("Mail server…"), self.open_mail_settings
        )
        desk_menu.addSeparator()
        self.venue_hub_action = self._menu_action(
            desk_menu, self.tr("Run the hub on this laptop…"), self.open_venue_hub
        )
        self.add_desk_action = self._menu_action(
            desk_menu, self.tr("Add a desk…"), self.open_add_desk
        )
        for key, slot in (
            ("F2", self.walk_in),
            ("F3", self.print_current),
            ("F4", self.undo_current),
            ("F5", self.edit_current),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            self.addAction(action)
        self._registration_actions()

    def _registration_actions(self) -> None:
        """Attendee ▸ Cancel registration… / Restore registration, also on the results' menu."""
        menu = self.menuBar().addMenu(door.tr("&Attendee"))
        self.cancel_action = QAction(door.tr("Cancel registration…"), self)
        self.cancel_action.triggered.connect(self.cancel_current)
        self.restore_action = QAction(door.tr("Restore registration"), self)
        self.restore_action.triggered.connect(self.restore_current)
        for action in (self.cancel_action, self.restore_action):
            menu.addAction(action)
            self.results.addAction(action)
        self.results.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    # --- state shown -----------------------------------------------------------------------

    @property
    def operator(self) -> str:
        return self.settings.get("desk/operator")

    def _session_door(self) -> str:
        wanted = self.settings.get("checkin/session_id")
        if wanted and any(s["id"] == wanted for s in self.stage.sessions()):
            return wanted
        return ""

    def refresh_side(self) -> None:
        """Counters, the last check-ins, the status line: after every action, and live."""
        self._event_count = self.stage.event_count()
        self.vip_notices.poll()
        counts = self.stage.counts()
        self.present_label.setText(
            self.tr("Present %1 / %2")
            .replace("%1", str(counts["checked_in"]))
            .replace("%2", str(counts["registered"]))
        )
        for c, label in self.category_labels.items():
            v = counts["by_category"].get(c, {"registered": 0, "checked_in": 0})
            label.setText(f"{v['checked_in']} / {v['registered']}")
        self.recent.set_rows(
            door.recent_rows(
                self.stage,
                RECENT,
                self.session_id,
                again=self.tr("again"),
                undone=self.tr("undone"),
            )
        )
        desk = self.stage.desk.name
        self.desk_label.setText(" · ".join(p for p in (desk, self.operator) if p))
        session = next((x for x in self.stage.sessions() if x["id"] == self.session_id), None)
        if session:
            self.results_hint.setText(
                self.tr("Session door: %1").replace("%1", session["name"])
                + " — "
                + self.tr("Results (↑↓ to choose, Enter to check in)")
            )
        self.show_details()

    def _refresh_if_changed(self) -> None:
        if self.stage.event_count() != self._event_count:
            self.refresh_side()
            if self.model.people:
                self._research_keeping_selection()

    def _research_keeping_selection(self) -> None:
        """Another desk changed something: fresh statuses, same people still selected."""
        sel = self.results.selectionModel()
        chosen = {a.id for a in self.current_people()}
        current = sel.currentIndex().row()
        current_id = self.model.people[current].id if 0 <= current < len(self.model.people) else ""
        self.model.set_people(self.stage.search(self.scan.text(), limit=SEARCH_LIMIT))
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row, a in enumerate(self.model.people):
            if a.id in chosen:
                sel.select(self.model.index(row, 0), flags)
            if a.id == current_id:
                sel.setCurrentIndex(
                    self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
                )
        if not sel.hasSelection() and self.model.people:
            self.results.selectRow(0)
        self.show_details()

    _asked_to_choose = False

    def show_notice(self, message: str) -> None:
        self.notice_text = message
        self.notice.setText(message)
        self.notice.setVisible(bool(message))

    def current_people(self) -> list[Attendee]:
        """The people selected in the results, else (nothing being searched) the person on
        the banner. A search with no results selects nobody."""
        rows = sorted({i.row() for i in self.results.selectionModel().selectedRows()})
        if self.model.people:
            return [self.model.people[r] for r in rows]
        if self.scan.text().strip():
            return []
        return [self.banner.attendee] if self.banner.attendee else []

    def show_details(self) -> None:
        people = self.current_people()
        one = self.stage.attendee(people[0].id) if len(people) == 1 else None
        self.cancel_action.setEnabled(one is not None and not one.cancelled)
        self.restore_action.setEnabled(one is not None and one.cancelled)
        if not people:
            self.detail_name.setText(self.tr("Nobody selected"))
            self.detail_info.setText(
                self.tr("Scan a QR code, or type two letters of a name and pick with ↑↓.")
            )
            for b in (self.btn_checkin, self.btn_undo, self.btn_edit, self.btn_print):
                b.setEnabled(False)
            return
        if len(people) > 1:
            self.detail_name.setText(self.tr("%1 people selected").replace("%1", str(len(people))))
            self.detail_info.setText(_breakable("\n".join(list_name(a) for a in people[:8])))
            self.btn_checkin.setText(self.tr("Check in all (Enter)"))
        else:
            a = self.stage.attendee(people[0].id)  # fresh: another desk may have changed it
            self.detail_name.setText(_breakable(a.display_name))
            lines = [
                a.company,
                " · ".join(p for p in (text.category_name(a.category), a.role) if p),
            ]
            if a.checked_in:
                lines.append(
                    self.tr("Checked in at %1 (%2)")
                    .replace("%1", text.time_text(a.checked_in_at))
                    .replace("%2", a.checkin_desk or "?")
                )
            else:
                lines.append(status_text(a) if a.cancelled else self.tr("Not checked in yet"))
            if a.badge_prints:
                lines.append(self.tr("Badges printed: %1").replace("%1", str(a.badge_prints)))
            lines.append(self.tr("Code: %1").replace("%1", a.code))
            if door.banner_note(a):
                lines.append(door.banner_note(a))
            self.detail_info.setText(_breakable("\n".join(p for p in lines if p)))
            self.btn_checkin.setText(self.tr("Check in (Enter)"))
        for b in (self.btn_checkin, self.btn_undo, self.btn_edit, self.btn_print):
            b.setEnabled(True)
        self.btn_edit.setEnabled(len(people) == 1)
        self.btn_undo.setEnabled(len(people) == 1)

    # --- search -------------------------------------------------------------------------

    def on_text_changed(self, value: str) -> None:
        self.chosen = False
        if self._asked_to_choose:  # "choose one of N" spoke of the text that is now gone
            self._asked_to_choose = False
            self.show_notice("")
        if not value.strip() or checkin.clean_scan(value).upper().startswith("RD1"):
            self.model.set_people([])
            self.show_details()
            return
        self.model.set_people(self.stage.search(value, limit=SEARCH_LIMIT))
        if self.model.people:
            self.results.selectRow(0)
        else:
            self.show_details()
        self.last_results_at = time.perf_counter()

    def move_selection(self, delta: int, extend: bool) -> None:
        count = self.model.rowCount()
        if not count:
            return
        sel = self.results.selectionModel()
        current = sel.currentIndex().row() if sel.currentIndex().isValid() else -1
        row = max(0, min(count - 1, current + delta))
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.Rows
        if extend:
            flags |= QItemSelectionModel.SelectionFlag.Select
        else:
            flags |= QItemSelectionModel.SelectionFlag.ClearAndSelect
        sel.setCurrentIndex(index, flags)
        self.results.scrollTo(index)
        self._choose()

    def _choose(self) -> None:
        self.chosen = True
        self.show_notice("")

    def toggle_mark(self) -> None:
        self._choose()
        sel = self.results.selectionModel()
        if sel.currentIndex().isValid():
            sel.select(
                sel.currentIndex(),
                QItemSelectionModel.SelectionFlag.Toggle | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _escape(self) -> None:
        self.show_notice("")
        self.model.set_people([])
        self.show_details()

    # --- scans and check-ins -----------------------------------------------------------

    def submit_scan(self, value: str, scanned: bool = False) -> None:
        """Every scan comes here: scanner, typed Enter, camera, or the guard (a scanner burst
        taken out of a dialog or another window: `scanned`)."""
        if self._setup_code_scanned(value):
            return
        if self.dialog is not None or QApplication.activeModalWidget() is not None:
            # The open form is left as it was; the scan is handled when it closes.
            self.queued.append(value)
            self.drain_timer.start()
            self.show_notice(self.tr("A scan is waiting: it is handled when the dialog closes."))
            return
        if scanned and not self.isActiveWindow():
            self.raise_()  # another window of the app (Reports) was in front: show the banner
            self.activateWindow()
        self.handle_scan(value, scanned=scanned)

    def _drain(self) -> None:
        while self.queued and self.dialog is None and QApplication.activeModalWidget() is None:
            self.handle_scan(self.queued.popleft(), scanned=True)
        if not self.queued:
            self.drain_timer.stop()

    def scan_of(self, value: str, scanned: bool = False) -> checkin.Scan:
        """The scan as core decides it: the text and what the results show and select."""
        selected = tuple(self.current_people()) if self.model.people else ()
        # rows found only by forgiving a typo ("rosi" -> Rossi) are a suggestion, not a match
        return checkin.Scan(
            value,
            selected=selected,
            matches=self.model.rowCount(),
            chosen=self.chosen,
            scanned=scanned,
            as_typed=self.model.as_typed,
        )

    def handle_scan(self, value: str, scanned: bool = False) -> None:
        """The scan from the widgets, decided by core, shown by the desk controller."""
        self.show_notice("")
        try:
            decision = checkin.decide(
                self.stage,
                self.scan_of(value, scanned),
                operator=self.operator,
                data_dir=self.ctx.data_dir,
                session_id=self.session_id,
                offer_party=True,
                print_first_badge=self.desk.prints_first_badge,
            )
        except RoadshowError as exc:
            self.scan.clear()
            self.desk.show_error(exc.message)
        else:
            self.desk.present(decision)
        self.scan.setFocus()

    def _ask_to_choose(self, message: str) -> None:
        """Several people match what was typed: the notice stays until the text changes."""
        self._asked_to_choose = True
        self.show_notice(message)

    def check_in_selected(self) -> None:
        people = self.current_people()
        if people:
            self.scan.clear()
            self.desk.admit(people, method="search")
        self.scan.setFocus()

    def admit(self, people: list[Attendee], method: str = "search") -> None:
        """The desk controller's admit (tests and benchmarks of sync check people in so)."""
        self.desk.admit(people, method=method)

    @property
    def last_banner_at(self) -> float:
        """perf_counter when the banner last changed (benchmarks)."""
        return self.desk.last_banner_at

    # --- dialogs ----------------------------------------------------------------------

    def open_dialog(self, dialog: QDialog, on_done) -> None:
        """Open a dialog without blocking; scans that arrive meanwhile wait in the queue."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self._track(dialog, on_done)
        dialog.open()

    def _track(self, dialog: QDialog, on_done) -> None:
        """While this (already open or about to open) dialog is up, scans wait in the queue."""
        self.dialog = dialog

        def finished(result: int) -> None:
            self.dialog = None
            try:
                on_done(result == QDialog.DialogCode.Accepted)
            except RoadshowError as exc:
                self.show_notice(exc.message)
            finally:
                dialog.deleteLater()
                self.activateWindow()
                self.scan.setFocus()
                QTimer.singleShot(0, self._drain)

        dialog.finished.connect(finished)

    def undo_current(self) -> None:
        people = self.current_people()
        if len(people) != 1:
            self.show_notice(self.tr("Choose one person to undo their check-in."))
            return
        person = self.stage.attendee(people[0].id)
        if not self.session_id and not person.checked_in:
            self.show_notice(
                self.tr("%1 is not checked in: nothing to undo.").replace("%1", person.full_name)
            )
            return
        dialog = self.prompts.reason(self, person.full_name)

        def answered(ok: bool) -> None:
            if not ok:
                return
            checkin.undo(
                self.stage,
                person,
                dialog.reason.text(),
                operator=self.operator,
                session_id=self.session_id,
            )
            fresh = self.stage.attendee(person.id)
            self.scan.clear()
            self.banner.show_info("↶", self.tr("Check-in undone"), fresh)
            self.desk.last_banner_at = time.perf_counter()
            self.refresh_side()

        self.open_dialog(dialog, answered)

    def _one_person(self, ask: str) -> Attendee | None:
        """The one person selected (fresh from the store), else None after asking for one."""
        people = self.current_people()
        if len(people) != 1:
            self.show_notice(ask)
            return None
        return self.stage.attendee(people[0].id)

    def cancel_current(self) -> None:
        """Attendee ▸ Cancel registration…: a reason, then the door refuses them with it."""
        person = self._one_person(door.tr("Choose one person to cancel their registration."))
        if person is None:
            return
        if person.cancelled:
            self.show_notice(
                door.tr("The registration of %1 is already cancelled.").replace(
                    "%1", person.full_name
                )
            )
            return
        dialog = door.CancelRegistrationDialog(self, person)

        def answered(ok: bool) -> None:
            if not ok:
                return
            fresh = checkin.cancel(self.stage, person, dialog.reason.text(), operator=self.operator)
            self._registration_changed(fresh, door.tr("Registration cancelled: %1"))

        self.open_dialog(dialog, answered)

    def restore_current(self) -> None:
        """Attendee ▸ Restore registration: after a confirmation, admitted at the door again."""
        person = self._one_person(door.tr("Choose one person to restore their registration."))
        if person is None:
            return
        if not person.cancelled:
            self.show_notice(
                door.tr("The registration of %1 is not cancelled.").replace("%1", person.full_name)
            )
            return
        dialog = self.prompts.confirm(
            self,
            door.tr("Restore registration"),
            door.tr(
                "Restore the registration of %1? They will be admitted at the door again."
            ).replace("%1", person.full_name),
            door.tr("Restore registration"),
        )

        def answered(ok: bool) -> None:
            if ok:
                fresh = checkin.restore(self.stage, person, operator=self.operator)
                self._registration_changed(fresh, door.tr("Registration restored: %1"))

        self.open_dialog(dialog, answered)

    def _registration_changed(self, fresh: Attendee, words: str) -> None:
        self.model.replace(fresh)
        if self.banner.attendee and self.banner.attendee.id == fresh.id:
            self.banner.attendee = fresh
        self.show_notice(words.replace("%1", fresh.display_name or fresh.code))
        self.refresh_side()

    def edit_current(self) -> None:
        people = self.current_people()
        if len(people) != 1:
            self.show_notice(self.tr("Choose one person to edit."))
            return
        person = self.stage.attendee(people[0].id)
        dialog = self.prompts.edit(self, person)

        def answered(ok: bool) -> None:
            if not ok:
                return
            fresh = checkin.edit(self.stage, person, dialog.changes(), operator=self.operator)
            self.model.replace(fresh)
            if self.banner.attendee and self.banner.attendee.id == fresh.id:
                self.banner.attendee = fresh
                self.banner._person(fresh)
            self.show_notice(self.tr("Saved: %1").replace("%1", fresh.display_name))
            self.refresh_side()

        self.open_dialog(dialog, answered)

    def walk_in(self) -> None:
        from desktop_app.ui.walk_in import WalkInDialog

        dialog = WalkInDialog(self, self.stage)
        typed = self.scan.text().strip()
        if typed and not checkin.looks_scanned(typed):
            # What the clerk already typed is most likely the name, surname first as the desk
            # teaches ("rossi mario").
            words = typed.split()
            dialog.last_name.setText(words[0].title())
            dialog.first_name.setText(" ".join(words[1:]).title())

        def answered(ok: bool) -> None:
            if not ok:
                return
            self.scan.clear()
            if dialog.chosen is not None:
                self.desk.admit([self.stage.attendee(dialog.chosen.id)], method="search")
            else:
                decision = checkin.walk_in(
                    self.stage,
                    dialog.fields(),
                    operator=self.operator,
                    print_first_badge=self.desk.prints_first_badge,
                )
                self.desk.show_decision(decision)

        self.open_dialog(dialog, answered)

    def open_settings(self) -> None:
        from desktop_app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self, self.settings, self.ctx.data_dir, self.stage)

        def answered(ok: bool) -> None:
            if not ok:
                return
            dialog.save()
            self.stage.desk = dialog.desk
            self.sounds.enabled = bool(self.settings.get("checkin/sounds"))
            self.scan.set_idle_ms(int(self.settings.get("checkin/scan_idle_ms")))
            self.session_id = self._session_door()
            self.camera_action.setChecked(bool(self.settings.get("camera/enabled")))
            follow = getattr(getattr(self, "sync_indicator", None), "poll", None)
            if dialog.sync_changed and callable(follow):
                follow()  # the sync service follows the settings now, not at its next poll
            self.refresh_side()
            if dialog.language_changed:  # now, not at the next start (Qt's dialogs too)
                from desktop_app.ui.retranslate import apply_language

                self.ctx.language = apply_language(self.settings, self.ctx.data_dir)
                self.show_notice("")

        self.open_dialog(dialog, answered)

    # --- stages, the venue hub, desks (ui/stage_picker.py, ui/venue_hub.py) ----------------

    def _setup_code_scanned(self, value: str) -> bool:
        """Hook: a desk setup code is never a search or a check-in. The stage picker, when it
        is open, takes it; otherwise the desk says where to scan it."""
        from desktop_app.core.setup_code import looks_like_setup_code

        if not looks_like_setup_code(value):
            return False
        take = getattr(self.dialog, "take_setup_code", None)
        if callable(take):
            take(value)
        else:
            self.scan.clear()
            self.show_notice(
                self.tr("This is a desk setup code: open Stage ▸ Switch stage… and scan it there.")
            )
        return True

    def open_stage_picker(self) -> None:
        from desktop_app.core.demo import ensure_demo_stage
        from desktop_app.ui.stage_picker import StagePicker, local_stages

        picker = StagePicker(
            self,
            local_stages(self.ctx.data_dir),
            data_dir=self.ctx.data_dir,
            settings=self.settings,
            desk=self.stage.desk,
        )
        self.stage_picker = picker

        def answered(ok: bool) -> None:
            self.stage_picker = None
            if not ok:
                return
            slug = picker.chosen
            if picker.demo_requested:
                slug = ensure_demo_stage(self.ctx.data_dir, self.stage.desk)[0]
            if slug:
                from desktop_app.ui import app

                QTimer.singleShot(0, lambda: app.switch_stage(self, slug))

        self.open_dialog(picker, answered)

    def open_venue_hub(self) -> None:
        from desktop_app.ui.venue_hub import VenueHubDialog

        dialog = VenueHubDialog(self, self.ctx.data_dir, self.settings, self.stage)
        self.open_dialog(dialog, lambda _ok: None)

    def open_add_desk(self) -> None:
        from desktop_app.ui.add_desk import AddDeskDialog

        dialog = AddDeskDialog(self, self.ctx.data_dir, self.settings, self.stage)
        self.open_dialog(dialog, lambda _ok: None)

    # --- other engineers' screens (optional) ----------------------------------------------

    def print_current(self) -> None:
        people = self.current_people()
        if not people:
            self.show_notice(self.tr("Choose who gets a badge first."))
            return
        for a in people:
            self.print_badge(self.stage.attendee(a.id), auto=False)

    def print_badge(self, attendee: Attendee, auto: bool = False) -> None:
        try:
            outcome = printing.print_badge(
                self.stage,
                attendee,
                parent=self,
                settings=self.settings,
                data_dir=self.ctx.data_dir,
                operator=self.operator,
                auto=auto,
            )
        except RoadshowError as exc:
            self.show_notice(exc.message)
        else:
            message = getattr(outcome, "message", "")
            if message and not getattr(outcome, "skipped", False):
                self.show_notice(message)
        QTimer.singleShot(0, self.refresh_side)

    def open_import(self) -> None:
        """Stage ▸ Import registration list…; scans arriving meanwhile wait in the queue."""
        from desktop_app.ui.import_dialog import open_import_dialog

        dialog = open_import_dialog(
            self.stage, self.ctx.data_dir, parent=self, operator=self.operator
        )
        dialog.imported.connect(lambda _report: self.refresh_side())
        self.import_dialog = dialog
        self._track(dialog, lambda _ok: self.refresh_side())

    def open_batch_print(self) -> None:
        """Stage ▸ Print badges…: the batch dialog; scans arriving meanwhile wait in the queue."""
        try:
            dialog = printing.open_batch_dialog(
                self.stage,
                self.ctx.data_dir,
                parent=self,
                settings=self.settings,
                operator=self.operator,
            )
        except RoadshowError as exc:
            self.show_notice(exc.message)
            return
        self.batch_dialog = dialog
        if not dialog.isVisible():
            dialog.open()
        self._track(dialog, lambda _ok: self.refresh_side())

    def preview_current(self) -> None:
        """Stage ▸ Badge preview…: the selected person's badge, in any layout."""
        people = self.current_people()
        if len(people) != 1:
            self.show_notice(self.tr("Choose one person to preview their badge."))
            return
        try:
            dialog = BadgePreviewDialog(
                self,
                self.stage,
                self.stage.attendee(people[0].id),
                self.ctx.data_dir,
                self.settings,
            )
        except ImportError:
            self.show_notice(self.tr("Badge printing is not available on this desk yet."))
            return
        self.open_dialog(dialog, lambda _ok: None)

    def open_reports(self) -> None:
        widget = reports.ReportsWindow(
            self.stage,
            parent=self,
            data_dir=self.ctx.data_dir,
            settings=self.settings,
        )
        self._reports = widget
        widget.show()

    def _menu_action(self, menu: object, text: str, slot: object) -> QAction:
        """A menu entry that runs `slot` (its words are set again on a language change)."""
        action = QAction(text, self)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # --- ticket e-mails (ui/mail_dialog.py) ---------------------------------------------

    def _mail_actions(self, stage_menu) -> None:
        stage_menu.addSeparator()
        self.send_tickets_action = self._menu_action(
            stage_menu, self.tr("Send tickets…"), self.open_send_tickets
        )
        self.resend_ticket_action = self._menu_action(
            stage_menu, self.tr("Resend ticket"), self.resend_current
        )
        stage_menu.addSeparator()

    def open_send_tickets(self) -> None:
        from desktop_app.ui import mail_dialog

        dialog = mail_dialog.SendTicketsDialog(
            self.stage, self.ctx.data_dir, self.settings, self, operator=self.operator
        )
        self.send_dialog = dialog
        self.open_dialog(dialog, lambda _ok: self.refresh_side())

    def open_mail_settings(self) -> None:
        from desktop_app.ui import mail_dialog

        self.open_dialog(mail_dialog.MailSettingsDialog(self, self.settings), lambda _ok: None)

    def resend_current(self) -> None:
        from desktop_app.ui import mail_dialog

        people = self.current_people()
        if len(people) != 1:
            self.show_notice(self.tr("Choose one person to resend their ticket."))
            return
        person = self.stage.attendee(people[0].id)
        if not person.email:
            self.show_notice(self.tr("This person has no e-mail address: add one with F5."))
            return
        self.show_notice(self.tr("Sending the ticket…"))
        mail_dialog.resend_ticket(
            self.stage, person, self.ctx.data_dir, self.settings, self.show_notice, self.operator
        )

    def _attach_sync_indicator(self) -> None:
        widget = sync_status.create_indicator(
            self,
            self.stage,
            self.settings,
            self.ctx.data_dir,
            desk=self.stage.desk,
        )
        self.sync_indicator = widget
        self.sync_slot.addWidget(widget)

    # --- camera -----------------------------------------------------------------------------

    def set_camera(self, on: bool) -> None:
        from desktop_app.ui.camera import CameraScanner

        if on and self.camera is None:
            self.camera = CameraScanner(self, device=self.settings.get("camera/device"))
            self.camera.scanned.connect(self.submit_scan)
            preview = self.camera.start(self.counters)
            if not preview:
                self.show_notice(self.tr("No camera found: scanning with the camera is off."))
                self.camera = None
                self.camera_action.setChecked(False)
                return
            if isinstance(preview, QWidget):
                preview.setFixedHeight(int(180 * self.ctx.scale))
                self.counters.layout().addWidget(preview)
                self.camera_preview = preview
        elif not on and self.camera is not None:
            self.camera.stop()
            self.camera = None
            if getattr(self, "camera_preview", None) is not None:
                self.camera_preview.deleteLater()
                self.camera_preview = None
        if self.camera_action.isChecked() != on:
            self.camera_action.setChecked(on)

    def changeEvent(self, event) -> None:
        """A new language was installed (Settings ▸ Language): every text again, now."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "banner"):
            from desktop_app.ui.retranslate import retranslate_window

            retranslate_window(self)

    def closeEvent(self, event) -> None:
        QApplication.instance().removeEventFilter(self.guard)
        self.refresh_timer.stop()
        if self.camera is not None:
            self.camera.stop()
        super().closeEvent(event)


class RecentList(QListWidget):
    """The last outcomes at this door: time, name (or the outcome, when nobody is known), mark
    (✔ / ⟲ again / ↶ undone, and refusals: ⊘ cancelled, ⚠ invalid code, ...). A long name is
    elided so the mark always shows, and there is never a horizontal scrollbar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, str, str]] = []
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)

    def set_rows(self, rows: list[tuple[str, str, str]]) -> None:
        self.rows = list(rows)
        self._fill()

    def _fill(self) -> None:
        self.clear()
        metrics = self.fontMetrics()
        # The frame, a vertical scrollbar (if one comes) and the item's margins take some room.
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        room = self.width() - 2 * self.frameWidth() - bar - 12
        for when, name, mark in self.rows:
            fixed = metrics.horizontalAdvance(f"{when}    {mark}")
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(room - fixed, 20))
            self.addItem(f"{when}  {shown}  {mark}")
            if shown != name:
                self.item(self.count() - 1).setToolTip(f"{when}  {name}  {mark}")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.rows and event.size().width() != event.oldSize().width():
            self._fill()


class BadgePreviewDialog(QDialog):
    """A person's badge as it will print, front and back, in the desk's layout or another."""

    def __init__(
        self,
        parent: QWidget | None,
        stage: Stage,
        attendee: Attendee,
        data_dir: Path,
        settings: Settings,
    ) -> None:
        from desktop_app.badges import layout_names, load_layout
        from desktop_app.ui.printing import BadgePreview, layout_title  # only when asked

        super().__init__(parent)
        self.stage = stage
        self.attendee = attendee
        self.data_dir = data_dir
        self.setWindowTitle(self.tr("Badge preview — %1").replace("%1", attendee.display_name))
        self.layout_box = QComboBox(self)
        for name in layout_names(data_dir):
            try:
                title = layout_title(load_layout(name, data_dir))
            except RoadshowError:
                continue
            self.layout_box.addItem(title, name)
        index = self.layout_box.findData(settings.get("badges/layout"))
        self.layout_box.setCurrentIndex(max(0, index))
        self.preview = BadgePreview(self)
        self.preview.setMinimumSize(420, 380)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        label = QLabel(self.tr("Layout"), self)
        label.setBuddy(self.layout_box)
        row.addWidget(label)
        row.addWidget(self.layout_box, 1)
        root = QVBoxLayout(self)
        root.addLayout(row)
        root.addWidget(self.preview, 1)
        root.addWidget(buttons)
        self.layout_box.currentIndexChanged.connect(lambda _i: self.show_layout())
        self.show_layout()
        self.layout_box.setFocus()

    def show_layout(self) -> None:
        name = self.layout_box.currentData()
        self.preview.show_badge(self.stage, self.attendee, name or "a6-portrait", self.data_dir)
