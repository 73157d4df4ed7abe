"""The desk setup code: what a new desk needs to join a hub, in one QR it scans.

Like a ticket, it is upper-case Crockford base32 only, so a USB scanner in keyboard mode
types it right on any keyboard layout and with Caps Lock on, and it fits QR's alphanumeric
mode. A fixed prefix tells it from a ticket (`RD1`) and from a typed name:

    RDS1 <base32 of: zlib(JSON {u: hub address, t: desk token, s: [stages], n: desk name})
          + 4 bytes of SHA-256 of the compressed part (a misread code is refused, not used)>

It carries the desk token: whoever holds the code can sync as that desk, so it is shown on
the organizer's screen only, never printed on a badge, and revoked from the same screen.
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from dataclasses import dataclass, field

from desktop_app.core.errors import RoadshowError
from desktop_app.core.ids import b32decode, b32encode

PREFIX = "RDS1"
_CHECK_BYTES = 4
# What a scanner may put before the code: an AIM symbology identifier (]Q1) or ECI (\000026).
_SCANNER_PREFIX = re.compile(r"^(?:\][A-Za-z][0-9])?(?:\\0000\d\d)?")


class SetupCodeInvalid(RoadshowError):
    code = "setup_code_invalid"


@dataclass(frozen=True)
class SetupCode:
    hub_url: str
    token: str
    stages: list[str] = field(default_factory=list)
    desk_name: str = ""


def _strip(text: str) -> str:
    stripped = "".join((text or "").split())  # a pasted code may be wrapped over lines
    return _SCANNER_PREFIX.sub("", stripped, count=1).upper()


def looks_like_setup_code(text: str) -> bool:
    """True when the text was meant as a setup code (it may still be damaged)."""
    stripped = _strip(text)
    return stripped.startswith(PREFIX) and len(stripped) > 20


def encode(code: SetupCode) -> str:
    if not code.hub_url.startswith(("http://", "https://")):
        raise SetupCodeInvalid("The hub address starts with http:// or https://.")
    data = json.dumps(
        {"u": code.hub_url, "t": code.token, "s": list(code.stages), "n": code.desk_name},
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    packed = zlib.compress(data, 9)
    return PREFIX + b32encode(packed + hashlib.sha256(packed).digest()[:_CHECK_BYTES])


def decode(text: str) -> SetupCode:
    """Read a scanned or pasted setup code (any case, spaces and scanner prefixes ignored)."""
    stripped = _strip(text)
    if not stripped.startswith(PREFIX):
        raise SetupCodeInvalid("This is not a desk setup code.")
    body = stripped[len(PREFIX) :]
    nbytes = len(body) * 5 // 8
    damaged = SetupCodeInvalid(
        "The setup code was not read whole. Scan it again, or paste it from the organizer."
    )
    try:
        raw = b32decode(body, nbytes)
    except ValueError:
        raise damaged from None
    packed, check = raw[:-_CHECK_BYTES], raw[-_CHECK_BYTES:]
    if len(packed) < 8 or hashlib.sha256(packed).digest()[:_CHECK_BYTES] != check:
        raise damaged
    try:
        data = json.loads(zlib.decompress(packed).decode("utf-8"))
        url, token = str(data["u"]), str(data["t"])
        stages = [str(s) for s in data.get("s", [])]
        name = str(data.get("n", ""))
    except (ValueError, KeyError, TypeError, zlib.error):
        raise damaged from None
    if not url.startswith(("http://", "https://")) or not token:
        raise damaged
    return SetupCode(url, token, stages, name)
