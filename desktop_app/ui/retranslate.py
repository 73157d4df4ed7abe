"""The desk window in a new language without a restart (Settings ▸ Language).

`apply_language` installs the language's catalogues (the desk's and Qt's own: standard
buttons, file and print dialogs); Qt then sends every widget a LanguageChange event, and the
desk window's `changeEvent` calls `retranslate_window`, which sets again every text it shows:
title, menus, buttons, hints, counters, the results' header, the sync status (the banner
shows its last outcome again itself). Texts are looked up with the same contexts and sources the window was built with.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMenu

from desktop_app.core.errors import RoadshowError
from desktop_app.core.model import CATEGORIES
from desktop_app.ui import text

_MAIN = "MainWindow"

# window attribute -> (context, source) for actions and buttons made with tr()
_TEXTS: dict[str, tuple[str, str]] = {
    "import_action": (_MAIN, "Import registration list…"),
    "print_badges_action": (_MAIN, "Print badges…"),
    "preview_action": (_MAIN, "Badge preview…"),
    "reports_action": (_MAIN, "Reports…"),
    "switch_action": (_MAIN, "Switch stage…"),
    "quit_action": (_MAIN, "Quit"),
    "camera_action": (_MAIN, "Camera scanning"),
    "settings_action": (_MAIN, "Settings…"),
    "venue_hub_action": (_MAIN, "Run the hub on this laptop…"),
    "add_desk_action": (_MAIN, "Add a desk…"),
    "cancel_action": ("Door", "Cancel registration…"),
    "restore_action": ("Door", "Restore registration"),
    "duplicates_action": ("StageActions", "Duplicates…"),
    "series_action": ("StageActions", "Series report…"),
    "erase_action": ("StageActions", "Erase this person's data…"),
    "purge_action": ("StageActions", "Purge this stage's copy…"),
    "btn_checkin": (_MAIN, "Check in (Enter)"),
    "btn_undo": (_MAIN, "Undo (F4)"),
    "btn_edit": (_MAIN, "Edit (F5)"),
    "btn_print": (_MAIN, "Badge (F3)"),
}
_MENUS = (
    (_MAIN, "&Stage"),
    (_MAIN, "&Desk"),
    ("Door", "&Attendee"),
)
_KEYS = (
    (_MAIN, "F2 Walk-in"),
    (_MAIN, "F3 Print badge"),
    (_MAIN, "F4 Undo check-in"),
    (_MAIN, "F5 Edit"),
)


def _t(context: str, source: str) -> str:
    return QCoreApplication.translate(context, source)


def apply_language(settings: Any, data_dir: Path) -> str:
    """Install the chosen language now (the desk's catalogues, Qt's, the locale)."""
    from desktop_app.ui.app import install_language

    return install_language(QApplication.instance(), settings, data_dir / "cache" / "i18n")


def retranslate_window(window: Any) -> None:
    """Every text of the desk window again, in the language installed now."""
    info = window.stage.info
    window.setWindowTitle(_t(_MAIN, "Roadshow Desk — %1").replace("%1", info.title))
    window.stage_label.setText(
        " · ".join(p for p in (info.title, info.theme, text.date_text(info.date)) if p)
    )
    window.scan.setPlaceholderText(_t(_MAIN, "Scan the QR code or type a name…"))
    window.results_hint.setText(_t(_MAIN, "Results (↑↓ to choose, Enter to check in)"))
    for attr, (context, source) in _TEXTS.items():
        widget = getattr(window, attr, None)
        if widget is not None:
            widget.setText(_t(context, source))
    menus = [a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    for menu, (context, source) in zip(menus, _MENUS, strict=False):
        menu.setTitle(_t(context, source))
    for button, (context, source) in zip(getattr(window, "key_buttons", []), _KEYS, strict=False):
        button.setText(_t(context, source))
    for c, label in getattr(window, "category_names", {}).items():
        label.setText(text.category_plural(c) if c in CATEGORIES else c)
    recent = getattr(window, "recent_title", None)
    if recent is not None:
        recent.setText(_t("Door", "Recent outcomes"))
    model = window.model
    model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
    if model.rowCount():
        model.dataChanged.emit(
            model.index(0, 0), model.index(model.rowCount() - 1, model.columnCount() - 1)
        )
    indicator = getattr(window, "sync_indicator", None)
    if indicator is not None and hasattr(indicator, "show_status"):
        indicator.show_status(indicator.service.status)
    _reopen_reports(window)
    # "Present %1 / %2", the recent list, the session door; nothing to count on a window
    # whose stage was just closed (a stage switch)
    with contextlib.suppress(sqlite3.Error, RoadshowError):
        window.refresh_side()


def _reopen_reports(window: Any) -> None:
    """An open Reports window is built again in the new language, where it was."""
    reports = getattr(window, "_reports", None)
    language = getattr(getattr(window, "ctx", None), "language", "")
    if reports is None or not reports.isVisible() or getattr(reports, "lang", language) == language:
        return
    geometry = reports.geometry()
    reports.close()
    window.open_reports()
    fresh = getattr(window, "_reports", None)
    if fresh is not None and fresh is not reports:
        fresh.setGeometry(geometry)
