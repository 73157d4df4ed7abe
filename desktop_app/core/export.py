"""Attendance exports of a stage (or of one of its sessions): CSV, XLSX and PDF.

- CSV: UTF-8 with BOM, ';' by default (Italian Excel) or ','; cells that a spreadsheet would
  read as a formula (= + - @ tab CR at the start) get a leading apostrophe.
- XLSX (openpyxl, write-only so 50,000 rows stay fast): people, sessions, summary; frozen
  header, filters, column widths, real dates; text is always stored as text, never a formula.
- PDF (ReportLab canvas, one page at a time): a printable attendance sheet with the stage's
  title, date and venue, page numbers, totals, an optional signature column, and summary
  pages with charts drawn with ReportLab's own graphics.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop_app.core.errors import InvalidInput
from desktop_app.core.files import written_atomically
from desktop_app.core.model import CATEGORIES, Attendee, is_cjk
from desktop_app.core.reports import (
    UNKNOWN,
    category_label,
    local_time,
    session_arrivals,
    stage_statistics,
)
from desktop_app.core.store import Stage
from desktop_app.core.words import words
from desktop_app.core.xlsx import XlsxBook, XlsxSheet  # noqa: F401  (importable from here too)

FORMATS = ("csv", "xlsx", "pdf")

# column key -> (English header, Italian header)
COLUMNS: dict[str, tuple[str, str]] = {
    "code": ("Code", "Codice"),
    "title": ("Title", "Titolo"),
    "first_name": ("First name", "Nome"),
    "last_name": ("Last name", "Cognome"),
    "name": ("Name", "Nominativo"),
    "company": ("Company", "Azienda"),
    "vat": ("VAT number", "Partita IVA"),
    "role": ("Job title", "Ruolo"),
    "category": ("Category", "Categoria"),
    "email": ("Email", "Email"),
    "phone": ("Phone", "Telefono"),
    "sector": ("Sector", "Settore"),
    "countries": ("Countries of interest", "Paesi di interesse"),
    "country": ("Country represented", "Paese rappresentato"),
    "status": ("Registration", "Iscrizione"),
    "checked_in": ("Checked in", "Presente"),
    "first_arrival": ("First arrival", "Primo ingresso"),
    "desk": ("Desk", "Postazione"),
    "operator": ("Operator", "Operatore"),
    "badge_prints": ("Badges printed", "Badge stampati"),
    "notes": ("Notes", "Note"),
    "signature": ("Signature", "Firma"),
}
DEFAULT_COLUMNS = (
    "code",
    "title",
    "last_name",
    "first_name",
    "company",
    "role",
    "category",
    "country",
    "countries",
    "sector",
    "email",
    "checked_in",
    "first_arrival",
    "desk",
)
PDF_DEFAULT_COLUMNS = ("name", "company", "category", "checked_in", "desk")
_WIDTHS = {  # spreadsheet column widths (characters); PDF uses them as weights
    "code": 13,
    "title": 9,
    "first_name": 18,
    "last_name": 20,
    "name": 30,
    "company": 32,
    "vat": 15,
    "role": 26,
    "category": 21,
    "email": 30,
    "phone": 16,
    "sector": 16,
    "countries": 34,
    "country": 22,
    "status": 12,
    "checked_in": 11,
    "first_arrival": 18,
    "desk": 14,
    "operator": 14,
    "badge_prints": 9,
    "notes": 30,
    "signature": 30,
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A cell a spreadsheet would run as a formula becomes plain text ('=cmd|...' -> "'=cmd|...")."""
    if text and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def parse_columns(text: str | Iterable[str] | None) -> tuple[str, ...] | None:
    """'name,company,checked_in' -> a tuple of known column keys (None: the default)."""
    if text is None:
        return None
    items = text.split(",") if isinstance(text, str) else list(text)
    keys = tuple(c.strip().lower().replace("-", "_") for c in items if c.strip())
    unknown = [k for k in keys if k not in COLUMNS]
    if unknown:
        raise InvalidInput(f"Unknown column(s): {', '.join(unknown)}. Known: {', '.join(COLUMNS)}.")
    if not keys:
        raise InvalidInput("--columns lists no column.")
    return keys


