"""Run a detailed pattern only near the words it needs: postings are long, matches are rare."""

from __future__ import annotations

import re
from collections.abc import Iterator

REACH = 100  # characters of context kept on each side of an anchor word


def anchor_positions(text: str, low: str, words: tuple[str, ...], cased: tuple[str, ...] = ()) -> list[int]:
    """Offsets of every anchor: `words` found in the lower-cased text, `cased` as written."""
    found = []
    for haystack, needles in ((low, words), (text, cased)):
        for needle in needles:
            i = haystack.find(needle)
            while i >= 0:
                found.append(i)
                i = haystack.find(needle, i + 1)
    return sorted(found)


def windows(positions: list[int], size: int, reach: int = REACH) -> list[tuple[int, int]]:
    """Merged (start, end) spans of `reach` characters around each position."""
    spans: list[tuple[int, int]] = []
    for pos in positions:
        lo, hi = max(0, pos - reach), min(size, pos + reach)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
        else:
            spans.append((lo, hi))
    return spans


def finditer_near(pattern: re.Pattern, text: str, low: str, words: tuple[str, ...],
                  cased: tuple[str, ...] = (), reach: int = REACH) -> Iterator[re.Match]:
    """The pattern's matches in text order, looking only around the anchors. Lookbehinds and word
    boundaries still see the characters before a window, so matches are the ones a full scan finds
    whenever a match lies within `reach` of an anchor."""
    for lo, hi in windows(anchor_positions(text, low, words, cased), len(text), reach):
        yield from pattern.finditer(text, lo, hi)


def search_near(pattern: re.Pattern, text: str, low: str, words: tuple[str, ...],
                cased: tuple[str, ...] = (), reach: int = REACH) -> re.Match | None:
    return next(finditer_near(pattern, text, low, words, cased, reach), None)
