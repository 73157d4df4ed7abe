"""The desk's reaction to what core decided (issue 10 point 1), without the desk window: a
DeskController with a real Banner, a real stage file, real dialogs and a real PDF printer.
Scans are decided by core (`checkin.decide`) exactly as the window asks it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import checkin, sessions, tickets
from desktop_app.core.model import Attendee
from desktop_app.ui import printing
from desktop_app.ui.app import install_language
from desktop_app.ui.banner import Banner
from desktop_app.ui.desk_controller import DeskController
from desktop_app.ui.dialogs import ConfirmDialog, Prompts
from desktop_app.ui.party_dialog import PartyDialog
from desktop_app.ui.settings import Settings
from desktop_app.ui.sounds import Sounds

from ..badges.helpers import page_count

GREEN, AMBER, RED = "#1e7d32", "#f2b705", "#b3261e"


class HeardSounds(Sounds):
    """The desk's sounds (off: no audio device in CI), remembering what was played."""

    def __init__(self) -> None:
        super().__init__(enabled=False)
        self.heard: list[str] = []

    def play(self, outcome: str) -> None:
        self.heard.append(outcome)
        super().play(outcome)


@dataclass
class Desk:
    controller: DeskController
    banner: Banner
    sounds: HeardSounds
    settings: Settings
    session: str = ""
    dialogs: list[QDialog] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    printed: list[printing.PrintOutcome] = field(default_factory=list)
    cleared: int = 0
    refreshed: int = 0

    def colour(self) -> str:
        """The banner's background, where no text is drawn."""
        image = self.banner.grab().toImage()
        return image.pixelColor(12, image.height() // 2).name()

    def offer(self) -> QDialog:
        return self.dialogs[-1]


@pytest.fixture
def make_desk(qtbot, stage, people, data_dir, tmp_path):
    """make_desk(session="", auto_print=False) -> a Desk: the controller over a real banner."""

    def make(session: str = "", auto_print: bool = False) -> Desk:
        settings = Settings(QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))
        settings.set("badges/layout", "a6-portrait")
        settings.set("badges/auto_print", auto_print)
        host = QWidget()
        qtbot.addWidget(host)
        banner = Banner(host)
        QVBoxLayout(host).addWidget(banner)
        host.resize(900, 320)
        desk: Desk

        def open_dialog(dialog: QDialog, on_done) -> None:
            desk.dialogs.append(dialog)
            dialog.finished.connect(lambda result: on_done(result == QDialog.DialogCode.Accepted))
            dialog.open()

        def print_first_badge(attendee: Attendee) -> None:
            target = tmp_path / f"badge-{attendee.code}-{len(desk.printed)}.pdf"
            outcome = printing.print_badge(
                stage,
                attendee,
                settings=settings,
                data_dir=data_dir,
                operator="Giulia",
                auto=True,
                pdf_path=target,  # Qt's PDF printer stands for the badge printer
            )
            desk.printed.append(outcome)

        def cleared() -> None:
            desk.cleared += 1

        def refreshed() -> None:
            desk.refreshed += 1

        sounds = HeardSounds()
        controller = DeskController(
            host,
            stage=stage,
            banner=banner,
            sounds=sounds,
            settings=settings,
            prompts=Prompts(),
            data_dir=data_dir,
            open_dialog=open_dialog,
            session_of=lambda: desk.session,
            operator_of=lambda: "Giulia",
            print_first_badge=print_first_badge,
            refresh=refreshed,
            ask_to_choose=lambda message: desk.asked.append(message),
            clear_scan=cleared,
        )
        desk = Desk(controller, banner, sounds, settings, session)
        host.show()
        qtbot.waitExposed(host)
        return desk

    return make


def ticket(data_dir, stage, attendee) -> str:
    return tickets.sign_ticket(tickets.load_private_key(data_dir), stage.info.code, attendee.code)


