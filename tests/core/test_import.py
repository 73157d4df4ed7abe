"""Import of registration lists: dialects, encodings, XLSX, re-import, bad input, the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import json
import time
from pathlib import Path

import openpyxl
import pytest

from desktop_app.cli import main
from desktop_app.core import paths
from desktop_app.core.errors import ImportFailed
from desktop_app.core.importer import (
    category_of,
    guess_mapping,
    import_file,
    read_table,
    split_full_name,
)
from desktop_app.core.store import Stage

DEMO = paths.resource("demo")


def write_csv(path: Path, rows, *, delimiter=",", encoding="utf-8", newline="\r\n") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return path


def write_xlsx(path: Path, rows, *, sheets=None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for extra_title, extra_rows in sheets or []:
        ws.title = extra_title
        for r in extra_rows:
            ws.append(r)
        ws = wb.create_sheet("Iscritti")
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def by_last_name(stage: Stage) -> dict[str, object]:
    return {a.last_name: a for a in stage.attendees()}


BASIC = [
    ["Nome", "Cognome", "Azienda", "Email", "Categoria", "Codice biglietto"],
    ["Nicolò", "Bertè", "Officine Bergamasche", "n.berte@example.test", "Impresa", "IT-1"],
    ["Anna", "Bertelli", "Brembo", "anna@example.test", "Relatore", "IT-2"],
    ["Hiroshi", "Sato", "Consolato del Giappone", "", "Console", "IT-3"],
]


# --- header dialects ------------------------------------------------------------------------


def test_italian_excel_csv_semicolon_cp1252(stage):
    report = import_file(stage, DEMO / "iscritti_excel_it.csv")
    assert report.ok, report.summary()
    assert (report.encoding, report.delimiter, report.format) == ("cp1252", ";", "csv")
    assert report.created == 8
    people = by_last_name(stage)
    berte = people["Bertè"]
    assert (berte.title, berte.first_name, berte.category) == ("Dott.", "Nicolò", "company")
    assert berte.vat == "01234567890"  # the leading zero survives in text
    assert berte.external_codes == ["IT-0001"]
    assert berte.countries == "Brasile; India"
    assert people["Sato"].title == "S.E." and people["Sato"].category == "consul"
    assert people["De Luca"].first_name == "Maria Grazia"
    assert people["De Luca"].category == "speaker"
    assert people["Ferrari"].category == "press"
    assert people["Brambilla"].category == "staff"
    assert people["D'Angelo"].category == "guest"
    assert "ingresso B" in people["Locatelli"].notes  # the en dash came through cp1252
    # Found by a scanner reading the registration system's barcode, and by name.
    assert stage.attendee_by_external_code("it-0003").last_name == "Sato"
    assert stage.search("berte")[0].last_name == "Bertè"


def test_eventbrite_export(stage):
    report = import_file(stage, DEMO / "eventbrite_attendees.csv")
    assert report.ok and report.created == 5
    assert report.mapping["external_codes"] == "Barcode #"  # not the shared "Order #"
    assert report.mapping["role"] == "Job Title"
    assert report.mapping["order_code"] == "Order #"  # an order, searchable, not a ticket
    people = by_last_name(stage)
    assert people["Müller"].category == "company"  # "Company delegate"
    assert people["O'Connor"].category == "speaker"
    assert people["Văn An"].category == "consul"  # "Consulate delegation"
    assert people["Zhang"].category == "guest"  # "General Admission"
    assert people["Müller"].order_code == "1234567001"
    assert people["Müller"].external_codes == ["223456700112345678001"]


def test_pretix_xlsx(stage):
    report = import_file(stage, DEMO / "pretix_attendees.xlsx")
    assert report.ok and report.created == 4
    assert (report.format, report.sheet) == ("xlsx", "Attendees")
    people = by_last_name(stage)
    rinaldi = people["Rinaldi"]
    assert (rinaldi.title, rinaldi.first_name) == ("Dott.", "Elena")
    assert rinaldi.email == "e.rinaldi@example.test"
    assert rinaldi.phone == "3391234567"  # not 3.39e+09
    assert rinaldi.vat == "04567890123"  # Excel dropped the leading zero of a number
    assert rinaldi.category == "company"  # "Biglietto Impresa"
    assert rinaldi.extra["Order date"] == "2026-02-01 09:30"
    assert people["Moretti"].extra["Order date"] == "2026-02-03"
    assert people["Moretti"].category == "speaker"
    assert rinaldi.external_codes == ["K7P2MQZ9X4TY8WBN3RC5SDFG6HJ"]


def test_google_forms_full_name_column(stage):
    report = import_file(stage, DEMO / "google_forms_risposte.csv")
    assert report.ok and report.created == 4
    assert report.mapping["full_name"] == "Nome e cognome"
    assert report.mapping["email"] == "Indirizzo email"
    assert report.mapping["category"] == "Tipo di partecipante"
    assert report.mapping["privacy_consent"].startswith("Acconsento")
    people = by_last_name(stage)
    assert people["Greco"].title == "Dott." and people["Greco"].first_name == "Davide"
    assert people["Della Valle"].first_name == "Lorenzo"
    assert people["Ricci"].countries == "India; Emirati Arabi Uniti"
    assert people["Ricci"].extra["Informazioni cronologiche"] == "12/02/2026 10.15.22"
    assert people["Marino"].category == "guest"


@pytest.mark.parametrize(
    "headers, expected",
    [
        (["NOME", "cognome"], {"first_name": "NOME", "last_name": "cognome"}),
        (["First Name", "Last Name", "E-Mail"], {"first_name": "First Name", "email": "E-Mail"}),
        (["Ragione Sociale", "P.IVA", "Qualifica"], {"company": "Ragione Sociale", "vat": "P.IVA"}),
        (["Titolo", "Nome:", "Cognome *"], {"title": "Titolo", "first_name": "Nome:"}),
        (["Paese d'interesse", "Settore"], {"sector": "Settore"}),
        (["Prefix", "Given Name", "Family Name"], {"title": "Prefix", "last_name": "Family Name"}),
        (["Tipo biglietto", "Ticket code"], {"category": "Tipo biglietto"}),
        (["Full name", "Organizzazione"], {"full_name": "Full name", "company": "Organizzazione"}),
        (["Cognome e nome"], {"full_name_last_first": "Cognome e nome"}),
        (["Telefono cellulare (lavoro)"], {"phone": "Telefono cellulare (lavoro)"}),
        (["Nome", "E-mail aziendale", "Email"], {"email": "Email"}),
        (["E-mail aziendale", "Nome referente"], {"email": "E-mail aziendale"}),
    ],
)
def test_guess_mapping_is_case_accent_and_punctuation_insensitive(headers, expected):
    guessed = guess_mapping(headers)
    for name, header in expected.items():
        assert guessed[name] == header


def test_name_column_next_to_first_and_last_is_not_a_full_name():
    guessed = guess_mapping(["Name", "First Name", "Last Name"])
    assert "full_name" not in guessed and guessed["first_name"] == "First Name"


@pytest.mark.parametrize(
    "label, category",
    [
        ("Impresa", "company"),
        ("Biglietto imprese associate", "company"),
        ("Consolato Generale", "consul"),
        ("Delegazione estera", "consul"),
        ("Relatore", "speaker"),
        ("Speaker", "speaker"),
        ("STAFF", "staff"),
        ("Organizzazione", "staff"),
        ("Stampa", "press"),
        ("Press", "press"),
        ("Ospite", "guest"),
        ("guest", "guest"),
        ("VIP Platinum", None),
    ],
)
def test_category_labels(label, category):
    assert category_of(label) == category


@pytest.mark.parametrize(
    "text, family_first, expected",
    [
        ("Mario Rossi", False, ("", "Mario", "Rossi")),
        ("Maria Grazia De Luca", False, ("", "Maria Grazia", "De Luca")),
        ("Rossi, Mario", False, ("", "Mario", "Rossi")),
        ("S.E. Hiroshi Sato", False, ("S.E.", "Hiroshi", "Sato")),
        ("Dott.ssa Anna Maria Della Valle", False, ("Dott.ssa", "Anna Maria", "Della Valle")),
        ("Madonna", False, ("", "Madonna", "")),
        ("王小明", False, ("", "小明", "王")),
        ("De Luca Maria", True, ("", "Maria", "De Luca")),
    ],
)
def test_split_full_name(text, family_first, expected):
    assert split_full_name(text, family_first=family_first) == expected


def test_unknown_category_label_is_guest_with_a_warning(stage, tmp_path):
    rows = [
        ["Nome", "Cognome", "Ticket Type"],
        ["A", "Uno", "VIP Platinum"],
        ["B", "Due", "VIP Platinum"],
    ]
    report = import_file(stage, write_csv(tmp_path / "l.csv", rows))
    assert report.ok and report.created == 2
    assert {a.category for a in stage.attendees()} == {"guest"}
    assert len(report.warnings) == 1
    warning = report.warnings[0]
    assert (warning.row, warning.column) == (2, "Ticket Type")
    assert "VIP Platinum" in warning.message and "2 people" in warning.message


def test_unknown_columns_are_kept_as_extra_and_headers_above_are_skipped(stage, tmp_path):
    rows = [
        ["Tappa di Bergamo - elenco iscritti", "", ""],
        ["", "", ""],
        ["Nome", "Cognome", "Esigenze alimentari", ""],
        ["Marco", "Rossi", "vegetariano", ""],
        ["Giulia", "Colombo", "", ""],
    ]
    report = import_file(stage, write_csv(tmp_path / "l.csv", rows))
    assert report.ok and report.created == 2
    assert report.extra_columns == ["Esigenze alimentari"]
    people = by_last_name(stage)
    assert people["Rossi"].extra == {"Esigenze alimentari": "vegetariano"}
    assert people["Colombo"].extra == {}


# --- encodings and separators -----------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding, delimiter",
    [("utf-8", ","), ("utf-8-sig", ";"), ("cp1252", ";"), ("utf-8", "\t"), ("utf-16", "\t")],
)
def test_encodings_and_separators(stage, tmp_path, encoding, delimiter):
    path = write_csv(tmp_path / "l.csv", BASIC, delimiter=delimiter, encoding=encoding)
    report = import_file(stage, path)
    assert report.ok, report.summary()
    assert report.delimiter == delimiter
    assert by_last_name(stage)["Bertè"].first_name == "Nicolò"
    headers, rows = read_table(path)
    assert headers[0] == "Nome" and rows[0][:2] == ["Nicolò", "Bertè"]


def test_excel_sep_line_and_quoted_multiline_cells(stage, tmp_path):
    path = tmp_path / "l.csv"
    path.write_text(
        'sep=;\r\nNome;Cognome;Note\r\nMarco;Rossi;"prima riga\r\nseconda; riga"\r\nAnna;Bianchi;x\r\n',
        encoding="utf-8",
    )
    report = import_file(stage, path)
    assert report.ok and report.created == 2
    assert by_last_name(stage)["Rossi"].notes == "prima riga seconda; riga"


def test_row_numbers_count_records_like_excel(stage, tmp_path):
    path = tmp_path / "l.csv"
    path.write_text(
        'Nome,Cognome,Email\nMarco,Rossi,"m@example.test"\nAnna,"Bianchi\nsu due righe",bad\n'
    )
    report = import_file(stage, path)
    assert not report.ok
    assert [(p.row, p.column) for p in report.problems] == [(3, "Email")]


# --- explicit mapping ------------------------------------------------------------------------


def test_explicit_mapping_wins(stage, tmp_path):
    rows = [
        ["Nome", "Cognome", "Colonna X", "Posta"],
        ["Marco", "Rossi", "ACME S.p.A.", "m.rossi@example.test"],
    ]
    path = write_csv(tmp_path / "l.csv", rows)
    report = import_file(stage, path, mapping={"company": "colonna x", "email": "Posta"})
    assert report.ok
    assert report.mapping["company"] == "Colonna X"
    rossi = by_last_name(stage)["Rossi"]
    assert (rossi.company, rossi.email) == ("ACME S.p.A.", "m.rossi@example.test")


def test_explicit_mapping_of_names_replaces_the_guess(stage, tmp_path):
    rows = [["Nome", "Cognome", "Referente"], ["Team", "Alpha", "Luisa Verdi"]]
    path = write_csv(tmp_path / "l.csv", rows)
    report = import_file(stage, path, mapping={"full_name": "Referente"})
    assert report.ok
    (person,) = stage.attendees()
    assert (person.first_name, person.last_name) == ("Luisa", "Verdi")
    assert set(report.extra_columns) == {"Nome", "Cognome"}


def test_explicit_mapping_errors_are_clear(stage, tmp_path):
    path = write_csv(tmp_path / "l.csv", BASIC)
    with pytest.raises(ImportFailed, match="no column 'Telefono'.*Columns found: Nome, Cognome"):
        import_file(stage, path, mapping={"phone": "Telefono"})
    with pytest.raises(ImportFailed, match="'shoe_size' is not a field"):
        import_file(stage, path, mapping={"shoe_size": "Nome"})
    assert stage.attendees() == []


# --- re-import, duplicates ------------------------------------------------------------------


def test_reimport_updates_only_what_changed(stage, tmp_path):
    path = write_csv(tmp_path / "l.csv", BASIC)
    assert import_file(stage, path).created == 3
    events_before = stage.event_count()
    again = import_file(stage, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert stage.event_count() == events_before  # unchanged people write nothing

    changed = [row[:] for row in BASIC]
    changed[2][2] = "Brembo S.p.A."  # Anna changed company
    changed[3][3] = "consolato.jp@example.test"  # Sato got an e-mail
    changed.append(["Luca", "Ferrari", "", "l.ferrari@example.test", "Stampa", "IT-4"])
    report = import_file(stage, write_csv(tmp_path / "l2.csv", changed))
    assert (report.created, report.updated, report.unchanged) == (1, 2, 1)
    assert len(stage.attendees()) == 4
    people = by_last_name(stage)
    assert people["Bertelli"].company == "Brembo S.p.A."
    assert people["Sato"].email == "consolato.jp@example.test"
    new_events = [e for e in stage.events() if e.attendee_id == people["Bertelli"].id]
    assert new_events[-1].payload == {
        "code": people["Bertelli"].code,
        "fields": {"company": "Brembo S.p.A."},
    }


def test_reimport_matches_by_ticket_code_even_when_the_email_changed(stage, tmp_path):
    import_file(stage, write_csv(tmp_path / "a.csv", BASIC))
    rows = [row[:] for row in BASIC]
    rows[1][3] = "nicolo.berte@example.test"
    rows[1].append("")
    rows[0].append("Dieta")
    rows[2].append("vegana")
    rows[3].append("")
    report = import_file(stage, write_csv(tmp_path / "b.csv", rows))
    assert (report.created, report.updated, report.unchanged) == (0, 2, 1)
    people = by_last_name(stage)
    assert people["Bertè"].email == "nicolo.berte@example.test"
    assert people["Bertelli"].extra == {"Dieta": "vegana"}
    assert people["Bertè"].external_codes == ["IT-1"]


def test_reimport_matches_by_email_when_there_is_no_code(stage, tmp_path):
    rows = [["Nome", "Cognome", "Email", "Ruolo"], ["Marco", "Rossi", "m@example.test", "CEO"]]
    import_file(stage, write_csv(tmp_path / "a.csv", rows))
    rows = [["Nome", "Cognome", "Email", "Ruolo"], ["Marco", "Rossi", "M@Example.test", "CFO"]]
    report = import_file(stage, write_csv(tmp_path / "b.csv", rows))
    assert (report.created, report.updated) == (0, 1)
    (person,) = stage.attendees()
    assert person.role == "CFO"


def test_reimport_keeps_walk_in_edits_that_the_file_leaves_empty(stage, tmp_path):
    path = write_csv(tmp_path / "l.csv", BASIC)
    import_file(stage, path)
    sato = by_last_name(stage)["Sato"]
    stage.record("attendee_upserted", sato.id, {"code": sato.code, "fields": {"phone": "+39 02 1"}})
    report = import_file(stage, path)
    assert report.unchanged == 3
    assert by_last_name(stage)["Sato"].phone == "+39 02 1"


def test_colleagues_sharing_an_email_are_different_people(stage, tmp_path):
    rows = [
        ["Nome", "Cognome", "Email"],
        ["Marco", "Rossi", "segreteria@example.test"],
        ["Giulia", "Colombo", "segreteria@example.test"],
    ]
    report = import_file(stage, write_csv(tmp_path / "l.csv", rows))
    assert report.created == 2
    again = import_file(stage, write_csv(tmp_path / "l.csv", rows))
    assert (again.created, again.unchanged) == (0, 2)


def test_exact_duplicate_rows_are_merged_with_a_warning(stage, tmp_path):
    rows = [*BASIC, BASIC[1], BASIC[2], BASIC[1]]
    report = import_file(stage, write_csv(tmp_path / "l.csv", rows))
    assert report.ok
    assert (report.created, report.duplicates_merged) == (3, 3)
    assert [(w.row, w.message) for w in report.warnings][0] == (
        5,
        "the same as row 2: imported once.",
    )
    assert len(stage.attendees()) == 3


def test_same_person_submitted_twice_keeps_the_later_answers(stage, tmp_path):
    rows = [
        ["Timestamp", "Email Address", "Full name", "Company"],
        ["1", "s.ricci@example.test", "Sara Ricci", "Ricci Srl"],
        ["2", "S.Ricci@example.test", "Sara Ricci", "Ricci Costruzioni Srl"],
    ]
    report = import_file(stage, write_csv(tmp_path / "l.csv", rows))
    assert report.ok and report.created == 1 and report.duplicates_merged == 1
    (person,) = stage.attendees()
    assert person.company == "Ricci Costruzioni Srl"
    assert "row 2" in report.warnings[0].message


def test_order_numbers_shared_by_several_people_are_not_ticket_codes(stage, tmp_path):
    rows = [
        ["Order code", "Given name", "Family name"],
        ["ABC12", "Marco", "Rossi"],
        ["ABC12", "Giulia", "Colombo"],
    ]
    report = import_file(stage, write_csv(tmp_path / "l.csv", rows))
    assert report.ok and report.created == 2
    for person in stage.attendees():
        assert person.external_codes == [] and person.order_code == "ABC12"
    # a code column holding order numbers: still kept aside, not as tickets
    rows[0][0] = "Codice"
    report = import_file(stage, write_csv(tmp_path / "m.csv", rows))
    assert report.ok
    assert any("order numbers" in w.message for w in report.warnings)


# --- all or nothing ---------------------------------------------------------------------------

BAD = [
    ["Nome", "Cognome", "Email"],
    ["Marco", "Rossi", "m.rossi@example.test"],
    ["", "", "anonimo@example.test"],
    ["Giulia", "Colombo", "giulia.colombo@"],
    ["Luca", "Ferrari", ""],
]


def test_any_problem_refuses_the_whole_import(stage, tmp_path):
    report = import_file(stage, write_csv(tmp_path / "l.csv", BAD))
    assert not report.ok
    assert (report.created, report.bad_rows) == (0, 2)
    assert [(p.row, p.column) for p in report.problems] == [(3, None), (4, "Email")]
    assert "no first name and no last name" in report.problems[0].message
    assert "not valid" in report.problems[1].message
    assert "giulia" not in json.dumps(report.to_dict())  # problems never quote people's data
    assert stage.attendees() == []
    assert "Nothing was imported" in report.summary()


def test_skip_bad_rows_imports_the_good_ones(stage, tmp_path):
    report = import_file(stage, write_csv(tmp_path / "l.csv", BAD), skip_bad_rows=True)
    assert report.ok
    assert (report.created, report.skipped) == (2, 2)
    assert sorted(a.last_name for a in stage.attendees()) == ["Ferrari", "Rossi"]
    assert [p.row for p in report.problems] == [3, 4]


def test_dry_run_writes_nothing(stage, tmp_path):
    path = write_csv(tmp_path / "l.csv", BASIC)
    events = stage.event_count()
    report = import_file(stage, path, dry_run=True)
    assert report.ok and report.created == 3 and report.dry_run
    assert stage.event_count() == events and stage.attendees() == []
    assert "dry run" in report.summary()


def test_everything_is_written_in_one_transaction(stage, tmp_path, monkeypatch):
    path = write_csv(tmp_path / "l.csv", BASIC)
    calls = []
    original = stage.record_many

    def spy(items, *, operator=""):
        items = list(items)
        calls.append((len(items), operator))
        return original(items, operator=operator)

    monkeypatch.setattr(stage, "record_many", spy)
    import_file(stage, path, operator="Laura")
    assert calls == [(3, "Laura")]
    assert {e.operator for e in stage.events() if e.kind == "attendee_upserted"} == {"Laura"}


# --- bad input ----------------------------------------------------------------------------------


def test_empty_file(stage, tmp_path):
    path = tmp_path / "vuoto.csv"
    path.write_bytes(b"")
    with pytest.raises(ImportFailed, match="empty"):
        import_file(stage, path)
    path.write_text("\r\n;;;\r\n\r\n")
    with pytest.raises(ImportFailed, match="empty"):
        import_file(stage, path)


def test_header_only_imports_nobody(stage, tmp_path):
    report = import_file(stage, write_csv(tmp_path / "l.csv", BASIC[:1]))
    assert report.ok and report.created == 0 and report.rows == 0


def test_binary_file(stage, tmp_path):
    path = tmp_path / "foto.csv"
    path.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(ImportFailed, match="not a text file"):
        import_file(stage, path)
    png = tmp_path / "logo.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02" * 1000)
    with pytest.raises(ImportFailed, match="not a text file"):
        import_file(stage, png)


def test_old_xls_and_broken_xlsx(stage, tmp_path):
    xls = tmp_path / "vecchio.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(ImportFailed, match=r"old Excel \.xls"):
        import_file(stage, xls)
    broken = tmp_path / "rotto.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"garbage" * 100)
    with pytest.raises(ImportFailed, match="not a readable Excel"):
        import_file(stage, broken)


def test_other_spreadsheet_formats_say_what_to_do(stage, tmp_path):
    import zipfile

    ods = tmp_path / "iscritti.ods"
    with zipfile.ZipFile(ods, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<x/>")
    with pytest.raises(ImportFailed, match=r"OpenDocument.*xlsx or CSV"):
        import_file(stage, ods)
    docx = tmp_path / "lettera.xlsx"
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("word/document.xml", "<x/>")
    with pytest.raises(ImportFailed, match="not a readable Excel"):
        import_file(stage, docx)


def test_text_full_of_control_characters_is_binary(stage, tmp_path):
    path = tmp_path / "strano.csv"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 65]) * 500)
    with pytest.raises(ImportFailed, match="not a text file"):
        import_file(stage, path)


def test_wrong_encoding(stage, tmp_path):
    path = tmp_path / "l.csv"
    # Bytes that are neither UTF-8 nor Windows-1252 (0x81 and 0x8d are unassigned there).
    path.write_bytes(b"Nome;Cognome\r\nMarco;Rossi\r\n" + b"\x81\x8d;\x8f\x90\r\n")
    with pytest.raises(ImportFailed, match="encoding.*UTF-8"):
        import_file(stage, path)


def test_missing_name_columns_names_the_columns_found(stage, tmp_path):
    rows = [["Azienda", "Email", "Telefono"], ["ACME", "a@example.test", "1"]]
    with pytest.raises(ImportFailed) as info:
        import_file(stage, write_csv(tmp_path / "l.csv", rows))
    message = info.value.message
    assert "no name columns" in message and "Columns found: Azienda, Email, Telefono" in message
    assert "--map first_name=" in message


def test_missing_file_and_folder(stage, tmp_path):
    with pytest.raises(ImportFailed, match="does not exist"):
        import_file(stage, tmp_path / "nessuno.csv")
    with pytest.raises(ImportFailed, match="folder"):
        import_file(stage, tmp_path)


def test_ten_megabyte_cell_is_a_row_problem_quickly(stage, tmp_path):
    path = tmp_path / "l.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("Nome,Cognome,Note\r\nMarco,Rossi,ok\r\n")
        fh.write('Anna,Bianchi,"' + "x" * (10 * 1024 * 1024) + '"\r\n')
        fh.write("Luca,Ferrari,\r\n")
    started = time.perf_counter()
    report = import_file(stage, path)
    assert time.perf_counter() - started < 5
    assert not report.ok
    (problem,) = report.problems
    assert (problem.row, problem.column) == (3, "Note")
    assert "too long" in problem.message
    report = import_file(stage, path, skip_bad_rows=True)
    assert report.created == 2 and report.skipped == 1


def test_formula_looking_cells_are_stored_as_plain_text(stage, tmp_path):
    rows = [
        ["Nome", "Cognome", "Azienda", "Note"],
        ["=cmd|' /C calc'!A0", "Rossi", "+39 Srl", "-vegano"],
        ["@SUM(1+1)", "-Bianchi", '=HYPERLINK("http://x")', ""],
    ]
    report = import_file(stage, write_csv(tmp_path / "l.csv", rows))
    assert report.ok and report.created == 2
    people = by_last_name(stage)
    assert people["Rossi"].first_name == "=cmd|' /C calc'!A0"
    assert (people["Rossi"].company, people["Rossi"].notes) == ("+39 Srl", "-vegano")
    assert people["-Bianchi"].company == '=HYPERLINK("http://x")'


def _with_cached_values(path, cached: dict[str, str]):
    """Give formula cells the value Excel would have saved with them (openpyxl cannot)."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, value in cached.items():
        sheet = re.sub(
            rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/?>(</v>)?',
            rf'<c r="{ref}"\1 t="str"><f>\2</f><v>{value}</v>',
            sheet,
        )
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def test_formula_cells_of_a_workbook_come_in_as_the_value_excel_showed(stage, tmp_path):
    rows = [["Nome", "Cognome", "Azienda"], ["Anna", "Verdi", '=PROPER("acme meccanica srl")']]
    path = _with_cached_values(write_xlsx(tmp_path / "l.xlsx", rows), {"C2": "Acme Meccanica Srl"})
    report = import_file(stage, path)
    assert report.ok
    assert stage.attendees()[0].company == "Acme Meccanica Srl"


