"""Import a registration list (CSV or Excel) into the stage from the desk.

The organizer picks a file, sees the columns and the mapping the importer guessed (and can
change it), a preview of the first rows, then "Check" (a dry run) and "Import". Reading the
file, the check and the import run on the thread pool, each with a Stage connection of its
own (a SQLite connection belongs to one thread); the dialog stays responsive meanwhile.

Strings go through `_tr` (context "ImportDialog", hand-kept in resources/i18n/modules_it.ts,
like printing's): lupdate does not see them, so refreshing roadshow_*.ts never leaves them
untranslated there. The importer's messages are English; the known ones are said in the
desk's language by `say()`, others are shown as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import RoadshowError
from desktop_app.core.importer import FILE_ERRORS, MAPPABLE, guess_mapping, import_file, read_table
from desktop_app.core.store import Stage
from desktop_app.ui import workers

PREVIEW_ROWS = 5
CONTEXT = "ImportDialog"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _fill(template: str, *values: object) -> str:
    """Qt-style %1 %2 placeholders (a translation may reorder them)."""
    for i, value in reversed(list(enumerate(values, start=1))):
        template = template.replace(f"%{i}", str(value))
    return template


# The fields in the order an organizer thinks of them (every MAPPABLE one is listed).
_FIELD_ORDER = (
    "first_name",
    "last_name",
    "full_name",
    "full_name_last_first",
    "title",
    "company",
    "role",
    "category",
    "email",
    "phone",
    "vat",
    "sector",
    "countries",
    "country",
    "notes",
    "privacy_consent",
    "external_codes",
    "order_code",
    "status",
    "special_attention",
    "more_notes",
    "delegation",
    "delegation_head",
    "companion_of",
    "name_native",
)
NAME_FIELDS = ("first_name", "last_name", "full_name", "full_name_last_first")


def field_label(name: str) -> str:
    labels = {
        "first_name": _tr("First name"),
        "last_name": _tr("Last name"),
        "full_name": _tr("Full name (first name first)"),
        "full_name_last_first": _tr("Full name (last name first)"),
        "title": _tr("Title"),
        "company": _tr("Company"),
        "role": _tr("Role"),
        "category": _tr("Category"),
        "email": _tr("E-mail"),
        "phone": _tr("Phone"),
        "vat": _tr("VAT number"),
        "sector": _tr("Sector"),
        "countries": _tr("Countries of interest"),
        "country": _tr("Country"),
        "notes": _tr("Notes"),
        "privacy_consent": _tr("Privacy consent"),
        "external_codes": _tr("Ticket codes"),
        "order_code": _tr("Order code"),
        "status": _tr("Registration status"),
        "special_attention": _tr("Special attention"),
        "more_notes": _tr("More notes"),
        "delegation": _tr("Delegation"),
        "delegation_head": _tr("Head of delegation"),
        "companion_of": _tr("Companion of"),
        "name_native": _tr("Name in native script"),
    }
    return labels.get(name, name)


def mapped_fields() -> list[str]:
    return [f for f in _FIELD_ORDER if f in MAPPABLE] + [
        f for f in MAPPABLE if f not in _FIELD_ORDER
    ]


# --- the importer's messages in the desk's language ------------------------------------------

# (pattern of the importer's English message, the same message as a %n template). The
# template is translated; its English text reproduces the importer's message.
# The importer's row problems and warnings by code: (template, the parameters it shows). A
# count of 1 has its own sentence ("CODE/1"). The template is translated; its English text
# reproduces the importer's message.
_CODES: dict[str, tuple[str, ...]] = {
    "no_name": ("no first name and no last name.",),
    "invalid_email": ("the e-mail address is not valid.",),
    "cell_too_long": ("the cell is too long (%1 characters; at most %2).", "chars", "max"),
    "same_row": ("the same as row %1: imported once.", "row"),
    "same_person": ("the same person as row %1: merged, the later row's values win.", "row"),
    "codes_of_different_people": ("its ticket codes belong to different registered people.",),
    "same_registered_person": (
        "describes the same registered person as row %1 (same ticket code or e-mail).",
        "row",
    ),
    "excel_digits/1": (
        "1 value was stored by Excel as numbers and may have lost digits (e.g. 3.39E+09): "
        "check them in the original file.",
    ),
    "excel_digits": (
        "%1 values were stored by Excel as numbers and may have lost digits (e.g. 3.39E+09): "
        "check them in the original file.",
        "count",
    ),
    "unknown_category/1": ("'%1' is not a known category: 1 person imported as guest.", "label"),
    "unknown_category": (
        "'%1' is not a known category: %2 people imported as guest.",
        "label",
        "count",
    ),
    "shared_codes": (
        "%1 codes appear on the rows of different people (order numbers?): kept as an extra "
        "field, not as ticket codes.",
        "count",
    ),
    "unknown_status/1": ("'%1' is not a known status: 1 person imported as active.", "label"),
    "unknown_status": (
        "'%1' is not a known status: %2 people imported as active.",
        "label",
        "count",
    ),
    "left_cancelled": ("cancelled at the desk; the list says active: left cancelled.",),
    "lost_characters": ("characters were lost (a '?' where a letter was): check the spelling.",),
    "garbled_characters": (
        "the text looks garbled (characters read in the wrong encoding): check the name, or "
        "save the file again as 'CSV UTF-8'.",
    ),
    "no_last_name": ("no last name (the badge shows the first name only).",),
    "unclosed_quote": (
        'a quote (") opens in this cell and is never closed: the next %1 lines of the file '
        "(to line %2) were read as its text. Close the quote or remove it, then import again.",
        "lines",
        "last_line",
    ),
    "encoding_guessed": (
        "the file is not UTF-8: read as %1. Check a few names, or save the file again as "
        "'CSV UTF-8'.",
        "encoding",
    ),
    "mixed_encoding": (
        "%1 lines of the file are in Windows-1252 and %2 in UTF-8 (two exports pasted "
        "together?): each line was read in its own encoding. Check their names.",
        "legacy",
        "utf8",
    ),
    "row_in_windows_1252": (
        "this row is in Windows-1252 while the file is UTF-8: read as Windows-1252, check its "
        "accented letters.",
    ),
}
_THOUSANDS = ("chars", "max")  # written 10,000 as the importer writes them

# The importer's errors (a file it cannot read) come with a reason: their English words are
# core.importer.FILE_ERRORS, translated in this dialog's catalogue.
_FILE_ERRORS = FILE_ERRORS


def say(error: RoadshowError | str) -> str:
    """An importer error in the desk's language, from its reason and parameters (any other
    error as it is)."""
    if isinstance(error, str):
        return error
    reason = error.details.get("reason")
    if reason == "no_name_columns":
        # The importer's own words advise the command line (--map): say what to do here.
        return _tr(
            "The file has no name columns: choose the columns of the first and last name "
            "(or of the full name) in the list of fields."
        )
    template = _FILE_ERRORS.get(str(reason))
    if template is None:
        return error.message
    return _fill(_tr(template), *error.details.get("params", []))


def problem_words(problem: dict[str, Any]) -> str:
    """A row problem's words in the desk's language, from its code and parameters."""
    code, params = problem.get("code") or "", problem.get("params") or {}
    entry = _CODES.get(f"{code}/1") if params.get("count") == 1 else None
    entry = entry or _CODES.get(code)
    if entry is None:
        return problem.get("message", "")  # a newer importer's words: as they are
    template, *names = entry
    values = [
        f"{params.get(n, '')}" if n not in _THOUSANDS else f"{params.get(n, 0):,}" for n in names
    ]
    return _fill(_tr(template), *values)


def problem_text(problem: dict[str, Any]) -> str:
    """'Row 5, column "E-mail": the e-mail address is not valid.' in the desk's language."""
    words = problem_words(problem)
    row, column = problem.get("row"), problem.get("column")
    if row is not None and column:
        return _fill(_tr('Row %1, column "%2": %3'), row, column, words)
    if row is not None:
        return _fill(_tr("Row %1: %2"), row, words)
    if column:
        return _fill(_tr('Column "%1": %2'), column, words)
    return words


