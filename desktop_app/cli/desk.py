"""Command line for the desk: `checkin`, `undo`, `search`, `walk-in`, `ticket`, `status`,
`duplicates` and `desk` (this desk's name)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app.cli.context import Context, Result, attendee_or_fail
from desktop_app.core import checkin, tickets
from desktop_app.core.desk import load_desk


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("ticket", parents=[common], help="the signed QR ticket of an attendee")
    p.add_argument("slug")
    p.add_argument("code")
    p.add_argument("--png", help="also write the QR code as a PNG image")
    p.set_defaults(handler=cmd_ticket)

    p = sub.add_parser("checkin", parents=[common], help="check in by ticket, code or barcode")
    p.add_argument("slug")
    p.add_argument("text")
    p.add_argument("--session", default="", help="check in to this session of the stage")
    p.add_argument(
        "--admit-when-full", action="store_true", help="admit even if the session is full"
    )
    p.set_defaults(handler=cmd_checkin)

    p = sub.add_parser("undo", parents=[common], help="undo a check-in")
    p.add_argument("slug")
    p.add_argument("code")
    p.add_argument("--reason", required=True)
    p.add_argument("--session", default="")
    p.set_defaults(handler=cmd_undo)

    p = sub.add_parser(
        "search", parents=[common], help="search attendees by name, company, email, code"
    )
    p.add_argument("slug")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser(
        "walk-in", parents=[common], help="register a person at the desk and check them in"
    )
    p.add_argument("slug")
    p.add_argument("--first-name", default="")
    p.add_argument("--last-name", default="")
    p.add_argument("--title", default="")
    p.add_argument("--company", default="")
    p.add_argument("--category", default="guest")
    p.add_argument("--email", default="")
    p.add_argument("--no-checkin", action="store_true", help="register only")
    p.set_defaults(handler=cmd_walk_in)

    p = sub.add_parser(
        "status", parents=[common], help="counts, unsynced events and the state digest"
    )
    p.add_argument("slug")
    p.set_defaults(handler=cmd_status)

    p = sub.add_parser("duplicates", parents=[common], help="people checked in more than once")
    p.add_argument("slug")
    p.set_defaults(handler=cmd_duplicates)

    p = sub.add_parser("desk", parents=[common], help="show or rename this desk")
    p.add_argument("--name", help="new display name for this desk")
    p.set_defaults(handler=cmd_desk)


def cmd_ticket(ctx: Context, args: argparse.Namespace) -> Result:
    with ctx.open_stage(args.slug) as stage:
        attendee = attendee_or_fail(stage, args.code)
        payload = tickets.sign_ticket(
            tickets.load_private_key(ctx.data_dir), stage.info.code, attendee.code
        )
    data: dict[str, Any] = {"payload": payload, "code": attendee.code}
    if args.png:
        from desktop_app.core.qr import write_qr_png

        write_qr_png(payload, Path(args.png))
        data["png"] = args.png
    return Result(data, payload)


def _decision_text(decision: checkin.Decision) -> str:
    a = decision.attendee
    who = f"{a.display_name} ({a.company})" if a and a.company else (a.display_name if a else "")
    words = {
        checkin.CHECKED_IN: "Checked in — welcome",
        checkin.ALREADY_CHECKED_IN: f"Already checked in at {decision.checked_in_at} ({decision.desk})",
        checkin.NOT_FOUND: "Not found: search by name or register",
        checkin.WRONG_STAGE: "Ticket for another stage: "
        + (
            f"{decision.other_stage.get('title')}, {decision.other_stage.get('date')}"
            if decision.other_stage and decision.other_stage.get("title")
            else f"code {decision.other_stage.get('code') if decision.other_stage else '?'}"
        ),
        checkin.INVALID: "Invalid code",
        checkin.CANCELLED: "Registration cancelled"
        + (f" ({decision.reason})" if decision.reason else ""),
        checkin.SESSION_FULL: "Session full",
    }[decision.status]
    return f"{words}: {who}" if who else words


def cmd_checkin(ctx: Context, args: argparse.Namespace) -> Result:
    with ctx.open_stage(args.slug) as stage:
        decision = checkin.decide(
            stage,
            args.text,
            operator=ctx.operator,
            data_dir=ctx.data_dir,
            session_id=args.session,
            admit_when_full=args.admit_when_full,
        )
    return Result(decision.to_dict(), _decision_text(decision))


def cmd_undo(ctx: Context, args: argparse.Namespace) -> Result:
    with ctx.open_stage(args.slug) as stage:
        attendee = attendee_or_fail(stage, args.code)
        event = checkin.undo(
            stage, attendee, args.reason, operator=ctx.operator, session_id=args.session
        )
        fresh = stage.attendee(attendee.id)
    return Result(
        {
            "status": "undone",
            "event": event.id,
            "cancelled": event.payload["cancels"],
            "attendee": fresh.public_dict(),
        },
        f"Check-in undone for {fresh.display_name}.",
    )


def cmd_search(ctx: Context, args: argparse.Namespace) -> Result:
    with ctx.open_stage(args.slug) as stage:
        results = stage.search(args.query, limit=args.limit)
    lines = [
        f"{a.code}  {a.display_name:<32} {a.company:<32} {'✔ ' + (a.checked_in_at or '') if a.checked_in else '—'}"
        for a in results
    ]
    return Result(
        {"results": [a.public_dict() for a in results]}, "\n".join(lines) or "No one found."
    )


def cmd_walk_in(ctx: Context, args: argparse.Namespace) -> Result:
    fields = {
        "first_name": args.first_name,
        "last_name": args.last_name,
        "title": args.title,
        "company": args.company,
        "category": args.category,
        "email": args.email,
    }
    with ctx.open_stage(args.slug) as stage:
        decision = checkin.walk_in(
            stage, fields, operator=ctx.operator, check_in=not args.no_checkin
        )
    return Result(
        decision.to_dict(),
        f"Registered {decision.attendee.display_name} ({decision.attendee.code}).",
    )


def cmd_status(ctx: Context, args: argparse.Namespace) -> Result:
    with ctx.open_stage(args.slug) as stage:
        status = stage.status()
    text = "\n".join(f"{k:<11} {v}" for k, v in status.items())
    return Result(status, text)


def cmd_duplicates(ctx: Context, args: argparse.Namespace) -> Result:
    with ctx.open_stage(args.slug) as stage:
        dups = stage.duplicate_checkins()
    text = "\n".join(
        f"{d['code']}: " + ", ".join(f"{c['recorded_at']} ({c['desk']})" for c in d["checkins"])
        for d in dups
    )
    return Result({"duplicates": dups}, text or "No one was checked in twice.")


def cmd_desk(ctx: Context, args: argparse.Namespace) -> Result:
    from desktop_app.core.desk import rename_desk

    desk = rename_desk(ctx.data_dir, args.name) if args.name else load_desk(ctx.data_dir)
    return Result({"id": desk.id, "name": desk.name}, f"{desk.name} ({desk.id})")
