"""Command line for badges: `badges SLUG --out FILE.pdf ...` and `badge-layouts`."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.badges import all_layouts, load_layout, render_stage_badges, select_attendees
from desktop_app.badges.batch import SORTS
from desktop_app.cli.context import Context, Result
from desktop_app.core import checkin
from desktop_app.core.errors import InvalidInput
from desktop_app.core.files import written_atomically
from desktop_app.core.model import CATEGORIES

DEFAULT_LAYOUT = "a6-portrait"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "badges",
        parents=[common],
        help="render the badges of a stage to one PDF (all or filtered attendees)",
    )
    p.add_argument("slug")
    p.add_argument("--out", required=True, help="the PDF file to write")
    p.add_argument("--layout", default=DEFAULT_LAYOUT, help="layout name or .json file")
    p.add_argument("--category", choices=CATEGORIES, help="only this category")
    p.add_argument("--not-printed", action="store_true", help="only people with no printed badge")
    p.add_argument("--checked-in", action="store_true", help="only people already checked in")
    p.add_argument("--codes", default="", help="only these attendee codes, comma separated")
    p.add_argument("--sort", choices=SORTS, default="surname", help="order of the badges")
    p.add_argument(
        "--mark-printed",
        action="store_true",
        help="record these badges as printed (a proof is not counted otherwise)",
    )
    p.set_defaults(handler=cmd_badges)

    p = sub.add_parser(
        "badge-layouts", parents=[common], help="list badge layouts: page sizes, badges per page"
    )
    p.set_defaults(handler=cmd_badge_layouts)


def cmd_badges(ctx: Context, args: argparse.Namespace) -> Result:
    out = Path(args.out)
    if out.is_dir():
        raise InvalidInput(f"--out must be a PDF file, not the folder {out}.")
    layout = load_layout(args.layout, ctx.data_dir)
    codes = [c for c in args.codes.split(",") if c.strip()] if args.codes else None
    with ctx.open_stage(args.slug) as stage:
        people = select_attendees(
            stage,
            category=args.category,
            not_printed=args.not_printed,
            checked_in=args.checked_in,
            codes=codes,
            sort=args.sort,
        )
        result = render_stage_badges(stage, people, layout, ctx.data_dir)
        with written_atomically(out, "badge PDF") as partial:
            partial.write_bytes(result.pdf)
        if args.mark_printed:
            checkin.record_badge_printed(stage, people, layout=layout.name, operator=ctx.operator)
    data = {"file": str(out), **result.to_dict(), "marked_printed": bool(args.mark_printed)}
    text = f"Wrote {out}: " + result.summary()
    if args.mark_printed:
        text += f"\nRecorded {result.badges} badge(s) as printed."
    return Result(data, text)


def cmd_badge_layouts(ctx: Context, args: argparse.Namespace) -> Result:
    layouts = [layout.summary() for layout in all_layouts(ctx.data_dir)]
    lines = [
        f"{x['name']:<20} badge {x['badge_mm'][0]:g} x {x['badge_mm'][1]:g} mm  "
        f"page {x['page_mm'][0]:g} x {x['page_mm'][1]:g} mm  {x['per_page']} per page"
        f"{'  + back' if x['back'] else ''}  {x['title']}"
        for x in layouts
    ]
    return Result({"layouts": layouts}, "\n".join(lines))
