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


@pytest.fixture
def dd(tmp_path) -> str:
    return str(tmp_path / "data")


def make_demo(cli_json, dd, size=30):
    code, out = cli_json("--data-dir", dd, "--json", "demo", "--size", size)
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


def test_global_options_before_or_after_the_command(cli_json, capsys, dd):
    make_demo(cli_json, dd)
    code1, before = cli_json("--json", "--data-dir", dd, "status", "demo-bergamo")
    code2, after = cli_json("status", "demo-bergamo", "--data-dir", dd, "--json")
    assert code1 == code2 == 0
    assert before == after
    assert set(before) >= {"registered", "checked_in", "events", "unsynced", "digest"}
    assert before["registered"] == 30 and before["checked_in"] == 12


def test_stage_create_list_and_refusals(cli_json, dd):
    code, out = cli_json(
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
    code, out = cli_json(
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
    code, out = cli_json(
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
    code, out = cli_json("stage", "list", "--data-dir", dd, "--json")
    assert [s["slug"] for s in out["stages"]] == ["brescia-2026"]


def test_ticket_checkin_undo_round_trip(cli_json, capsys, dd, tmp_path):
    make_demo(cli_json, dd)
    _, found = cli_json(
        "search", "demo-bergamo", "example", "--limit", "50", "--data-dir", dd, "--json"
    )
    person = next(p for p in found["results"] if not p["checked_in"])
    png = tmp_path / "t.png"
    code, ticket = cli_json(
        "ticket", "demo-bergamo", person["code"], "--png", png, "--data-dir", dd, "--json"
    )
    assert code == 0 and png.stat().st_size > 500
    code, first = cli_json(
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
    code, second = cli_json(
        "checkin", "demo-bergamo", ticket["payload"].lower(), "--data-dir", dd, "--json"
    )
    assert code == 0 and second["status"] == "already_checked_in" and second["desk"] == "Desk 2"
    code, undone = cli_json(
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


def test_checkin_outcomes_are_exit_zero(cli_json, capsys, dd):
    make_demo(cli_json, dd)
    for text, status in [
        ("RD1" + "0" * 118, "invalid"),
        ("nobody-here", "not_found"),
        ("x" * 5000, "invalid"),
    ]:
        code, out = cli_json("checkin", "demo-bergamo", text, "--data-dir", dd, "--json")
        assert (code, out["status"]) == (0, status)


def test_wrong_stage_names_the_other_stage(cli_json, capsys, dd):
    make_demo(cli_json, dd)
    cli_json(
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
    _, found = cli_json("search", "demo-bergamo", "a", "--data-dir", dd, "--json")
    _, ticket = cli_json(
        "ticket", "demo-bergamo", found["results"][0]["code"], "--data-dir", dd, "--json"
    )
    code, out = cli_json("checkin", "brescia-2026", ticket["payload"], "--data-dir", dd, "--json")
    assert out["status"] == "wrong_stage"
    assert out["stage"]["title"] == "Tappa di Bergamo" and out["stage"]["date"] == "2026-03-12"


def test_errors_are_plain_words_with_exit_codes(cli_json, capsys, dd):
    code, out = cli_json("status", "nowhere", "--data-dir", dd, "--json")
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


def test_walk_in_and_duplicates_and_stage_files(cli_json, capsys, dd, tmp_path):
    make_demo(cli_json, dd)
    code, out = cli_json(
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
    code, out = cli_json("duplicates", "demo-bergamo", "--data-dir", dd, "--json")
    assert out == {"duplicates": []}
    f = tmp_path / "demo.rdstage"
    code, out = cli_json("stage", "export", "demo-bergamo", "--out", f, "--data-dir", dd, "--json")
    assert code == 0 and out["events"] > 30
    other = str(tmp_path / "other")
    code, out = cli_json("stage", "import", f, "--data-dir", other, "--json")
    assert code == 0 and out["created"]
    code, again = cli_json("stage", "import", f, "--data-dir", other, "--json")
    assert again["new_events"] == 0
    _, s1 = cli_json("status", "demo-bergamo", "--data-dir", dd, "--json")
    _, s2 = cli_json("status", "demo-bergamo", "--data-dir", other, "--json")
    assert s1["digest"] == s2["digest"]
    code, out = cli_json("stage", "check", "demo-bergamo", "--data-dir", dd, "--json")
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
