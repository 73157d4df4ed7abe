"""Ticket e-mails handed to a real SMTP server on 127.0.0.1 and read back as the attendee would."""

from __future__ import annotations

import io
import json
import time

import pypdf
import pytest
import zxingcpp
from PIL import Image

from desktop_app.core import tickets
from desktop_app.core.errors import InvalidInput
from desktop_app.mail import SendLog, send_run
from desktop_app.mail.run import plan_run, resend_one
from desktop_app.mail.smtp import RateLimiter
from desktop_app.sync.protocol import event_from_wire, event_to_wire

from .conftest import plain_config
from .smtpserver import SmtpServer


def by_recipient(server):
    return {str(m["To"].addresses[0].addr_spec): m for m in server.handler.parsed()}


def mail_events(stage, kind=None):
    kinds = ("ticket_send_started", "ticket_sent", "ticket_send_failed")
    return [e for e in stage.events() if e.kind in kinds and (kind is None or e.kind == kind)]


def test_each_registered_person_gets_their_ticket_in_their_language(
    mail_stage, smtp_server, data_dir
):
    result = send_run(mail_stage, plain_config(smtp_server), data_dir)
    assert (result.sent, result.failed, result.no_email) == (4, [], 1)
    mails = by_recipient(smtp_server)
    # the cancelled registration and the person without an address get nothing
    assert sorted(mails) == [
        "anna@example.test",
        "nicolo@example.test",
        "wang@example.test",
        "zoe@example.test",
    ]
    assert mails["nicolo@example.test"]["Subject"].startswith("Il suo biglietto per Tappa di")
    assert mails["anna@example.test"]["Subject"].startswith("Il suo biglietto")  # default: it
    assert mails["zoe@example.test"]["Subject"].startswith("Your ticket for Tappa di Bergamo")
    assert mails["wang@example.test"]["Subject"] == "Your ticket for Tappa di Bergamo (12 Mar 2026)"

    public_key = tickets.ensure_key_pair(data_dir)
    for address, msg in mails.items():
        person = next(a for a in mail_stage.attendees() if a.email == address)
        text = msg.get_body(("plain",)).get_content()
        html = msg.get_body(("html",)).get_content()
        assert person.display_name in text and person.code in text
        assert "cid:" in html and person.display_name in html
        # the inline QR: the HTML's cid names the related PNG, which scans to a signed ticket
        cid = html.split('src="cid:', 1)[1].split('"', 1)[0]
        related = msg.get_body(("related",))
        png = next(p for p in related.iter_parts() if p.get_content_type() == "image/png")
        assert png["Content-ID"] == f"<{cid}>"
        decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(png.get_content())))
        assert len(decoded) == 1
        ticket = tickets.read_ticket(decoded[0].text, public_key)
        assert (ticket.stage_code, ticket.attendee_code) == (mail_stage.info.code, person.code)
        # the one-page PDF ticket, with the person's name on it and the same QR
        [pdf] = [p for p in msg.iter_attachments() if p.get_content_type() == "application/pdf"]
        reader = pypdf.PdfReader(io.BytesIO(pdf.get_content()))
        assert len(reader.pages) == 1
        page_text = reader.pages[0].extract_text()
        assert person.code in page_text
    html_it = mails["nicolo@example.test"].get_body(("html",)).get_content()
    assert "Nicolò Bertè" in html_it and "Gentile" in html_it


def test_the_send_log_is_events_without_personal_data(mail_stage, smtp_server, data_dir):
    send_run(mail_stage, plain_config(smtp_server), data_dir)
    sent = mail_events(mail_stage, "ticket_sent")
    started = mail_events(mail_stage, "ticket_send_started")
    assert len(sent) == len(started) == 4
    people = {a.id: a for a in mail_stage.attendees()}
    for event in sent:
        payload = json.dumps(event.payload, ensure_ascii=False)
        person = people[event.attendee_id]
        assert event.payload["code"] == person.code
        assert "250" in event.payload["answer"] and "queued" in event.payload["answer"]
        for personal in (person.email, person.last_name, person.first_name):
            assert personal not in payload
        # the hub takes these events like any other
        assert event_from_wire(event_to_wire(event)).kind == "ticket_sent"
    assert SendLog(mail_stage).counts()["sent"] == 4


