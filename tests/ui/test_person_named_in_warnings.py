"""Issue 11, the small things a clerk notices: a desk's default name, the wrong-stage banner
naming the person, the badge-fit warning naming the person, the walk-in "did you mean" list
without "— —"."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from desktop_app.badges import render_stage_badges
from desktop_app.core import tickets
from desktop_app.core.desk import load_desk
from desktop_app.sync.hubstore import HubStore
from desktop_app.ui.walk_in import WalkInDialog


def _ticket(data_dir, stage, attendee) -> str:
    return tickets.sign_ticket(tickets.load_private_key(data_dir), stage.info.code, attendee.code)


def test_a_new_desk_is_called_desk_1_not_the_host_name(tmp_path):
    import socket

    fresh = tmp_path / "fresh"
    fresh.mkdir()
    desk = load_desk(fresh)
    assert desk.name == "Desk 1" and desk.name != socket.gethostname()
    assert json.loads((fresh / "desk.json").read_text("utf-8"))["name"] == "Desk 1"
    assert load_desk(fresh) == desk  # the same desk next time


def test_the_hub_names_a_paired_desk_apart_from_this_laptop(tmp_path):
    with HubStore(tmp_path / "hub.sqlite") as store:
        assert store.next_desk_name(also_taken=["Desk 1"]) == "Desk 2"
        store.add_desk("Desk 2", stages=["x"])
        assert store.next_desk_name(also_taken=["Desk 1"]) == "Desk 3"
        assert store.next_desk_name() == "Desk 1"


def test_the_wrong_stage_banner_names_the_person(qtbot, window, make_stage, data_dir):
    other = make_stage("brescia-2026", title="Tappa di Brescia", date="2026-05-20", city="Brescia")
    guest = other.new_attendee({"first_name": "Ospite", "last_name": "Altrove", "title": "Dott."})
    qtbot.keyClicks(window.scan, _ticket(data_dir, other, guest))
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    assert window.banner.outcome.text() == "⇄  Ticket for another stage: Brescia, 20 May"
    assert "Dott. Ospite Altrove" in window.banner.shown_text()


def test_the_badge_fit_warning_names_the_person(stage, data_dir):
    long_company = " ".join(["Officine Meccaniche Riunite Internazionali"] * 12)
    person = stage.new_attendee(
        {"first_name": "Bartolomeo", "last_name": "Lunghissimo", "company": long_company}
    )
    result = render_stage_badges(stage, [person], "a6-portrait", data_dir)
    assert result.below_min_size == [person.code]  # the CLI's JSON keeps the code
    summary = result.summary()
    assert "Bartolomeo Lunghissimo" in summary and person.code not in summary


def test_did_you_mean_never_shows_empty_dashes(qtbot, stage, people):
    stage.new_attendee({"first_name": "Mario", "last_name": "Rossini"})  # no company
    dialog = WalkInDialog(None, stage)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.last_name.setText("Rossi")
    qtbot.waitUntil(lambda: dialog.similar.count() >= 2, timeout=3000)
    labels = [dialog.similar.item(i).text() for i in range(dialog.similar.count())]
    assert labels and all("— —" not in label and "– —" not in label for label in labels)
    assert not any(label.rstrip().endswith("—") for label in labels)
    assert any("Rossini Mario" in label and "not checked in" in label for label in labels)


def test_f3_at_the_desk_previews_the_badge_and_its_fit_warning_names_the_person(
    qtbot, window, stage, data_dir
):
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.printing import BadgePdfPreview

    window.settings.set("badges/printer", "")
    window.settings.set("badges/layout", "a6-portrait")
    long_company = " ".join(["Officine Meccaniche Riunite Internazionali"] * 12)
    stage.new_attendee(
        {"first_name": "Bartolomeo", "last_name": "Lunghissimo", "company": long_company}
    )
    qtbot.keyClicks(window.scan, "lunghissimo")
    qtbot.waitUntil(lambda: len(window.current_people()) == 1, timeout=3000)
    qtbot.keyClick(window.scan, Qt.Key.Key_F3)

    def preview():
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, BadgePdfPreview) and w.isVisible()
        ]
        return shown[0] if shown else None

    qtbot.waitUntil(lambda: preview() is not None, timeout=5000)
    dialog = preview()
    assert dialog.page_sizes_mm == [(105.0, 148.0)]  # A6, the layout's page
    assert dialog.fit_warning.isVisible()
    assert "Bartolomeo Lunghissimo" in dialog.fit_warning.text()
    dialog.reject()
