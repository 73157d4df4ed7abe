"""Text on badges: fitting a text into its box (shrink down to a minimum size, then two lines).

Fonts, a font per character and right-to-left order come from `core.text_shaping`, which the
attendance PDF uses too.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from desktop_app.core.text_shaping import Line, shape_line

ASCENT = 0.93  # of the font size, DejaVu Sans
LINE_HEIGHT = 1.17  # ascent + descent
LINE_PITCH = 1.08  # baseline to baseline for two lines
# A text that fits one line only well below its size goes on two lines when that makes it at
# least this much bigger: "Zoë / Ørsted-Łukasiewicz" reads better large on two lines.
PREFER_TWO_LINES = 1.3


@dataclass(frozen=True)
class Fitted:
    lines: tuple[Line, ...]
    size: float
    below_min: bool  # had to go under the element's minimum size to fit

    @property
    def missing(self) -> frozenset[str]:
        return frozenset().union(*(line.missing for line in self.lines))


def _block_height(lines: int) -> float:
    return LINE_HEIGHT + LINE_PITCH * (lines - 1)


def _splits(text: str) -> list[tuple[str, str]]:
    """Where a text may break into two lines: at spaces, or between characters of a text in
    a script written without spaces (CJK)."""
    words = text.split(" ")
    if len(words) > 1:
        return [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    if len(text) > 1 and any(unicodedata.east_asian_width(c) in ("W", "F") for c in text):
        return [(text[:i], text[i:]) for i in range(1, len(text))]
    return []


@lru_cache(maxsize=16384)
def fit(
    text: str, style: str, box_w: float, box_h: float, size: float, min_size: float, max_lines: int
) -> Fitted:
    """The biggest size (<= size) at which the text fits the box (pt): one line down to
    min_size, then two lines; below min_size only when nothing else fits (never clipped)."""
    one = shape_line(text, style)
    one_size = min(size, box_w / one.width if one.width else size, box_h / LINE_HEIGHT)
    if max_lines == 1 or (one_size >= min_size and one_size >= size / PREFER_TWO_LINES):
        return Fitted((one,), one_size, one_size < min_size)
    best: Fitted | None = None
    best_widest = 0.0
    for first, second in _splits(text):
        a, b = shape_line(first.strip(), style), shape_line(second.strip(), style)
        widest = max(a.width, b.width) or 1.0
        two_size = min(size, box_w / widest, box_h / _block_height(2))
        # the biggest size; among equal sizes the most even lines
        if best is None or (two_size, -widest) > (best.size, -best_widest):
            best = Fitted((a, b), two_size, two_size < min_size)
            best_widest = widest
    if best is None or best.size <= one_size * (PREFER_TWO_LINES if one_size >= min_size else 1):
        return Fitted((one,), one_size, one_size < min_size)
    return best
