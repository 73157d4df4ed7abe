"""Send runs and their log, kept as stage events so every desk and the hub see them.

For each message: `ticket_send_started` (durable, just before the message itself goes to the
server), then `ticket_sent` (the server's answer) or `ticket_send_failed` (the server's answer;
`in_doubt` when the connection was lost before the server confirmed). Payloads carry the
attendee code, the purpose, an attempt id and the server's answer with addresses removed:
no other personal data.

A run skips people already sent a message of that purpose (so a second `send`, or a reminder
run, reaches only the others) and people whose last attempt is in doubt (an attempt started
and never finished: the app stopped mid-message). In-doubt and sent people get a message again
only when someone resends it on purpose. `retry_failed` sends only to people whose last attempt
was refused.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.core.errors import InvalidInput
from desktop_app.core.model import Attendee
from desktop_app.core.store import Stage

from .message import TicketMailBuilder
from .smtp import MailServerError, RateLimiter, Refused, SmtpConfig, SmtpSender

PURPOSES = ("ticket", "reminder")
_KINDS = ("ticket_send_started", "ticket_sent", "ticket_send_failed")

NEVER, SENT, FAILED, IN_DOUBT = "never", "sent", "failed", "in_doubt"


@dataclass
class PersonLog:
    state: str = NEVER
    attempts: int = 0
    last_answer: str = ""
    sent_at: str = ""


class SendLog:
    """Who was sent what, from the stage's events (this desk's and those synced in)."""

    def __init__(self, stage: Stage, purpose: str = "ticket") -> None:
        if purpose not in PURPOSES:
            raise InvalidInput(f"Purpose must be one of: {', '.join(PURPOSES)}.")
        self.purpose = purpose
        self.people: dict[str, PersonLog] = {}
        open_attempts: dict[str, str] = {}
        rows = stage.conn.execute(
            "SELECT kind, attendee_id, payload, recorded_at FROM event WHERE kind IN (?,?,?) "
            "ORDER BY hlc, desk_id, desk_seq",
            _KINDS,
        )
        for kind, attendee_id, payload, recorded_at in rows:
            p = json.loads(payload)
            if p.get("purpose", "ticket") != purpose or attendee_id is None:
                continue
            log = self.people.setdefault(attendee_id, PersonLog())
            attempt = str(p.get("attempt", ""))
            if kind == "ticket_send_started":
                log.attempts += 1
                open_attempts[attendee_id] = attempt
                if log.state != SENT:
                    log.state = IN_DOUBT
                continue
            if open_attempts.get(attendee_id) == attempt:
                open_attempts.pop(attendee_id)
            log.last_answer = str(p.get("answer", ""))
            if kind == "ticket_sent":
                log.state = SENT
                log.sent_at = recorded_at
            elif log.state != SENT:
                log.state = IN_DOUBT if p.get("in_doubt") else FAILED

    def state(self, attendee_id: str) -> str:
        log = self.people.get(attendee_id)
        return log.state if log else NEVER

    def counts(self) -> dict[str, int]:
        out = {SENT: 0, FAILED: 0, IN_DOUBT: 0}
        for log in self.people.values():
            if log.state in out:
                out[log.state] += 1
        return out


@dataclass
class Plan:
    to_send: list[Attendee]
    already_sent: int = 0
    in_doubt: list[str] = field(default_factory=list)  # attendee codes
    no_email: int = 0
    not_failed: int = 0  # skipped by a retry of failures


def plan_run(stage: Stage, purpose: str = "ticket", *, retry_failed: bool = False) -> Plan:
    """Who this run would send to: registered (not cancelled) people with an e-mail."""
    log = SendLog(stage, purpose)
    plan = Plan(to_send=[])
    for person in stage.attendees(include_cancelled=False, order="surname"):
        if not person.email:
            plan.no_email += 1
            continue
        state = log.state(person.id)
        if state == SENT:
            plan.already_sent += 1
        elif state == IN_DOUBT:
            plan.in_doubt.append(person.code)
        elif retry_failed and state != FAILED:
            plan.not_failed += 1
        else:
            plan.to_send.append(person)
    return plan


@dataclass
class SendResult:
    purpose: str
    planned: int = 0
    sent: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)  # code, answer
    in_doubt: list[str] = field(default_factory=list)
    already_sent: int = 0
    no_email: int = 0
    stopped: bool = False
    server_error: str = ""
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "purpose": self.purpose,
            "planned": self.planned,
            "sent": self.sent,
            "failed": self.failed,
            "in_doubt": self.in_doubt,
            "already_sent": self.already_sent,
            "no_email": self.no_email,
            "stopped": self.stopped,
            "server_error": self.server_error,
            "seconds": round(self.seconds, 2),
        }

    @property
    def ok(self) -> bool:
        return not (self.failed or self.server_error or self.in_doubt)

    def summary(self) -> str:
        lines = [f"Sent {self.sent} of {self.planned} e-mail(s) ({self.seconds:.1f} s)."]
        if self.already_sent:
            lines.append(f"{self.already_sent} person(s) already had it: skipped.")
        if self.no_email:
            lines.append(f"{self.no_email} person(s) have no e-mail address.")
        for f in self.failed[:20]:
            lines.append(f"Failed {f['code']}: {f['answer']}")
        if len(self.failed) > 20:
            lines.append(f"... and {len(self.failed) - 20} more failures.")
        if self.failed:
            lines.append("Retry only these with --retry-failed.")
        if self.in_doubt:
            lines.append(
                f"In doubt (the app stopped or the connection dropped while sending; not sent "
                f"again automatically, resend one by one if needed): {', '.join(self.in_doubt[:20])}"
            )
        if self.server_error:
            lines.append(f"Stopped: {self.server_error}")
        elif self.stopped:
            lines.append("Stopped before the end: run it again to send to the others.")
        return "\n".join(lines)


Progress = Callable[[int, int, str], None]  # (done, total, attendee code)


def _builder(
    stage: Stage, data_dir: Path, config: SmtpConfig, default_lang: str
) -> TicketMailBuilder:
    return TicketMailBuilder(
        stage.info,
        data_dir,
        config.from_address,
        default_lang=default_lang,
        sender_name=config.sender_name,
    )


def _deliver(
    stage: Stage,
    sender: SmtpSender,
    builder: TicketMailBuilder,
    person: Attendee,
    purpose: str,
    operator: str,
    result: SendResult,
) -> None:
    msg = builder.build(person, purpose)
    attempt = uuid.uuid4().hex
    base = {"code": person.code, "purpose": purpose, "attempt": attempt}

    def intent() -> None:
        stage.record("ticket_send_started", person.id, dict(base), operator=operator)

    try:
        answer = sender.send(msg, person.email, before_data=intent)
    except Refused as exc:
        payload = {**base, "answer": exc.answer, "smtp_code": exc.code}
        if not exc.definite:
            payload["in_doubt"] = True
            result.in_doubt.append(person.code)
        else:
            result.failed.append({"code": person.code, "answer": exc.answer})
        stage.record("ticket_send_failed", person.id, payload, operator=operator)
        return
    stage.record("ticket_sent", person.id, {**base, "answer": answer}, operator=operator)
    result.sent += 1


def send_run(
    stage: Stage,
    config: SmtpConfig,
    data_dir: Path,
    *,
    purpose: str = "ticket",
    retry_failed: bool = False,
    default_lang: str = "it",
    operator: str = "",
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
    limiter: RateLimiter | None = None,
) -> SendResult:
    """Send this purpose's e-mail to everyone the plan names, logging each one as events."""
    start = time.perf_counter()
    plan = plan_run(stage, purpose, retry_failed=retry_failed)
    result = SendResult(
        purpose=purpose,
        planned=len(plan.to_send),
        already_sent=plan.already_sent,
        no_email=plan.no_email,
        in_doubt=list(plan.in_doubt),
    )
    builder = _builder(stage, data_dir, config, default_lang)
    limiter = limiter or RateLimiter(config.rate_per_minute)
    total = len(plan.to_send)
    try:
        with SmtpSender(config) as sender:
            for done, person in enumerate(plan.to_send):
                if (should_stop is not None and should_stop()) or not limiter.wait(should_stop):
                    result.stopped = True
                    break
                _deliver(stage, sender, builder, person, purpose, operator, result)
                if progress is not None:
                    progress(done + 1, total, person.code)
    except MailServerError as exc:
        result.server_error = exc.message
        result.stopped = True
    result.seconds = time.perf_counter() - start
    return result


def resend_one(
    stage: Stage,
    attendee: Attendee,
    config: SmtpConfig,
    data_dir: Path,
    *,
    purpose: str = "ticket",
    default_lang: str = "it",
    operator: str = "",
) -> SendResult:
    """Send one person their e-mail again, whatever the log says (the desk's "Resend ticket")."""
    if attendee.cancelled:
        raise InvalidInput("This registration is cancelled: no ticket is sent.")
    if not attendee.email:
        raise InvalidInput("This person has no e-mail address: add one with Edit first.")
    start = time.perf_counter()
    result = SendResult(purpose=purpose, planned=1)
    builder = _builder(stage, data_dir, config, default_lang)
    try:
        with SmtpSender(config) as sender:
            _deliver(stage, sender, builder, attendee, purpose, operator, result)
    except MailServerError as exc:
        result.server_error = exc.message
    result.seconds = time.perf_counter() - start
    return result
