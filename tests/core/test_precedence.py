"""The Consular Corps in order of precedence (Vienna Convention on Consular Relations, art. 16)."""

from __future__ import annotations

import json

import pypdf
import pytest
from openpyxl import load_workbook

from desktop_app.core import checkin, consular, precedence, privacy
from desktop_app.core.importer import import_file

CORPS = [
    # (first, last, country, rank as the list writes it, service, exequatur)
    ("Hiroshi", "Sato", "Giappone", "Console Generale", "carriera", "12/09/2019"),
    ("Amélie", "Durand", "Francia", "Consul General", "career", "2016-01-20"),
    ("Lars", "Berg", "Norvegia", "Console Generale Onorario", "", "2009-05-05"),
    ("Priya", "Nair", "India", "Console", "career", "2014-03-01"),
    ("Tomás", "Ruiz", "Uruguay", "Hon. Consul", "", "2011-11-11"),
    ("Ana", "Silva", "Portogallo", "Vice Console", "career", "2021-06-30"),
    ("Kofi", "Mensah", "Ghana", "Agente consolare", "onorario", "2018-02-02"),
    ("Elif", "Kaya", "Turchia", "Console Generale", "career", ""),
]


@pytest.fixture
def corps(stage):
    people = []
    for first, last, country, rank, service, day in CORPS:
        people.append(
            stage.new_attendee(
                {
                    "first_name": first,
                    "last_name": last,
                    "country": country,
                    "category": "consul",
                    "consular_rank": rank,
                    "consular_service": service,
                    "exequatur": day,
                }
            )
        )
    return people


def surnames(entries):
    return [e.attendee.last_name for e in entries]


@pytest.mark.parametrize(
    ("text", "rank", "service"),
    [
        ("Console Generale", "consul_general", ""),
        ("Consul-General", "consul_general", ""),
        ("C.G.", "consul_general", ""),
        ("Console Generale Onorario", "consul_general", "honorary"),
        ("Hon. Consul", "consul", "honorary"),
        ("Consolessa onoraria", "", "honorary"),
        ("Console onoraria", "consul", "honorary"),
        ("Vice Console", "vice_consul", ""),
        ("Vice-Consul", "vice_consul", ""),
        ("Agente consolare", "consular_agent", ""),
        ("Generalkonsul", "consul_general", ""),
        ("Addetto commerciale", "", ""),
    ],
)
def test_ranks_as_lists_write_them(text, rank, service):
    assert consular.parse_rank(text) == (rank, service)


def test_order_follows_article_16(stage, corps):
    result = precedence.for_stage(stage)
    # class first; in a class career heads before honorary ones (16.7), then by exequatur
    # date (16.2); a head of post without a date comes last in their class and is flagged
    assert surnames(result.entries) == [
        "Durand",  # CG career 2016
        "Sato",  # CG career 2019
        "Kaya",  # CG career, date missing
        "Berg",  # CG honorary 2009: after every career CG although the oldest exequatur
        "Nair",  # consul career 2014
        "Ruiz",  # consul honorary 2011
        "Silva",  # vice-consul
        "Mensah",  # consular agent
    ]
    kaya = result.entries[2]
    assert kaya.problems == ("no_exequatur",)
    assert result.entries[3].service == "honorary"
    assert result.doyen.attendee.last_name == "Durand" and not result.doyen_designated
    assert [e.seat for e in result.entries[:3]] == ["A1", "A2", "A3"]
    # speaking order is the reverse: the consular agent first, the doyen last
    assert surnames(result.speaking_order())[0] == "Mensah"
    assert surnames(result.speaking_order())[-1] == "Durand"


def test_greeting_names_the_doyen_and_every_class_present(stage, corps):
    result = precedence.for_stage(stage)
    assert result.greeting("it") == (
        "Signor Decano del Corpo Consolare, Signori Consoli Generali, Signori Consoli, "
        "Signori Vice Consoli, Signori Agenti Consolari"
    )
    assert result.greeting("en").startswith("Mr Doyen of the Consular Corps, Consuls General")


def test_the_lists_doyen_wins_and_a_female_doyen_is_greeted_as_such(stage, corps):
    sato = corps[0]
    checkin.edit(stage, sato, {"notes": "Decano del Corpo Consolare"})
    result = precedence.for_stage(stage)
    assert result.doyen.attendee.last_name == "Sato" and result.doyen_designated
    checkin.edit(stage, sato, {"notes": ""})
    checkin.edit(stage, corps[1], {"title": "Sig.ra"})
    assert precedence.for_stage(stage).greeting("it").startswith("Signora Decana")