def test_sql_metacharacters_in_names(stage, tmp_path):
    rows = [
        ["Nome", "Cognome", "Azienda", "Email"],
        ["Robert'); DROP TABLE attendee;--", "O'Brien", 'ACME "Quotes" %_ Srl', "r@example.test"],
        ["Ann\\", "x' OR '1'='1", "; DELETE FROM event", ""],
    ]
    report = import_file(stage, write_csv(tmp_path / "l.csv", rows))
    assert report.ok and report.created == 2
    people = by_last_name(stage)
    assert people["O'Brien"].first_name == "Robert'); DROP TABLE attendee;--"
    assert people["O'Brien"].company == 'ACME "Quotes" %_ Srl'
    assert people["x' OR '1'='1"].company == "; DELETE FROM event"
    assert stage.search("o'brien")[0].last_name == "O'Brien"
    assert import_file(stage, write_csv(tmp_path / "l.csv", rows)).unchanged == 2


def test_excel_numbers_that_lost_digits_are_flagged(stage, tmp_path):
    rows = [["Nome", "Cognome", "Telefono"], ["Marco", "Rossi", "3,39123E+11"], ["A", "B", "035 1"]]
    report = import_file(stage, write_csv(tmp_path / "l.csv", rows, delimiter=";"))
    assert report.ok
    (warning,) = report.warnings
    assert (warning.row, warning.column) == (2, "Telefono") and "lost digits" in warning.message


