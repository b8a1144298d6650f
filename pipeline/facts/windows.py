"""Run a detailed pattern only near the words it needs: postings are long, matches are rare."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from pipeline.facts.scan import ANCHOR_WORDS, TEXTS_KEPT, scan

REACH = 100  # characters of context kept on each side of an anchor word
NEEDLES_KEPT = 64  # words that are no anchor words (scanned_positions), for one posting


def needle_positions(haystack: str, needle: str) -> tuple[int, ...]:
    """Every offset where needle starts in haystack, overlapping ones included."""
    if needle in ANCHOR_WORDS:
        return scan(haystack).anchors.get(needle, ())
    return scanned_positions(haystack, needle)


@lru_cache(maxsize=NEEDLES_KEPT)
def scanned_positions(haystack: str, needle: str) -> tuple[int, ...]:
    """needle_positions for a word that is no anchor word: one scan of its own."""
    found = []
    i = haystack.find(needle)
    while i >= 0:
        found.append(i)
        i = haystack.find(needle, i + 1)
    return tuple(found)


def contains(haystack: str, needle: str) -> bool:
    """`needle in haystack`, answered from the positions an anchor search has found or will need."""
    return bool(needle_positions(haystack, needle))


@lru_cache(maxsize=TEXTS_KEPT * 4)  # a few sets of needles per posting
def cased_positions(text: str, needles: tuple[str, ...]) -> tuple[int, ...]:
    """Offsets where one of needles starts, written as given (each offset once). Abbreviations
    start with a capital, which few characters are: one scan per first letter, then a look at
    each, beats one scan per needle."""
    by_first: dict[str, tuple[str, ...]] = {}
    for needle in needles:
        by_first[needle[0]] = (*by_first.get(needle[0], ()), needle)
    found = []
    for first, group in by_first.items():
        found.extend(i for i in needle_positions(text, first) if text.startswith(group, i))
    return tuple(found)


def anchor_positions(text: str, low: str, words: tuple[str, ...], cased: tuple[str, ...] = ()) -> list[int]:
    """Offsets of every anchor, sorted: `words` found in the lower-cased text, `cased` as written.
    An offset may repeat; windows around it are the same either way."""
    found = [i for word in words for i in needle_positions(low, word)]
    if cased:
        found.extend(cased_positions(text, cased))
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
