"""A posting's own sentences, with their offsets and what each is about (duties, requirements, perks, company)."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_QUOTE = 300

_LINE = re.compile(r"[^\n]+")
_BULLET = re.compile(r"^\s*(?:[\-\u2022\u00b7*\u25aa\u25cf\u2013]+|\d{1,2}[.)])?\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d)]?\s+(?=[A-Z\"\u201c(])")
_ABBREV = re.compile(r"\b(?:e\.g|i\.e|etc|vs|incl|approx|U\.S|Inc|Ltd|Sr|Jr|Dr|St)\.$", re.IGNORECASE)

HEADINGS = (  # checked in order: "preferred qualifications" is nice-to-have before it is a requirement
    ("nice", ("nice to have", "nice-to-have", "bonus", "preferred", "plus", "may also have", "extra credit")),
    (
        "benefit",
        (
            "benefit",
            "perks",
            "what we offer",
            "compensation",
            "salary",
            "pay ",
            "why join",
            "you'll get",
            "you’ll get",
            "we offer",
        ),
    ),
    (
        "requirement",
        (
            "who you are",
            "requirement",
            "qualification",
            "you'll need",
            "you’ll need",
            "looking for",
            "about you",
            "must have",
            "minimum",
            "skills",
            "what you bring",
            "you have",
            "good fit",
            "you might be",
            "experience",
        ),
    ),
    (
        "responsibility",
        (
            "what you'll do",
            "what you will do",
            "what you’ll do",
            "responsibilit",
            "the role",
            "your role",
            "in this role",
            "day to day",
            "day-to-day",
            "you'll be doing",
            "you’ll be doing",
            "your impact",
            "the job",
            "the opportunity",
            "duties",
            "what you'll work on",
            "what you’ll work on",
            "mission",
        ),
    ),
    (
        "company",
        (
            "about us",
            "about the company",
            "who we are",
            "our mission",
            "equal opportunity",
            "about ",
            "our values",
            "our culture",
            "how we work",
            "diversity",
            "life at",
            "why ",
        ),
    ),
)

VERBS = frozenset(
    """act advocate analyse analyze apply architect assess automate balance build champion coach collaborate collect
    communicate conduct contribute coordinate create debug define deliver deploy design develop document drive
    educate enable engage ensure establish evaluate evolve execute experiment explore facilitate foster guide handle
    help hire identify implement improve influence integrate interview investigate launch lead learn maintain manage
    measure mentor migrate model monitor negotiate operate optimise optimize organise organize oversee own partner
    participate perform plan prepare present prioritise prioritize process produce promote propose prototype provide
    publish recommend recruit reduce refine report research resolve respond review run scale sell serve set shape ship
    solve spearhead streamline structure supervise support take teach test track train translate troubleshoot unblock
    understand upgrade use validate work write grow deepen craft stay turn take raise keep find give make bring spot
    gather answer""".split()
)

# Words that tell what a sentence is about, looked up in the lower-cased sentence (plain substring search is far
# faster than regular expressions here); in priority order: "preferred: 5 years" is a nice-to-have.
CUES = (
    ("nice", ("nice to have", "nice-to-have", "bonus", "a plus", "preferred", "ideally", "would be great")),
    (
        "benefit",
        (
            "benefit",
            "insurance",
            "401(k)",
            "401k",
            "pension",
            "paid time off",
            " pto",
            "parental leave",
            "wellness",
            "stipend",
            "vacation",
            "holidays",
        ),
    ),
    (
        "requirement",
        (
            "years",
            "experience with",
            "experience in",
            "experience of",
            "experience building",
            "proficien",
            "familiar",
            "knowledge of",
            "degree",
            "background in",
            "you have",
            "you are",
            "you're",
            "you’re",
            "understanding of",
            "ability to",
            "track record",
            "fluen",
        ),
    ),
    ("responsibility", ("you will", "you'll", "you’ll", "responsible for", "in this role")),
    (
        "company",
        (
            "we are",
            "we're",
            "we’re",
            "our mission",
            "equal opportunity",
            "founded",
            "our team",
            "our customers",
            "we believe",
            "we value",
            "join us",
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str  # text[start:end] of the posting, exactly
    start: int
    section: str  # the kind its heading announced, or ""
    kind: str  # responsibility | requirement | nice | benefit | company | other


def sentences(text: str) -> list[Sentence]:
    """Every sentence of the text with its offsets; headings set the section of what follows them."""
    out, section = [], ""
    for line in _LINE.finditer(text):
        body = line.group()
        if is_heading(body):
            section = heading_kind(body)
            continue
        offset = line.start() + len(_BULLET.match(body).group())
        for start, end in _spans(text, offset, line.end()):
            piece = text[start:end]
            cue = cue_kind(piece)
            out.append(Sentence(piece, start, section, "nice" if cue == "nice" else section or cue))
    return out


def _spans(text: str, start: int, end: int):
    chunk, pos = text[start:end], 0
    for match in _SENTENCE_END.finditer(chunk):
        if _ABBREV.search(chunk[pos : match.start()]):
            continue  # "e.g. Python" does not end a sentence
        closing = len(match.group()) - len(match.group().lstrip('"\u201d)'))
        yield from _trimmed(text, start + pos, start + match.start() + closing)
        pos = match.end()
    yield from _trimmed(text, start + pos, end)


def _trimmed(text: str, start: int, end: int):
    piece = text[start:end]
    left = len(piece) - len(piece.lstrip())
    right = len(piece.rstrip())
    if right - left >= 3:
        yield start + left, start + right


def is_heading(line: str) -> bool:
    stripped = line.strip().rstrip(":")
    if not stripped or len(stripped) > 70 or stripped[-1] in ".!?,;":
        return False
    return len(stripped.split()) <= 8 and (line.strip().endswith(":") or stripped[0].isupper())


def heading_kind(line: str) -> str:
    lowered = line.strip().lower() + " "
    for kind, needles in HEADINGS:
        if any(n in lowered for n in needles):
            return kind
    return ""


def cue_kind(sentence: str) -> str:
    """What a sentence is about, by its wording (the first kind in CUES with a word present)."""
    lowered = sentence.lower()
    for kind, words in CUES:
        if any(word in lowered for word in words):
            return kind
    first = lowered.split(maxsplit=1)[0].strip(",:;") if lowered.strip() else ""
    return "responsibility" if first in VERBS else "other"


def quote(sentence: Sentence) -> str:
    """The sentence as evidence: a prefix cut at a word boundary when long, so still verbatim."""
    if len(sentence.text) <= MAX_QUOTE:
        return sentence.text
    cut = sentence.text.rfind(" ", 0, MAX_QUOTE)
    return sentence.text[: cut if cut > 40 else MAX_QUOTE].rstrip(",;: ")