@dataclass(frozen=True)
class ExportOptions:
    """What to export. A session export lists the people present at that session."""

    session_id: str = ""
    category: str | None = None
    checked_in_only: bool = False
    include_cancelled: bool = False
    columns: tuple[str, ...] | None = None
    lang: str = "en"
    signature: bool = False  # PDF: a blank column to sign in
    delimiter: str = ";"


@dataclass(frozen=True)
class Row:
    attendee: Attendee
    checked_in: bool
    arrival: datetime | None  # local time
    desk: str
    operator: str


def attendance_rows(stage: Stage, options: ExportOptions) -> list[Row]:
    """The people of the list, sorted by surname, with their arrival at this door."""
    if options.category and options.category not in CATEGORIES:
        raise InvalidInput(
            f"Unknown category '{options.category}'. Known: {', '.join(CATEGORIES)}."
        )
    people = _attendees(stage, options)
    rows: list[Row] = []
    if options.session_id:
        arrivals = session_arrivals(stage, options.session_id)
        for a in people:
            hit = arrivals.get(a.id)
            if hit:
                rows.append(Row(a, True, local_time(hit[0]), hit[1] or "", ""))
        return rows
    for a in people:
        if options.checked_in_only and not a.checked_in:
            continue
        rows.append(
            Row(
                a,
                a.checked_in,
                local_time(a.checked_in_at),
                a.checkin_desk or "",
                a.checkin_operator or "",
            )
        )
    return rows


def _value(row: Row, key: str, w: dict[str, str], lang: str) -> Any:
    """A cell as a Python value (datetime for arrivals, int for counts, else text)."""
    return _getter(key, w, lang)(row)


_ATTENDEE_NAMES = tuple(f.name for f in fields(Attendee))


def _attendees(stage: Stage, options: ExportOptions) -> list[Attendee]:
    """Like `Stage.attendees` (same filters, surname order), lean enough for 50,000 rows."""
    sql = f"SELECT {', '.join(_ATTENDEE_NAMES)} FROM attendee"
    where, args = [], []
    if options.category:
        where.append("category = ?")
        args.append(options.category)
    if options.checked_in_only and not options.session_id:
        where.append("checkin_event_id IS NOT NULL")
    if not options.include_cancelled:
        where.append("status = 'active'")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY sort_name, id"
    codes = _ATTENDEE_NAMES.index("external_codes")
    extra = _ATTENDEE_NAMES.index("extra")
    redacted = _ATTENDEE_NAMES.index("redacted")
    out = []
    for row in stage.conn.execute(sql, args):
        row = list(row)
        row[codes] = json.loads(row[codes]) if row[codes] != "[]" else []
        row[extra] = json.loads(row[extra]) if row[extra] != "{}" else {}
        row[redacted] = bool(row[redacted])
        out.append(Attendee(*row))
    return out


def _getter(key: str, w: dict[str, str], lang: str) -> Any:
    """row -> the cell of column `key`: chosen once per column, called once per row."""
    if key == "checked_in":
        yes, no = w["yes"], w["no"]
        return lambda r: yes if r.checked_in else no
    if key == "first_arrival":
        return lambda r: r.arrival
    if key == "desk":
        return lambda r: r.desk
    if key == "operator":
        return lambda r: r.operator
    if key == "category":
        return lambda r: category_label(r.attendee.category, lang)
    if key == "status":
        return lambda r: w.get(r.attendee.status, r.attendee.status)
    if key == "signature":
        return lambda r: ""
    if key == "name":
        return lambda r: sorted_name(r.attendee) or (w["erased"] if r.attendee.redacted else "")
    if key == "last_name":
        erased = w["erased"]
        return lambda r: r.attendee.last_name or (erased if r.attendee.redacted else "")
    return lambda r: getattr(r.attendee, key)


def sorted_name(a: Attendee) -> str:
    """'Bertè, Nicolò (Dott.)' — surname first, as the list is sorted; CJK names as written."""
    if is_cjk(a.last_name + a.first_name):
        name = a.full_name
    else:
        name = ", ".join(p for p in (a.last_name, a.first_name) if p)
    return f"{name} ({a.title})" if a.title and name else name


def _columns(options: ExportOptions, default: tuple[str, ...]) -> tuple[str, ...]:
    columns = options.columns or default
    if options.signature and "signature" not in columns:
        columns = (*columns, "signature")
    return columns


