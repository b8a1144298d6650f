"""Seniority and years of experience: from the title first, then the posting text."""

from __future__ import annotations

import re

from pipeline.facts.evidence import Fact, parsed
from pipeline.facts.scan import lowered
from pipeline.facts.windows import contains, finditer_near, search_near

SENIORITIES = ("intern", "entry", "mid", "senior", "staff", "principal", "manager", "director",
               "executive")

# "Manager" names a people manager only in these shapes; a "Product Manager" or "Account
# Manager" is an individual contributor, and so is a title the list does not know.
PEOPLE_MANAGER = re.compile(
    r"\b(?:engineering|software|development|people|team|general|store|branch|restaurant|shift|plant"
    r"|site|regional|area|district|sales|support|customer support|operations|data science|analytics"
    r"|design|research|senior|group|hiring)\s+manager\b|\bmanager of\b|^manager\b",
    re.IGNORECASE)
# Titles that name an executive without being one ("Executive Assistant to the CEO").
SUPPORTS_EXECUTIVE = re.compile(r"\bassistant\b|\bto the\b|\bchief of staff\b", re.IGNORECASE)

TOP_LEVELS = (
    ("intern", re.compile(r"\bintern(?:ship)?s?\b|\bco-?op\b|\bworking student\b|\bwerkstudent"
                          r"|\btrainee\b|\bapprentice", re.IGNORECASE)),
    ("executive", re.compile(r"\bchief\b|\bvice[- ]president\b|\bpresident\b", re.IGNORECASE)),
    ("executive", re.compile(r"\bC[TEFOIMPR]O\b|\bCISO\b|\b[SE]?VP\b")),
    ("director", re.compile(r"\bdirector\b|\bhead of\b|^head\b", re.IGNORECASE)),
)
WORD_LEVELS = (
    ("principal", re.compile(r"\bprincipal\b|\bdistinguished\b", re.IGNORECASE)),
    ("staff", re.compile(r"\bstaff\s+(?:\w+\s+)?(?:engineer|scientist|designer|developer|architect"
                         r"|researcher|analyst|writer|product)|\blevel\s*[5-6]\b", re.IGNORECASE)),
    ("senior", re.compile(r"\bsenior\b|\bsr\.?(?=\s|$|,)|\bsnr\b|\blead\b|\blevel\s*[34]\b",
                          re.IGNORECASE)),
    ("entry", re.compile(r"\bjunior\b|\bjr\.?(?=\s|$|,)|\bentry[- ]level\b|\bnew grad(?:uate)?s?\b"
                         r"|\bgraduate\b|\bassociate\b(?!\s+(?:director|manager|principal|partner|vice"
                         r"|general|professor))|\blevel\s*[12]\b", re.IGNORECASE)),
    ("mid", re.compile(r"\bmid[- ]?level\b|\bintermediate\b", re.IGNORECASE)),
)
ROMAN = {"IV": "staff", "V": "staff", "III": "senior", "II": "mid", "I": "entry"}
ROMAN_RE = re.compile(r"(?<![\w-])(IV|V|III|II|I)(?![\w/-])")

TEXT_LEVELS = (
    ("intern", r"\bthis (?:is an? )?internship\b|\b(?:summer|paid) intern(?:ship)?\b"),
    ("entry", r"\bentry[- ]level\b|\bnew grad(?:uate)?s?\b|\brecent graduates?\b|\bjunior[- ]level\b"
              r"|\bearly[- ]career\b"),
    ("senior", r"\bsenior[- ]level\b|\bthis (?:is a )?senior (?:role|position)\b"),
    ("staff", r"\bstaff[- ]level\b"),
    ("principal", r"\bprincipal[- ]level\b"),
    ("mid", r"\bmid[- ]level\b"),
)
TEXT_PATTERNS = tuple((level, re.compile(p, re.IGNORECASE)) for level, p in TEXT_LEVELS)


def title_seniority(title: str) -> Fact | None:
    """The level a title states, quoting the words that state it (the quote is from the title)."""
    supports_executive = SUPPORTS_EXECUTIVE.search(title) is not None
    for level, pattern in TOP_LEVELS:
        if level == "executive" and supports_executive:
            continue
        if m := pattern.search(title):
            return Fact(level, "inferred", None, None, m.group(0))
    if m := PEOPLE_MANAGER.search(title):
        return Fact("manager", "inferred", None, None, m.group(0).strip(" ,:(-"))
    for level, pattern in WORD_LEVELS:
        if m := pattern.search(title):
            return Fact(level, "inferred", None, None, m.group(0))
    if m := ROMAN_RE.search(title):
        return Fact(ROMAN[m.group(1)], "inferred", None, None, m.group(0))
    return None


TEXT_LEVEL_WORDS = {"intern": ("intern",), "entry": ("entry", "grad", "junior", "early"),
                    "senior": ("senior",), "staff": ("staff",), "principal": ("principal",),
                    "mid": ("mid",)}


