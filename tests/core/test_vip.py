"""VIP arrivals (issue 12): who is a VIP, and which of them arrived since a desk last looked."""

from desktop_app.core import checkin, vip
from desktop_app.core.importer import import_file


def test_consuls_are_vips_by_default_and_the_list_can_say_otherwise(stage, people):
    berte, _, _, sato, _ = people
    assert vip.is_vip(sato) and not vip.is_vip(berte)
    ranked = stage.new_attendee({"first_name": "Ana", "last_name": "Lima", "consular_rank": "VC"})
    assert vip.is_vip(ranked)  # a consular rank is enough, whatever the category
    silenced = stage.new_attendee(
        {"first_name": "Ugo", "last_name": "Neri", "category": "consul", "extra": {"VIP": "no"}}
    )
    flagged = stage.new_attendee(
        {"first_name": "Eva", "last_name": "Gatti", "category": "company", "extra": {"vip": "Sì"}}
    )
    assert not vip.is_vip(silenced) and vip.is_vip(flagged)


def test_arrivals_name_the_vip_the_desk_the_host_and_the_instruction(stage, people, tmp_path):
    csv = tmp_path / "list.csv"
    csv.write_text(
        "Nome,Cognome,Categoria,Rango consolare,VIP,Referente,Istruzioni,Interprete\n"
        "Lucia,Ferri,Console,Console onorario,,Dott. Bianchi,Accompagnare al desk protocollo,"
        "giapponese\n"
        "Pietro,Galli,Console,Console,no,,,\n"
        "Carla,Monti,Impresa,,,,,\n",
        encoding="utf-8",
    )
    import_file(stage, csv)
    by_name = {a.last_name: a for a in stage.attendees()}
    start = vip.latest_cursor(stage)
    for name in ("Ferri", "Galli", "Monti"):
        checkin.admit(stage, by_name[name])
    arrivals = vip.vip_arrivals(stage, start)
    assert [a.attendee.last_name for a in arrivals] == ["Ferri"]
    (ferri,) = arrivals
    assert ferri.desk_name == stage.desk.name and ferri.at_desk(stage.desk.id)
    assert ferri.host == "Dott. Bianchi"
    assert ferri.instruction == ["Accompagnare al desk protocollo", "giapponese"]
    assert vip.vip_arrivals(stage, ferri.cursor) == []  # announced once


def test_a_repeat_scan_or_an_undone_check_in_is_no_new_arrival(stage, people):
    sato = people[3]
    start = vip.latest_cursor(stage)
    checkin.admit(stage, sato)
    first = vip.vip_arrivals(stage, start)
    assert len(first) == 1
    again = checkin.admit(stage, stage.attendee(sato.id))
    assert again.status == checkin.ALREADY_CHECKED_IN
    assert vip.vip_arrivals(stage, first[0].cursor) == []
    checkin.undo(stage, stage.attendee(sato.id), "wrong person")
    assert vip.vip_arrivals(stage, start) == []