def export_attendance(stage: Stage, out: Path, fmt: str, options: ExportOptions) -> dict[str, Any]:
    """Write the attendance list as csv, xlsx or pdf. Returns what was written."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise InvalidInput(f"Unknown format '{fmt}': use csv, xlsx or pdf.")
    if options.delimiter not in (";", ","):
        raise InvalidInput("The CSV delimiter is ';' or ','.")
    if options.session_id:
        from desktop_app.core.sessions import session as find_session

        found = find_session(stage, options.session_id)
        options = replace(options, session_id=found["id"])
    out = Path(out)
    rows = attendance_rows(stage, options)
    with written_atomically(out, "attendance list") as tmp:
        if fmt == "csv":
            write_csv(rows, tmp, options)
        elif fmt == "xlsx":
            write_xlsx(stage, rows, tmp, options)
        else:
            write_pdf(stage, rows, tmp, options)
    return {
        "file": str(out),
        "format": fmt,
        "rows": len(rows),
        "checked_in": sum(1 for r in rows if r.checked_in),
        "session_id": options.session_id or None,
    }


# --- CSV -------------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return str(value)


def write_csv(rows: list[Row], out: Path, options: ExportOptions) -> None:
    columns = _columns(options, DEFAULT_COLUMNS)
    lang_index = 1 if options.lang == "it" else 0
    w = words(options.lang)
    with open(out, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=options.delimiter, quoting=csv.QUOTE_MINIMAL)
        writer.writerow([COLUMNS[c][lang_index] for c in columns])
        getters = [_getter(c, w, options.lang) for c in columns]
        for start in range(0, len(rows), CHUNK):
            writer.writerows(
                [_csv_cell(get(r)) for get in getters] for r in rows[start : start + CHUNK]
            )


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if value.__class__ is not str:
        value = _text(value)
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value


# --- XLSX ------------------------------------------------------------------------------------


def write_xlsx(stage: Stage, rows: list[Row], out: Path, options: ExportOptions) -> None:
    lang = options.lang
    w = words(lang)
    it = 1 if lang == "it" else 0
    columns = tuple(c for c in _columns(options, DEFAULT_COLUMNS) if c != "signature")
    book = XlsxBook(lang)
    people = book.sheet(
        w["attendees"], [COLUMNS[c][it] for c in columns], [_WIDTHS[c] for c in columns]
    )
    getters = [_getter(c, w, lang) for c in columns]
    for r in rows:
        people.append([get(r) for get in getters])

    sessions = book.sheet(
        w["sessions"],
        [
            w["name"],
            w["kind"],
            w["room"],
            w["starts"],
            w["ends"],
            w["capacity"],
            w["present"],
            w["fill"],
        ],
        [46, 14, 18, 18, 18, 10, 10, 13],
    )
    for s in stage.sessions():
        capacity = s["capacity"]
        sessions.append(
            [
                s["name"],
                session_kind_label(s["kind"], lang),
                s["room"],
                _naive(s["starts_at"]),
                _naive(s["ends_at"]),
                capacity,
                s["present"],
                s["present"] / capacity if capacity else None,
            ],
            percent_from=7,
        )

    stats = stage_statistics(stage, session_id=options.session_id, category=options.category)
    summary = book.sheet(w["summary"], None, [44, 18, 12, 12, 14])
    info = stage.info
    summary.append([w["stage"], info.title], bold=True)
    summary.append([w["date"], _naive(info.date)])
    summary.append([w["venue"], ", ".join(p for p in (info.venue, info.city) if p)])
    summary.append([w["filters"], _filters_text(stage, options) or w["none"]])
    summary.append([w["generated"], datetime.now().replace(microsecond=0)])
    reg, present = stats["registered"], stats["checked_in"]
    columns_head = [w["registered"], w["present"], w["no_show"], w["share"]]
    summary.append([])
    summary.append(["", *columns_head], bold=True)
    summary.append(
        [w["total"], reg, present, reg - present, present / reg if reg else None],
        percent_from=4,
        bold=True,
    )
    for title, key, label in (
        (w["category_h"], "by_category", lambda k: category_label(k, lang)),
        (w["country_h"], "by_country", lambda k: _key_label(k, w)),
        (w["sector_h"], "by_sector", lambda k: _key_label(k, w)),
    ):
        summary.append([])
        summary.append([title, *columns_head], bold=True)
        for item in stats[key]:
            n, p = item["registered"], item["checked_in"]
            summary.append([label(item["key"]), n, p, n - p, p / n if n else None], percent_from=4)
    book.save(out)


_KIND_LABELS = {
    "en": {
        "plenary": "Plenary",
        "workshop": "Workshop",
        "b2b": "B2B meetings",
        "networking": "Networking",
        "other": "Other",
    },
    "it": {
        "plenary": "Plenaria",
        "workshop": "Workshop",
        "b2b": "Incontri B2B",
        "networking": "Networking",
        "other": "Altro",
    },
}


def session_kind_label(kind: str, lang: str = "en") -> str:
    return _KIND_LABELS.get(lang, _KIND_LABELS["en"]).get(kind or "", kind or "")


def _key_label(key: str, w: dict[str, str]) -> str:
    return w["not_given"] if key == UNKNOWN else key


def _naive(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value.astimezone().replace(tzinfo=None) if value.tzinfo else value


def _filters_text(stage: Stage, options: ExportOptions) -> str:
    w = words(options.lang)
    parts = []
    if options.session_id:
        name = next((s["name"] for s in stage.sessions() if s["id"] == options.session_id), "")
        parts.append(f"{w['session']}: {name}")
    if options.category:
        parts.append(f"{w['category']}: {category_label(options.category, options.lang)}")
    if options.checked_in_only and not options.session_id:
        parts.append(w["checked_in_only"])
    return " · ".join(parts)


# --- PDF -------------------------------------------------------------------------------------


def pdf_fonts() -> tuple[str, str]:
    """(regular, bold) names of the shipped fonts (embedded in the PDF; the badges' fonts)."""
    from desktop_app.core.text_shaping import fonts

    primary = fonts().primary
    return primary["regular"][0], primary["bold"][0]


def _visual(text: str) -> str:
    from desktop_app.core.text_shaping import visual

    return visual(text)


class _Pdf:
    """Draws straight onto a ReportLab canvas: thousands of rows stay fast (no layout engine)."""

    MARGIN_X = 36
    MARGIN_Y = 30
    HEADER_H = 62
    FOOTER_H = 22

    def __init__(self, stage: Stage, out: Path, options: ExportOptions) -> None:
        from reportlab.lib.pagesizes import A4, landscape
        from reportlab.pdfgen import canvas

        self.stage = stage
        self.options = options
        self.w = words(options.lang)
        self.font, self.bold = pdf_fonts()
        self.page_w, self.page_h = landscape(A4)
        self.canvas = canvas.Canvas(
            str(out),
            pagesize=(self.page_w, self.page_h),
            pageCompression=1,
            initialFontName=self.font,  # no Helvetica (never embedded) in the file
        )
        info = stage.info
        self.canvas.setTitle(f"{self.w['list']} — {info.title}")
        self.canvas.setAuthor("Roadshow Desk")
        self.canvas.setCreator("Roadshow Desk")
        self.page = 0
        self.pages = 0
        self.printed = datetime.now().strftime(
            "%d/%m/%Y %H:%M" if options.lang == "it" else "%d %b %Y %H:%M"
        )

    # text helpers
    def fit(self, text: str, font: str, size: float, width: float) -> str:
        """The text, cut with "…" to fit `width` in one font (chart labels)."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        if stringWidth(text, font, size) <= width:
            return text
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if stringWidth(text[:mid] + "…", font, size) <= width:
                lo = mid
            else:
                hi = mid - 1
        return text[:lo].rstrip() + "…"

    def shaped(self, text: str, style: str, size: float, width: float | None) -> Any:
        """The line as drawn (a font per character, right-to-left in visual order), cut with
        "…" at the end of what is read (logical order, so an Arabic name loses its end)."""
        from desktop_app.core.text_shaping import shape_line

        line = shape_line(text, style)
        if width is None or line.width * size <= width:
            return line
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if shape_line(text[:mid].rstrip() + "…", style).width * size <= width:
                lo = mid
            else:
                hi = mid - 1
        return shape_line(text[:lo].rstrip() + "…", style)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        bold: bool = False,
        width: float | None = None,
        align: str = "left",
    ) -> None:
        c = self.canvas
        line = self.shaped(text, "bold" if bold else "regular", size, width)
        if align == "right":
            x -= line.width * size
        elif align == "center":
            x -= line.width * size / 2
        for font, run in line.runs:
            c.setFont(font, size)
            c.drawString(x, y, run)
            x += c.stringWidth(run, font, size)

    def date_text(self) -> str:
        try:
            day = datetime.strptime(self.stage.info.date, "%Y-%m-%d")
        except ValueError:
            return self.stage.info.date
        return day.strftime("%d/%m/%Y" if self.options.lang == "it" else "%d %b %Y")

    def header(self, subtitle: str) -> float:
        """Stage title, date, venue and what this page shows. Returns the y below it."""
        c = self.canvas
        info = self.stage.info
        top = self.page_h - self.MARGIN_Y
        right = self.page_w - self.MARGIN_X
        self.text(self.MARGIN_X, top - 14, info.title, 15, bold=True, width=self.page_w * 0.55)
        where = " · ".join(p for p in (info.venue, info.city) if p)
        self.text(right, top - 12, self.date_text(), 11, bold=True, align="right")
        if where:
            self.text(right, top - 26, where, 9, align="right", width=self.page_w * 0.35)
        line = " · ".join(p for p in (info.theme, subtitle) if p)
        self.text(self.MARGIN_X, top - 32, line, 10, width=self.page_w * 0.6)
        filters = _filters_text(self.stage, self.options)
        if filters:
            self.text(self.MARGIN_X, top - 46, filters, 9, width=self.page_w * 0.6)
        c.setStrokeColorRGB(0.2, 0.3, 0.5)
        c.setLineWidth(1.2)
        c.line(self.MARGIN_X, top - self.HEADER_H + 8, right, top - self.HEADER_H + 8)
        return top - self.HEADER_H

    def footer(self) -> None:
        c = self.canvas
        y = self.MARGIN_Y - 12
        c.setFillColorRGB(0.35, 0.35, 0.35)
        self.text(
            self.MARGIN_X, y, f"Roadshow Desk · {self.w['printed'].format(when=self.printed)}", 8
        )
        self.text(
            self.page_w - self.MARGIN_X,
            y,
            self.w["page"].format(page=self.page, pages=self.pages),
            8,
            align="right",
        )
        c.setFillColorRGB(0, 0, 0)

    def new_page(self) -> None:
        if self.page:
            self.footer()
            self.canvas.showPage()
        self.page += 1

    def finish(self) -> None:
        self.footer()
        self.canvas.showPage()
        self.canvas.save()


def _layout(columns: tuple[str, ...], total: float) -> list[float]:
    weights = [_WIDTHS[c] for c in columns]
    # a row number column first
    unit = (total - 30) / sum(weights)
    return [30, *[wgt * unit for wgt in weights]]


def _pdf_cell(row: Row, key: str, w: dict[str, str], lang: str) -> str:
    if key == "checked_in":
        if not row.checked_in:
            return "—"
        return "✔ " + row.arrival.strftime("%H:%M") if row.arrival else "✔"
    if key == "first_arrival":
        return row.arrival.strftime("%d/%m %H:%M") if row.arrival else ""
    return _text(_value(row, key, w, lang))


def write_pdf(stage: Stage, rows: list[Row], out: Path, options: ExportOptions) -> None:
    pdf = _Pdf(stage, out, options)
    w = pdf.w
    lang = options.lang
    it = 1 if lang == "it" else 0
    columns = _columns(options, PDF_DEFAULT_COLUMNS)
    signing = "signature" in columns
    row_h = 24.0 if signing else 15.0
    size = 9.0
    usable_top = pdf.page_h - pdf.MARGIN_Y - pdf.HEADER_H - row_h  # below the column header
    usable_bottom = pdf.MARGIN_Y + pdf.FOOTER_H
    per_page = max(1, int((usable_top - usable_bottom) // row_h))
    n = len(rows)
    full, rem = divmod(n, per_page)
    list_pages = full + (1 if rem else 0)
    if n == 0 or rem == 0 or per_page - rem < 2:
        list_pages += 1  # the totals line needs its own room
    stats = stage_statistics(stage, session_id=options.session_id, category=options.category)
    pdf.pages = SUMMARY_PAGES + list_pages

    _summary_pages(pdf, stats)

    widths = _layout(columns, pdf.page_w - 2 * pdf.MARGIN_X)
    xs = [pdf.MARGIN_X]
    for width in widths[:-1]:
        xs.append(xs[-1] + width)
    heads = ["#", *[COLUMNS[c][it] for c in columns]]
    c = pdf.canvas
    present = sum(1 for r in rows if r.checked_in)
    subtitle = f"{w['list']} · {w['people'].format(n=f'{n:,}'.replace(',', '.' if it else ','))}"

    def page_start() -> float:
        pdf.new_page()
        y = pdf.header(subtitle)
        c.setFillColorRGB(0.88, 0.91, 0.96)
        c.rect(pdf.MARGIN_X, y - row_h + 4, pdf.page_w - 2 * pdf.MARGIN_X, row_h, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        for x, width, head in zip(xs, widths, heads, strict=True):
            pdf.text(x + 3, y - row_h + 9, head, size, bold=True, width=width - 6)
        return y - row_h

    index = 0
    y = page_start()
    for start in range(0, max(n, 1), CHUNK):
        for row in rows[start : start + CHUNK]:
            if index and index % per_page == 0:
                y = page_start()
            index += 1
            base = y - row_h + 4
            if index % 2 == 0:
                c.setFillColorRGB(0.96, 0.96, 0.96)
                c.rect(pdf.MARGIN_X, base, pdf.page_w - 2 * pdf.MARGIN_X, row_h, stroke=0, fill=1)
                c.setFillColorRGB(0, 0, 0)
            text_y = base + (row_h - size) / 2 + 1
            pdf.text(xs[0] + widths[0] - 4, text_y, str(index), size - 1, align="right")
            for x, width, key in zip(xs[1:], widths[1:], columns, strict=True):
                if key == "signature":
                    c.setStrokeColorRGB(0.6, 0.6, 0.6)
                    c.setLineWidth(0.5)
                    c.line(x + 4, base + 4, x + width - 6, base + 4)
                    continue
                value = _pdf_cell(row, key, w, lang)
                if value:
                    pdf.text(x + 3, text_y, value, size, width=width - 6)
            y -= row_h
    if index and (index % per_page == 0 or per_page - index % per_page < 2):
        y = page_start()
    line = w["total_line"].format(n=n, present=present, absent=n - present)
    c.setStrokeColorRGB(0.2, 0.3, 0.5)
    c.line(pdf.MARGIN_X, y - 2, pdf.page_w - pdf.MARGIN_X, y - 2)
    pdf.text(pdf.MARGIN_X, y - row_h + 2, line, 10, bold=True)
    pdf.finish()


CHUNK = 2000
SUMMARY_PAGES = 2
_BLUE = (0.16, 0.33, 0.60)
_GREY = (0.75, 0.78, 0.84)


def _summary_pages(pdf: _Pdf, stats: dict[str, Any]) -> None:
    """Page 1: totals, categories, sessions, arrivals. Page 2: countries and sectors."""
    w = pdf.w
    lang = pdf.options.lang
    c = pdf.canvas
    left = pdf.MARGIN_X
    inner_w = pdf.page_w - 2 * pdf.MARGIN_X

    pdf.new_page()
    y = pdf.header(w["summary"])
    reg, present = stats["registered"], stats["checked_in"]
    boxes = [
        (w["registered"], f"{reg}", ""),
        (w["present"], f"{present}", f"{present / reg:.0%}" if reg else ""),
        (w["no_show"], f"{reg - present}", f"{(reg - present) / reg:.0%}" if reg else ""),
    ]
    session = next((s for s in stats["sessions"] if s["id"] == stats["session_id"]), None)
    if session is not None:  # a session has no registrations of its own: seats instead
        cap = session["capacity"]
        boxes = [
            (w["session_present"], f"{present}", ""),
            (w["capacity"], f"{cap}" if cap is not None else "—", ""),
            (w["fill"], f"{present / cap:.0%}" if cap else "—", ""),
        ]
    box_w = (inner_w - 2 * 12) / 3
    for i, (label, number, share) in enumerate(boxes):
        x = left + i * (box_w + 12)
        c.setFillColorRGB(0.93, 0.95, 0.98)
        c.roundRect(x, y - 58, box_w, 52, 6, stroke=0, fill=1)
        c.setFillColorRGB(0.25, 0.25, 0.25)
        pdf.text(x + 12, y - 22, label, 10)
        c.setFillColorRGB(*_BLUE)
        pdf.text(x + 12, y - 48, number, 22, bold=True)
        if share:
            c.setFillColorRGB(0.25, 0.25, 0.25)
            pdf.text(x + box_w - 12, y - 46, share, 13, align="right")
        c.setFillColorRGB(0, 0, 0)
    y -= 76
    half = (inner_w - 24) / 2
    # left: categories table, then sessions
    table_y = _table(
        pdf,
        left,
        y,
        half,
        [w["category_h"], w["registered"], w["present"], w["share"]],
        [
            [
                category_label(i["key"], lang),
                i["registered"],
                i["checked_in"],
                f"{i['checked_in'] / i['registered']:.0%}" if i["registered"] else "",
            ]
            for i in stats["by_category"]
        ],
        [0.46, 0.18, 0.18, 0.18],
    )
    sessions = stats["sessions"]
    if sessions:
        rows = []
        for s in sessions[:8]:
            when = (s["starts_at"] or "")[11:16]
            if s["ends_at"]:
                when += "–" + s["ends_at"][11:16]
            cap = (
                f"{s['present']} / {s['capacity']}"
                if s["capacity"] is not None
                else f"{s['present']}"
            )
            rows.append([s["name"], s["room"], when, cap])
        table_y = _table(
            pdf,
            left,
            table_y - 18,
            half,
            [w["sessions"], w["room"], w["time"], w["present"]],
            rows,
            [0.5, 0.2, 0.17, 0.13],
        )
    desks = stats["desks"][:6]
    if desks and table_y > pdf.MARGIN_Y + pdf.FOOTER_H + 18 + 15 * (len(desks) + 1):
        _table(
            pdf,
            left,
            table_y - 18,
            half,
            [w["desk_h"], w["present"]],
            [[d["desk"] or "?", d["checked_in"]] for d in desks],
            [0.7, 0.3],
        )
    # right: arrivals per 15 minutes
    _arrivals_chart(
        pdf,
        left + half + 24,
        pdf.MARGIN_Y + pdf.FOOTER_H + 6,
        half,
        y - pdf.MARGIN_Y - pdf.FOOTER_H - 6,
        stats["arrivals"],
        stats["arrivals_other_days"],
    )

    pdf.new_page()
    y = pdf.header(w["summary"])
    bottom = pdf.MARGIN_Y + pdf.FOOTER_H + 6
    _bars_chart(pdf, left, bottom, half, y - bottom, w["by_country"], stats["by_country"])
    _bars_chart(pdf, left + half + 24, bottom, half, y - bottom, w["by_sector"], stats["by_sector"])


def _table(
    pdf: _Pdf,
    x: float,
    y: float,
    width: float,
    head: list[str],
    rows: list[list[Any]],
    shares: list[float],
) -> float:
    c = pdf.canvas
    row_h = 15
    widths = [s * width for s in shares]
    c.setFillColorRGB(0.88, 0.91, 0.96)
    c.rect(x, y - row_h, width, row_h, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)

    def draw(values: list[Any], top: float, bold: bool) -> None:
        cx = x
        for i, (value, cw) in enumerate(zip(values, widths, strict=True)):
            text = str(value)
            if i == 0:
                pdf.text(cx + 3, top - 11, text, 9, bold=bold, width=cw - 6)
            else:
                pdf.text(cx + cw - 4, top - 11, text, 9, bold=bold, align="right")
            cx += cw

    draw(head, y, True)
    y -= row_h
    for row in rows:
        draw(row, y, False)
        c.setStrokeColorRGB(0.85, 0.85, 0.85)
        c.setLineWidth(0.4)
        c.line(x, y - row_h, x + width, y - row_h)
        y -= row_h
    return y


def _chart_title(pdf: _Pdf, x: float, y: float, text: str) -> None:
    pdf.canvas.setFillColorRGB(0, 0, 0)
    pdf.text(x, y, text, 11, bold=True)


def _arrivals_chart(
    pdf: _Pdf,
    x: float,
    y: float,
    width: float,
    height: float,
    buckets: list[dict[str, Any]],
    other_days: int = 0,
) -> None:
    """Arrivals per quarter hour of the day shown, then one bar for the people present who
    checked in on other days (stated in words too): the bars add up to the people present."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    _chart_title(pdf, x, y + height - 12, pdf.w["arrivals"])
    if not buckets and not other_days:
        pdf.text(x + width / 2, y + height / 2, pdf.w["no_data"], 10, align="center")
        return
    labels = [b["label"] for b in buckets]
    counts = [b["count"] for b in buckets]
    if other_days:
        labels.append(pdf.w["other_days"])
        counts.append(other_days)
        stated = f"{pdf.w['other_days']}: {other_days}"
        pdf.text(x + width, y + height - 12, stated, 9, align="right")
    while len(labels) < 8:  # a few buckets would make a few very wide bars
        labels.append("")
        counts.append(0)
    drawing = Drawing(width, height - 20)
    drawing.initialFontName = pdf.font  # not Helvetica, which is never embedded
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 40
    chart.width, chart.height = width - 44, height - 80
    chart.data = [counts]
    step = max(1, math.ceil(len(labels) / 16))
    chart.categoryAxis.categoryNames = [t if i % step == 0 else "" for i, t in enumerate(labels)]
    chart.categoryAxis.labels.angle = 45
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.categoryAxis.labels.fontName = pdf.font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = pdf.font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.88, 0.88, 0.88)
    top = max(counts)
    chart.valueAxis.valueMax = _nice_max(top)
    chart.valueAxis.valueStep = _nice_max(top) / 5
    chart.bars[0].fillColor = colors.Color(*_BLUE)
    chart.bars[0].strokeColor = None
    chart.barSpacing = 1
    drawing.add(chart)
    renderPDF.draw(drawing, pdf.canvas, x, y)


