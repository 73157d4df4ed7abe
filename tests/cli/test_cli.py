"""The command line as a script or a person uses it: JSON out, exit codes, plain errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import __version__
from desktop_app.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *args) -> tuple[int, dict]:
    code = main([str(a) for a in args])
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1, f"--json must print exactly one line, got {out!r}"
    return code, json.loads(lines[0])


@pytest.fixture
def dd(tmp_path) -> str:
    return str(tmp_path / "data")


def make_demo(capsys, dd, size=30):
    code, out = run(capsys, "--data-dir", dd, "--json", "demo", "--size", size)
    assert code == 0 and out["created"]
    return out


def test_version_runs_as_installed_script():
    out = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == f"roadshow-desk {__version__}"


def test_global_options_before_or_after_the_command(capsys, dd):
    make_demo(capsys, dd)
    code1, before = run(capsys, "--json", "--data-dir", dd, "status", "demo-bergamo")
    code2, after = run(capsys, "status", "demo-bergamo", "--data-dir", dd, "--json")
    assert code1 == code2 == 0
    assert before == after
    assert set(before) >= {"registered", "checked_in", "events", "unsynced", "digest"}
    assert before["registered"] == 30 and before["checked_in"] == 12


def test_stage_create_list_and_refusals(capsys, dd):
    code, out = run(
        capsys,
        "stage",
        "create",
        "brescia-2026",
        "--title",
        "Tappa di Brescia",
        "--date",
        "2026-05-20",
        "--city",
        "Brescia",
        "--data-dir",
        dd,
        "--json",
    )
    assert code == 0 and out["stage"]["slug"] == "brescia-2026" and len(out["stage"]["code"]) == 5
    code, out = run(
        capsys,
        "stage",
        "create",
        "brescia-2026",
        "--title",
        "Again",
        "--date",
        "2026-05-20",
        "--data-dir",
        dd,
        "--json",
    )
    assert code == 1 and out["error"]["code"] == "stage_exists"
    code, out = run(
        capsys,
        "stage",
        "create",
        "x",
        "--title",
        "Bad",
        "--date",
        "20/05/2026",
        "--data-dir",
        dd,
        "--json",
    )
    assert code == 1 and "YYYY-MM-DD" in out["error"]["message"]
    code, out = run(capsys, "stage", "list", "--data-dir", dd, "--json")
    assert [s["slug"] for s in out["stages"]] == ["brescia-2026"]


def test_ticket_checkin_undo_round_trip(capsys, dd, tmp_path):
    make_demo(capsys, dd)
    _, found = run(
        capsys, "search", "demo-bergamo", "example", "--limit", "50", "--data-dir", dd, "--json"
    )
    person = next(p for p in found["results"] if not p["checked_in"])
    png = tmp_path / "t.png"
    code, ticket = run(
        capsys, "ticket", "demo-bergamo", person["code"], "--png", png, "--data-dir", dd, "--json"
    )
    assert code == 0 and png.stat().st_size > 500
    code, first = run(
        capsys,
        "checkin",
        "demo-bergamo",
        ticket["payload"],
        "--desk",
        "Desk 2",
        "--operator",
        "Giulia",
        "--data-dir",
        dd,
        "--json",
    )
    assert code == 0 and first["status"] == "checked_in"
    assert first["attendee"]["code"] == person["code"] and first["desk"] == "Desk 2"
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d$", first["checked_in_at"])
    code, second = run(
        capsys, "checkin", "demo-bergamo", ticket["payload"].lower(), "--data-dir", dd, "--json"
    )
    assert code == 0 and second["status"] == "already_checked_in" and second["desk"] == "Desk 2"
    code, undone = run(
        capsys,
        "undo",
        "demo-bergamo",
        person["code"],
        "--reason",
        "wrong badge",
        "--data-dir",
        dd,
        "--json",
    )
    assert code == 0 and undone["attendee"]["checked_in"] is False


def test_checkin_outcomes_are_exit_zero(capsys, dd):
    make_demo(capsys, dd)
    for text, status in [
        ("RD1" + "0" * 118, "invalid"),
        ("nobody-here", "not_found"),
        ("x" * 5000, "invalid"),
    ]:
        code, out = run(capsys, "checkin", "demo-bergamo", text, "--data-dir", dd, "--json")
        assert (code, out["status"]) == (0, status)


def test_wrong_stage_names_the_other_stage(capsys, dd):
    make_demo(capsys, dd)
    run(
        capsys,
        "stage",
        "create",
        "brescia-2026",
        "--title",
        "Tappa di Brescia",
        "--date",
        "2026-05-20",
        "--data-dir",
        dd,
        "--json",
    )
    _, found = run(capsys, "search", "demo-bergamo", "a", "--data-dir", dd, "--json")
    _, ticket = run(
        capsys, "ticket", "demo-bergamo", found["results"][0]["code"], "--data-dir", dd, "--json"
    )
    code, out = run(
        capsys, "checkin", "brescia-2026", ticket["payload"], "--data-dir", dd, "--json"
    )
    assert out["status"] == "wrong_stage"
    assert out["stage"]["title"] == "Tappa di Bergamo" and out["stage"]["date"] == "2026-03-12"


def test_errors_are_plain_words_with_exit_codes(capsys, dd):
    code, out = run(capsys, "status", "nowhere", "--data-dir", dd, "--json")
    assert code == 1 and out == {
        "error": {"code": "stage_not_found", "message": out["error"]["message"]}
    }
    assert "Traceback" not in out["error"]["message"]
    with pytest.raises(SystemExit) as exc:
        main(["undo", "x", "CODE", "--json"])  # --reason missing
    assert exc.value.code == 2
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "usage"
    code = main(["status", "nowhere", "--data-dir", dd])
    err = capsys.readouterr().err
    assert code == 1 and "no stage called 'nowhere'" in err and "Traceback" not in err


def test_walk_in_and_duplicates_and_stage_files(capsys, dd, tmp_path):
    make_demo(capsys, dd)
    code, out = run(
        capsys,
        "walk-in",
        "demo-bergamo",
        "--first-name",
        "Zoë",
        "--last-name",
        "Ørsted",
        "--company",
        "Nordic",
        "--data-dir",
        dd,
        "--json",
    )
    assert code == 0 and out["status"] == "checked_in" and out["attendee"]["first_name"] == "Zoë"
    code, out = run(capsys, "duplicates", "demo-bergamo", "--data-dir", dd, "--json")
    assert out == {"duplicates": []}
    f = tmp_path / "demo.rdstage"
    code, out = run(
        capsys, "stage", "export", "demo-bergamo", "--out", f, "--data-dir", dd, "--json"
    )
    assert code == 0 and out["events"] > 30
    other = str(tmp_path / "other")
    code, out = run(capsys, "stage", "import", f, "--data-dir", other, "--json")
    assert code == 0 and out["created"]
    code, again = run(capsys, "stage", "import", f, "--data-dir", other, "--json")
    assert again["new_events"] == 0
    _, s1 = run(capsys, "status", "demo-bergamo", "--data-dir", dd, "--json")
    _, s2 = run(capsys, "status", "demo-bergamo", "--data-dir", other, "--json")
    assert s1["digest"] == s2["digest"]
    code, out = run(capsys, "stage", "check", "demo-bergamo", "--data-dir", dd, "--json")
    assert out["ok"] is True


def _commands(parser, prefix=""):
    for action in parser._actions:
        if action.__class__.__name__ == "_SubParsersAction":
            for name, sub in action.choices.items():
                full = f"{prefix} {name}".strip()
                nested = list(_commands(sub, full))
                yield from nested or [full]


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text("utf-8")
    missing = [c for c in _commands(build_parser()) if f"roadshow-desk {c}" not in readme]
    assert not missing, f"commands missing from README.md: {missing}"
