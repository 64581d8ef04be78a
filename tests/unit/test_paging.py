"""Unit tests for generator/render/paging.py: where each part of a split page lives, which parts
are continuations (kept out of the search index), and what a part shows."""

from __future__ import annotations

import pytest

from generator.render.pages import indexed
from generator.render.paging import Pager, is_continuation, pagers, part_path


def test_parts_follow_the_first_page_in_a_folder_of_its_own():
    assert part_path("categories/data.md", 1) == "categories/data.md"
    assert part_path("categories/data.md", 2) == "categories/data/page-2.md"
    assert part_path("organisations/index.md", 3) == "organisations/index/page-3.md"
    assert part_path("regions/icb/ZZ7.md", 2) == "regions/icb/ZZ7/page-2.md"
    # A list numbered from its first page keeps numbering in the same folder.
    assert part_path("patterns/all/page-1.md", 4) == "patterns/all/page-4.md"


@pytest.mark.parametrize("path, expected", [
    ("categories/data/page-2.md", True), ("organisations/ZZ1/page-12.md", True), ("patterns/all/page-1.md", True),
    ("regions/icb/ZZ7/page-2.md", True),
    # First pages never look like a continuation, even with ids that could be read as one.
    ("patterns/page-2.md", False), ("organisations/index.md", False), ("regions/icb/ZZ7.md", False),
    ("tags/page-3.md", False), ("index.md", False),
])
def test_continuations_are_told_apart_from_first_pages(path, expected):
    assert is_continuation(path) is expected


def test_continuations_stay_out_of_the_search_index_and_first_parts_stay_in():
    assert indexed("categories/data.md") and indexed("organisations/ZZ1.md") and indexed("patterns/page-2.md")
    assert not indexed("categories/data/page-2.md")
    assert not indexed("patterns/all/page-1.md")


def test_a_page_has_one_part_per_page_of_its_longest_list():
    assert [p.number for p in pagers("a.md", 10, 0)] == [1]
    assert [p.number for p in pagers("a.md", 10, 10)] == [1]
    parts = pagers("a.md", 10, 3, 25, 11)
    assert [(p.number, p.count) for p in parts] == [(1, 3), (2, 3), (3, 3)]
    assert [p.path for p in parts] == ["a.md", "a/page-2.md", "a/page-3.md"]
    assert (parts[0].previous, parts[0].next) == (None, "a/page-2.md")
    assert (parts[2].previous, parts[2].next) == ("a/page-2.md", None)


def test_each_part_slices_every_list_and_says_which_rows_it_shows():
    items = list(range(25))
    first, second, third = pagers("a.md", 10, len(items))
    assert first.slice(items) == list(range(10)) and third.slice(items) == [20, 21, 22, 23, 24]
    assert third.slice(range(5)) == []  # a shorter list has run out
    assert first.suffix == "" and second.suffix == " (page 2 of 3)"
    assert second.rows_shown(25) == " (11 to 20 of 25)" and third.rows_shown(25) == " (21 to 25 of 25)"
    assert third.rows_shown(5) == ""
    assert Pager("a.md").rows_shown(5) == ""  # a page of one part says nothing
