"""The Reports screen: live totals, the charts of the PDF (QtCharts), filters, export buttons,
and whether the numbers are final (every desk heard from since its last check-in).

Numbers come from `core.reports.stage_statistics`; exports from `core.export`. Exports run on
a worker with their own connection to the stage file, so the desk never freezes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import export, reports
from desktop_app.core.model import CATEGORIES
from desktop_app.core.store import Stage
from desktop_app.sync import finality as hub_finality
from desktop_app.ui import workers
from desktop_app.ui.export_bar import ExportBar

REFRESH_MS = 3000
MAX_BARS = 8  # country / sector charts: the biggest ones, then "Others" (and "(not given)")
_BLUE = QColor(41, 84, 153)
_GREY = QColor(191, 199, 214)

SavePath = Callable[[str, str], "Path | None"]  # (format, suggested name) -> path or None
HubStatus = Callable[[], "list[dict[str, Any]] | None"]  # the hub's desks list, or None


class ReportsWindow(QWidget):
    """A window (or an embeddable widget) with a stage's live numbers and exports."""

    def __init__(
        self,
        stage: Stage,
        *,
        parent: QWidget | None = None,
        data_dir: Path | None = None,
        settings: Any = None,
        lang: str | None = None,
        save_path: SavePath | None = None,
        hub_status: HubStatus | None = None,
    ) -> None:
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window, True)
        self.stage = stage
        self.data_dir = data_dir
        self.settings = settings
        self.lang = lang or _language(settings)
        self.save_path = save_path or self._ask_save_path
        self.hub_status = hub_status or self._hub_status_from_settings
        self.hub_desks: list[dict[str, Any]] | None = None
        self.stats: dict[str, Any] = {}
        self.finality = reports.Finality("unknown")
        self._event_count = -1
        self.setWindowTitle(self.tr("Reports — %1").replace("%1", stage.info.title))
        self.resize(1200, 760)
        self._build()
        self.refresh(force=True)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(REFRESH_MS)

    # --- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        from desktop_app.ui.text import date_text

        info = self.stage.info
        place = " · ".join(p for p in (date_text(info.date), info.venue, info.city) if p)
        title = QLabel(f"<b>{info.title}</b> · {place}")
        title.setTextFormat(Qt.TextFormat.RichText)
        root.addWidget(title)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Session")))
        self.session_box = QComboBox()
        filters.addWidget(self.session_box)
        filters.addWidget(QLabel(self.tr("Category")))
        self.category_box = QComboBox()
        self.category_box.addItem(self.tr("All categories"), "")
        for category in CATEGORIES:
            self.category_box.addItem(reports.category_label(category, self.lang), category)
        filters.addWidget(self.category_box)
        self.checked_in_only = QCheckBox(self.tr("Checked-in people only (exports)"))
        filters.addWidget(self.checked_in_only)
        self.signature = QCheckBox(self.tr("Signature column (PDF)"))
        filters.addWidget(self.signature)
        filters.addStretch(1)
        self.sessions_button = QPushButton(self.tr("Sessions…"))
        self.sessions_button.clicked.connect(self.open_sessions)
        filters.addWidget(self.sessions_button)
        self.precedence_button = QPushButton(self.tr("Consular precedence…"))
        self.precedence_button.clicked.connect(self.open_precedence)
        filters.addWidget(self.precedence_button)
        root.addLayout(filters)
        self._fill_sessions()
        self.session_box.currentIndexChanged.connect(lambda _: self.refresh(force=True))
        self.category_box.currentIndexChanged.connect(lambda _: self.refresh(force=True))

        totals = QHBoxLayout()
        self.registered_label = _big_label()
        self.checked_in_label = _big_label()
        self.no_show_label = _big_label()
        for label in (self.registered_label, self.checked_in_label, self.no_show_label):
            totals.addWidget(label)
        root.addLayout(totals)
        final_row = QHBoxLayout()
        self.final_label = QLabel()
        self.final_label.setWordWrap(True)
        final_row.addWidget(self.final_label, 1)
        self.ask_hub_button = QPushButton(self.tr("Ask the hub"))
        self.ask_hub_button.clicked.connect(self.ask_hub)
        final_row.addWidget(self.ask_hub_button)
        root.addLayout(final_row)

        # the charts scroll when the window is too short to draw every bar's label
        charts = QWidget()
        grid = QGridLayout(charts)
        grid.setContentsMargins(0, 0, 0, 0)
        self.chart_views: dict[str, QChartView] = {}
        self.arrivals_chart = _chart(self.tr("Arrivals per 15 minutes"))
        self.category_chart = _chart(self.tr("By category"))
        self.country_chart = _chart(self.tr("By country of interest"))
        self.sector_chart = _chart(self.tr("By sector"))
        for index, (key, chart) in enumerate(
            (
                ("arrivals", self.arrivals_chart),
                ("category", self.category_chart),
                ("country", self.country_chart),
                ("sector", self.sector_chart),
            )
        ):
            view = QChartView(chart)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(MIN_CHART_HEIGHT)
            grid.addWidget(view, index // 2, index % 2)
            self.chart_views[key] = view
        self.charts_area = QScrollArea()
        self.charts_area.setWidget(charts)
        self.charts_area.setWidgetResizable(True)
        self.charts_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.charts_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        root.addWidget(self.charts_area, 1)

        self.exports = ExportBar(
            (
                ("csv", self.tr("Export CSV…")),
                ("xlsx", self.tr("Export Excel…")),
                ("pdf", self.tr("Export PDF…")),
            ),
            self.export,
        )
        self.export_buttons, self.status_label = self.exports.buttons, self.exports.status
        root.addLayout(self.exports.layout)

    def _fill_sessions(self) -> None:
        current = self.session_box.currentData()
        self.session_box.blockSignals(True)
        self.session_box.clear()
        self.session_box.addItem(self.tr("Whole stage (entrance)"), "")
        for s in self.stage.sessions():
            self.session_box.addItem(s["name"], s["id"])
        index = self.session_box.findData(current) if current else 0
        self.session_box.setCurrentIndex(max(index, 0))
        self.session_box.blockSignals(False)

    def open_sessions(self) -> QWidget:
        """The sessions editor (add, import); the filter and numbers follow its changes."""
        from desktop_app.ui.sessions import SessionsEditor

        operator = self.settings.get("desk/operator") if self.settings is not None else ""
        self.sessions_editor = SessionsEditor(
            self.stage, parent=self, lang=self.lang, operator=operator or ""
        )
        self.sessions_editor.changed.connect(lambda: self.refresh(force=True))
        self.sessions_editor.show()
        return self.sessions_editor

    def open_precedence(self) -> QWidget:
        """The Consular Corps in order of precedence, with its PDF and XLSX exports."""
        from desktop_app.ui.precedence import PrecedenceWindow

        self.precedence_window = PrecedenceWindow(self.stage, parent=self, lang=self.lang)
        self.precedence_window.show()
        return self.precedence_window

    # --- numbers -----------------------------------------------------------------------------

    @property
    def session_id(self) -> str:
        return self.session_box.currentData() or ""

    @property
    def category(self) -> str | None:
        return self.category_box.currentData() or None

    def refresh(self, force: bool = False) -> None:
        """Recompute when something changed in the stage (or when asked)."""
        count = self.stage.event_count()
        if not force and count == self._event_count:
            return
        if count != self._event_count and self.session_box.count() - 1 != len(
            self.stage.sessions()
        ):
            self._fill_sessions()
        self._event_count = count
        started = time.perf_counter()
        self.stats = reports.stage_statistics(
            self.stage, session_id=self.session_id, category=self.category
        )
        # a huge stage takes a moment to count: refresh less often, never hog the desk
        spent_ms = (time.perf_counter() - started) * 1000
        if hasattr(self, "timer"):
            self.timer.setInterval(max(REFRESH_MS, int(spent_ms * 30)))
        s = self.stats
        share = f" ({s['checked_in'] / s['registered']:.0%})" if s["registered"] else ""
        self.registered_label.setText(self.tr("Registered\n%1").replace("%1", str(s["registered"])))
        present = self.tr("Present at the session") if self.session_id else self.tr("Checked in")
        self.checked_in_label.setText(f"{present}\n{s['checked_in']}{share}")
        self.no_show_label.setText(self.tr("Not checked in\n%1").replace("%1", str(s["no_show"])))
        self._draw_charts()
        self._show_finality(hub_finality.finality(self.stage, self.hub_desks))

    def _show_finality(self, finality: reports.Finality) -> None:
        self.finality = finality
        if finality.state == "final":
            text = self.tr(
                "✔ Numbers are final: every desk was heard from since its last check-in."
            )
        elif finality.state == "not_final":
            text = self.tr("⟲ Numbers are not final yet: %1").replace(
                "%1", " ".join(finality.reasons[:3])
            )
        else:
            text = self.tr(
                "? Whether the numbers are final is not known: the sync hub has not said "
                "which desks it heard from."
            )
        self.final_label.setText(text)

    def _draw_charts(self) -> None:
        s = self.stats
        labels = [b["label"] for b in s["arrivals"]]
        counts = [b["count"] for b in s["arrivals"]]
        if s["arrivals_other_days"]:  # so the bars add up to the people present
            labels.append(self.tr("Other days"))
            counts.append(s["arrivals_other_days"])
        _fill_vertical(self.arrivals_chart, labels, counts, self.tr("Arrivals"))
        _fill_horizontal(
            self.category_chart,
            [(reports.category_label(i["key"], self.lang), i) for i in s["by_category"]],
            self.tr("Registered"),
            self.tr("Checked in"),
        )
        self._fit(self.chart_views["category"], self.category_chart)
        for chart, key in ((self.country_chart, "by_country"), (self.sector_chart, "by_sector")):
            _fill_horizontal(
                chart,
                top_bars(s[key], self.tr("Others"), self.tr("(not given)")),
                self.tr("Registered"),
                self.tr("Checked in"),
            )
            self._fit(self.chart_views[key.removeprefix("by_")], chart)

    @staticmethod
    def _fit(view: QChartView, chart: QChart) -> None:
        """Tall enough for Qt to draw every category's label (it hides the ones that overlap)."""
        view.setMinimumHeight(max(MIN_CHART_HEIGHT, chart_height_for(chart)))

    # --- is it final? -------------------------------------------------------------------------

    def _hub_status_from_settings(self) -> list[dict[str, Any]] | None:
        if self.settings is None:
            return None
        url, token = self.settings.get("sync/hub_url"), self.settings.get("sync/token")
        if not url or not token:
            return None
        from desktop_app.sync.client import HubClient

        client = HubClient(url, token, self.stage.desk.id, timeout=5.0)
        try:  # any desk's token may ask which desks the hub heard from
            return client.desks(self.stage.info.slug)
        finally:
            client.close()

    def ask_hub(self) -> None:
        self.ask_hub_button.setEnabled(False)
        self.final_label.setText(self.tr("Asking the hub…"))

        def done(desks: list[dict[str, Any]] | None) -> None:
            self.ask_hub_button.setEnabled(True)
            self.hub_desks = desks
            if desks is not None:  # kept for next time, as the sync worker keeps it
                hub_finality.remember(self.stage, desks)
            self._show_finality(hub_finality.finality(self.stage, desks))

        def failed(exc: Exception) -> None:
            self.ask_hub_button.setEnabled(True)
            message = getattr(exc, "message", "") or str(exc)
            self._show_finality(reports.Finality("unknown", [message]))
            self.final_label.setText(
                self.final_label.text()
                + " "
                + self.tr("(The hub could not be asked: %1)").replace("%1", message)
            )

        workers.run_task(self.hub_status, done, failed)

    # --- exports ------------------------------------------------------------------------------

    def _ask_save_path(self, fmt: str, suggested: str) -> Path | None:
        filters = {"csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)", "pdf": "PDF (*.pdf)"}
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the attendance list"), suggested, filters[fmt]
        )
        return Path(name) if name else None

    def export_options(self) -> export.ExportOptions:
        return export.ExportOptions(
            session_id=self.session_id,
            category=self.category,
            checked_in_only=self.checked_in_only.isChecked(),
            lang=self.lang,
            signature=self.signature.isChecked(),
        )

    def export(self, fmt: str) -> None:
        suggested = f"{self.stage.info.slug}-{self.stage.info.date}.{fmt}"
        path = self.save_path(fmt, suggested)
        if not path:
            return
        options = self.export_options()
        stage_file, desk = self.stage.path, self.stage.desk

        def work() -> dict[str, Any]:
            with Stage.open_path(stage_file, desk) as own:  # a connection of this thread
                return export.export_attendance(own, Path(path), fmt, options)

        def done(outcome: dict[str, Any]) -> str:
            self.last_export = outcome
            return (
                self.tr("Exported %1 people to %2")
                .replace("%1", str(outcome["rows"]))
                .replace("%2", Path(outcome["file"]).name)
            )

        self.exports.run(work, done, self.tr("Export failed: %1"), self.tr("Exporting…"))

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        self.timer.stop()
        super().closeEvent(event)


