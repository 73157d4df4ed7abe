"""QR codes of tickets: a module matrix (for vector drawing) and PNG images."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import qrcode
from qrcode.constants import ERROR_CORRECT_M


@lru_cache(maxsize=4096)
def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """Dark modules of the QR code, without the quiet zone. Upper-case A-Z0-9 payloads use
    QR's alphanumeric mode, so a 121-character ticket fits version 6 at level M."""
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    qr.add_data(payload, optimize=0)
    qr.make(fit=True)
    return tuple(tuple(bool(m) for m in row) for row in qr.modules)


def write_qr_png(payload: str, path: Path, box_size: int = 8) -> None:
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4, box_size=box_size)
    qr.add_data(payload, optimize=0)
    qr.make(fit=True)
    qr.make_image().save(str(path))
