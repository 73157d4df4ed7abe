"""A write-only XLSX workbook (openpyxl) with bold frozen headers, filters, widths and dates
in the language's format. Used by the attendance export and the series report."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class XlsxSheet:
    """A write-only worksheet with a bold frozen header, filters and column widths."""

    def __init__(
        self, book: XlsxBook, title: str, header: list[str] | None, widths: list[int]
    ) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.utils import get_column_letter

        self._cell = WriteOnlyCell
        self.book = book
        self.ws = book.wb.create_sheet(title=title[:31])
        self.columns = len(header) if header else len(widths)
        for index in range(self.columns):
            width = widths[index] if index < len(widths) else 14
            self.ws.column_dimensions[get_column_letter(index + 1)].width = width
        self.rows = 0
        self.header = header is not None
        if header is not None:  # a list: bold frozen header row with filters
            self.ws.freeze_panes = "A2"
            self.ws.append([self._styled(h, book.bold) for h in header])
        self.book.sheets.append(self)

    def _styled(self, value: Any, font: Any = None, fmt: str | None = None) -> Any:
        cell = self._cell(self.ws, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # text is never a formula
        if font is not None:
            cell.font = font
        if fmt:
            cell.number_format = fmt
        return cell

    def append(
        self,
        values: list[Any],
        *,
        percent_from: int | None = None,
        bold: bool = False,
        in_filter: bool = True,
    ) -> None:
        out = []
        font = self.book.bold if bold else None
        while values and values[-1] is None:  # empty trailing cells cost time, show nothing
            values = values[:-1]
        for index, value in enumerate(values):
            if isinstance(value, str):
                value = _ILLEGAL_XML.sub("", value)
                if value.startswith("=") or font is not None:
                    value = self._styled(value, font)
            elif isinstance(value, datetime):
                fmt = self.book.date_format if _is_midnight(value) else self.book.datetime_format
                value = self._styled(value.replace(tzinfo=None, microsecond=0), font, fmt)
            elif percent_from is not None and index >= percent_from and isinstance(value, float):
                value = self._styled(value, font, "0.0%")
            elif font is not None and value is not None:
                value = self._styled(value, font)
            out.append(value)
        self.ws.append(out)
        if in_filter:  # a totals row stays out of the filter (and of any sorting)
            self.rows += 1

    def close(self) -> None:
        from openpyxl.utils import get_column_letter

        if self.header:
            self.ws.auto_filter.ref = f"A1:{get_column_letter(self.columns)}{self.rows + 1}"


def _is_midnight(value: datetime) -> bool:
    return (value.hour, value.minute, value.second) == (0, 0, 0)


class XlsxBook:
    def __init__(self, lang: str = "en") -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Font

        self.wb = Workbook(write_only=True)
        self.bold = Font(bold=True)
        self.sheets: list[XlsxSheet] = []
        if lang == "it":
            self.date_format, self.datetime_format = "dd/mm/yyyy", "dd/mm/yyyy hh:mm"
        else:
            self.date_format, self.datetime_format = "yyyy-mm-dd", "yyyy-mm-dd hh:mm"

    def sheet(
        self, title: str, header: list[str] | None, widths: list[int] | None = None
    ) -> XlsxSheet:
        return XlsxSheet(self, title, header, widths or [])

    def save(self, out: Path) -> None:
        for sheet in self.sheets:
            sheet.close()
        self.wb.save(out)
