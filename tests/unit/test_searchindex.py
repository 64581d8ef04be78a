"""Unit tests for generator/publish/searchindex.py and publish/pagefind.py: the document handed to
Pagefind for each page, a real round trip through `pagefind --service` (the binary of the
pagefind_bin package), one index or several shards, and failures that surface as
SearchIndexError (a located build error) rather than a hang or another traceback."""

from __future__ import annotations

import gzip
import json
import threading
from pathlib import Path

import pytest

from generator.publish import pagefind
from generator.errors import CatalogueError
from generator.errors import ConfigError, SearchIndexError
from generator.publish.searchindex import (BUNDLE, SHARD_LIST, SHARD_PAGES, SearchIndexer, search_document,
                                          shard_count, shard_of)

SIGNATURE = b"pagefind_dcd"


@pytest.fixture(autouse=True)
def reply_readers_end():
    """The reader threads a test starts end with their Pagefind process (a thread left running
    would stop later builds from forking their workers)."""
    before = set(threading.enumerate())
    yield
    for thread in set(threading.enumerate()) - before:
        if thread.name == "pagefind-replies":
            thread.join(timeout=10)
            assert not thread.is_alive(), "the reply reader outlived its Pagefind process"


def records(bundle: Path) -> dict[str, dict]:
    """Pagefind's per-page records (fragment/*.pf_fragment: gzip, a signature, JSON), by URL."""
    found = {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(SIGNATURE), path
        record = json.loads(raw[len(SIGNATURE):])
        found[record["url"]] = record
    return found


def finishes(step, timeout: float = 20):
    """Run step in a thread: (finished, exception raised or None). A hang shows as not finished."""
    outcome = {}

    def run():
        try:
            outcome["value"] = step()
        except BaseException as exc:  # noqa: BLE001 - the test looks at what it was
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout)
    return not thread.is_alive(), outcome.get("error")


# ---------------------------------------------------------------- search_document

def test_search_document_adds_the_title_as_h1_when_the_content_has_none():
    doc = search_document("Fictional &amp; title", "<p>Some words.</p>")
    assert "<article><h1>Fictional &amp; title</h1><p>Some words.</p></article>" in doc
    assert doc.count("<h1") == 1


def test_search_document_keeps_the_contents_own_h1():
    """Pagefind takes the page title from the first h1; a second one would index the title twice."""
    doc = search_document("Other title", '<h1 id="x">Fictional heading</h1><p>Words.</p>')
    assert doc.count("<h1") == 1
    assert "Other title" not in doc
    assert '<article><h1 id="x">Fictional heading</h1>' in doc


def test_search_document_escapes_tags_and_keeps_the_lang():
    doc = search_document("T", "<p>c</p>", ["booking", "<script>alert(1)</script>", 7], lang="cy")
    assert '<html lang="cy">' in doc
    assert "<span>booking</span> " in doc and "<span>7</span> " in doc
    assert "<span>&lt;script&gt;alert(1)&lt;/script&gt;</span>" in doc
    assert "<script>" not in doc
    assert doc.index("<p><span>") > doc.index("<p>c</p>")  # the tags come after the content, in one paragraph


def test_search_document_escapes_the_lang_and_leaves_out_empty_tags():
    doc = search_document("T", "<p>c</p>", lang='en"><script>')
    assert '<html lang="en&quot;&gt;&lt;script&gt;">' in doc
    assert "<span>" not in doc and "<p></p>" not in doc


# ---------------------------------------------------------------- a real Pagefind round trip

