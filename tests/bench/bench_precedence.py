"""Protocol target (issue 12), not part of the test suite:

    .venv/bin/python tests/bench/bench_precedence.py [--consuls 40] [--others 5000]

Target: the precedence of 40 consuls decided in under 10 ms (read from a stage that also holds
thousands of other attendees, as a real stage does). Also times the PDF and XLSX exports.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.core import consular, precedence  # noqa: E402
from desktop_app.core.desk import load_desk  # noqa: E402
from desktop_app.core.store import Stage  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--consuls", type=int, default=40)
    parser.add_argument("--others", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        desk = load_desk(root)
        stage = Stage.create(root, "milano", title="Tappa di Milano", date="2027-02-10", desk=desk)
        items = []
        for i in range(args.consuls):
            items.append(
                {
                    "first_name": f"Nome{i}",
                    "last_name": f"Console{i:03d}",
                    "category": "consul",
                    "country": f"Paese {i}",
                    "consular_rank": [
                        "Console Generale",
                        "Console",
                        "Vice Console",
                        "Console Onorario",
                    ][i % 4],
                    "exequatur": f"{2005 + i % 19}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                }
            )
        items += [
            {"first_name": f"P{i}", "last_name": f"Impresa{i}", "category": "company"}
            for i in range(args.others)
        ]
        stage.record_many([("attendee_upserted", *stage.new_attendee_payload(f)) for f in items])
        times = []
        for _ in range(50):
            t0 = time.perf_counter()
            result = precedence.for_stage(stage)
            times.append(time.perf_counter() - t0)
        assert len(result.entries) == args.consuls
        people = stage.attendees(include_cancelled=False)
        pure = []
        for _ in range(50):
            t0 = time.perf_counter()
            precedence.decide(people)
            pure.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        precedence.write(stage, root / "p.pdf", "pdf", lang="it")
        pdf = time.perf_counter() - t0
        t0 = time.perf_counter()
        precedence.write(stage, root / "p.xlsx", "xlsx", lang="it")
        xlsx = time.perf_counter() - t0
        stage.close()
    median, worst = statistics.median(times) * 1000, max(times) * 1000
    ok = worst < 10
    print(
        f"precedence of {args.consuls} consuls among {args.others} others (read + decide): "
        f"median {median:.2f} ms, worst {worst:.2f} ms   target < 10 ms   "
        f"{'OK' if ok else 'MISSED'}"
    )
    print(f"decide only (list in memory): median {statistics.median(pure) * 1000:.2f} ms")
    print(f"PDF export {pdf * 1000:.0f} ms, XLSX export {xlsx * 1000:.0f} ms")
    assert consular.RANKS
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
