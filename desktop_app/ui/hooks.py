"""Optional screens other parts of the app provide (badge printing, sync indicator, reports).

They are imported lazily: a desk without them still works. A hook is called with the keyword
arguments it declares, out of the ones the desk can offer.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any

MISSING = object()


def find_hook(module: str, names: tuple[str, ...]) -> Any:
    full = f"desktop_app.ui.{module}"
    try:
        mod = importlib.import_module(full)
    except ModuleNotFoundError as exc:
        if exc.name in (full, "desktop_app.ui." + module):
            return MISSING
        raise
    for name in names:
        hook = getattr(mod, name, None)
        if callable(hook):
            return hook
    return MISSING


def call_hook(hook: Any, **offered: Any) -> Any:
    try:
        params = inspect.signature(hook).parameters
    except (TypeError, ValueError):
        return hook(**offered)
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()):
        return hook(**offered)
    accepted = {k: v for k, v in offered.items() if k in params}
    return hook(**accepted)
