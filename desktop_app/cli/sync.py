"""Command line for sync: `roadshow-desk hub ...` (run and manage a hub) and `roadshow-desk sync`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from desktop_app.cli.context import Context, Result
from desktop_app.core.errors import InvalidInput, StageFileInvalid
from desktop_app.sync import protocol

TOKEN_ENV = "ROADSHOW_HUB_TOKEN"
DB_ENV = "ROADSHOW_HUB_DB"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser_class = sub._parser_class  # the CLI's own parser: usage errors in plain words
    hub = sub.add_parser("hub", parents=[common], help="run and manage a sync hub")
    hub_sub = hub.add_subparsers(
        dest="hub_command", metavar="ACTION", required=True, parser_class=parser_class
    )

    def hub_parser(name: str, help_text: str) -> argparse.ArgumentParser:
        p = hub_sub.add_parser(name, parents=[common], help=help_text)
        p.add_argument(
            "--db",
            default=os.environ.get(DB_ENV),
            required=not os.environ.get(DB_ENV),
            help=f"the hub's SQLite file (or {DB_ENV})",
        )
        return p

    p = hub_parser("serve", "serve the hub until stopped (Ctrl-C)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (0.0.0.0: the LAN)")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--tls-cert", help="TLS certificate (PEM) to serve HTTPS directly")
    p.add_argument("--tls-key", help="TLS private key (PEM)")
    p.set_defaults(handler=cmd_hub_serve)

    p = hub_parser("add-desk", "register a desk and print its token (shown once)")
    p.add_argument("name")
    p.add_argument("--stages", help="stage slugs this desk may sync, comma separated (default all)")
    p.add_argument("--admin", action="store_true", help="organizer token: may publish new stages")
    p.set_defaults(handler=cmd_hub_add_desk)

    p = hub_parser("list-desks", "list registered desks")
    p.set_defaults(handler=cmd_hub_list_desks)

    p = hub_parser("revoke-desk", "stop a desk's token from working")
    p.add_argument("name")
    p.set_defaults(handler=cmd_hub_revoke_desk)

    p = hub_parser("reset-desk", "unbind a desk's token so a replacement laptop may use it")
    p.add_argument("name")
    p.set_defaults(handler=cmd_hub_reset_desk)

    p = hub_parser("import", "merge a stage file (from 'stage export') into the hub; idempotent")
    p.add_argument("file")
    p.set_defaults(handler=cmd_hub_import)

    p = hub_parser("status", "counts, digest, desks heard from and duplicates of a stage")
    p.add_argument("slug")
    p.set_defaults(handler=cmd_hub_status)

    p = sub.add_parser("sync", parents=[common], help="sync a stage with a hub")
    p.add_argument("slug")
    p.add_argument("--hub", required=True, help="hub address, e.g. http://192.168.1.20:8765")
    p.add_argument("--token", default=None, help=f"this desk's token (or {TOKEN_ENV})")
    p.add_argument("--watch", action="store_true", help="keep syncing until Ctrl-C")
    p.add_argument("--interval", type=float, default=1.0, help="seconds between rounds (--watch)")
    p.add_argument("--rounds", type=int, help="with --watch: stop after this many rounds")
    p.add_argument("--for", dest="duration", type=float, help="with --watch: stop after seconds")
    p.add_argument("--cafile", help="CA certificate to trust for an https hub (self-signed)")
    p.add_argument("--timeout", type=float, default=15.0, help="seconds to wait for the hub")
    p.set_defaults(handler=cmd_sync)


def _store(args: argparse.Namespace, *, create: bool = False):
    from desktop_app.sync.hubstore import HubStore

    return HubStore(Path(args.db), create=create)


# --- hub --------------------------------------------------------------------------------------


def cmd_hub_serve(ctx: Context, args: argparse.Namespace) -> Result:
    from desktop_app.sync.hub import serve

    if bool(args.tls_cert) != bool(args.tls_key):
        raise InvalidInput("Give both --tls-cert and --tls-key, or neither.")
    scheme = "https" if args.tls_cert else "http"
    print(
        f"Roadshow Desk hub on {scheme}://{args.host}:{args.port} (file {args.db}). Ctrl-C stops it.",
        file=sys.stderr,
        flush=True,
    )
    serve(Path(args.db), args.host, args.port, tls_cert=args.tls_cert, tls_key=args.tls_key)
    return Result({"stopped": True}, "Hub stopped.")


def cmd_hub_add_desk(ctx: Context, args: argparse.Namespace) -> Result:
    stages = None if args.stages is None else [s for s in args.stages.split(",") if s.strip()]
    for slug in stages or []:
        if not protocol.valid_slug(slug.strip()):
            raise InvalidInput(f"'{slug}' is not a stage slug.")
    with _store(args, create=True) as store:
        token = store.add_desk(args.name, stages=stages, admin=args.admin)
    kind = "organizer (admin) " if args.admin else ""
    return Result(
        {"desk": args.name, "token": token, "admin": args.admin, "stages": stages},
        f"Registered {kind}desk '{args.name}'. Its token (shown only now):\n{token}",
    )


def _desk_line(d: dict[str, Any]) -> str:
    flags = []
    if d["admin"]:
        flags.append("admin")
    if d["revoked"]:
        flags.append("REVOKED")
    flags.append("bound" if d["desk_id"] else "not yet used")
    stages = ", ".join(d["stages"]) if d["stages"] is not None else "all stages"
    return f"{d['name']:<24} {stages:<32} {' · '.join(flags)}"


def cmd_hub_list_desks(ctx: Context, args: argparse.Namespace) -> Result:
    with _store(args) as store:
        desks = store.list_desks()
    return Result(
        {"desks": desks}, "\n".join(_desk_line(d) for d in desks) or "No desks registered yet."
    )


def cmd_hub_revoke_desk(ctx: Context, args: argparse.Namespace) -> Result:
    with _store(args) as store:
        desk = store.revoke_desk(args.name)
    return Result({"desk": desk}, f"Desk '{args.name}' can no longer sync.")


def cmd_hub_reset_desk(ctx: Context, args: argparse.Namespace) -> Result:
    with _store(args) as store:
        desk = store.reset_desk(args.name)
    return Result(
        {"desk": desk},
        f"Desk '{args.name}' is unbound: the next laptop that syncs with it owns it.",
    )


def cmd_hub_import(ctx: Context, args: argparse.Namespace) -> Result:
    from desktop_app.core.stagefile import read_stage_file

    header, events = read_stage_file(Path(args.file))
    slug = header["stage"]["slug"]
    for i, event in enumerate(events):
        try:
            protocol.check_clock(event, i)
            protocol.check_payload(event, i)
        except protocol.ProtocolError as exc:
            raise StageFileInvalid(
                f"This stage file has an unusable event: {exc.message}"
            ) from None
    with _store(args, create=True) as store:
        _, new = store.ingest(slug, events, publisher="import", via="import")
    return Result(
        {"slug": slug, "events": len(events), "new_events": new},
        f"Stage {slug}: {new} new events on the hub ({len(events)} in the file).",
    )


def cmd_hub_status(ctx: Context, args: argparse.Namespace) -> Result:
    with _store(args) as store:
        status = store.status(args.slug)
    lines = [
        f"{status['stage']}: {status['checked_in']} / {status['registered']} checked in, "
        f"{status['events']} events, digest {status['digest'][:16]}…",
        "Numbers are final: every desk reported nothing left to send."
        if status["final"]
        else "Numbers may still change: not every desk has reported all its events.",
    ]
    for d in status["desks"]:
        pending = d["unsynced_at_last_contact"]
        lines.append(
            f"  {d['name'] or d['desk_id'][:8]:<20} token {d['token'] or '-':<16} "
            f"last heard {d['last_heard'] or 'never'}  up to #{d['up_to_desk_seq']}"
            + (f", {pending} waiting" if pending else "")
        )
    if status.get("quarantined"):
        lines.append(
            f"{status['quarantined']} stored events cannot be applied and are left out of "
            "these numbers (kept aside; desks sync the rest)."
        )
    if status["duplicates"]:
        lines.append(f"{len(status['duplicates'])} people checked in at more than one desk:")
        for dup in status["duplicates"]:
            lines.append(
                f"  {dup['code']}: "
                + ", ".join(f"{c['recorded_at']} ({c['desk']})" for c in dup["checkins"])
            )
    return Result(status, "\n".join(lines))


# --- desk ---------------------------------------------------------------------------------------


def cmd_sync(ctx: Context, args: argparse.Namespace) -> Result:
    from desktop_app.sync.client import SyncClient
    from desktop_app.sync.errors import HubRefused, SyncError

    token = args.token or os.environ.get(TOKEN_ENV)
    if not token:
        raise InvalidInput(f"Give this desk's token with --token or {TOKEN_ENV}.")
    verify: bool | str = args.cafile or True
    with SyncClient(
        ctx.data_dir, args.hub, token, desk=ctx.desk, timeout=args.timeout, verify=verify
    ) as client:
        if not args.watch:
            report = client.sync_stage(args.slug)
            return Result(report.to_dict(), _report_line(report))
        last: dict[str, Any] = {}
        succeeded = 0
        last_error: SyncError | None = None

        def on_report(report, error) -> None:
            nonlocal succeeded, last_error
            if report is not None:
                succeeded += 1
                last.update(report.to_dict())
            else:
                last_error = error
            if ctx.json:
                return
            if report is not None:
                print(_report_line(report), flush=True)
            elif isinstance(error, HubRefused):
                if not error.fatal:  # a fatal one ends the command, which says it once
                    print(f"refused: {error}", flush=True)
            else:
                print(f"offline: {error}", flush=True)

        try:
            rounds = client.watch(
                args.slug,
                interval_s=args.interval,
                rounds=args.rounds,
                duration_s=args.duration,
                on_report=on_report,
            )
        except KeyboardInterrupt:
            rounds = -1
        # A wrong or revoked token (HubRefused.fatal) leaves watch() as an error: exit 1.
    data = {**last, "rounds": rounds, "succeeded": succeeded}
    if last_error is not None:
        data["last_error"] = {"code": last_error.code, "message": last_error.message}
    if succeeded == 0:
        reason = f" Last error: {data['last_error']['message']}" if last_error else ""
        return Result(data, f"Stopped syncing: no round succeeded.{reason}", exit_code=1)
    text = "Stopped syncing."
    if last_error is not None:
        text += f" Last error: {data['last_error']['message']}"
    return Result(data, text)


def _report_line(report) -> str:
    parts = [f"{report.stage}: sent {report.pushed}, received {report.pulled}"]
    if report.bootstrapped:
        parts.append("copied from the hub")
    parts.append(f"{report.unsynced} waiting" if report.unsynced else "all sent")
    if report.clock_warning:
        parts.append(
            f"WARNING: this computer's clock is off by {abs(report.clock_offset_ms) // 1000} s"
        )
    if report.refused:
        parts.append(
            f"{report.refused} of this desk's events refused by the hub and kept to send "
            f"again (the others went on): {report.refused_reason}"
        )
    if report.quarantined:
        parts.append(
            f"{report.quarantined} events from the hub could not be applied here and were "
            "set aside (the rest is up to date)"
        )
    return ", ".join(parts) + f" ({report.duration_ms:.0f} ms)."
