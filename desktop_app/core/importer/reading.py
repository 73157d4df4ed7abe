"""How a file becomes a table of text: size, format, encoding, delimiter, header row, sheet."""

from __future__ import annotations

import bisect
import codecs
import csv
import datetime as dt
import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importer.headers import _column_letter, _has_name_column
from desktop_app.core.importer.report import Problem, file_error
from desktop_app.core.model import clean_text
from desktop_app.core.search import fold

MAX_CELL_CHARS = 10_000  # longer cells are a row problem (nobody's name is a novel)
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_HEADER_CHARS = 200  # a Google Forms question can be long; the column keeps this much
HEADER_SCAN_ROWS = 20  # title rows above the header in a hand-made sheet


@dataclass
class Table:
    """A sheet as text: the header row and the data rows with the row numbers people see."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]
    format: str
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    lossy: set[tuple[int, int]] = field(default_factory=set)  # (row, column) numbers Excel cut
    numeric: set[tuple[int, int]] = field(default_factory=set)  # (row, column) stored as numbers
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)  # row -> its file lines
    notes: list[Problem] = field(default_factory=list)  # what reading the file had to guess


def read_table(
    path: Path, mapping: dict[str, str] | None = None
) -> tuple[list[str], list[list[str]]]:
    """The header row and the data rows of a CSV or XLSX file, every cell as text."""
    table = _read(Path(path), mapping)
    return table.headers, [cells for _, cells in table.rows]


def _read(path: Path, mapping: dict[str, str] | None = None) -> Table:
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise file_error("file_missing", path.name) from exc
    except OSError as exc:
        raise file_error("file_unreadable", path.name, exc.strerror) from exc
    if path.is_dir():
        raise file_error("folder", path.name)
    if size == 0:
        raise file_error("file_empty", path.name)
    if size > MAX_FILE_BYTES:
        raise file_error("file_too_big", path.name, size // (1024 * 1024))
    try:
        with path.open("rb") as fh:
            head = fh.read(128)
    except OSError as exc:
        raise file_error("file_unreadable", path.name, exc.strerror) from exc
    if head.startswith(b"PK\x03\x04"):
        if b"opendocument" in head:
            raise file_error("ods", path.name)
        return _read_xlsx(path, mapping)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise file_error("xls", path.name)
    return _read_csv(path, mapping)


def _decode(
    path: Path,
    data: bytes,
    notes: list[Problem] | None = None,
    legacy_lines: list[int] | None = None,
) -> tuple[str, str]:
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise file_error("bom_wrong", path.name, encoding.upper()) from exc
    sample = data[:65536]
    if b"\x00" in sample:
        # UTF-16 without a byte order mark: every other byte of Latin text is zero.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        half = len(sample) // 2
        if half and odd > 0.3 * half and even == 0:
            try:
                return data.decode("utf-16-le"), "utf-16-le"
            except UnicodeDecodeError:
                pass
        raise file_error("binary", path.name)
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _decode_legacy(
            path, data, [] if notes is None else notes, [] if legacy_lines is None else legacy_lines
        )
    head = text[:65536]
    controls = sum(1 for c in head if c < " " and c not in "\r\n\t")
    if controls > 0.01 * len(head):
        raise file_error("binary", path.name)
    return text, encoding


_HIGH_RUNS = re.compile(rb"[\x80-\xff]+")
_GB2312_PAIR = re.compile(rb"[\xa1-\xfe][\xa1-\xfe]")
_CJK_CHAR = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff66-\uff9f]")
_ENCODING_NAMES = {"gbk": "Chinese GBK", "shift_jis": "Japanese Shift-JIS"}


def _decode_legacy(
    path: Path, data: bytes, notes: list[Problem], legacy_lines: list[int]
) -> tuple[str, str]:
    """A file that is not UTF-8: Windows-1252, Chinese GBK, Japanese Shift-JIS, or UTF-8 rows
    mixed with Windows-1252 rows (two exports pasted together). Decoded when the bytes say so
    plainly; otherwise read as Windows-1252, and the rows that look garbled are warned about."""
    lines = data.split(b"\n")
    utf8_rows, other_rows = [], []
    for number, line in enumerate(lines, start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8_rows.append(number)
        except UnicodeDecodeError:
            other_rows.append(number)
    other = b"\n".join(lines[n - 1] for n in other_rows[:2000])
    runs = _HIGH_RUNS.findall(other)
    high = sum(map(len, runs))
    paired = sum(len(r) for r in runs if len(r) >= 2)
    # CJK text: every non-ASCII character is two bytes; accented Latin letters come alone.
    if high and paired >= 0.9 * high:
        pairs = sum(len(_GB2312_PAIR.findall(r)) for r in runs)
        # Chinese names are common characters (GB2312: both bytes from 0xA1); Japanese
        # Shift-JIS starts most characters below 0xA0. Rare characters are not a sure guess.
        order = ("gbk",) if pairs * 2 >= 0.9 * paired else ("shift_jis",)
        for candidate in order:
            try:
                decoded = data.decode(candidate)
            except UnicodeDecodeError:
                continue
            if len(_CJK_CHAR.findall(decoded[:65536])) >= 0.8 * sum(
                1 for c in decoded[:65536] if ord(c) > 127
            ):
                notes.append(
                    Problem(
                        None,
                        None,
                        f"the file is not UTF-8: read as {_ENCODING_NAMES[candidate]}. Check a "
                        "few names, or save the file again as 'CSV UTF-8'.",
                        "encoding_guessed",
                        {"encoding": "GBK" if candidate == "gbk" else "Shift-JIS"},
                    )
                )
                return decoded, candidate
    if utf8_rows and other_rows:
        # Rows in UTF-8 and rows in Windows-1252: each line read in its own encoding.
        out = []
        for line in lines:
            try:
                out.append(line.decode("utf-8"))
            except UnicodeDecodeError:
                out.append(line.decode("cp1252", errors="replace"))
        legacy_lines += other_rows  # the check names each of their rows
        notes.append(
            Problem(
                other_rows[0],
                None,
                f"{len(other_rows)} lines of the file are in Windows-1252 and "
                f"{len(utf8_rows)} in UTF-8 (two exports pasted together?): each line was read "
                "in its own encoding. Check their names.",
                "mixed_encoding",
                {"legacy": len(other_rows), "utf8": len(utf8_rows)},
            )
        )
        return "\n".join(out), "utf-8+cp1252"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise file_error("encoding_unknown", path.name) from exc


def _sniff_delimiter(text: str) -> str:
    """Count , ; and tab outside quotes in the first lines: the header decides."""
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    lines = 0
    for c in text[:65536]:
        if c == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif c in counts:
            counts[c] += 1
        elif c == "\n":
            lines += 1
            if lines >= 1 and any(counts.values()):
                break
    best = max(counts, key=lambda d: (counts[d], d == ";", d == "\t"))
    return best if counts[best] else ","


def _read_csv(path: Path, mapping: dict[str, str] | None) -> Table:
    data = path.read_bytes()
    notes: list[Problem] = []
    legacy_lines: list[int] = []  # physical lines read as Windows-1252 in a UTF-8 file
    text, encoding = _decode(path, data, notes, legacy_lines)
    del data
    if not text.strip(" \t\r\n,;\ufeff"):
        raise file_error("no_rows", path.name)
    delimiter = None
    sep_line = 0
    first_line, _, rest = text.partition("\n")
    match = re.match(r'^"?sep=(.)"?\r?$', first_line.strip("\ufeff"), re.IGNORECASE)
    if match:  # Excel's "sep=;" hint: not a row in Excel either
        delimiter = match.group(1)
        text = rest
        sep_line = 1
    delimiter = delimiter or _sniff_delimiter(text)
    if csv.field_size_limit() < MAX_FILE_BYTES:
        csv.field_size_limit(MAX_FILE_BYTES)  # big cells become row problems, not csv errors
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)

    spans: dict[int, tuple[int, int]] = {}

    def records() -> Iterator[tuple[int, list[str]]]:
        last = 0
        for number, cells in enumerate(reader, start=1):
            line = reader.line_num
            if line - last > 1:  # a quoted cell with line breaks (or a quote never closed)
                spans[number] = (last + 1, line)
            last = line
            yield number, cells

    try:
        # Row numbers count records, as Excel does (a quoted cell may span several lines).
        table = _tabulate(records(), mapping, path)
    except csv.Error as exc:
        raise file_error("csv_unreadable", path.name, reader.line_num, exc) from exc
    table.format = "csv"
    table.encoding = encoding
    table.delimiter = delimiter
    table.spans = spans
    table.notes = notes
    if legacy_lines:
        table.notes += _rows_in_other_encoding(legacy_lines, spans, sep_line)
    return table


def _rows_in_other_encoding(
    lines: list[int], spans: dict[int, tuple[int, int]], sep_line: int
) -> list[Problem]:
    """One warning per row that held a Windows-1252 line of a UTF-8 file (row = record: a
    record spanning several lines moves the rows below it)."""
    starts = sorted((first + sep_line, number) for number, (first, _) in spans.items())
    rows: set[int] = set()
    for line in lines:
        # the last multi-line record starting at or before this line, and its row number
        i = bisect.bisect_right(starts, (line, float("inf"))) - 1
        if i < 0:
            row = line - sep_line
        else:
            first, number = starts[i]
            last = spans[number][1] + sep_line
            row = number if line <= last else number + (line - last)
        if row >= 1:
            rows.add(row)
    return [
        Problem(
            row,
            None,
            "this row is in Windows-1252 while the file is UTF-8: read as Windows-1252, "
            "check its accented letters.",
            "row_in_windows_1252",
        )
        for row in sorted(rows)
    ]


def _unclosed_quote(
    number: int, cells: tuple[str, ...], table: Table, width: int
) -> Problem | None:
    """A cell that swallowed the rows below it: a `"` opened in it and never closed, so the
    CSV reader took the next lines, delimiters and all, as the cell's text."""
    delimiter = table.delimiter or ","
    need = max(1, width - 1)  # a swallowed line has the shape of a row
    for i, cell in enumerate(cells):
        if "\n" not in cell:
            continue
        swallowed = [ln for ln in cell.split("\n")[1:] if ln.count(delimiter) >= need]
        if swallowed:
            header = table.headers[i] if i < len(table.headers) else f"Column {_column_letter(i)}"
            first, last = table.spans.get(number, (number, number))
            return Problem(
                number,
                header,
                f'a quote (") opens in this cell and is never closed: the next {last - first} '
                f"lines of the file (to line {last}) were read as its text. Close the quote "
                "or remove it, then import again.",
                "unclosed_quote",
                {"lines": last - first, "line": first, "last_line": last},
            )
    return None


