"""Command line for managers: exports, statistics, the series report, sessions, personal data.

roadshow-desk export SLUG --format csv|xlsx|pdf --out FILE [--delimiter ';'|','] [--session ID]
                     [--category C] [--checked-in-only] [--columns a,b,c] [--signature]
roadshow-desk report stage SLUG [--session ID] [--category C]
roadshow-desk report series --out FILE.xlsx
roadshow-desk report precedence SLUG --out FILE.pdf|FILE.xlsx [--lang it] [--seats-per-row N] [--present-only]
roadshow-desk session add SLUG --name N [--kind K] [--room R] [--start T] [--end T] [--capacity N]
roadshow-desk session list SLUG
roadshow-desk session import SLUG FILE
roadshow-desk stage purge SLUG [--force]
roadshow-desk erase SLUG CODE
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app.cli.context import Context, Result
from desktop_app.core import export, precedence, privacy, reports, sessions
from desktop_app.core.errors import AttendeeNotFound, InvalidInput
from desktop_app.core.model import CATEGORIES
from desktop_app.sync import finality as hub_finality


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "export", parents=[common], help="attendance list of a stage or session: CSV, XLSX, PDF"
    )
    p.add_argument("slug")
    p.add_argument("--format", required=True, choices=export.FORMATS)
    p.add_argument("--out", required=True, help="the file to write")
    p.add_argument("--delimiter", default=";", choices=(";", ","), help="CSV only (default ';')")
    p.add_argument("--session", default="", help="only the people present at this session")
    p.add_argument("--category", choices=CATEGORIES, help="only this category")
    p.add_argument("--checked-in-only", action="store_true", help="only people checked in")
    p.add_argument("--include-cancelled", action="store_true", help="also cancelled registrations")
    p.add_argument(
        "--columns", help="comma-separated columns: " + ",".join(export.COLUMNS), default=None
    )
    p.add_argument("--signature", action="store_true", help="PDF: add a column to sign in")
    p.add_argument("--lang", default="en", choices=("en", "it"), help="headers and words")
    p.set_defaults(handler=cmd_export)

    report = sub.add_parser("report", parents=[common], help="statistics and the series report")
    report_sub = report.add_subparsers(dest="report_command", metavar="ACTION", required=True)
    p = report_sub.add_parser("stage", parents=[common], help="totals and breakdowns of a stage")
    p.add_argument("slug")
    p.add_argument("--session", default="")
    p.add_argument("--category", choices=CATEGORIES)
    p.add_argument("--hub", help="ask this sync hub whether the numbers are final (with --token)")
    p.add_argument("--token", help="a desk token of the hub")
    p.add_argument("--hub-db", help="or read the hub's own database file (on the hub's computer)")
    p.set_defaults(handler=cmd_report_stage)
    p = report_sub.add_parser(
        "series", parents=[common], help="every stage in the data dir in one XLSX workbook"
    )
    p.add_argument("--out", required=True, help="the .xlsx file to write")
    p.add_argument("--lang", default="en", choices=("en", "it"))
    p.add_argument("--hub-db", help="read the stages the hub holds instead of the data dir's")
    p.set_defaults(handler=cmd_report_series)

    p = report_sub.add_parser(
        "precedence",
        parents=[common],
        help="the Consular Corps in order of precedence (Vienna Convention art. 16): PDF, XLSX",
    )
    p.add_argument("slug")
    p.add_argument("--out", required=True, help="the .pdf or .xlsx file to write")
    p.add_argument("--format", choices=("pdf", "xlsx"), help="default: from the file's extension")
    p.add_argument("--lang", default="en", choices=("en", "it"))
    p.add_argument("--seats-per-row", type=int, default=10, help="reserved seats in a row")
    p.add_argument("--present-only", action="store_true", help="only consuls checked in")
    p.set_defaults(handler=cmd_report_precedence)

    session = sub.add_parser("session", parents=[common], help="sessions inside a stage")
    session_sub = session.add_subparsers(dest="session_command", metavar="ACTION", required=True)
    p = session_sub.add_parser("add", parents=[common], help="define a session")
    p.add_argument("slug")
    p.add_argument("--name", required=True)
    p.add_argument("--kind", default="", help="plenary, workshop, b2b, networking, other")
    p.add_argument("--room", default="")
    p.add_argument("--start", default="", help="09:30 or 2026-03-12 09:30")
    p.add_argument("--end", default="")
    p.add_argument("--capacity", default=None, help="how many people fit (empty: no limit)")
    p.set_defaults(handler=cmd_session_add)
    p = session_sub.add_parser("list", parents=[common], help="the sessions of a stage")
    p.add_argument("slug")
    p.set_defaults(handler=cmd_session_list)
    p = session_sub.add_parser("import", parents=[common], help="sessions from a CSV file")
    p.add_argument("slug")
    p.add_argument("file")
    p.set_defaults(handler=cmd_session_import)

    stage_actions = getattr(sub, "stage_actions", None)
    if stage_actions is not None:
        p = stage_actions.add_parser(
            "purge",
            parents=[common],
            help="delete this desk's copy of a stage once the hub holds all its events",
        )
        p.add_argument("slug")
        p.add_argument(
            "--force", action="store_true", help="delete even events the hub never acknowledged"
        )
        p.set_defaults(handler=cmd_stage_purge)

    p = sub.add_parser(
        "erase", parents=[common], help="erase a person's personal data (recorded, synced)"
    )
    p.add_argument("slug")
    p.add_argument("code")
    p.set_defaults(handler=cmd_erase)


def cmd_export(ctx: Context, args: argparse.Namespace) -> Result:
    options = export.ExportOptions(
        session_id=args.session,
        category=args.category,
        checked_in_only=args.checked_in_only,
        include_cancelled=args.include_cancelled,
        columns=export.parse_columns(args.columns),
        lang=args.lang,
        signature=args.signature,
        delimiter=args.delimiter,
    )
    with ctx.open_stage(args.slug) as stage:
        outcome = export.export_attendance(stage, Path(args.out), args.format, options)
    return Result(
        outcome,
        f"Wrote {outcome['rows']} people ({outcome['checked_in']} checked in) to {outcome['file']}.",
    )


def _stats_json(stats: dict[str, Any]) -> dict[str, Any]:
    data = dict(stats)
    data["arrivals"] = [
        {"start": b["start"].isoformat(timespec="minutes"), "count": b["count"]}
        for b in stats["arrivals"]
    ]
    return data


def _hub_desks(ctx: Context, args: argparse.Namespace, slug: str) -> list[dict[str, Any]] | None:
    """The hub's per-desk status of a stage, when the command was told where the hub is."""
    if args.hub_db:
        from desktop_app.sync.hubstore import HubStore

        with HubStore(Path(args.hub_db)) as store:
            return store.status(slug)["desks"]
    if args.hub:
        if not args.token:
            raise InvalidInput("--hub needs --token (a desk token of the hub).")
        from desktop_app.sync.client import HubClient

        client = HubClient(args.hub, args.token, ctx.desk.id)
        try:
            return client.desks(slug)
        finally:
            client.close()
    return None


