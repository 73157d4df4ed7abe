"""Command line for registrations at the door: `cancel SLUG CODE --reason R`, `restore SLUG CODE`."""

from __future__ import annotations

import argparse

from desktop_app.cli.context import Context, Result, attendee_or_fail
from desktop_app.core import checkin


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "cancel",
        parents=[common],
        help="cancel a registration: scanned at the door, the person is refused with the reason",
    )
    p.add_argument("slug")
    p.add_argument("code", help="attendee code or registration barcode")
    p.add_argument("--reason", required=True, help="why (shown at the door)")
    p.set_defaults(handler=cmd_cancel)

    p = sub.add_parser("restore", parents=[common], help="restore a cancelled registration")
    p.add_argument("slug")
    p.add_argument("code", help="attendee code or registration barcode")
    p.set_defaults(handler=cmd_restore)


def cmd_cancel(ctx: Context, args: argparse.Namespace) -> Result:
    with ctx.open_stage(args.slug) as stage:
        attendee = attendee_or_fail(stage, args.code)
        fresh = checkin.cancel(stage, attendee, args.reason, operator=ctx.operator)
        reason = stage.cancellation_reason(fresh.id)
    return Result(
        {"status": "cancelled", "reason": reason, "attendee": fresh.public_dict()},
        f"Registration cancelled for {fresh.display_name or fresh.code}: {reason}",
    )


def cmd_restore(ctx: Context, args: argparse.Namespace) -> Result:
    with ctx.open_stage(args.slug) as stage:
        attendee = attendee_or_fail(stage, args.code)
        fresh = checkin.restore(stage, attendee, operator=ctx.operator)
    return Result(
        {"status": "restored", "attendee": fresh.public_dict()},
        f"Registration restored for {fresh.display_name or fresh.code}.",
    )
