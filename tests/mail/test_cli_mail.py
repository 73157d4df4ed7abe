"""`roadshow-desk tickets ...`: send, resend, status, mailmerge; a run killed mid-message."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import zxingcpp
from PIL import Image

from desktop_app.core import tickets
from desktop_app.mail import SendLog

ROOT = Path(__file__).resolve().parents[2]


def server_args(server) -> list[str]:
    return [
        "--smtp-host", "127.0.0.1", "--smtp-port", str(server.port), "--smtp-security", "none",
        "--from", "segreteria@example.test", "--rate", "0",
    ]  # fmt: skip


def test_tickets_send_resend_and_status(mail_stage, smtp_server, data_dir, cli_json):
    slug = mail_stage.info.slug
    code, dry = cli_json("--data-dir", str(data_dir), "tickets", "send", slug, "--dry-run")
    assert code == 0 and dry["would_send"] == 4 and dry["no_email"] == 1
    assert smtp_server.handler.messages == []

    code, sent = cli_json(
        "--data-dir", str(data_dir), "tickets", "send", slug, *server_args(smtp_server)
    )
    assert code == 0 and sent["sent"] == 4
    code, status = cli_json("--data-dir", str(data_dir), "tickets", "status", slug)
    assert (status["sent"], status["to_send"]) == (4, 0)

    anna = next(a for a in mail_stage.attendees() if a.email == "anna@example.test")
    code, again = cli_json("--data-dir", str(data_dir), "tickets", "resend", slug, anna.code.lower(),
        *server_args(smtp_server),
    )  # fmt: skip
    assert code == 0 and again["sent"] == 1
    assert smtp_server.handler.recipients().count("anna@example.test") == 2


def test_password_comes_from_the_environment(
    mail_stage, data_dir, certificate, cli_json, monkeypatch
):
    from .smtpserver import SmtpServer

    with SmtpServer(security="starttls", cert=certificate, user="desk", password="s3cret") as srv:
        args = [
            "--data-dir", str(data_dir), "tickets", "send", mail_stage.info.slug,
            "--smtp-host", "127.0.0.1", "--smtp-port", str(srv.port), "--smtp-user", "desk",
            "--from", "segreteria@example.test", "--rate", "0", "--cafile", certificate[0],
        ]  # fmt: skip
        code, out = cli_json(*args)
        assert code == 1 and "refused the login" in out["server_error"]
        monkeypatch.setenv("ROADSHOW_SMTP_PASSWORD", "s3cret")
        code, out = cli_json(*args)
        assert code == 0 and out["sent"] == 4


def test_a_run_killed_mid_message_sends_nobody_twice(mail_stage, smtp_server, data_dir):
    slug = mail_stage.info.slug
    smtp_server.handler.hang_on.add(3)  # the third message never gets the server's answer
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ROADSHOW_DATA_DIR": str(data_dir)}
    command = [
        sys.executable,
        "-m",
        "desktop_app",
        "tickets",
        "send",
        slug,
        *server_args(smtp_server),
    ]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert smtp_server.handler.hanging.wait(60), "the run never reached the third message"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    assert len(smtp_server.handler.messages) == 2

    again = subprocess.run(
        command + ["--json"], env=env, capture_output=True, text=True, timeout=120
    )
    out = json.loads(again.stdout)
    assert again.returncode == 1  # it says one is in doubt
    assert out["sent"] == 1 and len(out["in_doubt"]) == 1
    recipients = smtp_server.handler.recipients()
    assert len(recipients) == len(set(recipients)) == 3
    log = SendLog(mail_stage)
    doubtful = mail_stage.attendee_by_code(out["in_doubt"][0])
    assert log.state(doubtful.id) == "in_doubt"
    assert doubtful.email not in recipients
    assert log.counts() == {"sent": 3, "failed": 0, "in_doubt": 1}


def test_mailmerge_csv_and_qr_folder(mail_stage, data_dir, tmp_path, cli_json):
    out_dir = tmp_path / "merge"
    code, out = cli_json("--data-dir", str(data_dir), "tickets", "mailmerge", mail_stage.info.slug,
        str(out_dir),
    )  # fmt: skip
    assert code == 0 and out["people"] == 4 and out["no_email"] == 1
    with (out_dir / "tickets.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["name", "email", "language", "code", "ticket", "qr_file"]
    by_email = {r["email"]: r for r in rows}
    assert by_email["nicolo@example.test"]["name"] == "Nicolò Bertè"
    assert by_email["zoe@example.test"]["language"] == "en"
    assert by_email["nicolo@example.test"]["language"] == "it"
    assert "gone@example.test" not in by_email  # cancelled
    public_key = tickets.ensure_key_pair(data_dir)
    for row in rows:
        [decoded] = zxingcpp.read_barcodes(Image.open(out_dir / row["qr_file"]))
        assert decoded.text == row["ticket"]
        assert tickets.read_ticket(row["ticket"], public_key).attendee_code == row["code"]
