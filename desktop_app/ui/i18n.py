"""Translations: .ts sources ship in resources/i18n; they are compiled to .qm with lrelease
the first time a language is used (cached in the data dir), so a fresh clone just works."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from desktop_app.core import paths

LANGUAGES = {"it": "Italiano", "en": "English"}


def choose_language(setting: str) -> str:
    """The setting when it names a shipped language, else the system's (Italian or English)."""
    if setting in LANGUAGES:
        return setting
    return "it" if QLocale.system().name().lower().startswith("it") else "en"


def _lrelease() -> str | None:
    import PySide6

    bundled = Path(PySide6.__file__).parent / "lrelease"
    if bundled.exists():
        return str(bundled)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compiled_catalog(source: Path, cache_dir: Path) -> Path | None:
    """The .qm of a .ts source, compiled when the source changed."""
    if not source.exists():
        return None
    shipped = source.with_suffix(".qm")  # a wheel may ship compiled catalogues
    if shipped.exists() and shipped.stat().st_mtime >= source.stat().st_mtime:
        return shipped
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
    target = cache_dir / f"{source.stem}-{digest}.qm"
    if target.exists():
        return target
    tool = _lrelease()
    if tool is None:
        return None
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache_dir / f"{source.stem}.partial"
    result = subprocess.run(
        [tool, "-silent", str(source), "-qm", str(tmp)], capture_output=True, timeout=60
    )
    if result.returncode != 0 or not tmp.exists():
        return None
    for old in cache_dir.glob(f"{source.stem}-*.qm"):
        old.unlink(missing_ok=True)
    tmp.replace(target)
    return target


def catalogs(language: str) -> list[Path]:
    """Every shipped catalogue of a language: the lupdate one and the hand-kept ones."""
    return sorted(paths.resource("i18n").glob(f"*_{language}.ts"))


def qt_translators(language: str) -> list[QTranslator]:
    """Qt's own words (standard buttons, file and print dialogs) in the language, from the
    catalogues Qt ships (PySide6 wheels carry them); none when they are not there."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    out = []
    for catalog in ("qtbase", "qtmultimedia"):
        translator = QTranslator()
        if translator.load(f"{catalog}_{language}", folder):
            out.append(translator)
    return out


def load_translators(language: str, cache_dir: Path) -> list[QTranslator]:
    """Qt's own catalogues of the language, then the desk's: installed in this order, the
    desk's words win where both translate the same text."""
    out = qt_translators(language) if language != "en" else []
    for source in catalogs(language):
        catalog = compiled_catalog(source, cache_dir)
        translator = QTranslator()
        if catalog is not None and translator.load(str(catalog)):
            out.append(translator)
    return out


def locale_for(language: str) -> QLocale:
    return QLocale(
        QLocale.Language.Italian if language == "it" else QLocale.Language.English,
        QLocale.Country.Italy if language == "it" else QLocale.Country.UnitedKingdom,
    )
