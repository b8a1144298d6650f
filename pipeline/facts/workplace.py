"""Workplace type (remote, hybrid, onsite) and its scope: the feed's value first, the text refines it."""

from __future__ import annotations

import re

from pipeline.facts.evidence import Fact, parsed
from pipeline.facts.locations import place_pattern
from pipeline.facts.scan import lowered
from pipeline.facts.windows import finditer_near, search_near

WORKPLACE_TYPES = ("remote", "hybrid", "onsite")

# The patterns open with one \b shared by their branches and, where it pays, a lookahead naming
# every letter a branch can start with: the regex engine rejects most positions at once instead of
# trying every branch (2-3x faster on long postings). Keep a lookahead in step when adding a branch.
NOT_REMOTE = re.compile(
    r"\b(?:(?:not|isn't|is not|cannot be|can't be|no)\s+(?:a\s+|an?\s+)?(?:fully\s+)?remote\b"
    r"|remote (?:work )?(?:is )?not (?:possible|available|an option)\b"
    r"|no remote\b|not eligible for remote\b)", re.IGNORECASE)
HYBRID = re.compile(
    r"\b(?=[\dhotfiawsm])"
    r"(?:hybrid\b(?![- ]cloud| (?:cloud|infrastructure|environment|model(?:s|ing)? of (?:data|ml)))"
    r"|(?:\d|one|two|three|four)(?:\s*(?:-|to|or)\s*(?:\d|two|three|four))?\s+days?"
    r"\s+(?:a|per|each|every)\s+week\s+(?:in|at|from)\s+(?:the|our|an?)\b[^.\n]{0,30}?\boffice"
    r"|(?:in|at|from)\s+(?:the|our)\s+(?:\w+\s+)?office\s+(?:\d|one|two|three|four)(?:\s*(?:-|to|or)"
    r"\s*(?:\d|two|three|four))?\s+days?\b"
    r"|(?:\d|one|two|three|four)\s+days?\s+(?:a|per)\s+week\s+(?:on-?site|in-?office|in person)"
    r"|(?:office|on-?site)\b[^.\n]{0,40}?\b(?:at least\s+)?(?:[1-4]|one|two|three|four)(?:\s*(?:-|to|or)"
    r"\s*(?:[2-4]|two|three|four))?\s+days?\s+(?:a|per|each)\s+week"
    r"|(?:[1-4]|one|two|three|four)\s+(?:remote|home|WFH|home[- ]office)\s+days?\b"
    r"|work from (?:home|anywhere) or (?:from )?(?:the|our) office\b|split between (?:home|remote)"
    r"|home office and (?:our|the) [^.\n]{0,20}office\b|mix of (?:home|remote) and office\b)",
    re.IGNORECASE)
FULLY_REMOTE = re.compile(r"\b(?:(?:fully|100\s?%|completely|entirely|permanently)\s+remote\b"
                          r"|work (?:from|remotely from) anywhere\b)", re.IGNORECASE)
REMOTE = re.compile(
    r"\b(?=[\dfceprwtib])(?:(?:fully|100\s?%|completely|entirely|permanently)\s+remote\b|remote[- ]first\b"
    r"|remote[- ](?:role|position|job|opportunity|friendly|eligible|ok)\b|work (?:from|remotely from) "
    r"(?:anywhere|home)\b|work remotely\b|remote(?:ly)?\b(?=[^.\n]{0,20}\b(?:within|from|in|across)\b)"
    r"|this (?:role|position|job) (?:is|can be) (?:based )?remote\b|(?:is|be) remote\b)"
    r"|^\s*remote\b|\bremote\s*(?:\(|-|–|,)", re.IGNORECASE | re.MULTILINE)
ONSITE = re.compile(
    r"\b(?=[oifb5wa])(?:on-?site\b(?![- ]interview)|in[- ]office\b(?! perks| lunch| snacks| events| days?)"
    r"|in[- ]person\b(?! interview)|office[- ]based\b"
    r"|five days (?:a|per) week in (?:the|our) office\b|(?:5|five) days (?:a|per) week (?:in|at)\b"
    r"|based (?:in|at|out of) our [^.\n]{0,30}(?:office|headquarters|HQ)\b|work from (?:our|the) office\b"
    r"|(?:from|at|in) (?:our|the) (?:head|main) office\b)",
    re.IGNORECASE)

REMOTE_WORD = re.compile(r"\b(?:remote(?:ly)?\b|work from anywhere\b)", re.IGNORECASE)
RESIDE = re.compile(r"\b(?:reside|resident|based|located|live|living|residing)\s+(?:in|within)\b",
                    re.IGNORECASE)
