"""The Reports screen's arrivals chart adds up to the people present (issue 9, reports)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from desktop_app.core import export
from desktop_app.ui import i18n
from desktop_app.ui.reports import ReportsWindow
from tests.core.report_data import spread_checkins


def _bars(chart) -> tuple[list[str], list[float]]:
    bars = chart.series()[0].barSets()[0]
    return chart.axes()[0].categories(), [bars.at(i) for i in range(bars.count())]


@pytest.mark.parametrize("lang", ["en", "it"])
def test_the_arrivals_bars_add_up_to_the_people_present(qtbot, stage, people, data_dir, lang):
    ids = [p.id for p in people]
    spread_checkins(stage, ids[:3], start="2026-03-12T08:40:00+01:00", minutes=50)
    spread_checkins(stage, ids[3:5], start="2026-03-11T18:00:00+01:00", minutes=30, seed=2)
    translators = i18n.load_translators(lang, data_dir / "cache") if lang == "it" else []
    for translator in translators:
        QApplication.instance().installTranslator(translator)
    try:
        widget = ReportsWindow(stage, lang=lang)
        qtbot.addWidget(widget)
        labels, counts = _bars(widget.arrivals_chart)
    finally:
        for translator in translators:
            QApplication.instance().removeTranslator(translator)
    present = widget.stats["checked_in"]
    assert present == 5 and str(present) in widget.checked_in_label.text()
    assert sum(counts) == present
    assert labels[-1] == export.words(lang)["other_days"] and counts[-1] == 2