def test_a_second_run_and_the_reminder_skip_people_already_sent(mail_stage, smtp_server, data_dir):
    config = plain_config(smtp_server)
    send_run(mail_stage, config, data_dir)
    late = mail_stage.new_attendee(
        {"first_name": "Late", "last_name": "Comer", "email": "late@example.test"}
    )
    again = send_run(mail_stage, config, data_dir)
    assert (again.sent, again.already_sent) == (1, 4)
    assert smtp_server.handler.recipients().count("late@example.test") == 1

    reminder = send_run(mail_stage, config, data_dir, purpose="reminder")
    assert reminder.sent == 5
    reminder_again = send_run(mail_stage, config, data_dir, purpose="reminder")
    assert (reminder_again.sent, reminder_again.already_sent) == (0, 5)
    recipients = smtp_server.handler.recipients()
    assert len(recipients) == 10 and all(recipients.count(r) == 2 for r in set(recipients))
    subjects = [m["Subject"] for m in smtp_server.handler.parsed()]
    assert sum(s.startswith(("Promemoria", "Reminder")) for s in subjects) == 5
    assert late.code  # the late registration got both, once each


def test_a_refused_address_is_logged_with_the_answer_and_only_failures_are_retried(
    mail_stage, smtp_server, data_dir
):
    smtp_server.handler.refuse.add("zoe@example.test")
    config = plain_config(smtp_server)
    result = send_run(mail_stage, config, data_dir)
    zoe = next(a for a in mail_stage.attendees() if a.email == "zoe@example.test")
    assert result.sent == 3
    assert result.failed == [
        {
            "code": zoe.code,
            "answer": "550 5.1.1 <<address>>: Recipient address rejected: User unknown",
        }
    ]
    [failed] = mail_events(mail_stage, "ticket_send_failed")
    assert failed.attendee_id == zoe.id and failed.payload["smtp_code"] == 550
    assert "zoe@" not in json.dumps(failed.payload)

    smtp_server.handler.refuse.clear()
    retry = send_run(mail_stage, config, data_dir, retry_failed=True)
    assert (retry.planned, retry.sent) == (1, 1)
    assert smtp_server.handler.recipients().count("zoe@example.test") == 1
    assert len(smtp_server.handler.recipients()) == 4
    assert SendLog(mail_stage).counts() == {"sent": 4, "failed": 0, "in_doubt": 0}


def test_a_message_refused_after_its_content_is_a_failure(mail_stage, smtp_server, data_dir):
    smtp_server.handler.reject_on.add(1)
    result = send_run(mail_stage, plain_config(smtp_server), data_dir)
    assert result.sent == 3
    assert [f["answer"] for f in result.failed] == ["554 5.7.1 Message rejected as spam"]
    assert len(smtp_server.handler.messages) == 3
    assert SendLog(mail_stage).counts() == {"sent": 3, "failed": 1, "in_doubt": 0}


def test_a_connection_dropped_mid_message_is_never_sent_twice(mail_stage, smtp_server, data_dir):
    smtp_server.handler.drop_on.add(2)  # the server hangs up during the second message
    config = plain_config(smtp_server)
    result = send_run(mail_stage, config, data_dir)
    assert result.sent == 3 and len(result.in_doubt) == 1
    doubtful = result.in_doubt[0]
    [failed] = mail_events(mail_stage, "ticket_send_failed")
    assert failed.payload["in_doubt"] is True and failed.payload["code"] == doubtful

    again = send_run(mail_stage, config, data_dir)
    assert again.sent == 0 and again.in_doubt == [doubtful]
    assert plan_run(mail_stage).to_send == []
    recipients = smtp_server.handler.recipients()
    assert len(recipients) == len(set(recipients)) == 3
    # the organizer decides: a resend of that one person goes out
    person = mail_stage.attendee_by_code(doubtful)
    assert resend_one(mail_stage, person, config, data_dir).sent == 1
    assert SendLog(mail_stage).state(person.id) == "sent"


def test_resend_one_person_whatever_the_log_says(mail_stage, smtp_server, data_dir):
    config = plain_config(smtp_server)
    send_run(mail_stage, config, data_dir)
    anna = next(a for a in mail_stage.attendees() if a.email == "anna@example.test")
    assert resend_one(mail_stage, anna, config, data_dir).sent == 1
    assert smtp_server.handler.recipients().count("anna@example.test") == 2
    nobody = next(a for a in mail_stage.attendees() if not a.email)
    with pytest.raises(InvalidInput, match="no e-mail address"):
        resend_one(mail_stage, nobody, config, data_dir)


