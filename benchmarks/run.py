"""Benchmarks: one command that measures validation, site generation, page weight, the preview,
memory and search at national scale, side by side with what each is judged against, and writes
the tables and every target to docs/benchmarks.md.

    .venv/bin/python benchmarks/run.py [--repeat 3] [--out docs/benchmarks.md] [--sections preview,...]

Every comparison runs in the same invocation on the same synthetic (fictional) catalogue, and
is reported as a ratio of medians. With --sections, only those sections are measured again; the
others are reported as last measured (benchmarks/results.json), and the file says when each was.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
from importlib import metadata
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import report  # noqa: E402
import results  # noqa: E402
import scale  # noqa: E402
import validation  # noqa: E402
from measure import timed  # noqa: E402
from pages import largest_pages  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
WORK = REPO / "benchmarks" / ".work"
RESULTS = REPO / "benchmarks" / "results.json"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CI": "1", "SOURCE_DATE_EPOCH": "1795651200"}
ORGS = 300

def synth(n: int) -> Path:
    """A fresh synthetic catalogue (always rewritten, so its mkdocs.yml matches the current generator)."""
    out = WORK / f"catalogue-{n}"
    if out.exists():
        shutil.rmtree(out)
    run([str(BIN / "catalogue"), "synth", "--patterns", str(n), "--organisations", str(ORGS), "--out", str(out)])
    return out


def run(cmd):
    import subprocess
    subprocess.run(cmd, check=True, env=ENV, stdout=subprocess.DEVNULL)


def plain_config(root: Path, docs: Path) -> Path:
    """The catalogue's mkdocs.yml without our plugin, over the pages it generates, as plain files."""
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "catalogue" in p)]
    config["docs_dir"] = str(docs)
    config["extra_css"] = ["assets/catalogue.css"]
    config["extra_javascript"] = ["assets/catalogue.js"]
    path = root / "plain-mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def site_sizes(site: Path, n: int) -> dict:
    """Page weights, and Pagefind's bundle: the index a query loads chunks of, and the per-page
    excerpt fragments a result list loads one per shown result, over every shard."""
    pages = [p.stat().st_size for p in (site / "patterns").glob("*/index.html")]
    bundles = [site / "pagefind", *sorted((site / "pagefind").glob("shard-*"))]
    index = sum(p.stat().st_size for b in bundles for p in [*(b / "index").iterdir(), *b.glob("*.pf_meta")])
    fragments = [p.stat().st_size for b in bundles for p in (b / "fragment").iterdir()]
    return {"page_max_kb": max(pages) / 1024, "page_median_kb": statistics.median(pages) / 1024,
            "index_kb": index / 1024, "index_per_pattern_kb": index / 1024 / n,
            "fragment_median_kb": statistics.median(fragments) / 1024, "shards": len(bundles)}


def bench_build(n: int, repeat: int) -> dict:
    root = synth(n)
    site, plain_site, docs = WORK / f"site-{n}", WORK / f"plain-site-{n}", WORK / f"plain-docs-{n}"
    ours = timed([str(BIN / "catalogue"), "build", "--root", str(root), "--site-dir", str(site)], repeat, env=ENV)
    # The same pages as plain Markdown: rendered once, plus the catalogue's own docs/.
    if docs.exists():
        shutil.rmtree(docs)
    run([str(BIN / "catalogue"), "render", "--root", str(root), "--out", str(docs)])
    for extra in (root / "docs").iterdir():
        shutil.copy(extra, docs / extra.name)
    config = plain_config(root, docs)
    plain = timed([str(BIN / "mkdocs"), "build", "-q", "-f", str(config), "-d", str(plain_site)], repeat, env=ENV)
    # The same search for the plain site: Pagefind's command line over its pages' articles.
    pagefind = timed([sys.executable, "-m", "pagefind", "--site", str(plain_site), "--root-selector", "article",
                      "--glob", "**/index.html", "--silent"], repeat, env=ENV)
    return {"n": n, "ours": ours, "plain": plain, "pagefind": pagefind, "sizes": site_sizes(site, n), "site": site,
            "root": root}


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    mem = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in (
        "mkdocs", "mkdocs-material", "PyYAML", "jsonschema", "fastjsonschema", "check-jsonschema", "ruamel.yaml",
        "pagefind", "cmarkgfm"))
    clib = "with" if any(d.metadata["Name"] == "ruamel.yaml.clib" for d in metadata.distributions()) else "without"
    return (f"{cpu}, {os.cpu_count()} cores, {mem} GiB RAM; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}; {versions}; check-jsonschema ran {clib} ruamel.yaml.clib")


