"""The result banner: the biggest thing on screen, read from a metre away in a hurry.

Symbol + words + colour for the outcome, then the person's name large, company, category and
role, and the notes / protocol flag. It stays until the next scan.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout

from desktop_app.core import checkin
from desktop_app.core.model import Attendee
from desktop_app.ui import door, text

NAME_POINTS = 36
MIN_NAME_POINTS = 22  # still readable from a metre at 1366x768
FLOOR_NAME_POINTS = 12  # only when nothing else can give way: smaller, never clipped


class Banner(QFrame):
    """The name is never clipped: when space is short, the company, detail and notes lines are
    cut to one elided line, then the name's font shrinks (down to MIN_NAME_POINTS), then the
    detail, company and notes lines give way."""

    def __init__(self, parent=None, scale: float = 1.0) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.scale = scale
        self.status = ""
        self.attendee: Attendee | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 16, 28, 16)
        layout.setSpacing(4)
        self._fitting = False
        self._full: dict[QLabel, str] = {}  # what the secondary lines say before eliding
        self._gave_way: list[QLabel] = []  # lines hidden to make room for the name
        self.outcome = self._label(26, bold=True)
        self.why = self._label(20, bold=True)  # a cancellation's reason, a forced admission
        self.name = self._label(NAME_POINTS, bold=True)
        self.company = self._label(20)
        self.detail = self._label(17)
        self.notes = self._label(17, bold=True)
        self.notes.setObjectName("bannerNotes")
        for w in (self.outcome, self.why, self.name, self.company, self.detail, self.notes):
            layout.addWidget(w)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.show_ready()

    def _label(self, points: int, bold: bool = False) -> QLabel:
        label = QLabel(self)
        font = label.font()
        font.setPointSizeF(points * self.scale)
        font.setBold(bold)
        label.setFont(font)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        # An unbroken long text (a garbled import) is cut, never widens the desk's window.
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        return label

    def _paint(self, colours: tuple[str, str]) -> None:
        bg, fg = colours
        self.setStyleSheet(
            f"#banner {{ background: {bg}; border-radius: 10px; }}"
            f"#banner QLabel {{ color: {fg}; background: transparent; }}"
            f"#bannerNotes {{ border: 2px solid {fg}; border-radius: 6px; padding: 4px 10px; }}"
        )

    def _person(self, a: Attendee | None) -> None:
        if a is None:
            for w in (self.name, self.company, self.detail):
                w.clear()
                w.hide()
            self.notes.hide()
            self._shown()
            return
        self.name.setText(a.display_name or a.code)
        self.company.setText(a.company)
        detail = " · ".join(p for p in (text.category_name(a.category), a.role) if p)
        if a.country and a.category == "consul":
            detail += f" · {a.country}"
        self.detail.setText(detail)
        for w in (self.name, self.company, self.detail):
            w.setVisible(bool(w.text()))
        note = door.banner_note(a)
        self.notes.setText(note)
        self.notes.setVisible(bool(note))
        self._shown()

    def _say_why(self, words: str) -> None:
        self.why.setText(words)
        self.why.setVisible(bool(words))

    def show_ready(self) -> None:
        self._again = self.show_ready
        self.status = ""
        self.attendee = None
        self._say_why("")
        self._paint(text.IDLE_COLOURS)
        self.outcome.setText("▶ " + self.tr("Ready: scan a QR code or type a name"))
        self._person(None)

    def show_decision(self, decision: checkin.Decision, other_stage_place: str = "") -> None:
        self._again = lambda: self.show_decision(decision, other_stage_place)
        self.status = decision.status
        self.attendee = decision.attendee
        self._paint(text.COLOURS.get(decision.status, text.IDLE_COLOURS))
        symbol = text.SYMBOLS.get(decision.status, "")
        self.outcome.setText(f"{symbol}  {text.outcome_words(decision, other_stage_place)}")
        self._say_why(door.decision_line(decision))
        self._person(decision.attendee)
        person = (decision.other_stage or {}).get("person") or ""
        if decision.attendee is None and decision.status == checkin.WRONG_STAGE and person:
            self.name.setText(person)  # the clerk sends a person to the organizers, by name
            self.name.show()
        if decision.attendee is None:
            hint = self._hint(decision.status)
            self.company.setText(hint)
            self.company.setVisible(bool(hint))
            self._shown()

    def _hint(self, status: str) -> str:
        """What to do next, when there is no person to show."""
        if status == checkin.NOT_FOUND:
            return self.tr("Type the surname to search, or press F2 to register a walk-in.")
        if status == checkin.WRONG_STAGE:
            return self.tr(
                "This person is registered for another stage: send them to the organizers."
            )
        if status == checkin.INVALID:
            return self.tr("Scan again, or search by name.")
        return ""

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """A new language (Settings ▸ Language): what is on the banner, in its words."""
        super().changeEvent(event)
        again = getattr(self, "_again", None)
        if event.type() == QEvent.Type.LanguageChange and again is not None:
            again()

    def show_group(self, decisions: list[checkin.Decision]) -> None:
        """A delegation checked in together: how many came in, and who was already in."""
        admitted = [d for d in decisions if d.status == checkin.CHECKED_IN]
        others = [d for d in decisions if d.status != checkin.CHECKED_IN]
        status = checkin.CHECKED_IN if not others else checkin.ALREADY_CHECKED_IN
        self.status = status
        self._again = lambda: self.show_group(decisions)
        self.attendee = None
        self._paint(text.COLOURS[status])
        words = self.tr("%1 of %2 checked in").replace("%1", str(len(admitted)))
        self.outcome.setText(f"{text.SYMBOLS[status]}  " + words.replace("%2", str(len(decisions))))
        self._say_why("")
        self._person(None)
        names = ", ".join(d.attendee.full_name for d in admitted if d.attendee)
        self.name.setText(names)
        self.name.setVisible(bool(names))
        if others:
            lines = [
                f"{text.SYMBOLS.get(d.status, '')} {d.attendee.full_name if d.attendee else ''}: "
                + text.outcome_words(d)
                for d in others
            ]
            self.company.setText("\n".join(lines))
            self.company.show()
        companies = sorted(
            {d.attendee.company for d in decisions if d.attendee and d.attendee.company}
        )
        self.detail.setText(" · ".join(companies))
        self.detail.setVisible(bool(companies))
        self._shown()

    def show_info(self, symbol: str, words: str, attendee: Attendee | None = None) -> None:
        """Not a scan outcome (an undo, an edit): blue, so it is never mistaken for one."""
        self.status = "info"
        self._again = None  # words given by the caller, already in the language of then
        self.attendee = attendee
        self._paint(text.INFO_COLOURS)
        self.outcome.setText(f"{symbol}  {words}")
        self._say_why("")
        self._person(attendee)

    def show_error(self, message: str) -> None:
        """The store refused a change (disk full, file locked): nothing was saved."""
        self.status = "error"
        self._again = None
        self.attendee = None
        self._paint(text.COLOURS[checkin.INVALID])
        self.outcome.setText("⚠  " + self.tr("Not saved"))
        self._say_why("")
        self._person(None)
        self.company.setText(message)
        self.company.show()
        self._shown()

    def shown_text(self) -> str:
        """Everything the clerk can read on the banner (for tests and screen readers)."""
        parts = [self.outcome.text()]
        parts += [
            self._full.get(w, w.text())
            for w in (self.why, self.name, self.company, self.detail, self.notes)
            if w.isVisibleTo(self)
        ]
        return "\n".join(p for p in parts if p)

    # --- fitting the name -----------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fit()

    def _set_name_points(self, points: float) -> None:
        font = self.name.font()
        if font.pointSizeF() != points:
            font.setPointSizeF(points)
            self.name.setFont(font)

    def _needed(self, label: QLabel, width: int) -> int:
        return label.heightForWidth(width) if label.wordWrap() else label.sizeHint().height()

    def _shown(self) -> None:
        """New texts are on the labels: forget the old elisions and fit again."""
        for w in self._full:
            w.setWordWrap(True)
            w.setToolTip("")
        self._full.clear()
        self._gave_way.clear()
        self.fit()

    def fit(self) -> None:
        """Lay the lines out so the name fits whole; call after the texts change."""
        if self._fitting:
            return
        self._fitting = True
        try:
            self._fit()
        finally:
            self._fitting = False

    def _fit(self) -> None:
        layout = self.layout()
        m = layout.contentsMargins()
        width = self.width() - m.left() - m.right()
        height = self.height() - m.top() - m.bottom()
        if width <= 0 or height <= 0:
            return
        secondary = (self.why, self.company, self.detail, self.notes)
        for w, full in self._full.items():  # start again from the whole texts, wrapped
            w.setText(full)
            w.setWordWrap(True)
            w.setToolTip("")
        for w in self._gave_way:
            w.show()
        self._full.clear()
        self._gave_way.clear()
        self._set_name_points(NAME_POINTS * self.scale)
        spacing = layout.spacing()

        def free_for_name() -> int:
            shown = [w for w in (self.outcome, *secondary) if not w.isHidden()]
            used = sum(self._needed(w, width) for w in shown)
            return height - used - spacing * len(shown)

        def name_fits() -> bool:
            return self.name.isHidden() or self._needed(self.name, width) <= free_for_name()

        if name_fits():
            return
        for w in secondary:  # one elided line each
            if not w.isHidden() and w.text():
                self._elide(w, width)
        if name_fits():
            return
        points = NAME_POINTS * self.scale
        while points > MIN_NAME_POINTS * self.scale and not name_fits():
            points -= 1
            self._set_name_points(points)
        if name_fits():
            return
        for w in (self.detail, self.company, self.notes, self.why):  # least needed first
            if not w.isHidden():
                self._gave_way.append(w)
                w.hide()
                if name_fits():
                    return
        while points > FLOOR_NAME_POINTS and not name_fits():
            points -= 1
            self._set_name_points(points)

    def _elide(self, label: QLabel, width: int) -> None:
        full = self._full.setdefault(label, label.text())
        metrics = QFontMetrics(label.font())
        m = label.contentsMargins()
        room = width - m.left() - m.right() - 2 * label.margin() - 28  # notes' padding, border
        lines = [
            metrics.elidedText(line, Qt.TextElideMode.ElideRight, room)
            for line in full.splitlines()
        ]
        label.setWordWrap(False)
        label.setText("\n".join(lines))
        label.setToolTip(full)

    def name_fits(self) -> bool:
        """The whole name can be read: its wrapped text fits the label (for tests)."""
        label = self.name
        rect = label.contentsRect()
        needed = QFontMetrics(label.font()).boundingRect(
            QRect(0, 0, rect.width(), 100000), Qt.TextFlag.TextWordWrap, label.text()
        )
        return needed.width() <= rect.width() and needed.height() <= rect.height()
