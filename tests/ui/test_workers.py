"""run_task: work on the thread pool, the answer back on the UI thread."""

from __future__ import annotations

import threading

from desktop_app.ui import workers


def test_run_task_reports_on_the_ui_thread(qtbot):
    workers.set_inline(False)
    ui_thread = threading.get_ident()
    seen = {}

    def work():
        seen["worker"] = threading.get_ident()
        return 42

    workers.run_task(work, lambda result: seen.update(result=result, done=threading.get_ident()))
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42
    assert seen["worker"] != ui_thread and seen["done"] == ui_thread


def test_run_task_errors_reach_on_error(qtbot):
    workers.set_inline(False)
    errors = []

    def boom():
        raise ValueError("bad frame")

    workers.run_task(boom, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert str(errors[0]) == "bad frame"


def test_inline_mode_runs_at_once():
    workers.set_inline(True)
    try:
        out = []
        workers.run_task(lambda: 7, out.append)
        assert out == [7]
    finally:
        workers.set_inline(False)
