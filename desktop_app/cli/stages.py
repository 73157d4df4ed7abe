"""Command line for stages: `stage create|list|export|import|check`, `import` a list, `demo`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app.cli.context import Context, Result
from desktop_app.core.errors import InvalidInput
from desktop_app.core.store import Stage, list_stages


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    stage = sub.add_parser("stage", parents=[common], help="create, list, export, import stages")
    stage_sub = stage.add_subparsers(
        dest="stage_command", metavar="ACTION", required=True, parser_class=sub._parser_class
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
    sub.stage_actions = stage_sub  # cli/reports.py adds `stage purge` here

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

    p = sub.add_parser("demo", parents=[common], help="create a realistic synthetic demo stage")
    p.add_argument("slug", nargs="?", default="demo-bergamo")
    p.add_argument("--size", type=int, default=300)
    p.set_defaults(handler=cmd_demo)


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
