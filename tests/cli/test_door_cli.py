"""`cancel` and `restore` from the command line, and what the door then says."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cli(dd: Path, *args: str) -> tuple[int, dict]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(dd), "--json", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    lines = [line for line in out.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, out.stdout + out.stderr
    return out.returncode, json.loads(lines[0])


def test_cancel_then_the_door_refuses_with_the_reason_then_restore(tmp_path):
    dd = tmp_path / "data"
    assert cli(dd, "demo", "--size", "20")[0] == 0
    _, found = cli(dd, "search", "demo-bergamo", "a")
    person = next(r for r in found["results"] if not r["checked_in"])
    code = person["code"]
    present = cli(dd, "status", "demo-bergamo")[1]["checked_in"]

    rc, out = cli(dd, "--operator", "Paolo", "cancel", "demo-bergamo", code, "--reason", "ill")
    assert rc == 0 and out["status"] == "cancelled" and out["reason"] == "ill"
    assert out["attendee"]["status"] == "cancelled"
    rc, out = cli(dd, "cancel", "demo-bergamo", code, "--reason", "again")
    assert rc == 1 and "already cancelled" in out["error"]["message"]

    rc, out = cli(dd, "checkin", "demo-bergamo", code)
    assert rc == 0 and out["status"] == "cancelled" and out["reason"] == "ill"
    _, status = cli(dd, "status", "demo-bergamo")
    assert status["checked_in"] == present  # nobody more

    rc, out = cli(dd, "restore", "demo-bergamo", code)
    assert rc == 0 and out["status"] == "restored" and out["attendee"]["status"] == "active"
    rc, out = cli(dd, "restore", "demo-bergamo", code)
    assert rc == 1 and "not cancelled" in out["error"]["message"]
    rc, out = cli(dd, "checkin", "demo-bergamo", code)
    assert rc == 0 and out["status"] == "checked_in"


def test_cancel_needs_a_reason(tmp_path):
    dd = tmp_path / "data"
    cli(dd, "demo", "--size", "5")
    rc, out = cli(dd, "cancel", "demo-bergamo", "ZZZZZZZZZZ")
    assert rc == 2 and out["error"]["code"] == "usage"
