"""The arrivals chart adds up to the people present (issue 9, reports): check-ins on other
days than the one the chart shows are a bar of their own, and said in words on the PDF."""

from __future__ import annotations

import pypdf

from desktop_app.core import reports
from desktop_app.core.export import ExportOptions, export_attendance, words
from tests.core.report_data import spread_checkins


def _two_days(stage, people):
    """Three people arrive on the stage's day, two were checked in the day before (a rehearsal
    left in, or a pre-event evening)."""
    ids = [p.id for p in people]
    spread_checkins(stage, ids[:3], start="2026-03-12T08:40:00+01:00", minutes=50)
    spread_checkins(stage, ids[3:5], start="2026-03-11T18:00:00+01:00", minutes=30, seed=2)


def test_bars_and_other_days_add_up_to_the_people_present(stage, people):
    _two_days(stage, people)
    stats = reports.stage_statistics(stage)
    assert stats["checked_in"] == 5
    assert stats["arrivals_day"] == "2026-03-12"
    assert sum(b["count"] for b in stats["arrivals"]) == 3
    assert stats["arrivals_other_days"] == 2
    assert sum(b["count"] for b in stats["arrivals"]) + stats["arrivals_other_days"] == 5


def test_a_stage_checked_in_on_one_day_has_no_other_days(stage, people):
    spread_checkins(stage, [p.id for p in people], start="2026-03-12T08:40:00+01:00")
    stats = reports.stage_statistics(stage)
    assert stats["arrivals_other_days"] == 0
    assert sum(b["count"] for b in stats["arrivals"]) == stats["checked_in"] == len(people)


def test_the_pdf_says_how_many_came_on_other_days(stage, people, tmp_path):
    _two_days(stage, people)
    out = tmp_path / "list.pdf"
    for lang in ("en", "it"):
        export_attendance(stage, out, "pdf", ExportOptions(lang=lang))
        summary = pypdf.PdfReader(out).pages[0].extract_text()
        assert f"{words(lang)['other_days']}: 2" in summary
    assert words("it")["other_days"] == "Altri giorni"