def scan(desk: Desk, stage, data_dir, value: str, **seen) -> None:
    """A scan decided by core as the window asks it, then shown by the controller."""
    decision = checkin.decide(
        stage,
        checkin.Scan(value, scanned=not seen, **seen),
        operator="Giulia",
        data_dir=data_dir,
        session_id=desk.session,
        offer_party=True,
        print_first_badge=desk.controller.prints_first_badge,
    )
    desk.controller.present(decision)


def settle(qtbot, desk: Desk) -> None:
    """Let what the outcome scheduled run (offers, the automatic print, the refresh last)."""
    before = desk.refreshed
    qtbot.waitUntil(lambda: desk.refreshed > before, timeout=3000)


def kinds(stage, attendee_id: str, kind: str) -> list:
    return [e for e in stage.events() if e.kind == kind and e.attendee_id == attendee_id]


def test_a_ticket_shows_the_green_banner_with_the_name(qtbot, make_desk, stage, people, data_dir):
    desk = make_desk()
    rossi = people[2]
    scan(desk, stage, data_dir, ticket(data_dir, stage, rossi))
    assert desk.banner.outcome.text() == "✔  Checked in — welcome"
    assert desk.banner.name.text() == "Marco Rossi"
    assert "Rossi Utensili" in desk.banner.shown_text()
    assert desk.colour() == GREEN
    assert desk.sounds.heard == [checkin.CHECKED_IN]
    assert desk.cleared == 1  # the scan field is emptied for the next one
    settle(qtbot, desk)  # and the counters are refreshed
    assert stage.attendee(rossi.id).checked_in
    (event,) = kinds(stage, rossi.id, "checkin")
    assert event.payload["method"] == "ticket" and event.operator == "Giulia"
    assert desk.dialogs == [] and desk.printed == []  # nothing asked, nothing printed


def test_a_second_scan_shows_already_checked_in(qtbot, make_desk, stage, people, data_dir):
    desk = make_desk()
    code = ticket(data_dir, stage, people[0])
    scan(desk, stage, data_dir, code)
    settle(qtbot, desk)
    scan(desk, stage, data_dir, code)
    when = desk.controller.stage.attendee(people[0].id).checked_in_at
    assert desk.banner.status == checkin.ALREADY_CHECKED_IN
    assert desk.banner.outcome.text().startswith("⟲  Already checked in at ")
    assert f"({stage.desk.name})" in desk.banner.outcome.text() and when
    assert desk.banner.name.text() == people[0].display_name
    assert desk.colour() == AMBER
    assert desk.sounds.heard == [checkin.CHECKED_IN, checkin.ALREADY_CHECKED_IN]
    settle(qtbot, desk)
    assert len(kinds(stage, people[0].id, "checkin")) == 1
    assert desk.dialogs == []  # nothing to offer: they are in


def test_a_full_session_offers_to_let_in_anyway_and_records_it_forced(
    qtbot, make_desk, stage, people, data_dir
):
    workshop = sessions.define_session(stage, "Workshop India", capacity=1)
    desk = make_desk(session=workshop["id"])
    scan(desk, stage, data_dir, ticket(data_dir, stage, people[0]))
    assert desk.banner.status == checkin.CHECKED_IN
    anna = people[1]
    scan(desk, stage, data_dir, ticket(data_dir, stage, anna))
    assert desk.banner.outcome.text() == "⊠  Session full"
    assert desk.colour() == AMBER
    qtbot.waitUntil(lambda: len(desk.dialogs) == 1)
    offer = desk.offer()
    assert isinstance(offer, ConfirmDialog) and offer.isVisible()
    assert offer.windowTitle() == "Session full"
    assert "The session is full. Let Anna Bertelli in anyway?" in [
        w.text() for w in offer.findChildren(QLabel)
    ]
    assert offer.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).text() == (
        "Let in anyway"
    )
    offer.reject()  # the clerk says no: nobody comes in
    assert not stage.session_attendance(workshop["id"], anna.id)
    # the next time, the clerk lets her in on purpose
    scan(desk, stage, data_dir, ticket(data_dir, stage, anna))
    qtbot.waitUntil(lambda: len(desk.dialogs) == 2)
    desk.offer().accept()
    assert desk.banner.status == checkin.CHECKED_IN and desk.colour() == GREEN
    assert stage.session_attendance(workshop["id"], anna.id)
    (forced,) = kinds(stage, anna.id, "session_checkin")
    assert forced.payload["forced"] is True and forced.operator == "Giulia"
    assert forced.payload["session_id"] == workshop["id"]


