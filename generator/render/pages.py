"""Render, pages: the pure function that turns a SiteContext into a tree of Markdown pages and data
files ({path: text}). Nothing here knows about MkDocs; the plugin only hands the tree over, and
`catalogue render --out` writes it to disk.

Contributor text reaches pages only through autoescaped Jinja2 templates or the sanitiser, inside
raw HTML blocks, so Markdown syntax in a title can never become a link or a script.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.dates import long_date
from generator.model.vocabulary import display_name, enum_values, names, noun
from generator.parallel import process_map
from generator.render import badges, charts, exports
from generator.render.cataloguedata import (DATA_FILE, FALLBACK_FIRST, FIRST_ROWS, catalogue_data, default_order,
                                            lifecycle_note)
from generator.render.context import SiteContext
from generator.render.contribute import propose_links, record_use_links
from generator.render.markdown import render_inline, render_markdown
from generator.render.paging import DEFAULT_PAGE_SIZE, is_continuation, pagers
from generator.render.wording import holdings, home_tables, plural, time_html
from generator.resources import load_schema, templates_dir

ASSETS = Path(__file__).resolve().parent.parent / "assets"
CSS, JS = "assets/catalogue.css", "assets/catalogue.js"
# Generated pages left out of the search index: the search page itself, and the tag pages, which
# are only lists (pattern pages carry their tags, so they are found by them); also the second and
# later parts of split lists and the catalogue's list for readers without JavaScript
# (render/paging.py), which only repeat what the pages they list say.
NOT_INDEXED_PREFIXES = ("search.md", "tags/", "patterns/all/")


@lru_cache(maxsize=8)
def environment(override_dir: Path | None = None) -> jinja2.Environment:
    """Jinja2 environment: a catalogue's own templates (if any) first, then the packaged ones.
    Kept per process, so templates are compiled once (Jinja2 still reloads one that changed on
    disk, as under `catalogue serve`)."""
    loaders = [jinja2.FileSystemLoader(str(override_dir))] if override_dir else []
    loaders.append(jinja2.FileSystemLoader(str(templates_dir())))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,  # every {{ }} is HTML-escaped unless it went through the sanitiser
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        md=lambda text: Markup(render_markdown(text)),
        md_inline=lambda text: Markup(render_inline(text)),
        front=front_matter_string,
        category_name=lambda c: display_name("category", c),
        status_name=lambda s: display_name("adoption_status", s),
        type_name=lambda t: display_name("organisation_type", t),
        region_name=lambda r: display_name("region", r),
        theme_name=lambda t: display_name("theme", t),
        care_setting_name=lambda c: display_name("care_setting", c),
        wgll_name=lambda w: display_name("wgll", w),
        name_in=lambda value, vocabulary: display_name(vocabulary, value),
        rows_shown=lambda pager, items: pager.rows_shown(len(items)),
        lifecycle_note=lambda value: lifecycle_note(value, display_name("lifecycle", value)),
        type_noun=lambda t, n: noun("organisation_type", t, n),
        long_date=long_date,
        slug=heading_id,
        date=time_html,
        plural=plural,
    )
    env.globals.update(names=names, holdings=holdings, home_tables=home_tables, propose_links=propose_links)
    return env


def heading_id(text: str) -> str:
    """The id of a generated heading: lower-case words joined by hyphens ("Reuse this pattern" ->
    "reuse-this-pattern"), as Python-Markdown's toc extension made them, so anchors stay stable."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def indexed(path: str) -> bool:
    """Whether a generated page goes into the search index."""
    return not path.startswith(NOT_INDEXED_PREFIXES) and not is_continuation(path)


def front_matter_string(text: str) -> Markup:
    """A YAML (JSON) string for front matter, HTML-escaped because themes print titles unescaped."""
    return Markup(json.dumps(html.escape(text, quote=True)))


# Rendering pattern and organisation pages is the larger half of a build's own work; for big
# catalogues it is split over forked workers, which inherit the context instead of copying it.
PARALLEL_MIN = 400
CHUNK = 200
_shared: tuple | None = None  # (ctx, env, incoming, page_size) for forked workers


