"""Printing through Qt (offscreen, Qt's PDF printer stands in for a system printer), the batch
dialog on its worker thread, and the preview."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtPrintSupport")

from PySide6.QtCore import QSettings  # noqa: E402

from desktop_app.badges import TicketSource  # noqa: E402
from desktop_app.ui.printing import (  # noqa: E402
    BadgePreview,
    BatchPrintDialog,
    make_printer,
    print_badge,
)
from desktop_app.ui.settings import Settings  # noqa: E402

from .helpers import MULTILINGUAL, page_count, qr_codes  # noqa: E402


@pytest.fixture
def settings(tmp_path):
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def test_print_badge_through_the_pdf_printer_records_once(qapp, stage, people, data_dir, tmp_path):
    consul = people[3]
    target = tmp_path / "printed.pdf"
    outcome = print_badge(stage, consul, "label-102x76", pdf_path=target, data_dir=data_dir)
    assert outcome.ok, outcome.message
    pdf = target.read_bytes()
    assert pdf.startswith(b"%PDF") and page_count(pdf) == 1
    assert qr_codes(pdf) == [[TicketSource.for_stage(stage.info, data_dir).payload(consul)]]
    assert outcome.badge_prints == 1
    assert stage.attendee(consul.id).badge_prints == 1
    assert [e.kind for e in stage.unsynced_events()].count("badge_printed") == 1


def test_the_printer_gets_the_layout_s_page_size(qapp):
    from desktop_app.badges import load_layout

    printer = make_printer(load_layout("label-102x76"), pdf_path="/tmp/unused.pdf")
    rect = printer.pageLayout().fullRect()  # mm, oriented
    assert (round(rect.width()), round(rect.height())) == (102, 76)
    printer = make_printer(load_layout("a6-4up-a4"), pdf_path="/tmp/unused.pdf")
    rect = printer.pageLayout().fullRect()
    assert (round(rect.width()), round(rect.height())) == (210, 297)


def test_a_failed_print_records_nothing_and_can_be_retried(qapp, stage, people, data_dir, tmp_path):
    target = tmp_path / "missing-folder" / "badge.pdf"
    outcome = print_badge(stage, people[0], "a6-portrait", pdf_path=target, data_dir=data_dir)
    assert not outcome.ok
    assert "Cannot write the PDF file" in outcome.message
    assert stage.attendee(people[0].id).badge_prints == 0
    assert "badge_printed" not in [e.kind for e in stage.unsynced_events()]
    target.parent.mkdir()
    again = outcome.retry()
    assert again.ok and target.exists()
    assert stage.attendee(people[0].id).badge_prints == 1


def test_a_printer_that_is_not_there_fails_plainly(qapp, stage, people, data_dir):
    outcome = print_badge(
        stage, people[0], "a6-portrait", printer_name="No Such Printer", data_dir=data_dir
    )
    assert not outcome.ok and "No Such Printer" in outcome.message
    assert stage.attendee(people[0].id).badge_prints == 0


def test_automatic_print_needs_a_printer_and_skips_a_badge_printed_meanwhile(
    qapp, stage, people, data_dir, settings
):
    person = people[0]
    settings.set("badges/auto_print", True)
    outcome = print_badge(stage, person, settings=settings, data_dir=data_dir, auto=True)
    assert not outcome.ok and "No badge printer" in outcome.message  # nothing asked
    assert stage.attendee(person.id).badge_prints == 0
    from desktop_app.core import checkin

    checkin.record_badge_printed(stage, [person])
    # the desk may hold the person as they were before another desk printed their badge
    skipped = print_badge(stage, person, settings=settings, data_dir=data_dir, auto=True)
    assert skipped.ok and skipped.skipped and stage.attendee(person.id).badge_prints == 1


def test_failure_is_shown_with_retry_when_there_is_a_window(
    qtbot, stage, people, data_dir, tmp_path
):
    from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    target = tmp_path / "nope" / "b.pdf"
    outcome = print_badge(
        stage, people[0], "a6-portrait", parent=window, pdf_path=target, data_dir=data_dir
    )
    assert not outcome.ok
    boxes = [
        w
        for w in QApplication.topLevelWidgets() + window.findChildren(QMessageBox)
        if isinstance(w, QMessageBox) and w.isVisible()
    ]
    assert boxes and "Cannot write" in boxes[0].text()
    target.parent.mkdir()
    retry = next(b for b in boxes[0].buttons() if b.text() == "Retry")
    retry.click()
    qtbot.waitUntil(lambda: stage.attendee(people[0].id).badge_prints == 1, timeout=5000)


def test_preview_shows_the_real_attendee(qtbot, stage, people, data_dir):
    preview = BadgePreview()
    qtbot.addWidget(preview)
    preview.resize(500, 400)
    preview.show()
    preview.show_badge(stage, people[3], "a6-portrait-duplex", data_dir)
    assert len(preview.images) == 2  # front and back
    front = preview.images[0]
    assert front.height() > front.width()  # A6 portrait
    assert all(not label.pixmap().isNull() for label in preview.labels)
    preview.show_badge(stage, people[3], "pocket-8up-a4", data_dir)
    assert len(preview.images) == 1 and preview.images[0].width() > preview.images[0].height()
    preview.show_badge(stage, people[3], "no-such-layout", data_dir)
    assert preview.images == [] and "no-such-layout" in preview.message.text()


def test_batch_dialog_renders_on_a_worker_with_progress(qtbot, stage, data_dir, settings, tmp_path):
    people = [stage.new_attendee(row) for row in MULTILINGUAL]
    settings.set("badges/layout", "a6-4up-a4")
    dialog = BatchPrintDialog(stage, data_dir, settings=settings)
    qtbot.addWidget(dialog)
    assert dialog.layout_box.currentData() == "a6-4up-a4"
    assert dialog.to_pdf.isChecked()  # no system printer here
    assert "8 badges" in dialog.count_label.text()
    assert len(dialog.preview.images) == 1  # the first badge of the batch, as it will print
    dialog.category_box.setCurrentIndex(dialog.category_box.findData("consul"))
    assert "2 badges" in dialog.count_label.text()
    dialog.category_box.setCurrentIndex(0)
    target = tmp_path / "batch.pdf"
    dialog.pdf_edit.setText(str(target))
    values = []
    dialog.progress.valueChanged.connect(values.append)
    with qtbot.waitSignal(dialog.done, timeout=20000) as done:
        dialog.start()
        assert not dialog.start_button.isEnabled()  # the UI stays live while the worker runs
    outcome = done.args[0]
    assert outcome.ok and outcome.badges == 8 and outcome.pages == 2
    assert values and values[-1] == 100
    assert page_count(target.read_bytes()) == 2
    assert not outcome.marked_printed  # a saved PDF is a proof unless asked
    assert all(stage.attendee(a.id).badge_prints == 0 for a in people)
    assert "Not counted as printed" in dialog.status.text()

    dialog.mark_printed.setChecked(True)
    dialog.not_printed.setChecked(True)
    with qtbot.waitSignal(dialog.done, timeout=20000) as done:
        dialog.start()
    assert done.args[0].marked_printed
    assert all(stage.attendee(a.id).badge_prints == 1 for a in people)
    assert "nothing to print" in dialog.count_label.text()
    assert not dialog.start_button.isEnabled()


def test_batch_dialog_reports_a_write_failure(qtbot, stage, people, data_dir, tmp_path):
    dialog = BatchPrintDialog(stage, data_dir)
    qtbot.addWidget(dialog)
    dialog.pdf_edit.setText(str(tmp_path / "missing" / "b.pdf"))
    dialog.mark_printed.setChecked(True)
    with qtbot.waitSignal(dialog.done, timeout=20000) as done:
        dialog.start()
    assert not done.args[0].ok
    assert "Cannot write" in dialog.status.text()
    assert all(stage.attendee(a.id).badge_prints == 0 for a in people)
