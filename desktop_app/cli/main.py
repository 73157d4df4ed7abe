"""The command line: `roadshow-desk COMMAND ...`.

Global options (`--data-dir`, `--json`, `--desk`, `--operator`) work before or after the
command. With `--json` a command prints exactly one JSON object. Exit codes: 0 the command
ran (a check-in decision, whatever it is, is in `status`), 1 the user's input was refused,
2 usage. Errors are plain words, never a traceback.

Each domain's commands live in one module of this package with a `register(sub, common)`,
listed in `_domains()`. A domain whose dependency is missing does not vanish from --help:
the command line stops and says what to install. The desk window (`gui`) is imported only
when it is asked for.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from types import ModuleType

from desktop_app import __version__
from desktop_app.cli.context import Context, Result
from desktop_app.core.errors import RoadshowError

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


def _domains() -> tuple[ModuleType, ...]:
    """Every domain's commands, in --help order. Imported here, not at module level, so that
    `import desktop_app.cli` stays light; a missing dependency raises, it is never skipped."""
    from desktop_app.cli import badges, desk, door, mail, reports, stages, sync

    return (stages, desk, badges, sync, reports, door, mail)


# import name -> what to `pip install` (the names that differ from their distribution)
_DISTRIBUTIONS = {
    "PIL": "pillow",
    "zxingcpp": "zxing-cpp",
    "bidi": "python-bidi",
    "arabic_reshaper": "arabic-reshaper",
    "sqlite_utils": "sqlite-utils",
    "PySide6": "PySide6-Essentials",
    "_rl_accel": "rl-accel",
}


class MissingDependency(RoadshowError):
    code = "missing_dependency"


def _missing_dependency(exc: ModuleNotFoundError) -> MissingDependency:
    top = (exc.name or "").split(".")[0]
    dist = _DISTRIBUTIONS.get(top, top)
    return MissingDependency(
        f"The Python package {dist!r} is missing, so the command line cannot start. "
        f"Install it with: pip install {dist} (or reinstall roadshow-desk with its dependencies)."
    )


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

    for domain in _domains():
        domain.register(sub, common)
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
        sys.stdout.flush()
    else:
        print(f"roadshow-desk: {message}", file=sys.stderr)
    return exit_code


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        return _reader_went_away()


def _main(argv: list[str] | None = None) -> int:
    global _json_errors
    _json_errors = "--json" in (sys.argv[1:] if argv is None else argv)
    try:
        parser = build_parser()
    except ModuleNotFoundError as exc:
        if (exc.name or "").startswith("desktop_app"):
            raise  # our own code is broken: that is a bug, not an installation problem
        missing = _missing_dependency(exc)
        if _json_errors:
            print(json.dumps({"error": {"code": missing.code, "message": missing.message}}))
        else:
            print(f"roadshow-desk: {missing.message}", file=sys.stderr)
        return 1
    args = parser.parse_args(argv)
    ctx = Context(args)
    if args.demo or args.command in (None, "gui"):
        return _run_gui(ctx, getattr(args, "slug", None), demo=args.demo)
    try:
        result = args.handler(ctx, args)
        _print(ctx, result)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except RoadshowError as exc:
        return _fail(ctx, exc.code, exc.message, 1)
    except KeyboardInterrupt:
        return _fail(ctx, "interrupted", "Interrupted.", 130)
    except OSError as exc:
        return _fail(ctx, "os_error", f"{exc.strerror or exc}: {exc.filename or ''}".strip(), 1)
    return result.exit_code


def _reader_went_away() -> int:
    """Output piped into `head` (or a pager closed early): stop quietly, like other tools."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # the interpreter's last flush finds somewhere to go
    return 0


def _run_gui(ctx: Context, slug: str | None, demo: bool) -> int:
    try:
        from desktop_app.ui.app import run
    except ImportError as exc:
        return _fail(ctx, "no_gui", f"The desk window is not available here ({exc}).", 1)
    return run(
        data_dir=ctx.data_dir, slug=slug, demo=demo, desk_label=getattr(ctx.args, "desk", None)
    )


if __name__ == "__main__":
    sys.exit(main())
