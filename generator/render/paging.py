"""Render, paging: long lists split over numbered pages, so that no generated page grows with the
whole catalogue (at national scale a region lists a thousand organisations, a category a
thousand patterns). A page's first part keeps its address; the next parts are pages of their own
at "<page>/page-2.md", "<page>/page-3.md"..., each linked to the one before and after it
(rel="prev", rel="next") and headed "Page N of M" (templates/_pager.j2).

A page with several lists (a region: its organisations, the patterns they started, the patterns
they use) is split by the longest: part N shows the Nth slice of each list, and a list that has
run out shows nothing more.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# Rows of one list on one page. Measured at national scale (5,000 patterns, 7,000 organisations):
# 100 rows of the longest tables are about 60 KB of HTML, well inside the 300 KB a page may have
# with the theme around it. A catalogue can set its own (`page_size` in the plugin's options).
DEFAULT_PAGE_SIZE = 100
# A continuation page: at least two folders deep, named page-N. First pages never look like it:
# pattern and organisation pages are one folder deep, and ICB codes are in capitals.
_CONTINUATION = re.compile(r"^[^/]+/.+/page-[0-9]+\.md$")


def part_path(first: str, number: int) -> str:
    """The source path of part `number` of a page whose first part is `first`: "a/b.md" is
    followed by "a/b/page-2.md"; a first part that is itself numbered, "a/page-1.md", by
    "a/page-2.md"."""
    if number == 1:
        return first
    stem = first[:-len("/page-1.md")] if first.endswith("/page-1.md") else first[:-3]
    return f"{stem}/page-{number}.md"


def is_continuation(path: str) -> bool:
    """Whether a source path is a second or later part of a split page."""
    return bool(_CONTINUATION.match(path))


@dataclass(frozen=True)
class Pager:
    """Part `number` of `count` of a page split into slices of `size` rows; `first` is the first
    part's source path. Templates slice their lists with it and show where the reader is."""

    first: str
    number: int = 1
    count: int = 1
    size: int = DEFAULT_PAGE_SIZE

    def slice(self, items) -> list:
        """This part's rows of a list."""
        start = (self.number - 1) * self.size
        return list(items)[start:start + self.size]

    def offset(self) -> int:
        """How many rows of each list come before this part."""
        return (self.number - 1) * self.size

    def part(self, number: int) -> str:
        """The source path of another part of the same page."""
        return part_path(self.first, number)

    @property
    def path(self) -> str:
        return self.part(self.number)

    @property
    def previous(self) -> str | None:
        return self.part(self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.part(self.number + 1) if self.number < self.count else None

    def rows_shown(self, total: int) -> str:
        """What a table's caption adds on a split page: which of its rows this part shows."""
        if self.count == 1 or total <= self.offset():
            return ""
        return f" ({self.offset() + 1} to {min(total, self.offset() + self.size)} of {total})"

    @property
    def suffix(self) -> str:
        """What a part's title adds to the page's: nothing on the first or only part."""
        return f" (page {self.number} of {self.count})" if self.number > 1 else ""


def pagers(first: str, size: int, *lengths: int) -> list[Pager]:
    """The parts of a page at `first` holding lists of these lengths: one part per `size` rows of
    the longest (always at least one part, for empty lists)."""
    count = max([1, *(math.ceil(n / size) for n in lengths)])
    return [Pager(first, number, count, size) for number in range(1, count + 1)]