MIN_CHART_HEIGHT = 250
_ROW_GAP = 6  # room between two category labels, on top of the font's height


def top_bars(
    items: list[dict[str, Any]], others: str, not_given: str, limit: int = MAX_BARS
) -> list[tuple[str, dict[str, Any]]]:
    """At most `limit` bars, biggest first: the named ones, then "Others" (the rest added up),
    then "(not given)" (never folded into "Others": it is often the biggest one)."""
    named = [i for i in items if i["key"] != reports.UNKNOWN]
    unknown = [i for i in items if i["key"] == reports.UNKNOWN]
    room = limit - len(unknown)
    if len(named) > room:
        rest = named[room - 1 :]
        named = named[: room - 1]
        named.append(
            {
                "key": others,
                "registered": sum(i["registered"] for i in rest),
                "checked_in": sum(i["checked_in"] for i in rest),
            }
        )
    out = [(i["key"], i) for i in named]
    return out + [(not_given, i) for i in unknown]


def chart_height_for(chart: QChart) -> int:
    """The height a horizontal bar chart needs to label each of its bars."""
    axes = [a for a in chart.axes() if isinstance(a, QBarCategoryAxis)]
    if not axes:
        return 0
    axis = axes[0]
    line = QFontMetricsF(axis.labelsFont()).height()
    title = QFontMetricsF(chart.titleFont()).height()
    # title, value-axis labels, legend and margins around the plot
    chrome = title + 3 * line + 50
    return int(axis.count() * (line + _ROW_GAP) + chrome)


