"""Benchmarks, national scale: the build of a catalogue with every NHS organisation (7,000) and
50,000 adoptions beside the 5,000-pattern, 300-organisation build, and the peak memory of each
build's whole process tree (Pagefind and the rendering workers counted with the build)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from measure import timed
from tree_memory import run as tree_run

NATIONAL = ["--patterns", "5000", "--organisations", "7000", "--adoptions", "50000"]


def national_build(work: Path, bin_dir: Path, env: dict, repeat: int, run) -> dict:
    """A fresh national catalogue, built `repeat` times (after a warm-up)."""
    root, site = work / "catalogue-national", work / "site-national"
    if root.exists():
        shutil.rmtree(root)
    run([str(bin_dir / "catalogue"), "synth", *NATIONAL, "--out", str(root)])
    build = [str(bin_dir / "catalogue"), "build", "--root", str(root), "--site-dir", str(site)]
    return {"root": root, "site": site, "ours": timed(build, repeat, env=env)}


def tree_peak(root: Path, site: Path, bin_dir: Path, env: dict) -> dict:
    """One untimed build, sampled every 200 ms: the peak of the sum of every process's PSS."""
    time.sleep(1)
    found = tree_run([str(bin_dir / "catalogue"), "build", "--root", str(root), "--site-dir", str(site)], env=env)
    if found["status"] != 0:
        raise RuntimeError(f"build of {root} failed:\n{found['stderr']}")
    return {"tree_mb": found["peak_tree_pss_mb"], "by_name": found["peak_rss_mb_by_name"]}
