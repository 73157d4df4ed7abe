"""The command line, one module per domain (see `main._domains()` for the list).

`roadshow-desk` runs `desktop_app.cli:main`.
"""

from desktop_app.cli.context import Context, Result
from desktop_app.cli.main import build_parser, main

__all__ = ["Context", "Result", "build_parser", "main"]
