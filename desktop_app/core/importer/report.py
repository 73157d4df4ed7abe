"""What the importer tells: a row's problem, the report of one import, the reasons a file cannot be
read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.core.errors import ImportFailed

MAX_REPORTED = 1000  # problems/warnings listed in the report (the counts are always complete)


@dataclass
class Problem:
    """A row's problem or warning. `code` and `params` say it for a translated window (the
    message is the English words, for the command line)."""

    row: int | None
    column: str | None
    message: str
    code: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "message": self.message,
            "code": self.code,
            "params": dict(self.params),
        }

    def text(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        return (", ".join(where) + ": " if where else "") + self.message


@dataclass
class ImportReport:
    file: str
    dry_run: bool = False
    skip_bad_rows: bool = False
    format: str = ""
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    rows: int = 0  # data rows read (empty rows not counted)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # bad rows left out (only with skip_bad_rows)
    duplicates_merged: int = 0
    bad_rows: int = 0
    mapping: dict[str, str] = field(default_factory=dict)
    extra_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    refused: bool = False
    cancelled: int = 0  # registrations cancelled by the file's status column
    restored: int = 0  # registrations the status column makes active again
    cancel_missing: bool = False
    missing: list[dict[str, str]] = field(default_factory=list)  # on the stage, not in the file
    missing_cancelled: int = 0

    @property
    def ok(self) -> bool:
        return not self.refused

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "dry_run": self.dry_run,
            "file": self.file,
            "format": self.format,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "sheet": self.sheet,
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "duplicates_merged": self.duplicates_merged,
            "bad_rows": self.bad_rows,
            "mapping": dict(self.mapping),
            "extra_columns": list(self.extra_columns),
            "problems": [p.to_dict() for p in self.problems[:MAX_REPORTED]],
            "problem_count": len(self.problems),
            "warnings": [w.to_dict() for w in self.warnings[:MAX_REPORTED]],
            "warning_count": len(self.warnings),
            "cancelled": self.cancelled,
            "restored": self.restored,
            "cancel_missing": self.cancel_missing,
            "missing": list(self.missing[:MAX_REPORTED]),
            "missing_count": len(self.missing),
            "missing_cancelled": self.missing_cancelled,
        }

    def summary(self) -> str:
        lines = []
        name = Path(self.file).name
        if self.refused:
            lines.append(
                f"Nothing was imported from {name}: {self.bad_rows} "
                f"{'row has a problem' if self.bad_rows == 1 else 'rows have problems'}."
            )
            lines.append(
                "Correct them in the file and import it again, or import the good rows "
                "with --skip-bad-rows."
            )
        else:
            verb = "Would import" if self.dry_run else "Imported"
            lines.append(
                f"{verb} {name} ({self.rows} rows): {self.created} new, {self.updated} updated, "
                f"{self.unchanged} unchanged, {self.skipped} skipped."
            )
            if self.dry_run:
                lines.append("This was a dry run: nothing was changed.")
        if self.duplicates_merged:
            lines.append(f"{self.duplicates_merged} duplicated rows were merged.")
        if self.cancelled or self.restored:
            lines.append(
                f"Status column: {self.cancelled} cancelled, {self.restored} active again."
            )
        if self.missing:
            count = len(self.missing)
            people = "1 person is" if count == 1 else f"{count} people are"
            lines.append(f"{people} no longer in the list:")
            lines += [f"  {m['name']} ({m['code']})" for m in self.missing[:50]]
            if count > 50:
                lines.append(f"  ... and {count - 50} more")
            if self.missing_cancelled:
                verb = "Would cancel" if self.dry_run else "Cancelled"
                lines.append(f"{verb} their registrations (--cancel-missing).")
            elif not self.refused:
                lines.append(
                    "Nothing was cancelled: import again with --cancel-missing to cancel them."
                )
        shown = {f: h for f, h in self.mapping.items()}
        if shown:
            lines.append("Columns: " + ", ".join(f"{h} -> {f}" for f, h in shown.items()))
        if self.extra_columns:
            lines.append("Kept as extra fields: " + ", ".join(self.extra_columns))
        if self.problems:
            lines.append("Problems:")
            lines += ["  " + p.text() for p in self.problems[:50]]
            if len(self.problems) > 50:
                lines.append(f"  ... and {len(self.problems) - 50} more")
        if self.warnings:
            lines.append("Warnings:")
            lines += ["  " + w.text() for w in self.warnings[:50]]
            if len(self.warnings) > 50:
                lines.append(f"  ... and {len(self.warnings) - 50} more")
        return "\n".join(lines)


# A file the importer cannot read: a stable reason, its English words (%1... are the params),
# so a window can say it in its own language without reading the English back.
FILE_ERRORS: dict[str, str] = {
    "file_missing": "The file %1 does not exist.",
    "file_unreadable": "The file %1 cannot be read (%2).",
    "folder": "%1 is a folder, not a CSV or Excel file.",
    "file_empty": "The file %1 is empty.",
    "file_too_big": "The file %1 is too big (%2 MB): a registration list is a few MB at most.",
    "ods": "%1 is an OpenDocument (.ods) spreadsheet. Save it as .xlsx or CSV (File > Save as), "
    "then import that.",
    "xls": "%1 is an old Excel .xls file (or a password-protected workbook). Open it in Excel and "
    "save it as .xlsx or CSV, then import that.",
    "bom_wrong": "%1 says it is %2 but is not: save it again as CSV UTF-8.",
    "binary": "%1 is not a text file (it contains binary data). Import a CSV or an Excel .xlsx "
    "file.",
    "encoding_unknown": "The characters of %1 are in an encoding the importer does not know (it "
    "reads UTF-8 and Windows-1252). Save the file again as 'CSV UTF-8'.",
    "no_rows": "The file %1 is empty (no rows).",
    "csv_unreadable": "%1 is not a readable CSV file (line %2: %3).",
    "xlsx_unreadable": "%1 is not a readable Excel .xlsx file. Open it in Excel and save it again "
    "as .xlsx or CSV.",
    "xlsx_damaged": "%1 is a damaged Excel file (%2).",
    "workbook_empty": "The workbook %1 is empty (no rows in any sheet).",
}


def file_error(reason: str, *params: object) -> ImportFailed:
    message = FILE_ERRORS[reason]
    for i, value in reversed(list(enumerate(params, start=1))):
        message = message.replace(f"%{i}", str(value))
    return ImportFailed(message, reason=reason, params=[str(p) for p in params])
