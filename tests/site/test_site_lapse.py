"""A declared level that lapsed with its review (issue 10 item 4): the catalogue still builds, and
the pattern page shows the level the evidence supports today, with a notice saying why. Built
from the FICTIONAL maturity-lapsed fixture, in a catalogue started by `catalogue init`."""

from __future__ import annotations

import datetime as dt
import shutil

import sitehtml

FIXTURE = sitehtml.REPO / "tests" / "fixtures" / "core" / "invalid" / "maturity-lapsed"


def test_a_lapsed_level_builds_and_the_page_says_so(tmp_path, monkeypatch):
    from generator.publish.build import build_site
    from generator.edit.newcatalogue import create_catalogue

    root = tmp_path / "catalogue"
    create_catalogue(root, "Fictional lapse catalogue")
    shutil.copy(FIXTURE / "organisations.yaml", root / "organisations.yaml")
    shutil.copy(FIXTURE / "patterns" / "fictional-example.yaml", root / "patterns" / "fictional-example.yaml")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 6, 30, tzinfo=dt.timezone.utc).timestamp())))
    site = build_site(root, tmp_path / "site")
    article = sitehtml.parse((site / "patterns" / "fictional-example" / "index.html").read_text()).one("article")
    notice = article.one("div", "pc-lapse-notice")
    assert "declares Reused" in notice.text() and "The last review was on 1 May 2025" in notice.text()
    assert [t.attrs["datetime"] for t in notice.find_all("time")][:1] == ["2025-05-01"]
    assert "since 2 May 2026 the evidence supports Established" in notice.text()
    facts = article.one("dl", "pc-facts")
    assert [b.text() for b in facts.find_all("span", "pc-badge")] == ["Established"]
