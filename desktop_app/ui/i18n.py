"""Translations: .ts sources ship in resources/i18n; they are compiled to .qm with lrelease
the first time a language is used (cached in the data dir), so a fresh clone just works."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator

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


def compiled_catalog(language: str, cache_dir: Path) -> Path | None:
    """The .qm for a language, compiled from its .ts when the source changed."""
    source = paths.resource("i18n", f"roadshow_{language}.ts")
    if not source.exists():
        return None
    shipped = source.with_suffix(".qm")  # a wheel may ship compiled catalogues
    if shipped.exists() and shipped.stat().st_mtime >= source.stat().st_mtime:
        return shipped
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
    target = cache_dir / f"roadshow_{language}-{digest}.qm"
    if target.exists():
        return target
    tool = _lrelease()
    if tool is None:
        return None
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache_dir / f"roadshow_{language}.partial"
    result = subprocess.run(
        [tool, "-silent", str(source), "-qm", str(tmp)], capture_output=True, timeout=60
    )
    if result.returncode != 0 or not tmp.exists():
        return None
    for old in cache_dir.glob(f"roadshow_{language}-*.qm"):
        old.unlink(missing_ok=True)
    tmp.replace(target)
    return target


def load_translator(language: str, cache_dir: Path) -> QTranslator | None:
    catalog = compiled_catalog(language, cache_dir)
    if catalog is None:
        return None
    translator = QTranslator()
    return translator if translator.load(str(catalog)) else None


def locale_for(language: str) -> QLocale:
    return QLocale(
        QLocale.Language.Italian if language == "it" else QLocale.Language.English,
        QLocale.Country.Italy if language == "it" else QLocale.Country.UnitedKingdom,
    )
