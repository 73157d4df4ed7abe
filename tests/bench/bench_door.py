"""Door benchmark (not collected by CI): what refusals cost at a big stage.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_door.py [N]

On a stage of N (default 50,000) synthetic attendees, a third checked in, with 5,000 refused
scans already in the log:
  a refused scan (decision + durable `scan_refused` event)                 p99 <= 2 ms
  the desk's recent-outcomes rows (check-ins + this desk's refusals)        p99 <= 5 ms
  scan -> banner in the window, refused ticket                              p99 <= 30 ms
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def report(name: str, values: list[float], target: float) -> None:
    p99 = pct(values, 99)
    verdict = "ok" if p99 <= target else "NOT MET"
    print(
        f"{name}: p50 {statistics.median(values):.2f} ms, p99 {p99:.2f} ms "
        f"(target {target} ms) {verdict}"
    )


def main(n: int = 50_000) -> None:
    from PySide6.QtCore import QSettings

    from desktop_app.core import checkin
    from desktop_app.core.demo import populate
    from desktop_app.core.desk import load_desk
    from desktop_app.core.store import Stage
    from desktop_app.ui import app as ui_app
    from desktop_app.ui import door
    from desktop_app.ui.settings import Settings

    data_dir = Path(tempfile.mkdtemp(prefix="bench-door-"))
    stage = Stage.create(
        data_dir, "bench", title="Bench", date="2026-03-12", desk=load_desk(data_dir)
    )
    started = time.perf_counter()
    populate(stage, n, seed=3, checked_in_share=0.33)
    print(f"{n} people ready in {time.perf_counter() - started:.1f} s")
    stage.checkpoint_in_background()
    for i in range(5000):
        checkin.decide(stage, f"NOPE-{i}")
    refused = []
    for i in range(300):
        t = time.perf_counter()
        checkin.decide(stage, f"\x00bad{i}")
        refused.append((time.perf_counter() - t) * 1000)
    report("refused scan, durable", refused, 2)
    rows = []
    for _ in range(300):
        t = time.perf_counter()
        door.recent_rows(stage, 10, again="again", undone="undone")
        rows.append((time.perf_counter() - t) * 1000)
    qapp = ui_app.application()
    report("recent outcomes rows", rows, 5)
    settings = Settings(QSettings(str(data_dir / "bench.ini"), QSettings.Format.IniFormat))
    settings.set("checkin/sounds", False)
    window = ui_app.build_window(data_dir, stage, settings)
    window.resize(1366, 768)
    window.show()
    qapp.processEvents()
    banner = []
    forged = "RD1" + "A" * 118
    for _ in range(200):
        t = time.perf_counter()
        window.submit_scan(forged)
        banner.append((window.last_banner_at - t) * 1000)
        qapp.processEvents()
    report("scan -> banner, refused ticket", banner, 30)
    window.close()
    stage.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
