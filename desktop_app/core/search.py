"""Accent-insensitive prefix search over names, company, email and codes.

FTS5's `remove_diacritics 2` folds accents that Unicode decomposes (è, ñ, ş); letters that
do not decompose (ł, ø, æ, ß, đ) are folded here too, both in the index and in queries, so
"lukasiewicz" finds Łukasiewicz and "orsted" finds Ørsted.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_EXTRA_FOLDS = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "þ": "th",
        "ı": "i",
    }
)
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_TOKENS = 8
MAX_TOKEN_LENGTH = 64


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no accents, no special Latin letters."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLDS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def index_text(*parts: str) -> str:
    """Text for an FTS column: the original words plus their folded forms when they differ."""
    text = " ".join(p for p in parts if p)
    folded = fold(text)
    return text if folded == text.casefold() else f"{text} {folded}"


def query_tokens(query: str) -> list[str]:
    tokens = [fold(t)[:MAX_TOKEN_LENGTH] for t in _WORD.findall(query)]
    return [t for t in tokens if t][:MAX_QUERY_TOKENS]


def fts_match(tokens: list[str]) -> str:
    """An FTS5 query: every token must start some word. Tokens are quoted, so no FTS syntax."""
    return " ".join('"' + t.replace('"', '""') + '"*' for t in tokens)


def rank_key(
    tokens: list[str], first_name: str, last_name: str, company: str
) -> tuple[int, int, int]:
    """Smaller is better: every word typed starts a name word (not only company or email),
    then the surname starts with the first word typed, then whole words typed ("berte" is
    Bertè before Bertelli)."""
    name_words = _WORD.findall(fold(f"{first_name} {last_name}"))
    last_words = _WORD.findall(fold(last_name))
    all_in_name = 0 if all(any(w.startswith(t) for w in name_words) for t in tokens) else 1
    surname_first = 0 if tokens and any(w.startswith(tokens[0]) for w in last_words) else 1
    exact = 0 if all(t in name_words for t in tokens) else 1
    return (all_in_name, surname_first, exact)
