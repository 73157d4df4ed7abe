"""The stage file itself: opening a connection with the pragmas, crash markers, checkpoints,
SQLite errors as the app's errors.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.core.errors import DiskFull, RoadshowError, StageDamaged, StageLocked

BUSY_TIMEOUT_MS = 5000
_SAFETY_CHECKPOINT_PAGES = 20000  # with background checkpoints: only if the thread falls behind


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _translate(exc: sqlite3.Error) -> RoadshowError:
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name == "SQLITE_FULL" or "full" in text:
        return DiskFull(
            "The disk is full: the last change was NOT saved. Free some space and try again."
        )
    if name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED") or "locked" in text:
        return StageLocked(
            "The stage file is locked by another program. Close it there and try again."
        )
    if (
        name in ("SQLITE_CORRUPT", "SQLITE_NOTADB")
        or "malformed" in text
        or "not a database" in text
    ):
        return StageDamaged(
            "The stage file is damaged. Restore it from the hub or from a stage export."
        )
    if name.startswith("SQLITE_IOERR") or name in ("SQLITE_READONLY", "SQLITE_CANTOPEN"):
        return StageDamaged("The stage file cannot be written (" + name + ").")
    raise exc


class _Checkpointer(threading.Thread):
    """PASSIVE checkpoints from a connection of its own: never blocks the desk's writes."""

    IDLE_S = 0.5  # no write for this long: the queue has paused

    def __init__(self, path: Path, interval_s: float, last_write: Callable[[], float]) -> None:
        super().__init__(name=f"checkpoint {path.name}", daemon=True)
        self.path = path
        self.interval_s = interval_s
        self.last_write = last_write
        self._stop_event = threading.Event()

    def run(self) -> None:
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=1)
        except sqlite3.Error:
            return
        try:
            while not self._stop_event.wait(self.interval_s):
                if time.monotonic() - self.last_write() < self.IDLE_S:
                    continue
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            conn.close()

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=5)


def _connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise StageLocked("The stage file could not be opened for writing.")
        conn.execute("PRAGMA synchronous = FULL")  # a laptop battery dies: check-ins must stay
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")  # erased words leave no bytes in free pages
        conn.execute("PRAGMA cache_size = -32000")  # 32 MB: imports of 50k people stay in memory
    except sqlite3.Error as exc:
        raise _translate(exc) from exc
    return conn


def _markers(path: Path) -> list[Path]:
    return list(path.parent.glob(path.name + ".open-*"))


def _mark_open(path: Path) -> bool:
    """Leave a marker while open; a marker of a dead process means an unclean shutdown."""
    unclean = False
    for marker in _markers(path):
        try:
            pid = int(marker.name.rsplit("-", 1)[1])
        except ValueError:
            continue
        if pid != os.getpid() and not _alive(pid):
            unclean = True
            marker.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        marker = path.with_name(f"{path.name}.open-{os.getpid()}")
        count = int(marker.read_text() or 0) if marker.exists() else 0
        marker.write_text(str(count + 1))
    return unclean


def _unmark_open(path: Path) -> None:
    marker = path.with_name(f"{path.name}.open-{os.getpid()}")
    with contextlib.suppress(OSError, ValueError):
        count = int(marker.read_text() or 1) - 1
        if count <= 0:
            marker.unlink()
        else:
            marker.write_text(str(count))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