def _excel_text(value: Any, row: int, col: int, table: Table) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        table.numeric.add((row, col))
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if value.is_integer():
            table.numeric.add((row, col))
            if abs(value) >= 1e15:  # past float precision: Excel may have changed the digits
                table.lossy.add((row, col))
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes" if not value.second else "seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat(timespec="minutes" if not value.second else "seconds")
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)


def _read_xlsx(path: Path, mapping: dict[str, str] | None) -> Table:
    import openpyxl  # imported here: only XLSX imports pay for it

    try:
        # data_only: a formula cell comes in as the value Excel showed and saved with it
        # (=PROPER("acme srl") is "Acme Srl"), never as formula text on a badge
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise file_error("xlsx_unreadable", path.name) from exc
    except Exception as exc:  # openpyxl raises assorted errors for damaged workbooks
        raise file_error("xlsx_damaged", path.name, type(exc).__name__) from exc
    try:
        first: Table | None = None
        named: Table | None = None  # the first sheet with name columns
        for ws in wb.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible" and len(wb.worksheets) > 1:
                continue
            cells_of = Table([], [], "xlsx", sheet=ws.title)

            def rows(ws=ws, t=cells_of) -> Iterator[tuple[int, list[str]]]:
                # iter_rows starts at row 1 whatever the sheet's dimension says.
                for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
                    yield number, [_excel_text(v, number, i, t) for i, v in enumerate(values)]

            try:
                table = _tabulate(rows(), mapping, path)
            except ImportFailed:
                continue  # an empty sheet
            table.lossy, table.numeric = cells_of.lossy, cells_of.numeric
            table.sheet = ws.title
            table.format = "xlsx"
            if _has_name_column(table.headers, mapping):
                if _PEOPLE_SHEET.search(fold(ws.title)):
                    return table  # pretix "Order positions": one row per ticket
                named = named or table
            if first is None:
                first = table
        if named is not None:
            return named
        if first is None:
            raise file_error("workbook_empty", path.name)
        # No sheet has name columns: read the first one whole for the refusal message.
        return first
    except ImportFailed:
        raise
    except Exception as exc:  # a damaged sheet part
        raise file_error("xlsx_damaged", path.name, type(exc).__name__) from exc
    finally:
        wb.close()


