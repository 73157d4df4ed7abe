"""VIP arrival alerts in the desk window (issue 12).

Two things, neither of them a dialog (the queue keeps being scanned while they show):
- at the desk that checked a VIP in, an instruction for that person that stays until the
  clerk presses Acknowledge (the next one waiting follows);
- at every other desk, and on the organizer's laptop, a notice naming who arrived, at which
  desk, when, and the host to call, until it is dismissed (the last few are kept).

What arrived comes from core.vip; this widget only remembers what it has shown.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections import deque
from typing import Any

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.core import vip
from desktop_app.core.vip import Arrival
from desktop_app.ui import text

KEEP_NOTICES = 4


class VipNotices(QWidget):
    def __init__(self, stage: Any, parent: QWidget | None = None, scale: float = 1.0) -> None:
        super().__init__(parent)
        self.stage = stage
        self.cursor = vip.latest_cursor(stage)  # arrivals before the window opened are old news
        # checked in here and not acknowledged yet, also from before a restart
        self.pending: deque[Arrival] = deque(vip.waiting_here(stage))
        self.operator_of: Any = lambda: ""  # the desk window says who is at the desk
        self.notices: deque[Arrival] = deque(maxlen=KEEP_NOTICES)  # checked in elsewhere
        self.shown_at: dict[str, float] = {}  # event id -> perf_counter when first shown

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)

        self.ack_panel = QFrame(self)
        self.ack_panel.setObjectName("vipAck")
        ack_row = QVBoxLayout(self.ack_panel)  # text above its button: the column is narrow
        ack_row.setContentsMargins(10, 6, 10, 6)
        self.ack_text = QLabel(self.ack_panel)
        self.ack_text.setObjectName("vipAckText")
        self.ack_text.setWordWrap(True)
        self.ack_text.setTextFormat(Qt.TextFormat.PlainText)
        self.ack_button = QPushButton(self.ack_panel)
        self.ack_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps focus
        self.ack_button.clicked.connect(self.acknowledge)
        ack_row.addWidget(self.ack_text)
        ack_row.addWidget(self.ack_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.ack_panel)

        self.notice_panel = QFrame(self)
        self.notice_panel.setObjectName("vipNotice")
        notice_row = QVBoxLayout(self.notice_panel)
        notice_row.setContentsMargins(10, 4, 10, 4)
        self.notice_text = QLabel(self.notice_panel)
        self.notice_text.setObjectName("vipNoticeText")
        self.notice_text.setWordWrap(True)
        self.notice_text.setTextFormat(Qt.TextFormat.PlainText)
        self.dismiss_button = QPushButton(self.notice_panel)
        self.dismiss_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.dismiss_button.clicked.connect(self.dismiss)
        notice_row.addWidget(self.notice_text)
        notice_row.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.notice_panel)

        for label, points in ((self.ack_text, 12), (self.notice_text, 11)):
            font = label.font()
            font.setPointSizeF(points * scale)
            font.setBold(True)
            label.setFont(font)
        self.setStyleSheet(
            "QFrame#vipAck { background: #fde7e9; border: 3px solid #8b1a1a; border-radius: 6px; }"
            "QLabel#vipAckText { color: #111; }"
            "QFrame#vipNotice { background: #e8eefb; border: 2px solid #1f4e8c;"
            " border-radius: 6px; }"
            "QLabel#vipNoticeText { color: #111; }"
        )
        self.render()

    # --- what arrived -------------------------------------------------------------------

    def follow(self, indicator: Any) -> None:
        """Look again as soon as a sync round brought something (not only on the next tick)."""
        service = getattr(indicator, "service", None)
        if service is not None and hasattr(service, "synced"):
            service.synced.connect(lambda _report: self.poll())

    @Slot()
    def poll(self) -> None:
        import time

        try:
            arrivals = vip.vip_arrivals(self.stage, self.cursor)
        except sqlite3.ProgrammingError:  # the window closed its stage; a late sync round
            return
        if not arrivals:
            return
        self.cursor = arrivals[-1].cursor
        for arrival in arrivals:
            self.shown_at.setdefault(arrival.event_id, time.perf_counter())
            if arrival.at_desk(self.stage.desk.id):
                self.pending.append(arrival)
            else:
                self.notices.appendleft(arrival)
        self.render()

    @Slot()
    def acknowledge(self) -> None:
        if self.pending:
            arrival = self.pending.popleft()
            with contextlib.suppress(sqlite3.ProgrammingError):  # the stage closed meanwhile
                vip.acknowledge(self.stage, arrival, operator=self.operator_of() or "")
        self.render()

    @Slot()
    def dismiss(self) -> None:
        self.notices.clear()
        self.render()

    # --- texts --------------------------------------------------------------------------

    def host_line(self, arrival: Arrival) -> str:
        return self.tr("Host to call: %1").replace("%1", arrival.host or self.tr("no host given"))

    def ack_lines(self, arrival: Arrival) -> list[str]:
        lines = [self.tr("VIP checked in here: %1").replace("%1", arrival.attendee.display_name)]
        lines += arrival.instruction or [self.tr("Escort to the protocol desk.")]
        lines.append(self.host_line(arrival))
        if len(self.pending) > 1:
            lines.append(
                self.tr("%1 more VIP instructions waiting").replace(
                    "%1", str(len(self.pending) - 1)
                )
            )
        return lines

    def notice_line(self, arrival: Arrival) -> str:
        return (
            self.tr("VIP arrived: %1 at %2, %3")
            .replace("%1", arrival.attendee.display_name)
            .replace("%2", arrival.desk_name or "?")
            .replace("%3", text.time_text(arrival.recorded_at))
            + " — "
            + self.host_line(arrival)
        )

    def render(self) -> None:
        self.ack_button.setText(self.tr("Acknowledge"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        if self.pending:
            self.ack_text.setText("\n".join(self.ack_lines(self.pending[0])))
        self.ack_panel.setVisible(bool(self.pending))
        self.notice_text.setText("\n".join(self.notice_line(a) for a in self.notices))
        self.notice_panel.setVisible(bool(self.notices))
        self.setVisible(bool(self.pending or self.notices))

    def instruction_text(self) -> str:
        return self.ack_text.text() if self.pending else ""

    def notices_text(self) -> str:
        return self.notice_text.text() if self.notices else ""

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.render()
