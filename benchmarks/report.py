"""Benchmarks, report: docs/benchmarks.md from the measurements of one run, every target next to
what was measured, as ratios of figures taken side by side."""

from __future__ import annotations

from measure import ratio
from pages import name_of

LIMIT_KB = 300


def verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def header(machine: str, repeat: int, sections: dict[str, dict]) -> list[str]:
    when = "; ".join(f"{name} {s['when']} (load average {s['load']})" for name, s in sections.items())
    return ["# Benchmarks", "",
            "Produced by `make bench` (`.venv/bin/python benchmarks/run.py`), which writes this file. Every figure is "
            f"a median of {repeat} timed runs after one warm-up, each comparison measured side by side in one "
            "invocation on synthetic, fictional catalogues from `catalogue synth` (seed 1; 300 organisations unless "
            "a row says otherwise). Times are wall-clock for the whole command, interpreter start-up included. What "
            "the profiles showed, and why a target is missed, is in [performance.md](performance.md).", "",
            f"Machine: {machine}", "",
            f"When each section was measured (UTC): {when}.", ""]


def validation(rows: list[dict], one_file: list[dict]) -> list[str]:
    lines = ["## Validation", "",
             "A whole catalogue, with the caches off (`CATALOGUE_NO_CACHE=1`: every file read and checked, as the "
             "tools compared do), and warm (a second run over unchanged files).", "",
             "| patterns | ours | ours, warm | check-jsonschema | libyaml parse only (floor) | check-jsonschema / ours | ours / floor | ours peak memory |",
             "|---|---|---|---|---|---|---|---|"]
    for v in rows:
        lines.append(f"| {v['n']:,} | {v['ours']} | {v['warm']} | {v['check_jsonschema']} | {v['floor']} | "
                     f"{ratio(v['check_jsonschema'], v['ours']):.1f}x | {ratio(v['ours'], v['floor']):.2f}x | "
                     f"{v['ours'].peak_mb:.0f} MB |")
    if one_file:
        lines += ["", "One file checked, with every rule across files that concerns it, in a catalogue validated "
                  "before (a contributor's clone, a CI cache): `catalogue validate PATH`, and `--changed-since HEAD` "
                  "after editing that file (git lists the change).", "",
                  "| patterns | `validate PATH` | `--changed-since HEAD` | peak memory |", "|---|---|---|---|"]
        for o in one_file:
            lines.append(f"| {o['n']:,} | {o['path']} | {o['changed']} | {o['path'].peak_mb:.0f} MB |")
    return lines


def builds(rows: list[dict]) -> list[str]:
    lines = ["", "## Site build", "",
             "Ours is `catalogue build`: validation, rendering, MkDocs and the Pagefind search index. Plain is "
             "`mkdocs build` with the same theme, the same other plugins and the same navigation over the same "
             "pages written out as plain Markdown by `catalogue render`, followed by Pagefind's command line over "
             "the plain site's pages for the same search; both are timed separately and added.", "",
             "| patterns | ours | plain MkDocs | Pagefind CLI | plain + Pagefind | ours / (plain + Pagefind) | ours / plain MkDocs alone |",
             "|---|---|---|---|---|---|---|"]
    for b in rows:
        both = b["plain"].seconds + b["pagefind"].seconds
        lines.append(f"| {b['n']:,} | {b['ours']} | {b['plain']} | {b['pagefind']} | {both:.2f} s | "
                     f"{ratio(b['ours'], both):.2f}x | {ratio(b['ours'], b['plain']):.2f}x |")
    lines += ["", "The search index is summed over its shards (one index up to 750 indexed pages; see "
              "[performance.md](performance.md)).", "",
              "| patterns | largest pattern page | median pattern page | search index | shards | index per pattern | median excerpt fragment |",
              "|---|---|---|---|---|---|---|"]
    for b in rows:
        s = b["sizes"]
        lines.append(f"| {b['n']:,} | {s['page_max_kb']:.1f} KB | {s['page_median_kb']:.1f} KB | "
                     f"{s['index_kb']:,.0f} KB | {s.get('shards', 1)} | {s['index_per_pattern_kb']:.2f} KB | "
                     f"{s['fragment_median_kb']:.2f} KB |")
    return lines


