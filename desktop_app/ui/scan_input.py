"""The scan field and the guard that keeps scanner bursts out of dialogs.

A keyboard-wedge scanner types a whole code in a few milliseconds and ends it with Enter, Tab
or nothing; a person types slowly. `ScanInput` ends a scan on Enter/Tab, or after an idle
timeout when the keys came in scanner-fast and the text looks like a code. `ScanGuard` watches
key presses while a dialog is open, or while another window of the app (Reports) has the
keyboard: a scanner-fast burst that looks like a code is taken out of that window and handed
back as a scan (queued until a modal dialog closes); anything else is replayed, unchanged, to
the widget it was meant for.

Gaps between keys are measured with the key events' own timestamps (when the keyboard sent
them), so a UI thread busy between two keys does not split a burst.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from desktop_app.core.checkin import classify_scan, clean_scan, looks_scanned
from desktop_app.core.tickets import PREFIX, TICKET_LENGTH

__all__ = ["ScanGuard", "ScanInput", "looks_scanned"]  # looks_scanned lives in core now

FAST_GAP_MS = 50  # scanners send a key every few ms; nobody types 20 keys a second
MIN_SCAN_LENGTH = 4
_TERMINATORS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
# Keys a scanner presses around a character (Shift before each capital): they neither end
# nor break a burst.
_MODIFIER_KEYS = (
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_Meta,
    Qt.Key.Key_CapsLock,
)


def _fast(times: list[float]) -> bool:
    """Times in ms: every gap scanner-short."""
    return len(times) >= MIN_SCAN_LENGTH and all(
        b - a <= FAST_GAP_MS for a, b in zip(times, times[1:], strict=False)
    )


def key_time(event: QKeyEvent) -> float:
    """When the key was pressed, in ms: the event's own timestamp (set by the platform when
    the key came in, not when a busy UI thread got round to it); a synthetic event without
    one is timed now."""
    stamp = event.timestamp()
    return float(stamp) if stamp else time.monotonic() * 1000


def _ticket_start(value: str, before: int) -> int:
    """Where a ticket begins in the text before position `before`, or -1: the start that
    makes a whole ticket, else the first."""
    upper = value.upper()
    starts = [i for i in range(before) if upper.startswith(PREFIX, i)]
    whole = [i for i in starts if len(value[i:].strip()) == TICKET_LENGTH]
    return (whole or starts or [-1])[0]


def _printable(event: QKeyEvent) -> bool:
    mods = event.modifiers() & (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.MetaModifier
    )
    t = event.text()
    return not mods and len(t) == 1 and t.isprintable()


class ScanInput(QLineEdit):
    """The always-focused field: scans, and searches as you type."""

    submitted = Signal(str)  # Enter, Tab, or a scanner-fast burst followed by silence
    navigate = Signal(int, bool)  # rows to move, extend the selection
    toggle_mark = Signal()
    escaped = Signal()

    def __init__(self, parent=None, idle_ms: int = 150) -> None:
        super().__init__(parent)
        self._times: list[float] = []  # when each key of the current burst came
        self._burst_start = 0  # where the current burst of keys began in the text
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(max(30, idle_ms))
        self.idle.timeout.connect(self._on_idle)
        self.textChanged.connect(self._on_text)
        self.last_key_at = 0.0  # perf_counter of the last key (benchmarks measure from it)
        self.idle_fired_at = 0.0

    def set_idle_ms(self, ms: int) -> None:
        self.idle.setInterval(max(30, ms))

    def _on_text(self, value: str) -> None:
        if not value:
            self._times.clear()
            self._burst_start = 0
            self.idle.stop()

    def _burst(self) -> str:
        """The current burst of keys; from the ticket's start when a ticket began before it
        and the burst alone is not a ticket (a pause split the scanner's keys)."""
        value = self.text()
        burst = value[self._burst_start :]
        if self._burst_start and classify_scan(burst) != "ticket":
            start = _ticket_start(value, self._burst_start)
            if start >= 0:
                return value[start:]
        return burst

    def _scanned_part(self) -> str:
        """The text, or only the scanner's burst when it landed after something typed by hand
        (the clerk began a name, then the scanner read a badge)."""
        value = self.text()
        burst = self._burst()
        if self._burst_start and _fast(self._times) and looks_scanned(burst):
            return burst
        if classify_scan(value) != "ticket":  # a scan right after typed keys: one burst
            start = _ticket_start(value, len(value))
            if start > 0 and len(value[start:].strip()) == TICKET_LENGTH:
                return value[start:]
        return value

    def _submit(self) -> None:
        self.idle.stop()
        value = self._scanned_part()
        self._times.clear()
        self._burst_start = 0
        if value.strip():
            self.submitted.emit(value)

    def _on_idle(self) -> None:
        self.idle_fired_at = time.perf_counter()
        burst = self._burst()
        code = clean_scan(burst)
        if code.upper().startswith(PREFIX) and len(code) < TICKET_LENGTH:
            return  # a ticket still coming in (the UI was busy): wait for the rest, or Enter
        if _fast(self._times) and looks_scanned(burst):
            self._submit()

    def event(self, event: QEvent) -> bool:
        # Tab must end a scan, not move the focus away from the scan field.
        if event.type() == QEvent.Type.KeyPress and event.key() in (
            Qt.Key.Key_Tab,
            Qt.Key.Key_Backtab,
        ):
            self.last_key_at = time.perf_counter()
            self._submit()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        self.last_key_at = time.perf_counter()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit()
            return
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        steps = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -10,
            Qt.Key.Key_PageDown: 10,
        }
        if key in steps:
            self.navigate.emit(steps[key], shift)
            return
        if key == Qt.Key.Key_Space and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.toggle_mark.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.clear()
            self.escaped.emit()
            return
        if _printable(event):
            now = key_time(event)
            if not self.text() or (self._times and abs(now - self._times[-1]) > FAST_GAP_MS):
                self._times.clear()  # a new burst of keys starts here
                self._burst_start = self.cursorPosition() if self.text() else 0
            self._times.append(now)
            self.idle.start()
        super().keyPressEvent(event)


