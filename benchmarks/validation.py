"""Benchmarks, validation: a whole catalogue against check-jsonschema and the bare libyaml parse
(with the caches off, so every run reads and checks every file, as the tools compared do), the
same with the caches warm, and a check of one file (by PATH and by --changed-since) in a large
catalogue against the same check in a small one."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from measure import timed

# libyaml's C loader reading every file and nothing else: the floor for validation.
FLOOR = ("import sys, glob, yaml\n"
         "for f in sorted(glob.glob(sys.argv[1] + '/patterns/*.yaml')):\n"
         "    yaml.load(open(f, encoding='utf-8').read(), Loader=yaml.CSafeLoader)\n")


def whole(root: Path, n: int, repeat: int, bin_dir: Path, repo: Path, env: dict) -> dict:
    """A full run, cold (caches off) and warm, beside check-jsonschema and the parse floor."""
    cold = {**env, "CATALOGUE_NO_CACHE": "1"}
    files = sorted(str(p) for p in (root / "patterns").glob("*.yaml"))
    command = [str(bin_dir / "catalogue"), "validate", "--root", str(root)]
    ours = timed(command, repeat, env=cold)
    warm = timed(command, repeat, env=env)
    floor = timed([sys.executable, "-c", FLOOR, str(root)], repeat, env=env)
    cjs = timed([str(bin_dir / "check-jsonschema"), "--schemafile", str(repo / "schema/pattern.schema.json"),
                 *files], repeat, env=env)
    return {"n": n, "ours": ours, "warm": warm, "floor": floor, "check_jsonschema": cjs}


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def one_file(root: Path, n: int, repeat: int, bin_dir: Path, env: dict) -> dict:
    """`validate PATH` of one pattern, and `--changed-since HEAD` after a one-file edit, in a
    catalogue that has been validated before (as in a contributor's clone or a CI cache)."""
    # Files written less than two seconds before a run are not remembered (see facts.py): wait.
    time.sleep(2.5)
    subprocess.run([str(bin_dir / "catalogue"), "validate", "--root", str(root)], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    target = sorted((root / "patterns").glob("*.yaml"))[n // 2]
    by_path = timed([str(bin_dir / "catalogue"), "validate", "--root", str(root), str(target)], repeat, env=env)
    _git(root, "init", "-q")
    _git(root, "-c", "user.name=Benchmark", "-c", "user.email=benchmark@example.org", "add", "-A")
    _git(root, "-c", "user.name=Benchmark", "-c", "user.email=benchmark@example.org", "commit", "-qm", "fictional")
    target.write_text(target.read_text(encoding="utf-8") + "# edited for the benchmark\n", encoding="utf-8")
    changed = timed([str(bin_dir / "catalogue"), "validate", "--root", str(root), "--changed-since", "HEAD"],
                    repeat, env=env, cwd=root)
    return {"n": n, "path": by_path, "changed": changed}
