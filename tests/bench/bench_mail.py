"""Ticket e-mail benchmark (not collected by CI).

    .venv/bin/python tests/bench/bench_mail.py [N]

Target: 1,000 ticket e-mails (text + HTML with the inline QR + a one-page PDF ticket) built and
handed to a local SMTP server in under 60 s on one core. The server (aiosmtpd, in this process)
shares that core; every message is logged as events (intent + outcome, durable commits).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.core import demo  # noqa: E402
from desktop_app.core.desk import load_desk  # noqa: E402
from desktop_app.core.store import Stage  # noqa: E402
from desktop_app.mail import SmtpConfig, TicketMailBuilder, send_run  # noqa: E402
from tests.mail.smtpserver import SmtpServer  # noqa: E402


def main(n: int = 1000) -> int:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    data_dir = Path(tempfile.mkdtemp(prefix="bench-mail-"))
    stage = Stage.create(
        data_dir, "bench", title="Tappa di Bergamo", date="2026-03-12", desk=load_desk(data_dir),
        city="Bergamo",
    )  # fmt: skip
    demo.populate(stage, n)
    people = [a for a in stage.attendees(include_cancelled=False) if a.email][:n]
    builder = TicketMailBuilder(stage.info, data_dir, "segreteria@example.test")
    start = time.perf_counter()
    sizes = [len(builder.build(a).as_bytes()) for a in people[:100]]
    build_ms = (time.perf_counter() - start) / len(sizes) * 1000
    print(f"{len(people)} people with an e-mail; build only: {build_ms:.1f} ms/message, "
          f"{sum(sizes) / len(sizes) / 1024:.0f} KB/message")  # fmt: skip

    with SmtpServer() as server:
        config = SmtpConfig(
            host="127.0.0.1", port=server.port, security="none",
            from_address="segreteria@example.test", rate_per_minute=0,
        )  # fmt: skip
        start = time.perf_counter()
        result = send_run(stage, config, data_dir)
        seconds = time.perf_counter() - start
        received = len(server.handler.messages)
    print(
        f"send run: {result.sent} sent, {len(result.failed)} failed, server received "
        f"{received}, in {seconds:.1f} s = {result.sent / seconds:.0f} messages/s "
        f"(target: {n} in < 60 s) {'OK' if seconds < 60 and received == len(people) else 'NOT MET'}"
    )
    return 0 if seconds < 60 and received == len(people) else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
