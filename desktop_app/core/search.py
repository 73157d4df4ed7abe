"""Accent-insensitive prefix search over names, company, email and codes.

FTS5's `remove_diacritics 2` folds accents that Unicode decomposes (è, ñ, ş); letters that
do not decompose (ł, ø, æ, ß, đ) are folded here too, both in the index and in queries, so
"lukasiewicz" finds Łukasiewicz and "orsted" finds Ørsted.

People type names the way their keyboard lets them, so the index holds every form a clerk
may type and the query is folded one way only:
- the plain fold (å→a, ä→a, ø→o) and the spelled-out one (å→aa, ä→ae, ø→oe, ü→ue):
  "kierkegard" and "kierkegaard" both find Kierkegård;
- a name of several words also as one word: "dangelo" finds D'Angelo (or D’Angelo), "deluca"
  finds De Luca, while "d angelo" and "de luca" match the words one by one.
When no one matches, `typo_candidates` finds the words one edit away ("rosi", "rossu" → Rossi).
"""

from __future__ import annotations

import re
import string
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
# The spelling a German, Danish, Norwegian or Swedish keyboard-less writer uses (applied to
# casefolded text, before the plain fold).
_SPELLED_OUT = str.maketrans({"å": "aa", "ä": "ae", "ö": "oe", "ü": "ue", "ø": "oe"})
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_TOKENS = 8
MAX_TOKEN_LENGTH = 64
# Search index version: bump when index_text changes, and open stages reindex themselves once.
INDEX_VERSION = 2
MIN_TYPO_LENGTH = 3  # "ro" with one typo matches half the list; not a help


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no accents, no special Latin letters."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLDS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold_spelled_out(text: str) -> str:
    """Like `fold`, but å→aa, ä→ae, ö→oe, ü→ue, ø→oe (Kierkegård → kierkegaard)."""
    return fold(text.casefold().translate(_SPELLED_OUT))


@lru_cache(maxsize=65536)
def _forms(part: str) -> tuple[str, ...]:
    """Every folded word of one field, plus the whole field as one word when it has several."""
    words: list[str] = []
    for folded in dict.fromkeys((fold(part), fold_spelled_out(part))):
        found = _WORD.findall(folded)
        words.extend(found)
        if len(found) > 1:
            words.append("".join(found))
    return tuple(dict.fromkeys(words))


def index_text(*parts: str) -> str:
    """Text for an FTS column: the original words plus the other forms a clerk may type."""
    text = " ".join(p for p in parts if p)
    original = set(_WORD.findall(text.casefold()))
    extra = [w for p in parts if p for w in _forms(p) if w not in original]
    return " ".join([text, *dict.fromkeys(extra)]) if extra else text


def query_tokens(query: str) -> list[str]:
    tokens = [fold(t)[:MAX_TOKEN_LENGTH] for t in _WORD.findall(query)]
    return [t for t in tokens if t][:MAX_QUERY_TOKENS]


def _quoted(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def fts_match(tokens: list[str]) -> str:
    """An FTS5 query: every token must start some word. Tokens are quoted, so no FTS syntax."""
    return " ".join(_quoted(t) + "*" for t in tokens)


def one_edit_apart(a: str, b: str) -> bool:
    """True when b is a with one letter missing, extra, wrong, or two neighbours swapped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
        return a[i + 1 :] == b[i + 1 :] or (swapped and a[i + 2 :] == b[i + 2 :])
    return a[i:] == b[i + 1 :] if len(a) < len(b) else a[i + 1 :] == b[i:]


TYPO_PREFIX = 2


def typo_candidates(token: str) -> tuple[str, list[str]]:
    """Where to look for the words one edit away from `token`: (prefix, head words).

    A typo after the second letter keeps the first two: those words start with `prefix` (an
    index range to scan, then `one_edit_apart`). A typo in the first two letters is one of the
    few `head words` listed here (letters tried: a-z and the token's own). Short
    tokens get no candidates ("ro" with one typo is half the list, not a help).
    """
    if len(token) < MIN_TYPO_LENGTH:
        return "", []
    letters = sorted(set(string.ascii_lowercase) | set(token))  # digits only if typed
    head: set[str] = set()
    for i in range(TYPO_PREFIX):
        a, b = token[:i], token[i:]
        head.add(a + b[1:])
        head.add(a + b[1] + b[0] + b[2:])
        head.update(a + c + b[1:] for c in letters)
        head.update(a + c + b for c in letters)
    head.discard(token)
    return token[:TYPO_PREFIX], sorted(w for w in head if one_edit_apart(token, w))


def typo_match(tokens: list[str], corrections: list[list[str]]) -> str:
    """An FTS5 query: one token replaced by one of its corrections, the others as typed."""
    alternatives = []
    for i, words in enumerate(corrections):
        if words:
            either = " OR ".join(_quoted(w) for w in words)
            others = [_quoted(t) + "*" for j, t in enumerate(tokens) if j != i]
            alternatives.append("(" + " AND ".join([f"({either})", *others]) + ")")
    return " OR ".join(alternatives)


@lru_cache(maxsize=65536)
def _name_words(first_name: str, last_name: str) -> tuple[tuple[str, ...], frozenset[str]]:
    last_words = _forms(last_name)
    return (*_forms(first_name), *last_words), frozenset(last_words)


def rank_key(
    tokens: list[str], first_name: str, last_name: str, company: str
) -> tuple[int, int, int]:
    """Smaller is better: every word typed starts a name word (not only company or email),
    then the surname starts with the first word typed, then whole words typed ("berte" is
    Bertè before Bertelli)."""
    name_words, last_words = _name_words(first_name, last_name)
    all_in_name = 0 if all(any(w.startswith(t) for w in name_words) for t in tokens) else 1
    surname_first = 0 if tokens and any(w.startswith(tokens[0]) for w in last_words) else 1
    exact = 0 if all(t in name_words for t in tokens) else 1
    return (all_in_name, surname_first, exact)
