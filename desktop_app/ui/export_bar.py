"""The export buttons of a report window and the line beside them that says how it went.

An export runs on a worker thread (`workers.run_task`) with the buttons disabled, so a second
click cannot start a second export; the line then names the file, or says why it failed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from desktop_app.core.errors import RoadshowError
from desktop_app.ui import workers


class ExportBar:
    def __init__(self, formats: Iterable[tuple[str, str]], export: Callable[[str], None]) -> None:
        """`formats`: (format, button words); `export(format)` runs when one is clicked."""
        self.layout = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for fmt, words in formats:
            button = QPushButton(words)
            button.clicked.connect(lambda _=False, f=fmt: export(f))
            self.layout.addWidget(button)
            self.buttons[fmt] = button
        self.status = QLabel()
        self.layout.addWidget(self.status, 1)

    def set_enabled(self, enabled: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(enabled)

    def run(
        self,
        work: Callable[[], dict[str, Any]],
        done: Callable[[dict[str, Any]], str],
        failed_words: str,
        busy_words: str = "",
    ) -> None:
        """Run `work` off the UI thread; `done(outcome)` gives the words shown after it.
        `failed_words` has a %1 for the reason (a full disk, a file open in Excel)."""
        self.set_enabled(False)
        if busy_words:
            self.status.setText(busy_words)

        def finished(outcome: dict[str, Any]) -> None:
            self.set_enabled(True)
            self.status.setText(done(outcome))

        def failed(exc: Exception) -> None:
            self.set_enabled(True)
            if isinstance(exc, RoadshowError | OSError):
                self.status.setText(failed_words.replace("%1", str(exc)))
                return
            raise exc

        workers.run_task(work, finished, failed)
