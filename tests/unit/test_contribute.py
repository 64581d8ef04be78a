"""Unit tests for generator/render/contribute.py and its partials: "We use this pattern" and
"Propose a pattern" offered as the GitHub issue form (fields filled in by id), as an email whose
body holds the form's questions, or in words when the catalogue has neither; "Edit this pattern"
second. Links are checked as URLs, as HTML attributes, and against hostile titles. Uses the
FICTIONAL demo catalogue and the repository's own issue forms."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from generator.issueforms import load_forms, read_submission
from generator.render.context import build_context
from generator.render.contribute import mailto, propose_links, record_use_links
from generator.render.pages import render_site

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "tests" / "fixtures" / "site" / "demo"
TODAY = dt.date(2026, 11, 26)
REPO_URL = "https://github.com/example-org/fictional-catalogue"
EMAIL = "patterns@example.org"
FORMS = load_forms(REPO / ".github" / "ISSUE_TEMPLATE")
PAGE = "patterns/fictional-rota-app.md"


@pytest.fixture(scope="module")
def catalogue(demo_catalogue):
    return demo_catalogue  # tests/unit/conftest.py


def context(catalogue, **options):
    return build_context(catalogue, TODAY, **options)


class Links(HTMLParser):
    """Every <a>'s href and text, as a browser would read them."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, str]] = []
        self._href: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href = dict(attrs).get("href")
            self.found.append((self._href, ""))

    def handle_data(self, data):
        if self._href is not None:
            href, text = self.found[-1]
            self.found[-1] = (href, text + data)

    def handle_endtag(self, tag):
        if tag == "a":
            self._href = None

    def by_text(self) -> dict[str, str]:
        return {text.strip(): href for href, text in self.found}