def test_the_offers_speak_italian(qtbot, make_desk, stage, people, data_dir, tmp_path):
    language = Settings(QSettings(str(tmp_path / "lang.ini"), QSettings.Format.IniFormat))
    language.set("ui/language", "it")
    install_language(QApplication.instance(), language, tmp_path / "i18n")
    try:
        workshop = sessions.define_session(stage, "Workshop India", capacity=0)
        desk = make_desk(session=workshop["id"])
        scan(desk, stage, data_dir, ticket(data_dir, stage, people[1]))
        assert desk.banner.outcome.text() == "⊠  Sessione al completo"
        qtbot.waitUntil(lambda: len(desk.dialogs) == 1)
        offer = desk.offer()
        assert offer.windowTitle() == "Sessione al completo"
        words = [w.text() for w in offer.findChildren(QLabel)]
        assert "La sessione è al completo. Far entrare comunque Anna Bertelli?" in words
        ok = offer.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        assert ok.text() == "Fai entrare comunque"
        offer.reject()
        desk.session = ""
        scan(
            desk, stage, data_dir, "bert", selected=(people[0],), matches=2
        )  # typed; two match, the first pre-selected
        assert desk.asked == ["2 persone corrispondono: scegline una con ↑↓ o un clic, poi Invio."]
    finally:
        language.set("ui/language", "en")
        install_language(QApplication.instance(), language, tmp_path / "i18n")


def test_a_cancelled_registration_is_refused_unless_let_in_on_purpose(
    qtbot, make_desk, stage, people, data_dir
):
    desk = make_desk()
    zoe = people[4]
    checkin.cancel(stage, zoe, "cancelled by e-mail", operator="Luca")
    scan(desk, stage, data_dir, ticket(data_dir, stage, zoe))
    assert desk.banner.outcome.text() == "⊘  Registration cancelled"
    assert "Reason: cancelled by e-mail" in desk.banner.shown_text()
    assert desk.colour() == RED and desk.sounds.heard == [checkin.CANCELLED]
    qtbot.waitUntil(lambda: len(desk.dialogs) == 1)
    box = desk.offer().findChild(QDialogButtonBox)
    keep = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert keep.text() == "Do not let in" and keep.isDefault()  # Enter keeps the refusal
    keep.click()
    assert not stage.attendee(zoe.id).checked_in
    scan(desk, stage, data_dir, ticket(data_dir, stage, zoe))
    qtbot.waitUntil(lambda: len(desk.dialogs) == 2)
    desk.offer().accept()
    assert desk.banner.status == checkin.CHECKED_IN
    assert "recorded as forced" in desk.banner.shown_text()
    (forced,) = kinds(stage, zoe.id, "checkin")
    assert forced.payload["forced"] is True and forced.operator == "Giulia"


def test_automatic_printing_prints_a_first_badge_exactly_once(
    qtbot, make_desk, stage, people, data_dir
):
    desk = make_desk(auto_print=True)
    person = people[3]
    code = ticket(data_dir, stage, person)
    scan(desk, stage, data_dir, code)
    settle(qtbot, desk)  # the print runs before the refresh
    (outcome,) = desk.printed
    assert outcome.ok, outcome.message
    assert page_count(Path(outcome.output).read_bytes()) == 1
    assert stage.attendee(person.id).badge_prints == 1
    # scanned again (already in), then undone and checked in again: no second badge
    scan(desk, stage, data_dir, code)
    settle(qtbot, desk)
    checkin.undo(stage, stage.attendee(person.id), "wrong door", operator="Giulia")
    scan(desk, stage, data_dir, code)
    assert desk.banner.status == checkin.CHECKED_IN
    settle(qtbot, desk)
    assert len(desk.printed) == 1
    assert len(kinds(stage, person.id, "badge_printed")) == 1
    # someone else's first check-in prints their first badge
    scan(desk, stage, data_dir, ticket(data_dir, stage, people[0]))
    settle(qtbot, desk)
    assert len(desk.printed) == 2 and stage.attendee(people[0].id).badge_prints == 1


