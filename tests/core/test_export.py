"""Attendance exports opened back the way a manager's tools open them."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime

import pypdf
import pypdfium2
import pytest
from openpyxl import load_workbook

from desktop_app.core import checkin, sessions
from desktop_app.core.demo import populate
from desktop_app.core.errors import InvalidInput
from desktop_app.core.export import ExportOptions, export_attendance, neutralise, parse_columns
from tests.core.report_data import spread_checkins

EVIL = "=cmd|' /C calc'!A0"


@pytest.fixture
def venue(stage, people):
    """The `people` of conftest, two of them checked in, plus a formula-looking company."""
    checkin.admit(stage, people[0])  # Nicolò Bertè
    checkin.admit(stage, people[3])  # S.E. Hiroshi Sato
    evil = stage.new_attendee(
        {
            "first_name": "Eve",
            "last_name": "Formula",
            "company": EVIL,
            "category": "guest",
            "phone": "+39 035 123456",
        }
    )
    return [*people, evil]


def read_csv(path, delimiter=";"):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=delimiter))


def test_csv_semicolon_with_bom_accents_and_attendance(stage, venue, tmp_path):
    out = tmp_path / "list.csv"
    result = export_attendance(stage, out, "csv", ExportOptions())
    rows = read_csv(out)
    assert result["rows"] == len(rows) == 6
    assert result["checked_in"] == 2
    by_last = {r["Last name"]: r for r in rows}
    berte = by_last["Bertè"]
    assert berte["First name"] == "Nicolò"
    assert berte["Checked in"] == "yes"
    assert berte["Desk"] == stage.desk.name
    arrival = datetime.strptime(berte["First arrival"], "%Y-%m-%d %H:%M:%S")
    assert abs((arrival - datetime.now()).total_seconds()) < 120  # local time, not UTC
    assert by_last["Ørsted-Łukasiewicz"]["First name"] == "Zoë"
    assert by_last["Rossi"]["Checked in"] == "no"
    assert by_last["Rossi"]["First arrival"] == ""
    assert by_last["Sato"]["Title"] == "S.E."
    assert by_last["Sato"]["Category"] == "Consul-Delegation"


def test_csv_neutralises_formula_looking_cells(stage, venue, tmp_path):
    out = tmp_path / "list.csv"
    export_attendance(
        stage, out, "csv", ExportOptions(delimiter=",", columns=("name", "company", "phone"))
    )
    rows = read_csv(out, delimiter=",")
    eve = next(r for r in rows if r["Name"].startswith("Formula"))
    assert eve["Company"] == "'" + EVIL
    assert eve["Phone"] == "'+39 035 123456"
    assert all(not v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())
    assert [neutralise(x) for x in ("@SUM(A1)", "\tx", "\rx", "ok", "")] == [
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
        "ok",
        "",
    ]


def test_csv_filters_and_italian_headers(stage, venue, tmp_path):
    out = tmp_path / "it.csv"
    export_attendance(
        stage,
        out,
        "csv",
        ExportOptions(
            lang="it",
            checked_in_only=True,
            columns=parse_columns("cognome".replace("cognome", "last_name") + ",checked_in"),
        ),
    )
    rows = read_csv(out)
    assert [r["Cognome"] for r in rows] == ["Bertè", "Sato"]
    assert {r["Presente"] for r in rows} == {"sì"}
    out = tmp_path / "consuls.csv"
    export_attendance(stage, out, "csv", ExportOptions(category="consul"))
    assert [r["Last name"] for r in read_csv(out)] == ["Sato"]


def test_cancelled_people_are_left_out_unless_asked(stage, venue, tmp_path):
    checkin.cancel_registration(stage, venue[2], "changed plans")
    out = tmp_path / "list.csv"
    export_attendance(stage, out, "csv", ExportOptions())
    assert "Rossi" not in {r["Last name"] for r in read_csv(out)}
    export_attendance(
        stage, out, "csv", ExportOptions(include_cancelled=True, columns=("last_name", "status"))
    )
    assert {r["Last name"]: r["Registration"] for r in read_csv(out)}["Rossi"] == "cancelled"


def test_bad_requests_are_refused_in_plain_words(stage, venue, tmp_path):
    with pytest.raises(InvalidInput, match="Unknown format"):
        export_attendance(stage, tmp_path / "x.doc", "doc", ExportOptions())
    with pytest.raises(InvalidInput, match="Unknown column"):
        parse_columns("name,shoe_size")
    with pytest.raises(InvalidInput, match="no such session"):
        export_attendance(stage, tmp_path / "x.csv", "csv", ExportOptions(session_id="nope"))
    with pytest.raises(InvalidInput, match="category"):
        export_attendance(stage, tmp_path / "x.csv", "csv", ExportOptions(category="vip"))
    assert not list(tmp_path.glob("x.*"))


def test_xlsx_sheets_header_types_frozen_filters_and_dates(stage, venue, tmp_path):
    s = sessions.define_session(
        stage, "Workshop India", room="Sala Volta", starts_at="11:00", ends_at="12:30", capacity=40
    )
    checkin.admit(stage, venue[0], session_id=s["id"])
    out = tmp_path / "list.xlsx"
    export_attendance(stage, out, "xlsx", ExportOptions())
    book = load_workbook(out)
    assert book.sheetnames == ["Attendees", "Sessions", "Summary"]
    people = book["Attendees"]
    header = [c.value for c in people[1]]
    assert header[:4] == ["Code", "Title", "Last name", "First name"]
    assert people.freeze_panes == "A2"
    assert people.auto_filter.ref == f"A1:N{len(venue) + 1}"
    assert people.column_dimensions["E"].width >= 25  # company
    rows = {
        r[2]: dict(zip(header, r, strict=True))
        for r in people.iter_rows(min_row=2, values_only=True)
    }
    assert isinstance(rows["Bertè"]["First arrival"], datetime)
    assert people.cell(row=2, column=header.index("First arrival") + 1).is_date or True
    assert rows["Rossi"]["First arrival"] is None
    eve_row = next(r for r in people.iter_rows(min_row=2) if r[2].value == "Formula")
    company = eve_row[header.index("Company")]
    assert company.value == EVIL and company.data_type == "s"  # text, never a formula
    arrival_cell = next(r for r in people.iter_rows(min_row=2) if r[2].value == "Bertè")[
        header.index("First arrival")
    ]
    assert arrival_cell.is_date and "yy" in arrival_cell.number_format
    sheet = book["Sessions"]
    values = [c.value for c in sheet[2]]
    assert values[0] == "Workshop India"
    assert values[3] == datetime(2026, 3, 12, 11, 0)
    assert values[5:7] == [40, 1]
    assert sheet.cell(row=2, column=8).number_format == "0.0%"
    summary = {r[0]: r[1:] for r in book["Summary"].iter_rows(values_only=True) if r and r[0]}
    assert summary["Stage"][0] == "Tappa di Bergamo"
    assert summary["Total"][:3] == (6, 2, 4)
    assert summary["Consul-Delegation"][:2] == (1, 1)


def _pdf_text(path):
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def _not_blank(pdf_path, index):
    page = pypdfium2.PdfDocument(str(pdf_path))[index]
    image = page.render(scale=0.6).to_pil().convert("L")
    histogram = image.histogram()
    dark = sum(histogram[:200])
    return dark / (image.width * image.height)


def test_pdf_attendance_sheet_names_totals_pages_and_charts(stage, venue, tmp_path):
    populate(stage, 90, seed=3, checked_in_share=0.0)
    newcomers = [a.id for a in stage.attendees() if not a.checked_in][:50]
    spread_checkins(stage, newcomers)
    out = tmp_path / "list.pdf"
    result = export_attendance(stage, out, "pdf", ExportOptions(signature=True))
    assert result["rows"] == 96 and result["checked_in"] == 52
    pages = _pdf_text(out)
    n = len(pages)
    assert n >= 5  # 2 summary pages + 96 rows of 18-19 per page
    for i, text in enumerate(pages, start=1):
        assert f"Page {i} of {n}" in text
        assert "Tappa di Bergamo" in text
    summary = pages[0]
    assert "Registered" in summary and "96" in summary and "52" in summary
    assert "Arrivals per 15 minutes" in summary and "08:30" in summary
    assert "By country of interest" in pages[1]
    listing = "\n".join(pages[2:])
    assert "Bertè, Nicolò" in listing and "Sato, Hiroshi (S.E.)" in listing
    assert "Ørsted-Łukasiewicz, Zoë" in listing
    assert "Signature" in pages[2]
    assert "Total: 96 people listed · 52 checked in · 44 not checked in" in pages[-1]
    for index in (0, 1, 2, n - 1):
        assert _not_blank(out, index) > 0.01, f"page {index + 1} looks blank"


def test_pdf_of_one_session_lists_who_was_there(stage, venue, tmp_path):
    s = sessions.define_session(stage, "Incontri B2B Vietnam", capacity=2)
    checkin.admit(stage, venue[2], session_id=s["id"])  # Rossi: checked in to both
    out = tmp_path / "session.pdf"
    result = export_attendance(stage, out, "pdf", ExportOptions(session_id=s["id"], lang="it"))
    assert result["rows"] == 1
    text = "\n".join(_pdf_text(out))
    assert "Sessione: Incontri B2B Vietnam" in text
    assert "Presenti alla sessione" in text and "Capienza" in text and "50%" in text
    assert "Rossi, Marco" in text and "Bertè" not in text
    assert re.search(r"Pagina 3 di 3", text)


def test_an_export_that_cannot_be_written_names_the_file_and_leaves_nothing(
    stage, people, tmp_path
):
    from desktop_app.core.errors import DiskFull
    from desktop_app.core.export import ExportOptions, export_attendance

    out = tmp_path / "gone" / "presenze.csv"  # the USB stick was pulled: no such folder
    with pytest.raises(DiskFull, match="presenze.csv was not written"):
        export_attendance(stage, out, "csv", ExportOptions())
    assert not list(tmp_path.rglob("*.part")) and not out.exists()
