"""Issue 12: scanning the head of a delegation offers the party; only the ticked come in,
each with their own check-in event; scans arriving meanwhile wait in the queue."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.core import checkin, tickets
from desktop_app.core.importer import import_file
from desktop_app.ui.party_dialog import PartyDialog
from tests.ui import keys


def _ticket(data_dir, stage, attendee) -> str:
    return tickets.sign_ticket(tickets.load_private_key(data_dir), stage.info.code, attendee.code)


def _delegation(stage):
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
    interpreter = stage.new_attendee(
        {"first_name": "Yuki", "last_name": "Abe", "extra": {"delegation": "giappone"}}
    )
    spouse = stage.new_attendee(
        {"first_name": "Emi", "last_name": "Tanaka", "extra": {"companion_of": head.code}}
    )
    return head, aide, interpreter, spouse


def _checkins(stage, attendee_id):
    return [e for e in stage.events() if e.kind == "checkin" and e.attendee_id == attendee_id]


def test_scanning_the_head_offers_the_party_and_admits_only_the_ticked(
    qtbot, window, stage, data_dir, people
):
    head, aide, interpreter, spouse = _delegation(stage)
    checkin.admit(stage, stage.attendee(spouse.id), operator="Luca")  # came in earlier
    keys.scan(_ticket(data_dir, stage, head))
    qtbot.waitUntil(lambda: isinstance(window.dialog, PartyDialog), timeout=2000)
    dialog = window.dialog
    assert not stage.attendee(head.id).checked_in  # nobody in before Enter
    rows = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert rows[0].startswith("Kenji Tanaka")  # the head first
    assert "already checked in" in rows[[a.id for a in dialog.party].index(spouse.id)]
    assert [a.id for a in dialog.ticked()] == [head.id, interpreter.id, aide.id]
    # a scan while the dialog is up waits; the dialog keeps its ticks
    keys.scan(_ticket(data_dir, stage, people[0]))
    qtbot.waitUntil(lambda: len(window.queued) == 1, timeout=2000)
    assert window.dialog is dialog
    # untick the interpreter with the keyboard, then Enter
    dialog.list.setCurrentItem(dialog.item_of(interpreter.id))
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    assert dialog.item_of(interpreter.id).checkState() == Qt.CheckState.Unchecked
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.dialog is None, timeout=2000)
    assert stage.attendee(head.id).checked_in
    assert stage.attendee(aide.id).checked_in
    assert not stage.attendee(interpreter.id).checked_in
    assert len(_checkins(stage, head.id)) == 1
    assert len(_checkins(stage, aide.id)) == 1
    assert len(_checkins(stage, spouse.id)) == 1  # not checked in twice
    # the queued scan was then handled
    qtbot.waitUntil(lambda: stage.attendee(people[0].id).checked_in, timeout=2000)


def test_escape_lets_nobody_of_the_party_in(qtbot, window, stage, data_dir, people):
    head, aide, *_ = _delegation(stage)
    keys.scan(_ticket(data_dir, stage, head))
    qtbot.waitUntil(lambda: isinstance(window.dialog, PartyDialog), timeout=2000)
    qtbot.keyClick(window.dialog.list, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.dialog is None, timeout=2000)
    assert not stage.attendee(head.id).checked_in
    assert not stage.attendee(aide.id).checked_in


def test_a_member_scanned_alone_is_checked_in_alone(qtbot, window, stage, data_dir, people):
    head, aide, *_ = _delegation(stage)
    keys.scan(_ticket(data_dir, stage, aide))
    qtbot.waitUntil(lambda: window.banner.status == checkin.CHECKED_IN, timeout=2000)
    assert window.dialog is None
    assert stage.attendee(aide.id).checked_in and not stage.attendee(head.id).checked_in


def test_delegation_columns_are_imported(stage, tmp_path):
    path = tmp_path / "consoli.csv"
    path.write_text(
        "Nome,Cognome,Delegazione,Capo delegazione,Accompagnatore di,Nome nativo\n"
        "Kenji,Tanaka,Giappone,sì,,田中 健二\n"
        "Aiko,Mori,Giappone,,,\n"
        "Emi,Tanaka,,,Kenji Tanaka,\n",
        encoding="utf-8",
    )
    import_file(stage, path)
    by_name = {a.first_name: a for a in stage.attendees()}
    assert by_name["Kenji"].extra["delegation"] == "Giappone"
    assert by_name["Kenji"].extra["delegation_head"] == "yes"
    assert by_name["Kenji"].extra["name_native"] == "田中 健二"
    assert by_name["Emi"].extra["companion_of"] == "Kenji Tanaka"
    decision = checkin.decide(stage, by_name["Kenji"].code, offer_party=True)
    assert decision.status == checkin.PARTY
    assert [a.first_name for a in decision.party] == ["Kenji", "Aiko", "Emi"]