def _language(settings: Any) -> str:
    from desktop_app.ui.i18n import choose_language

    value = settings.get("ui/language") if settings is not None else ""
    return choose_language(value or "")


def _big_label() -> QLabel:
    label = QLabel()
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("background: #eef2f8; border-radius: 6px; padding: 8px;")
    return label


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def _clear(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


def _value_axis(top: int) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, max(5, top))
    axis.setLabelFormat("%d")
    axis.applyNiceNumbers()
    return axis


def _fill_vertical(chart: QChart, labels: list[str], counts: list[int], name: str) -> None:
    _clear(chart)
    bars = QBarSet(name)
    bars.setColor(_BLUE)
    bars.append([float(c) for c in counts])
    series = QBarSeries()
    series.append(bars)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append(labels or [""])
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = _value_axis(max(counts, default=0))
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    chart.legend().setVisible(False)


def _fill_horizontal(
    chart: QChart, items: list[tuple[str, dict[str, Any]]], registered: str, present: str
) -> None:
    _clear(chart)
    items = list(reversed(items))  # the biggest at the top
    reg = QBarSet(registered)
    reg.setColor(_GREY)
    reg.append([float(i["registered"]) for _, i in items])
    came = QBarSet(present)
    came.setColor(_BLUE)
    came.append([float(i["checked_in"]) for _, i in items])
    series = QHorizontalBarSeries()
    series.append(reg)
    series.append(came)
    chart.addSeries(series)
    axis_y = QBarCategoryAxis()
    axis_y.append([label for label, _ in items] or [""])
    axis_y.setTruncateLabels(False)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    axis_x = _value_axis(max((i["registered"] for _, i in items), default=0))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    chart.legend().setVisible(True)


def open_reports(
    parent: QWidget | None = None,
    stage: Stage | None = None,
    data_dir: Path | None = None,
    settings: Any = None,
) -> ReportsWindow:
    """A stage's reports window (the desk window builds it directly: Stage ▸ Reports…)."""
    assert stage is not None
    return ReportsWindow(stage, parent=parent, data_dir=data_dir, settings=settings)
