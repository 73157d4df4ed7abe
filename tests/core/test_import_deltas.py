"""What the importer still got wrong after the first round on real exports: the buyer's e-mail
for a pretix ticket without one, Google Forms' "Nome dell'azienda", a question mark that is
punctuation, mixed encodings listed row by row, and the order-code lookup's index."""

from __future__ import annotations

import openpyxl

from desktop_app.core.importer import import_file


def people(stage) -> dict[str, object]:
    return {a.last_name: a for a in stage.attendees()}


def codes(report) -> list[tuple[int | None, str]]:
    return [(w.row, w.code) for w in report.warnings]


def test_a_pretix_ticket_without_attendee_email_is_reached_through_the_buyers(stage, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Order positions"
    ws.append(
        ["Order code", "Position ID", "Status", "Email", "Attendee name: Given name",
         "Attendee name: Family name", "Attendee email", "Ticket secret"]
    )  # fmt: skip
    ws.append(["K9QWZ", 1, "paid", "buyer@example.test", "Marta", "Riva", "m.riva@example.test",
               "qfz7w2ytc8kd4nbx5rmp3gvhs6"])  # fmt: skip
    ws.append(["K9QWZ", 2, "paid", "buyer@example.test", "Ettore", "Gatti", "",
               "p4rk8sd2vn6tqc9wyb3hz7mxf5"])  # fmt: skip
    path = tmp_path / "pretix.xlsx"
    wb.save(path)
    report = import_file(stage, path)
    assert report.ok and report.created == 2
    assert report.mapping["email"] == "Attendee email"
    p = people(stage)
    assert p["Riva"].email == "m.riva@example.test"
    assert p["Gatti"].email == "buyer@example.test"  # no attendee e-mail: the order's
    assert "Email" not in p["Gatti"].extra


def test_google_forms_company_question(stage, tmp_path):
    path = tmp_path / "risposte.csv"
    path.write_text(
        "Informazioni cronologiche,Indirizzo email,Nome,Cognome,Nome dell'azienda,Ruolo in azienda\n"
        "05/03/2026 10.15.22,r.moretti@example.test,Roberta,Moretti,Moretti Vini S.a.s.,Titolare\n",
        encoding="utf-8",
    )
    report = import_file(stage, path)
    assert report.ok and report.mapping["company"] == "Nome dell'azienda"
    assert people(stage)["Moretti"].company == "Moretti Vini S.a.s."


def test_a_question_mark_after_a_word_is_punctuation_not_a_lost_letter(stage, tmp_path):
    path = tmp_path / "lista.csv"
    path.write_text(
        "Nome;Cognome;Azienda\nMa?gorzata;Kowalska;Polmet\nLuca;Rossi;Perché? Srl\n"
        "Anna;Bianchi;Chi? Cosa? S.n.c.\n",
        encoding="utf-8",
    )
    report = import_file(stage, path, dry_run=True)
    assert [(r, c) for r, c in codes(report) if c == "lost_characters"] == [(2, "lost_characters")]


def test_every_row_of_another_encoding_is_listed(stage, tmp_path):
    path = tmp_path / "merged.csv"
    path.write_bytes(
        "Nome;Cognome;Azienda\r\nSophie;Müller;Präzision GmbH\r\n".encode()
        + "Nicolò;Bertè;Officine Bergamasche\r\n".encode("cp1252")
        + "Łukasz;Wróbel;Polmet\r\n".encode()
        + "Niccolò;Fantò;Cantina\r\n".encode("cp1252")
    )
    report = import_file(stage, path, dry_run=True)
    assert report.ok and report.encoding == "utf-8+cp1252"
    assert [(r, c) for r, c in codes(report) if c != "mixed_encoding"] == [
        (3, "row_in_windows_1252"),
        (5, "row_in_windows_1252"),
    ]


def test_rows_in_another_encoding_are_counted_as_excel_does_below_a_multiline_cell(stage, tmp_path):
    path = tmp_path / "merged.csv"
    path.write_bytes(
        'sep=;\r\nNome;Cognome;Note\r\nSophie;Müller;"due\r\nrighe"\r\n'.encode()
        + "Nicolò;Bertè;x\r\n".encode("cp1252")
    )
    report = import_file(stage, path, dry_run=True)
    assert report.ok
    assert [(r, c) for r, c in codes(report) if c != "mixed_encoding"] == [
        (3, "row_in_windows_1252")
    ]


def test_the_order_code_lookup_uses_its_index(stage):
    # search runs at every keystroke: its order-code step must not scan the whole list
    stage.new_attendee({"first_name": "Marta", "last_name": "Riva", "order_code": "K9QWZ"})
    statements: list[str] = []
    stage.conn.set_trace_callback(statements.append)
    try:
        assert [a.last_name for a in stage.search("k9qwz")] == ["Riva"]
    finally:
        stage.conn.set_trace_callback(None)
    [lookup] = [q for q in statements if "order_code =" in q]
    plan = stage.conn.execute("EXPLAIN QUERY PLAN " + lookup).fetchall()
    assert any("USING INDEX attendee_order_code" in row[-1] for row in plan), plan


def test_the_index_exists_on_a_new_stage(stage):
    names = {r[0] for r in stage.conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "attendee_order_code" in names
