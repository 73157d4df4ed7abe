"""Real registration exports import right with no manual mapping (issue 9), and damaged files
are reported row by row before anything is written (issue 13.4).

The fixtures in fixtures/exports/ are synthetic copies of what Eventbrite (English and Italian),
pretix ("Order data" XLSX), Indico, Google Forms and an Italian CRM export.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.core import checkin, paths
from desktop_app.core.importer import import_file
from desktop_app.core.store import Stage

EXPORTS = Path(__file__).parent / "fixtures" / "exports"


def people_of(stage: Stage) -> dict[str, list]:
    found: dict[str, list] = {}
    for a in stage.attendees():
        found.setdefault(f"{a.first_name} {a.last_name}", []).append(a)
    return found


# --- statuses -> cancelled registrations -----------------------------------------------------


def test_eventbrite_attendee_status_cancels_with_the_reason_and_the_door_refuses(stage):
    report = import_file(stage, EXPORTS / "eventbrite_attendees_en.csv")
    assert report.ok and report.cancelled == 1
    people = people_of(stage)
    (kelly,) = people["Seán Kelly"]
    assert kelly.cancelled
    assert stage.cancellation_reason(kelly.id) == "Eventbrite: Not Attending"
    (tanaka,) = people["Aiko Tanaka"]  # "Checked In" at Eventbrite: a registration, active
    assert not tanaka.cancelled and not tanaka.checked_in
    decision = checkin.decide(stage, kelly.external_codes[0])
    assert decision.status == checkin.CANCELLED


def test_pretix_indico_and_italian_statuses(stage, tmp_path):
    import_file(stage, EXPORTS / "indico_registrations.csv")
    people = people_of(stage)
    assert not people["Ingrid Halvorsen"][0].cancelled  # Completed
    assert not people["Tomás Ruiz"][0].cancelled  # Pending keeps the place
    okafor, weber = people["Amara Okafor"][0], people["Jonas Weber"][0]
    assert okafor.cancelled and weber.cancelled
    assert stage.cancellation_reason(okafor.id) == "Indico: Withdrawn"
    assert stage.cancellation_reason(weber.id) == "Indico: Rejected"

    italian = tmp_path / "pretix_it.csv"
    italian.write_text(
        "Codice ordine,Stato,Nome,Cognome\nAB1,pagato,Marco,Rossi\nAB2,annullato,Anna,Verdi\n"
        "AB3,scaduto,Luca,Neri\nAB4,in attesa,Sara,Bianchi\n",
        encoding="utf-8",
    )
    # "Stato" alone is also the country of a consul's list: name the column to be sure
    report = import_file(stage, italian, {"status": "Stato"})
    assert report.ok and report.cancelled == 2
    people = people_of(stage)
    assert [people[n][0].cancelled for n in ("Marco Rossi", "Anna Verdi", "Luca Neri")] == [
        False,
        True,
        True,
    ]
    assert not people["Sara Bianchi"][0].cancelled


def test_an_unknown_status_is_warned_and_imported_active(stage, tmp_path):
    path = tmp_path / "l.csv"
    path.write_text("First name,Last name,Attendee Status\nAda,Byron,Maybe\n", encoding="utf-8")
    report = import_file(stage, path)
    assert report.ok and not stage.attendees()[0].cancelled
    assert [w.code for w in report.warnings] == ["unknown_status"]


# --- re-import: people no longer in the list -------------------------------------------------


def test_reimport_reports_people_no_longer_listed_and_cancels_them_only_when_asked(stage, tmp_path):
    first = (EXPORTS / "eventbrite_attendees_en.csv").read_text("utf-8").splitlines()
    import_file(stage, EXPORTS / "eventbrite_attendees_en.csv")
    checkin.walk_in(stage, {"first_name": "Walter", "last_name": "Inn"})  # not from the list
    shorter = tmp_path / "again.csv"
    shorter.write_text("\n".join([first[0], first[1], first[2], first[3]]) + "\n", "utf-8")

    report = import_file(stage, shorter)
    assert report.ok
    assert sorted(m["name"] for m in report.missing) == ["Aiko Tanaka", "Pierre Lefèvre"]
    assert "2 people are no longer in the list" in report.summary()
    assert not any(a.cancelled for a in stage.attendees() if a.last_name != "Kelly")

    report = import_file(stage, shorter, dry_run=True, cancel_missing=True)
    assert report.missing_cancelled == 2
    assert not people_of(stage)["Pierre Lefèvre"][0].cancelled  # a check changes nothing

    report = import_file(stage, shorter, cancel_missing=True)
    assert report.missing_cancelled == 2
    people = people_of(stage)
    lefevre = people["Pierre Lefèvre"][0]
    assert lefevre.cancelled
    assert stage.cancellation_reason(lefevre.id) == "Not in the list again.csv (re-import)"
    assert not people["Walter Inn"][0].cancelled
    assert not any(p.cancelled for p in people["Marta Ferri"])


def test_cli_cancel_missing(data_dir, make_stage, tmp_path, capsys):
    make_stage().close()
    base = ["--data-dir", str(data_dir), "--json"]
    assert main([*base, "import", "bergamo-2026", str(EXPORTS / "google_forms_en.csv")]) == 0
    capsys.readouterr()
    lines = (EXPORTS / "google_forms_en.csv").read_text("utf-8").splitlines()
    again = tmp_path / "again.csv"
    again.write_text("\n".join(lines[:2]) + "\n", "utf-8")
    assert main([*base, "import", "bergamo-2026", str(again)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["missing_count"] == 1 and data["missing"][0]["name"] == "Raj Patel"
    assert main([*base, "import", "bergamo-2026", str(again), "--cancel-missing"]) == 0
    assert json.loads(capsys.readouterr().out)["missing_cancelled"] == 1


# --- one admission per ticket ----------------------------------------------------------------


def test_two_tickets_of_one_buyer_are_two_people_with_two_barcodes(stage):
    report = import_file(stage, EXPORTS / "eventbrite_attendees_en.csv")
    assert report.created == 5 and report.duplicates_merged == 0
    ferri = people_of(stage)["Marta Ferri"]
    assert len(ferri) == 2
    codes = sorted(c for p in ferri for c in p.external_codes)
    assert codes == ["401100010112345678001", "401100010212345678001"]
    assert all(p.order_code == "3011000101" for p in ferri)
    first, second = (checkin.decide(stage, c) for c in codes)
    assert first.status == second.status == checkin.CHECKED_IN  # not "already checked in"


# --- pretix order data XLSX ------------------------------------------------------------------


def test_pretix_order_data_takes_the_order_positions_sheet(stage):
    report = import_file(stage, EXPORTS / "pretix_order_data.xlsx")
    assert report.ok and report.sheet == "Order positions" and report.created == 5
    assert "role" not in report.mapping  # "Position ID" is the ticket's number in its order
    people = people_of(stage)
    giulia, paolo = people["Giulia Bassi"][0], people["Paolo Bassi"][0]
    assert giulia.external_codes == ["T8K3PQZ7HX2MW9VD4RFA6NYC5UBJ3SEG"]
    assert giulia.email == "giulia.bassi@example.test" and giulia.company == "Bassi Ottica Srl"
    assert giulia.vat == "IT01234567890" and giulia.role == ""
    assert giulia.order_code == paolo.order_code == "K3Q9A"
    assert giulia.extra["special_attention"] == "yes" and checkin.needs_special_attention(giulia)
    assert giulia.notes == "Sedia a rotelle: ingresso laterale"
    assert not checkin.needs_special_attention(paolo)
    assert people["Wei Chen"][0].title == "Prof." and not people["Wei Chen"][0].cancelled
    nowak, ortega = people["Hanna Nowak"][0], people["Luis Ortega"][0]
    assert nowak.cancelled and ortega.cancelled
    assert stage.cancellation_reason(nowak.id) == "pretix: canceled"
    assert stage.cancellation_reason(ortega.id) == "pretix: expired"


def test_search_by_order_code_finds_the_orders_people(stage):
    import_file(stage, EXPORTS / "pretix_order_data.xlsx")
    import_file(stage, EXPORTS / "eventbrite_attendees_en.csv")
    assert sorted(a.first_name for a in stage.search("k3q9a")) == ["Giulia", "Paolo"]
    assert [a.last_name for a in stage.search("3011000104")] == ["Lefèvre"]
    assert [a.last_name for a in stage.search("Lefèvre")] == ["Lefèvre"]  # names still work


# --- headers of other systems ----------------------------------------------------------------


def test_eventbrite_italian_headers(stage):
    report = import_file(stage, EXPORTS / "eventbrite_attendees_it.csv")
    assert report.ok and report.created == 3
    assert report.mapping["role"] == "Titolo professionale"
    assert report.mapping["external_codes"] == "N. codice a barre"
    assert report.mapping["order_code"] == "N. ordine"
    assert report.mapping["status"] == "Stato partecipante"
    people = people_of(stage)
    chiara = people["Chiara Locatelli"][0]
    assert chiara.role == "Titolare" and chiara.company == "Locatelli Stampi Srl"
    assert chiara.external_codes == ["402200020112345678001"] and chiara.category == "company"
    assert people["Davide Brambilla"][0].cancelled
    assert not people["Elena Galli"][0].cancelled and people["Elena Galli"][0].category == "press"


def test_indico_affiliation_is_the_company(stage):
    report = import_file(stage, EXPORTS / "indico_registrations.csv")
    assert report.mapping["company"] == "Affiliation" and report.mapping["role"] == "Position"
    ingrid = people_of(stage)["Ingrid Halvorsen"][0]
    assert ingrid.company == "Universitetet i Oslo" and ingrid.role == "Professor"
    assert ingrid.email == "ingrid.halvorsen@example.test"


@pytest.mark.parametrize("name", ["google_forms_it.csv", "google_forms_en.csv"])
def test_google_forms(stage, name):
    report = import_file(stage, EXPORTS / name)
    assert report.ok and report.created == 2 and not report.warnings
    person = stage.attendees()[0]
    assert person.email and person.company and person.role
    assert any(c in ("Informazioni cronologiche", "Timestamp") for c in report.extra_columns)


def test_italian_crm_export(stage):
    report = import_file(stage, EXPORTS / "crm_italiano.csv")
    assert report.ok and report.encoding == "cp1252" and not report.warnings
    berte = people_of(stage)["Nicolò Bertè"][0]
    assert (berte.company, berte.role, berte.vat, berte.title) == (
        "Officine Bertè S.r.l.",
        "Direttore tecnico",
        "01234567890",
        "Ing.",
    )
    assert berte.email == "n.berte@example.test" and berte.phone == "+39 333 0000001"


# --- the check warns row by row before anything is written -----------------------------------


def test_lost_characters_and_missing_surnames_are_warned_row_by_row(stage, tmp_path):
    path = tmp_path / "l.csv"
    path.write_text(
        "Nome,Cognome,Azienda\nMa?gorzata,Kowalska,ACME\nJan,\ufffdukasz,ACME\nPiero,,ACME\n"
        "Anna,Rossi,Chi? Noi Srl\n",
        encoding="utf-8",
    )
    report = import_file(stage, path, dry_run=True)
    found = [(w.row, w.column, w.code) for w in report.warnings]
    assert found == [
        (2, "Nome", "lost_characters"),
        (3, "Cognome", "lost_characters"),
        (4, None, "no_last_name"),
    ]
    assert stage.attendees() == []


def test_unclosed_quote_in_row_951_refuses_with_the_row_where_it_opens(stage, tmp_path, data_dir):
    lines = ["Nome,Cognome,Azienda"]
    lines += [f"Nome{i},Cognome{i},Azienda {i}" for i in range(2, 1001)]
    lines[950] = 'Nome951,"Cognome951,Azienda 951'  # the quote opens in row 951
    path = tmp_path / "l.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_file(stage, path)
    assert report.refused and stage.attendees() == []
    (problem,) = report.problems
    assert (problem.row, problem.column, problem.code) == (951, "Cognome", "unclosed_quote")
    assert problem.params["lines"] == 49
    assert "row 951" in report.summary() and "never closed" in report.summary()
    # early in the file: the same words, not "cell too long"
    lines = ["Nome,Cognome,Note"] + [f"N{i},C{i},{'x' * 300}" for i in range(2, 1001)]
    lines[3] = 'N4,C4,"aperta'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_file(stage, path)
    assert [p.code for p in report.problems] == ["unclosed_quote"]
    assert report.problems[0].row == 4


def test_cli_exit_status_for_an_unclosed_quote(data_dir, make_stage, tmp_path, capsys):
    make_stage().close()
    path = tmp_path / "l.csv"
    path.write_text('Nome,Cognome\nA,B\nC,"D\nE,F\nG,H\n', encoding="utf-8")
    code = main(["--data-dir", str(data_dir), "import", "bergamo-2026", str(path)])
    assert code == 1
    assert "row 3" in capsys.readouterr().out


def _names_csv(tmp_path: Path, rows: list[tuple[str, str]], encoding: str) -> Path:
    text = "Nome;Cognome;Azienda\r\n" + "".join(f"{first};{last};ACME\r\n" for first, last in rows)
    path = tmp_path / f"{encoding}.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_gbk_and_shift_jis_files_are_read_in_their_encoding(stage, tmp_path):
    chinese = [("小明", "王"), ("秀英", "李"), ("建国", "张")]
    report = import_file(stage, _names_csv(tmp_path, chinese, "gbk"))
    assert report.ok and report.encoding == "gbk"
    assert sorted(a.last_name for a in stage.attendees()) == sorted(["王", "李", "张"])
    assert [w.code for w in report.warnings] == ["encoding_guessed"]

    japanese = [("太郎", "佐藤"), ("花子", "鈴木"), ("さくら", "高橋")]
    report = import_file(stage, _names_csv(tmp_path, japanese, "shift_jis"))
    assert report.ok and report.encoding == "shift_jis"
    assert {"佐藤", "鈴木", "高橋"} <= {a.last_name for a in stage.attendees()}


def test_utf8_rows_mixed_with_windows_1252_rows_are_each_read_right(stage, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        "Nome;Cognome\r\nNicolò;Bertè\r\n".encode()
        + "Zoë;Müller\r\n".encode("cp1252")
        + "Łukasz;Żółć\r\n".encode()
    )
    report = import_file(stage, path)
    assert report.ok and report.encoding == "utf-8+cp1252"
    assert sorted(a.last_name for a in stage.attendees()) == ["Bertè", "Müller", "Żółć"]
    (warning,) = report.warnings
    assert warning.code == "mixed_encoding" and warning.row == 3


def test_garbled_text_is_warned_per_row(stage, tmp_path):
    path = tmp_path / "l.csv"
    # an export that was already mojibake when it was saved as UTF-8
    path.write_text("Nome,Cognome\nNicolÃ²,BertÃ¨\nAnna,Rossi\n", encoding="utf-8")
    report = import_file(stage, path, dry_run=True)
    assert [(w.row, w.code) for w in report.warnings] == [
        (2, "garbled_characters"),
        (2, "garbled_characters"),
    ]


# --- the stage file ---------------------------------------------------------------------------


def test_order_code_migration_reaches_a_stage_already_past_a_higher_number(
    data_dir, desk, tmp_path, monkeypatch
):
    older = tmp_path / "older"
    older.mkdir()
    for f in paths.migrations_dir().glob("*.sql"):
        if not f.name.startswith("0003"):
            (older / f.name).write_text(f.read_text("utf-8"), "utf-8")
    shipped = paths.migrations_dir()
    monkeypatch.setattr(paths, "migrations_dir", lambda: older)
    Stage.create(data_dir, "old-2026", title="Old", date="2026-01-01", desk=desk).close()
    monkeypatch.setattr(paths, "migrations_dir", lambda: shipped)
    stage = Stage.open(data_dir, "old-2026", desk)
    try:
        person = stage.new_attendee({"first_name": "A", "last_name": "B", "order_code": "z1"})
        assert person.order_code == "Z1" and stage.search("Z1")[0].id == person.id
    finally:
        stage.close()


def test_a_later_export_restores_its_own_cancellation_not_the_desks(stage, tmp_path):
    source = (EXPORTS / "eventbrite_attendees_en.csv").read_text("utf-8")
    import_file(stage, EXPORTS / "eventbrite_attendees_en.csv")
    tanaka = people_of(stage)["Aiko Tanaka"][0]
    checkin.cancel(stage, tanaka, "Called to say she cannot come")
    again = tmp_path / "again.csv"
    again.write_text(source.replace("Not Attending", "Attending"), "utf-8")
    report = import_file(stage, again)
    assert report.restored == 1
    people = people_of(stage)
    assert not people["Seán Kelly"][0].cancelled  # Eventbrite cancelled, Eventbrite restores
    assert people["Aiko Tanaka"][0].cancelled  # the desk's cancellation stands
    assert [w.code for w in report.warnings] == ["left_cancelled"]