def test_the_rate_limit_spaces_messages(mail_stage, smtp_server, data_dir):
    start = time.monotonic()
    result = send_run(mail_stage, plain_config(smtp_server, rate_per_minute=120), data_dir)
    elapsed = time.monotonic() - start
    assert result.sent == 4
    assert elapsed >= 1.45  # 4 messages at 120/min: 0.5 s apart after the first


def test_rate_limiter_counts_per_minute():
    now = [0.0]
    slept = []

    def sleep(s):
        slept.append(s)
        now[0] += s

    limiter = RateLimiter(30, clock=lambda: now[0], sleep=sleep)
    for _ in range(4):
        limiter.wait()
    assert now[0] == pytest.approx(6.0)  # 30 a minute: one every 2 s


def test_starttls_with_login(mail_stage, data_dir, certificate):
    with SmtpServer(security="starttls", cert=certificate, user="desk", password="s3cret") as srv:
        config = plain_config(
            srv, security="starttls", user="desk", password="s3cret", cafile=certificate[0]
        )
        assert send_run(mail_stage, config, data_dir).sent == 4
        assert len(srv.handler.messages) == 4


@pytest.mark.filterwarnings("ignore:Requiring AUTH")
def test_ssl_with_login(mail_stage, data_dir, certificate):
    with SmtpServer(security="ssl", cert=certificate, user="desk", password="s3cret") as srv:
        config = plain_config(
            srv, security="ssl", user="desk", password="s3cret", cafile=certificate[0]
        )
        assert send_run(mail_stage, config, data_dir).sent == 4


def test_a_wrong_password_stops_the_run_and_records_nothing(mail_stage, data_dir, certificate):
    with SmtpServer(security="starttls", cert=certificate, user="desk", password="s3cret") as srv:
        config = plain_config(
            srv, security="starttls", user="desk", password="wrong", cafile=certificate[0]
        )
        result = send_run(mail_stage, config, data_dir)
    assert result.sent == 0 and "refused the login" in result.server_error
    assert "wrong" not in result.server_error
    assert mail_events(mail_stage) == []
    assert len(plan_run(mail_stage).to_send) == 4


def test_an_untrusted_certificate_is_refused(mail_stage, data_dir, certificate):
    with SmtpServer(security="starttls", cert=certificate) as srv:
        result = send_run(mail_stage, plain_config(srv, security="starttls"), data_dir)
    assert "Secure connection" in result.server_error and result.sent == 0


def test_the_organizer_template_wins_for_its_stage(mail_stage, smtp_server, data_dir):
    folder = data_dir / "mail" / "templates" / mail_stage.info.slug
    folder.mkdir(parents=True)
    (folder / "ticket.it.txt").write_text(
        "Subject: Benvenuti a $stage_city, $first_name\n\nCiao $first_name, codice $code.\n",
        "utf-8",
    )
    send_run(mail_stage, plain_config(smtp_server), data_dir)
    mails = by_recipient(smtp_server)
    nicolo = mails["nicolo@example.test"]
    assert nicolo["Subject"] == "Benvenuti a Bergamo, Nicolò"
    assert nicolo.get_body(("plain",)).get_content().startswith("Ciao Nicolò, codice ")
    assert "cid:" in nicolo.get_body(("html",)).get_content()  # the shipped HTML still serves
    assert mails["zoe@example.test"]["Subject"].startswith("Your ticket")  # English untouched


def test_html_values_are_escaped(make_stage, smtp_server, data_dir):
    stage = make_stage(slug="escape-2026")
    stage.new_attendee(
        {"first_name": "<b>Eve</b>", "last_name": "O'Hara & Co", "email": "eve@example.test"}
    )
    send_run(stage, plain_config(smtp_server), data_dir)
    [msg] = smtp_server.handler.parsed()
    html = msg.get_body(("html",)).get_content()
    assert "<b>Eve</b>" not in html and "&lt;b&gt;Eve&lt;/b&gt; O&#x27;Hara &amp; Co" in html
