"""How one cell of names reads: title, first and last name of a full name; a list of countries."""

from __future__ import annotations

import re

from desktop_app.core.model import is_cjk
from desktop_app.core.search import fold

_HONORIFICS = {
    fold(h).replace(".", "")
    for h in (
        "S.E.",
        "H.E.",
        "Dott.",
        "Dott.ssa",
        "Dr.",
        "Dr",
        "Prof.",
        "Prof.ssa",
        "Ing.",
        "Avv.",
        "Arch.",
        "Geom.",
        "Rag.",
        "Sig.",
        "Sig.ra",
        "Sig.na",
        "On.",
        "Cav.",
        "Comm.",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Mons.",
        "Amb.",
    )
}
_PARTICLES = {
    "de",
    "di",
    "da",
    "del",
    "della",
    "dello",
    "dei",
    "degli",
    "delle",
    "dal",
    "dalla",
    "lo",
    "la",
    "li",
    "le",
    "van",
    "von",
    "der",
    "den",
    "du",
    "dos",
    "das",
    "do",
    "san",
    "santa",
    "st",
    "mac",
    "al",
    "el",
    "bin",
    "ben",
}

_COUNTRY_SPLIT = re.compile(r"\s*[;,|\n]\s*")


def split_full_name(text: str, *, family_first: bool = False) -> tuple[str, str, str]:
    """(title, first name, last name) from one "Nome e cognome" cell."""
    text = " ".join(text.split())
    if not text:
        return "", "", ""
    title_words: list[str] = []
    if "," in text and not family_first:  # "Rossi, Mario"
        last, _, first = text.partition(",")
        family_first_words = first.split()
        while family_first_words and _is_honorific(family_first_words[0]):
            title_words.append(family_first_words.pop(0))
        return " ".join(title_words), " ".join(family_first_words), last.strip()
    words = text.split(" ")
    while len(words) > 1 and _is_honorific(words[0]):
        title_words.append(words.pop(0))
    title = " ".join(title_words)
    if len(words) == 1:
        word = words[0]
        if is_cjk(word) and len(word) >= 2:  # 王小明: the family name is the first character
            return title, word[1:], word[0]
        return title, word, ""
    if family_first:
        i = 0
        while i < len(words) - 2 and fold(words[i]).rstrip("'’") in _PARTICLES:
            i += 1
        return title, " ".join(words[i + 1 :]), " ".join(words[: i + 1])
    i = len(words) - 1
    while i > 1 and fold(words[i - 1]).rstrip("'’") in _PARTICLES:
        i -= 1
    return title, " ".join(words[:i]), " ".join(words[i:])


def _is_honorific(word: str) -> bool:
    return fold(word).replace(".", "") in _HONORIFICS and (
        "." in word or fold(word) in ("dr", "mr", "mrs", "ms")
    )


def _countries(text: str) -> str:
    if not any(sep in text for sep in ";,|\n"):
        return text
    parts = [p.strip() for p in _COUNTRY_SPLIT.split(text) if p.strip()]
    return "; ".join(parts)
