"""Statistics, finality and the whole-roadshow series report over real stage files."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from desktop_app.core import checkin, privacy, reports, sessions
from desktop_app.core.demo import populate
from desktop_app.core.errors import InvalidInput
from desktop_app.core.store import Stage, stage_path
from tests.core.report_data import OTHER_DESK, spread_checkins


def test_statistics_totals_breakdowns_and_arrivals(stage, people):
    spread_checkins(
        stage,
        [people[0].id, people[1].id, people[3].id],
        start="2026-03-12T09:01:00+00:00",
        minutes=10,
    )
    stage.new_attendee(
        {
            "first_name": "Ana",
            "last_name": "Lima",
            "category": "company",
            "countries": "Brasile; India",
            "sector": "Energia",
        }
    )
    checkin.cancel_registration(stage, people[4], "ill")
    stats = reports.stage_statistics(stage)
    assert (stats["registered"], stats["checked_in"], stats["no_show"]) == (5, 3, 2)
    assert stats["no_show_rate"] == pytest.approx(0.4)
    by_cat = {i["key"]: (i["registered"], i["checked_in"]) for i in stats["by_category"]}
    assert by_cat == {"company": (4, 2), "consul": (1, 1)}
    countries = {i["key"]: i["registered"] for i in stats["by_country"]}
    assert countries["Brasile"] == 1 and countries["India"] == 1
    assert countries[reports.UNKNOWN] == 4
    assert sum(b["count"] for b in stats["arrivals"]) == 3
    assert all(b["start"].minute % 15 == 0 for b in stats["arrivals"])
    assert stats["desks"] == [{"desk": "Desk 2", "checked_in": 3}]
    consuls = reports.stage_statistics(stage, category="consul")
    assert (consuls["registered"], consuls["checked_in"]) == (1, 1)


def test_arrival_buckets_keep_empty_quarters():
    from datetime import datetime

    t = [datetime(2026, 3, 12, 9, 1), datetime(2026, 3, 12, 9, 14), datetime(2026, 3, 12, 9, 50)]
    buckets = reports.arrival_buckets(t)
    assert [(b["label"], b["count"]) for b in buckets] == [
        ("09:00", 2),
        ("09:15", 0),
        ("09:30", 0),
        ("09:45", 1),
    ]


def test_session_statistics_count_people_present_there(stage, people):
    s = sessions.define_session(stage, "Workshop", capacity=1)
    checkin.admit(stage, people[0], session_id=s["id"])
    checkin.admit(stage, people[1])
    stats = reports.stage_statistics(stage, session_id=s["id"])
    assert stats["checked_in"] == 1
    assert stats["sessions"][0]["full"] is True


def test_finality_is_decided_from_plain_records_of_the_desks_heard(stage, people):
    checkin.admit(stage, people[0])
    assert reports.finality_from(stage, None).state == "unknown"
    mine = stage.unsynced_events()
    stage.mark_acknowledged([(e.id, i + 1) for i, e in enumerate(mine)])
    me = reports.HeardDesk(stage.desk.id, "Desk 1", mine[-1].desk_seq, final=True)
    assert reports.finality_from(stage, [me]).final
    queued = reports.HeardDesk(OTHER_DESK, "Desk 2", 0, last_heard="09:40")
    verdict = reports.finality_from(stage, [me, queued])
    assert verdict.state == "not_final" and verdict.reasons == [
        "Desk 'Desk 2' still had changes to send when last heard (09:40)."
    ]
    assert not reports.finality_from(stage, []).final  # the hub never heard from this desk


def test_person_and_company_keys():
    assert reports.person_key(" Anna@X.test ", "A", "B", "C") == "email:anna@x.test"
    assert reports.person_key("", "Nicolò", "Bertè", "Brembo S.p.A.") == reports.person_key(
        "", "Nicolo", "BERTE", "brembo spa"
    )
    assert reports.person_key("", "", "", "Brembo") is None
    assert reports.company_key("IT 01234567890", "X") == reports.company_key("01234567890", "Y")
    assert reports.company_key("", "Officine Rossi S.r.l.") == reports.company_key(
        "", "officine rossi srl"
    )


@pytest.fixture
def roadshow(make_stage):
    """Three stages of synthetic people, with the same people and firms coming back."""
    made = []
    for i, (slug, title, date, city) in enumerate(
        [
            ("bergamo", "Tappa di Bergamo", "2026-03-12", "Bergamo"),
            ("brescia", "Tappa di Brescia", "2026-05-20", "Brescia"),
            ("varese", "Tappa di Varese", "2026-09-15", "Varese"),
        ]
    ):
        stage = make_stage(slug, title=title, date=date, city=city)
        populate(stage, 60, seed=10 + i, checked_in_share=0.5)
        # persona emails repeat across populate() runs: make them stage-specific
        for a in stage.attendees():
            checkin.edit(stage, a, {"email": f"{slug}.{a.email}"})
        regular = stage.new_attendee(
            {
                "first_name": "Giulia",
                "last_name": "Rota",
                "email": "Giulia.Rota@Example.test",
                "company": "Brembo S.p.A.",
                "vat": "IT01234567890",
                "category": "company",
                "countries": "India; Vietnam",
                "sector": "Meccanica",
            }
        )
        colleague = stage.new_attendee(
            {
                "first_name": "Nicolò" if i else "Nicolo",
                "last_name": "Bertè",
                "company": "Brembo spa" if i else "BREMBO S.p.A.",
                "vat": "01234567890" if i < 2 else "",
                "category": "company",
                "sector": "Meccanica",
            }
        )
        if i < 2:
            checkin.admit(stage, regular)
        checkin.admit(stage, colleague)
        made.append(stage)
    return made


def test_series_report_matches_people_and_companies_across_stages(
    roadshow, data_dir, desk, tmp_path
):
    for stage in roadshow:
        stage.close()
    series = reports.collect_series(data_dir, desk)
    assert [s.slug for s in series.stages] == ["bergamo", "brescia", "varese"]
    giulia = series.people["email:giulia.rota@example.test"]
    assert giulia.stages == {"bergamo": True, "brescia": True, "varese": False}
    berte = [p for p in series.people.values() if p.name.endswith("Bertè") and not p.email]
    assert len(berte) == 1 and sum(berte[0].stages.values()) == 3
    brembo = series.companies["vat:01234567890"]
    assert len(brembo.people) == 2
    assert set(brembo.attended) == {"bergamo", "brescia", "varese"}
    summary = series.summary()
    assert summary["stages"] == 3
    assert summary["people_by_stages_attended"]["3"] == 1
    assert summary["registered"] == 3 * 62

    out = tmp_path / "series.xlsx"
    reports.write_series_xlsx(series, out)
    book = load_workbook(out)
    assert book.sheetnames == [
        "Overview",
        "Stages",
        "People",
        "Companies",
        "Countries of interest",
        "Sectors",
    ]
    overview = {r[0]: r[1] for r in book["Overview"].iter_rows(values_only=True) if r and r[0]}
    assert overview["Stages"] == 3 and overview["3 stages"] == 1
    assert book["Stages"].auto_filter.ref == "A1:M4"  # the totals row stays out of the filter
    stages = list(book["Stages"].iter_rows(values_only=True))
    assert stages[0][:7] == (
        "Stage",
        "Date",
        "City",
        "Registered",
        "Checked in",
        "No-shows",
        "No-show rate",
    )
    bergamo = stages[1]
    assert bergamo[0] == "Tappa di Bergamo" and bergamo[1].year == 2026
    assert bergamo[6] == pytest.approx((bergamo[3] - bergamo[4]) / bergamo[3])
    assert stages[-1][0] == "Total" and stages[-1][3] == 186
    people = list(book["People"].iter_rows(values_only=True))
    assert people[1][0].endswith("Bertè") and people[1][5] == 3  # most stages first
    row = next(r for r in people if r[2] == "giulia.rota@example.test")
    assert row[4:] == (3, 2, "attended", "attended", "no-show")
    firms = list(book["Companies"].iter_rows(values_only=True))
    assert firms[1][1] == "01234567890" and firms[1][3] == 3
    countries = {r[0]: r for r in book["Countries of interest"].iter_rows(values_only=True)}
    assert countries["India"][2] >= 1
    assert book["People"].freeze_panes == "A2" and book["People"].auto_filter.ref


def test_series_skips_a_damaged_stage_file(roadshow, data_dir, desk):
    for stage in roadshow:
        stage.close()
    stage_path(data_dir, "varese").write_bytes(b"not a database at all" * 100)
    series = reports.collect_series(data_dir, desk)
    assert [s.slug for s in series.stages] == ["bergamo", "brescia"]
    assert series.skipped == ["varese"]


def test_erase_blanks_the_person_everywhere_but_keeps_the_numbers(stage, people):
    berte = people[0]
    checkin.admit(stage, berte)
    before = reports.stage_statistics(stage)
    privacy.erase_attendee(stage, berte, operator="dpo")
    gone = stage.attendee(berte.id)
    assert (
        gone.redacted and gone.first_name == "" and gone.email == "" and gone.external_codes == []
    )
    assert gone.checked_in and gone.category == "company"
    assert berte.id not in [a.id for a in stage.search("berte")]
    assert "Bertè" not in " ".join(str(e.payload) for e in stage.events())
    assert reports.stage_statistics(stage)["checked_in"] == before["checked_in"]
    with pytest.raises(InvalidInput, match="already erased"):
        privacy.erase_attendee(stage, gone)


def test_purge_refuses_while_events_are_unsynced_and_says_what_would_be_lost(
    stage, people, data_dir, desk
):
    checkin.admit(stage, people[0])
    stage.close()
    with pytest.raises(privacy.UnsyncedEvents) as info:
        privacy.purge_stage(data_dir, "bergamo-2026", desk)
    assert "1 check-in(s)" in info.value.message and "--force" in info.value.message
    assert stage_path(data_dir, "bergamo-2026").exists()
    with Stage.open(data_dir, "bergamo-2026", desk) as again:
        again.mark_acknowledged([(e.id, i + 1) for i, e in enumerate(again.events())])
    outcome = privacy.purge_stage(data_dir, "bergamo-2026", desk)
    assert outcome["lost"] == 0
    assert not list(stage_path(data_dir, "bergamo-2026").parent.glob("bergamo-2026*"))


def test_forced_purge_deletes_everything_and_counts_the_loss(stage, people, data_dir, desk):
    checkin.admit(stage, people[0])
    stage.close()
    outcome = privacy.purge_stage(data_dir, "bergamo-2026", desk, force=True)
    assert outcome["lost"] == outcome["events"] == 7
    assert outcome["lost_by_kind"]["checkin"] == 1
    assert not stage_path(data_dir, "bergamo-2026").exists()
