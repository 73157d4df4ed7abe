"""Signed QR tickets.

A ticket is uppercase Crockford base32 only, so it survives keyboard-wedge scanners on any
keyboard layout and with Caps Lock, and it fits QR's alphanumeric mode:

    RD1 <stage code: 5> <attendee code: 10> <Ed25519 signature: 103>   = 121 characters

It carries no personal data. One roadshow-wide key pair signs every stage's tickets; every
desk holds the public key and verifies offline. A ticket has exactly one spelling that
verifies: the alphabet is strict (no Crockford aliases) and the signature's pad bits are zero.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from desktop_app.core.errors import KeyMissing, TicketInvalid
from desktop_app.core.ids import (
    ATTENDEE_CODE_LENGTH,
    STAGE_CODE_LENGTH,
    b32decode,
    b32encode,
    is_code_shaped,
)

PREFIX = "RD1"
_SIGNATURE_BYTES = 64
_SIGNATURE_CHARS = -(-_SIGNATURE_BYTES * 8 // 5)
TICKET_LENGTH = len(PREFIX) + STAGE_CODE_LENGTH + ATTENDEE_CODE_LENGTH + _SIGNATURE_CHARS
_DOMAIN = b"roadshow-desk ticket v1:"

PRIVATE_KEY_FILE = "roadshow-ed25519.key"
PUBLIC_KEY_FILE = "roadshow-ed25519.pub"


@dataclass(frozen=True)
class Ticket:
    stage_code: str
    attendee_code: str


def looks_like_ticket(text: str) -> bool:
    """True when the text was meant to be one of our tickets (it may still be invalid)."""
    stripped = text.strip()
    return stripped[:3].upper() == PREFIX and len(stripped) > 20


def _message(stage_code: str, attendee_code: str) -> bytes:
    return _DOMAIN + stage_code.encode("ascii") + attendee_code.encode("ascii")


def sign_ticket(private_key: Ed25519PrivateKey, stage_code: str, attendee_code: str) -> str:
    if not is_code_shaped(stage_code, STAGE_CODE_LENGTH):
        raise ValueError("malformed stage code")
    if not is_code_shaped(attendee_code, ATTENDEE_CODE_LENGTH):
        raise ValueError("malformed attendee code")
    signature = private_key.sign(_message(stage_code, attendee_code))
    return PREFIX + stage_code + attendee_code + b32encode(signature)


def read_ticket(text: str, public_key: Ed25519PublicKey) -> Ticket:
    """Parse and verify a scanned ticket. Raises TicketInvalid for anything but a genuine one."""
    payload = text.strip()
    if not payload.isascii():  # "ſ".upper() is "S": only one spelling may verify
        raise TicketInvalid("This is not a valid ticket.")
    payload = payload.upper()
    if len(payload) != TICKET_LENGTH or not payload.startswith(PREFIX):
        raise TicketInvalid("This is not a valid ticket.")
    body = payload[len(PREFIX) :]
    stage_code = body[:STAGE_CODE_LENGTH]
    attendee_code = body[STAGE_CODE_LENGTH : STAGE_CODE_LENGTH + ATTENDEE_CODE_LENGTH]
    if not (
        is_code_shaped(stage_code, STAGE_CODE_LENGTH)
        and is_code_shaped(attendee_code, ATTENDEE_CODE_LENGTH)
    ):
        raise TicketInvalid("This is not a valid ticket.")
    try:
        signature = b32decode(body[STAGE_CODE_LENGTH + ATTENDEE_CODE_LENGTH :], _SIGNATURE_BYTES)
        public_key.verify(signature, _message(stage_code, attendee_code))
    except (ValueError, InvalidSignature) as exc:
        raise TicketInvalid("The ticket's signature does not verify.") from exc
    return Ticket(stage_code, attendee_code)


# --- keys ------------------------------------------------------------------------------------


def public_key_from_hex(value: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(bytes.fromhex(value))


def public_key_hex(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return raw.hex()


def keys_dir(data_dir: Path) -> Path:
    path = data_dir / "keys"
    path.mkdir(parents=True, exist_ok=True)
    return path


def ensure_key_pair(data_dir: Path) -> Ed25519PublicKey:
    """The roadshow key pair of this installation, made on first use (the organizer's)."""
    folder = keys_dir(data_dir)
    private_path = folder / PRIVATE_KEY_FILE
    if private_path.exists():
        return load_private_key(data_dir).public_key()
    public_path = folder / PUBLIC_KEY_FILE
    if public_path.exists():
        return public_key_from_hex(public_path.read_text("ascii").strip())
    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(raw.hex())
    public_path.write_text(public_key_hex(key.public_key()), "ascii")
    return key.public_key()


def load_private_key(data_dir: Path) -> Ed25519PrivateKey:
    path = keys_dir(data_dir) / PRIVATE_KEY_FILE
    if not path.exists():
        raise KeyMissing(
            "This installation has no roadshow signing key, so it cannot sign tickets. "
            "Copy the key file from the organizer's installation (keys/"
            + PRIVATE_KEY_FILE
            + ") or print the attendee code instead."
        )
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(path.read_text("ascii").strip()))


def has_private_key(data_dir: Path) -> bool:
    return (keys_dir(data_dir) / PRIVATE_KEY_FILE).exists()
