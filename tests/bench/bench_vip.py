"""VIP arrival alert latency: a consul checked in at Desk B, until the notice shows on Desk A.

Two real desk windows (offscreen) on their own data dirs, a real hub on 127.0.0.1 (a thread),
each window's own sync loop at `--interval` seconds (the desk default is 2 s). Also the cost
of one poll of `core.vip.vip_arrivals` on a big stage (the window polls on every refresh).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_vip.py [--interval 2] [--runs 8]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402

from desktop_app.core import checkin, vip  # noqa: E402
from desktop_app.core.demo import populate  # noqa: E402
from desktop_app.core.desk import load_desk, rename_desk  # noqa: E402
from desktop_app.core.store import Stage, stage_path  # noqa: E402
from desktop_app.sync.client import SyncClient  # noqa: E402
from desktop_app.sync.hub import HubThread  # noqa: E402
from desktop_app.ui import app as ui_app  # noqa: E402
from desktop_app.ui import workers  # noqa: E402
from desktop_app.ui.settings import Settings, give_stages  # noqa: E402

SLUG = "bench-vip"


def settings_for(path: Path, url: str, token: str, interval: float) -> Settings:
    s = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    s.set("ui/language", "en")
    s.set("checkin/sounds", False)
    s.set("sync/hub_url", url)
    s.set("sync/token", token)
    s.set("sync/enabled", True)
    s.set("sync/interval_s", interval)
    give_stages(s, [SLUG])
    return s


def wait(predicate, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError
        QCoreApplication.processEvents()
        time.sleep(0.005)


def latency(tmp: Path, interval: float, runs: int) -> list[float]:
    ui_app.application()
    workers.set_inline(True)
    hub = HubThread(tmp / "hub.sqlite").start()
    a_dir, b_dir = tmp / "a", tmp / "b"
    for d, name in ((a_dir, "Desk A"), (b_dir, "Desk B")):
        d.mkdir()
        rename_desk(d, name)
    admin = hub.store.add_desk("organizer", admin=True)
    stage_a = Stage.create(a_dir, SLUG, title="Bench", date="2026-03-12", desk=load_desk(a_dir))
    consuls = [
        stage_a.new_attendee(
            {"first_name": f"Console{i}", "last_name": "Bench", "category": "consul"}
        )
        for i in range(runs)
    ]
    with SyncClient(a_dir, hub.url, admin) as client:
        client.sync_stage(SLUG, stage_a)
    token = hub.store.add_desk("Desk B")
    with SyncClient(b_dir, hub.url, token) as client:
        client.sync_stage(SLUG)
    stage_b = Stage.open_path(stage_path(b_dir, SLUG), load_desk(b_dir))
    windows = []
    for d, stage, s in (
        (a_dir, stage_a, settings_for(tmp / "a.ini", hub.url, admin, interval)),
        (b_dir, stage_b, settings_for(tmp / "b.ini", hub.url, token, interval)),
    ):
        w = ui_app.build_window(d, stage, s)
        w.show()
        windows.append(w)
    window_a, window_b = windows
    for w in windows:
        wait(lambda w=w: w.sync_indicator.text().startswith("● Synced"))
    out = []
    for person in consuls:
        time.sleep(interval * 0.37)  # check-ins fall anywhere in the sync loop's period
        started = time.perf_counter()
        window_b.admit([stage_b.attendee(person.id)])
        wait(lambda p=person: p.first_name in window_a.vip_notices.notices_text())
        out.append(time.perf_counter() - started)
        window_a.vip_notices.dismiss()
    for w in windows:
        w.sync_indicator.service.stop()
        w.close()
        w.stage.close()
    hub.stop()
    workers.set_inline(False)
    return out


def poll_cost(tmp: Path) -> float:
    d = tmp / "big"
    d.mkdir()
    stage = Stage.create(d, "big-vip", title="Big", date="2026-03-12", desk=load_desk(d))
    populate(stage, 5000, seed=7, checked_in_share=0.3)
    start = vip.latest_cursor(stage) - 50
    for person in stage.consular_corps()[:5]:
        if not person.checked_in:
            checkin.admit(stage, person)
    times = []
    for _ in range(50):
        t = time.perf_counter()
        vip.vip_arrivals(stage, start)
        times.append(time.perf_counter() - t)
    stage.close()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--interval", type=float, default=2.0)
    parser.add_argument("--runs", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        figures = latency(Path(tmp), args.interval, args.runs)
        cost = poll_cost(Path(tmp))
    print(
        f"VIP notice on desk A after a check-in at desk B (sync every {args.interval:g} s, "
        f"{len(figures)} runs): median {statistics.median(figures) * 1000:.0f} ms, "
        f"max {max(figures) * 1000:.0f} ms"
    )
    print(f"one vip_arrivals poll, 5,000-person stage, last 50+ check-ins: {cost * 1000:.2f} ms")


if __name__ == "__main__":
    main()