def mail_parts(url: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    query = parse_qs(parts.query, strict_parsing=True)
    return unquote(parts.path), {k: v[0] for k, v in query.items()}


def test_the_form_link_opens_the_record_adoption_form_with_the_pattern_filled_in(catalogue):
    ctx = context(catalogue, repo_url=REPO_URL + "/", forms=FORMS)
    links = record_use_links(ctx, ctx.by_id["fictional-rota-app"])
    form = urlsplit(links.form)
    assert f"{form.scheme}://{form.netloc}{form.path}" == f"{REPO_URL}/issues/new"
    assert parse_qs(form.query) == {"template": ["record-adoption.yml"], "pattern": ["fictional-rota-app"],
                                    "title": [FORMS["record-adoption.yml"].title + "Self-service staff rota app"]}
    # `pattern` is the id the form gives that question: the one GitHub fills from the query.
    assert FORMS["record-adoption.yml"].question("pattern") is not None
    assert links.edit == f"{REPO_URL}/edit/main/patterns/fictional-rota-app.yaml"
    assert links.email is None and links.adopt == links.form


def test_without_forms_the_link_still_names_the_form_and_the_pattern(catalogue):
    ctx = context(catalogue, repo_url=REPO_URL, edit_branch="release/2026")
    links = record_use_links(ctx, ctx.by_id["fictional-rota-app"])
    assert parse_qs(urlsplit(links.form).query) == {"template": ["record-adoption.yml"],
                                                   "pattern": ["fictional-rota-app"]}
    assert links.edit == f"{REPO_URL}/edit/release/2026/patterns/fictional-rota-app.yaml"


def test_the_email_holds_the_forms_questions_and_reads_back_as_the_form(catalogue):
    ctx = context(catalogue, intake_email=EMAIL, forms=FORMS)
    links = record_use_links(ctx, ctx.by_id["fictional-rota-app"])
    assert links.form is None and links.edit is None
    address, fields = mail_parts(links.email)
    assert address == EMAIL and set(fields) == {"subject", "body"}
    assert fields["subject"] == "We use the pattern: Self-service staff rota app"
    body = fields["body"]
    assert "\r\n" in body and "\n" not in body.replace("\r\n", "")  # RFC 6068 line breaks
    for question in FORMS["record-adoption.yml"].questions:
        assert f"### {question.label}\r\n" in body
    # What a reader sends back is what `catalogue intake` reads: the same form, the pattern answered.
    submission = read_submission(body, FORMS)
    assert submission.form.file == "record-adoption.yml"
    assert submission.answers["pattern"] == "fictional-rota-app"
    assert submission.answers["status"] is None


def test_the_proposal_email_holds_the_propose_form(catalogue):
    ctx = context(catalogue, intake_email=EMAIL, forms=FORMS)
    _, fields = mail_parts(propose_links(ctx).email)
    assert read_submission(fields["body"], FORMS).form.file == "propose-pattern.yml"
    assert "Area of practice: one of strategy, delivery" in fields["body"]


@pytest.mark.parametrize("title", ['Rota "app" <script>alert(1)</script> & more',
                                   "Line\r\nbreak?subject=x&body=y#z", "a%20b %0A é \u2028"])
def test_text_in_an_email_link_stays_inside_it(title):
    url = mailto(EMAIL, f"We use the pattern: {title}", f"Pattern: {title}\n")
    assert not any(c in url for c in ' "<>\'\r\n\u2028')
    _, fields = mail_parts(url)
    assert fields == {"subject": f"We use the pattern: {title}", "body": f"Pattern: {title}\r\n"}


def test_a_hostile_title_cannot_leave_the_href_on_the_page(catalogue):
    """The demo's hostile entry has markup and quotes in its title: the page's links, read as a
    browser reads them, are still exactly the links made for it."""
    ctx = context(catalogue, repo_url=REPO_URL, intake_email=EMAIL, forms=FORMS)
    view = ctx.by_id["fictional-hostile-entry"]
    page = render_site(ctx)[view.page]
    found = Links(page).by_text()
    links = record_use_links(ctx, view)
    assert found["We use this pattern"] == links.form
    assert found["Tell us by email"] == links.email
    _, fields = mail_parts(found["Tell us by email"])
    assert fields["subject"] == f"We use the pattern: {view.pattern.title}"


@pytest.mark.parametrize("options, buttons", [
    ({"repo_url": REPO_URL, "intake_email": EMAIL}, ["We use this pattern", "Tell us by email", "Edit this pattern"]),
    ({"repo_url": REPO_URL}, ["We use this pattern", "Edit this pattern"]),
    ({"intake_email": EMAIL}, ["We use this pattern"]),
    ({}, []),
])
def test_the_pattern_page_offers_each_way_the_catalogue_has(catalogue, options, buttons):
    page = render_site(context(catalogue, forms=FORMS, **options))[PAGE]
    section = page[page.index('id="reuse-this-pattern"'):]
    shown = [text.strip() for _, text in Links(section).found if text.strip() in
             ("We use this pattern", "Tell us by email", "Edit this pattern")]
    assert shown == buttons
    if not buttons:
        assert "Ask the people who run this catalogue to record it" in section
    if options.get("intake_email") and not options.get("repo_url"):
        assert Links(section).by_text()["We use this pattern"].startswith(f"mailto:{EMAIL}?")
    # A pattern with no adoption yet points down to the way to record one.
    empty = render_site(context(catalogue, forms=FORMS, **options))["patterns/fictional-paper-referrals.md"]
    assert '<a href="#reuse-this-pattern">tell the catalogue</a>' in empty


@pytest.mark.parametrize("options, buttons", [
    ({"repo_url": REPO_URL, "intake_email": EMAIL}, ["Propose a pattern", "Propose it by email"]),
    ({"intake_email": EMAIL}, ["Propose a pattern"]),
    ({}, []),
])
def test_home_and_catalogue_pages_offer_to_propose_a_pattern(catalogue, options, buttons):
    tree = render_site(context(catalogue, forms=FORMS, **options))
    for page in ("index.md", "patterns/index.md"):
        block = tree[page][tree[page].index('class="pc-propose"'):]
        block = block[:block.index("</div>")]
        assert [text.strip() for _, text in Links(block).found] == buttons
        if not buttons:
            assert "tell the people who run this catalogue" in block
