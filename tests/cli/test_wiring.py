"""How the command line is put together: every domain's commands are always there, a missing
dependency says what to install, and the command line does not load the desk window."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest


def _python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60
    )


def test_the_command_line_does_not_load_qt_or_the_window():
    out = _python(
        """
        import sys
        from desktop_app.cli import build_parser
        build_parser()
        print(sorted(m for m in sys.modules if m.startswith(("PySide6", "desktop_app.ui"))))
        """
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("json_flag", [False, True])
def test_a_missing_dependency_says_what_to_install_instead_of_hiding_commands(json_flag):
    # reportlab is what the badges commands need: without it `badges` must not silently vanish
    out = _python(
        f"""
        import sys
        sys.modules["reportlab"] = None  # as if it were not installed
        from desktop_app.cli import main
        sys.exit(main(["--help"] + (["--json"] if {json_flag} else [])))
        """
    )
    assert out.returncode == 1
    if json_flag:
        error = json.loads(out.stdout)["error"]
        assert error["code"] == "missing_dependency"
        message = error["message"]
    else:
        message = out.stderr
    assert "pip install reportlab" in message
    assert "Traceback" not in out.stderr


def test_every_domain_is_in_help(capsys):
    from desktop_app.cli import main

    with pytest.raises(SystemExit):
        main(["--help"])
    listed = capsys.readouterr().out
    for command in ("stage", "checkin", "badges", "hub", "sync", "export", "cancel", "tickets"):
        assert f"    {command} " in listed
