"""The desk's Qt user interface (the only package that imports PySide6)."""

import sys

if sys.version_info < (3, 12):
    # PySide6 6.12's abi3 wheel hands out None, True and False without a new reference (fine
    # on 3.12+, where they are immortal). On 3.11 each such call takes one reference off them
    # and the process dies ("none_dealloc", "bool_dealloc") after a few thousand calls. Make
    # them as immortal as on 3.12: they are static objects never freed, so this is harmless.
    import ctypes

    for _singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40