def render_site(ctx: SiteContext, override_dir: Path | None = None, jobs: int | None = None,
                page_size: int = DEFAULT_PAGE_SIZE, reuse: dict[str, str] | None = None) -> dict[str, str]:
    """Every generated page and data file, keyed by its path in the site's source tree. Long
    lists are split into parts of `page_size` rows (render/paging.py). A page found in `reuse` (a
    preview's unchanged pages: publish/preview.py) is taken from it as is."""
    env = environment(override_dir)
    incoming = charts.reverse_relations(ctx)
    tree: dict[str, str] = {}
    reuse = reuse or {}

    def page(path: str, template: str, **values) -> None:
        tree[path] = reuse[path] if path in reuse else _page(ctx, env, path, template, **values)

    def paged(first: str, template: str, lengths: tuple[int, ...], **values) -> None:
        for pager in pagers(first, page_size, *lengths):
            page(pager.path, template, pager=pager, **values)

    # Fixed pages, then the pages of lists (split into parts), then one page per pattern and
    # organisation.
    page("index.md", "home.md.j2")
    page("maturity.md", "maturity.md.j2")
    page("reuse.md", "reuse.md.j2")
    page("stats.md", "stats.md.j2", svg=charts,  # the name stats.md.j2 (and overrides of it) call
         maturity_rows=[(lv.name, sum(v.level.id == lv.id for v in ctx.patterns)) for lv in ctx.model.levels],
         leaders=[(v.pattern.title, v.reuse.count) for v in sorted(
             ctx.patterns, key=lambda v: (-v.reuse.count, v.id)) if v.reuse.count][:20])
    page("data.md", "data.md.j2")
    page("search.md", "search.md.j2")
    _list_pages(ctx, tree, page, paged, page_size)

    tree.update(_entity_pages(ctx, env, incoming, reuse, jobs, page_size))

    # Data for other tools, and the site's own assets.
    tree["catalogue.json"] = exports.catalogue_json(ctx)
    tree["catalogue.csv"] = exports.catalogue_csv(ctx)
    tree["feed.xml"] = exports.atom_feed(ctx, ctx.site_url)
    tree["schema/catalogue.schema.json"] = json.dumps(load_schema("catalogue.schema.json"), indent=2) + "\n"
    tree["schema/pattern.schema.json"] = json.dumps(load_schema("pattern.schema.json"), indent=2) + "\n"
    for view in ctx.patterns:
        tree[badges.badge_path(view.id)] = badges.badge_svg(view)
    for asset in (CSS, JS):
        tree[asset] = (ASSETS / Path(asset).name).read_text(encoding="utf-8")
    return tree


def _list_pages(ctx: SiteContext, tree: dict[str, str], page, paged, page_size: int) -> None:
    """The pages of lists: the catalogue, organisations, tags, categories, regions and ICBs. The
    catalogue page has its first rows; its script reads the rest from a data file, and readers
    without the script have every pattern on numbered pages."""
    order = default_order(ctx)
    page("patterns/index.md", "catalogue.md.j2", categories=names("category"),
         rows=order[:min(page_size, FIRST_ROWS)], fallback=FALLBACK_FIRST, per_page=page_size, data_file=DATA_FILE)
    tree[DATA_FILE] = catalogue_data(ctx, names("lifecycle"))
    if len(order) > page_size:
        paged(FALLBACK_FIRST, "all_patterns.md.j2", (len(order),), views=order)
    organisations = sorted(ctx.organisations, key=lambda o: o.organisation.shown_name.lower())
    paged("organisations/index.md", "organisations.md.j2", (len(organisations),), organisations=organisations)
    tags = tag_index(ctx)
    paged("tags/index.md", "tags.md.j2", (len(tags),), tags=tags)
    for tag, views in tags:
        paged(f"tags/{tag}.md", "tag.md.j2", (len(views),), tag=tag, views=_most_reused(views))
    _area_pages(ctx, page, paged)
    for category in enum_values("category"):
        views = _most_reused(v for v in ctx.patterns if v.pattern.category == category)
        paged(f"categories/{category}.md", "category.md.j2", (len(views),), category=category, views=views)