# --- XLSX -----------------------------------------------------------------------------------------


def test_xlsx_first_sheet_with_a_header_row_and_typed_cells(stage, tmp_path):
    rows = [
        ["Elenco iscritti - Tappa di Bergamo"],
        [],
        ["Nome", "Cognome", "Telefono", "Partita IVA", "Data iscrizione", "Privacy", "Posti"],
        ["Marco", "Rossi", 393391234567, 1234567890, dt.datetime(2026, 2, 1), True, 2.5],
        ["Giulia", "Colombo", 3351234567.0, "IT01234567890", dt.date(2026, 2, 3), False, None],
    ]
    path = write_xlsx(tmp_path / "l.xlsx", rows, sheets=[("Istruzioni", [["Leggimi"], ["..."]])])
    report = import_file(stage, path)
    assert report.ok and report.sheet == "Iscritti"
    people = by_last_name(stage)
    rossi = people["Rossi"]
    assert rossi.phone == "393391234567" and rossi.vat == "01234567890"
    assert rossi.privacy_consent == "yes"
    assert rossi.extra == {"Data iscrizione": "2026-02-01", "Posti": "2.5"}
    assert people["Colombo"].phone == "3351234567"
    assert people["Colombo"].vat == "IT01234567890"
    problems = import_file(stage, path, dry_run=True)
    assert problems.unchanged == 2
    headers, data = read_table(path)
    assert headers[:2] == ["Nome", "Cognome"] and data[0][2] == "393391234567"


