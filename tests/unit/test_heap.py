"""Unit tests for generator/heap.py: memory freed in the middle of the heap goes back to the
system (on glibc, as on this machine and CI), measured as the process's resident size."""

from __future__ import annotations

import ctypes.util
import gc

import pytest

from generator.heap import give_back

glibc = pytest.mark.skipif(ctypes.util.find_library("c") is None, reason="needs a C library to load")


def resident_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024


@glibc
def test_freed_page_sized_strings_go_back_to_the_system():
    # 4,000 strings of 40 KB (the size of a page's HTML), each followed by one of 1 KB that stays
    # (over Python's 512-byte limit for its own small-object pools, so it is on the C heap too):
    # the freed ones are in the middle of the heap, where free() alone keeps them.
    kept, pages = [], []
    for n in range(4000):
        pages.append(("x" * 40_000) + str(n))
        kept.append("y" * 1000 + str(n))
    del pages
    gc.collect()
    before = resident_mb()
    assert before > 150, "the freed strings are still held by the process (the case give_back is for)"
    assert give_back() is True
    assert resident_mb() < before - 100, "about 160 MB was freed; most of it should leave the process"
    assert len(kept) == 4000
