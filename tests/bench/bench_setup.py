"""Pairing desks by setup code, on loopback: the hub in its own process, as at a venue.

Target (issue 11, pretixSCAN's setup QR as the anchor): 6 desks set up in 5 minutes at
most. Measured here is the machine's part of it: register the desk on the hub, make the
code, read it back, configure the desk and download the stage (N people), for each desk.
A person scanning a code from a screen takes a few seconds more per desk.

    .venv/bin/python tests/bench/bench_setup.py [--desks 6] [--people 3000]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx  # noqa: E402
from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402

from desktop_app.core import setup_code  # noqa: E402
from desktop_app.core.demo import populate  # noqa: E402
from desktop_app.core.desk import load_desk  # noqa: E402
from desktop_app.core.store import Stage  # noqa: E402
from desktop_app.sync.client import SyncClient  # noqa: E402
from desktop_app.sync.hubstore import HubStore  # noqa: E402
from desktop_app.ui.settings import Settings  # noqa: E402
from desktop_app.ui.stage_picker import join_hub  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--desks", type=int, default=6)
    parser.add_argument("--people", type=int, default=3000)
    args = parser.parse_args()
    QCoreApplication([])
    root = Path(tempfile.mkdtemp())
    db = root / "hub.sqlite"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    with HubStore(db) as store:
        admin = store.add_desk("Organizer", admin=True)
    hub = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "hub", "serve", "--db", str(db), "--port", str(port)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        for _ in range(200):
            try:
                if httpx.get(url + "/v1/health", timeout=0.5).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.05)
        org = root / "org"
        org.mkdir()
        stage = Stage.create(
            org, "bergamo-2026", title="Bench", date="2026-03-12", desk=load_desk(org)
        )
        populate(stage, args.people, seed=3, checked_in_share=0.0)
        with SyncClient(org, url, admin) as client:
            client.sync_stage("bergamo-2026", stage)
        stage.close()
        times = []
        for i in range(args.desks):
            started = time.perf_counter()
            with HubStore(db) as store:
                name = store.next_desk_name()
                token = store.add_desk(name, stages=["bergamo-2026"])
            text = setup_code.encode(setup_code.SetupCode(url, token, ["bergamo-2026"], name))
            desk_dir = root / f"desk{i}"
            desk_dir.mkdir()
            settings = Settings(QSettings(str(root / f"desk{i}.ini"), QSettings.Format.IniFormat))
            got = join_hub(desk_dir, settings, setup_code.decode(text))
            assert got == ["bergamo-2026"] and load_desk(desk_dir).name == name
            times.append(time.perf_counter() - started)
        print(
            f"{args.desks} desks paired ({args.people} people each, code {len(text)} chars): "
            f"total {sum(times):.2f} s, slowest desk {max(times):.2f} s (target: 6 desks <= 300 s)"
        )
    finally:
        hub.terminate()
        hub.wait(10)


if __name__ == "__main__":
    main()
