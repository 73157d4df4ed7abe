"""Badge benchmark (not collected by CI): prints figures for the issue's targets.

    .venv/bin/python tests/bench/bench_badges.py [N]

Targets: 1,000 A6 badges >= 500 badges/s on one core; one badge click -> PDF bytes <= 50 ms;
a 1,000-badge PDF <= 5 MB.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from desktop_app.badges import categories_for, load_layout, render_badge, render_batch
from desktop_app.badges.batch import TicketSource
from desktop_app.core import demo
from desktop_app.core.desk import load_desk
from desktop_app.core.store import Stage


def main(n: int = 1000) -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    data_dir = Path(tempfile.mkdtemp(prefix="bench-badges-"))
    desk = load_desk(data_dir)
    stage = Stage.create(
        data_dir,
        "bench",
        title="Tappa di Bergamo",
        date="2026-03-12",
        desk=desk,
        city="Bergamo",
    )
    demo.populate(stage, n)
    people = stage.attendees(include_cancelled=False)[:n]
    layout = load_layout("a6-portrait")
    source = TicketSource.for_stage(stage.info, data_dir)
    categories = categories_for(layout, data_dir, stage.info.slug)

    render_batch(stage.info, people[:20], layout, source, categories)  # fonts, caches warm
    print(f"{len(people)} attendees, layout {layout.name}, signed tickets: {source.signed}")
    for label in ("cold text caches", "warm text caches"):
        start = time.perf_counter()
        result = render_batch(stage.info, people, layout, source, categories)
        seconds = time.perf_counter() - start
        print(
            f"batch ({label}): {result.badges} badges in {seconds:.2f} s = "
            f"{result.badges / seconds:.0f} badges/s; PDF {len(result.pdf) / 1e6:.2f} MB "
            f"({len(result.pdf) / result.badges / 1024:.1f} KB/badge)"
        )
    Path(data_dir / "bench.pdf").write_bytes(result.pdf)

    sheet = load_layout("a6-4up-a4")
    start = time.perf_counter()
    result = render_batch(stage.info, people, sheet, source, categories_for(sheet))
    seconds = time.perf_counter() - start
    print(
        f"batch 4 x A6 on A4: {result.badges / seconds:.0f} badges/s, {len(result.pdf) / 1e6:.2f} MB"
    )

    times = []
    for person in people[:200]:
        start = time.perf_counter()
        render_badge(stage, stage.attendee(person.id), "a6-portrait", data_dir)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(
        f"one badge at the desk (attendee read + layout + sign + render -> PDF bytes): "
        f"median {statistics.median(times):.1f} ms, p95 {times[int(len(times) * 0.95)]:.1f} ms, "
        f"max {times[-1]:.1f} ms"
    )
    try:
        _qt_print(stage, people[:20], data_dir)
    except ImportError as exc:
        print(f"(Qt print timing skipped: {exc})")
    stage.close()


def _qt_print(stage: Stage, people: list, data_dir: Path) -> None:
    """F3 at the desk through Qt's PDF printer: render, rasterise at 300 dpi, paint, record."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.printing import print_badge

    _app = QApplication.instance() or QApplication([])
    times = []
    for index, person in enumerate(people):
        start = time.perf_counter()
        outcome = print_badge(
            stage, person, "a6-portrait", pdf_path=data_dir / f"p{index}.pdf", data_dir=data_dir
        )
        times.append((time.perf_counter() - start) * 1000)
        assert outcome.ok, outcome.message
    times.sort()
    print(
        f"F3 through Qt's PDF printer (A6, 300 dpi raster, badge_printed recorded): "
        f"median {statistics.median(times):.0f} ms, max {times[-1]:.0f} ms"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