def test_no_badge_is_printed_when_automatic_printing_is_off(
    qtbot, make_desk, stage, people, data_dir
):
    desk = make_desk(auto_print=False)
    scan(desk, stage, data_dir, ticket(data_dir, stage, people[0]))
    settle(qtbot, desk)
    assert desk.banner.status == checkin.CHECKED_IN
    assert desk.printed == [] and stage.attendee(people[0].id).badge_prints == 0


def test_a_group_admission_shows_the_group_banner(qtbot, make_desk, stage, people, data_dir):
    desk = make_desk()
    checkin.admit(stage, people[1], operator="Luca")  # Anna came in earlier
    desk.controller.admit([people[0], people[1], people[2]])
    assert desk.banner.outcome.text() == "⟲  2 of 3 checked in"
    assert desk.banner.name.text() == "Nicolò Bertè, Marco Rossi"
    assert "Anna Bertelli: Already checked in at" in desk.banner.shown_text()
    assert desk.colour() == AMBER
    assert desk.sounds.heard == [checkin.ALREADY_CHECKED_IN]
    settle(qtbot, desk)
    assert stage.attendee(people[0].id).checked_in and stage.attendee(people[2].id).checked_in
    assert len(kinds(stage, people[1].id, "checkin")) == 1
    # two rows chosen in the results of a typed search: a group of two, all in
    scan(desk, stage, data_dir, "sato", selected=(people[3], people[4]), matches=2, chosen=True)
    assert desk.banner.outcome.text() == "✔  2 of 2 checked in"
    assert desk.colour() == GREEN and desk.cleared == 1
    assert desk.sounds.heard[-1] == checkin.CHECKED_IN


def test_typed_text_matching_several_asks_to_choose_and_decides_nothing(
    qtbot, make_desk, stage, people, data_dir
):
    desk = make_desk()
    scan(desk, stage, data_dir, "bert", selected=(people[0],), matches=2)
    assert desk.asked == ["2 people match: choose one with ↑↓ or a click, then Enter."]
    assert desk.banner.status == "" and desk.sounds.heard == [] and desk.cleared == 0
    assert not any(a.checked_in for a in stage.attendees())


def test_a_head_of_delegation_opens_the_party_and_admits_only_the_ticked(
    qtbot, make_desk, stage, people, data_dir
):
    head = stage.new_attendee(
        {
            "first_name": "Kenji",
            "last_name": "Tanaka",
            "category": "consul",
            "extra": {"delegation": "Giappone", "delegation_head": "yes"},
        }
    )
    aide = stage.new_attendee(
        {"first_name": "Aiko", "last_name": "Mori", "extra": {"delegation": "Giappone"}}
    )
    desk = make_desk()
    scan(desk, stage, data_dir, ticket(data_dir, stage, head))
    assert desk.cleared == 1 and not stage.attendee(head.id).checked_in
    (party,) = desk.dialogs
    assert isinstance(party, PartyDialog)
    assert [a.id for a in party.ticked()] == [head.id, aide.id]
    party.accept()
    assert desk.banner.outcome.text() == "✔  2 of 2 checked in"
    assert stage.attendee(head.id).checked_in and stage.attendee(aide.id).checked_in


def test_a_store_that_refuses_shows_not_saved(qtbot, make_desk, stage, people, data_dir):
    desk = make_desk(session="no-such-session")
    desk.controller.admit([people[0]])
    assert desk.banner.outcome.text() == "⚠  Not saved"
    assert "session that does not exist" in desk.banner.shown_text()
    assert desk.colour() == RED and desk.sounds.heard == [checkin.INVALID]
    assert not stage.attendee(people[0].id).checked_in
