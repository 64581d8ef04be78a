"""Benchmarks, results: what each section of a run measured, kept in benchmarks/results.json so
that a later run of some sections (`run.py --sections preview`, say) writes docs/benchmarks.md
with the others as they were last measured. Each section says when it was measured and the
machine's load then; the ratios inside a section are always from one run."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import asdict
from pathlib import Path

from measure import Timing

SECTIONS = ("validation", "builds", "national", "browser", "preview")


def _encode(value):
    if isinstance(value, Timing):
        return {"__timing__": asdict(value)}
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"not JSON: {value!r}")


def _decode(obj: dict):
    return Timing(**obj["__timing__"]) if "__timing__" in obj else obj


def stamp() -> dict:
    load = os.getloadavg()
    return {"when": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "load": f"{load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f}"}


def load(path: Path) -> dict[str, dict]:
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"), object_hook=_decode)


def save(path: Path, sections: dict[str, dict]) -> None:
    path.write_text(json.dumps(sections, default=_encode, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def combined(sections: dict[str, dict]) -> dict:
    """One result dict for the report: every section's data, the per-site tables merged."""
    r: dict = {"validation": [], "one_file": {}, "builds": [], "pages": {}, "memory": {}}
    for name in SECTIONS:
        for key, value in sections.get(name, {}).get("data", {}).items():
            if key in ("pages", "memory"):
                r[key].update(value)
            else:
                r[key] = value
    r["one_file"] = {int(k): v for k, v in r["one_file"].items()}
    return r
