"""The real desk window on a real stage file in a temp data dir, offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop_app.ui import workers
from desktop_app.ui.app import build_window
from desktop_app.ui.settings import Settings


@pytest.fixture
def desk_settings(tmp_path):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.set("ui/language", "en")
    settings.set("checkin/sounds", False)
    settings.set("desk/operator", "Giulia")
    return settings


@pytest.fixture
def open_window(qtbot, data_dir, desk_settings):
    """open_window(stage, language='en') -> the desk window, shown at 1366x768."""
    workers.set_inline(True)

    def make(stage, language: str = "en"):
        desk_settings.set("ui/language", language)
        window = build_window(data_dir, stage, desk_settings)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    workers.set_inline(False)


@pytest.fixture
def window(open_window, stage, people):
    return open_window(stage)