def cmd_report_stage(ctx: Context, args: argparse.Namespace) -> Result:
    hub_desks = _hub_desks(ctx, args, args.slug)
    with ctx.open_stage(args.slug) as stage:
        session_id = sessions.session(stage, args.session)["id"] if args.session else ""
        stats = reports.stage_statistics(stage, session_id=session_id, category=args.category)
        final = hub_finality.finality(stage, hub_desks)
    data = _stats_json(stats)
    data["final"] = final.to_dict()
    lines = [
        f"{stats['stage']['title']} ({stats['stage']['date']})",
        f"registered  {stats['registered']}",
        f"checked in  {stats['checked_in']}",
        f"no-shows    {stats['no_show']} ({stats['no_show_rate']:.0%})",
        "by category: "
        + ", ".join(
            f"{reports.category_label(i['key'])} {i['checked_in']}/{i['registered']}"
            for i in stats["by_category"]
        ),
        "numbers final: "
        + {"final": "yes", "not_final": "not yet", "unknown": "not known"}[final.state],
    ]
    lines += [f"  {r}" for r in final.reasons]
    return Result(data, "\n".join(lines))


def cmd_report_precedence(ctx: Context, args: argparse.Namespace) -> Result:
    out = Path(args.out)
    fmt = args.format or out.suffix.lstrip(".").lower()
    with ctx.open_stage(args.slug) as stage:
        data = precedence.write(
            stage,
            out,
            fmt,
            lang=args.lang,
            per_row=args.seats_per_row,
            present_only=args.present_only,
        )
    lines = [f"Wrote {data['heads_of_post']} heads of consular post to {data['file']}."]
    if data["unranked"]:
        lines.append(f"{data['unranked']} consular guests have no class: complete the list.")
    if data["problems"]:
        lines.append(f"{data['problems']} rows need a check (see the last column).")
    return Result(data, "\n".join(lines))