def test_cancelled_unranked_and_ties(stage, corps):
    checkin.cancel_registration(stage, corps[1], reason="non partecipa")
    extra = stage.new_attendee(
        {"first_name": "Mia", "last_name": "Koch", "category": "consul", "country": "Austria"}
    )
    twin = stage.new_attendee(
        {
            "first_name": "Jan",
            "last_name": "Novak",
            "category": "consul",
            "consular_rank": "Console Generale",
            "consular_service": "career",
            "exequatur": "2019-09-12",  # the same day as Sato
        }
    )
    result = precedence.for_stage(stage)
    assert "Durand" not in surnames(result.entries)  # cancelled: not on the list
    assert surnames(result.unranked) == ["Koch"] and result.unranked[0].problems == ("no_rank",)
    # Novak and Sato share class, service and date: the list cannot decide, both are flagged
    # (the surname orders them meanwhile) and so is the doyen computed from them
    tied = {e.attendee.last_name: e.problems for e in result.entries}
    assert "tie" in tied["Sato"] and "tie" in tied["Novak"] and "tie" not in tied["Kaya"]
    assert result.doyen.attendee.id == twin.id and extra.id not in tied


def test_forty_consuls_in_reasonable_shape(stage):
    for i in range(40):
        stage.new_attendee(
            {
                "first_name": f"Nome{i}",
                "last_name": f"Cognome{i:02d}",
                "category": "consul",
                "consular_rank": consular.RANKS[i % 4],
                "consular_service": "honorary" if i % 3 else "career",
                "exequatur": f"20{10 + i % 15:02d}-0{1 + i % 9}-1{i % 10}",
            }
        )
    result = precedence.for_stage(stage, per_row=8)
    assert len(result.entries) == 40
    keys = [
        (consular.RANKS.index(e.rank), e.service == "honorary", e.exequatur) for e in result.entries
    ]
    assert keys == sorted(keys)
    assert result.entries[8].seat == "B1" and result.entries[-1].seat == "E8"


def test_import_reads_rank_columns(stage, tmp_path):
    src = tmp_path / "corpo_consolare.csv"
    src.write_text(
        "Nome;Cognome;Paese rappresentato;Rango consolare;Data exequatur\n"
        "Hiroshi;Sato;Giappone;Console Generale;12/09/2019\n"
        "Lars;Berg;Norvegia;Console Generale Onorario;05/05/2009\n",
        encoding="utf-8",
    )
    import_file(stage, src)
    people = {p.last_name: p for p in stage.attendees()}
    assert people["Sato"].consular_rank == "consul_general"
    assert people["Sato"].exequatur == "2019-09-12"
    assert people["Berg"].consular_service == "honorary"
    assert surnames(precedence.for_stage(stage).entries) == ["Sato", "Berg"]


def test_erasure_blanks_the_rank(stage, corps):
    privacy.erase_attendee(stage, corps[0])
    person = stage.attendee(corps[0].id)
    assert person.consular_rank == "" and person.exequatur == ""


def test_cli_writes_pdf_and_xlsx_a_reader_can_check(cli_json, stage, corps, data_dir, tmp_path):
    pdf = tmp_path / "precedenze.pdf"
    code, data = cli_json(
        "--data-dir",
        data_dir,
        "report",
        "precedence",
        stage.info.slug,
        "--out",
        pdf,
        "--lang",
        "it",
    )
    assert code == 0, data
    assert data["heads_of_post"] == 8 and data["problems"] == 1
    assert data["greeting"].startswith("Signor Decano")
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert "Precedenze del Corpo Consolare" in text
    assert "Decano del Corpo Consolare: Amélie Durand (Francia)" in text
    order = [text.index(name) for name in ("Amélie Durand", "Hiroshi Sato", "Lars Berg")]
    assert order == sorted(order)
    assert "Console Generale onorario" in text
    assert "data dell'exequatur mancante" in text

    xlsx = tmp_path / "precedence.xlsx"
    code, data = cli_json(
        "--data-dir", data_dir, "report", "precedence", stage.info.slug, "--out", xlsx
    )
    assert code == 0
    rows = list(load_workbook(xlsx).worksheets[0].iter_rows(values_only=True))
    assert rows[0][:5] == ("#", "Seat", "Speaks", "Rank", "Name")
    assert [r[4] for r in rows[1:4]] == ["Amélie Durand", "Hiroshi Sato", "Elif Kaya"]
    assert rows[4][3] == "Consul General (honorary)"
    assert not list(tmp_path.glob("*.part"))


def test_cli_refuses_an_unknown_format(cli_json, stage, data_dir, tmp_path):
    code, data = cli_json(
        "--data-dir",
        data_dir,
        "report",
        "precedence",
        stage.info.slug,
        "--out",
        tmp_path / "x.docx",
    )
    assert code != 0 and "pdf or xlsx" in json.dumps(data)
