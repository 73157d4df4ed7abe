"""What every command gets and gives back: the `Context` of one run and its `Result`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.core import paths
from desktop_app.core.desk import Desk, load_desk
from desktop_app.core.errors import AttendeeNotFound
from desktop_app.core.store import Stage


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


def attendee_or_fail(stage: Stage, code: str):
    attendee = stage.attendee_by_code(code.strip().upper()) or stage.attendee_by_external_code(code)
    if attendee is None:
        raise AttendeeNotFound(f"No attendee with code {code.strip().upper()} in this stage.")
    return attendee