def test_xlsx_row_numbers_are_the_sheet_rows(stage, tmp_path):
    rows = [["Titolo del foglio"], ["Nome", "Cognome", "Email"], ["Marco", "Rossi", "non-email"]]
    report = import_file(stage, write_xlsx(tmp_path / "l.xlsx", rows))
    assert [(p.row, p.column) for p in report.problems] == [(3, "Email")]


def test_xlsx_data_that_starts_below_and_right(stage, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["B3"], ws["C3"], ws["D3"] = "Nome", "Cognome", "Email"
    ws["B4"], ws["C4"], ws["D4"] = "Marco", "Rossi", "m@example.test"
    ws["B6"], ws["C6"], ws["D6"] = "Anna", "Bianchi", "sbagliata"
    wb.save(tmp_path / "l.xlsx")
    report = import_file(stage, tmp_path / "l.xlsx")
    assert [(p.row, p.column) for p in report.problems] == [(6, "Email")]
    assert "Column A" not in report.extra_columns


def test_xlsx_without_names_and_empty_workbook(stage, tmp_path):
    with pytest.raises(ImportFailed, match="Columns found: Azienda, Email"):
        import_file(stage, write_xlsx(tmp_path / "a.xlsx", [["Azienda", "Email"], ["x", "y"]]))
    with pytest.raises(ImportFailed, match="empty"):
        import_file(stage, write_xlsx(tmp_path / "b.xlsx", []))


# --- the command line -----------------------------------------------------------------------------


def test_cli_import_json(cli_json, capsys, data_dir, tmp_path):
    dd = str(data_dir)
    assert (
        main(
            [
                "stage",
                "create",
                "brescia-2026",
                "--title",
                "Brescia",
                "--date",
                "2026-05-20",
                "--data-dir",
                dd,
            ]
        )
        == 0
    )
    capsys.readouterr()
    path = write_csv(tmp_path / "l.csv", BASIC, delimiter=";", encoding="cp1252")
    code, data = cli_json("import", "brescia-2026", str(path), "--dry-run", "--data-dir", dd)
    assert code == 0 and data["created"] == 3 and data["dry_run"] is True
    code, data = cli_json("import", "brescia-2026", str(path), "--data-dir", dd)
    assert code == 0
    assert (data["created"], data["updated"], data["unchanged"], data["skipped"]) == (3, 0, 0, 0)
    assert data["mapping"]["first_name"] == "Nome" and data["problems"] == []
    code, data = cli_json("import", "brescia-2026", str(path), "--data-dir", dd)
    assert (code, data["unchanged"]) == (0, 3)

    bad = write_csv(tmp_path / "bad.csv", BAD)
    code, data = cli_json("import", "brescia-2026", str(bad), "--data-dir", dd)
    assert code == 1 and data["ok"] is False
    assert [p["row"] for p in data["problems"]] == [3, 4]
    code, data = cli_json("import", "brescia-2026", str(bad), "--skip-bad-rows", "--data-dir", dd)
    assert code == 0 and (data["created"], data["skipped"]) == (2, 2)

    mapped = write_csv(tmp_path / "m.csv", [["Chi", "Ditta"], ["Luisa Verdi", "ACME"]])
    code, data = cli_json(
        "import",
        "brescia-2026",
        str(mapped),
        "--map",
        "full_name=Chi",
        "--map",
        "company=Ditta",
        "--data-dir",
        dd,
    )
    assert code == 0 and data["created"] == 1

    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    code, data = cli_json("import", "brescia-2026", str(empty), "--data-dir", dd)
    assert code == 1 and data["error"]["code"] == "import_failed"
    assert "empty" in data["error"]["message"]


def test_cli_import_text_summary(capsys, data_dir):
    dd = str(data_dir)
    main(
        [
            "stage",
            "create",
            "como-2026",
            "--title",
            "Como",
            "--date",
            "2026-06-01",
            "--data-dir",
            dd,
        ]
    )
    capsys.readouterr()
    code = main(["import", "como-2026", str(DEMO / "eventbrite_attendees.csv"), "--data-dir", dd])
    out = capsys.readouterr().out
    assert code == 0
    assert "5 new, 0 updated, 0 unchanged, 0 skipped" in out
    assert "Barcode # -> external_codes" in out
    assert "Traceback" not in out
