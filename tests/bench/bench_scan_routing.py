"""Scans taken from another window (not collected by CI): how long from the scanner's Enter
to the banner when the keys went to the Reports window, and to the queue when the walk-in
form was open; and that no scan leaked into the form.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_scan_routing.py [N]

Keys are sent as a scanner types them (tests/ui/keys.py: Shift before every capital).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main(n: int = 20_000) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop_app.core import demo, tickets
    from desktop_app.core.desk import load_desk
    from desktop_app.core.store import Stage
    from desktop_app.ui import app as ui_app
    from desktop_app.ui.settings import Settings
    from tests.bench.bench_ui import report
    from tests.ui import keys

    data_dir = Path(tempfile.mkdtemp(prefix="bench-scan-"))
    desk = load_desk(data_dir)
    stage = Stage.create(data_dir, "bench", title="Tappa", date="2026-03-12", desk=desk)
    demo.populate(stage, n)
    ui_app.application()
    settings = Settings(QSettings(str(data_dir / "bench.ini"), QSettings.Format.IniFormat))
    settings.set("checkin/sounds", False)
    window = ui_app.build_window(data_dir, stage, settings)
    window.resize(1366, 768)
    window.show()
    QTest.qWait(100)
    key = tickets.load_private_key(data_dir)
    sample = random.Random(7).sample(stage.attendees(), 200)

    window.open_reports()
    reports_times, lost = [], 0
    for a in sample[:100]:
        reports = window._reports
        reports.activateWindow()
        deadline = time.perf_counter() + 2
        while QApplication.activeWindow() is not reports and time.perf_counter() < deadline:
            QTest.qWait(2)
        keys.scan(tickets.sign_ticket(key, stage.info.code, a.code), suffix=None)
        t0 = time.perf_counter()
        keys.enter()
        if window.last_banner_at > t0:
            reports_times.append((window.last_banner_at - t0) * 1000)
        else:
            lost += 1
            QTest.qWait(300)
        QTest.qWait(1)
    print(f"Reports in front: {100 - lost}/100 scans reached the banner, {lost} lost")
    if reports_times:
        report("Reports in front: scan (Enter) -> banner", reports_times, 30)

    registered = stage.counts()["registered"]
    queue_times, handled = [], 0
    for a in sample[100:]:
        window.walk_in()
        deadline = time.perf_counter() + 2
        while time.perf_counter() < deadline and (
            QApplication.focusWidget() is None
            or QApplication.focusWidget().window() is not window.dialog
        ):
            QTest.qWait(2)
        dialog = window.dialog
        keys.scan(tickets.sign_ticket(key, stage.info.code, a.code), suffix=None)
        t0 = time.perf_counter()
        keys.enter()
        queue_times.append((time.perf_counter() - t0) * 1000)
        if window.dialog is dialog:
            dialog.reject()
        deadline = time.perf_counter() + 2
        while window.queued and time.perf_counter() < deadline:
            QTest.qWait(2)
        handled += stage.attendee(a.id).checked_in
    report("walk-in open: scan (Enter) -> queued", queue_times, 30)
    print(
        f"walk-in open: {handled}/100 scans checked in after the form closed, "
        f"{stage.counts()['registered'] - registered} people registered by mistake"
    )
    window.close()
    QTest.qWait(50)
    stage.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
