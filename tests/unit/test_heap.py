"""Unit tests for generator/heap.py: memory freed in the middle of the heap goes back to the
system (on glibc, as on this machine and CI), measured as a fresh process's resident size (a
fresh one, so that what the test frees is the only thing that can move it)."""

from __future__ import annotations

import ctypes.util
import json
import subprocess
import sys

import pytest

glibc = pytest.mark.skipif(ctypes.util.find_library("c") is None, reason="needs a C library to load")

# 4,000 strings of 40 KB (the size of a page's HTML), each followed by one of 1 KB that stays
# (over Python's 512-byte limit for its own small-object pools, so it is on the C heap too): the
# freed ones are in the middle of the heap, where free() alone keeps them.
EXPERIMENT = """
import gc, json
from generator.heap import give_back

def resident_mb():
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024

start = resident_mb()
kept, pages = [], []
for n in range(4000):
    pages.append(("x" * 40_000) + str(n))
    kept.append("y" * 1000 + str(n))
del pages
gc.collect()
freed = resident_mb()
gave = give_back()
print(json.dumps({"start": start, "freed": freed, "after": resident_mb(), "gave": gave, "kept": len(kept)}))
"""


@glibc
def test_freed_page_sized_strings_go_back_to_the_system():
    out = subprocess.run([sys.executable, "-c", EXPERIMENT], capture_output=True, text=True, check=True)
    m = json.loads(out.stdout)
    assert m["gave"] is True and m["kept"] == 4000
    assert m["freed"] > m["start"] + 120, ("free() alone keeps the 160 MB in the process", m)
    assert m["after"] < m["freed"] - 100, ("most of it leaves once handed back", m)
