"""The old name of the stage store: everything now lives in `desktop_app.core.stage`.

Kept so existing imports (`from desktop_app.core.store import Stage`) go on working.
"""

from desktop_app.core.stage import *  # noqa: F403
from desktop_app.core.stage import (  # noqa: F401  (names other modules and tests use)
    BUSY_TIMEOUT_MS,
    INDEX_VERSION,
    _Checkpointer,
)
