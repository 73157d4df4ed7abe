"""Start the desk: QApplication, language, settings, the stage to open, the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.core import paths
from desktop_app.core.demo import ensure_demo_stage
from desktop_app.core.desk import Desk, load_desk
from desktop_app.core.errors import RoadshowError
from desktop_app.core.store import Stage, list_stages, stage_path
from desktop_app.ui import i18n, text
from desktop_app.ui.dialogs import Prompts
from desktop_app.ui.main_window import DeskContext, MainWindow
from desktop_app.ui.settings import Settings
from desktop_app.ui.sounds import Sounds
from desktop_app.ui.stage_picker import StagePicker, date_warning

BASE_POINTS = 10.5


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Roadshow Desk")
        app.setOrganizationName("Roadshow Desk")
        app.setStyle("Fusion")
        icon = paths.resource("icons", "roadshow-desk.png")
        if icon.exists():
            app.setWindowIcon(QIcon(str(icon)))
    return app


def screen_scale() -> float:
    """1.0 on a 1366x768 laptop; larger text on a large screen (capped)."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return 1.0
    size = screen.availableGeometry().size()
    return max(1.0, min(1.6, size.width() / 1366, size.height() / 768))


def install_language(app: QApplication, settings: Settings, cache_dir: Path) -> str:
    language = i18n.choose_language(settings.get("ui/language"))
    for old in getattr(app, "_roadshow_translators", []):
        app.removeTranslator(old)
    translators = i18n.load_translators(language, cache_dir) if language != "en" else []
    app._roadshow_translators = translators  # Qt does not own them: keep a reference
    for translator in translators:
        app.installTranslator(translator)
    text.set_locale(i18n.locale_for(language))
    return language


def build_window(
    data_dir: Path,
    stage: Stage,
    settings: Settings | None = None,
    prompts: Prompts | None = None,
    sounds: Sounds | None = None,
) -> MainWindow:
    """The desk window on an open stage (what `run` shows; tests call it directly)."""
    app = application()
    stage.checkpoint_in_background()  # keep SQLite's WAL checkpoints out of check-in commits
    settings = settings or Settings()
    language = install_language(app, settings, data_dir / "cache" / "i18n")
    scale = screen_scale() * float(settings.get("ui/font_scale") or 1.0)
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINTS * scale)
    app.setFont(font)
    ctx = DeskContext(
        data_dir=data_dir,
        stage=stage,
        settings=settings,
        prompts=prompts or Prompts(),
        sounds=sounds or Sounds(bool(settings.get("checkin/sounds"))),
        language=language,
        scale=scale,
        high_contrast=bool(settings.get("ui/high_contrast")),
    )
    return MainWindow(ctx)


def _choose_slug(data_dir: Path, slug: str | None, settings: Settings, desk: Desk) -> str | None:
    if slug:
        return slug
    last = settings.get("ui/last_stage")
    if last and stage_path(data_dir, last).exists():
        return last
    stages = [s for s in list_stages(data_dir) if not s.get("error")]
    if len(stages) == 1:
        return stages[0]["slug"]
    picker = StagePicker(None, stages, data_dir=data_dir, settings=settings, desk=desk)
    if picker.exec() != StagePicker.DialogCode.Accepted:
        return None
    if picker.demo_requested:
        return ensure_demo_stage(data_dir, desk)[0]
    return picker.chosen


def run(data_dir: Path, slug: str | None, demo: bool, desk_label: str | None) -> int:
    app = application()
    settings = Settings(QSettings("Roadshow Desk", "roadshow-desk"))
    install_language(app, settings, data_dir / "cache" / "i18n")
    desk = load_desk(data_dir).labelled(desk_label)
    try:
        if demo:
            slug = ensure_demo_stage(data_dir, desk)[0]
        slug = _choose_slug(data_dir, slug, settings, desk)
        if slug is None:
            return 0
        desk = load_desk(data_dir).labelled(desk_label)  # a setup code may have named it
        stage = Stage.open(data_dir, slug, desk)
    except RoadshowError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("App", "Roadshow Desk"), exc.message)
        return 1
    open_stage_window(data_dir, stage, settings)
    try:
        return app.exec()
    finally:
        for window in list(_open_windows):
            window.stage.close()


after_purge_picker = None  # the picker shown after Stage ▸ Purge (kept alive while open)
_open_windows: list[MainWindow] = []  # the desk window shown (one; two for a moment at a switch)


def open_stage_window(data_dir: Path, stage: Stage, settings: Settings) -> MainWindow:
    """Show the desk window on a stage, remember it as the last one, warn on another day."""
    settings.set("ui/last_stage", stage.info.slug)
    window = build_window(data_dir, stage, settings)
    window.resize(1366, 768)
    window.show()
    _open_windows.append(window)
    warning = date_warning(stage.info.date)
    if warning:
        window.show_notice(warning)
    return window


def switch_stage(window: MainWindow, slug: str) -> MainWindow | None:
    """Stage ▸ Switch stage…: the desk window on another stage, in place of this one."""
    data_dir, settings = window.ctx.data_dir, window.settings
    if slug == window.stage.info.slug:
        return window
    try:
        stage = Stage.open(data_dir, slug, window.stage.desk)
    except RoadshowError as exc:
        window.show_notice(exc.message)
        return None
    app = application()
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # the old window closes before the new one shows
    try:
        indicator = getattr(window, "sync_indicator", None)
        if indicator is not None:
            indicator.service.stop()
        old = window.stage
        window.close()
        if window in _open_windows:
            _open_windows.remove(window)
        old.close()
        new = open_stage_window(data_dir, stage, settings)
    finally:
        app.setQuitOnLastWindowClosed(quit_on_close)
    return new