def test_round_trip_writes_a_bundle_with_both_pages(tmp_path):
    bundle = tmp_path / "site" / BUNDLE
    indexer = SearchIndexer()
    indexer.add("/patterns/fictional-alpha/", search_document(
        "Fictional alpha &amp; beta", "<p>A fictional summary about rota planning.</p>", ["rota"]))
    indexer.add("/organisations/ZZ1/", search_document(
        "Ignored title", "<h1>Fictional Trust</h1><p>A fictional organisation.</p>"))
    indexer.write(bundle)
    indexer.wait()
    assert indexer._proc.poll() is not None, "wait() ends the Pagefind process"
    assert (bundle / "pagefind-entry.json").is_file()
    assert json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]
    found = records(bundle)
    assert sorted(found) == ["/organisations/ZZ1/", "/patterns/fictional-alpha/"]
    assert found["/patterns/fictional-alpha/"]["meta"]["title"] == "Fictional alpha & beta"
    assert "rota planning" in found["/patterns/fictional-alpha/"]["content"]
    assert found["/organisations/ZZ1/"]["meta"]["title"] == "Fictional Trust"


# ---------------------------------------------------------------- shards

def test_one_shard_up_to_the_limit_then_one_more_for_each_limit_more():
    assert [shard_count(n) for n in (0, 1, SHARD_PAGES)] == [1, 1, 1]
    assert shard_count(SHARD_PAGES + 1) == 2
    assert shard_count(12_027) == -(-12_027 // SHARD_PAGES)
    assert shard_count(10, per_shard=3) == 4


@pytest.mark.parametrize("size", [0, -5])
def test_a_shard_size_below_one_is_a_config_error(size):
    with pytest.raises(ConfigError, match="search_shard_size"):
        shard_count(10, per_shard=size)


def test_a_page_keeps_its_shard_and_pages_spread_over_every_shard():
    urls = [f"/patterns/fictional-{n}/" for n in range(800)]
    assert [shard_of(u, 8) for u in urls] == [shard_of(u, 8) for u in list(urls)]
    counts = [sum(1 for u in urls if shard_of(u, 8) == k) for k in range(8)]
    assert min(counts) > 60, counts  # 100 each on average
    assert {shard_of(u, 1) for u in urls} == {0}


def test_shards_are_written_apart_and_hold_every_page_once(tmp_path):
    bundle = tmp_path / "site" / BUNDLE
    urls = [f"/patterns/fictional-{n}/" for n in range(40)]
    indexer = SearchIndexer(shards=3)
    for n, url in enumerate(urls):
        indexer.add(url, search_document(f"Fictional pattern {n}", f"<p>Fictional words about rota {n}.</p>"))
    indexer.write(bundle)
    indexer.wait()
    assert indexer._proc.poll() is not None
    assert json.loads((bundle / SHARD_LIST).read_text(encoding="utf-8")) == ["shard-1/", "shard-2/"]
    folders = [bundle, bundle / "shard-1", bundle / "shard-2"]
    found = [records(folder) for folder in folders]
    assert sorted(u for part in found for u in part) == sorted(urls)
    for number, part in enumerate(found):
        assert part and all(shard_of(u, 3) == number for u in part), number
    # A merged shard holds only what mergeIndex reads: no second engine, script or style.
    assert (bundle / "pagefind.js").is_file() and list(bundle.glob("wasm.*"))
    for folder in folders[1:]:
        assert (folder / "pagefind-entry.json").is_file() and list(folder.glob("*.pf_meta"))
        assert not list(folder.glob("*.js")) and not list(folder.glob("wasm.*")) and not list(folder.glob("*.css"))


def test_one_index_lists_no_shards(tmp_path):
    bundle = tmp_path / BUNDLE
    indexer = SearchIndexer()
    indexer.add("/a/", search_document("Fictional A", "<p>Fictional words.</p>"))
    indexer.write(bundle)
    indexer.wait()
    assert json.loads((bundle / SHARD_LIST).read_text(encoding="utf-8")) == []
    assert not list(bundle.glob("shard-*"))


# ---------------------------------------------------------------- failures

def test_a_missing_binary_is_a_search_index_error(monkeypatch, tmp_path):
    monkeypatch.setattr(pagefind, "pagefind_executable", lambda: tmp_path / "no-such-pagefind")
    with pytest.raises(SearchIndexError, match="could not start Pagefind"):
        SearchIndexer()
    assert issubclass(SearchIndexError, CatalogueError)  # reported as a catalogue error, not a traceback


def test_a_process_that_exits_at_once_is_a_search_index_error_not_a_hang(monkeypatch):
    monkeypatch.setattr(pagefind, "pagefind_executable", lambda: Path("/bin/true"))
    finished, error = finishes(SearchIndexer)
    assert finished, "SearchIndexer() hung on a process that had exited"
    assert isinstance(error, SearchIndexError), repr(error)


def fake_pagefind(tmp_path: Path, body: str) -> Path:
    """A stand-in for the Pagefind binary: a shell script that ignores `--service` and does `body`."""
    script = tmp_path / "pagefind"
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(0o755)
    return script


@pytest.mark.parametrize("body, message", [
    # Not Pagefind's protocol at all: the reply cannot be decoded.
    ("printf 'not base64 at all!,'; exec sleep 30", "unreadable reply"),
    # Well-formed replies that are not what was asked (cat sends each request back as the reply).
    ("cat", "did not create an index"),
])
def test_replies_that_are_not_pagefinds_are_a_search_index_error(monkeypatch, tmp_path, body, message):
    monkeypatch.setattr(pagefind, "pagefind_executable", lambda: fake_pagefind(tmp_path, body))
    finished, error = finishes(SearchIndexer)
    assert finished, "SearchIndexer() hung"
    assert isinstance(error, SearchIndexError) and message in str(error), repr(error)


def test_pagefinds_own_last_words_are_in_the_error(monkeypatch, tmp_path):
    """What Pagefind prints on stderr before it stops (a panic, say) explains the failure."""
    body = "echo 'thread main panicked: fictional failure' >&2; exit 101"
    monkeypatch.setattr(pagefind, "pagefind_executable", lambda: fake_pagefind(tmp_path, body))
    finished, error = finishes(SearchIndexer)
    assert finished and isinstance(error, SearchIndexError), repr(error)
    assert "fictional failure" in str(error)


def test_waiting_before_asking_for_the_index_is_an_error_not_a_hang():
    indexer = SearchIndexer()
    finished, error = finishes(indexer.wait)
    assert finished and isinstance(error, SearchIndexError) and "write()" in str(error), repr(error)
    assert indexer._proc.poll() is not None


def test_a_process_that_never_answers_is_a_search_index_error_after_the_silence_limit(monkeypatch, tmp_path):
    monkeypatch.setattr(pagefind, "pagefind_executable", lambda: fake_pagefind(tmp_path, "exec sleep 60"))
    monkeypatch.setattr(pagefind.PagefindService, "SILENCE_LIMIT", 1.5)
    finished, error = finishes(SearchIndexer, timeout=15)
    assert finished, "SearchIndexer() waited past its silence limit"
    assert isinstance(error, SearchIndexError) and "did not answer" in str(error), repr(error)


def test_close_after_a_build_error_leaves_no_process(tmp_path):
    """MkDocs failed part way (on_build_error): the process is ended whatever it was doing."""
    indexer = SearchIndexer()
    indexer.add("/a/", search_document("Fictional A", "<p>Fictional words.</p>"))
    indexer.write(tmp_path / "site" / BUNDLE)
    indexer.close()
    assert indexer._proc.poll() is not None
    indexer.close()  # a second close (on_build_error after on_post_build) is harmless
    assert indexer._proc.poll() is not None


def test_a_failed_write_is_a_search_index_error_and_ends_the_process(tmp_path):
    """Pagefind cannot write the bundle (a file stands where its folder should be)."""
    (tmp_path / "site").write_text("not a folder", encoding="utf-8")
    indexer = SearchIndexer()
    indexer.add("/a/", search_document("Fictional A", "<p>Fictional words.</p>"))
    indexer.write(tmp_path / "site" / BUNDLE)
    finished, error = finishes(indexer.wait)
    assert finished, "wait() hung"
    assert isinstance(error, SearchIndexError), repr(error)
    assert indexer._proc.poll() is not None
