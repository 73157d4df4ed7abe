"""Reports ▸ Consular precedence…: the list a protocol officer reads, and its exports."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication

from desktop_app.core import checkin
from desktop_app.ui import i18n, workers
from desktop_app.ui.precedence import PrecedenceWindow
from desktop_app.ui.reports import ReportsWindow
from tests.core.test_precedence import CORPS


@pytest.fixture
def inline():
    """Workers inline, and English as a fresh app starts (a desk window opened in Italian by
    an earlier test leaves its catalogues installed)."""
    app = QApplication.instance()
    for translator in getattr(app, "_roadshow_translators", []):
        app.removeTranslator(translator)
    app._roadshow_translators = []
    workers.set_inline(True)
    yield
    workers.set_inline(False)


@pytest.fixture
def corps(stage):
    return [
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
        for first, last, country, rank, service, day in CORPS
    ]


def _column(window, index):
    return [window.table.item(r, index).text() for r in range(window.table.rowCount())]


def test_reports_opens_the_precedence_list(qtbot, stage, corps, inline, tmp_path):
    reports = ReportsWindow(stage, lang="en")
    qtbot.addWidget(reports)
    reports.precedence_button.click()
    window = reports.precedence_window
    assert window.isVisible()
    names = _column(window, 4)
    assert names[:3] == ["Amélie Durand", "Hiroshi Sato", "Elif Kaya"]
    assert "Amélie Durand (Francia)" in window.doyen_label.text()
    assert "Consuls General, Consuls" in window.greeting_label.text()
    assert _column(window, 7)[2] == "exequatur date missing"
    assert _column(window, 1)[:2] == ["A1", "A2"]

    # seats follow the spin box; present-only leaves out who has not arrived
    window.per_row.setValue(2)
    assert _column(window, 1)[:3] == ["A1", "A2", "B1"]
    checkin.admit(stage, corps[0])
    window.present_only.setChecked(True)
    assert _column(window, 4) == ["Hiroshi Sato"]
    assert "Hiroshi Sato (Giappone)" in window.doyen_label.text()

    window.present_only.setChecked(False)
    window.save_path = lambda fmt, suggested: tmp_path / suggested
    window.export_buttons["xlsx"].click()
    rows = list(load_workbook(window.last_export["file"]).worksheets[0].values)
    assert [r[4] for r in rows[1:3]] == ["Amélie Durand", "Hiroshi Sato"]


def test_rank_read_from_the_job_title_and_an_empty_list(qtbot, stage, people, inline):
    window = PrecedenceWindow(stage, lang="en")
    qtbot.addWidget(window)
    # the fixture's consul has no rank column, but "Console Generale" as job title
    assert _column(window, 4) == ["S.E. Hiroshi Sato"]
    assert _column(window, 3) == ["Consul General"]
    assert _column(window, 7) == ["exequatur date missing"]
    checkin.cancel_registration(stage, people[3], reason="non viene")
    window.refresh()
    assert window.table.rowCount() == 0 and window.result.doyen is None
    assert "No head of consular post" in window.doyen_label.text()
    assert not window.export_buttons["pdf"].isEnabled()


def test_italian(qtbot, stage, corps, inline, data_dir):
    app = QApplication.instance()
    translators = i18n.load_translators("it", data_dir / "cache")
    for translator in translators:
        app.installTranslator(translator)
    try:
        window = PrecedenceWindow(stage, lang="it")
        qtbot.addWidget(window)
        assert window.export_buttons["pdf"].text() == "Esporta PDF…"
        assert "Decano" in window.doyen_label.text()
        assert window.greeting_label.text().endswith("Signori Agenti Consolari")
        assert _column(window, 3)[3] == "Console Generale onorario"
        assert window.present_only.text() == "Solo i consoli presenti"
    finally:
        for translator in translators:
            app.removeTranslator(translator)
