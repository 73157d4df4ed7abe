"""A whole stage (its events) as one file, for desks with no network at all.

Format: gzip of JSON lines. Line 1 is a header, then one event per line, then a trailer
with the event count and the SHA-256 of the event lines. A truncated or altered file fails
the gzip CRC, the count or the checksum, and is refused before anything is merged.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from pathlib import Path
from typing import Any

from desktop_app.core.desk import Desk
from desktop_app.core.errors import StageFileInvalid
from desktop_app.core.files import written_atomically
from desktop_app.core.model import Event, canonical_json
from desktop_app.core.store import Stage, stage_path

FORMAT = "roadshow-desk stage file"
VERSION = 1


def export_stage(stage: Stage, out: Path) -> int:
    # a full disk (or a file-size limit, a pulled USB stick) leaves no half file behind
    with written_atomically(out, "stage file") as tmp:
        return _write_stage_file(stage, tmp)


def _write_stage_file(stage: Stage, path: Path) -> int:
    digest = hashlib.sha256()
    count = 0
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        header = {"format": FORMAT, "version": VERSION, "stage": stage.info.to_dict()}
        fh.write(canonical_json(header) + "\n")
        for event in stage.events():
            line = canonical_json(event.to_dict())
            digest.update(line.encode("utf-8"))
            fh.write(line + "\n")
            count += 1
        fh.write(
            canonical_json({"end": True, "events": count, "sha256": digest.hexdigest()}) + "\n"
        )
    return count


def read_stage_file(path: Path) -> tuple[dict[str, Any], list[Event]]:
    """Header and events of a stage file, fully verified. Raises StageFileInvalid."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            lines = fh.read().split("\n")  # not splitlines(): U+2028 may sit in a reason
    except FileNotFoundError:
        raise
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        raise StageFileInvalid(
            "This is not a stage file, or it is truncated or damaged. Export it again."
        ) from exc
    if lines and lines[-1] == "":
        lines.pop()
    try:
        header = json.loads(lines[0])
        trailer = json.loads(lines[-1])
        if header.get("format") != FORMAT:
            raise ValueError("format")
        if header.get("version") != VERSION:
            raise StageFileInvalid("This stage file was written by a newer Roadshow Desk.")
        body = lines[1:-1]
        digest = hashlib.sha256()
        for line in body:
            digest.update(line.encode("utf-8"))
        if not trailer.get("end") or trailer.get("events") != len(body):
            raise ValueError("count")
        if trailer.get("sha256") != digest.hexdigest():
            raise ValueError("checksum")
        events = [Event.from_dict(json.loads(line)) for line in body]
    except StageFileInvalid:
        raise
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        raise StageFileInvalid(
            "This stage file is incomplete or its checksum does not match. Export it again."
        ) from exc
    stage_id = header["stage"]["id"]
    if any(e.stage_id != stage_id for e in events):
        raise StageFileInvalid("This stage file mixes events of different stages.")
    return header, events


def import_stage(data_dir: Path, path: Path, desk: Desk) -> dict[str, Any]:
    """Merge a stage file into this desk's copy (or make the copy). Importing twice is a no-op."""
    header, events = read_stage_file(path)
    info = header["stage"]
    target = stage_path(data_dir, info["slug"])
    if not target.exists():
        stage = Stage.from_events(target, desk, events)
        stage.close()
        return {
            "slug": info["slug"],
            "created": True,
            "events": len(events),
            "new_events": len(events),
        }
    with Stage.open_path(target, desk) as stage:
        if stage.info.id != info["id"]:
            raise StageFileInvalid(
                f"This desk already has a different stage called '{info['slug']}'. "
                "Stages are created once and copied; they are never made twice."
            )
        new = stage.apply_events(events)
    return {"slug": info["slug"], "created": False, "events": len(events), "new_events": new}
