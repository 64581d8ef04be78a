"""Peak memory of a command's whole process tree: the build, its forked rendering workers and
the Pagefind process, counted together.

    python benchmarks/tree_memory.py [--series FILE] -- catalogue build --root DIR --site-dir SITE

Why not `/usr/bin/time -v` or `wait4`: both give the largest resident size of ONE process (the
biggest of the tree), so a build whose Python process and Pagefind process peak at the same time
looks half as big as it is. This samples every process in the tree from /proc every 50 ms and
adds them up: PSS (proportional set size: a page shared by forked workers is split between them,
not counted once per worker) and, for comparison, RSS (shared pages counted in every process).
The peak is the largest sum seen at one moment. Linux only; no dependencies; for benchmarks, not
for the package.

Prints one JSON line: wall seconds, exit status, peak tree PSS and RSS in MB, and each process
name's own peak RSS. With --series, also writes the per-sample PSS of each process name.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

INTERVAL = 0.2  # seconds between samples: Pagefind's peak lasts several seconds, and reading
# smaps_rollup walks a process's page tables (a few ms for a large process), so sampling faster
# would slow the build it measures


def children(pid: int) -> list[int]:
    """Direct children of a process, from each of its threads' `children` file."""
    found: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as listing:
                found += [int(child) for child in listing.read().split()]
    except OSError:  # the process ended between two reads
        pass
    return found


def tree(root: int) -> list[int]:
    pids = [root]
    for pid in pids:  # grows as it goes: breadth first
        pids += children(pid)
    return pids


def memory(pid: int) -> tuple[str, int, int]:
    """Name, RSS and PSS (kB) of one process; zeros if it has ended."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
        with open(f"/proc/{pid}/comm") as comm:
            return comm.read().strip(), rss, pss
    except OSError:
        return "?", 0, 0


def run(cmd: list[str], env=None, cwd=None) -> dict:
    """Run `cmd` to the end, sampling its tree; its output is discarded (stderr kept for errors:
    a file, not a pipe, so a chatty command can never block on a full pipe)."""
    series, peak_rss, peak_pss, per_name = [], 0, 0, {}
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=stderr, env=env, cwd=cwd)
        while proc.poll() is None:
            sample: dict[str, int] = {}
            total_rss = total_pss = 0
            for pid in tree(proc.pid):
                name, rss, pss = memory(pid)
                if name == "?":  # ended between listing the tree and reading it
                    continue
                total_rss, total_pss = total_rss + rss, total_pss + pss
                sample[name] = sample.get(name, 0) + pss
                per_name[name] = max(per_name.get(name, 0), rss)
            peak_rss, peak_pss = max(peak_rss, total_rss), max(peak_pss, total_pss)
            series.append((round(time.perf_counter() - start, 2), {k: v // 1024 for k, v in sample.items()}))
            time.sleep(INTERVAL)
        wall = time.perf_counter() - start
        stderr.seek(0)
        errors = stderr.read().decode("utf-8", "replace")
    return {"status": proc.returncode, "seconds": round(wall, 2), "peak_tree_pss_mb": peak_pss // 1024,
            "peak_tree_rss_mb": peak_rss // 1024,
            "peak_rss_mb_by_name": {k: v // 1024 for k, v in per_name.items()},
            "series": series, "stderr": errors[-2000:] if proc.returncode else ""}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", help="write the per-sample PSS of each process name here (JSON)")
    parser.add_argument("cmd", nargs=argparse.REMAINDER, help="the command, after --")
    args = parser.parse_args()
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    if not cmd:
        parser.error("no command given")
    result = run(cmd)
    series = result.pop("series")
    if args.series:
        with open(args.series, "w", encoding="utf-8") as out:
            json.dump(series, out)
    print(json.dumps(result))
    return result["status"]


if __name__ == "__main__":
    sys.exit(main())
