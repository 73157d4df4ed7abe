"""Command line for ticket e-mails: `tickets send|resend|status|mailmerge`.

The mail server comes from options or the environment (ROADSHOW_SMTP_HOST, _PORT, _SECURITY,
_USER, _FROM, _RATE); the password only from ROADSHOW_SMTP_PASSWORD, so it never shows in the
process list or the shell history.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from desktop_app.cli.context import Context, Result, attendee_or_fail
from desktop_app.mail import PURPOSES, SECURITY_MODES, SendLog, SmtpConfig, plan_run
from desktop_app.mail.mailmerge import export_mailmerge
from desktop_app.mail.run import resend_one, send_run


def _env(name: str, default: str = "") -> str:
    return os.environ.get(f"ROADSHOW_SMTP_{name}", default)


def _server_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--smtp-host", default=None, help="mail server (or ROADSHOW_SMTP_HOST)")
    p.add_argument("--smtp-port", type=int, default=None, help="0 or none: 587/465/25")
    p.add_argument("--smtp-security", choices=SECURITY_MODES, default=None)
    p.add_argument("--smtp-user", default=None, help="login (password: ROADSHOW_SMTP_PASSWORD)")
    p.add_argument("--from", dest="from_address", default=None, help="sender's e-mail address")
    p.add_argument("--sender-name", default="", help="sender's display name")
    p.add_argument("--rate", type=float, default=None, help="messages per minute (0: no limit)")
    p.add_argument("--cafile", default="", help="trust this CA for the server's certificate")
    p.add_argument("--lang", choices=("it", "en"), default="it", help="language when none given")


def _config(args: argparse.Namespace) -> SmtpConfig:
    return SmtpConfig(
        host=args.smtp_host or _env("HOST"),
        port=args.smtp_port if args.smtp_port is not None else int(_env("PORT", "0") or 0),
        security=args.smtp_security or _env("SECURITY", "starttls"),
        user=args.smtp_user if args.smtp_user is not None else _env("USER"),
        password=_env("PASSWORD"),
        from_address=args.from_address or _env("FROM"),
        sender_name=args.sender_name,
        rate_per_minute=args.rate if args.rate is not None else float(_env("RATE", "60") or 60),
        cafile=args.cafile,
    )


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    tickets = sub.add_parser(
        "tickets", parents=[common], help="e-mail tickets to attendees, or export a mail merge"
    )
    actions = tickets.add_subparsers(
        dest="tickets_command", metavar="ACTION", required=True, parser_class=sub._parser_class
    )
    p = actions.add_parser("send", parents=[common], help="e-mail everyone not yet sent")
    p.add_argument("slug")
    p.add_argument("--reminder", action="store_true", help="the reminder, once per person")
    p.add_argument("--retry-failed", action="store_true", help="only people whose send failed")
    p.add_argument("--dry-run", action="store_true", help="say who would get it, send nothing")
    _server_options(p)
    p.set_defaults(handler=cmd_send)

    p = actions.add_parser("resend", parents=[common], help="e-mail one person their ticket again")
    p.add_argument("slug")
    p.add_argument("code")
    p.add_argument("--reminder", action="store_true")
    _server_options(p)
    p.set_defaults(handler=cmd_resend)

    p = actions.add_parser("status", parents=[common], help="the send log: sent, failed, in doubt")
    p.add_argument("slug")
    p.add_argument("--reminder", action="store_true")
    p.set_defaults(handler=cmd_status)

    p = actions.add_parser(
        "mailmerge", parents=[common], help="CSV + folder of QR PNGs for a mailing tool"
    )
    p.add_argument("slug")
    p.add_argument("outdir")
    p.add_argument("--lang", choices=("it", "en"), default="it", help="language when none given")
    p.set_defaults(handler=cmd_mailmerge)


def _purpose(args: argparse.Namespace) -> str:
    return PURPOSES[1] if getattr(args, "reminder", False) else PURPOSES[0]


def cmd_send(ctx: Context, args: argparse.Namespace) -> Result:
    purpose = _purpose(args)
    with ctx.open_stage(args.slug) as stage:
        if args.dry_run:
            plan = plan_run(stage, purpose, retry_failed=args.retry_failed)
            data = {
                "purpose": purpose,
                "would_send": len(plan.to_send),
                "codes": [a.code for a in plan.to_send],
                "already_sent": plan.already_sent,
                "in_doubt": plan.in_doubt,
                "no_email": plan.no_email,
            }
            text = (
                f"Would send {len(plan.to_send)} e-mail(s); {plan.already_sent} already sent, "
                f"{len(plan.in_doubt)} in doubt, {plan.no_email} without e-mail."
            )
            return Result(data, text)
        config = _config(args)
        result = send_run(
            stage,
            config,
            ctx.data_dir,
            purpose=purpose,
            retry_failed=args.retry_failed,
            default_lang=args.lang,
            operator=ctx.operator,
        )
    return Result(result.to_dict(), result.summary(), 0 if result.ok else 1)


def cmd_resend(ctx: Context, args: argparse.Namespace) -> Result:
    with ctx.open_stage(args.slug) as stage:
        attendee = attendee_or_fail(stage, args.code)
        result = resend_one(
            stage,
            attendee,
            _config(args),
            ctx.data_dir,
            purpose=_purpose(args),
            default_lang=args.lang,
            operator=ctx.operator,
        )
    return Result(result.to_dict(), result.summary(), 0 if result.ok else 1)


def cmd_status(ctx: Context, args: argparse.Namespace) -> Result:
    purpose = _purpose(args)
    with ctx.open_stage(args.slug) as stage:
        log = SendLog(stage, purpose)
        plan = plan_run(stage, purpose)
        codes = {a.id: a.code for a in stage.attendees()}
    failed = [
        {"code": codes.get(aid, ""), "answer": p.last_answer}
        for aid, p in log.people.items()
        if p.state == "failed"
    ]
    data = {"purpose": purpose, **log.counts(), "to_send": len(plan.to_send), "failures": failed}
    text = (
        f"{purpose}: {data['sent']} sent, {data['failed']} failed, {data['in_doubt']} in doubt, "
        f"{data['to_send']} still to send."
    )
    text += "".join(f"\nFailed {f['code']}: {f['answer']}" for f in failed[:20])
    return Result(data, text)


def cmd_mailmerge(ctx: Context, args: argparse.Namespace) -> Result:
    with ctx.open_stage(args.slug) as stage:
        result = export_mailmerge(stage, Path(args.outdir), ctx.data_dir, default_lang=args.lang)
    text = (
        f"Wrote {result.csv_path} ({result.people} people) and their QR codes in "
        f"{result.qr_dir}; {result.no_email} without e-mail left out."
    )
    return Result(result.to_dict(), text)
