"""The Reports screen, offscreen: live totals, charts, filters, exports, finality."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook
from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel

from desktop_app.core import checkin, reports, sessions
from desktop_app.core.demo import populate
from desktop_app.ui import i18n, workers
from desktop_app.ui.reports import MAX_BARS, ReportsWindow, open_reports, top_bars
from desktop_app.ui.sessions import SessionsEditor
from tests.core.report_data import spread_checkins


@pytest.fixture
def inline():
    workers.set_inline(True)
    yield
    workers.set_inline(False)


@pytest.fixture
def italian(data_dir):
    """The shipped Italian catalogues installed, as the app does for an Italian desk."""
    app = QApplication.instance()
    translators = i18n.load_translators("it", data_dir / "cache")
    assert translators
    for translator in translators:
        app.installTranslator(translator)
    yield
    for translator in translators:
        app.removeTranslator(translator)


@pytest.fixture
def screen(qtbot, stage, people, inline, tmp_path):
    spread_checkins(
        stage, [people[0].id, people[3].id], start="2026-03-12T09:05:00+00:00", minutes=20
    )
    saved = {}

    def save_path(fmt, suggested):
        saved[fmt] = tmp_path / suggested
        return saved[fmt]

    widget = ReportsWindow(stage, lang="en", save_path=save_path)
    widget.saved = saved
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _bars(chart):
    series = chart.series()[0]
    return [[s.at(i) for i in range(s.count())] for s in series.barSets()]


def test_totals_and_charts_show_the_stage(screen):
    assert screen.registered_label.text().split() == ["Registered", "5"]
    assert "2 (40%)" in screen.checked_in_label.text()
    assert screen.no_show_label.text().endswith("3")
    assert sum(_bars(screen.arrivals_chart)[0]) == 2
    registered, present = _bars(screen.category_chart)
    assert sum(registered) == 5 and sum(present) == 2
    labels = screen.category_chart.axes()[0].categories()
    assert "Consul-Delegation" in labels
    assert screen.country_chart.series() and screen.sector_chart.series()


def test_live_refresh_and_filters(screen, stage, people, qtbot):
    checkin.admit(stage, people[2])
    screen.refresh()  # the timer does this every few seconds
    assert "3 (60%)" in screen.checked_in_label.text()
    screen.category_box.setCurrentIndex(screen.category_box.findData("consul"))
    assert screen.registered_label.text().split() == ["Registered", "1"]
    s = sessions.define_session(stage, "Workshop India", capacity=1)
    screen.refresh()
    index = screen.session_box.findData(s["id"])
    assert index > 0  # the new session appears in the filter by itself
    screen.category_box.setCurrentIndex(0)
    screen.session_box.setCurrentIndex(index)
    assert screen.checked_in_label.text().startswith("Present at the session\n0")
    checkin.admit(stage, people[1], session_id=s["id"])
    screen.refresh()
    assert screen.checked_in_label.text().startswith("Present at the session\n1")


def test_exports_from_the_buttons(screen, qtbot):
    screen.checked_in_only.setChecked(True)
    qtbot.mouseClick(screen.export_buttons["csv"], _left())
    text = screen.saved["csv"].read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert sorted(r["Last name"] for r in rows) == ["Bertè", "Sato"]
    assert "Exported 2 people" in screen.status_label.text()
    qtbot.mouseClick(screen.export_buttons["xlsx"], _left())
    assert load_workbook(screen.saved["xlsx"]).sheetnames == ["Attendees", "Sessions", "Summary"]
    screen.signature.setChecked(True)
    qtbot.mouseClick(screen.export_buttons["pdf"], _left())
    assert screen.saved["pdf"].read_bytes().startswith(b"%PDF")
    assert all(b.isEnabled() for b in screen.export_buttons.values())


def test_an_export_that_fails_says_so(screen, tmp_path, qtbot):
    screen.save_path = lambda fmt, name: tmp_path / "missing-folder" / name
    qtbot.mouseClick(screen.export_buttons["csv"], _left())
    assert screen.status_label.text().startswith("Export failed")


def test_finality_not_known_until_the_hub_answers(screen, stage):
    assert screen.finality.state == "unknown"
    assert "not known" in screen.final_label.text()
    hub = [
        {
            "desk_id": "01900000-0000-7000-8000-00000000d2d2",
            "name": "Desk 2",
            "up_to_desk_seq": 2,
            "gaps": False,
            "final": True,
        },
    ]
    stage.mark_acknowledged([(e.id, i + 1) for i, e in enumerate(stage.unsynced_events())])
    screen.hub_status = lambda: hub
    screen.ask_hub()
    assert screen.finality.state == "final"
    assert "final" in screen.final_label.text()
    hub[0]["final"] = False
    screen.ask_hub()
    assert "not final yet" in screen.final_label.text()

    def unreachable():
        from desktop_app.core.errors import RoadshowError

        raise RoadshowError("The hub cannot be reached.")

    screen.hub_status = unreachable
    screen.ask_hub()
    assert screen.finality.state == "unknown"
    assert "cannot be reached" in screen.final_label.text()


def test_the_desk_window_hook_opens_it(qtbot, stage, people, inline):
    widget = open_reports(parent=None, stage=stage)
    qtbot.addWidget(widget)
    assert isinstance(widget, ReportsWindow)
    assert "Tappa di Bergamo" in widget.windowTitle()


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_italian_screen(qtbot, stage, people, inline, italian):
    widget = ReportsWindow(stage, lang="it")
    qtbot.addWidget(widget)
    assert widget.registered_label.text().split() == ["Iscritti", "5"]
    assert widget.category_box.itemText(widget.category_box.findData("consul")) == (
        "Console-Delegazione"
    )
    assert "Non si sa" in widget.final_label.text()
    assert widget.export_buttons["pdf"].text() == "Esporta PDF…"


def _category_axis(chart):
    (axis,) = [a for a in chart.axes() if isinstance(a, QBarCategoryAxis)]
    return axis


def test_every_bar_of_the_country_and_sector_charts_has_a_label(qtbot, stage, inline, italian):
    populate(stage, 200)  # a dozen countries and sectors, some people with none
    widget = ReportsWindow(stage, lang="it")
    qtbot.addWidget(widget)
    widget.resize(1366, 768)  # the organisers' laptop
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(50)
    for key, chart in (("by_country", widget.country_chart), ("by_sector", widget.sector_chart)):
        items = widget.stats[key]
        assert len(items) > MAX_BARS  # more than fit: the smallest are added up
        axis = _category_axis(chart)
        labels = axis.categories()
        registered, present = _bars(chart)
        assert len(labels) == len(registered) == len(present) == MAX_BARS
        # the biggest at the top: "(not given)" and "Others" at the bottom, each with its label
        assert labels[:2] == ["(non indicato)", "Altri"]
        assert sum(registered) == sum(i["registered"] for i in items)  # nobody lost
        assert sum(present) == sum(i["checked_in"] for i in items)
        # Qt hides the labels that would overlap: each bar gets more than a line of text
        line = QFontMetricsF(axis.labelsFont()).height()
        assert chart.plotArea().height() / len(labels) >= line + 2, key
    assert widget.charts_area.verticalScrollBar().maximum() == 0  # all in view, no scrolling
    # a short window scrolls the charts rather than squeezing their labels away
    widget.resize(1366, 500)
    qtbot.wait(50)
    chart = widget.country_chart
    line = QFontMetricsF(_category_axis(chart).labelsFont()).height()
    assert chart.plotArea().height() / MAX_BARS >= line + 2
    assert widget.charts_area.verticalScrollBar().maximum() > 0


def test_top_bars_keep_the_biggest_and_add_up_the_rest():
    items = [{"key": f"k{n}", "registered": 10 - n, "checked_in": 1} for n in range(10)]
    items.append({"key": reports.UNKNOWN, "registered": 50, "checked_in": 5})
    bars = top_bars(items, "Others", "(not given)", limit=5)
    assert [label for label, _ in bars] == ["k0", "k1", "k2", "Others", "(not given)"]
    assert bars[3][1]["registered"] == sum(range(1, 8)) and bars[3][1]["checked_in"] == 7
    few = top_bars(items[:3], "Others", "(not given)", limit=5)
    assert [label for label, _ in few] == ["k0", "k1", "k2"]


def test_italian_words_are_the_desks_and_the_pdfs(qtbot, stage, people, inline, italian):
    """Presenti / Assenti, as on the desk and in the exported PDF, with the shipped catalogues."""
    from desktop_app.core import export

    widget = ReportsWindow(stage, lang="it")
    qtbot.addWidget(widget)
    words = export.words("it")
    assert widget.checked_in_label.text().split("\n")[0] == words["present"] == "Presenti"
    assert widget.no_show_label.text().split() == [words["no_show"], "5"]
    assert widget.checked_in_only.text() == "Solo presenti (esportazioni)"
    assert widget.arrivals_chart.title() == words["arrivals"]
    names = [s.label() for s in widget.category_chart.series()[0].barSets()]
    assert names == ["Iscritti", "Presenti"]
    shown = " ".join(w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QCheckBox))
    assert "ntrat" not in shown  # no "Entrati" / "Non entrati" left


def test_the_sessions_editor_closes_with_its_button_and_with_esc(screen, qtbot):
    editor = screen.open_sessions()
    qtbot.addWidget(editor)
    qtbot.waitExposed(editor)
    assert editor.close_button.text() == "Close" and editor.close_button.isVisible()
    qtbot.mouseClick(editor.close_button, _left())
    assert not editor.isVisible()
    editor = screen.open_sessions()
    qtbot.addWidget(editor)
    qtbot.waitExposed(editor)
    editor.activateWindow()
    editor.name.setFocus()
    qtbot.keyClick(editor.name, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    italian = SessionsEditor(screen.stage, lang="it")
    qtbot.addWidget(italian)
    assert italian.close_button.text() == "Chiudi"


def test_sessions_entered_and_imported_in_the_app(screen, stage, tmp_path, qtbot):
    editor = screen.open_sessions()
    qtbot.addWidget(editor)
    editor.name.setText("Workshop: export verso l'India")
    editor.kind.setCurrentIndex(editor.kind.findData("workshop"))
    editor.room.setText("Sala Volta")
    editor.starts.setText("11:00")
    editor.ends.setText("12:30")
    editor.capacity.setText("40")
    qtbot.mouseClick(editor.add_button, _left())
    assert editor.table.rowCount() == 1
    assert editor.table.item(0, 5).text() == "0 / 40"
    assert stage.sessions()[0]["starts_at"] == "2026-03-12T11:00"
    assert screen.session_box.findData(stage.sessions()[0]["id"]) > 0  # the screen follows
    editor.name.setText("Late")
    editor.starts.setText("12:00")
    editor.ends.setText("11:00")
    qtbot.mouseClick(editor.add_button, _left())
    assert "end before" in editor.message.text() and editor.table.rowCount() == 1
    file = tmp_path / "sessions.csv"
    file.write_text("Nome;Sala;Inizio;Fine;Capienza\nPlenaria;Auditorium;09:30;10:30;\n", "utf-8")
    editor.open_path = lambda: file
    qtbot.mouseClick(editor.import_button, _left())
    assert editor.table.rowCount() == 2
    assert "1 new" in editor.message.text()


def test_ask_a_real_hub_with_the_desk_settings(
    qtbot, stage, people, data_dir, desk_settings, inline, tmp_path, capsys
):
    from desktop_app.cli import main
    from desktop_app.sync.hub import HubThread

    with HubThread(tmp_path / "hub.sqlite") as hub:
        token = hub.store.add_desk("Organizer", admin=True)
        assert (
            main(
                [
                    "--data-dir",
                    str(data_dir),
                    "sync",
                    stage.info.slug,
                    "--hub",
                    hub.url,
                    "--token",
                    token,
                ]
            )
            == 0
        )
        capsys.readouterr()
        desk_settings.set("sync/hub_url", hub.url)
        desk_settings.set("sync/token", token)
        widget = ReportsWindow(stage, settings=desk_settings)
        qtbot.addWidget(widget)
        widget.ask_hub()
        assert widget.finality.state == "final", widget.finality.reasons
        assert widget.final_label.text().startswith("✔")
    # the answer is kept: a new screen knows it without asking
    again = ReportsWindow(stage, settings=desk_settings)
    qtbot.addWidget(again)
    assert again.finality.state == "final"
