"""How long the desk takes to find a scanned head's party on a big stage (issue 12).

PYTHONPATH=$PWD .venv/bin/python tests/bench/bench_party.py [PEOPLE]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from desktop_app.core import checkin
from desktop_app.core.desk import load_desk
from desktop_app.core.store import Stage


def main(people: int = 3000) -> None:
    data = Path(tempfile.mkdtemp())
    stage = Stage.create(data, "bench", title="Bench", date="2026-05-12", desk=load_desk(data))
    heads = []
    for i in range(people):
        group = f"D{i // 10}"
        extra = {"delegation": group} | ({"delegation_head": "yes"} if i % 10 == 0 else {})
        a = stage.new_attendee({"first_name": f"N{i}", "last_name": f"S{i}", "extra": extra})
        if i % 10 == 0:
            heads.append(a)
    times = []
    for head in heads[:50]:
        start = time.perf_counter()
        decision = checkin.decide(stage, head.code, offer_party=True)
        times.append(time.perf_counter() - start)
        assert decision.status == checkin.PARTY and len(decision.party) == 10
    times.sort()
    print(
        f"{people} people: head scan -> party of 10 offered, "
        f"median {times[len(times) // 2] * 1000:.1f} ms, worst {times[-1] * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000)
