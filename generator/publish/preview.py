"""Publish, preview: which pattern, organisation, tag, category, region, ICB, maturity and numbered
"every pattern" pages an edit can change, so that `catalogue serve` renders only those again and
takes every other one from the previous build. Every other page and data file is rendered every
time (catalogue.json and catalogue.csv from kept parts: render/parts.py).

The rule is conservative. A page is rendered again when any pattern it shows (its own, the
patterns it relates to or that relate to it, its replacement, its companions, an organisation's
patterns and suggestions, the patterns a tag, category or area lists) changed, was added or was
removed, or when its companions or suggestions changed. With the packaged templates, a few pages
are kept by what they show (their face): a region or ICB page shows a pattern its organisations
only use (did not start) by its title, link, maturity and users, so a change to anything else in
it (its summary, say) leaves the page as it was; the maturity page shows only how many patterns
are at each level and how many outcomes at each step of the evidence ladder; each numbered page
of every pattern shows its own rows. Anything else that every page reads (the registry, the day,
the site's options, the issue forms, the templates) renders every page again.
tests/site/test_preview.py compares the result with a clean full build, byte for byte.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from generator.model.vocabulary import enum_values
from generator.render.cataloguedata import FALLBACK_FIRST, default_order
from generator.render.paging import DEFAULT_PAGE_SIZE, is_continuation, pagers
from generator.render.charts import reverse_relations
from generator.render.context import SiteContext
from generator.render.pages import tag_index


def template_stamp(override_dir: Path | None) -> tuple:
    """What a catalogue's own templates are now (names, sizes and times): a change renders every
    page again, since any page may include any template."""
    if override_dir is None or not Path(override_dir).is_dir():
        return ()
    return tuple(sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns)
                        for p in Path(override_dir).rglob("*") if p.is_file()))


def same_setting(old: SiteContext, new: SiteContext) -> bool:
    """Whether everything every page reads, besides the patterns, is as it was."""
    return (old.today == new.today and old.catalogue.organisations == new.catalogue.organisations
            and old.forms == new.forms and old.model == new.model
            and (old.repo_url, old.edit_branch, old.site_url, old.directory_urls, old.intake_email)
            == (new.repo_url, new.edit_branch, new.site_url, new.directory_urls, new.intake_email))


def changed_patterns(old: SiteContext, new: SiteContext) -> set[str]:
    """Ids of the patterns added, removed or changed in any field."""
    before, after = old.catalogue.patterns, new.catalogue.patterns
    return {pid for pid in before.keys() | after.keys() if before.get(pid) != after.get(pid)}


def _pattern_refs(ctx: SiteContext) -> dict[str, set[str]]:
    """For each pattern, the patterns its page shows: its relations both ways, its replacement
    (and what it replaces) and its companions."""
    refs = {v.id: {v.id, *(other for other, _ in v.pattern.related)} for v in ctx.patterns}
    for target, pairs in reverse_relations(ctx).items():
        refs.get(target, set()).update(source for source, _ in pairs)
    for view in ctx.patterns:
        successor = view.pattern.superseded_by
        if successor:
            refs[view.id].add(successor)
            refs.get(successor, set()).add(view.id)
        refs[view.id].update(c.pattern for c in ctx.recommendations.for_pattern(view.id))
    return refs


def _organisation_refs(ctx: SiteContext) -> dict[str, set[str]]:
    """For each organisation, the patterns its page shows: started, adopted and suggested."""
    refs = {}
    for org in ctx.organisations:
        shown = {v.id for v in org.originated} | {v.id for v, _ in org.adoptions}
        for suggestion in ctx.recommendations.for_organisation(org.organisation.code):
            shown.update(p for p in (suggestion.pattern, suggestion.via) if p)
        refs[org.page] = shown
    return refs


def reusable_pages(old: SiteContext, old_tree: dict[str, str], new: SiteContext,
                   same_templates: bool = True, own_templates: bool = False,
                   page_size: int = DEFAULT_PAGE_SIZE) -> dict[str, str]:
    """The previous build's pattern and organisation pages that the change cannot have altered
    ({page path: text}): empty when anything every page reads has changed. Pages kept by what
    they show of a pattern (its face) only with the packaged templates: a catalogue's own may
    show more."""
    if not same_templates or not same_setting(old, new):
        return {}
    changed = changed_patterns(old, new)
    keep = {} if own_templates else _same_faces(old, old_tree, new, changed)
    if not own_templates:
        keep.update(_same_rows(old, old_tree, new, changed, page_size))
    if not changed:
        keep.update((path, old_tree[path]) for path in _entity_pages(new) + list(_lists(new)) + list(_areas(new))
                    if path in old_tree)
        return _with_parts(keep, old_tree)
    old_lists, new_lists = _lists(old), _lists(new)
    keep.update((path, old_tree[path]) for path, shown in new_lists.items()
                if path in old_tree and not (shown | old_lists.get(path, set())) & changed)
    old_refs, new_refs = _pattern_refs(old), _pattern_refs(new)
    for view in new.patterns:
        shown = new_refs[view.id] | old_refs.get(view.id, set())
        if view.page in old_tree and not shown & changed \
                and old.recommendations.for_pattern(view.id) == new.recommendations.for_pattern(view.id):
            keep[view.page] = old_tree[view.page]
    old_orgs, new_orgs = _organisation_refs(old), _organisation_refs(new)
    for org in new.organisations:
        code = org.organisation.code
        shown = new_orgs[org.page] | old_orgs.get(org.page, set())
        if org.page in old_tree and not shown & changed \
                and old.recommendations.for_organisation(code) == new.recommendations.for_organisation(code):
            keep[org.page] = old_tree[org.page]
    return _with_parts(keep, old_tree)


def _same_faces(old: SiteContext, old_tree: dict[str, str], new: SiteContext, changed: set[str]) -> dict[str, str]:
    """Pages whose face of the catalogue is as it was: the maturity page (how many patterns are at
    each level, and outcomes at each step of the evidence ladder), and each region or ICB page,
    which shows the patterns its organisations only use (did not start) by their title, link,
    maturity and users."""
    keep = {path: old_tree[path] for path, face in FACES.items() if path in old_tree and face(old) == face(new)}
    used_changed = {pid for pid in changed if _used_face(old, pid) != _used_face(new, pid)}
    old_areas, new_areas = _areas(old), _areas(new)
    for path, (started, used) in new_areas.items():
        was_started, was_used = old_areas.get(path, (set(), set()))
        if path in old_tree and not (started | was_started) & changed and not (used | was_used) & used_changed:
            keep[path] = old_tree[path]
    return keep


def _same_rows(old: SiteContext, old_tree: dict[str, str], new: SiteContext, changed: set[str],
               page_size: int) -> dict[str, str]:
    """The numbered pages listing every pattern (for readers without the catalogue's script) that
    hold the same unchanged patterns, in the same places of a list as long as it was."""
    before, after = [v.id for v in default_order(old)], [v.id for v in default_order(new)]
    if len(before) != len(after):
        return {}
    keep = {}
    for pager in pagers(FALLBACK_FIRST, page_size, len(after)):
        rows = slice(pager.offset(), pager.offset() + page_size)
        if pager.path in old_tree and before[rows] == after[rows] and not set(after[rows]) & changed:
            keep[pager.path] = old_tree[pager.path]
    return keep


def _maturity_face(ctx: SiteContext) -> tuple:
    levels = Counter(view.level.id for view in ctx.patterns)
    evidence = Counter(outcome.evidence for view in ctx.patterns for outcome in view.pattern.outcomes)
    return sorted(levels.items()), sorted(evidence.items())


FACES = {"maturity.md": _maturity_face}


def _with_parts(keep: dict[str, str], old_tree: dict[str, str]) -> dict[str, str]:
    """A kept page with its later parts (a long list split into pages: render/paging.py): they
    show the same list, so they are kept with it, or rendered again with it."""
    parts: dict[str, list[str]] = {}
    for path in old_tree:
        if is_continuation(path):
            parts.setdefault(path.rsplit("/page-", 1)[0] + ".md", []).append(path)
    for first in list(keep):
        keep.update((part, old_tree[part]) for part in parts.get(first, []))
    return keep


def _lists(ctx: SiteContext) -> dict[str, set[str]]:
    """The pages that list patterns, each with the ids it lists: a tag, a category, a region or an
    ICB (its organisations' patterns, started or adopted)."""
    lists = {f"tags/{tag}.md": {v.id for v in views} for tag, views in tag_index(ctx)}
    for category in enum_values("category"):
        lists[f"categories/{category}.md"] = {v.id for v in ctx.patterns if v.pattern.category == category}
    return lists


def _areas(ctx: SiteContext) -> dict[str, tuple[set[str], set[str]]]:
    """Each region and ICB page with the ids of the patterns its organisations (a region's own
    and its ICBs') started, which it shows in full, and of those they only adopted."""
    areas = {}
    for area in ctx.regions + ctx.icbs:
        orgs = area.organisations + [org for icb in area.icbs for org in icb.organisations]
        started = {v.id for org in orgs for v in org.originated}
        areas[area.page] = (started, {v.id for org in orgs for v, _ in org.adoptions} - started)
    return areas


def _used_face(ctx: SiteContext, pid: str) -> tuple | None:
    """What a region or ICB page shows of a pattern its organisations use but did not start: its
    title, link and maturity, and (through its reuse) who pilots and uses it; its originator
    decides the pages that show it in full."""
    view = ctx.by_id.get(pid)
    if view is None:
        return None
    return view.pattern.title, view.page, view.level.id, view.reuse, view.pattern.originator


def _entity_pages(ctx: SiteContext) -> list[str]:
    return [v.page for v in ctx.patterns] + [o.page for o in ctx.organisations]