@dataclass
class _Loaded:
    headers: list[str]
    rows: list[list[str]]


def _load(path: Path) -> _Loaded:
    headers, rows = read_table(path)
    return _Loaded(headers, rows)


def _run_import(
    stage_path: Path,
    desk: Any,
    path: Path,
    mapping: dict[str, str] | None,
    dry_run: bool,
    skip_bad_rows: bool,
    operator: str,
    cancel_missing: bool = False,
) -> dict[str, Any]:
    """On a worker thread: a Stage connection of its own, closed whatever happens."""
    stage = Stage.open_path(stage_path, desk)
    try:
        report = import_file(
            stage,
            path,
            mapping,
            dry_run=dry_run,
            skip_bad_rows=skip_bad_rows,
            operator=operator,
            cancel_missing=cancel_missing,
        )
        return report.to_dict()
    finally:
        stage.close()


class ImportDialog(QDialog):
    """Choose a registration list, check the mapping and the rows, import them."""

    imported = Signal(dict)  # report.to_dict() of an import that wrote something

    def __init__(
        self,
        stage: Stage,
        data_dir: Path,
        parent: QWidget | None = None,
        operator: str = "",
    ) -> None:
        super().__init__(parent)
        self.stage_path = Path(stage.path)
        self.desk = stage.desk
        self.data_dir = Path(data_dir)
        self.operator = operator
        self.path: Path | None = None
        self.headers: list[str] = []
        self.rows: list[list[str]] = []
        self.guessed: dict[str, str] = {}
        self.report: dict[str, Any] | None = None  # the last check or import
        self.checked_mapping: dict[str, str] | None = None  # what the last check used
        self.busy = False
        self.done_importing = False
        self._updating = False

        self.setWindowTitle(_tr("Import registration list"))
        self.setMinimumSize(760, 520)
        self.resize(1120, 680)
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.file_label = QLabel(_tr("Choose the registration list: a CSV or Excel file."), self)
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.file_label, 1)
        self.choose_button = QPushButton(_tr("&Choose file…"), self)
        self.choose_button.clicked.connect(self.choose_file)
        top.addWidget(self.choose_button)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)

        # Left: field -> column, one combo per field.
        fields_box = QGroupBox(_tr("Columns"), splitter)
        fields_layout = QVBoxLayout(fields_box)
        self.mapping_hint = QLabel(
            _tr("Which column fills each field (as guessed from the column names):"), fields_box
        )
        self.mapping_hint.setWordWrap(True)
        fields_layout.addWidget(self.mapping_hint)
        scroll = QScrollArea(fields_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget(scroll)
        form = QFormLayout(inner)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.mapping_combos: dict[str, QComboBox] = {}
        for name in mapped_fields():
            combo = QComboBox(inner)
            combo.setObjectName(f"map_{name}")
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(lambda _i, n=name: self._mapping_changed(n))
            label = QLabel(field_label(name), inner)
            label.setBuddy(combo)
            form.addRow(label, combo)
            self.mapping_combos[name] = combo
        scroll.setWidget(inner)
        fields_layout.addWidget(scroll, 1)
        self.extra_label = QLabel(fields_box)
        self.extra_label.setWordWrap(True)
        fields_layout.addWidget(self.extra_label)
        self.name_warning = QLabel(fields_box)
        self.name_warning.setWordWrap(True)
        self.name_warning.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.name_warning.hide()
        fields_layout.addWidget(self.name_warning)

        # Right: preview on top, the report below.
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        preview_box = QGroupBox(_tr("First rows of the file"), right)
        preview_layout = QVBoxLayout(preview_box)
        self.preview = QTableWidget(preview_box)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.preview.verticalHeader().hide()
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview.setWordWrap(False)
        preview_layout.addWidget(self.preview)
        right_layout.addWidget(preview_box, 0)

        report_box = QGroupBox(_tr("Check"), right)
        report_layout = QVBoxLayout(report_box)
        self.summary_label = QLabel(
            _tr("Check the file before importing: nothing is written by a check."), report_box
        )
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bigger = QFont(self.summary_label.font())
        bigger.setPointSizeF(bigger.pointSizeF() * 1.15)
        self.summary_label.setFont(bigger)
        report_layout.addWidget(self.summary_label)
        self.problems = QListWidget(report_box)
        self.problems.setWordWrap(True)
        self.problems.setAlternatingRowColors(True)
        self.problems.setAccessibleName(_tr("Problems and warnings"))
        report_layout.addWidget(self.problems, 1)
        right_layout.addWidget(report_box, 1)

        splitter.addWidget(fields_box)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([470, 650])
        layout.addWidget(splitter, 1)

        self.skip_bad_rows = QCheckBox(
            _tr("&Skip bad rows: import the good rows, leave out the rows with problems"), self
        )
        self.skip_bad_rows.toggled.connect(self._update_buttons)
        layout.addWidget(self.skip_bad_rows)
        self.cancel_missing = QCheckBox(self)
        self.cancel_missing.setObjectName("cancel_missing")
        self.cancel_missing.hide()  # shown when a check finds people no longer in the list
        layout.addWidget(self.cancel_missing)

        bottom = QHBoxLayout()
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)  # busy: the importer does not report progress
        self.busy_bar.setMaximumWidth(220)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        bottom.addWidget(self.busy_bar)
        self.busy_label = QLabel(self)
        bottom.addWidget(self.busy_label, 1)
        self.check_button = QPushButton(_tr("C&heck"), self)
        self.check_button.clicked.connect(self.check)
        bottom.addWidget(self.check_button)
        self.import_button = QPushButton(_tr("&Import"), self)
        self.import_button.clicked.connect(self.run_import)
        bottom.addWidget(self.import_button)
        self.close_button = QPushButton(_tr("Close"), self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)

        self.finished.connect(self._release)
        self._update_buttons()
        self.choose_button.setDefault(True)
        self.choose_button.setFocus()

    # --- the file ---------------------------------------------------------------------------

    def choose_file(self) -> None:
        start = str(self.path.parent) if self.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self,
            _tr("Choose the registration list"),
            start,
            _tr("Registration lists (*.csv *.xlsx *.txt);;All files (*)"),
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path | str) -> None:
        """Read the file (on a worker) and show its columns, the guessed mapping, a preview."""
        if self.busy:
            return
        self.path = Path(path)
        self.report = None
        self.checked_mapping = None
        self.done_importing = False
        self.headers, self.rows, self.guessed = [], [], {}
        self._show_columns()
        self.problems.clear()
        self.cancel_missing.setChecked(False)
        self.cancel_missing.hide()
        self.file_label.setText(self.path.name)
        self._set_busy(_tr("Reading the file…"))
        workers.run_task(lambda p=self.path: _load(p), self._loaded, self._failed)

    def _loaded(self, loaded: _Loaded) -> None:
        self._set_busy(None)
        self.headers, self.rows = loaded.headers, loaded.rows
        self.guessed = guess_mapping(self.headers)
        self.file_label.setText(
            _fill(
                _tr("%1 · %2 columns, %3 rows"),
                self.path.name if self.path else "",
                len(self.headers),
                len(self.rows),
            )
        )
        self._show_columns()
        self.summary_label.setText(
            _tr("Check the file before importing: nothing is written by a check.")
        )
        self.check_button.setDefault(True)
        self.check_button.setFocus()

    def _show_columns(self) -> None:
        self._updating = True
        try:
            for name, combo in self.mapping_combos.items():
                combo.clear()
                combo.addItem(_tr("— not imported —"), "")
                for header in self.headers:
                    combo.addItem(header, header)
                chosen = self.guessed.get(name, "")
                combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
                combo.setEnabled(bool(self.headers))
        finally:
            self._updating = False
        self.preview.clear()
        self.preview.setColumnCount(len(self.headers))
        self.preview.setHorizontalHeaderLabels(self.headers)
        shown = self.rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(shown))
        for r, cells in enumerate(shown):
            for c, value in enumerate(cells[: len(self.headers)]):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()
        for c in range(self.preview.columnCount()):
            self.preview.setColumnWidth(c, min(self.preview.columnWidth(c), 220))
        self._fit_preview()
        self._show_extra()
        self._update_buttons()

    def _fit_preview(self) -> None:
        """Tall enough for the preview rows without a vertical scroll bar."""
        table = self.preview
        rows = max(1, table.rowCount())
        row_height = (
            table.rowHeight(0) if table.rowCount() else table.verticalHeader().defaultSectionSize()
        )
        height = (
            table.horizontalHeader().sizeHint().height()
            + rows * row_height
            + table.horizontalScrollBar().sizeHint().height()
            + 2 * table.frameWidth()
            + 2
        )
        table.setMinimumHeight(min(height, 260))
        table.setMaximumHeight(max(height, 120))

    # --- the mapping ------------------------------------------------------------------------

    def chosen_mapping(self) -> dict[str, str]:
        """{field: column} as the combos say; "" for a field left out."""
        return {name: combo.currentData() or "" for name, combo in self.mapping_combos.items()}

    def import_mapping(self) -> dict[str, str] | None:
        """What the importer is given: None while the guess stands, else every field."""
        chosen = self.chosen_mapping()
        guessed = {name: self.guessed.get(name, "") for name in self.mapping_combos}
        return None if chosen == guessed else chosen

    def set_column(self, field_name: str, header: str) -> None:
        """Choose the column of a field ("" = not imported), as the organizer would."""
        combo = self.mapping_combos[field_name]
        combo.setCurrentIndex(max(0, combo.findData(header)) if header else 0)

    def _mapping_changed(self, name: str) -> None:
        if self._updating:
            return
        header = self.mapping_combos[name].currentData() or ""
        self._updating = True
        try:
            if header:  # a column fills one field: the field that had it lets it go
                for other, combo in self.mapping_combos.items():
                    if other != name and combo.currentData() == header:
                        combo.setCurrentIndex(0)
        finally:
            self._updating = False
        if self.report is not None and not self.done_importing:
            self.report = None
            self.problems.clear()
            self.summary_label.setText(_tr("The columns changed: check the file again."))
        self._show_extra()
        self._update_buttons()

    def _show_extra(self) -> None:
        if not self.headers:
            self.extra_label.setText("")
            self.name_warning.hide()
            return
        used = set(self.chosen_mapping().values())
        extra = [
            h
            for i, h in enumerate(self.headers)
            if h not in used and any(i < len(r) and r[i].strip() for r in self.rows)
        ]
        if extra:
            self.extra_label.setText(_fill(_tr("Kept as extra fields: %1"), ", ".join(extra)))
        else:
            self.extra_label.setText(_tr("No other columns: nothing is kept as extra fields."))
        if self._has_name():
            self.name_warning.hide()
        else:
            self.name_warning.setText(
                _tr(
                    "Choose the column of the first name or last name (or of the full name): "
                    "a person needs a name."
                )
            )
            self.name_warning.show()

    def _has_name(self) -> bool:
        chosen = self.chosen_mapping()
        return any(chosen.get(f) for f in NAME_FIELDS)

    # --- check and import -------------------------------------------------------------------

    def check(self) -> None:
        """A dry run on a worker: the counts and the problems, nothing written."""
        if not self._ready():
            return
        self.checked_mapping = self.chosen_mapping()
        self._start(dry_run=True)

    def run_import(self) -> None:
        if not self.import_button.isEnabled():
            return
        self._start(dry_run=False)

    def _ready(self) -> bool:
        return bool(self.path and self.headers and not self.busy and self._has_name())

    def _start(self, *, dry_run: bool) -> None:
        assert self.path is not None
        self._set_busy(_tr("Checking the file…") if dry_run else _tr("Importing…"))
        args = (
            self.stage_path,
            self.desk,
            self.path,
            self.import_mapping(),
            dry_run,
            self.skip_bad_rows.isChecked(),
            self.operator,
            self.cancel_missing.isVisible() and self.cancel_missing.isChecked(),
        )
        workers.run_task(
            lambda: _run_import(*args),
            lambda report: self._finished(report),
            self._failed,
        )

    def _finished(self, report: dict[str, Any]) -> None:
        self._set_busy(None)
        self.report = report
        if not report["dry_run"] and report["ok"]:
            self.done_importing = True
        self._show_report(report)
        self._update_buttons()
        if self.done_importing:
            self.close_button.setDefault(True)
            self.close_button.setFocus()
            if report["created"] or report["updated"]:
                self.imported.emit(report)
        elif self.import_button.isEnabled():
            self.import_button.setDefault(True)
            self.import_button.setFocus()

    def _failed(self, exc: Exception) -> None:
        self._set_busy(None)
        if not isinstance(exc, RoadshowError):
            self._update_buttons()
            raise exc  # a defect: not hidden
        self.report = None
        self.problems.clear()
        words = say(exc)
        if self.headers and not self.done_importing:
            words = _fill(_tr("Nothing was imported. %1"), words)
        self.summary_label.setText(words)
        self._update_buttons()

    def _show_report(self, report: dict[str, Any]) -> None:
        self.problems.clear()
        bad = report["bad_rows"]
        if not report["ok"]:
            if bad == 1:
                head = _tr("1 row has a problem: nothing would be imported.")
            else:
                head = _fill(_tr("%1 rows have problems: nothing would be imported."), bad)
            if not report["dry_run"]:
                head = (
                    _tr("Nothing was imported: 1 row has a problem.")
                    if bad == 1
                    else _fill(_tr("Nothing was imported: %1 rows have problems."), bad)
                )
            advice = _tr(
                'Correct them in the file and check it again, or tick "Skip bad rows" to '
                "import the other rows."
            )
            text = f"{head}\n{advice}"
        else:
            counts = _fill(
                _tr("%1 new, %2 updated, %3 unchanged, %4 skipped (from %5 rows)."),
                report["created"],
                report["updated"],
                report["unchanged"],
                report["skipped"],
                report["rows"],
            )
            if report["dry_run"]:
                text = _fill(_tr("Check done: %1"), counts) + "\n"
                text += _tr("Nothing has been written yet: press Import to import.")
            else:
                text = _fill(_tr("Imported: %1"), counts)
        if report.get("duplicates_merged"):
            text += "\n" + _fill(
                _tr("Rows of the same person merged: %1."), report["duplicates_merged"]
            )
        if report.get("cancelled") or report.get("restored"):
            text += "\n" + _fill(
                _tr("Status column: %1 cancelled, %2 active again."),
                report.get("cancelled", 0),
                report.get("restored", 0),
            )
        missing = report.get("missing_count", 0)
        if report.get("missing_cancelled"):
            words = (
                _tr("Would cancel the %1 people no longer in the list.")
                if report["dry_run"]
                else _tr("Cancelled the %1 people no longer in the list.")
            )
            text += "\n" + _fill(words, report["missing_cancelled"])
        elif missing:
            text += "\n" + _fill(
                _tr(
                    "%1 people are no longer in the list: they stay registered unless you "
                    "tick the box below."
                ),
                missing,
            )
        if missing and report["dry_run"]:
            self.cancel_missing.setText(
                _fill(
                    _tr("Also &cancel the registrations of the %1 people no longer in the list"),
                    missing,
                )
            )
            self.cancel_missing.show()
        elif not report["dry_run"]:
            self.cancel_missing.hide()
        self.summary_label.setText(text)
        left_out = report["ok"] and report["skipped"]
        title = _tr("Rows left out (%1)") if left_out else _tr("Problems (%1)")
        self._list("✖", title, report["problems"], report["problem_count"])
        self._list("⚠", _tr("Warnings (%1)"), report["warnings"], report["warning_count"])
        self._list_missing(report.get("missing", []), report.get("missing_count", 0))

    def _heading(self, title: str, count: int) -> None:
        heading = QListWidgetItem(_fill(title, count))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.problems.addItem(heading)

    def _list_missing(self, people: list[dict[str, str]], count: int) -> None:
        if not count:
            return
        self._heading(_tr("No longer in the list (%1)"), count)
        for person in people:
            self.problems.addItem(f"•  {person['name']} ({person['code']})")
        if count > len(people):
            self.problems.addItem(_fill(_tr("… and %1 more"), count - len(people)))

    def _list(self, symbol: str, title: str, items: list[dict], count: int) -> None:
        if not count:
            return
        self._heading(title, count)
        for problem in items:
            self.problems.addItem(f"{symbol}  {problem_text(problem)}")
        if count > len(items):
            self.problems.addItem(_fill(_tr("… and %1 more"), count - len(items)))

    # --- state ------------------------------------------------------------------------------

    def _set_busy(self, words: str | None) -> None:
        self.busy = words is not None
        self.busy_bar.setVisible(self.busy)
        self.busy_label.setText(words or "")
        for combo in self.mapping_combos.values():
            combo.setEnabled(not self.busy and bool(self.headers) and not self.done_importing)
        self.choose_button.setEnabled(not self.busy)
        self.skip_bad_rows.setEnabled(not self.busy and not self.done_importing)
        self.cancel_missing.setEnabled(not self.busy and not self.done_importing)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        ready = self._ready() and not self.done_importing
        self.check_button.setEnabled(ready)
        clean = (
            self.report is not None
            and self.report["dry_run"]
            and self.report["ok"]
            and not self.report["problem_count"]
            and self.checked_mapping == self.chosen_mapping()
        )
        self.import_button.setEnabled(ready and (clean or self.skip_bad_rows.isChecked()))
        self.close_button.setEnabled(not self.busy)

    def reject(self) -> None:
        if self.busy:  # the import is one transaction: let it finish, then close
            return
        super().reject()

    def _release(self, _result: int) -> None:
        self.rows = []  # a big list need not live as long as the window that opened us


def open_import_dialog(
    stage: Stage,
    data_dir: Path,
    parent: QWidget | None = None,
    operator: str = "",
    *,
    path: Path | str | None = None,
) -> ImportDialog:
    """Open the import dialog (non-blocking, window-modal); `path` loads a file at once."""
    dialog = ImportDialog(stage, data_dir, parent, operator=operator)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    if path is not None:
        dialog.load_file(path)
    return dialog
