"""Plugin options, typed, as `plugins: - catalogue: {...}` in mkdocs.yml."""

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from generator.publish.searchindex import SHARD_PAGES


class CatalogueConfig(Config):
    enabled = opt.Type(bool, default=True)

    # Where the catalogue lives, relative to mkdocs.yml: patterns/ and organisations.yaml.
    root = opt.Type(str, default=".")

    # A folder of Jinja2 templates, relative to mkdocs.yml, that override the packaged ones by name.
    templates = opt.Optional(opt.Type(str))

    # Repository for "We use this pattern" (the record-adoption issue form), "Propose a pattern"
    # and "Edit this pattern" links (GitHub URL), and its branch.
    # Kept apart from MkDocs' repo_url because Material fetches repository facts from the
    # GitHub API for repo_url, which would be a third-party request from every reader.
    repo_url = opt.Optional(opt.Type(str))
    edit_branch = opt.Type(str, default="main")

    # A mailbox for readers without a GitHub account: pattern pages then offer "We use this pattern",
    # and the home and catalogue pages "Propose a pattern", as an email with the form's questions.
    intake_email = opt.Optional(opt.Type(str))

    # Rows of a long list on one page: the catalogue page's first rows and each part of a split
    # list (a category, a region, the organisations...); see generator/render/paging.py.
    page_size = opt.Type(int, default=100)

    # Indexed pages per shard of the search index: a larger site's index is split into shards that
    # the search page searches together (publish/searchindex.py says why, and what it costs).
    search_shard_size = opt.Type(int, default=SHARD_PAGES)