# A workbook's sheet of people rather than of orders (pretix: "Orders", "Order positions").
_PEOPLE_SHEET = re.compile(r"position|posizion|attendee|partecipant|iscritt|registrant")


def _tabulate(
    records: Iterator[tuple[int, list[str]]],
    mapping: dict[str, str] | None,
    path: Path,
) -> Table:
    """Find the header row (title rows above it are skipped) and collect the data rows."""
    scanned: list[tuple[int, list[str]]] = []
    header: tuple[int, list[str]] | None = None
    for number, cells in records:
        if not any(c.strip() for c in cells):
            continue
        scanned.append((number, cells))
        if any(len(c) > MAX_CELL_CHARS for c in cells):
            continue  # not a header; and do not fold 10 MB of text to find out
        if _has_name_column(cells, mapping):
            header = (number, cells)
            break
        if len(scanned) >= HEADER_SCAN_ROWS:
            break
    if not scanned:
        raise file_error("no_rows", path.name)
    if header is None:  # no name columns: the first row is the header, for the message
        header = scanned[0]
        pending = scanned[1:]
    else:
        pending = []
    number, cells = header
    headers = _header_names(cells)
    width = len(headers)
    rows = []
    for number, cells in itertools.chain(pending, records):
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        if not "".join(cells).strip():  # an empty row (any(...) per row was 3x slower)
            continue
        rows.append((number, cells))
    return Table(headers, rows, "")


def _header_names(cells: list[str]) -> list[str]:
    """Readable, unique column names (blank ones get a letter, as Excel shows them)."""
    names: list[str] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(cells):
        name = clean_text(raw[: MAX_HEADER_CHARS * 4])[:MAX_HEADER_CHARS]
        if not name:
            name = f"Column {_column_letter(i)}"
        key = name.casefold()
        if key in seen:
            seen[key] += 1
            name = f"{name} ({seen[key]})"
        else:
            seen[key] = 1
        names.append(name)
    return names
