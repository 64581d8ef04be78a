"""Plugin, event wiring: run the catalogue's pipeline (publish/pipeline.py) when MkDocs gathers its
files, and hand the pages to MkDocs as in-memory files. Nothing is written to docs/.

Generated pages are finished HTML under a front matter. MkDocs reads the front matter (title,
description, tags), but the body never goes through Python-Markdown: the build session takes it
before conversion and gives it back as the page's content (plugin/session.py), so no contributor
text rendered by the generator can be read as Markdown (or attr_list attributes) a second time.
Every catalogue error becomes a PluginError naming the file, line and rule."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from generator.errors import CatalogueError, InvalidCatalogueError
from generator.layout import CatalogueRoot
from generator.plugin.config import CatalogueConfig
from generator.plugin.navigation import add_pages_after_catalogue, footer_links
from generator.plugin.preview import STAGING, DirtyNotice, Preview, clear_bundle
from generator.plugin.session import SiteBuild
from generator.publish.outputdir import check_mkdocs_site_dir, write_marker
from generator.publish.pipeline import SiteOptions, render_catalogue
from generator.publish.searchindex import BUNDLE, shard_count
from generator.render.pages import CSS, JS, category_pages
from generator.report import format_problem, text_report

log = logging.getLogger(f"mkdocs.plugins.{__name__}")
# Theme overrides: Material's header with the catalogue's search form in place of Material's, its
# navigation partial rendered once per place for pages outside the nav, and its footer with links
# to the About page, accessibility statement and privacy notice.
THEME_DIR = Path(__file__).resolve().parent.parent / "theme"


def _plugin_error(step):
    """Run one step; a catalogue error becomes the PluginError MkDocs reports."""
    try:
        return step()
    except InvalidCatalogueError as exc:
        raise PluginError("catalogue has errors:\n" + text_report(exc.result).rstrip()) from exc
    except CatalogueError as exc:
        raise PluginError(f"catalogue: {exc}") from exc


class CataloguePlugin(BasePlugin[CatalogueConfig]):
    session: SiteBuild | None = None
    preview: Preview | None = None  # kept across the builds of `catalogue serve` (MkDocs keeps the plugin)

    def on_startup(self, *, command, dirty):
        """Under `catalogue serve` (MkDocs' serve with dirty builds), each build after the first
        rebuilds only what the edit changed (plugin/preview.py)."""
        self.on_shutdown()
        self.preview = Preview() if command == "serve" and dirty else None
        builder_log = logging.getLogger("mkdocs.commands.build")
        if self.preview and not any(isinstance(f, DirtyNotice) for f in builder_log.filters):
            builder_log.addFilter(DirtyNotice())

    def on_shutdown(self):
        if self.preview:
            self.preview.reset()
        self.preview = None

    def on_config(self, config):
        """Resolve the catalogue root, refuse a site_dir that could remove a source, and add the
        catalogue's stylesheet, script and theme overrides."""
        self.session = None
        if not self.config.enabled:
            return config
        base = Path(config.config_file_path or ".").resolve().parent
        self.root = (base / self.config.root).resolve()
        check_mkdocs_site_dir(self.root, config)  # before MkDocs empties site_dir
        _plugin_error(lambda: shard_count(0, self.config.search_shard_size))  # a bad option, before any work
        self.options = SiteOptions(
            repo_url=self.config.repo_url, edit_branch=self.config.edit_branch,
            intake_email=self.config.intake_email, page_size=self.config.page_size,
            site_url=config.site_url or None, directory_urls=config.use_directory_urls,
            templates=(base / self.config.templates).resolve() if self.config.templates else None)
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
        """Run the pipeline and add every generated page and data file; warnings are shown but do
        not fail a --strict build (they are logged at info level)."""
        if not self.config.enabled:
            return files
        previous = self.preview.publication if self.preview else None
        publication = _plugin_error(lambda: render_catalogue(self.root, self.options, previous=previous, kept=self.preview and self.preview.kept))
        for problem in publication.validation.result.warnings:
            log.info("%s", format_problem(problem))
        self.session = _plugin_error(lambda: SiteBuild(publication.tree, files, config, self.preview is not None,
                                                       self.config.search_shard_size))
        if self.preview:
            self.preview.start(publication, files, config)
            self.session.deferred = not self.preview.everything
        self.menu = category_pages(publication.context)
        return files

    def on_nav(self, nav, config, files):
        """The category pages that hold a pattern join the menu after the catalogue page."""
        if self.session:
            add_pages_after_catalogue(nav, files, self.menu)
        self.nav = nav
        return nav

    def on_env(self, env, config, files):
        """Every page is converted by now: the search index is written while MkDocs renders the
        theme (under a preview that converted only some pages, aside, from every page's document).
        And a fresh cache for the navigation HTML shared by pages outside the nav, and the
        footer's links."""
        footer = footer_links(files, self.config.repo_url)
        if self.session and self.preview:
            self.preview.settle(self.nav, files, footer)
            documents = self.preview.search_documents(self.session.documents, files)
            if self.session.deferred:  # written aside after the build, then swapped in
                clear_bundle(Path(config.site_dir) / STAGING)
                self.preview.hold(documents)  # sent to Pagefind after the build (plugin/preview.py)
            else:
                clear_bundle(Path(config.site_dir) / BUNDLE)
        if self.session and not self.session.deferred:
            _plugin_error(lambda: self.session.write_index(config.site_dir))
        self.files = files
        env.globals["catalogue_nav_cache"] = {}
        env.globals["catalogue_footer_links"] = footer
        return env

    @event_priority(100)
    def on_page_markdown(self, markdown, page, config, files):
        """Take a generated page's body out of Markdown's way (run first, before other plugins)."""
        return self.session.take_body(page, markdown) if self.session else markdown

    def on_page_content(self, html, page, config, files):
        """A generated page's content is its own finished HTML; every page goes to the index."""
        if not self.session:
            return html
        return _plugin_error(lambda: self.session.converted_page(page, html))

    @event_priority(-100)
    def on_post_page(self, output, page, config):
        """Count rendered pages for the progress line on a terminal, and let go of a generated
        page's text (session.py); run last, so that other plugins still see the page's content."""
        if self.session:
            self.session.rendered_page(page)
        return output

    def on_post_build(self, config):
        """Wait for the search index (site/pagefind/) to be written; fail the build if it was not.
        A preview's partial build does not wait: the index is swapped in when it is complete."""
        if self.session and self.session.deferred:
            self.preview.index_later(self.session.hand_over(), config.site_dir)
        elif self.session:
            _plugin_error(self.session.finish)
        if self.session and self.preview:
            self.preview.finish(self.files, config.site_dir)

    def on_build_error(self, error):
        """Stop the search indexer of a build that failed part way; a preview rebuilds everything next."""
        if self.session:
            self.session.abort()
        if self.preview:
            self.preview.reset()

    def on_serve(self, server, config, builder):
        """Rebuild when a pattern or the registry changes (run after MkDocs adds its own watches)."""
        if not self.config.enabled:
            return server
        catalogue = CatalogueRoot.at(self.root)
        server.watch(str(catalogue.patterns))
        server.watch(str(catalogue.registry))
        if self.options.templates:
            server.watch(str(self.options.templates))
        return server
