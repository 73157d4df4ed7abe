"""Printing badges through Qt print support: one badge at the desk (F3, automatic at check-in),
a batch with filters and a progress bar, and a preview of a layout with a real attendee.

The badge itself is always the ReportLab PDF of `desktop_app.badges` (one renderer for paper,
file and preview). To reach a system printer the PDF's pages are rasterised by PDFium at the
printer's resolution (capped at 600 dpi) and painted onto a QPrinter set to the layout's page
size, with no margins. "Save as PDF" in the batch dialog writes the vector PDF itself.

A badge counts as printed (`badge_printed` event) only after Qt reports the job went through;
a failed print records nothing, is shown, and can be retried.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from PySide6.QtCore import (
    QLocale,
    QMarginsF,
    QObject,
    QRunnable,
    QSizeF,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.badges import (
    BatchResult,
    Layout,
    TicketSource,
    categories_for,
    layout_names,
    load_layout,
    render_stage_badges,
    select_attendees,
)
from desktop_app.badges.render import BadgeRenderer
from desktop_app.core import checkin
from desktop_app.core.desk import Desk
from desktop_app.core.errors import RoadshowError
from desktop_app.core.model import CATEGORIES, Attendee
from desktop_app.core.store import Stage
from desktop_app.ui.settings import Settings
from desktop_app.ui.text import category_name
from desktop_app.ui.text import locale as ui_locale
from desktop_app.ui.workers import StoppableRun

MAX_DPI = 600
PDF_FILE_DPI = 300
_pdfium_lock = threading.Lock()  # PDFium is not thread-safe


class PrintFailed(RoadshowError):
    code = "print_failed"


@dataclass
class PrintOutcome:
    """What happened to one print job. `retry()` runs the same job again."""

    ok: bool
    message: str
    pages: int = 0
    printer: str = ""
    output: str = ""  # the PDF file when printed to a file
    badge_prints: int = 0  # the attendee's printed-badge count after this job
    skipped: bool = False  # automatic print not done: this person already has a badge
    dialog: QDialog | None = dataclasses.field(default=None, repr=False)  # the print dialog
    retry: Callable[[], PrintOutcome] | None = dataclasses.field(default=None, repr=False)


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("printing", text)


# --- printers -------------------------------------------------------------------------------


def available_printers() -> list[str]:
    return list(QPrinterInfo.availablePrinterNames())


def layout_title(layout: Layout) -> str:
    """The layout's title in the desk's language (its Italian title when the desk speaks
    Italian and the layout has one), for combo boxes and lists."""
    if layout.title_it and ui_locale().language() == QLocale.Language.Italian:
        return layout.title_it
    return layout.title or layout.name


def page_layout_for(layout: Layout) -> QPageLayout:
    """The layout's page (A6, A4, card, label) with no margins; landscape when wider."""
    width, height = layout.page_w, layout.page_h
    size = QPageSize(
        QSizeF(min(width, height), max(width, height)),
        QPageSize.Unit.Millimeter,
        layout.title,
        QPageSize.SizeMatchPolicy.FuzzyMatch,
    )
    orientation = (
        QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def make_printer(
    layout: Layout, printer_name: str = "", pdf_path: Path | str | None = None
) -> QPrinter:
    """A QPrinter for a system printer (by name) or a PDF file, with the layout's page size."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if pdf_path is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf_path))
    elif printer_name:
        printer.setPrinterName(printer_name)
    printer.setFullPage(True)
    printer.setPageLayout(page_layout_for(layout))
    printer.setDocName("Badges")
    return printer


def _page_image(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    bitmap = document[index].render(scale=dpi / 72, rev_byteorder=True, may_draw_forms=False)
    image = QImage(
        bytes(bitmap.buffer),
        bitmap.width,
        bitmap.height,
        bitmap.stride,
        QImage.Format.Format_RGB888,
    )
    return image.copy()


def print_pdf(
    pdf: bytes,
    printer: QPrinter,
    *,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> int:
    """Paint every page of a badge PDF onto the printer. Returns the pages printed; raises
    PrintFailed in plain words when Qt cannot print. May run on a worker thread."""
    if not printer.isValid():
        raise PrintFailed(_tr("The printer is not available."))
    is_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    dpi = PDF_FILE_DPI if is_file else min(printer.resolution(), MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        if is_file:
            raise PrintFailed(
                _tr(
                    "Cannot write the PDF file %1: check the folder exists and is writable."
                ).replace("%1", printer.outputFileName())
            )
        raise PrintFailed(_tr("The printer did not accept the job."))
    pages = 0
    try:
        with _pdfium_lock:
            document = pdfium.PdfDocument(pdf)
            try:
                total = len(document)
                for index in range(total):
                    if should_stop is not None and should_stop():
                        break
                    if index and not printer.newPage():
                        raise PrintFailed(_tr("The printer stopped accepting pages."))
                    image = _page_image(document, index, dpi)
                    painter.drawImage(painter.viewport(), image)
                    pages += 1
                    if progress is not None:
                        progress(pages, total)
            finally:
                document.close()
    finally:
        ended = painter.end()
    if not ended or printer.printerState() == QPrinter.PrinterState.Error:
        raise PrintFailed(_tr("The printer reported an error: the badge may not be printed."))
    return pages


# --- one badge at the desk ------------------------------------------------------------------


def _printer_choice(settings: Settings | None, printer_name: str | None) -> str:
    if printer_name is not None:
        return printer_name
    return settings.get("badges/printer") if settings is not None else ""


def _layout_choice(
    settings: Settings | None, layout: Layout | str | None, data_dir: Path | None
) -> Layout:
    if isinstance(layout, Layout):
        return layout
    name = layout or (settings.get("badges/layout") if settings is not None else "a6-portrait")
    return load_layout(name, data_dir)


def _data_dir(stage: Stage, data_dir: Path | None) -> Path:
    if data_dir is not None:
        return Path(data_dir)
    return stage.path.parent.parent  # <data dir>/stages/<slug>.sqlite


def print_badge(
    stage: Stage,
    attendee: Attendee,
    layout: Layout | str | None = None,
    printer_name: str | None = None,
    parent: QWidget | None = None,
    *,
    settings: Settings | None = None,
    data_dir: Path | None = None,
    operator: str = "",
    auto: bool = False,
    pdf_path: Path | str | None = None,
    show_failure: bool = True,
    on_done: Callable[[PrintOutcome], None] | None = None,
) -> PrintOutcome:
    """Print one attendee's badge (F3, or automatically at check-in) and record it.

    layout / printer_name default to the settings "badges/layout" / "badges/printer".
    pdf_path prints through Qt's PDF printer to that file instead of a system printer.
    With no printer chosen ("ask each time / save as PDF"): opens the badge's PDF preview on
    the layout's own page (BadgePdfPreview), window modal and without waiting for it, and
    returns at once (`outcome.dialog` is the preview); saving the PDF or printing from there
    records, closing it records nothing.
    What the dialog ended in goes to `on_done(outcome)`, or else to `parent.show_notice` when
    the parent has one. An automatic print never asks: with no printer it fails.
    `auto=True` never reprints a person who already has a printed badge, and never shows a
    modal message: its outcome (with `message`) is only returned, for the window to show.
    `badge_printed` is recorded only when the print went through. A failed F3 print is shown
    to the user (a window-modal message with Retry when `parent` is given) and returned, with
    `retry()` to try again. Never blocks on a dialog.
    """
    data_dir = _data_dir(stage, data_dir)

    def again() -> PrintOutcome:
        return print_badge(
            stage,
            stage.attendee(attendee.id),
            layout,
            printer_name,
            parent,
            settings=settings,
            data_dir=data_dir,
            operator=operator,
            auto=False,
            pdf_path=pdf_path,
            show_failure=show_failure,
            on_done=on_done,
        )

    def failed(message: str, printer: str = "") -> PrintOutcome:
        outcome = PrintOutcome(
            False, message, printer=printer, output=str(pdf_path or ""), retry=again
        )
        if show_failure and parent is not None and not auto:
            _show_failure(parent, outcome)
        return outcome

    attendee = stage.attendee(attendee.id)  # a person on screen may be older than the store
    if auto and attendee.badge_prints > 0:
        return PrintOutcome(
            True,
            _tr("Already has a printed badge: not printed again automatically."),
            badge_prints=attendee.badge_prints,
            skipped=True,
        )
    try:
        chosen = _layout_choice(settings, layout, data_dir)
        result = render_stage_badges(stage, [attendee], chosen, data_dir)
        pdf = result.pdf
    except RoadshowError as exc:
        return failed(exc.message)
    name = "" if pdf_path is not None else _printer_choice(settings, printer_name)
    if pdf_path is None and not name:
        if auto:
            return failed(
                _tr("No badge printer is chosen in the settings: the badge was not printed.")
            )
        return _preview(stage, attendee, chosen, result, operator, parent, failed, on_done, again)
    if name and name not in available_printers():
        return failed(_tr("The printer %1 is not available.").replace("%1", name), name)
    printer = make_printer(chosen, name, pdf_path)
    return _finish(stage, attendee, chosen, printer, pdf, operator, pdf_path, failed)


def _report_to(parent: QWidget | None, on_done: Callable[[PrintOutcome], None] | None):
    def report(outcome: PrintOutcome) -> None:
        if on_done is not None:
            on_done(outcome)
        elif callable(getattr(parent, "show_notice", None)):
            parent.show_notice(outcome.message)  # type: ignore[union-attr]

    return report


def pdf_page_sizes_mm(pdf: bytes) -> list[tuple[float, float]]:
    """Every page's size of a PDF, in millimetres (width, height)."""
    with _pdfium_lock:
        document = pdfium.PdfDocument(pdf)
        try:
            sizes = [document[i].get_size() for i in range(len(document))]
        finally:
            document.close()
    return [(round(w * 25.4 / 72, 1), round(h * 25.4 / 72, 1)) for w, h in sizes]


class BadgePdfPreview(QDialog):
    """F3 with no badge printer chosen: the badge PDF itself, on the layout's own page (A6,
    card, label: never a US Letter page from a print dialog), with Save as PDF… and Print….
    Saving or printing counts the badge as printed; closing counts nothing."""

    finished_with = Signal(object)  # PrintOutcome, once

    def __init__(
        self,
        parent: QWidget | None,
        stage: Stage,
        attendee: Attendee,
        layout: Layout,
        result: BatchResult,
        operator: str,
        failed: Callable[..., PrintOutcome],
        again: Callable[[], PrintOutcome],
    ) -> None:
        super().__init__(parent)
        self.stage, self.attendee, self.layout, self.result = stage, attendee, layout, result
        self.pdf = result.pdf
        self.operator, self._failed, self._again = operator, failed, again
        self.outcome: PrintOutcome | None = None
        self.file_dialog: QFileDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        who = attendee.display_name or attendee.code
        self.setWindowTitle(_tr("Badge of %1").replace("%1", who))
        self.page_sizes_mm = pdf_page_sizes_mm(self.pdf)
        width, height = self.page_sizes_mm[0]
        self.page_label = QLabel(
            _tr("%1, page %2 × %3 mm")
            .replace("%1", layout_title(layout))
            .replace("%2", QLocale().toString(width, "f", 1).removesuffix(",0").removesuffix(".0"))
            .replace(
                "%3", QLocale().toString(height, "f", 1).removesuffix(",0").removesuffix(".0")
            ),
            self,
        )
        self.page_label.setWordWrap(True)
        self.pages = QHBoxLayout()
        self.page_labels: list[QLabel] = []
        self.images: list[QImage] = []
        with _pdfium_lock:
            document = pdfium.PdfDocument(self.pdf)
            try:
                self.images = [_page_image(document, i, 110) for i in range(len(document))]
            finally:
                document.close()
        for image in self.images:
            label = QLabel(self)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setPixmap(
                QPixmap.fromImage(image).scaled(
                    340,
                    440,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.pages.addWidget(label)
            self.page_labels.append(label)
        self.fit_warning = QLabel(self)
        self.fit_warning.setWordWrap(True)
        self.fit_warning.setStyleSheet("color: #8a4b00; font-weight: bold;")
        if result.below_min_size:
            self.fit_warning.setText(
                _tr(
                    "The text of %1's badge is smaller than the layout's minimum: check it "
                    "reads well before printing."
                ).replace("%1", who)
            )
        self.fit_warning.setVisible(bool(self.fit_warning.text()))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.save_button = QPushButton(_tr("Save as PDF…"), self)
        self.print_button = QPushButton(_tr("Print…"), self)
        self.print_button.setEnabled(bool(available_printers()))
        if not self.print_button.isEnabled():
            self.print_button.setToolTip(_tr("No printer is connected to this desk."))
        self.close_button = QPushButton(_tr("Close"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.ask_file)
        self.print_button.clicked.connect(self.ask_printer)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        root = QVBoxLayout(self)
        root.addWidget(self.page_label)
        root.addLayout(self.pages, 1)
        root.addWidget(self.fit_warning)
        root.addWidget(self.status)
        root.addLayout(buttons)

    def suggested_file(self) -> Path:
        return Path.home() / f"badge-{self.attendee.code}.pdf"

    def ask_file(self) -> QFileDialog:
        """Qt's own file dialog (in the desk's language), window modal, not waited for."""
        dialog = QFileDialog(self, _tr("Save the badge as"), str(self.suggested_file()))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter("PDF (*.pdf)")
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(str(self.suggested_file()))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.fileSelected.connect(lambda path: self.save_pdf(Path(path)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def save_pdf(self, path: Path) -> PrintOutcome:
        """Write the vector PDF there and count the badge as printed."""
        try:
            path.write_bytes(self.pdf)
        except OSError:
            self.status.setText(
                _tr(
                    "Cannot write the PDF file %1: check the folder exists and is writable."
                ).replace("%1", str(path))
            )
            return PrintOutcome(False, self.status.text(), retry=self._again)
        checkin.record_badge_printed(
            self.stage, [self.attendee], layout=self.layout.name, operator=self.operator
        )
        outcome = PrintOutcome(
            True,
            _tr("Badge printed (%1).").replace("%1", str(path)),
            pages=len(self.page_sizes_mm),
            output=str(path),
            badge_prints=self.stage.attendee(self.attendee.id).badge_prints,
        )
        self._end(outcome)
        return outcome

    def ask_printer(self) -> QPrintDialog:
        printer = make_printer(self.layout)
        printer.setDocName(f"badge-{self.attendee.code}")
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_tr("Print badge"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen() -> None:
            to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
            output = printer.outputFileName() if to_file else None
            self._end(
                _finish(
                    self.stage,
                    self.attendee,
                    self.layout,
                    printer,
                    self.pdf,
                    self.operator,
                    output,
                    self._failed,
                )
            )

        dialog.accepted.connect(chosen)
        self.print_dialog = dialog
        QDialog.open(dialog)  # PySide6's QPrintDialog.open(receiver, member) hides it
        return dialog

    def _end(self, outcome: PrintOutcome) -> None:
        if self.outcome is None:
            self.outcome = outcome
            self.finished_with.emit(outcome)
        if outcome.ok:
            self.accept()
        else:
            self.status.setText(outcome.message)

    def reject(self) -> None:
        if self.outcome is None:
            self.outcome = PrintOutcome(
                False, _tr("Badge not printed: no printer chosen."), retry=self._again
            )
            self.finished_with.emit(self.outcome)
        super().reject()


def _preview(
    stage: Stage,
    attendee: Attendee,
    layout: Layout,
    result: BatchResult,
    operator: str,
    parent: QWidget | None,
    failed: Callable[..., PrintOutcome],
    on_done: Callable[[PrintOutcome], None] | None,
    again: Callable[[], PrintOutcome],
) -> PrintOutcome:
    """The badge's PDF preview, window modal, not waited for."""
    dialog = BadgePdfPreview(parent, stage, attendee, layout, result, operator, failed, again)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished_with.connect(_report_to(parent, on_done))
    dialog.open()
    message = _tr("Badge preview: save it as a PDF or print it.")
    return PrintOutcome(False, message, dialog=dialog, retry=again)


def _finish(
    stage: Stage,
    attendee: Attendee,
    layout: Layout,
    printer: QPrinter,
    pdf: bytes,
    operator: str,
    pdf_path: Path | str | None,
    failed: Callable[..., PrintOutcome],
) -> PrintOutcome:
    name = printer.printerName() if pdf_path is None else ""
    try:
        pages = print_pdf(pdf, printer)
    except PrintFailed as exc:
        return failed(exc.message, name)
    checkin.record_badge_printed(stage, [attendee], layout=layout.name, operator=operator)
    prints = stage.attendee(attendee.id).badge_prints
    where = str(pdf_path) if pdf_path is not None else name
    return PrintOutcome(
        True,
        _tr("Badge printed (%1).").replace("%1", where),
        pages=pages,
        printer=name,
        output=str(pdf_path or ""),
        badge_prints=prints,
    )


def _show_failure(parent: QWidget, outcome: PrintOutcome) -> QMessageBox:
    """A window-modal warning with Retry; it does not block the caller."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Badge not printed"))
    box.setText(outcome.message)
    box.setInformativeText(_tr("The badge is not counted as printed."))
    retry = box.addButton(_tr("Retry"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setWindowModality(Qt.WindowModality.WindowModal)

    def answered(button: Any) -> None:
        if button is retry and outcome.retry is not None:
            QTimer.singleShot(0, outcome.retry)
        box.deleteLater()

    box.buttonClicked.connect(answered)
    box.open()
    return box


# --- preview --------------------------------------------------------------------------------


def single_badge_layout(layout: Layout) -> Layout:
    """The same badge alone on its own page (to preview a sheet layout)."""
    return dataclasses.replace(
        layout,
        page_w=layout.badge_w,
        page_h=layout.badge_h,
        columns=1,
        rows=1,
        margin_x=0.0,
        margin_y=0.0,
        gap_x=0.0,
        gap_y=0.0,
        cut_marks=False,
    )


def badge_images(
    stage: Stage, attendee: Attendee, layout: Layout, data_dir: Path, dpi: float = 150
) -> list[QImage]:
    """The badge of this attendee as images: the front, and the back when the layout has one."""
    single = single_badge_layout(layout)
    info = stage.info
    renderer = BadgeRenderer(single, info, categories_for(layout, data_dir, info.slug))
    payload = TicketSource.for_stage(info, data_dir).payload(attendee)
    pdf, _count, _pages, _stopped = renderer.render([(attendee, payload)], total=1)
    with _pdfium_lock:
        document = pdfium.PdfDocument(pdf)
        try:
            return [_page_image(document, i, dpi) for i in range(len(document))]
        finally:
            document.close()


class BadgePreview(QWidget):
    """Shows a layout with a real attendee (front and back), scaled to fit the widget."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images: list[QImage] = []
        self.labels: list[QLabel] = []
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(4, 4, 4, 4)
        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.row.addWidget(self.message)
        self.setMinimumSize(220, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_badge(
        self, stage: Stage, attendee: Attendee | None, layout: Layout | str, data_dir: Path
    ) -> None:
        try:
            if attendee is None:
                raise PrintFailed(_tr("No attendee to show."))
            if isinstance(layout, str):
                layout = load_layout(layout, data_dir)
            self.images = badge_images(stage, attendee, layout, data_dir)
            self.message.hide()
        except RoadshowError as exc:
            self.images = []
            self.message.setText(exc.message)
            self.message.show()
        self._place()

    def _place(self) -> None:
        for label in self.labels:
            label.deleteLater()
        self.labels = []
        for _image in self.images:
            label = QLabel(self)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            self.row.addWidget(label, 1)
            self.labels.append(label)
        self._scale()

    def _scale(self) -> None:
        count = max(1, len(self.images))
        width = max(50, (self.width() - 8) // count - 6)
        height = max(50, self.height() - 8)
        for label, image in zip(self.labels, self.images, strict=True):
            pixmap = QPixmap.fromImage(image).scaled(
                width,
                height,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            label.setPixmap(pixmap)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._scale()


# --- batch ----------------------------------------------------------------------------------


@dataclass
class BatchRequest:
    data_dir: Path
    slug: str
    desk: Desk
    layout: str
    category: str | None = None
    not_printed: bool = False
    checked_in: bool = False
    sort: str = "surname"
    printer_name: str = ""  # a system printer; empty with pdf_path = save the PDF
    pdf_path: str = ""
    mark_printed: bool = True
    operator: str = ""


@dataclass
class BatchOutcome:
    ok: bool
    message: str
    badges: int = 0
    pages: int = 0
    marked_printed: bool = False
    summary: str = ""
    result: BatchResult | None = None


class _BatchSignals(QObject):
    progress = Signal(int, int)  # done, total (in steps: badges rendered + pages printed)
    finished = Signal(object)  # BatchOutcome


class BatchWorker(QRunnable):
    """Render (and print, or save) a batch on a thread-pool thread. Opens its own connection
    to the stage: a SQLite connection belongs to one thread."""

    def __init__(self, request: BatchRequest) -> None:
        super().__init__()
        self.request = request
        self.signals = _BatchSignals()
        self._stop = threading.Event()
        self.setAutoDelete(False)

    def stop(self) -> None:
        self._stop.set()

    def run(self) -> None:
        try:
            outcome = self._run()
        except RoadshowError as exc:
            outcome = BatchOutcome(False, exc.message)
        except OSError as exc:
            outcome = BatchOutcome(
                False, _tr("Cannot write the file: %1").replace("%1", str(exc.strerror or exc))
            )
        self.signals.finished.emit(outcome)

    def _run(self) -> BatchOutcome:
        r = self.request
        stage = Stage.open(r.data_dir, r.slug, r.desk)
        try:
            people = select_attendees(
                stage,
                category=r.category,
                not_printed=r.not_printed,
                checked_in=r.checked_in,
                sort=r.sort,
            )
            layout = load_layout(r.layout, r.data_dir)
            printing = bool(r.printer_name)
            steps = len(people) + (len(people) if printing else 0)

            def rendered(done: int, _total: int) -> None:
                self.signals.progress.emit(done, steps)

            result = render_stage_badges(
                stage, people, layout, r.data_dir, progress=rendered, should_stop=self._stop.is_set
            )
            if result.stopped:
                return BatchOutcome(
                    False, _tr("Stopped: nothing was printed."), summary=result.summary()
                )
            if printing:
                if r.printer_name not in available_printers():
                    raise PrintFailed(
                        _tr("The printer %1 is not available.").replace("%1", r.printer_name)
                    )
                printer = make_printer(layout, r.printer_name)
                per_page = max(1, result.badges // max(1, result.pages))

                def printed(done: int, _total: int) -> None:
                    self.signals.progress.emit(
                        len(people) + min(len(people), done * per_page), steps
                    )

                print_pdf(result.pdf, printer, progress=printed, should_stop=self._stop.is_set)
                if self._stop.is_set():
                    return BatchOutcome(
                        False, _tr("Stopped while printing: nothing was counted as printed.")
                    )
                where = r.printer_name
            else:
                target = Path(r.pdf_path)
                partial = target.with_name(target.name + ".part")
                partial.write_bytes(result.pdf)
                os.replace(partial, target)
                where = str(target)
            marked = printing or r.mark_printed
            if marked:
                checkin.record_badge_printed(stage, people, layout=layout.name, operator=r.operator)
            self.signals.progress.emit(steps, steps)
            return BatchOutcome(
                True,
                _tr("%1 badges done (%2).").replace("%1", str(result.badges)).replace("%2", where),
                badges=result.badges,
                pages=result.pages,
                marked_printed=marked,
                summary=result.summary(),
                result=result,
            )
        finally:
            stage.close()


class BatchPrintDialog(StoppableRun, QDialog):
    """Badges before the stage: filters, layout, printer or PDF file, a progress bar. The work
    runs on the thread pool; the dialog stays responsive and can stop it."""

    done = Signal(object)  # BatchOutcome

    def __init__(
        self,
        stage: Stage,
        data_dir: Path,
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
        operator: str = "",
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Print badges"))
        self.stage = stage
        self.data_dir = Path(data_dir)
        self.settings = settings
        self.operator = operator
        self.pool = pool or QThreadPool.globalInstance()
        self.worker: BatchWorker | None = None
        self.outcome: BatchOutcome | None = None

        form = QFormLayout()
        self.layout_box = QComboBox(self)
        for name in layout_names(self.data_dir):
            try:
                title = layout_title(load_layout(name, self.data_dir))
            except RoadshowError:
                continue  # a broken organizer layout: the command line says what is wrong
            self.layout_box.addItem(title, name)
        wanted = settings.get("badges/layout") if settings is not None else "a6-portrait"
        index = self.layout_box.findData(wanted)
        self.layout_box.setCurrentIndex(max(0, index))
        form.addRow(_tr("Layout"), self.layout_box)

        self.category_box = QComboBox(self)
        self.category_box.addItem(_tr("All categories"), "")
        for category in CATEGORIES:
            self.category_box.addItem(category_name(category), category)
        form.addRow(_tr("Category"), self.category_box)
        self.not_printed = QCheckBox(_tr("Only people with no printed badge"), self)
        self.checked_in = QCheckBox(_tr("Only people already checked in"), self)
        form.addRow("", self.not_printed)
        form.addRow("", self.checked_in)
        self.sort_box = QComboBox(self)
        self.sort_box.addItem(_tr("Surname (pick-up table)"), "surname")
        self.sort_box.addItem(_tr("Company"), "company")
        form.addRow(_tr("Order"), self.sort_box)

        self.to_printer = QRadioButton(_tr("Printer"), self)
        self.printer_box = QComboBox(self)
        printers = available_printers()
        self.printer_box.addItems(printers)
        chosen = settings.get("badges/printer") if settings is not None else ""
        if chosen in printers:
            self.printer_box.setCurrentText(chosen)
        self.to_pdf = QRadioButton(_tr("PDF file"), self)
        self.pdf_edit = QLineEdit(self)
        self.pdf_edit.setText(str(Path.home() / f"badges-{stage.info.slug}.pdf"))
        browse = QPushButton(_tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        printer_row, pdf_row = QHBoxLayout(), QHBoxLayout()
        printer_row.addWidget(self.to_printer)
        printer_row.addWidget(self.printer_box, 1)
        pdf_row.addWidget(self.to_pdf)
        pdf_row.addWidget(self.pdf_edit, 1)
        pdf_row.addWidget(browse)
        form.addRow(_tr("Print to"), printer_row)
        form.addRow("", pdf_row)
        self.mark_printed = QCheckBox(_tr("Count the PDF's badges as printed"), self)
        form.addRow("", self.mark_printed)
        (self.to_printer if printers else self.to_pdf).setChecked(True)
        self.to_printer.setEnabled(bool(printers))

        self.count_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(self)
        self.start_button = self.buttons.addButton(
            _tr("Print"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.stop_button = self.buttons.addButton(
            _tr("Stop"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.stop_button.setEnabled(False)
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.close_button.clicked.connect(self.reject)

        self.preview = BadgePreview(self)
        self.preview.setMinimumSize(260, 260)
        top = QHBoxLayout()
        top.addLayout(form, 3)
        top.addWidget(self.preview, 2)

        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.count_label)
        box.addWidget(self.progress)
        box.addWidget(self.status)
        box.addWidget(self.buttons)

        for widget in (self.category_box, self.sort_box, self.layout_box):
            widget.currentIndexChanged.connect(self.update_count)
        for check in (self.not_printed, self.checked_in):
            check.toggled.connect(self.update_count)
        self.to_pdf.toggled.connect(self._destination_changed)
        self._destination_changed()
        self.update_count()

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _tr("Save badges as"), self.pdf_edit.text(), "PDF (*.pdf)"
        )
        if path:
            self.pdf_edit.setText(path)

    def _destination_changed(self) -> None:
        self.mark_printed.setEnabled(self.to_pdf.isChecked())

    def request(self) -> BatchRequest:
        return BatchRequest(
            data_dir=self.data_dir,
            slug=self.stage.info.slug,
            desk=self.stage.desk,
            layout=self.layout_box.currentData() or "a6-portrait",
            category=self.category_box.currentData() or None,
            not_printed=self.not_printed.isChecked(),
            checked_in=self.checked_in.isChecked(),
            sort=self.sort_box.currentData(),
            printer_name=self.printer_box.currentText() if self.to_printer.isChecked() else "",
            pdf_path=self.pdf_edit.text().strip() if self.to_pdf.isChecked() else "",
            mark_printed=self.mark_printed.isChecked(),
            operator=self.operator,
        )

    def update_count(self) -> int:
        r = self.request()
        try:
            people = select_attendees(
                self.stage,
                category=r.category,
                not_printed=r.not_printed,
                checked_in=r.checked_in,
                sort=r.sort,
            )
            count = len(people)
            self.count_label.setText(_tr("%1 badges").replace("%1", str(count)))
            # the first badge of the batch, as it will print
            self.preview.show_badge(self.stage, people[0], r.layout, self.data_dir)
        except RoadshowError as exc:
            count = 0
            self.count_label.setText(exc.message)
        self.start_button.setEnabled(count > 0 and self.worker is None)
        return count

    def start(self) -> None:
        r = self.request()
        if not r.printer_name and not r.pdf_path:
            self.status.setText(_tr("Choose a printer or a PDF file."))
            return
        self.outcome = None
        self.progress.setValue(0)
        self.status.setText(_tr("Working…"))
        self.start_worker(BatchWorker(r))

    def stop(self) -> None:
        self.stop_worker(_tr("Stopping…"))

    def _finished(self, outcome: BatchOutcome) -> None:
        self.worker = None
        self.outcome = outcome
        self.stop_button.setEnabled(False)
        text = outcome.message + ("\n" + outcome.summary if outcome.summary else "")
        if outcome.ok and not outcome.marked_printed:
            text += "\n" + _tr("Not counted as printed (a proof).")
        self.status.setText(text)
        if outcome.ok:
            self.progress.setValue(100)
        self.update_count()
        self.done.emit(outcome)


def open_batch_dialog(
    stage: Stage,
    data_dir: Path,
    parent: QWidget | None = None,
    settings: Settings | None = None,
    operator: str = "",
) -> BatchPrintDialog:
    """Open the batch-print dialog (non-blocking) and return it."""
    dialog = BatchPrintDialog(stage, data_dir, parent, settings=settings, operator=operator)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
