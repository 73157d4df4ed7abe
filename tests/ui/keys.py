"""Type text the way a USB scanner in keyboard mode (or `xdotool type`) does.

Real QKeyEvents go to whatever widget has the keyboard at each key
(QApplication.focusWidget(), else the active window), as the platform delivers them:

- a capital letter is Shift press, the letter with ShiftModifier, its release, Shift release;
- with Caps Lock on the scanner still presses Shift for a capital, so the case comes out
  inverted ("RD1" arrives as "rd1");
- a prefix (an AIM symbology identifier `]Q1`, an ECI escape `\\000026`) comes before the
  code; the suffix is "enter", "tab" or None (the desk's idle timeout ends the scan).

Each key has its own timestamp (what the desk measures bursts by), a few ms after the
previous one for a scanner, `gap_ms` for a person typing; the stamps may run ahead of the
clock (the keys are sent faster than a scanner types), only the gaps matter.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

NO = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
GAP_MS = 3  # a scanner sends a key every few milliseconds
PAUSE_MS = 200  # between a scan and the keys before it

_last = [0]


def _stamp(gap: int = GAP_MS) -> int:
    """Key timestamps in ms, increasing, at least `gap` apart."""
    now = int(time.monotonic() * 1000)
    _last[0] = max(now, _last[0] + gap)
    return _last[0]


def target(wait_ms: int = 1000) -> QWidget | None:
    """The widget that has the keyboard; a window just shown or closed gets it a little
    later (the platform activates windows asynchronously), so wait for it a moment."""
    deadline = time.monotonic() + wait_ms / 1000
    while True:
        widget = QApplication.focusWidget() or QApplication.activeWindow()
        if widget is not None or time.monotonic() > deadline:
            return widget
        QTest.qWait(10)


def _send(kind: QEvent.Type, key, mods, text: str, stamp: int) -> None:
    """A press goes to the widget that has the keyboard now; a release too, unless the
    press closed that window (nothing has the keyboard to release it to)."""
    widget = target(0 if kind == QEvent.Type.KeyRelease else 1000)
    if widget is None:
        assert kind == QEvent.Type.KeyRelease, "no widget has the keyboard"
        return
    event = QKeyEvent(kind, key, mods, text)
    event.setTimestamp(stamp)
    QApplication.sendEvent(widget, event)


def _key(ch: str):
    if ch.isascii() and ch.isprintable() and ch != " ":
        return Qt.Key(ord(ch.upper()))
    if ch == " ":
        return Qt.Key.Key_Space
    return Qt.Key.Key_unknown


def press(key, text: str = "", mods=NO) -> None:
    """One key pressed and released (Enter, Tab, Escape, an arrow, F2...)."""
    stamp = _stamp()
    _send(QEvent.Type.KeyPress, key, mods, text, stamp)
    _send(QEvent.Type.KeyRelease, key, mods, text, stamp + 1)


def enter() -> None:
    press(Qt.Key.Key_Return, "\r")


def tab() -> None:
    press(Qt.Key.Key_Tab, "\t")


def type_char(ch: str, caps_lock: bool = False, gap: int = GAP_MS) -> None:
    shown = ch.swapcase() if caps_lock and ch.isalpha() else ch
    key = _key(ch)
    if ch.isupper() or ch in '~!@#$%^&*()_+{}|:"<>?':  # the scanner presses Shift for these
        _send(QEvent.Type.KeyPress, Qt.Key.Key_Shift, SHIFT, "", _stamp(gap))
        stamp = _stamp()
        _send(QEvent.Type.KeyPress, key, SHIFT, shown, stamp)
        _send(QEvent.Type.KeyRelease, key, SHIFT, shown, stamp + 1)
        _send(QEvent.Type.KeyRelease, Qt.Key.Key_Shift, NO, "", _stamp())
    else:
        stamp = _stamp(gap)
        _send(QEvent.Type.KeyPress, key, NO, shown, stamp)
        _send(QEvent.Type.KeyRelease, key, NO, shown, stamp + 1)


def scan(
    text: str,
    *,
    suffix: str | None = "enter",
    caps_lock: bool = False,
    prefix: str = "",
    pause_ms: int = PAUSE_MS,
) -> None:
    """A scanner reading `text`: the prefix, the keys, then "enter", "tab" or nothing. The
    first key comes `pause_ms` after whatever was typed before."""
    for i, ch in enumerate(prefix + text):
        type_char(ch, caps_lock=caps_lock, gap=pause_ms if i == 0 else GAP_MS)
    if suffix == "enter":
        enter()
    elif suffix == "tab":
        tab()
    elif suffix is not None:
        raise ValueError(suffix)


def type_slowly(qtbot, text: str, gap_ms: int = 90) -> None:
    """A person typing: the same keys (Shift before capitals too), far apart."""
    for ch in text:
        type_char(ch, gap=gap_ms)
        qtbot.wait(gap_ms)


# The ways a scanner may be set up; each is a keyword set for `scan`.
VARIANTS = {
    "shift+enter": {},
    "shift+tab": {"suffix": "tab"},
    "no suffix": {"suffix": None},
    "caps lock": {"caps_lock": True},
    "aim prefix": {"prefix": "]Q1"},
    "eci prefix": {"prefix": "\\000026"},
}
