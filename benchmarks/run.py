"""Benchmarks: one command that measures validation, site generation, page weight, the preview,
memory and search at national scale, side by side with what each is judged against, and writes
the tables and every target to docs/benchmarks.md.

    .venv/bin/python benchmarks/run.py [--repeat 3] [--out docs/benchmarks.md]

Every comparison runs in the same invocation on the same synthetic (fictional) catalogue, and
is reported as a ratio of medians.
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
import scale  # noqa: E402
import validation  # noqa: E402
from measure import timed  # noqa: E402
from pages import largest_pages  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
WORK = REPO / "benchmarks" / ".work"
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


def measure_all(args) -> dict:
    """Every measurement, in the order that keeps the machine's state comparable."""
    env = ENV
    r: dict = {"validation": [], "one_file": {}, "builds": [], "pages": {}, "memory": {}}
    for n in (int(n) for n in args.validate_sizes.split(",") if n):
        r["validation"].append(validation.whole(synth(n), n, args.repeat, BIN, REPO, env))
        print(f"validate {n}: {r['validation'][-1]}", flush=True)
    for n in (100, 10000):
        r["one_file"][n] = validation.one_file(synth(n), n, args.repeat, BIN, env)
        print(f"one file in {n}: {r['one_file'][n]}", flush=True)
    for n in (int(n) for n in args.build_sizes.split(",") if n):
        r["builds"].append(bench_build(n, args.repeat))
        print(f"build {n}: ours {r['builds'][-1]['ours']}, plain {r['builds'][-1]['plain']}", flush=True)
    base = next((b for b in r["builds"] if b["n"] == 5000), None)
    if base is not None:
        r["base"] = base
        r["pages"][BASE] = largest_pages(base["site"])
        r["memory"][BASE] = scale.tree_peak(base["root"], WORK / "site-memory", BIN, env)
        if not args.no_national:
            r["national"] = scale.national_build(WORK, BIN, env, args.repeat, run)
            r["pages"][NATIONAL] = largest_pages(r["national"]["site"])
            r["memory"][NATIONAL] = scale.tree_peak(r["national"]["root"], WORK / "site-memory", BIN, env)
            print(f"national: {r['national']['ours']}, memory {r['memory']}", flush=True)
        if not args.no_browser:
            from reader import measure_reader
            from search_latency import measure, pick_queries

            r["reader"] = measure_reader(base["site"])
            r["search"] = measure(base["site"], pick_queries(base["root"])) | {"n": 5000}
            print(f"reader: {r['reader']}; search: {r['search']}", flush=True)
        if not args.no_preview:
            from preview import measure_preview

            r["preview"] = measure_preview(base["root"], base["ours"].seconds, BIN, env)
            print(f"preview: {r['preview']}", flush=True)
    return r


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per measurement (median kept)")
    parser.add_argument("--out", default=str(REPO / "docs" / "benchmarks.md"))
    parser.add_argument("--validate-sizes", default="1000,10000")
    parser.add_argument("--build-sizes", default="100,1000,5000")
    parser.add_argument("--no-browser", action="store_true", help="skip the browser measurements")
    parser.add_argument("--no-national", action="store_true", help="skip the national catalogue")
    parser.add_argument("--no-preview", action="store_true", help="skip the preview measurement")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    r = measure_all(args)
    lines = report.header(machine(), args.repeat) + report.validation(r["validation"], list(r["one_file"].values()))
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