def text_seniority(text: str) -> Fact | None:
    low = lowered(text)
    for level, pattern in TEXT_PATTERNS:
        if m := search_near(pattern, text, low, TEXT_LEVEL_WORDS[level]):
            return parsed(level, text, m.start(), m.end())
    return None


def extract_seniority(text: str, title: str | None = None) -> Fact | None:
    """The title first, then explicit words in the text. Years of experience alone do not set a
    level: "5+ years" is asked of mid-level and senior roles alike."""
    return (title_seniority(title) if title else None) or text_seniority(text)


NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
    .split())}


def by_first_letter(words: list[str]) -> str:
    """An alternation of words grouped by first letter, in their order ("t(?:wo|hree)"): it
    matches what "two|three" does, and the regex engine tries one branch per letter, not per word."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word)
    return "|".join(group[0] if len(group) == 1 else f"{first}(?:{'|'.join(w[1:] for w in group)})"
                    for first, group in groups.items())


NUM = r"(\d{1,2}|" + by_first_letter(list(NUMBER_WORDS)) + r")"
AT_LEAST = by_first_letter(["at least", "minimum(?: of)?", r"min\.?", "a minimum of", "over", "more than",
                            "upwards of"])
YEARS = r"\s*\+?\s*(?:\(\d{1,2}\)\s*)?\+?\s*(?:(?:or more|or above|plus)\s+)?(?:years?|yrs?)\b"
# Leftmost match wins, so "at least 5 years" is found before its "5 years", and a range before
# its first number. One \b for all branches and a lookahead naming every letter they can start
# with, so most positions fail at once (2x faster).
YEARS_RE = re.compile(
    rf"\b(?=[\dzotfsenamu])(?:{NUM}\s*\+?\s*(?:-|–|—|to)\s*{NUM}{YEARS}"
    rf"|(?:{AT_LEAST})\s+{NUM}{YEARS}"
    rf"|{NUM}{YEARS})", re.IGNORECASE)
# What follows "N years" in a requirement: "of experience", "in sales", "building APIs".
EXPERIENCE_AFTER = re.compile(r"['’]?\s*(?:of|in|as|with|within|at|on|across|leading|managing|\w+ing)\b"
                              r"|['’]?\s*(?:experience|professional|industry|hands-on|post-)", re.IGNORECASE)
EXPERIENCE_WORDS = re.compile(r"experience|background|track record|professional|industry|hands-on"
                              r"|expertise", re.IGNORECASE)
NOT_EXPERIENCE_BEFORE = re.compile(r"(?:founded|past|last|next|first|within|every|for the|over the"
                                   r"|since|than|our|company's|contract of|term of|vest\w*(?: over)?|in)\s*$"
                                   r"|\bfor\s+(?:over|more than|nearly|almost|about)\s*$", re.IGNORECASE)
NOT_EXPERIENCE_AFTER = re.compile(r"\s*(?:ago|old|running|in a row|contract|term|warranty|anniversary"
                                  r"|vesting|cliff|runway|with (?:a|the) (?:company|us|team)"
                                  r"|of (?:\w+ )?(?:revenue|growth|profit|history|operation|funding|runway"
                                  r"|service to))\b", re.IGNORECASE)
COMPANY_SUBJECT = re.compile(r"\b(?:we|we've|our|company|business|brand|platform|firm)\b[^.\n]*"
                             r"\b(?:have been|has been|'ve been|grown|spent|delivered|had|has|have)\s*"
                             r"(?:over|more than|nearly|almost)?\s*$", re.IGNORECASE)


def to_int(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def extract_years(text: str) -> Fact | None:
    """Years of experience asked for, as (min, max) with max None when open-ended."""
    low = lowered(text)
    if not contains(low, "year") and not contains(low, "yr"):
        return None
    for m in finditer_near(YEARS_RE, text, low, ("year", "yr")):
        if is_experience(text, m):
            numbers = [to_int(g) for g in m.groups() if g]
            least, most = numbers[0], numbers[1] if len(numbers) > 1 else None
            if most is not None and most < least or least > 30:
                continue
            return parsed((least, most), text, m.start(), m.end())
    return None


def is_experience(text: str, m: re.Match) -> bool:
    """An experience requirement, not the company's age, a contract term or a growth streak."""
    start = max(text.rfind("\n", 0, m.start()), text.rfind(". ", 0, m.start())) + 1
    before = text[max(start, m.start() - 50):m.start()]
    after = text[m.end():m.end() + 80]
    if NOT_EXPERIENCE_BEFORE.search(before) or NOT_EXPERIENCE_AFTER.match(after):
        return False
    if COMPANY_SUBJECT.search(before):
        return False
    return bool(EXPERIENCE_AFTER.match(after) or EXPERIENCE_WORDS.search(before)
                or EXPERIENCE_WORDS.search(after))
