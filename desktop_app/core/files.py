"""Files the app writes for people (exports, badge PDFs, stage files): whole or not at all.

`written_atomically(out)` gives a `.part` path to write; the file takes its name only once it
is complete. If writing fails, the `.part` is removed, and an OSError (a full disk, a pulled USB
stick, a file-size limit) becomes a `DiskFull` that names the file that was not written.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop_app.core.errors import DiskFull


@contextmanager
def written_atomically(out: Path, what: str = "file") -> Iterator[Path]:
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    try:
        yield tmp
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        why = exc.strerror or type(exc).__name__
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            why = "the disk is full"
        raise DiskFull(
            f"The {what} {out} was not written ({why}). Free some space or choose another "
            "place, then try again."
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
