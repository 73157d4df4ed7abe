"""The command line: `roadshow-desk COMMAND ...`.

Global options (`--data-dir`, `--json`, `--desk`, `--operator`) work before or after the
command. With `--json` a command prints exactly one JSON object. Exit codes: 0 the command
ran (a check-in decision, whatever it is, is in `status`), 1 the user's input was refused,
2 usage. Errors are plain words, never a traceback.

Commands of other layers register themselves through `register(sub, common)` in
`cli_badges.py`, `cli_sync.py` and `cli_reports.py`.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app import __version__
from desktop_app.core import checkin, paths, tickets
from desktop_app.core.desk import Desk, load_desk
from desktop_app.core.errors import AttendeeNotFound, InvalidInput, RoadshowError
from desktop_app.core.store import Stage, list_stages

PLUGINS = (
    "desktop_app.cli_badges",
    "desktop_app.cli_sync",
    "desktop_app.cli_reports",
    "desktop_app.cli_door",
)


@dataclass
class Result:
    """What a command prints: `data` as JSON with --json, else `text` for people."""

    data: dict[str, Any]
    text: str = ""
    exit_code: int = 0


@dataclass
class Context:
    args: argparse.Namespace
    _desk: Desk | None = field(default=None, init=False)

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    @property
    def data_dir(self) -> Path:
        return paths.data_dir(getattr(self.args, "data_dir", None))

    @property
    def desk(self) -> Desk:
        if self._desk is None:
            self._desk = load_desk(self.data_dir).labelled(getattr(self.args, "desk", None))
        return self._desk

    @property
    def operator(self) -> str:
        return getattr(self.args, "operator", None) or ""

    def open_stage(self, slug: str) -> Stage:
        return Stage.open(self.data_dir, slug, self.desk)


Handler = Callable[[Context, argparse.Namespace], Result]


_json_errors = False  # set by main(): usage errors print JSON too when --json was given


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors: exit 2, plain words
        if _json_errors:
            print(json.dumps({"error": {"code": "usage", "message": message}}))
        else:
            self.print_usage(sys.stderr)
            print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(2)


def _common_options(suppress: bool) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    default = argparse.SUPPRESS if suppress else None
    common.add_argument("--data-dir", default=default, help="data folder (or ROADSHOW_DATA_DIR)")
    common.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="print one JSON object",
    )
    common.add_argument("--desk", default=default, help="label this desk in what is recorded")
    common.add_argument("--operator", default=default, help="who is at the desk")
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="roadshow-desk",
        description="Roadshow Desk: check-in, badges and attendance for the roadshow stages.",
        parents=[_common_options(suppress=False)],
    )
    parser.add_argument("--version", action="version", version=f"roadshow-desk {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open the demo stage in the desk window"
    )
    common = _common_options(suppress=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    gui = sub.add_parser("gui", parents=[common], help="open the desk window")
    gui.add_argument("slug", nargs="?", help="stage to open (default: the last one)")
    gui.set_defaults(handler=None)

    stage = sub.add_parser("stage", parents=[common], help="create, list, export, import stages")
    stage_sub = stage.add_subparsers(
        dest="stage_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    p = stage_sub.add_parser("create", parents=[common], help="create a stage")
    p.add_argument("slug")
    p.add_argument("--title", required=True)
    p.add_argument("--date", required=True, help="YYYY-MM-DD")
    p.add_argument("--venue", default="")
    p.add_argument("--city", default="")
    p.add_argument("--theme", default="")
    p.add_argument("--countries", default="", help="prospect countries, comma separated")
    p.set_defaults(handler=cmd_stage_create)
    p = stage_sub.add_parser("list", parents=[common], help="list the stages on this desk")
    p.set_defaults(handler=cmd_stage_list)
    p = stage_sub.add_parser(
        "export", parents=[common], help="write a stage (all its events) to a file"
    )
    p.add_argument("slug")
    p.add_argument("--out", required=True)
    p.set_defaults(handler=cmd_stage_export)
    p = stage_sub.add_parser("import", parents=[common], help="merge a stage file (idempotent)")
    p.add_argument("file")
    p.set_defaults(handler=cmd_stage_import)
    p = stage_sub.add_parser("check", parents=[common], help="full integrity check of a stage file")
    p.add_argument("slug")
    p.set_defaults(handler=cmd_stage_check)
    sub.stage_actions = stage_sub  # plugins add `stage ACTION`s here (cli_reports: purge)

    p = sub.add_parser("import", parents=[common], help="import a registration list (CSV/XLSX)")
    p.add_argument("slug")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="check and count, change nothing")
    p.add_argument("--skip-bad-rows", action="store_true", help="import the good rows anyway")
    p.add_argument(
        "--cancel-missing",
        action="store_true",
        help="cancel the people of earlier imports that this list no longer has",
    )
    p.add_argument(
        "--map", action="append", default=[], metavar="FIELD=HEADER", help="explicit column mapping"
    )
    p.set_defaults(handler=cmd_import)

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

    p = sub.add_parser("demo", parents=[common], help="create a realistic synthetic demo stage")
    p.add_argument("slug", nargs="?", default="demo-bergamo")
    p.add_argument("--size", type=int, default=300)
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("desk", parents=[common], help="show or rename this desk")
    p.add_argument("--name", help="new display name for this desk")
    p.set_defaults(handler=cmd_desk)

    for module in PLUGINS:
        with contextlib.suppress(ModuleNotFoundError):
            importlib.import_module(module).register(sub, common)
    return parser


# --- output --------------------------------------------------------------------------------


def _print(ctx: Context, result: Result) -> None:
    if ctx.json:
        print(json.dumps(result.data, ensure_ascii=False, default=str))
    elif result.text:
        print(result.text)
    else:
        print(json.dumps(result.data, ensure_ascii=False, indent=2, default=str))


def _fail(ctx: Context, code: str, message: str, exit_code: int) -> int:
    if ctx.json:
        print(json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False))
    else:
        print(f"roadshow-desk: {message}", file=sys.stderr)
    return exit_code


def main(argv: list[str] | None = None) -> int:
    global _json_errors
    _json_errors = "--json" in (sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = Context(args)
    if args.demo or args.command in (None, "gui"):
        return _run_gui(ctx, getattr(args, "slug", None), demo=args.demo)
    try:
        result = args.handler(ctx, args)
    except RoadshowError as exc:
        return _fail(ctx, exc.code, exc.message, 1)
    except KeyboardInterrupt:
        return _fail(ctx, "interrupted", "Interrupted.", 130)
    except OSError as exc:
        return _fail(ctx, "os_error", f"{exc.strerror or exc}: {exc.filename or ''}".strip(), 1)
    _print(ctx, result)
    return result.exit_code


def _run_gui(ctx: Context, slug: str | None, demo: bool) -> int:
    try:
        from desktop_app.ui.app import run
    except ImportError as exc:
        return _fail(ctx, "no_gui", f"The desk window is not available here ({exc}).", 1)
    return run(
        data_dir=ctx.data_dir, slug=slug, demo=demo, desk_label=getattr(ctx.args, "desk", None)
    )


# --- commands ------------------------------------------------------------------------------


def _stage_line(s: dict[str, Any]) -> str:
    if "error" in s:
        return f"{s['slug']:<24} ({s['error']})"
    return f"{s['slug']:<24} {s['date']}  {s['title']}  [{s['checked_in']}/{s['registered']}]  code {s['code']}"


def cmd_stage_create(ctx: Context, args: argparse.Namespace) -> Result:
    stage = Stage.create(
        ctx.data_dir,
        args.slug,
        title=args.title,
        date=args.date,
        desk=ctx.desk,
        venue=args.venue,
        city=args.city,
        theme=args.theme,
        countries=args.countries.split(","),
        operator=ctx.operator,
    )
    with stage:
        info = stage.info.to_dict()
    return Result(
        {"stage": info}, f"Created stage {info['slug']} ({info['title']}, {info['date']})."
    )


def cmd_stage_list(ctx: Context, args: argparse.Namespace) -> Result:
    stages = list_stages(ctx.data_dir)
    text = (
        "\n".join(_stage_line(s) for s in stages)
        or "No stages yet. Create one with 'stage create'."
    )
    return Result({"stages": stages}, text)


def cmd_stage_export(ctx: Context, args: argparse.Namespace) -> Result:
    from desktop_app.core.stagefile import export_stage

    with ctx.open_stage(args.slug) as stage:
        count = export_stage(stage, Path(args.out))
    return Result({"file": args.out, "events": count}, f"Wrote {count} events to {args.out}.")


def cmd_stage_import(ctx: Context, args: argparse.Namespace) -> Result:
    from desktop_app.core.stagefile import import_stage

    outcome = import_stage(ctx.data_dir, Path(args.file), ctx.desk)
    text = (
        f"Stage {outcome['slug']}: {outcome['new_events']} new events "
        f"({outcome['events']} in the file){' — new stage on this desk' if outcome['created'] else ''}."
    )
    return Result(outcome, text)


def cmd_stage_check(ctx: Context, args: argparse.Namespace) -> Result:
    with ctx.open_stage(args.slug) as stage:
        stage.integrity_check()
    return Result({"stage": args.slug, "ok": True}, "The stage file is sound.")


def _parse_mapping(items: list[str]) -> dict[str, str]:
    mapping = {}
    for item in items:
        field_name, sep, header = item.partition("=")
        if not sep or not field_name.strip() or not header.strip():
            raise InvalidInput(f"--map wants FIELD=HEADER, got '{item}'.")
        mapping[field_name.strip()] = header.strip()
    return mapping


def cmd_import(ctx: Context, args: argparse.Namespace) -> Result:
    from desktop_app.core.importer import import_file

    mapping = _parse_mapping(args.map)
    with ctx.open_stage(args.slug) as stage:
        report = import_file(
            stage,
            Path(args.file),
            mapping=mapping or None,
            dry_run=args.dry_run,
            skip_bad_rows=args.skip_bad_rows,
            operator=ctx.operator,
            cancel_missing=args.cancel_missing,
        )
    data = report.to_dict()
    return Result(data, report.summary(), 0 if report.ok else 1)


def _attendee_or_fail(stage: Stage, code: str):
    attendee = stage.attendee_by_code(code.strip().upper()) or stage.attendee_by_external_code(code)
    if attendee is None:
        raise AttendeeNotFound(f"No attendee with code {code.strip().upper()} in this stage.")
    return attendee


def cmd_ticket(ctx: Context, args: argparse.Namespace) -> Result:
    with ctx.open_stage(args.slug) as stage:
        attendee = _attendee_or_fail(stage, args.code)
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
        attendee = _attendee_or_fail(stage, args.code)
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


def cmd_demo(ctx: Context, args: argparse.Namespace) -> Result:
    from desktop_app.core.demo import ensure_demo_stage

    slug, created = ensure_demo_stage(ctx.data_dir, ctx.desk, args.slug, size=args.size)
    with ctx.open_stage(slug) as stage:
        status = stage.status()
    verb = "Created" if created else "Already here:"
    return Result(
        {**status, "created": created},
        f"{verb} demo stage {slug}: {status['registered']} registered, {status['checked_in']} checked in.",
    )


def cmd_desk(ctx: Context, args: argparse.Namespace) -> Result:
    from desktop_app.core.desk import rename_desk

    desk = rename_desk(ctx.data_dir, args.name) if args.name else load_desk(ctx.data_dir)
    return Result({"id": desk.id, "name": desk.name}, f"{desk.name} ({desk.id})")


if __name__ == "__main__":
    sys.exit(main())
