"""Plugin, event wiring: validate the catalogue with the same code as `catalogue validate`, render
it with the pure page functions, and add the pages as in-memory files. Nothing is written to docs/.

Generated pages are finished HTML under a front matter. MkDocs reads the front matter (title,
description, tags), but the body never goes through Python-Markdown: the plugin takes it before
conversion and gives it back as the page's content, so no contributor text rendered by the
generator can be read as Markdown (or attr_list attributes) a second time."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

from generator.dates import today
from generator.errors import CatalogueError
from generator.publish.outputdir import check_mkdocs_site_dir, write_marker
from generator.plugin.config import CatalogueConfig
from generator.progress import progress_printer
from generator.render.context import build_context
from generator.render.pages import CSS, JS, indexed, render_site
from generator.render.toc import anchor_ids, toc_tokens
from generator.report import text_report
from generator.errors import SearchIndexError
from generator.publish.searchindex import BUNDLE, SearchIndexer, search_document
from generator.layout import CatalogueRoot
from generator.validate.catalogue import validate_catalogue

log = logging.getLogger(f"mkdocs.plugins.{__name__}")
# Theme overrides: Material's header with the catalogue's search form in place of Material's, and
# its navigation partial rendered once per place for pages outside the nav.
THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
NAV_CACHE = dict  # tests swap in a cache that never keeps anything, to compare the pages


class CataloguePlugin(BasePlugin[CatalogueConfig]):
    def on_config(self, config):
        """Resolve the catalogue root and add the catalogue's stylesheet and script."""
        self._progress, self._generated, self._bodies, self._search = None, set(), {}, None
        self._rendering = None
        if not self.config.enabled:
            return config
        base = Path(config.config_file_path or ".").resolve().parent
        self.root = (base / self.config.root).resolve()
        check_mkdocs_site_dir(self.root, config)  # before MkDocs empties site_dir
        self.templates = (base / self.config.templates).resolve() if self.config.templates else None
        config.extra_css.append(CSS)
        config.extra_javascript.append(JS)
        # After the catalogue's own custom_dir, if it has one, so its overrides still win.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        return config

    def on_pre_build(self, config):
        """Mark site_dir as the catalogue's before MkDocs empties it (MkDocs keeps dot-files)."""
        if self.config.enabled:
            write_marker(Path(config.site_dir))

    def on_files(self, files, config):
        """Validate and render the catalogue; fail the build with located messages on any error."""
        if not self.config.enabled:
            return files
        try:
            validation = validate_catalogue(self.root)
        except CatalogueError as exc:
            raise PluginError(f"catalogue: {exc}") from exc
        result = validation.result
        if not result.success:
            raise PluginError("catalogue has errors:\n" + text_report(result).rstrip())
        for problem in result.warnings:
            # Warnings (an overdue review) are shown, but must not fail a --strict build.
            log.info("%s:%s:%s: warning: [%s] %s", problem.path, problem.line, problem.col,
                     problem.rule, problem.message)
        ctx = build_context(validation.catalogue, today(), repo_url=self.config.repo_url,
                            edit_branch=self.config.edit_branch, site_url=config.site_url or None,
                            directory_urls=config.use_directory_urls)
        self._generated = set()
        for path, content in render_site(ctx, self.templates).items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                raise PluginError(f"catalogue: {path} is generated; remove it from {config.docs_dir}")
            files.append(File.generated(config, path, content=content))
            self._generated.add(path)
        self._pages_done, self._pages_total = 0, len(files.documentation_pages())
        # Two passes over the pages on a terminal: MkDocs converts them all, then renders the theme.
        self._progress = progress_printer("converted pages")
        self._rendering, self._pages_rendered = progress_printer("rendered pages"), 0
        # Started after validation and rendering, which fork worker processes only while no other
        # thread runs (the indexer's reply reader is one); from here Pagefind indexes pages while
        # MkDocs converts and renders the rest.
        self._search = self._guard(SearchIndexer)
        return files

    def on_env(self, env, config, files):
        """Every page is converted by now: have the search index written while MkDocs renders the
        theme. And a fresh cache for the navigation HTML shared by pages outside the nav."""
        if self._search:
            self._guard(lambda: self._search.write(Path(config.site_dir) / BUNDLE))
        env.globals["catalogue_nav_cache"] = NAV_CACHE()
        return env

    @event_priority(100)
    def on_page_markdown(self, markdown, page, config, files):
        """Take a generated page's finished HTML out of Markdown's way (run first, before any other
        plugin sees the body): Python-Markdown converts an empty page instead."""
        if not self.config.enabled or page.file.src_uri not in self._generated:
            return markdown
        self._bodies[page.file.src_uri] = markdown
        return ""

    def on_page_content(self, html, page, config, files):
        """A generated page's content is its finished HTML, with a contents list made from its
        headings; count pages for the progress line on a terminal."""
        if not self.config.enabled:
            return html
        body = self._bodies.pop(page.file.src_uri, None)
        if body is not None:
            html = body
            page.toc = get_toc(toc_tokens(body))
            page.present_anchor_ids = anchor_ids(body)
        if self._progress:
            self._pages_done += 1
            self._progress(self._pages_done, self._pages_total)
        if self._search and indexed(page.file.src_uri):
            document = search_document(page.title or "", html, page.meta.get("tags") or [],
                                       config.theme.get("language") or "en")
            self._guard(lambda: self._search.add("/" + page.url, document))
        return html

    def on_post_page(self, output, page, config):
        """Count rendered pages for the progress line on a terminal."""
        if self._rendering:
            self._pages_rendered += 1
            self._rendering(self._pages_rendered, self._pages_total)
        return output

    def on_post_build(self, config):
        """Wait for the search index (site/pagefind/) to be written; fail the build if it was not."""
        if self._search:
            search, self._search = self._search, None
            self._guard(search.wait)

    def on_build_error(self, error):
        """Stop the search indexer of a build that failed part way."""
        if self._search:
            self._search.close()
            self._search = None

    @staticmethod
    def _guard(step):
        try:
            return step()
        except SearchIndexError as exc:
            raise PluginError(f"catalogue: {exc}") from exc

    def on_serve(self, server, config, builder):
        """Rebuild when a pattern or the registry changes (run after MkDocs adds its own watches)."""
        if not self.config.enabled:
            return server
        catalogue = CatalogueRoot.at(self.root)
        server.watch(str(catalogue.patterns))
        server.watch(str(catalogue.registry))
        if self.templates:
            server.watch(str(self.templates))
        return server
