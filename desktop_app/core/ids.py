"""Identifiers: UUIDv7 event ids, random attendee codes, Crockford base32."""

from __future__ import annotations

import os
import re
import secrets
import time

# A stage slug: the stage file's name and the hub's path segment.
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CROCKFORD_INDEX = {c: i for i, c in enumerate(CROCKFORD)}

ATTENDEE_CODE_LENGTH = 10  # 50 random bits: desks never collide
STAGE_CODE_LENGTH = 5  # 25 random bits: a roadshow has dozens of stages


def uuid7(now_ms: int | None = None) -> str:
    """A time-ordered UUID (RFC 9562 version 7)."""
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= (rand >> 68 & 0xFFF) << 64
    value |= 0b10 << 62
    value |= rand & ((1 << 62) - 1)
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def b32encode(data: bytes) -> str:
    """Crockford base32 of data, most significant bit first, zero pad bits at the end."""
    nbits = len(data) * 8
    n = int.from_bytes(data, "big")
    chars = -(-nbits // 5)
    n <<= chars * 5 - nbits
    return "".join(CROCKFORD[(n >> (5 * (chars - 1 - i))) & 31] for i in range(chars))


def b32decode(text: str, nbytes: int) -> bytes:
    """Inverse of b32encode. Raises ValueError for a non-canonical spelling."""
    chars = -(-nbytes * 8 // 5)
    if len(text) != chars:
        raise ValueError("wrong length")
    n = 0
    for c in text:
        i = _CROCKFORD_INDEX.get(c)
        if i is None:
            raise ValueError("not a base32 character")
        n = n << 5 | i
    pad = chars * 5 - nbytes * 8
    if n & ((1 << pad) - 1):
        raise ValueError("non-zero pad bits")
    return (n >> pad).to_bytes(nbytes, "big")


def random_code(length: int) -> str:
    n = secrets.randbits(5 * length)
    return "".join(CROCKFORD[(n >> (5 * i)) & 31] for i in range(length))


def new_attendee_code() -> str:
    return random_code(ATTENDEE_CODE_LENGTH)


def new_stage_code() -> str:
    return random_code(STAGE_CODE_LENGTH)


def is_code_shaped(text: str, length: int) -> bool:
    return len(text) == length and all(c in _CROCKFORD_INDEX for c in text)