def _hub_projections(hub_db: Path):
    from desktop_app.sync.hubstore import HubStore

    with HubStore(hub_db) as store:
        for info in store.stages():
            yield store.projection(info["id"])


def cmd_report_series(ctx: Context, args: argparse.Namespace) -> Result:
    if args.hub_db:
        if not Path(args.hub_db).exists():
            raise InvalidInput(f"There is no hub database at {args.hub_db}.")
        series = reports.series_from_stages(_hub_projections(Path(args.hub_db)))
    else:
        series = reports.collect_series(ctx.data_dir, ctx.desk)
    reports.write_series_xlsx(series, Path(args.out), lang=args.lang)
    summary = series.summary()
    summary["file"] = args.out
    text = (
        f"Wrote {args.out}: {summary['stages']} stages, {summary['people']} people, "
        f"{summary['companies']} companies."
    )
    if series.skipped:
        text += f" Skipped (damaged or locked): {', '.join(series.skipped)}."
    return Result(summary, text)


def _session_line(s: dict[str, Any]) -> str:
    when = (s["starts_at"] or "")[11:16] + ("–" + s["ends_at"][11:16] if s["ends_at"] else "")
    cap = f"{s['present']}/{s['capacity']}" if s["capacity"] is not None else f"{s['present']}"
    return f"{s['id']}  {when:<11} {s['name']:<40} {s['room']:<16} {cap}"


def cmd_session_add(ctx: Context, args: argparse.Namespace) -> Result:
    with ctx.open_stage(args.slug) as stage:
        s = sessions.define_session(
            stage,
            args.name,
            kind=args.kind,
            room=args.room,
            starts_at=args.start,
            ends_at=args.end,
            capacity=args.capacity,
            operator=ctx.operator,
        )
    return Result({"session": s}, f"Session defined: {s['name']} ({s['id']}).")


def cmd_session_list(ctx: Context, args: argparse.Namespace) -> Result:
    with ctx.open_stage(args.slug) as stage:
        found = stage.sessions()
    return Result(
        {"sessions": found},
        "\n".join(_session_line(s) for s in found) or "No sessions in this stage yet.",
    )


def cmd_session_import(ctx: Context, args: argparse.Namespace) -> Result:
    with ctx.open_stage(args.slug) as stage:
        outcome = sessions.import_sessions_csv(stage, Path(args.file), operator=ctx.operator)
    return Result(
        outcome,
        f"Sessions: {outcome['created']} created, {outcome['updated']} updated, "
        f"{outcome['unchanged']} unchanged.",
    )


def cmd_stage_purge(ctx: Context, args: argparse.Namespace) -> Result:
    outcome = privacy.purge_stage(ctx.data_dir, args.slug, ctx.desk, force=args.force)
    text = f"Deleted this desk's copy of {args.slug} ({outcome['events']} events)."
    if outcome["lost"]:
        text += f" Lost: {outcome['lost_text']}."
    else:
        text += " The hub holds every one of them."
    return Result(outcome, text)


def cmd_erase(ctx: Context, args: argparse.Namespace) -> Result:
    with ctx.open_stage(args.slug) as stage:
        code = args.code.strip().upper()
        attendee = stage.attendee_by_code(code) or stage.attendee_by_external_code(args.code)
        if attendee is None:
            raise AttendeeNotFound(f"No attendee with code {code} in this stage.")
        event = privacy.erase_attendee(stage, attendee, operator=ctx.operator)
        fresh = stage.attendee(attendee.id)
    return Result(
        {"status": "erased", "code": fresh.code, "event": event.id, "redacted": fresh.redacted},
        f"Personal data of {fresh.code} erased here; other desks erase it when they sync.",
    )