def page_weights(sites: dict[str, dict]) -> list[str]:
    """The largest page of each kind, for each site measured."""
    if not sites:
        return []
    labels = list(sites)
    kinds = sorted({k for found in sites.values() for k in found}, key=lambda k: (k.count("/"), k))
    lines = ["", "## Page weight", "", "The largest HTML page of each kind (KB; number of pages in brackets).", "",
             "| kind of page | " + " | ".join(labels) + " |", "|---|" + "---|" * len(labels)]
    for kind in kinds:
        cells = []
        for label in labels:
            count, largest, where = sites[label].get(kind, (0, 0.0, ""))
            cells.append(f"{largest:,.1f} KB ({count:,}) `{where}`" if count else "none")
        lines.append(f"| {name_of(kind)} | " + " | ".join(cells) + " |")
    return lines


def targets(rows: list[tuple[str, str, bool]]) -> list[str]:
    return ["", "## Targets", "", "| target | measured | verdict |", "|---|---|---|"] + [
        f"| {target} | {measured} | {verdict(ok)} |" for target, measured, ok in rows]


def national(base: dict, nat: dict, memory: dict[str, dict]) -> list[str]:
    """The national build beside the 5,000-pattern build, and peak memory of each build's tree."""
    lines = ["", "## National organisations", "",
             "5,000 patterns with 7,000 organisations and 50,000 adoptions, beside 5,000 patterns with 300 "
             "organisations. CPU time is the build's and every process it waited for (Pagefind, the rendering "
             "workers); it depends less than wall time on anything else the machine is doing. Peak memory is one "
             "further, untimed build of each, sampled every 200 ms by `benchmarks/tree_memory.py`: the sum of the "
             "proportional set size (PSS) of every process of the build at one moment, Pagefind and the forked "
             "workers included.", "",
             "| catalogue | build (wall) | build (CPU) | peak memory, whole tree | largest process (Python / Pagefind) |",
             "|---|---|---|---|---|"]
    for label, b in (("5,000 patterns, 300 organisations", base), ("national", nat)):
        m = memory.get(label, {})
        by_name = m.get("by_name", {})
        python = max((v for k, v in by_name.items() if k.startswith("python") or k == "catalogue"), default=0)
        lines.append(f"| {label} | {b['ours']} | {b['ours'].cpu:.1f} s | {m.get('tree_mb', 0):,} MB | "
                     f"{python:,} MB / {by_name.get('pagefind', 0):,} MB |")
    return lines


def search(found: dict | None) -> list[str]:
    if not found:
        return []
    lines = ["", f"## Search (headless Chromium, {found['n']:,} patterns)", "",
             "On the site's search page, each load a fresh browser context (nothing cached). Ready: from navigation "
             "until the page has loaded Pagefind's engine and the index's metadata (it marks itself `data-ready`). "
             "Query: from pressing Enter until the number of results is announced and the best result is on screen "
             "with its excerpt. Query words are picked from the synthetic text by how many patterns hold them.", "",
             f"Index ready {found['ready_ms']:.0f} ms after navigation.", "",
             "| query | word | result | answered in |", "|---|---|---|---|"]
    for name, q in found["queries"].items():
        lines.append(f"| {name} | `{q['query']}` | {q['status']} | {q['ms']:.0f} ms |")
    return lines


def all_targets(r: dict) -> list[tuple[str, str, bool]]:
    """Every target of the issues behind these benchmarks, with what this run measured."""
    rows = []
    v = {x["n"]: x for x in r["validation"]}
    if 10000 in v:
        fast = ratio(v[10000]["check_jsonschema"], v[10000]["ours"])
        floor = ratio(v[10000]["ours"], v[10000]["floor"])
        rows += [("validation of 10,000 at least 4x faster than check-jsonschema", f"{fast:.1f}x", fast >= 4),
                 ("validation of 10,000 within 1.5x the bare libyaml parse", f"{floor:.2f}x", floor <= 1.5)]
    one = r.get("one_file", {})
    if 100 in one and 10000 in one:
        for key, what in (("path", "`validate PATH`"), ("changed", "`--changed-since` for a one-file change")):
            x = ratio(one[10000][key], one[100][key])
            rows.append((f"{what} in 10,000 patterns within 2x the same in 100", f"{x:.2f}x", x <= 2))
    b = {x["n"]: x for x in r["builds"]}
    for n, x in sorted(b.items()):
        q = ratio(x["ours"], x["plain"].seconds + x["pagefind"].seconds)
        rows.append((f"build of {n:,} within 1.25x plain MkDocs (+ the same search)", f"{q:.2f}x", q <= 1.25))
    if 1000 in b:
        rows.append(("build of 1,000 under 8 s", str(b[1000]["ours"]), b[1000]["ours"].seconds < 8))
    if b:
        worst = max(x["sizes"]["page_max_kb"] for x in b.values())
        rows.append(("at most 50 KB of HTML per pattern page", f"{worst:.1f} KB largest", worst <= 50))
        per = max(x["sizes"]["index_per_pattern_kb"] for x in b.values())
        rows.append(("at most 4 KB of search index per pattern", f"{per:.2f} KB", per <= 4))
    if 1000 in b and 5000 in b:
        g = ratio(b[5000]["ours"], b[1000]["ours"])
        rows.append(("growth from 1,000 to 5,000 patterns at most 5.5x", f"{g:.2f}x", g <= 5.5))
    rows += _scale_targets(r)
    found = r.get("search")
    if found:
        rows.append(("search index ready within 2 s of page load", f"{found['ready_ms']:.0f} ms", found["ready_ms"] <= 2000))
        for name, q in found["queries"].items():
            rows.append((f"one query under 100 ms ({name}: `{q['query']}`)", f"{q['ms']:.0f} ms", q["ms"] < 100))
    return rows


