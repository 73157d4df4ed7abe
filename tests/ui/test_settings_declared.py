"""Every setting the app reads or writes is declared once in ui/settings.py."""

from __future__ import annotations

import re
from pathlib import Path

import desktop_app
from desktop_app.ui.settings import BY_NAME

_USE = re.compile(r"""\.(?:get|set)\(\s*["']([a-z_]+/[a-z_]+)["']""")


def test_no_undeclared_setting_is_used():
    root = Path(desktop_app.__file__).parent
    used = {}
    for path in root.rglob("*.py"):
        for name in _USE.findall(path.read_text("utf-8")):
            used.setdefault(name, path.relative_to(root).as_posix())
    assert used, "the scan found no settings at all: the pattern is wrong"
    undeclared = {name: where for name, where in used.items() if name not in BY_NAME}
    assert not undeclared
