"""One pass over a posting's lower-cased text: every skill form and every anchor word the extractors need."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from pipeline.facts.taxonomy import Form, load_taxonomy

# The words the extractors run their patterns near (windows.py). They share the taxonomy's
# Aho–Corasick pass: a posting needs some 30 of them, each a scan of its own otherwise. A word
# missing here still works, with a scan of its own and the same result.
ANCHOR_WORDS = frozenset({
    "degree", "bachelor", "master", "doctora",  # education
    "internship", "contract", "1099", "c2c", "freelance", "corp", "tempor", "fixed", "seasonal",
    "cover", "part", "full", "permanent", "fte", "cdi", "unbefristet", "indefinido",  # employment
    "sponsor", "visa",  # visa
    "intern", "entry", "grad", "junior", "early", "senior", "staff", "principal", "mid",  # seniority
    "year", "yr",  # experience
    "remote", "anywhere", "hybrid", "days", "home", "split", "mix", "work from", "site", "office",
    "person", "based", "day", "resid", "locat", "live", "living",  # workplace
})

# Work the extractors of one posting share, cached by the text itself and sized for one posting
# (and the one before), so nothing carries over from one posting to the next.
TEXTS_KEPT = 2


@dataclass(frozen=True, slots=True)
class Scan:
    forms: tuple[tuple[int, int, tuple[Form, ...]], ...]  # (start, end, forms) of each taxonomy key found
    anchors: dict[str, tuple[int, ...]]  # anchor word -> every offset where it starts, overlaps included


@lru_cache(maxsize=TEXTS_KEPT)
def lowered(text: str) -> str:
    """text.lower(), computed once for all the extractors that read the same posting."""
    return text.lower()


@lru_cache(maxsize=1)
def scan_automaton() -> ahocorasick.Automaton:
    """Taxonomy keys (3+ characters) and anchor words: key -> (key, its forms, is an anchor word)."""
    forms = load_taxonomy().forms
    automaton = ahocorasick.Automaton()
    for key in sorted(forms.keys() | ANCHOR_WORDS):
        automaton.add_word(key, (key, forms.get(key, ()), key in ANCHOR_WORDS))
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=TEXTS_KEPT)
def scan(haystack: str) -> Scan:
    """Every taxonomy key and every anchor word in a lower-cased text, overlapping ones included."""
    forms, anchors = [], {}
    for last, (key, key_forms, is_anchor) in scan_automaton().iter(haystack):
        start = last - len(key) + 1
        if key_forms:
            forms.append((start, last + 1, key_forms))
        if is_anchor:
            anchors.setdefault(key, []).append(start)
    return Scan(tuple(forms), {word: tuple(offsets) for word, offsets in anchors.items()})
