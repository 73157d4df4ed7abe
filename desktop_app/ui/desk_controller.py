"""What the desk does with what core decided about a scan (`checkin.decide`): the banner, the
sound, a first badge printed at check-in, and the questions that may follow (session full or
cancelled registration: let in anyway?; a head of delegation: who comes in?). The same for
people admitted from the results (Enter, double click) and for group admissions.

The window collects the scan from its widgets and queues scans while a dialog is open; this
controller only reacts. It is given each thing it uses, not the window, so it runs with a real
Banner and a real Stage and nothing else.

Words: its own through `self.tr` (context "DeskController"), the door's through `door.tr`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from desktop_app.core import checkin
from desktop_app.core.errors import RoadshowError
from desktop_app.core.model import Attendee
from desktop_app.core.store import Stage, find_stage_by_code
from desktop_app.ui import door, text
from desktop_app.ui.banner import Banner
from desktop_app.ui.dialogs import Prompts
from desktop_app.ui.settings import Settings
from desktop_app.ui.sounds import Sounds


class DeskController(QObject):
    def __init__(
        self,
        host: QWidget,
        *,
        stage: Stage,
        banner: Banner,
        sounds: Sounds,
        settings: Settings,
        prompts: Prompts,
        data_dir: Path,
        open_dialog: Callable[[QDialog, Callable[[bool], None]], None],
        session_of: Callable[[], str],
        operator_of: Callable[[], str],
        print_first_badge: Callable[[Attendee], None],
        refresh: Callable[[], None],
        ask_to_choose: Callable[[str], None],
        clear_scan: Callable[[], None],
    ) -> None:
        super().__init__(host)
        self.host = host  # the questions open over it
        self.stage = stage
        self.banner = banner
        self.sounds = sounds
        self.settings = settings
        self.prompts = prompts
        self.data_dir = data_dir
        self.open_dialog = open_dialog  # never blocks; the window queues scans meanwhile
        self.session_of = session_of  # the session this door checks into ("": the stage)
        self.operator_of = operator_of
        self.print_first_badge = print_first_badge  # the automatic print at check-in
        self.refresh = refresh  # counters, recent outcomes, details
        self.ask_to_choose = ask_to_choose  # typed text matched several people: say so
        self.clear_scan = clear_scan  # the scan field, once a scan is settled
        self.last_banner_at = 0.0  # perf_counter when the banner last changed (benchmarks)

    # --- what core decided ------------------------------------------------------------------

    def present(self, decision: checkin.Decision | list[checkin.Decision]) -> None:
        """Show what core decided: one outcome, a group, a party to tick, or "choose one"."""
        if isinstance(decision, list):
            self.clear_scan()
            self.show_group(decision)
        elif decision.status == checkin.CHOOSE and decision.reason == "typo":
            self.ask_to_choose(
                self.tr(
                    "Nobody is called exactly that: is it the person shown? Choose them with ↑↓ or a click, then Enter."
                )
            )
        elif decision.status == checkin.CHOOSE:
            self.ask_to_choose(
                self.tr("%1 people match: choose one with ↑↓ or a click, then Enter.").replace(
                    "%1", decision.reason
                )
            )  # no sound: nothing was decided, and every outcome sound means an outcome
        elif decision.status == checkin.PARTY:
            self.clear_scan()
            self.offer_party(decision)
        else:
            self.clear_scan()
            self.show_decision(decision)

    def show_error(self, message: str) -> None:
        """Core could not decide (the stage file, a bad value): said on the banner."""
        self.banner.show_error(message)
        self.sounds.play(checkin.INVALID)

    def show_decision(self, decision: checkin.Decision) -> None:
        """One outcome on the banner, its sound, then what follows it: a first badge, or
        the offer to let in anyway."""
        place = ""
        if decision.status == checkin.WRONG_STAGE and decision.other_stage:
            other = find_stage_by_code(self.data_dir, decision.other_stage.get("code", ""))
            place = (other or {}).get("city") or ""
        self.banner.show_decision(decision, place)
        self.last_banner_at = time.perf_counter()
        self.sounds.play(decision.status)
        follow = {
            checkin.OFFER_WHEN_FULL: lambda: self._offer_forced(decision.attendee),
            checkin.OFFER_WHEN_CANCELLED: lambda: self._offer_forced_cancelled(decision),
            checkin.PRINT_BADGE: lambda: self.print_first_badge(decision.attendee),
        }.get(decision.follow_up)
        if follow is not None:
            QTimer.singleShot(0, follow)
        QTimer.singleShot(0, self.refresh)

    def show_group(self, decisions: list[checkin.Decision]) -> None:
        self.banner.show_group(decisions)
        self.last_banner_at = time.perf_counter()
        ok = all(d.ok for d in decisions)
        self.sounds.play(checkin.CHECKED_IN if ok else checkin.ALREADY_CHECKED_IN)
        QTimer.singleShot(0, self.refresh)

    @property
    def prints_first_badge(self) -> bool:
        """This desk prints a badge at check-in (Settings); core decides for whom."""
        return bool(self.settings.get("badges/auto_print"))

    # --- admitting people the clerk chose ---------------------------------------------------

    def admit(self, people: list[Attendee], method: str = "search") -> None:
        """Check in the people chosen in the results (or a walk-in's match): one outcome, or
        the group banner for several."""
        try:
            self._admit(people, method)
        except RoadshowError as exc:
            self.show_error(exc.message)

    def _admit(self, people: list[Attendee], method: str, **forced: bool) -> None:
        """One person (`forced`: admit_when_full or admit_cancelled) or a group, shown.
        core reads each person again from the store: the list on screen may be older."""
        if len(people) == 1:
            self.show_decision(
                checkin.admit(
                    self.stage,
                    people[0],
                    operator=self.operator_of(),
                    method=method,
                    session_id=self.session_of(),
                    print_first_badge=self.prints_first_badge,
                    **forced,
                )
            )
        elif people:
            self.show_group(
                checkin.admit_many(
                    self.stage,
                    people,
                    operator=self.operator_of(),
                    session_id=self.session_of(),
                    method=method,
                )
            )

    # --- the questions that follow an outcome -----------------------------------------------

    def offer_party(self, decision: checkin.Decision) -> None:
        """A head of delegation scanned: tick who comes in (issue 12); Enter admits them."""
        from desktop_app.ui.party_dialog import PartyDialog

        dialog = PartyDialog(self.host, list(decision.party), session_id=self.session_of())

        def answered(ok: bool) -> None:
            if ok:
                self._admit(dialog.ticked(), decision.method)

        self.open_dialog(dialog, answered)

    def _offer_forced(self, attendee: Attendee) -> None:
        dialog = self.prompts.confirm(
            self.host,
            self.tr("Session full"),
            self.tr("The session is full. Let %1 in anyway?").replace("%1", attendee.full_name),
            self.tr("Let in anyway"),
        )

        def answered(ok: bool) -> None:
            if ok:
                self._admit([attendee], "search", admit_when_full=True)

        self.open_dialog(dialog, answered)

    def _offer_forced_cancelled(self, decision: checkin.Decision) -> None:
        """A cancelled person at the door: refused, unless the clerk lets them in on purpose
        (Enter keeps the refusal; the admission is recorded as forced)."""
        attendee = decision.attendee
        question = door.tr("The registration of %1 is cancelled.").replace(
            "%1", attendee.full_name or attendee.code
        )
        if decision.reason:
            question += " " + door.tr("Reason: %1").replace("%1", decision.reason)
        question += "\n" + door.tr("Let them in anyway? It is recorded as a forced admission.")
        dialog = self.prompts.confirm(
            self.host, text.outcome_words_cancelled(), question, self.tr("Let in anyway")
        )
        box = dialog.findChild(QDialogButtonBox)
        if box is not None:
            keep = box.button(QDialogButtonBox.StandardButton.Cancel)
            keep.setText(door.tr("Do not let in"))
            box.button(QDialogButtonBox.StandardButton.Ok).setAutoDefault(False)
            box.button(QDialogButtonBox.StandardButton.Ok).setDefault(False)
            keep.setDefault(True)

        def answered(ok: bool) -> None:
            if ok:
                self._admit([attendee], decision.method or "search", admit_cancelled=True)

        self.open_dialog(dialog, answered)
