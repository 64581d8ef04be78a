"""Publish, the pipeline: how a catalogue root becomes pages, in one function that the MkDocs plugin
and `catalogue render` both call, so both get exactly the same pages.

    patterns/*.yaml, organisations.yaml
      -> load and validate (validate/)       every problem located; stop if any is an error
      -> compute (model/, render/context.py) reuse, maturity, timelines, who adopts what
      -> render (render/pages.py)            pages (finished HTML under a front matter), data files
      -> index (plugin + searchindex.py)     Pagefind indexes each page as MkDocs finishes it

MkDocs then puts each page into the theme; nothing here imports it.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from generator.dates import today as default_today
from generator.errors import ConfigError, InvalidCatalogueError
from generator.issueforms import load_forms
from generator.layout import CatalogueRoot
from generator.publish.preview import reusable_pages, template_stamp
from generator.siteconfig import plugin_options, read_mkdocs_yml
from generator.render.context import SiteContext, build_context
from generator.render.pages import render_site
from generator.render.paging import DEFAULT_PAGE_SIZE
from generator.render.parts import kept_parts
from generator.validate.catalogue import Validation, validate_catalogue
from generator.validate.kept import KeptRuns
from generator.validate.formats import is_email


@dataclass(frozen=True)
class SiteOptions:
    """What the pages depend on beyond the catalogue: the site's own settings."""

    repo_url: str | None = None  # repository for "We use this pattern", "Propose a pattern", "Edit this pattern"
    edit_branch: str = "main"
    intake_email: str | None = None  # mailbox for the same, by email
    site_url: str | None = None  # absolute links in the feed and sitemap
    directory_urls: bool = True  # "a/b/" rather than "a/b.html", as MkDocs lays pages out
    templates: Path | None = None  # a catalogue's own templates, overriding the packaged ones
    page_size: int = DEFAULT_PAGE_SIZE  # rows of a long list on one page (render/paging.py)

    @classmethod
    def from_mkdocs_yml(cls, path: Path, templates: Path | None = None) -> "SiteOptions":
        """The options a catalogue's mkdocs.yml gives the plugin (defaults when it has none)."""
        config = read_mkdocs_yml(path)
        plugin = plugin_options(config)
        own = templates or (Path(path).parent / plugin["templates"] if plugin.get("templates") else None)
        return cls(repo_url=plugin.get("repo_url"), edit_branch=plugin.get("edit_branch") or "main",
                   intake_email=plugin.get("intake_email"), page_size=plugin.get("page_size", DEFAULT_PAGE_SIZE),
                   site_url=_directory(config.get("site_url")),
                   directory_urls=config.get("use_directory_urls", True) is not False, templates=own)


def _directory(url) -> str | None:
    """A site_url as MkDocs keeps it: ending in "/" (None when unset or empty)."""
    if not url or not isinstance(url, str):
        return None
    return url if url.endswith("/") else url + "/"


@dataclass
class Publication:
    """The outcome of the pipeline: the validation (with its warnings), what was computed, and the
    page tree {source path: text}."""

    validation: Validation
    context: SiteContext
    tree: dict[str, str] = field(repr=False)
    templates: tuple = ()  # the catalogue's own templates as they were, and the page size (publish/preview.py)
    parts: dict | None = field(default=None, repr=False)  # a preview's catalogue.json parts (render/parts.py)


def render_catalogue(root: Path, options: SiteOptions, today: dt.date | None = None,
                     jobs: int | None = None, previous: Publication | None = None,
                     kept: KeptRuns | None = None) -> Publication:
    """Validate, compute and render a catalogue; raise InvalidCatalogueError if it has errors.
    Given the `previous` publication (a preview's last build), pattern and organisation pages
    the change cannot have altered are taken from it instead of rendered again; given `kept` (a
    preview's), validation reads again only the files whose status changed (validate/kept.py)."""
    # Load and validate: the same run as `catalogue validate` (or the one `catalogue build` made
    # before starting MkDocs, taken instead of reading the files again).
    validation = _prevalidated(root, today) or validate_catalogue(root, today=today, kept=kept)
    if not validation.result.success:
        raise InvalidCatalogueError(validation.result)
    # Compute reuse, maturity and timelines once, for every page, chart and export to read.
    # The issue forms give the site's contribution links their questions (render/contribute.py).
    forms = load_forms(CatalogueRoot.at(root).forms) if options.intake_email or options.repo_url else {}
    context = build_context(validation.catalogue, validation.today or default_today(), repo_url=options.repo_url,
                            edit_branch=options.edit_branch, site_url=options.site_url,
                            directory_urls=options.directory_urls, intake_email=_intake_email(options),
                            forms=forms, previous=previous.context if previous else None)
    # Render every page and data file (in a preview, only the pages the change can alter); the
    # search index is built from the finished pages.
    # What every page is rendered with besides the catalogue: its templates, and the page size
    # long lists are split by (a page kept from a build with another size would be split wrongly).
    stamp = (template_stamp(options.templates), _page_size(options))
    reuse = reusable_pages(previous.context, previous.tree, context, previous.templates == stamp, bool(stamp[0]),
                           _page_size(options)) if previous else None
    parts = ((previous.parts if previous else None) or {}) if kept is not None else None
    with kept_parts(parts):  # a preview's catalogue.json, from the unchanged patterns' parts
        tree = render_site(context, options.templates, jobs, _page_size(options), reuse)
    return Publication(validation, context, tree, stamp, parts)


def _intake_email(options: SiteOptions) -> str | None:
    """The plugin's intake_email, if it is a mailbox address; ConfigError otherwise."""
    address = options.intake_email
    if address is not None and (not isinstance(address, str) or not is_email(address)):
        raise ConfigError(f"intake_email {address!r} in the catalogue plugin's options is not an email address "
                          "(e.g. patterns@example.nhs.uk)")
    return address


def _page_size(options: SiteOptions) -> int:
    """The plugin's page_size, if it is a whole number of at least 1 row; ConfigError otherwise."""
    size = options.page_size
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise ConfigError(f"page_size {size!r} in the catalogue plugin's options is not a whole number of "
                          "rows of at least 1 (e.g. 100)")
    return size


# A validation made before MkDocs started, for the plugin to take instead of reading again.
_VALIDATED: ContextVar[Validation | None] = ContextVar("catalogue_validation", default=None)


@contextmanager
def prevalidated(validation: Validation | None):
    """Within the block, the pipeline takes `validation` for the same root and day: `catalogue
    build` validates first, to report errors with exit status 1, and then the plugin runs the
    pipeline; a large catalogue takes seconds to read, so it is read once."""
    token = _VALIDATED.set(validation)
    try:
        yield
    finally:
        _VALIDATED.reset(token)


def _prevalidated(root: Path, today: dt.date | None) -> Validation | None:
    found = _VALIDATED.get()
    if found is None or found.root.resolve() != Path(root).resolve():
        return None
    return found if found.today == (today or default_today()) else None
