"""Report targets (issue 6), not part of the test suite:

    .venv/bin/python tests/bench/bench_reports.py [--size 50000] [--stages 12] [--people 5000]

Targets: export of a 50,000-attendee stage CSV <= 2 s, XLSX <= 20 s, PDF <= 30 s;
series report over 12 stages of 5,000 people <= 10 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.core import reports  # noqa: E402
from desktop_app.core.demo import populate  # noqa: E402
from desktop_app.core.desk import load_desk  # noqa: E402
from desktop_app.core.export import ExportOptions, export_attendance  # noqa: E402
from desktop_app.core.store import Stage  # noqa: E402
from tests.core.report_data import spread_checkins  # noqa: E402


def line(name: str, seconds: float, target: float) -> bool:
    ok = seconds <= target
    print(f"{name:<44} {seconds:7.2f} s   target <= {target:g} s   {'OK' if ok else 'MISSED'}")
    return ok


def bench_exports(root: Path, size: int) -> bool:
    desk = load_desk(root)
    stage = Stage.create(
        root,
        "big",
        title="Tappa di Milano",
        date="2026-10-08",
        desk=desk,
        venue="Palazzo Lombardia",
        city="Milano",
        theme="Energia",
    )
    t = time.perf_counter()
    populate(stage, size, seed=1, checked_in_share=0.0)
    ids = [row[0] for row in stage.conn.execute("SELECT id FROM attendee")]
    spread_checkins(stage, ids[: int(size * 0.7)], start="2026-10-08T08:00:00+02:00", minutes=180)
    print(f"(generated a {size:,}-attendee stage in {time.perf_counter() - t:.1f} s)")
    t = time.perf_counter()
    reports.stage_statistics(stage)
    print(
        f"{'statistics (Reports screen refresh)':<44} {time.perf_counter() - t:7.2f} s   (no target)"
    )
    ok = True
    for fmt, target in (("csv", 2.0), ("xlsx", 20.0), ("pdf", 30.0)):
        out = root / f"big.{fmt}"
        t = time.perf_counter()
        result = export_attendance(stage, out, fmt, ExportOptions())
        elapsed = time.perf_counter() - t
        ok &= line(
            f"export {fmt.upper()} ({result['rows']:,} rows, {out.stat().st_size / 1e6:.1f} MB)",
            elapsed,
            target,
        )
    stage.close()
    return ok


def bench_series(root: Path, stages: int, people: int) -> bool:
    desk = load_desk(root)
    t = time.perf_counter()
    for i in range(stages):
        stage = Stage.create(
            root,
            f"tappa-{i + 1:02d}",
            title=f"Tappa {i + 1}",
            date=f"2026-{1 + i % 12:02d}-15",
            desk=desk,
            city=f"Città {i + 1}",
        )
        populate(stage, people, seed=100 + i, checked_in_share=0.6)
        # persona emails repeat in every stage: 40% come back, the others are new people
        stage.record_many(
            [
                (
                    "attendee_upserted",
                    a.id,
                    {"code": a.code, "fields": {"email": f"t{i}.{a.email}"}},
                )
                for n, a in enumerate(stage.attendees())
                if n % 5 >= 2
            ]
        )
        stage.close()
    print(f"(generated {stages} stages of {people:,} people in {time.perf_counter() - t:.1f} s)")
    t = time.perf_counter()
    series = reports.collect_series(root, desk)
    reports.write_series_xlsx(series, root / "series.xlsx")
    elapsed = time.perf_counter() - t
    summary = series.summary()
    return line(
        f"series report ({summary['stages']} stages, {summary['people']:,} people, "
        f"{summary['companies']:,} firms)",
        elapsed,
        10.0,
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--stages", type=int, default=12)
    parser.add_argument("--people", type=int, default=5_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        ok = bench_exports(Path(a), args.size)
        ok &= bench_series(Path(b), args.stages, args.people)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
