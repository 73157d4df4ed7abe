"""Hybrid logical clock: orders events across laptops whose clocks disagree.

An HLC value is one integer: milliseconds since the epoch in the high bits, a counter in
the low 16 bits. It never goes backwards on a desk, and it moves past every value the desk
has seen from other desks, so causally later events always sort later.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

COUNTER_BITS = 16
_COUNTER_MASK = (1 << COUNTER_BITS) - 1


def pack(ms: int, counter: int = 0) -> int:
    return ms << COUNTER_BITS | counter


def physical_ms(hlc: int) -> int:
    return hlc >> COUNTER_BITS


MAX_AHEAD_MS = 24 * 3600 * 1000  # a value further ahead than this is a broken or hostile clock
# How far past its own wall clock a desk follows values it has seen. The hub accepts values
# up to MAX_AHEAD_MS past *its* clock, and a desk's clock may itself be behind the hub's: a
# desk must still move past such a value, or its next edit sorts before one it has seen.
FOLLOW_AHEAD_MS = 2 * MAX_AHEAD_MS


class HybridClock:
    def __init__(self, wall_ms: Callable[[], int] | None = None, last: int = 0) -> None:
        self._wall_ms = wall_ms or (lambda: int(time.time() * 1000))
        self._last = min(last, self._ceiling())
        self._lock = threading.Lock()

    def _ceiling(self) -> int:
        return pack(self._wall_ms() + FOLLOW_AHEAD_MS)

    def now(self) -> int:
        with self._lock:
            wall = pack(self._wall_ms())
            self._last = wall if wall > self._last else self._last + 1
            return self._last

    def observe(self, remote: int) -> None:
        """Move past a value seen in another desk's event."""
        with self._lock:
            if self._last < remote <= self._ceiling():
                self._last = remote

    def wall_ms(self) -> int:
        return self._wall_ms()
