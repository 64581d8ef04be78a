"""Core, the process's heap: hand memory Python has freed back to the system.

Python frees a large string with the C library's free(), which keeps the memory for later use by
the same process: a build that lets go of every page's text as it writes it (plugin/session.py)
would still hold the peak it reached. glibc's malloc_trim() returns the free pages inside the heap
as well as at its end. Elsewhere (another C library, another system) this does nothing."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools


@functools.lru_cache(maxsize=1)
def _trim():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None


def give_back() -> bool:
    """Return freed memory to the system; False where the C library has no malloc_trim."""
    trim = _trim()
    if trim is None:
        return False
    trim(0)  # its answer (whether anything was returned) does not matter here
    return True
