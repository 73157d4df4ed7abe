"""The desk's Qt user interface (the only package that imports PySide6)."""

import sys

if sys.version_info < (3, 12):
    # PySide6 6.12's abi3 wheel returns None from void methods without a new reference (fine
    # on 3.12+, where None is immortal). On 3.11 every such call takes one reference off None
    # and the process dies ("none_dealloc") after a few thousand calls. Make None as immortal
    # as it is on 3.12: None is a static object that is never freed, so this is harmless.
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
