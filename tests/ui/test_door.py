"""Issue 9 at the desk window: cancel / restore, refusals that stay in view, banner notes,
walk-in with a registered e-mail. Driven like a clerk would, on a real stage file."""

from __future__ import annotations

import ast
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import desktop_app.ui
from desktop_app.core import checkin, paths, tickets
from desktop_app.ui.app import install_language
from desktop_app.ui.dialogs import ConfirmDialog


def ticket_for(data_dir, stage, attendee) -> str:
    return tickets.sign_ticket(tickets.load_private_key(data_dir), stage.info.code, attendee.code)


def recent_texts(window) -> list[str]:
    return [window.recent.item(i).text() for i in range(window.recent.count())]


def test_cancel_from_the_menu_then_the_door_refuses_with_the_reason(qtbot, window, stage, people):
    rossi = people[2]
    qtbot.keyClicks(window.scan, "ros ma")
    assert window.cancel_action in window.results.actions()  # also on the results' menu
    assert window.cancel_action.isEnabled() and not window.restore_action.isEnabled()
    window.cancel_action.trigger()
    dialog = window.dialog
    assert type(dialog).__name__ == "CancelRegistrationDialog"
    assert not dialog.ok.isEnabled()  # a reason is required
    qtbot.keyClicks(dialog.reason, "changed plans")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.dialog is None)
    assert stage.attendee(rossi.id).cancelled
    assert window.notice_text == "Registration cancelled: Marco Rossi"
    (event,) = [e for e in stage.events() if e.kind == "attendee_cancelled"]
    assert event.payload["reason"] == "changed plans" and event.operator == "Giulia"

    # at the door: refused, with the reason; Enter keeps the refusal
    window.submit_scan(rossi.code)
    assert window.banner.outcome.text() == "⊘  Registration cancelled"
    assert "Reason: changed plans" in window.banner.shown_text()
    assert "Marco Rossi" in window.banner.shown_text()
    qtbot.waitUntil(lambda: isinstance(window.dialog, ConfirmDialog))
    offer = window.dialog
    qtbot.keyClick(offer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.dialog is None)
    assert not stage.attendee(rossi.id).checked_in
    qtbot.waitUntil(lambda: "⊘ cancelled" in recent_texts(window)[0])

    # a forced admission, on purpose: recorded as forced, said on the banner
    window.submit_scan(rossi.code)
    qtbot.waitUntil(lambda: isinstance(window.dialog, ConfirmDialog))
    window.dialog.accept()
    qtbot.waitUntil(lambda: window.banner.status == checkin.CHECKED_IN)
    assert "recorded as forced" in window.banner.shown_text()
    (forced,) = [e for e in stage.events() if e.kind == "checkin"]
    assert forced.payload["forced"] is True and forced.operator == "Giulia"
    assert stage.checkins_of(rossi.id)[0]["forced"] == 1

    # restore, after a confirmation
    qtbot.keyClicks(window.scan, "ros ma")
    assert window.restore_action.isEnabled() and not window.cancel_action.isEnabled()
    window.restore_action.trigger()
    assert isinstance(window.dialog, ConfirmDialog)
    window.dialog.accept()
    qtbot.waitUntil(lambda: window.dialog is None)
    assert not stage.attendee(rossi.id).cancelled
    assert window.notice_text == "Registration restored: Marco Rossi"


def test_a_refusal_followed_at_once_by_a_good_scan_stays_in_view(
    qtbot, window, stage, people, data_dir
):
    good = ticket_for(data_dir, stage, people[0])
    damaged = good[:-8] + ("A" if good[-8] != "A" else "B") + good[-7:]
    started = time.perf_counter()
    window.submit_scan(damaged)
    window.submit_scan(good)
    assert time.perf_counter() - started < 0.1
    assert window.banner.status == checkin.CHECKED_IN  # the banner moved on...
    qtbot.waitUntil(lambda: len(recent_texts(window)) == 2)
    newest, refused = recent_texts(window)  # ...the refusal is still listed
    assert "Bertè N." in newest and newest.endswith("✔")
    assert "Invalid code" in refused and refused.endswith("⚠")
    assert window.recent_title.text() == "Recent outcomes"
    (event,) = [e for e in stage.events() if e.kind == "scan_refused"]
    assert event.payload == {"outcome": "invalid", "method": "ticket"}
    assert event.attendee_id is None


