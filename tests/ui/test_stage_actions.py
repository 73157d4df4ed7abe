"""Duplicates, the series report, erase and purge from the Stage menu, with confirmation
for the destructive ones (issue 11). Real stage files, real widgets."""

from __future__ import annotations

from openpyxl import load_workbook

from desktop_app.core.demo import OTHER_DESK, ensure_demo_stage, spread_checkins
from desktop_app.core.store import stage_path
from desktop_app.ui import app as ui_app
from desktop_app.ui.dialogs import ConfirmDialog, MessageDialog
from desktop_app.ui.stage_picker import StagePicker


def labels(window):
    return [a.text() for a in window.menuBar().actions()[0].menu().actions()]


def test_duplicates_and_series_report_from_the_stage_menu(
    qtbot, window, stage, people, data_dir, desk, tmp_path
):
    assert {"Duplicates…", "Series report…", "Erase this person's data…"} <= set(labels(window))
    window.desk.admit([people[0]])
    spread_checkins(stage, [people[0].id], desk_id=OTHER_DESK, desk_name="Desk 2")
    window.duplicates_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, MessageDialog)
    shown = dialog.findChild(type(dialog.layout().itemAt(0).widget())).text()
    assert "1 people were checked in more than once" in shown and "Bertè Nicolò" in shown
    assert "Desk 2" in shown
    dialog.accept()
    qtbot.waitUntil(lambda: window.dialog is None)
    ensure_demo_stage(data_dir, desk, size=10)  # never in the roadshow's numbers
    out = tmp_path / "series.xlsx"
    from desktop_app.ui import stage_actions

    stage_actions.series_report(window, str(out))
    assert window.notice_text.startswith("Series report saved: 1 stages, 5 people,")
    assert "Overview" in load_workbook(out).sheetnames


def test_erase_asks_first_and_blanks_the_person(qtbot, window, stage, people):
    window.on_text_changed("rossi")
    qtbot.waitUntil(lambda: len(window.model.people) == 1)
    window.erase_action.trigger()
    confirm = window.dialog
    assert isinstance(confirm, ConfirmDialog)
    confirm.reject()  # changed their mind: nothing happens
    qtbot.waitUntil(lambda: window.dialog is None)
    assert stage.attendee(people[2].id).last_name == "Rossi"
    window.on_text_changed("rossi")
    qtbot.waitUntil(lambda: len(window.model.people) == 1)
    window.erase_action.trigger()
    window.dialog.accept()
    qtbot.waitUntil(lambda: window.dialog is None)
    erased = stage.attendee(people[2].id)
    assert erased.redacted and erased.last_name == ""
    assert window.notice_text == "The personal data was erased."


def test_purge_asks_says_what_is_lost_and_opens_the_picker(qtbot, window, stage, people, data_dir):
    ui_app._open_windows.append(window)
    slug = stage.info.slug
    window.purge_action.trigger()
    confirm = window.dialog
    assert isinstance(confirm, ConfirmDialog)
    question = confirm.findChildren(type(confirm.layout().itemAt(0).widget()))[0].text()
    assert "never acknowledged" in question  # nothing was synced: say what is lost
    confirm.reject()
    qtbot.waitUntil(lambda: window.dialog is None)
    assert stage_path(data_dir, slug).exists()
    window.purge_action.trigger()
    window.dialog.accept()
    qtbot.waitUntil(lambda: isinstance(ui_app.after_purge_picker, StagePicker), timeout=3000)
    picker = ui_app.after_purge_picker
    qtbot.addWidget(picker)
    assert not stage_path(data_dir, slug).exists()
    assert picker.message.text() == "This desk's copy of the stage was deleted."
    picker.reject()
    ui_app.after_purge_picker = None
    ui_app._open_windows.clear()
