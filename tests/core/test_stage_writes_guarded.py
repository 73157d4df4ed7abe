"""Only desktop_app/core/stage/ writes SQL to a stage file; everything else calls Stage methods.

The hub's own database (sync/hubstore.py and its schema steps, sync/hubschema.py) is not a
stage file and keeps its own writes.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import desktop_app

ROOT = Path(desktop_app.__file__).parent
OWN_WRITES = ("core/stage/", "sync/hubstore.py", "sync/hubschema.py")
_WRITE_SQL = re.compile(
    r"\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|REPLACE\s+INTO"
    r"|DROP\s+(?:TABLE|INDEX)|ALTER\s+TABLE|CREATE\s+(?:TABLE|INDEX|TRIGGER))\b"
)
_WRITE_CALLS = {"_write", "executescript"}


def _writes_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            match = _WRITE_SQL.search(node.value)
            if match:
                found.append((node.lineno, f"SQL {match.group(0)!r}"))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _WRITE_CALLS
        ):
            found.append((node.lineno, f".{node.func.attr}(...)"))
    return [f"line {line}: {what}" for line, what in sorted(found)]


def _scan() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    inside: dict[str, list[str]] = {}
    outside: dict[str, list[str]] = {}
    for path in sorted(ROOT.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        writes = _writes_in(path)
        if writes:
            (inside if name.startswith(OWN_WRITES) else outside)[name] = writes
    return inside, outside


def test_no_module_outside_the_stage_package_writes_sql_to_a_stage():
    inside, outside = _scan()
    # the scan does see writes where they belong: the patterns are not wrong
    assert any(name.startswith("core/stage/") for name in inside)
    assert "core/stage/__init__.py" in inside and "core/stage/projection.py" in inside
    assert not outside, f"use a Stage method instead: {outside}"


def test_the_guard_catches_a_write_through_the_private_door(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def f(stage):\n"
        "    with stage._write() as conn:\n"
        "        conn.execute('UPDATE event SET hub_seq = NULL WHERE desk_id = ?', ('x',))\n"
        "    stage.conn.execute(\n"
        "        'DELETE FROM quarantine WHERE event_id = ?', ('y',)\n"
        "    )\n"
        "    stage.conn.execute(f'INSERT INTO sync_state (key, value) VALUES ({1}, 2)')\n",
        "utf-8",
    )
    found = _writes_in(sample)
    assert [w.split(":")[0] for w in found] == ["line 2", "line 3", "line 5", "line 7"]