def _most_reused(views) -> list:
    """Patterns most reused first, ties in the order of their ids."""
    return sorted(sorted(views, key=lambda v: v.id), key=lambda v: -v.reuse.count)


def _entity_pages(ctx: SiteContext, env, incoming, reuse: dict[str, str], jobs: int | None,
                  page_size: int) -> dict[str, str]:
    """Pattern and organisation pages (an organisation's split into parts), in order: an entity
    whose every part is in `reuse` as it was, the rest rendered."""
    global _shared
    entities = [(("p", i), [v.page]) for i, v in enumerate(ctx.patterns)]
    entities += [(("o", i), [p.path for p in pagers(o.page, page_size, len(o.originated), len(o.adoptions))])
                 for i, o in enumerate(ctx.organisations)]
    items = [item for item, paths in entities if not all(path in reuse for path in paths)]
    chunks = [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]
    for name in ("pattern.md.j2", "organisation.md.j2"):
        env.get_template(name)  # compiled once, here, before workers fork
    _shared = (ctx, env, incoming, page_size)
    rendered: dict[str, str] = {}
    try:
        for part in process_map(_render_chunk, chunks, 1 if len(items) < PARALLEL_MIN else jobs, fork_only=True):
            rendered.update(part)
    finally:
        _shared = None
    return {path: rendered[path] if path in rendered else reuse[path] for _, paths in entities for path in paths}


def _area_pages(ctx: SiteContext, page, paged) -> None:
    """The regions page with its tile map, and a page per region and per ICB (split by its
    longest list)."""
    rows = [(area.id, area.name, area.adoptions) for area in ctx.regions]
    page("regions/index.md", "regions.md.j2", tile_map=Markup(charts.region_tile_map(
        rows, "Adoptions in force by NHS England region", "chart-regions")))
    for area, is_icb in [(a, False) for a in ctx.regions] + [(a, True) for a in ctx.icbs]:
        lengths = (len(area.organisations), len(area.originated), len(area.reused))
        paged(area.page, "area.md.j2", lengths, area=area, is_icb=is_icb)


def category_pages(ctx: SiteContext) -> list[str]:
    """The category pages for the site menu: the schema's categories, in its order, that hold at
    least one pattern (an empty category would lead readers nowhere)."""
    used = {view.pattern.category for view in ctx.patterns}
    return [f"categories/{c}.md" for c in enum_values("category") if c in used]


def tag_index(ctx: SiteContext) -> list[tuple[str, list]]:
    """Every tag, in order, with the patterns that carry it."""
    by_tag: dict[str, list] = {}
    for view in ctx.patterns:
        for tag in view.pattern.tags:
            by_tag.setdefault(tag, []).append(view)
    return sorted(by_tag.items())


def _page(ctx: SiteContext, env: jinja2.Environment, path: str, template: str, **values) -> str:
    return env.get_template(template).render(ctx=ctx, page=path, link=lambda to: ctx.url(path, to), **values)


def _render_chunk(items: list[tuple[str, int]]) -> dict[str, str]:
    """Pattern ("p") and organisation ("o") pages by index; runs here or in a forked worker."""
    ctx, env, incoming, page_size = _shared
    out = {}
    for kind, i in items:
        if kind == "o":
            org = ctx.organisations[i]
            for pager in pagers(org.page, page_size, len(org.originated), len(org.adoptions)):
                out[pager.path] = _page(ctx, env, pager.path, "organisation.md.j2", org=org, pager=pager)
            continue
        view = ctx.patterns[i]
        out[view.page] = _page(
            ctx, env, view.page, "pattern.md.j2", view=view, p=view.pattern,
            diagram=Markup(charts.relation_diagram(ctx, view, view.page, incoming)),
            # The timeline only when the level has changed: one flat step says nothing new.
            timeline=Markup(charts.maturity_timeline(view, ctx.model)) if len(view.timeline) > 1 else "",
            links=record_use_links(ctx, view), incoming=incoming.get(view.id, []),
            embed=badges.badge_snippets(ctx, view))
    return out
