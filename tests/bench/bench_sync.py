"""Sync benchmark on loopback: convergence, hub ingest, idle rounds, --watch latency.

Targets: 4 desks x 5,000 offline check-ins converge <= 10 s after sync starts; hub ingest
>= 5,000 events/s; an idle sync round <= 50 ms; with --watch, a check-in at desk A is
visible at desk B <= 3 s. The hub and every desk are separate processes, as at a venue.

    .venv/bin/python tests/bench/bench_sync.py [--desks 4] [--checkins 5000] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop_app.core.demo import populate  # noqa: E402
from desktop_app.core.desk import load_desk  # noqa: E402
from desktop_app.core.store import Stage, stage_path  # noqa: E402
from desktop_app.sync.client import SyncClient  # noqa: E402
from desktop_app.sync.hubstore import HubStore  # noqa: E402

SLUG = "bench-stage"
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

# A desk process: waits for "go" on stdin, then syncs until it holds `expected` events.
DESK_SCRIPT = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from desktop_app.core.desk import load_desk
    from desktop_app.core.store import Stage, stage_path
    from desktop_app.sync.client import SyncClient
    data_dir, url, token, slug, expected = sys.argv[1:6]
    expected = int(expected)
    stage = Stage.open_path(stage_path(Path(data_dir), slug), load_desk(Path(data_dir)))
    client = SyncClient(Path(data_dir), url, token)
    client._hub_id()  # connect before the clock starts
    print("ready", flush=True)
    sys.stdin.readline()
    start = time.monotonic()
    rounds = 0
    while stage.event_count() < expected and time.monotonic() - start < 120:
        client.sync_stage(slug, stage)
        rounds += 1
        if stage.event_count() < expected:
            time.sleep(0.05)
    print(json.dumps({"done_s": time.monotonic() - start, "rounds": rounds,
                      "events": stage.event_count(), "digest": stage.digest()}), flush=True)
    """
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_hub(db: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "hub", "serve", "--db", str(db), "--port", str(port)],
        cwd=ROOT,
        env=ENV,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    import httpx

    for _ in range(200):
        try:
            httpx.get(url + "/v1/health", timeout=0.5)
            return proc, url
        except httpx.TransportError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("the hub did not start")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--desks", type=int, default=4)
    parser.add_argument("--checkins", type=int, default=5000)
    parser.add_argument("--quick", action="store_true", help="small sizes, to try the script")
    args, _ = parser.parse_known_args()
    if args.quick:
        args.desks, args.checkins = 2, 500
    people = args.desks * args.checkins  # every desk checks in its own share, some overlap
    overlap = args.checkins // 5
    root = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    db = root / "hub.sqlite"
    with HubStore(db) as store:
        admin = store.add_desk("organizer", admin=True)
        tokens = [store.add_desk(f"Desk {i + 1}") for i in range(args.desks)]
    hub, url = start_hub(db)
    try:
        # --- setup: the organizer publishes the stage, every desk takes its copy
        org = root / "org"
        org.mkdir()
        t = time.perf_counter()
        stage = Stage.create(org, SLUG, title="Bench", date="2026-03-12", desk=load_desk(org))
        populate(stage, people, seed=3, checked_in_share=0.0)
        setup_events = stage.event_count()
        print(f"setup: {people} people, {setup_events} events ({time.perf_counter() - t:.1f} s)")
        with SyncClient(org, url, admin) as client:
            t = time.perf_counter()
            client.sync_stage(SLUG, stage)
            publish_s = time.perf_counter() - t
        ids = sorted(a.id for a in stage.attendees())
        stage.close()
        print(
            f"hub ingest (publish, {setup_events} events in batches of 500): "
            f"{setup_events / publish_s:,.0f} events/s  [target >= 5,000]"
        )

        desk_dirs = []
        for i in range(args.desks):
            d = root / f"desk{i + 1}"
            d.mkdir()
            with SyncClient(d, url, tokens[i]) as client:
                client.sync_stage(SLUG)
            with Stage.open_path(stage_path(d, SLUG), load_desk(d)) as s:
                start = i * (args.checkins - overlap)
                chosen = ids[start : start + args.checkins]
                for k in range(0, len(chosen), 1000):
                    s.record_many(
                        [("checkin", a, {"method": "ticket"}) for a in chosen[k : k + 1000]]
                    )
            desk_dirs.append(d)
        expected = setup_events + args.desks * args.checkins

        # --- convergence: every desk process syncs at once
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", DESK_SCRIPT, str(d), url, tokens[i], SLUG, str(expected)],
                cwd=ROOT,
                env=ENV,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for i, d in enumerate(desk_dirs)
        ]
        for p in procs:
            assert p.stdout.readline().strip() == "ready"
        t0 = time.monotonic()
        for p in procs:
            p.stdin.write("go\n")
            p.stdin.flush()
        results = [json.loads(p.stdout.readline()) for p in procs]
        converged_s = time.monotonic() - t0
        for p in procs:
            p.wait(timeout=30)
        with HubStore(db) as store:
            hub_status = store.status(SLUG)
        digests = {r["digest"] for r in results} | {hub_status["digest"]}
        print(
            f"convergence: {args.desks} desks x {args.checkins} offline check-ins -> all "
            f"{expected} events on every desk in {converged_s:.2f} s  [target <= 10 s]; "
            f"rounds per desk {[r['rounds'] for r in results]}; digests equal: {len(digests) == 1}"
        )
        print(
            f"  hub: {hub_status['events']} events, {hub_status['checked_in']} checked in, "
            f"{len(hub_status['duplicates'])} duplicates reported"
        )
        # --- an idle round
        d = desk_dirs[0]
        with (
            Stage.open_path(stage_path(d, SLUG), load_desk(d)) as s,
            SyncClient(d, url, tokens[0]) as client,
        ):
            client.sync_stage(SLUG, s)
            times = [client.sync_stage(SLUG, s).duration_ms for _ in range(30)]
        print(
            f"idle sync round: median {statistics.median(times):.1f} ms, "
            f"max {max(times):.1f} ms  [target <= 50 ms]"
        )

        # --- --watch: a check-in at desk A seen at desk B
        a, b = desk_dirs[0], desk_dirs[1]
        watchers = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "desktop_app",
                    "--data-dir",
                    str(d),
                    "sync",
                    SLUG,
                    "--hub",
                    url,
                    "--token",
                    tokens[i],
                    "--watch",
                    "--interval",
                    "1",
                    "--for",
                    "60",
                ],
                cwd=ROOT,
                env=ENV,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for i, d in enumerate((a, b))
        ]
        time.sleep(2.0)  # both watching
        latencies = []
        pending = ids[-10:]  # people no desk checked in
        with Stage.open_path(stage_path(a, SLUG), load_desk(a)) as sa:
            for attendee_id in pending[:5]:
                sa.record("checkin", attendee_id, {"method": "ticket"})
                t = time.monotonic()
                seen = None
                while time.monotonic() - t < 10:
                    conn = sqlite3.connect(f"file:{stage_path(b, SLUG)}?mode=ro", uri=True)
                    try:
                        row = conn.execute(
                            "SELECT checkin_event_id FROM attendee WHERE id = ?", (attendee_id,)
                        ).fetchone()
                    finally:
                        conn.close()
                    if row and row[0]:
                        seen = time.monotonic() - t
                        break
                    time.sleep(0.02)
                latencies.append(seen if seen is not None else float("inf"))
                time.sleep(0.37)  # not in step with the watchers' rounds
        for w in watchers:
            w.terminate()
            w.wait(timeout=10)
        print(
            f"--watch (interval 1 s at both desks): check-in at A visible at B in "
            f"median {statistics.median(latencies):.2f} s, max {max(latencies):.2f} s  "
            f"[target <= 3 s]"
        )
    finally:
        hub.terminate()
        hub.wait(timeout=10)


if __name__ == "__main__":
    main()
