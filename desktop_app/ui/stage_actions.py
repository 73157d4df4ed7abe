"""Stage menu actions that were command-line only: duplicates, the series report, erasing a
person's data and purging this desk's copy of the stage. Destructive ones ask first.

`add_to_menu(window, menu)` is the desk window's one hook; each action works on the window's
open stage and answers in the window's notice line or a small dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from desktop_app.core import privacy
from desktop_app.core.errors import RoadshowError
from desktop_app.ui import text
from desktop_app.ui.dialogs import ConfirmDialog, MessageDialog


def _tr(s: str) -> str:
    return QCoreApplication.translate("StageActions", s)


def add_to_menu(window, menu: QMenu) -> None:
    for attr, label, slot in (
        ("duplicates_action", _tr("Duplicates…"), lambda: show_duplicates(window)),
        ("series_action", _tr("Series report…"), lambda: series_report(window)),
        ("erase_action", _tr("Erase this person's data…"), lambda: erase_current(window)),
        ("purge_action", _tr("Purge this stage's copy…"), lambda: purge_stage(window)),
    ):
        action = QAction(label, window)
        action.triggered.connect(slot)
        menu.addAction(action)
        setattr(window, attr, action)


def show_duplicates(window) -> MessageDialog:
    stage = window.stage
    rows = []
    for d in stage.duplicate_checkins():
        person = stage.attendee(d["attendee_id"])
        times = ", ".join(
            f"{text.time_text(c['recorded_at'])} ({c['desk'] or '?'})"
            for c in d["checkins"]
            if not c["cancelled"]
        )
        rows.append(f"{person.last_name} {person.first_name} · {times}")
    if rows:
        message = (
            _tr("%1 people were checked in more than once (e.g. at two offline desks):").replace(
                "%1", str(len(rows))
            )
            + "\n\n"
            + "\n".join(rows)
        )
    else:
        message = _tr("Nobody was checked in twice at this stage.")
    dialog = MessageDialog(window, _tr("Duplicates"), message)
    window.open_dialog(dialog, lambda _ok: None)
    return dialog


def series_report(window, out: str | None = None) -> None:
    """The whole roadshow (every real stage on this desk) in one XLSX."""
    from desktop_app.core import reports

    if out is None:
        out, _ = QFileDialog.getSaveFileName(
            window, _tr("Series report"), "roadshow.xlsx", _tr("Excel workbook (*.xlsx)")
        )
    if not out:
        return
    lang = "it" if window.ctx.language == "it" else "en"
    series = reports.collect_series(window.ctx.data_dir, window.stage.desk)
    reports.write_series_xlsx(series, Path(out), lang=lang)
    summary = series.summary()
    window.show_notice(
        _tr("Series report saved: %1 stages, %2 people, %3 companies.")
        .replace("%1", str(summary["stages"]))
        .replace("%2", str(summary["people"]))
        .replace("%3", str(summary["companies"]))
    )


def erase_current(window) -> ConfirmDialog | None:
    people = window.current_people()
    if len(people) != 1:
        window.show_notice(_tr("Choose one person whose personal data is to be erased."))
        return None
    person = window.stage.attendee(people[0].id)
    name = f"{person.first_name} {person.last_name}".strip()
    dialog = ConfirmDialog(
        window,
        _tr("Erase personal data"),
        _tr(
            "Erase the personal data of %1? Names, company, contacts and codes are blanked "
            "here and on every desk and hub this stage syncs with; attendance stays in the "
            "numbers. This cannot be undone."
        ).replace("%1", name),
        _tr("Erase"),
    )

    def answered(ok: bool) -> None:
        if not ok:
            return
        privacy.erase_attendee(window.stage, person, operator=window.operator)
        window.model.set_people([])
        window.show_details()
        window.refresh_side()
        window.show_notice(_tr("The personal data was erased."))

    window.open_dialog(dialog, answered)
    return dialog


def purge_stage(window) -> ConfirmDialog:
    """Delete this desk's copy of the open stage; the picker opens for the next one."""
    stage = window.stage
    pending = privacy.unacknowledged(stage)
    if pending["total"]:
        question = _tr(
            "The hub never acknowledged %1 events of this copy (check-ins, registrations…): "
            "purging deletes them for good. Sync with the hub first if you can. Delete "
            "anyway?"
        ).replace("%1", str(pending["total"]))
        yes = _tr("Delete anyway")
    else:
        question = _tr(
            "The hub holds every event of this stage. Delete this desk's copy of %1 (the "
            "file and its backups)? The stage stays on the hub."
        ).replace("%1", stage.info.title)
        yes = _tr("Purge")
    dialog = ConfirmDialog(window, _tr("Purge this stage's copy"), question, yes)

    def answered(ok: bool) -> None:
        if ok:
            QTimer.singleShot(0, lambda: _purge_now(window, force=bool(pending["total"])))

    window.open_dialog(dialog, answered)
    return dialog


def _purge_now(window, *, force: bool) -> None:
    from desktop_app.ui import app
    from desktop_app.ui.stage_picker import StagePicker, local_stages

    data_dir, settings, desk = window.ctx.data_dir, window.settings, window.stage.desk
    slug = window.stage.info.slug
    qapp = app.application()
    quit_on_close = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    indicator = getattr(window, "sync_indicator", None)
    if indicator is not None:
        indicator.service.stop()
    window.close()
    if window in app._open_windows:
        app._open_windows.remove(window)
    window.stage.close()
    try:
        privacy.purge_stage(data_dir, slug, desk, force=force)
        done = _tr("This desk's copy of the stage was deleted.")
    except RoadshowError as exc:
        done = exc.message
    picker = StagePicker(
        None, local_stages(data_dir), data_dir=data_dir, settings=settings, desk=desk
    )
    picker.say(done)
    app.after_purge_picker = picker

    def finished(result: int) -> None:
        qapp.setQuitOnLastWindowClosed(quit_on_close)
        chosen = picker.chosen
        if picker.demo_requested:
            from desktop_app.core.demo import ensure_demo_stage

            chosen = ensure_demo_stage(data_dir, desk)[0]
        if result and chosen:
            from desktop_app.core.store import Stage

            app.open_stage_window(data_dir, Stage.open(data_dir, chosen, desk), settings)
        elif not app._open_windows:
            qapp.quit()

    picker.finished.connect(finished)
    picker.open()
