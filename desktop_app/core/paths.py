"""Where things live: the data dir (stages, desk identity, keys) and the shipped resources."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import platformdirs

APP_NAME = "roadshow-desk"
_PACKAGE_DIR = Path(__file__).resolve().parent.parent


@cache
def _shipped_root() -> Path:
    installed = _PACKAGE_DIR / "_data"
    if (installed / "db").is_dir():
        return installed
    return _PACKAGE_DIR.parent  # a source checkout: resources/ and db/ beside the package


def resources_dir() -> Path:
    return _shipped_root() / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def migrations_dir() -> Path:
    return _shipped_root() / "db" / "migrations"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir wins, then ROADSHOW_DATA_DIR, then the platform's user data dir."""
    if override:
        path = Path(override)
    elif os.environ.get("ROADSHOW_DATA_DIR"):
        path = Path(os.environ["ROADSHOW_DATA_DIR"])
    else:
        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def stages_dir(root: Path) -> Path:
    path = root / "stages"
    path.mkdir(parents=True, exist_ok=True)
    return path
