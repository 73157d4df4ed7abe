"""The hub and sync commands, as an organizer and a desk clerk type them."""

from __future__ import annotations

import json

import pytest

from desktop_app.cli import main

SLUG = "bergamo-2026"


@pytest.fixture
def org_dir(desks):
    with desks.create_stage("org", SLUG, people=40):
        pass
    return desks.dir("org")


def test_desk_tokens_lifecycle(cli_json, capsys, hub_db):
    db = str(hub_db)
    code, out = cli_json("hub", "add-desk", "--db", db, "Organizer", "--admin")
    assert code == 0 and out["token"].startswith("rdk_") and out["admin"]
    code, out = cli_json("hub", "add-desk", "--db", db, "Desk 1", "--stages", "bergamo-2026")
    assert code == 0 and out["stages"] == ["bergamo-2026"]
    code, out = cli_json("hub", "add-desk", "--db", db, "Desk 1")
    assert code == 1 and out["error"]["code"] == "desk_exists"
    code, out = cli_json("hub", "list-desks", "--db", db)
    assert [d["name"] for d in out["desks"]] == ["Desk 1", "Organizer"]
    assert "token" not in json.dumps(out["desks"]).replace("token_", "")
    code, out = cli_json("hub", "revoke-desk", "--db", db, "Desk 1")
    assert out["desk"]["revoked"]
    code, out = cli_json("hub", "reset-desk", "--db", db, "Nobody")
    assert code == 1 and out["error"]["code"] == "desk_not_found"
    # Plain text output for people, with the token shown once.
    assert main(["hub", "add-desk", "--db", db, "Desk 2"]) == 0
    assert "rdk_" in capsys.readouterr().out


def test_stage_file_to_hub_is_idempotent_and_digests_match(
    cli_json, capsys, hub_db, org_dir, tmp_path
):
    db = str(hub_db)
    out_file = tmp_path / "bergamo.rds"
    assert main(["--data-dir", str(org_dir), "stage", "export", SLUG, "--out", str(out_file)]) == 0
    capsys.readouterr()
    code, first = cli_json("hub", "import", "--db", db, str(out_file))
    assert code == 0 and first["new_events"] == first["events"] > 40
    code, again = cli_json("hub", "import", "--db", db, str(out_file))
    assert again["new_events"] == 0
    code, hub_status = cli_json("hub", "status", "--db", db, SLUG)
    code, desk_status = cli_json("--data-dir", str(org_dir), "status", SLUG)
    assert hub_status["digest"] == desk_status["digest"]
    assert hub_status["registered"] == desk_status["registered"] == 40
    assert hub_status["events"] == desk_status["events"]
    assert hub_status["duplicates"] == []
    assert main(["hub", "status", "--db", db, SLUG]) == 0
    assert "0 / 40 checked in" in capsys.readouterr().out
    code, out = cli_json("hub", "status", "--db", db, "nowhere")
    assert code == 1 and out["error"]["code"] == "stage_not_on_hub"
    code, out = cli_json("hub", "status", "--db", db + ".typo", SLUG)
    assert code == 1 and out["error"]["code"] == "hub_not_found"


def test_sync_command_one_round_and_watch(cli_json, capsys, hub, desks, org_dir, monkeypatch):
    admin = hub.token("Organizer", admin=True)
    desk_token = hub.token("Desk 1")
    code, out = cli_json(
        "--data-dir", str(org_dir), "sync", SLUG, "--hub", hub.url, "--token", admin
    )
    assert code == 0 and out["pushed"] > 40 and out["unsynced"] == 0
    clerk = str(desks.dir("clerk"))
    code, out = cli_json("--data-dir", clerk, "sync", SLUG, "--hub", hub.url, "--token", desk_token)
    assert code == 0 and out["bootstrapped"]
    code, out = cli_json("--data-dir", clerk, "checkin", SLUG, _first_code(desks))
    assert out["status"] == "checked_in"
    code, out = cli_json(
        "--data-dir",
        clerk,
        "sync",
        SLUG,
        "--hub",
        hub.url,
        "--token",
        desk_token,
        "--watch",
        "--interval",
        "0.05",
        "--rounds",
        "3",
    )
    assert code == 0 and out["rounds"] == 3 and out["unsynced"] == 0
    code, out = cli_json(
        "--data-dir", str(org_dir), "sync", SLUG, "--hub", hub.url, "--token", admin
    )
    assert out["pulled"] == 1
    # Plain output, and the token from the environment.
    monkeypatch.setenv("ROADSHOW_HUB_TOKEN", desk_token)
    assert main(["--data-dir", clerk, "sync", SLUG, "--hub", hub.url]) == 0
    assert "all sent" in capsys.readouterr().out


def test_sync_command_errors_are_plain(cli_json, hub, desks, org_dir, monkeypatch):
    code, out = cli_json(
        "--data-dir",
        str(org_dir),
        "sync",
        SLUG,
        "--hub",
        hub.url,
        "--token",
        "rdk_bad_token",
    )
    assert code == 1 and out["error"]["code"] == "unauthorized"
    monkeypatch.delenv("ROADSHOW_HUB_TOKEN", raising=False)
    code, out = cli_json("--data-dir", str(org_dir), "sync", SLUG, "--hub", hub.url)
    assert code == 1 and out["error"]["code"] == "invalid_input"
    code, out = cli_json(
        "--data-dir",
        str(org_dir),
        "sync",
        SLUG,
        "--hub",
        "http://127.0.0.1:9",
        "--token",
        "x",
        "--timeout",
        "1",
    )
    assert code == 1 and out["error"]["code"] == "hub_unreachable"


def _first_code(desks) -> str:
    with desks.open("clerk", SLUG) as stage:
        return stage.attendees()[0].code


def test_sync_watch_stops_on_a_wrong_or_revoked_token(cli_json, capsys, hub, desks, org_dir):
    admin = hub.token("Organizer", admin=True)
    assert main(["--data-dir", str(org_dir), "sync", SLUG, "--hub", hub.url, "--token", admin]) == 0
    capsys.readouterr()
    watch = ["--watch", "--interval", "0.05", "--for", "20"]
    code, out = cli_json(
        "--data-dir",
        str(org_dir),
        "sync",
        SLUG,
        "--hub",
        hub.url,
        "--token",
        "rdk_bad_token",
        *watch,
    )  # without the fix: 20 s of retries, then exit 0
    assert code == 1 and out["error"]["code"] == "unauthorized"
    hub.store.revoke_desk("Organizer")
    code = main(
        ["--data-dir", str(org_dir), "sync", SLUG, "--hub", hub.url, "--token", admin, *watch]
    )
    captured = capsys.readouterr()
    assert code == 1 and "revoked" in captured.err and captured.out == ""


def test_sync_watch_without_one_good_round_exits_1_with_the_last_error(
    cli_json, capsys, desks, org_dir
):
    argv = ["--data-dir", str(org_dir), "sync", SLUG, "--hub", "http://127.0.0.1:9"]
    argv += ["--token", "x", "--watch", "--interval", "0.01", "--rounds", "2", "--timeout", "1"]
    code = main(argv)
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out.count("offline:") == 2
    assert "no round succeeded" in captured.out and "cannot be reached" in captured.out
    code, out = cli_json(*argv)
    assert code == 1 and out["succeeded"] == 0 and out["last_error"]["code"] == "hub_unreachable"
