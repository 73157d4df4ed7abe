"""This installation's identity: a desk id made once per data dir and a display name."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.ids import uuid7

_FILE = "desk.json"
DEFAULT_NAME = "Desk 1"


@dataclass(frozen=True)
class Desk:
    id: str
    name: str

    def labelled(self, name: str | None) -> Desk:
        """The same desk, with a display name for one command's records."""
        return Desk(self.id, name) if name else self


def load_desk(data_dir: Path) -> Desk:
    path = data_dir / _FILE
    if path.exists():
        raw = json.loads(path.read_text("utf-8"))
        return Desk(raw["id"], raw.get("name") or DEFAULT_NAME)
    # Not the host name ("LAPTOP-7F3K2Q" says nothing at a venue): "Desk 1" until the venue
    # hub names it (Add a desk gives every paired desk its own "Desk N").
    desk = Desk(uuid7(), DEFAULT_NAME)
    _write(path, desk)
    return desk


def rename_desk(data_dir: Path, name: str) -> Desk:
    desk = Desk(load_desk(data_dir).id, name)
    _write(data_dir / _FILE, desk)
    return desk


def _write(path: Path, desk: Desk) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"id": desk.id, "name": desk.name}), "utf-8")
    os.replace(tmp, path)