def _scale_targets(r: dict) -> list[tuple[str, str, bool]]:
    rows = []
    for label, found in r.get("pages", {}).items():
        catalogue = found.get("patterns", (0, 0.0, ""))[1]
        if label.startswith("5,000"):
            rows.append((f"the catalogue page at most {LIMIT_KB} KB ({label})", f"{catalogue:,.1f} KB", catalogue <= LIMIT_KB))
        kind, (_, largest, where) = max(found.items(), key=lambda kv: kv[1][1])
        rows.append((f"no page over {LIMIT_KB} KB ({label})", f"{largest:,.1f} KB (`{where}`)", largest <= LIMIT_KB))
    reader = r.get("reader")
    if reader:
        x = reader["catalogue_ms"] / reader["home_ms"]
        rows += [("catalogue page interactive within 1.5x the home page (5,000 patterns)",
                  f"{x:.2f}x ({reader['catalogue_ms']:.0f} ms / {reader['home_ms']:.0f} ms)", x <= 1.5),
                 ("a filter change on screen within 100 ms (5,000 patterns)", f"{reader['filter_ms']:.0f} ms",
                  reader["filter_ms"] <= 100)]
    preview = r.get("preview")
    if preview:
        x = preview["edit_s"] / preview["full_s"]
        rows.append(("preview of a one-pattern edit within 0.1x a full build (5,000 patterns)",
                     f"{x:.3f}x ({preview['edit_s']:.2f} s / {preview['full_s']:.1f} s)", x <= 0.1))
    if r.get("national") and r.get("base"):
        wall = ratio(r["national"]["ours"], r["base"]["ours"])
        cpu = r["national"]["ours"].cpu / r["base"]["ours"].cpu
        rows.append(("national build within 1.5x the 5,000-pattern, 300-organisation build",
                     f"{wall:.2f}x wall, {cpu:.2f}x CPU", max(wall, cpu) <= 1.5))
    for label, m in r.get("memory", {}).items():
        if label == "national":
            rows.append(("peak memory of the national build, whole tree, under 1 GB", f"{m['tree_mb']:,} MB",
                         m["tree_mb"] < 1024))
    return rows


def reader(found: dict | None) -> list[str]:
    if not found:
        return []
    return ["", "## The catalogue page in a browser (headless Chromium, 5,000 patterns)", "",
            "Each load a fresh browser context, the site served from this machine (`benchmarks/reader.py`). "
            "Interactive: from navigation until the load event has ended and, on the catalogue page, until its "
            "script has loaded the data file and wired the filters. A filter change: from the change event until "
            "the frame after the table and the count were updated has been painted (a category, a region, a "
            "maturity level and back; medians of every change).", "",
            "| catalogue page HTML | its data file | home page interactive | catalogue page interactive | filter change (median) | filter change (slowest) |",
            "|---|---|---|---|---|---|",
            f"| {found['catalogue_kb']:,.1f} KB | {found['data_kb']:,.1f} KB | {found['home_ms']:.0f} ms | "
            f"{found['catalogue_ms']:.0f} ms | {found['filter_ms']:.0f} ms | {found['filter_max_ms']:.0f} ms |"]


def preview(found: dict | None) -> list[str]:
    if not found:
        return []
    return ["", "## Preview (5,000 patterns)", "",
            "`catalogue serve` on the 5,000-pattern catalogue: from saving a change to one pattern until the server "
            "sends the updated pattern page (`benchmarks/preview.py`), beside a full build of the same catalogue "
            "timed in the same run.", "",
            "| full build | first page served after start | edit to updated page (median) | search index updated after the edit (median) |",
            "|---|---|---|---|",
            f"| {found['full_s']:.1f} s | {found['start_s']:.1f} s | {found['edit_s']:.2f} s | {found['index_s']:.1f} s |"]