def test_the_banner_shows_notes_and_special_attention(qtbot, window, stage):
    person = stage.new_attendee(
        {
            "first_name": "Ada",
            "last_name": "Neri",
            "company": "Acme",
            "notes": "Wheelchair: side entrance",
            "extra": {"special_attention": "yes"},
        }
    )
    window.submit_scan(person.code)
    assert window.banner.status == checkin.CHECKED_IN
    assert window.banner.notes.isVisibleTo(window.banner)
    assert window.banner.notes.text() == "⚑ Special attention · ★ Wheelchair: side entrance"
    assert "⚑ Special attention" in window.banner.shown_text()
    qtbot.waitUntil(lambda: "⚑ Special attention" in window.detail_info.text())
    flagged_only = stage.new_attendee(
        {"first_name": "Bo", "last_name": "Verdi", "extra": {"special_attention": "yes"}}
    )
    window.submit_scan(flagged_only.code)
    assert window.banner.notes.text() == "⚑ Special attention"
    plain = stage.new_attendee({"first_name": "Cy", "last_name": "Blu"})
    window.submit_scan(plain.code)
    assert not window.banner.notes.isVisibleTo(window.banner)


def test_walk_in_with_a_registered_email_offers_that_person(qtbot, window, stage, people):
    qtbot.keyClick(window.scan, Qt.Key.Key_F2)
    dialog = window.dialog
    qtbot.keyClicks(dialog.first_name, "Mario")
    qtbot.keyClicks(dialog.last_name, "Bianchi")
    qtbot.keyClicks(dialog.email, "Marco.Rossi@Example.test ")
    qtbot.waitUntil(lambda: bool(dialog.same_email))
    assert dialog.similar.item(0).text().startswith("Rossi Marco")
    assert "Marco Rossi is already registered with this e-mail" in dialog.warning.text()
    assert not dialog.register.isEnabled()
    qtbot.keyClick(dialog.email, Qt.Key.Key_Return)  # Enter checks in the registered person
    qtbot.waitUntil(lambda: window.dialog is None)
    assert len(stage.attendees()) == 5  # nobody new
    assert stage.attendee(people[2].id).checked_in
    assert "Marco Rossi" in window.banner.shown_text()


def test_walk_in_with_a_new_email_registers(qtbot, window, stage):
    qtbot.keyClick(window.scan, Qt.Key.Key_F2)
    dialog = window.dialog
    dialog.first_name.setText("Mario")
    dialog.last_name.setText("Bianchi")
    dialog.email.setText("mario.bianchi@example.test")
    dialog.refresh_similar()
    assert dialog.register.isEnabled() and not dialog.same_email
    dialog.register.click()
    qtbot.waitUntil(lambda: window.dialog is None)
    assert len(stage.attendees()) == 6
    assert stage.attendees_by_email("mario.bianchi@example.test")[0].checked_in


def test_italian_words_at_the_door(qtbot, open_window, stage, people, desk_settings, data_dir):
    window = open_window(stage, language="it")
    try:
        assert window.recent_title.text() == "Ultimi esiti"
        titles = [a.text() for a in window.menuBar().actions()]
        assert "Part&ecipante" in titles
        checkin.cancel(stage, people[4], "disdetta via e-mail")
        window.submit_scan(people[4].code)
        assert window.banner.outcome.text() == "⊘  Iscrizione annullata"
        assert "Motivo: disdetta via e-mail" in window.banner.shown_text()
        qtbot.waitUntil(lambda: isinstance(window.dialog, ConfirmDialog))
        window.dialog.reject()
        window.submit_scan("%%%")
        qtbot.waitUntil(lambda: any("Non trovato" in t for t in recent_texts(window)))
    finally:  # the next tests read English
        desk_settings.set("ui/language", "en")
        install_language(QApplication.instance(), desk_settings, data_dir / "cache")


def _door_strings() -> set[str]:
    found = set()
    for source in ("door.py", "main_window.py", "desk_controller.py", "walk_in.py", "banner.py"):
        folder = Path(desktop_app.ui.__file__).parent
        tree = ast.parse((folder / source).read_text("utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            fn = node.func
            by_door = isinstance(fn, ast.Attribute) and getattr(fn.value, "id", "") == "door"
            local = source == "door.py" and isinstance(fn, ast.Name) and fn.id == "tr"
            if (by_door or local) and fn_name(fn) == "tr":
                arg = node.args[0]
                if isinstance(arg, ast.Constant):
                    found.add(arg.value)
                elif isinstance(arg, ast.BinOp):  # implicit concatenation keeps a Constant
                    found.add(ast.literal_eval(arg))
    return found


def fn_name(fn) -> str:
    return fn.attr if isinstance(fn, ast.Attribute) else fn.id


def test_every_door_string_has_an_italian_translation():
    catalog = ET.parse(paths.resource("i18n", "roadshow_it.ts")).getroot()
    (context,) = [c for c in catalog.iter("context") if c.findtext("name") == "Door"]
    translated = {m.findtext("source"): m.findtext("translation") for m in context.iter("message")}
    wanted = _door_strings()
    assert len(wanted) > 25
    assert sorted(s for s in wanted if not translated.get(s)) == []
    assert sorted(set(translated) - wanted) == []  # no stale ones either
    for source, italian in translated.items():
        assert ("%1" in source) == ("%1" in italian), source
