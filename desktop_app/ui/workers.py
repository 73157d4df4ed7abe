"""Run slow work off the UI thread: `run_task(func, on_done)`; tests run it inline.

The result is posted back to the UI thread through a signal, so `on_done` may touch widgets.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

_inline = False
_pending: set[_Relay] = set()
_pool: QThreadPool | None = None


def pool() -> QThreadPool:
    """The desk's own pool: long jobs of other screens on the global pool never delay it."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
    return _pool


def set_inline(inline: bool) -> None:
    """Tests: run every task synchronously in the calling thread."""
    global _inline
    _inline = inline


class _Relay(QObject):
    done = Signal(object, object)  # (result, error)


class _Task(QRunnable):
    def __init__(self, func: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.func = func
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.func()
        except Exception as exc:  # reported on the UI thread, not swallowed
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.relay.done.emit(None, exc)
            return
        self.relay.done.emit(result, None)


def run_task(
    func: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
) -> None:
    """Run `func` on the thread pool; call `on_done(result)` (or `on_error(exc)`) on the UI thread."""
    if _inline:
        try:
            result = func()
        except Exception as exc:
            if on_error is None:
                raise
            on_error(exc)
            return
        if on_done:
            on_done(result)
        return
    relay = _Relay()
    _pending.add(relay)

    def finish(result: Any, error: Exception | None) -> None:
        _pending.discard(relay)
        if error is not None:
            if on_error is None:
                raise error
            on_error(error)
        elif on_done:
            on_done(result)

    relay.done.connect(finish)
    pool().start(_Task(func, relay))


def wait_idle(timeout_ms: int = 5000) -> bool:
    return pool().waitForDone(timeout_ms)


class StoppableRun:
    """A dialog that runs one stoppable worker (a batch of badges, a run of e-mails) with a
    progress bar, a Start and a Stop button: starting, stopping, progress, closing.

    The dialog has `pool`, `worker`, `progress`, `status`, `start_button`, `stop_button`; its
    worker has `signals.progress(done, total)`, `signals.finished(result)` and `stop()`;
    `_finished(result)` is the dialog's own."""

    def start_worker(self, worker: Any) -> None:
        self.worker = worker
        worker.signals.progress.connect(self._progress)
        worker.signals.finished.connect(self._finished)
        self.start_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.pool.start(worker)

    def stop_worker(self, stopping_text: str) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.status.setText(stopping_text)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(100 * done / total) if total else 100)

    def reject(self) -> None:
        if self.worker is not None:
            self.worker.stop()
        super().reject()  # the QDialog's
