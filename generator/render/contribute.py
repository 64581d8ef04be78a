"""Render, ways to contribute from the site: "We use this pattern" on every pattern page and
"Propose a pattern" on the home and catalogue pages, each offered in the ways the catalogue has.

- With the plugin's `repo_url`: the GitHub issue form, opened with what the page knows filled in
  (GitHub fills a form's fields from query parameters named by the fields' ids).
- With `intake_email`: an email, its subject and body ready, the body holding the form's questions
  as `### Label` headings (the format GitHub writes, which `catalogue intake` reads).
- With neither, the templates say in plain words whom to ask (_record_use.j2, _propose.j2).
"Edit this pattern" on GitHub is offered after them, for contributors who use GitHub.

Every value in a link is percent-encoded here, and the templates autoescape the link, so no
text a contributor wrote (a title in a subject, say) can end the attribute it sits in.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from generator.issueforms import Form, write_body

RECORD_FORM, PROPOSE_FORM = "record-adoption.yml", "propose-pattern.yml"


@dataclass(frozen=True)
class Routes:
    """The links for one action: the GitHub issue form, an email, and editing on GitHub (each
    None when the catalogue has no such way)."""

    form: str | None = None
    email: str | None = None
    edit: str | None = None

    @property
    def adopt(self) -> str | None:
        """The form's link, by the name templates before the email route used."""
        return self.form

    def __bool__(self) -> bool:
        return bool(self.form or self.email)


def mailto(address: str, subject: str, body: str) -> str:
    """A mailto: URL (RFC 6068): every character outside the unreserved set percent-encoded, line
    breaks as CRLF, so the URL holds no space, quote, angle bracket or raw line break."""
    query = urlencode({"subject": subject, "body": body.replace("\r\n", "\n").replace("\n", "\r\n")},
                      quote_via=quote, safe="")
    return f"mailto:{quote(address, safe='@')}?{query}"


def issue_form_url(repo_url: str, form_file: str, fields: dict[str, str]) -> str:
    """The new-issue page of `repo_url` with a form chosen and its fields filled in by id."""
    query = urlencode({"template": form_file, **fields}, quote_via=quote)
    return f"{repo_url.rstrip('/')}/issues/new?{query}"


def email_body(form: Form | None, answers: dict[str, str], fallback: str) -> str:
    """An email's body: the form's questions as headings, `answers` filled in, after a line on how
    to answer (and the choices of each list); `fallback` when the catalogue has no such form."""
    if form is None:
        return fallback
    choices = [f"{q.label}: one of {', '.join(q.options)}." for q in form.questions
               if q.kind == "dropdown"]
    intro = "\n".join(["Answer under each heading, and keep the headings as they are. Leave out any "
                       "question that does not apply.", *choices,
                       "To confirm a statement at the end, put an X in its box: [X]."])
    return write_body(form, answers, empty="", intro=intro)


def record_use_links(ctx, view) -> Routes:
    """"We use this pattern" and "Edit this pattern" for one pattern's page."""
    pattern = view.pattern
    form = ctx.forms.get(RECORD_FORM)
    fields = {"pattern": pattern.id}
    if form is not None and form.title:
        fields = {"title": f"{form.title}{pattern.title}", **fields}
    fallback = (f"Pattern: {pattern.id} ({pattern.title})\n\nOur organisation (its name and ODS code):\n\n"
                "How far we are with it (exploring, piloting, in use or retired), and since when:\n\n"
                "A public link that shows it:\n")
    repo = ctx.repo_url.rstrip("/") if ctx.repo_url else None
    return Routes(
        form=issue_form_url(repo, RECORD_FORM, fields) if repo else None,
        email=mailto(ctx.intake_email, f"We use the pattern: {pattern.title}",
                     email_body(form, {"pattern": pattern.id}, fallback)) if ctx.intake_email else None,
        edit=f"{repo}/edit/{quote(ctx.edit_branch)}/patterns/{quote(pattern.id)}.yaml" if repo else None)


def propose_links(ctx) -> Routes:
    """"Propose a pattern", for the home and catalogue pages."""
    form = ctx.forms.get(PROPOSE_FORM)
    fallback = ("The practice, in a few words:\n\nThe problem it solved:\n\nWhat you did:\n\n"
                "What it costs or risks:\n\nYour organisation (its name and ODS code):\n\n"
                "The team to contact, with its shared mailbox or web page:\n")
    return Routes(
        form=issue_form_url(ctx.repo_url, PROPOSE_FORM, {}) if ctx.repo_url else None,
        email=mailto(ctx.intake_email, "Pattern proposal", email_body(form, {}, fallback))
        if ctx.intake_email else None)
