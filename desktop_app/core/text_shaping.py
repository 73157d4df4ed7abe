"""Text drawn on a PDF canvas (badges and the attendance list): the fonts shipped in
resources/fonts, registered once per process and embedded in every PDF that uses them, a font
per character, and right-to-left text put in the order it is drawn.

Fonts: DejaVu Sans covers Latin with Vietnamese, Greek, Cyrillic, Arabic (with presentation
forms) and Hebrew; WenQuanYi Micro Hei covers Chinese, Japanese and Korean. A character no font
covers is drawn as "?" and reported, never printed as an empty box.

ReportLab draws glyphs as given, left to right, and does not shape Arabic, so an Arabic or
Hebrew text is reshaped to presentation forms (arabic-reshaper) and reordered by the Unicode
bidi algorithm (python-bidi's levels, rules L1, L2 and L4 here): a bracket inside a
right-to-left run is drawn mirrored, so "شركة (مصر)" keeps its brackets facing the words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import arabic_reshaper
from bidi import get_base_level, get_display
from bidi.mirror import MIRRORED
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop_app.core import paths

FONT_FILES = {
    "regular": ("RD-Sans", "DejaVuSans.ttf"),
    "bold": ("RD-Sans-Bold", "DejaVuSans-Bold.ttf"),
}
FALLBACK = ("RD-CJK", "wqy-microhei.ttc")
MISSING = "?"


@dataclass(frozen=True)
class FontSet:
    primary: dict[str, tuple[str, frozenset[int]]]  # style -> (font name, code points)
    fallback: tuple[str, frozenset[int]]


@cache
def fonts() -> FontSet:
    """Register the shipped fonts with ReportLab, once per process."""
    primary = {}
    for style, (name, filename) in FONT_FILES.items():
        font = TTFont(name, str(paths.resource("fonts", filename)))
        pdfmetrics.registerFont(font)
        primary[style] = (name, frozenset(font.face.charToGlyph))
    font = TTFont(FALLBACK[0], str(paths.resource("fonts", FALLBACK[1])), subfontIndex=0)
    pdfmetrics.registerFont(font)
    return FontSet(primary, (FALLBACK[0], frozenset(font.face.charToGlyph)))


def is_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


_LEVELS = re.compile(r"levels: \[(.*?)\]", re.S)
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")


def _levels(text: str) -> list[int] | None:
    """The bidi embedding level of each character (python-bidi reports them per UTF-8 byte)."""
    match = _LEVELS.search(str(get_display(text, debug=True)))
    if match is None:
        return None
    by_byte = [int(n) for n in _LEVEL.findall(match.group(1))]
    levels, offset = [], 0
    for char in text:
        if offset >= len(by_byte):
            return None
        levels.append(by_byte[offset])
        offset += len(char.encode("utf-8"))
    return levels if offset == len(by_byte) else None


def _reordered(text: str, levels: list[int], paragraph: int) -> str:
    chars = list(text)
    # L1: trailing white space takes the paragraph's level
    i = len(chars)
    while i > 0 and unicodedata.bidirectional(chars[i - 1]) in ("WS", "S", "B"):
        i -= 1
        levels[i] = paragraph
    # L2: from the highest level to the lowest odd one, reverse every run at that level or above
    odd = [level for level in levels if level % 2]
    for level in range(max(levels), min(odd, default=max(levels) + 1) - 1, -1):
        i = 0
        while i < len(chars):
            if levels[i] < level:
                i += 1
                continue
            j = i
            while j < len(chars) and levels[j] >= level:
                j += 1
            chars[i:j] = chars[i:j][::-1]
            levels[i:j] = levels[i:j][::-1]
            i = j
    # L4: a mirrored character in a right-to-left run is drawn with its mirror glyph
    return "".join(MIRRORED.get(c, c) if n % 2 else c for c, n in zip(chars, levels, strict=True))


@lru_cache(maxsize=8192)
def visual(text: str) -> str:
    """NFC text in the order it is drawn left to right: Arabic letters joined, RTL reversed,
    brackets in right-to-left runs mirrored."""
    text = unicodedata.normalize("NFC", text)
    if not is_rtl(text):
        return text
    shaped = arabic_reshaper.reshape(text)
    levels = _levels(shaped)
    if not levels:
        return str(get_display(shaped))
    return _reordered(shaped, levels, get_base_level(shaped))


@dataclass(frozen=True)
class Line:
    runs: tuple[tuple[str, str], ...]  # (font name, text)
    width: float  # at 1 pt
    missing: frozenset[str]
    rtl: bool = False


@lru_cache(maxsize=16384)
def shape_line(text: str, style: str) -> Line:
    """Split a line into runs of one font each, in drawing order; measure it at 1 pt."""
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
    return Line(tuple(runs), width, frozenset(missing), is_rtl(text))