class ScanGuard(QObject):
    """Application-wide key filter, active while a modal dialog is open or, given the desk's
    window as `home`, while keys go to any other window of the app."""

    scanned = Signal(str)

    def __init__(self, parent=None, home: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self._buffer: list[tuple[QObject, int, Qt.KeyboardModifier, str, float]] = []
        self._stamps: list[int] = []  # the buffered events' own timestamps, for the replay
        self._replaying = False
        self.flush_timer = QTimer(self)
        self.flush_timer.setSingleShot(True)
        self.flush_timer.setInterval(FAST_GAP_MS + 30)
        self.flush_timer.timeout.connect(lambda: self._end_burst(None))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        if not self._buffer and not self._guarding(watched):
            return False
        # A scan never starts with a space: leave it to the focused checkbox or button, which
        # toggles on the key's release (a replayed press would leave it stuck down).
        starts_with_space = not self._buffer and event.key() == Qt.Key.Key_Space
        if event.key() in _MODIFIER_KEYS:
            return False  # the Shift a scanner presses before a capital: the burst goes on
        if _printable(event) and not starts_with_space:
            now = key_time(event)
            if self._buffer and abs(now - self._buffer[-1][4]) > FAST_GAP_MS:
                self._replay()
            self._buffer.append((watched, event.key(), event.modifiers(), event.text(), now))
            self._stamps.append(event.timestamp())
            self.flush_timer.start()
            return True
        if self._buffer:
            if event.key() in _TERMINATORS:
                return self._end_burst(event)
            self._replay()
        return False

    def _guarding(self, watched: QObject) -> bool:
        """Keys to a dialog or window of the desk (its walk-in, edit, Reports...), not to the
        desk's own scan field, and not to a window that is not the desk's (a second desk in
        the same process, a stage picker opened on its own)."""
        modal = QApplication.activeModalWidget() is not None
        if self.home is None:
            return modal
        # The key arrives at the window (a QWindow) first, then at its focus widget.
        top = watched.window() if isinstance(watched, QWidget) else QApplication.activeWindow()
        if top is None:
            return False
        if top is self.home:
            return modal
        return self._of_home(top) and (modal or self.home.isVisible())

    def _of_home(self, widget: QWidget) -> bool:
        while widget is not None:
            if widget is self.home:
                return True
            widget = widget.parentWidget()
        return False

    def _end_burst(self, terminator: QKeyEvent | None) -> bool:
        """True when the burst was a scan (taken, with its terminator)."""
        self.flush_timer.stop()
        value = "".join(b[3] for b in self._buffer)
        if _fast([b[4] for b in self._buffer]) and looks_scanned(value):
            self._buffer.clear()
            self._stamps.clear()
            self.scanned.emit(value)
            return terminator is not None
        self._replay()
        return False

    def _replay(self) -> None:
        buffer, self._buffer = self._buffer, []
        stamps, self._stamps = self._stamps, []
        self.flush_timer.stop()
        self._replaying = True
        try:
            for (target, key, mods, chars, _), stamp in zip(buffer, stamps, strict=True):
                event = QKeyEvent(QEvent.Type.KeyPress, key, mods, chars)
                event.setTimestamp(stamp)
                QApplication.sendEvent(target, event)
        finally:
            self._replaying = False