SCOPE_REACH = 60  # how far after "remote" a place still belongs to it
# The lookahead names every character a match can start with, so other positions fail at once.
DAYS_IN_OFFICE = re.compile(
    r"(?=[\dotfia])(?P<scope>(?:\d|one|two|three|four)(?:\s*(?:-|to|or)\s*(?:\d|two|three|four))?\s+days?"
    r"\s+(?:a|per|each|every)\s+week\s+(?:in|at|from)\s+(?:the|our|an?)\b[^.\n]{0,30}?\boffice"
    r"|(?:\d|one|two|three|four)\s+days?\s+(?:a|per)\s+week\s+(?:on-?site|in-?office|in person)"
    r"|(?:in|at|from)\s+(?:the|our)\s+(?:\w+\s+)?office\s+(?:\d|one|two|three|four)(?:\s*(?:-|to|or)"
    r"\s*(?:\d|two|three|four))?\s+days?(?:\s+(?:a|per)\s+week)?)", re.IGNORECASE)


def workplace_from_location(location: str | None) -> str | None:
    """"Remote (US)", "Hybrid - London": the location field often carries the workplace type."""
    if not location:
        return None
    low = location.lower()
    if re.search(r"\bremote or hybrid\b|\bhybrid or remote\b", low):
        return "remote"
    if "hybrid" in low:
        return "hybrid"
    if re.search(r"\bremote\b", low):
        return "remote"
    if re.search(r"\bon-?site\b|\bin[- ]office\b", low):
        return "onsite"
    return None


# Each pattern runs only when one of its words is in the text: most postings skip most of them.
WORKPLACE_RULES = (
    ("onsite", NOT_REMOTE, ("remote",)),
    ("remote", FULLY_REMOTE, ("remote", "anywhere")),
    ("hybrid", HYBRID, ("hybrid", "days", "home", "split", "mix")),
    ("remote", REMOTE, ("remote", "work from", "anywhere")),
    ("onsite", ONSITE, ("site", "office", "person", "based")),
)


def text_workplace(text: str) -> Fact | None:
    """Explicit statements win over bare words: "not remote" before "hybrid" before "remote"."""
    low = lowered(text)
    for value, pattern, words in WORKPLACE_RULES:
        if m := search_near(pattern, text, low, words):
            return parsed(value, text, m.start(), m.end())
    return None


def extract_workplace(text: str, posted: str | None = None, location: str | None = None) -> Fact | None:
    """The feed's value, unless the text plainly says otherwise (a "remote" flag on a hybrid job)."""
    from_text = text_workplace(text)
    if posted in WORKPLACE_TYPES:
        if from_text and overrides(posted, from_text.value):
            return from_text
        return Fact(posted, "posted")
    from_location = workplace_from_location(location)
    if from_text and (from_location is None or overrides(from_location, from_text.value)):
        return from_text
    if from_location:
        return Fact(from_location, "posted", None, None, location)
    return from_text


def overrides(posted: str, from_text: str) -> bool:
    # Feeds flag hybrid roles as remote, and remote-with-an-office roles as onsite; the text's
    # days-in-office or "not remote" is the more specific statement.
    return (posted, from_text) in {("remote", "hybrid"), ("remote", "onsite"), ("onsite", "hybrid")}


def extract_remote_scope(text: str, workplace: str | None, location: str | None = None) -> Fact | None:
    """Where a remote hire may live ("US only"), or how often a hybrid one comes in ("3 days")."""
    low = lowered(text)
    if workplace == "hybrid":
        m = search_near(DAYS_IN_OFFICE, text, low, ("day",))
        return parsed(m.group("scope"), text, m.start("scope"), m.end("scope")) if m else None
    if workplace != "remote":
        return None
    cues = (*finditer_near(REMOTE_WORD, text, low, ("remote", "anywhere")),
            *finditer_near(RESIDE, text, low, ("resid", "based", "locat", "live", "living")))
    for cue in cues:
        if place := place_after(text, cue.end()):
            return parsed(place.group(0), text, place.start(), place.end())
    if location and (m := re.search(r"\bremote\b\s*[(\-–,:]\s*([^)]+)", location, re.IGNORECASE)):
        return Fact(m.group(1).strip(), "posted", None, None, location)
    return None


def place_after(text: str, pos: int) -> re.Match | None:
    """The first country or area named after pos in the same sentence, within SCOPE_REACH."""
    end = min(len(text), pos + SCOPE_REACH)
    stop = re.compile(r"\n|[.;!?](?:\s|$)").search(text, pos, end)
    return place_pattern().search(text, pos, stop.start() if stop else end)
