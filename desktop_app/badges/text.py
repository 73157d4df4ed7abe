"""Text on badges: fonts registered once per process, per-character font fallback, right-to-left
shaping, and fitting a text into its box (shrink down to a minimum size, then two lines).

Fonts (resources/fonts): DejaVu Sans covers Latin with Vietnamese, Greek, Cyrillic, Arabic
(with presentation forms) and Hebrew; WenQuanYi Micro Hei covers Chinese, Japanese and Korean.
ReportLab draws glyphs as given and does not shape Arabic on a canvas, so an Arabic or Hebrew
text is reshaped to presentation forms (arabic-reshaper) and put in visual order (python-bidi,
the Unicode bidi algorithm) before drawing. A character no font covers is drawn as "?" and
reported, never printed as an empty box.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import arabic_reshaper
from bidi import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop_app.core import paths

FONT_FILES = {
    "regular": ("RD-Sans", "DejaVuSans.ttf"),
    "bold": ("RD-Sans-Bold", "DejaVuSans-Bold.ttf"),
}
FALLBACK = ("RD-CJK", "wqy-microhei.ttc")
MISSING = "?"

ASCENT = 0.93  # of the font size, DejaVu Sans
LINE_HEIGHT = 1.17  # ascent + descent
LINE_PITCH = 1.08  # baseline to baseline for two lines
# A text that fits one line only well below its size goes on two lines when that makes it at
# least this much bigger: "Zoë / Ørsted-Łukasiewicz" reads better large on two lines.
PREFER_TWO_LINES = 1.3


@dataclass(frozen=True)
class FontSet:
    primary: dict[str, tuple[str, frozenset[int]]]  # style -> (font name, code points)
    fallback: tuple[str, frozenset[int]]


@cache
def fonts() -> FontSet:
    """Register the badge fonts with ReportLab, once per process."""
    primary = {}
    for style, (name, filename) in FONT_FILES.items():
        font = TTFont(name, str(paths.resource("fonts", filename)))
        pdfmetrics.registerFont(font)
        primary[style] = (name, frozenset(font.face.charToGlyph))
    font = TTFont(FALLBACK[0], str(paths.resource("fonts", FALLBACK[1])), subfontIndex=0)
    pdfmetrics.registerFont(font)
    return FontSet(primary, (FALLBACK[0], frozenset(font.face.charToGlyph)))


def _is_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


@lru_cache(maxsize=8192)
def visual(text: str) -> str:
    """NFC text in the order it is drawn left to right: Arabic letters joined, RTL reversed."""
    text = unicodedata.normalize("NFC", text)
    if _is_rtl(text):
        text = get_display(arabic_reshaper.reshape(text))
    return text


@dataclass(frozen=True)
class Line:
    runs: tuple[tuple[str, str], ...]  # (font name, text)
    width: float  # at 1 pt
    missing: frozenset[str]
    rtl: bool = False


@lru_cache(maxsize=16384)
def shape_line(text: str, style: str) -> Line:
    """Split a line into runs of one font each; measure it at 1 pt."""
    font_set = fonts()
    name, covered = font_set.primary[style]
    fallback_name, fallback_covered = font_set.fallback
    runs: list[tuple[str, str]] = []
    missing: set[str] = set()
    current, chars = "", []
    for char in visual(text):
        code = ord(char)
        if code in covered or char == " ":
            font = name
        elif code in fallback_covered:
            font = fallback_name
        elif unicodedata.category(char) in ("Mn", "Cf") and not chars:
            continue  # a stray combining mark or format character with nothing to sit on
        else:
            missing.add(char)
            font, char = name, MISSING
        if font != current and chars:
            runs.append((current, "".join(chars)))
            chars = []
        current = font
        chars.append(char)
    if chars:
        runs.append((current, "".join(chars)))
    width = sum(pdfmetrics.stringWidth(t, f, 1.0) for f, t in runs)
    return Line(tuple(runs), width, frozenset(missing), _is_rtl(text))


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
