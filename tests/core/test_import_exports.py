"""Real registration exports (synthetic people): statuses, re-imports, one admission per ticket,
pretix order data, Eventbrite in Italian, Indico, Google Forms, an Italian CRM, order codes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from desktop_app.cli import main
from desktop_app.core import checkin
from desktop_app.core.importer import import_file

EXPORTS = Path(__file__).parent / "fixtures" / "exports"


def people(stage) -> dict[str, object]:
    return {a.last_name: a for a in stage.attendees()}


def rewrite(src: Path, dst: Path, change) -> Path:
    """A copy of an export with some rows changed (`change(rows)` edits the list in place)."""
    with src.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    change(rows)
    with dst.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return dst


# --- 1. status columns ----------------------------------------------------------------------


def test_eventbrite_not_attending_is_refused_at_the_door_and_a_later_import_restores(
    stage, tmp_path
):
    path = EXPORTS / "eventbrite_attendees_status.csv"
    report = import_file(stage, path)
    assert report.ok, report.summary()
    assert report.cancelled == 1
    conti = people(stage)["Conti"]
    assert conti.cancelled
    assert stage.cancellation_reason(conti.id) == "Eventbrite: Not Attending"
    assert not people(stage)["Marchetti"].cancelled  # "Checked In" is a live registration

    refused = checkin.decide(stage, "880123450312345678001")
    assert refused.status == checkin.CANCELLED
    assert refused.reason == "Eventbrite: Not Attending"

    again = rewrite(path, tmp_path / "later.csv", lambda rows: rows[4].__setitem__(11, "Attending"))
    report = import_file(stage, again)
    assert report.ok and report.restored == 1
    assert not people(stage)["Conti"].cancelled
    assert checkin.decide(stage, "880123450312345678001").status == checkin.CHECKED_IN


def test_an_export_does_not_undo_a_cancellation_made_at_the_desk(stage):
    path = EXPORTS / "eventbrite_attendees_status.csv"
    import_file(stage, path)
    fontana = people(stage)["Fontana"]
    checkin.cancel(stage, fontana, "phoned: cannot come")
    report = import_file(stage, path)  # still "Attending" in Eventbrite
    assert report.restored == 0
    assert people(stage)["Fontana"].cancelled
    assert any(w.code == "left_cancelled" for w in report.warnings)


def test_indico_registration_states(stage):
    report = import_file(stage, EXPORTS / "indico_registrations.csv")
    assert report.ok, report.summary()
    p = people(stage)
    assert not p["Rossetti"].cancelled and not p["Herrera"].cancelled  # Complete, Pending
    assert p["Larsen"].cancelled and p["Haddad"].cancelled  # Withdrawn, Rejected
    assert stage.cancellation_reason(p["Larsen"].id) == "Indico: Withdrawn"
    assert stage.cancellation_reason(p["Haddad"].id) == "Indico: Rejected"
    assert p["Rossetti"].company == "Politecnico di Milano"  # Affiliation
    assert p["Rossetti"].role == "Research Fellow"  # Indico's "Position" is a job


# --- 2. people no longer in the list --------------------------------------------------------


def test_reimport_names_the_people_no_longer_listed_and_cancels_them_only_when_asked(
    capsys, data_dir, tmp_path
):
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
    path = EXPORTS / "eventbrite_attendees_status.csv"
    assert main(["import", "brescia-2026", str(path), "--data-dir", dd]) == 0
    capsys.readouterr()
    shorter = rewrite(path, tmp_path / "shorter.csv", lambda rows: rows.__delitem__(1))  # Fontana

    assert main(["import", "brescia-2026", str(shorter), "--data-dir", dd]) == 0
    text = capsys.readouterr().out
    assert "1 person is no longer in the list" in text and "Chiara Fontana" in text
    assert "--cancel-missing" in text
    assert main(["search", "brescia-2026", "Fontana", "--json", "--data-dir", dd]) == 0
    found = json.loads(capsys.readouterr().out)
    assert not _cancelled(found)  # nothing cancelled silently

    code = main(
        ["import", "brescia-2026", str(shorter), "--cancel-missing", "--json", "--data-dir", dd]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["missing_cancelled"] == 1
    assert [m["name"] for m in data["missing"]] == ["Chiara Fontana"]
    assert main(["search", "brescia-2026", "Fontana", "--json", "--data-dir", dd]) == 0
    assert _cancelled(json.loads(capsys.readouterr().out))


def _cancelled(search_json) -> bool:
    rows = search_json if isinstance(search_json, list) else search_json.get("results", [])
    assert rows, search_json
    return rows[0].get("status") == "cancelled" or rows[0].get("cancelled") is True


# --- 3. one admission per ticket ------------------------------------------------------------


def test_two_tickets_of_one_buyer_are_two_people_with_two_barcodes(stage):
    report = import_file(stage, EXPORTS / "eventbrite_attendees_status.csv")
    assert report.ok and report.created == 5 and report.duplicates_merged == 0
    gallis = [a for a in stage.attendees() if a.last_name == "Galli"]
    assert sorted(c for a in gallis for c in a.external_codes) == [
        "880123450212345678001",
        "880123450212345678002",
    ]
    first = checkin.decide(stage, "880123450212345678001")
    second = checkin.decide(stage, "880123450212345678002")
    assert (first.status, second.status) == (checkin.CHECKED_IN, checkin.CHECKED_IN)
    # and a re-import of the same file keeps them two, unchanged
    again = import_file(stage, EXPORTS / "eventbrite_attendees_status.csv")
    assert (again.created, again.unchanged, len(stage.attendees())) == (0, 5, 5)


# --- 4. pretix order data -------------------------------------------------------------------


def test_pretix_order_data_takes_the_attendees_from_the_order_positions(stage):
    report = import_file(stage, EXPORTS / "pretix_order_data.xlsx")
    assert report.ok, report.summary()
    assert report.sheet == "Order positions"
    assert report.created == 4
    assert "role" not in report.mapping  # "Position ID" is not a job title
    p = people(stage)
    riva = p["Riva"]
    assert (riva.title, riva.first_name, riva.email) == ("Dott.", "Marta", "m.riva@example.test")
    assert riva.company == "Lanificio Bergamasco S.p.A." and riva.vat == "IT01234567890"
    assert riva.external_codes == ["QFZ7W2YTC8KD4NBX5RMP3GVHS6"]
    assert riva.order_code == "K9QWZ"
    assert "special_attention" not in riva.extra
    gatti = p["Gatti"]
    assert gatti.extra["special_attention"] == "yes"
    assert "Wheelchair user: use the side entrance" in gatti.notes
    assert "Needs the ramp" in gatti.notes
    assert checkin.needs_special_attention(gatti)
    assert gatti.email == "acquisti@lanificio-test.example"  # no attendee e-mail: the order's
    assert p["Sala"].cancelled  # Canceled
    assert stage.cancellation_reason(p["Sala"].id) == "pretix: Canceled"
    assert not p["Bianco"].cancelled  # Pending keeps the place


# --- 5. headers of other exports ------------------------------------------------------------


def test_eventbrite_in_italian(stage):
    report = import_file(stage, EXPORTS / "eventbrite_partecipanti_it.csv")
    assert report.ok, report.summary()
    assert report.mapping["role"] == "Titolo professionale"
    assert report.mapping["external_codes"] == "N. codice a barre"
    assert report.mapping["order_code"] == "N. ordine"
    p = people(stage)
    assert p["Villa"].external_codes == ["770123450112345678001"]
    assert p["Villa"].role == "Responsabile commerciale" and p["Villa"].order_code == "7701234501"
    assert p["Lombardi"].cancelled  # Non partecipa
    assert stage.cancellation_reason(p["Lombardi"].id) == "Eventbrite: Non partecipa"
    assert not p["Barbieri"].cancelled  # Check-in effettuato


def test_google_forms_answers(stage):
    report = import_file(stage, EXPORTS / "google_forms_iscrizione.csv")
    assert report.ok, report.summary()
    p = people(stage)
    moretti = p["Moretti"]
    assert (moretti.email, moretti.company) == ("r.moretti@example.test", "Moretti Vini S.a.s.")
    assert moretti.role == "Titolare" and moretti.phone == "+39 340 1111111"
    assert moretti.countries == "Brasile; Messico"
    assert moretti.privacy_consent


def test_italian_crm_export(stage):
    report = import_file(stage, EXPORTS / "crm_contatti_it.csv")
    assert report.ok, report.summary()
    assert (report.encoding, report.delimiter) == ("cp1252", ";")
    p = people(stage)
    assert p["Bonetti"].company == "Società Agricola Franciacorta"
    assert p["Zanetti"].role == "Amministratore delegato"  # Qualifica
    assert p["Zanetti"].vat == "01234567891"
    assert p["Pedretti"].notes == "Arriva alle 10"


# --- 6. order codes -------------------------------------------------------------------------


def test_search_by_order_code_finds_that_orders_people(stage):
    import_file(stage, EXPORTS / "eventbrite_attendees_status.csv")
    found = stage.search("8801234502")
    assert sorted(a.last_name for a in found) == ["Galli", "Galli"]
    import_file(stage, EXPORTS / "pretix_order_data.xlsx")
    assert sorted(a.last_name for a in stage.search("k9qwz")) == ["Gatti", "Riva"]


# --- 7. the check warns row by row before anything is written -------------------------------


def _codes(report, kind="warnings"):
    return [(p.row, p.code) for p in getattr(report, kind)]


def test_lost_characters_and_missing_surnames_are_warned_row_by_row(stage, tmp_path):
    path = tmp_path / "lista.csv"
    path.write_text(
        "Nome;Cognome;Azienda\n"
        "Ma?gorzata;Kowalska;Polmet\n"
        "Wojciech;Kowalczyk;Zak\ufffdady Mięsne\n"
        "Anna;;Brembo\n"
        "Chi?;Rossi;Perché? Srl\n",  # a question mark after a word is punctuation
        encoding="utf-8",
    )
    report = import_file(stage, path, dry_run=True)
    assert report.ok
    assert _codes(report) == [(2, "lost_characters"), (3, "lost_characters"), (4, "no_last_name")]
    assert report.warnings[1].column == "Azienda"
    assert stage.attendees() == []  # a check writes nothing
    text = report.summary()
    assert "row 2, column 'Nome'" in text and "Ma?gorzata" not in text  # no personal data


def _thousand_rows(tmp_path: Path, broken: int) -> Path:
    lines = ["Nome;Cognome;Azienda;Email"]
    lines += [f"Nome{i};Cognome{i};Ditta {i};p{i}@example.test" for i in range(2, 1001)]
    lines[broken - 1] = f'Nome{broken};Cognome{broken};"Ditta {broken};p{broken}@example.test'
    path = tmp_path / f"q{broken}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_unclosed_quote_is_named_at_its_row_and_nothing_is_imported(capsys, data_dir, tmp_path):
    dd = str(data_dir)
    assert (
        main(
            ["stage", "create", "como", "--title", "Como", "--date", "2026-06-01", "--data-dir", dd]
        )
        == 0
    )
    capsys.readouterr()
    late = _thousand_rows(tmp_path, 951)
    code = main(["import", "como", str(late), "--json", "--data-dir", dd])
    data = json.loads(capsys.readouterr().out)
    assert code == 1 and not data["ok"] and data["created"] == 0
    [problem] = data["problems"]
    assert (problem["row"], problem["column"], problem["code"]) == (
        951,
        "Azienda",
        "unclosed_quote",
    )
    assert problem["params"] == {"line": 951, "lines": 49}

    early = _thousand_rows(tmp_path, 11)  # the swallowed cell is over 10,000 characters
    code = main(["import", "como", str(early), "--json", "--data-dir", dd])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [(p["row"], p["code"]) for p in data["problems"]] == [(11, "unclosed_quote")]


CHINESE = [
    ["Last Name", "First Name", "Company", "Email"],
    ["王", "小明", "深圳机械有限公司", "wang@example.test"],
    ["李", "娜", "上海国际贸易公司", "li@example.test"],
    ["张", "伟", "北京科技发展公司", "zhang@example.test"],
]
JAPANESE = [
    ["Last Name", "First Name", "Company", "Email"],
    ["佐藤", "花子", "株式会社サンプル", "sato@example.test"],
    ["鈴木", "一郎", "東京トレーディング", "suzuki@example.test"],
    ["高橋", "さくら", "大阪工業株式会社", "takahashi@example.test"],
]


def _write(path: Path, rows, encoding: str) -> Path:
    path.write_bytes("".join(",".join(r) + "\r\n" for r in rows).encode(encoding))
    return path


def test_gbk_and_shift_jis_files_are_read_in_their_encoding(stage, tmp_path):
    report = import_file(stage, _write(tmp_path / "zh.csv", CHINESE, "gbk"))
    assert report.ok and report.encoding == "gbk"
    assert [(w.code, w.params) for w in report.warnings] == [
        ("encoding_detected", {"encoding": "gbk"})
    ]
    assert {a.last_name for a in stage.attendees()} == {"王", "李", "张"}
    report = import_file(stage, _write(tmp_path / "ja.csv", JAPANESE, "shift_jis"))
    assert report.ok and report.encoding == "shift_jis"
    assert people(stage)["鈴木"].company == "東京トレーディング"


def test_a_file_mixing_utf8_and_windows_1252_rows_is_read_row_by_row(stage, tmp_path):
    path = tmp_path / "merged.csv"
    path.write_bytes(
        "Nome;Cognome;Azienda\r\nSophie;Müller;Präzision GmbH\r\n".encode()
        + "Nicolò;Bertè;Officine Bergamasche\r\n".encode("cp1252")
        + "Łukasz;Wróbel;Polmet\r\n".encode()
        + "Niccolò;Fantò;Cantina\r\n".encode("cp1252")
    )
    report = import_file(stage, path, dry_run=True)
    assert report.ok
    assert _codes(report) == [(3, "mixed_encoding"), (5, "mixed_encoding")]
    import_file(stage, path)
    assert {a.last_name for a in stage.attendees()} == {"Müller", "Bertè", "Wróbel", "Fantò"}


def test_every_problem_and_warning_carries_a_code(stage, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "Nome;Cognome;Email;Categoria\nA;B;nope;Marziano\nA;B;nope;Marziano\n;;x@example.test;\n",
        encoding="utf-8",
    )
    data = import_file(stage, path).to_dict()
    entries = data["problems"] + data["warnings"]
    assert entries and all(e["code"] for e in entries)
    assert {e["code"] for e in entries} >= {
        "invalid_email",
        "no_name",
        "same_row",
        "unknown_category",
    }


def test_an_italian_windows_1252_list_full_of_typographic_marks_stays_windows_1252(stage, tmp_path):
    path = tmp_path / "soci.csv"
    rows = ["Nome;Cognome;Azienda;Note"]
    rows += [f"Pietro{i};Dell’Acqua;“Ferro” S.r.l.;quota € 50 – saldo" for i in range(20)]
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))
    report = import_file(stage, path)
    assert report.ok and report.encoding == "cp1252" and report.warnings == []
    assert people(stage)["Dell’Acqua"].company == "“Ferro” S.r.l."


def test_the_order_code_lookup_uses_its_index(stage):
    # search runs at every keystroke: its order-code step must not scan the whole list
    import_file(stage, EXPORTS / "pretix_order_data.xlsx")
    statements: list[str] = []
    stage.conn.set_trace_callback(statements.append)
    try:
        stage.search("K9QWZ")
    finally:
        stage.conn.set_trace_callback(None)
    [lookup] = [q for q in statements if "order_code =" in q]
    plan = stage.conn.execute("EXPLAIN QUERY PLAN " + lookup).fetchall()
    assert any("USING INDEX attendee_order_code" in row[-1] for row in plan), plan


def test_text_garbled_by_a_double_conversion_is_warned_per_row(stage, tmp_path):
    path = tmp_path / "l.csv"
    # an export that was already mojibake when it was saved as UTF-8
    path.write_text("Nome;Cognome\nNicolÃ²;BertÃ¨\nAnna;Rossi\nJosé;Âlvarez\n", encoding="utf-8")
    report = import_file(stage, path, dry_run=True)
    assert _codes(report) == [(2, "garbled_characters"), (2, "garbled_characters")]