BASE, NATIONAL = "5,000 patterns, 300 organisations", "national"


def reference_build(repeat: int) -> dict:
    """The 5,000-pattern site and its build time, for a run that measures the browser or the
    preview without the build section."""
    root, site = synth(5000), WORK / "site-5000"
    ours = timed([str(BIN / "catalogue"), "build", "--root", str(root), "--site-dir", str(site)], repeat, env=ENV)
    return {"n": 5000, "ours": ours, "site": site, "root": root}


def measure_all(args, sections: list[str]) -> dict[str, dict]:
    """The sections asked for, in the order that keeps the machine's state comparable; each with
    its data and when it was measured."""
    env, out, base = ENV, {}, None
    if "validation" in sections:
        data = {"validation": [], "one_file": {}}
        for n in (int(n) for n in args.validate_sizes.split(",") if n):
            data["validation"].append(validation.whole(synth(n), n, args.repeat, BIN, REPO, env))
            print(f"validate {n}: {data['validation'][-1]}", flush=True)
        for n in (100, 10000):
            data["one_file"][n] = validation.one_file(synth(n), n, args.repeat, BIN, env)
            print(f"one file in {n}: {data['one_file'][n]}", flush=True)
        out["validation"] = {"data": data, **results.stamp()}
    if "builds" in sections:
        builds = []
        for n in (int(n) for n in args.build_sizes.split(",") if n):
            builds.append(bench_build(n, args.repeat))
            print(f"build {n}: ours {builds[-1]['ours']}, plain {builds[-1]['plain']}", flush=True)
        base = next((b for b in builds if b["n"] == 5000), None)
        data = {"builds": builds}
        if base is not None:
            data |= {"base": base, "pages": {BASE: largest_pages(base["site"])},
                     "memory": {BASE: scale.tree_peak(base["root"], WORK / "site-memory", BIN, env)}}
        out["builds"] = {"data": data, **results.stamp()}
    if "national" in sections:
        if base is None:
            raise SystemExit("the national section compares with the 5,000-pattern build: add builds to --sections")
        national = scale.national_build(WORK, BIN, env, args.repeat, run)
        out["national"] = {"data": {"national": national, "pages": {NATIONAL: largest_pages(national["site"])},
                                    "memory": {NATIONAL: scale.tree_peak(national["root"], WORK / "site-memory",
                                                                         BIN, env)}}, **results.stamp()}
        print(f"national: {national['ours']}, memory {out['national']['data']['memory']}", flush=True)
    if ("browser" in sections or "preview" in sections) and base is None:
        base = reference_build(args.repeat)
    if "browser" in sections:
        from reader import measure_reader
        from search_latency import measure, pick_queries

        data = {"reader": measure_reader(base["site"]),
                "search": measure(base["site"], pick_queries(base["root"])) | {"n": 5000}}
        out["browser"] = {"data": data, **results.stamp()}
        print(f"browser: {data}", flush=True)
    if "preview" in sections:
        from preview import measure_preview

        out["preview"] = {"data": {"preview": measure_preview(base["root"], base["ours"].seconds, BIN, env)},
                          **results.stamp()}
        print(f"preview: {out['preview']}", flush=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per measurement (median kept)")
    parser.add_argument("--out", default=str(REPO / "docs" / "benchmarks.md"))
    parser.add_argument("--validate-sizes", default="1000,10000")
    parser.add_argument("--build-sizes", default="100,1000,5000")
    parser.add_argument("--sections", default=",".join(results.SECTIONS),
                        help="measure only these (the others as last measured, from --results)")
    parser.add_argument("--results", default=str(RESULTS), help="where each section's measurements are kept")
    args = parser.parse_args()
    sections = [s for s in args.sections.split(",") if s]
    unknown = sorted(set(sections) - set(results.SECTIONS))
    if unknown:
        parser.error(f"unknown sections: {', '.join(unknown)} (known: {', '.join(results.SECTIONS)})")
    WORK.mkdir(parents=True, exist_ok=True)
    kept = results.load(Path(args.results)) | measure_all(args, sections)
    results.save(Path(args.results), kept)
    r = results.combined(kept)
    lines = report.header(machine(), args.repeat, {name: kept[name] for name in results.SECTIONS if name in kept})
    lines += report.validation(r["validation"], list(r["one_file"].values()))
    lines += report.builds(r["builds"]) + report.page_weights(r["pages"])
    if r.get("national"):
        lines += report.national(r["base"], r["national"], r["memory"])
    lines += report.reader(r.get("reader")) + report.preview(r.get("preview")) + report.search(r.get("search"))
    lines += report.targets(report.all_targets(r))
    text = "\n".join(lines) + "\n"
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
