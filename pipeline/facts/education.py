"""Education asked for: the lowest degree named (bachelor, master, phd) and whether it is required."""

from __future__ import annotations

import re

from pipeline.facts.evidence import Fact, parsed
from pipeline.facts.scan import lowered
from pipeline.facts.windows import finditer_near, search_near

LEVELS = ("bachelor", "master", "phd")
# One pass over the text: a named group per level; words in any case, abbreviations as written.
DEGREES = re.compile(
    r"(?P<phd>(?i:\bdoctora(?:te|l)(?: degree)?\b(?! (?:students?|researchers?|fellows?)))|\bPh\.?\s?D\b\.?)"
    r"|(?P<master>(?i:\bmaster['’]?s?\b(?:\s+degree)?(?=\s*(?:degree|in|of|or|/|,|\)|$)))"
    r"|\bM\.?Sc\b\.?|\bMBA\b|\bM\.?Eng\b|\bM\.S\.|\bMS\b(?=\s*(?:/|or\b|in\b|degree|,))|(?<=/)MS\b"
    r"|\bM\.?\s?Tech\b|\bM\.E\.)"
    r"|(?P<bachelor>(?i:\bbachelor['’]?s?\b(?:\s+degree)?)|\bB\.?Sc\b\.?|\bBSN\b|\bB\.?\s?Tech\b|\bB\.E\."
    r"|\bB\.?Eng\b|\bB\.[SA]\.|\b(?:BS|BA)\b(?=\s*(?:/|or\b|in\b|degree|,)))", re.MULTILINE)
# A degree without a level is a first degree, unless a level is named elsewhere.
GENERIC_DEGREE = re.compile(r"\b(?:undergraduate|university|college|4-year|four-year) degree\b"
                            r"|\bdegree in\b", re.IGNORECASE)
PREFERRED = re.compile(r"\bprefer(?:red|ably)?\b|\bnice to have\b|\ba plus\b|\bbonus\b|\bideally\b"
                       r"|\bdesir(?:ed|able)\b|\bor equivalent\b|\bor (?:comparable|relevant|related|similar)"
                       r" (?:practical |work |professional )?experience\b|\bor \w+ years? of\b"
                       r"|\bnot required\b|\bequivalent (?:practical |work )?experience\b"
                       r"|\bor an? (?:bachelor|degree|university|college)|\bor an? equivalent\b", re.IGNORECASE)
NO_DEGREE = re.compile(r"\bno (?:college |university )?degree (?:is )?(?:required|needed|necessary)\b"
                       r"|\bdegree (?:is )?not (?:required|necessary)\b|\bdon'?t need a degree\b",
                       re.IGNORECASE)
SENTENCE_END = re.compile(r"\n|[.!?;](?=\s)")


def sentence_around(text: str, start: int, end: int) -> str:
    # The sentence starts at its line's start or after the line's last sentence end before it.
    line = text.rfind("\n", 0, start) + 1
    left = max((m.end() for m in SENTENCE_END.finditer(text, line, start)), default=line)
    right = SENTENCE_END.search(text, end)
    return text[left:right.start() if right else len(text)]


# Anchors for the degree patterns: words in any case, abbreviations as written.
DEGREE_WORDS = ("degree", "bachelor", "master", "doctora")
ABBREVIATIONS = ("BS", "MS", "BA", "BE", "B.", "M.", "Ph", "PH", "MBA", "MEng", "BEng", "MTech", "BTech")


def degree_mentions(text: str, low: str) -> list[tuple[str, re.Match]]:
    found = [(m.lastgroup, m) for m in finditer_near(DEGREES, text, low, DEGREE_WORDS, ABBREVIATIONS)]
    return found or [("bachelor", m) for m in finditer_near(GENERIC_DEGREE, text, low, ("degree",))]


def extract_education(text: str) -> tuple[Fact | None, Fact | None]:
    """(level, required): the lowest degree named; required unless it is preferred or has an
    "or equivalent experience" way around it. (None, None) when no degree is stated."""
    low = lowered(text)
    if m := search_near(NO_DEGREE, text, low, ("degree",)):
        return None, parsed(False, text, m.start(), m.end())
    mentions = degree_mentions(text, low)
    if not mentions:
        return None, None
    level, m = min(mentions, key=lambda lm: (LEVELS.index(lm[0]), lm[1].start()))
    level_fact = parsed(level, text, m.start(), m.end())
    sentence = sentence_around(text, m.start(), m.end())
    required = not PREFERRED.search(sentence)
    return level_fact, Fact(required, "parsed", m.start(), m.end(), m.group(0))