def _nice_max(value: float) -> float:
    if value <= 5:
        return 5
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def _bars_chart(
    pdf: _Pdf,
    x: float,
    y: float,
    width: float,
    height: float,
    title: str,
    items: list[dict[str, Any]],
) -> None:
    """Horizontal bars: checked in (dark) over registered (light), top 14 then 'Others'."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.lib import colors

    _chart_title(pdf, x, y + height - 12, title)
    if not items:
        pdf.text(x + width / 2, y + height / 2, pdf.w["no_data"], 10, align="center")
        return
    limit = 14
    shown = items[:limit]
    rest = items[limit:]
    if rest:
        shown = [
            *shown,
            {
                "key": pdf.w["others"],
                "registered": sum(i["registered"] for i in rest),
                "checked_in": sum(i["checked_in"] for i in rest),
            },
        ]
    shown = list(reversed(shown))  # the biggest at the top
    label_w = min(150.0, width * 0.38)
    drawing = Drawing(width, height - 20)
    drawing.initialFontName = pdf.font  # not Helvetica, which is never embedded
    chart = HorizontalBarChart()
    chart.x, chart.y = label_w, 34
    chart.width, chart.height = width - label_w - 30, height - 80
    chart.data = [[i["registered"] for i in shown], [i["checked_in"] for i in shown]]
    chart.categoryAxis.categoryNames = [
        pdf.fit(_visual(_key_label(str(i["key"]), pdf.w)), pdf.font, 8, label_w - 8) for i in shown
    ]
    chart.categoryAxis.labels.fontName = pdf.font
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    top = max(i["registered"] for i in shown)
    chart.valueAxis.valueMax = _nice_max(top)
    chart.valueAxis.valueStep = _nice_max(top) / 5
    chart.valueAxis.labels.fontName = pdf.font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.88, 0.88, 0.88)
    chart.bars[0].fillColor = colors.Color(*_GREY)
    chart.bars[1].fillColor = colors.Color(*_BLUE)
    chart.bars.strokeColor = None
    chart.groupSpacing = 4
    chart.barSpacing = 0
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = pdf.font
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    # legend
    ly = 8
    for i, (label, color) in enumerate(((pdf.w["registered"], _GREY), (pdf.w["present"], _BLUE))):
        lx = label_w + i * 90
        drawing.add(Rect(lx, ly, 9, 9, fillColor=colors.Color(*color), strokeColor=None))
        drawing.add(String(lx + 13, ly + 1, label, fontName=pdf.font, fontSize=8))
    renderPDF.draw(drawing, pdf.canvas, x, y)
