"""Skills and technologies named in a posting: canonical names, required or nice-to-have, with evidence."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from pipeline.facts.scan import lowered, scan
from pipeline.facts.taxonomy import EXACT_CASE_MAX_LEN, SHORT_NOT_AFTER, Form, load_taxonomy

REQUIREMENTS = ("required", "nice_to_have", "unspecified")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    form: Form


@dataclass(frozen=True, slots=True)
class Skill:
    name: str
    requirement: str  # one of REQUIREMENTS
    start: int  # the evidence: the first mention with that requirement
    end: int
    quote: str
    spans: tuple[tuple[int, int], ...]  # every mention

    def to_dict(self) -> dict:
        return {"name": self.name, "requirement": self.requirement,
                "start": self.start, "end": self.end, "quote": self.quote}


# Speed: Python's regex engine tries every branch of an alternation at every position. Patterns
# that scan running text therefore open with a lookahead naming every letter a match can start
# with (and one \b shared by \b-led branches), so most positions fail at once: 2-5x faster, same
# matches. Keep the lookahead in step when adding a branch.

# "R&D", "C-suite", "Go-to-market": a letter glued to these is not a language.
GLUE = set("&'-")
LIST_GAP = re.compile(r"[ \t]*(?:[,/|+;&·•]|\band\b|\bor\b|\bas well as\b|[()\[\]]|[ \t])*[ \t]*$")
# Words right before a guarded name that make it a technology: "experience with Go", "in R".
CUE_BEFORE = re.compile(
    r"(?=[abcdefgklmprstuw])"
    r"(?:experience|experienced|proficien\w*|expertise|expert|fluen\w*|knowledge|familiar\w*|skilled"
    r"|background|written|writing|write|programming|coding|develop\w*|languages?|stack|frameworks?"
    r"|librar(?:y|ies)|tools?|tooling|technologies|using|with|advanced|strong|solid|deep|excellent"
    r"|basic|good|working"
    r"|(?:runs?|running|built|build|powered|written|deployed)\s+(?:on|with|in|by)"
    r"|(?:services|systems|code|backends?|apps?|applications?|APIs|microservices|software|scripts"
    r"|pipelines|tests)\s+(?:written\s+)?in)\s*(?:in|with|of|using)?\s*(?:the\s+)?[:(]?\s*$",
    re.IGNORECASE)
# Anywhere earlier in the clause: "experience with feature stores and Spark".
CUE_NEAR = re.compile(r"\b(?:experience|proficiency|knowledge|familiarity|expertise|skills)\s+(?:with|in|of)\b"
                      r"|\b(?:languages?|frameworks?|tools|technologies|databases|stack)\s*(?:such as|like"
                      r"|including|e\.g\.|:)", re.IGNORECASE)
CUE_AFTER = re.compile(
    r"\s*(?:programming|language|lang\b|developers?|engineers?|engineering|code\b|codebases?"
    r"|services?|microservices|back-?ends?|front-?ends?|APIs?\b|applications?|apps?\b|frameworks?"
    r"|ecosystem|librar(?:y|ies)|stack|modules?|scripts?|scripting|experience|skills|development"
    r"|runtime|clusters?|charts?|jobs?|pipelines?|notebooks?|SDKs?|CLI|templates?|components"
    r"|projects?|tests?|spreadsheets?|formulas|macros|pivot|cookbooks|manifests|workers?|functions"
    r"|queries|DAGs?|v?\d+(?:\.\d+)*\+?(?!\s*(?:%|days?|weeks?|months?|years?|hours?|people|times)))"
    r"(?![\w-])", re.IGNORECASE)
# Later in the clause: "Rust for Linux experience is a plus".
CUE_LATER = re.compile(r"[^.,;:\n]{0,25}?\b(?:experience|expertise|proficiency|knowledge)\b", re.IGNORECASE)
# A labelled list on one line: "Preferred: Flink, Airflow".
LABEL_LIST = re.compile(r"^[\s\-*•]*[A-Za-z][\w' ]{0,40}:\s*(?:[^,.;:\n]+,\s*)*$")
BULLET_LINE = re.compile(r"^[\s\-*•·–]*$")

NICE_HEAD = re.compile(r"(?=[bdeginopsw])(?:nice|bonus|plus|prefer|desir|good to have|great to have"
                       r"|extra credit|would be great|not required|optional|stand out|ideal)", re.IGNORECASE)
REQ_HEAD = re.compile(r"(?=[abelmnqrswy])(?:require|qualifications|must|you have|you'll need|you will need"
                      r"|need to have|look for|what you need|what we need|you should have|what you'll bring"
                      r"|what you bring|looking for|skills|who you are|about you|minimum|basic"
                      r"|experience|what we expect)", re.IGNORECASE)
OTHER_HEAD = re.compile(r"(?=[abcdilmoprstw])(?:about|benefits|perks|responsib|what you('ll| will) do"
                        r"|the role|the team|compensation|salary|pay\b|location|why join|our |who we are|offer"
                        r"|day to day|impact|mission)", re.IGNORECASE)
HEADING = re.compile(r"[ \t#*\-•]*([A-Za-z][^\n.!?]{0,60}?)[ \t]*(?::|$)")
HEADING_MAX_CHARS = 64
NICE_CUE = re.compile(r"\b(?=[anbpdiwgh])(?:a (?:\w+ )?plus\b|nice to have:|bonus\b|prefer(?:red|ably)?\b"
                      r"|desir(?:able|ed)\b|advantage(?:ous)?\b|ideally\b|would be (?:great|nice"
                      r"|helpful|a plus)|good to have\b|not (?:required|a must)\b|helpful\b"
                      r"|beneficial\b|appreciated\b|is welcome\b)|nice[- ]to[- ]have", re.IGNORECASE)
REQ_CUE = re.compile(r"\b(?=[\drmean])(?:required|must|mandatory|essential|requirements?|minimum|at least"
                     r"|\d+\+? years?|need to have)\b", re.IGNORECASE)
# Weaker: the way requirement lists are phrased when they have no heading.
SOFT_REQ_CUE = re.compile(r"\b(?=[yepsdafhkbw])(?:you(?:'ve| have| bring| know| are)\b"
                          r"|experience (?:with|in|of|using|running)\b|proficien|strong\b|solid\b|deep\b"
                          r"|advanced\b|expert|fluent|hands-on\b|knowledge of\b|familiar|background in\b"
                          r"|worked with\b)", re.IGNORECASE)


def extract_skills(text: str) -> list[Skill]:
    """Every taxonomy skill the text names, once each, in order of first mention."""
    mentions = accept_guarded(text, find_mentions(text))
    if not mentions:
        return []
    context = RequirementContext(text)
    by_skill: dict[str, list[tuple[Mention, str]]] = {}
    for m in mentions:
        by_skill.setdefault(m.form.skill, []).append((m, context.requirement(m.start)))
    return [summarise(text, name, found) for name, found in by_skill.items()]


def summarise(text: str, name: str, found: list[tuple[Mention, str]]) -> Skill:
    # A skill asked for anywhere counts as required, even if a later line calls it a plus.
    requirement = min((req for _, req in found), key=REQUIREMENTS.index)
    first = next(m for m, req in found if req == requirement)
    spans = tuple((m.start, m.end) for m, _ in found)
    return Skill(name, requirement, first.start, first.end, text[first.start:first.end], spans)


def lower_same_length(text: str) -> str:
    low = lowered(text)
    if len(low) == len(text):
        return low
    # A few characters lower-case to two ("İ"): keep those as they are so offsets stay true.
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def find_mentions(text: str) -> list[Mention]:
    """Leftmost-longest taxonomy forms on word boundaries, passing each form's case rule."""
    taxonomy = load_taxonomy()
    found = [Mention(m.start(), m.end(), taxonomy.short_forms[m.group(0)])
             for m in taxonomy.short.finditer(text) if short_start_ok(text, m.start())]
    for start, end, forms in scan(lower_same_length(text)).forms:
        if on_boundary(text, start, end):
            form = case_match(text[start:end], forms)
            if form is not None:
                found.append(Mention(start, end, form))
    return leftmost_longest(found)


def short_start_ok(text: str, start: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    return not (before.isalnum() or before in SHORT_NOT_AFTER)


def on_boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    first, last = text[start], text[end - 1]
    if before.isalnum() and first.isalnum():
        return False
    if after.isalnum() and last.isalnum() or (last.isalnum() and after in "+#"):
        return False
    if end - start <= 2 and (before in GLUE or after in GLUE):
        return False
    return not (after == "." and end + 1 < len(text) and text[end + 1].isalnum())


def case_match(written: str, forms: tuple[Form, ...]) -> Form | None:
    for form in forms:
        if not form.exact_case or written == form.text:
            return form
        if len(form.text) > EXACT_CASE_MAX_LEN and written == form.text.upper():
            return form
    return None


def leftmost_longest(found: list[Mention]) -> list[Mention]:
    kept, reach = [], -1
    for m in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if m.start >= reach:
            kept.append(m)
            reach = m.end
    return kept


def accept_guarded(text: str, mentions: list[Mention]) -> list[Mention]:
    """Keep a guarded form ("Go", "Spring") only in a technical context; others always."""
    accepted = [not m.form.guarded for m in mentions]
    for i, m in enumerate(mentions):
        if not accepted[i] and has_cue(text, m):
            accepted[i] = True
    changed = True
    while changed:  # a confirmed neighbour in a list confirms the next one ("Go, Rust or C++")
        changed = False
        for i, m in enumerate(mentions):
            if not accepted[i] and listed_with_accepted(text, mentions, accepted, i):
                accepted[i] = changed = True
    return [m for m, ok in zip(mentions, accepted) if ok]


def has_cue(text: str, m: Mention) -> bool:
    line_start = text.rfind("\n", 0, m.start) + 1
    before = text[max(line_start, m.start - 60):m.start]
    clause = re.split(r"[.;!?]\s", before)[-1]
    if CUE_BEFORE.search(before) or CUE_NEAR.search(clause) or LABEL_LIST.match(text[line_start:m.start]):
        return True
    if CUE_AFTER.match(text, m.end) or CUE_LATER.match(text, m.end):
        return True
    line_end = text.find("\n", m.end)
    line_end = len(text) if line_end < 0 else line_end
    # A bullet that is nothing but the name, as in a list of technologies.
    return bool(BULLET_LINE.match(text[line_start:m.start]) and not text[m.end:line_end].strip(" .,;"))


def listed_with_accepted(text: str, mentions: list[Mention], accepted: list[bool], i: int) -> bool:
    m = mentions[i]
    if i > 0 and accepted[i - 1] and is_list_gap(text[mentions[i - 1].end:m.start]):
        return True
    return i + 1 < len(mentions) and accepted[i + 1] and is_list_gap(text[m.end:mentions[i + 1].start])


def is_list_gap(gap: str) -> bool:
    return len(gap) <= 12 and "\n" not in gap and bool(LIST_GAP.match(gap))


# Where a sentence ends inside a line: . ! ? ; before a space, or . ; before a tab. Written to
# start with a character class, which the regex engine skips to quickly.
SENTENCE_MARK = re.compile(r"[.!?;](?: |(?<=[.;])\t)")


def sentence_bounds(text: str, pos: int, line_start: int, line_end: int, reach: int = 400) -> tuple[int, int]:
    """The sentence or line around pos: after the last mark (a line break, or SENTENCE_MARK) before
    it, up to the next one (looking at most `reach` characters each way). [line_start, line_end) is
    pos's line: marks outside it are never nearer than the line's own breaks."""
    lo, hi = max(0, pos - reach), min(len(text), pos + reach)
    start = line_start if 0 < line_start and line_start - 1 >= lo else lo
    for m in SENTENCE_MARK.finditer(text, max(line_start, lo), pos):
        start = m.end()
    if m := SENTENCE_MARK.search(text, pos, min(line_end, hi)):
        return start, m.start() + 1
    return start, line_end + 1 if line_end < len(text) and line_end + 1 <= hi else hi


class RequirementContext:
    """Where a position sits: its sentence's own cue first, then its section heading."""

    def __init__(self, text: str):
        self.text = text
        self.lines = text.split("\n")
        self.line_starts = list(accumulate((len(line) + 1 for line in self.lines[:-1]), initial=0))
        self.sections: dict[int, str | None] = {}  # line index -> its section's kind, filled as needed
        self.answers: dict[int, str] = {}
        self.blocks: dict[tuple[int, int], bool] = {}

    def requirement(self, pos: int) -> str:
        # Mentions in one sentence share its answer: "Python, Go and Rust are a plus".
        i = bisect_right(self.line_starts, pos) - 1
        line_start = self.line_starts[i]
        start, end = sentence_bounds(self.text, pos, line_start, line_start + len(self.lines[i]))
        if start not in self.answers:
            self.answers[start] = self.judge(self.text[start:end], pos)
        return self.answers[start]

    def judge(self, sentence: str, pos: int) -> str:
        """The sentence's own words first ("a plus"), then its section, then softer phrasing."""
        section = self.section(pos)
        # The section is known already; the cue scans run only when it leaves the answer open.
        if section == "nice_to_have" or NICE_CUE.search(sentence):
            return "nice_to_have"
        if section == "required" or REQ_CUE.search(sentence):
            return "required"
        if SOFT_REQ_CUE.search(sentence) or self.bullet_block_required(pos):
            return "required"
        return "unspecified"

    def section(self, pos: int) -> str | None:
        """The kind of the nearest heading at or above pos's line."""
        line = bisect_right(self.line_starts, pos) - 1
        walked = []
        kind = None
        for i in range(line, -1, -1):
            if i in self.sections:
                kind = self.sections[i]
                break
            walked.append(i)
            kind = heading_kind(self.lines[i])
            if kind is not None:
                break
        for i in walked:  # every line walked over lies in the same section
            self.sections[i] = kind
        return kind

    def bullet_block_required(self, pos: int) -> bool:
        """A bullet in a list with no heading whose other items read as requirements."""
        block = self.bullet_block(pos)
        if block is None:
            return False
        if block not in self.blocks:
            # One scan over the block's lines together: no cue spans a line break.
            first, last = block[0], block[1] - 1
            lines = self.text[self.line_starts[first]:self.line_starts[last] + len(self.lines[last])]
            self.blocks[block] = bool(REQ_CUE.search(lines) or SOFT_REQ_CUE.search(lines))
        return self.blocks[block]

    def bullet_block(self, pos: int) -> tuple[int, int] | None:
        """The consecutive bullet lines around pos as a (first, past-last) line range, or None
        when pos is not on a bullet."""
        lines = self.lines
        i = bisect_right(self.line_starts, pos) - 1
        if not is_bullet(lines[i]):
            return None
        lo, hi = i, i
        while lo > 0 and is_bullet(lines[lo - 1]):
            lo -= 1
        while hi + 1 < len(lines) and is_bullet(lines[hi + 1]):
            hi += 1
        return lo, hi + 1


def is_bullet(line: str) -> bool:
    return line.lstrip()[:1] in ("-", "*", "•", "·", "–")


def heading_kind(line: str) -> str | None:
    """The requirement kind of the section a heading line opens; None when it is no heading."""
    # Cheap tests first: most lines are sentences, too long to be headings unless they open
    # with a label ("Requirements: 5+ years of Go; …").
    if not line.strip() or len(line) > HEADING_MAX_CHARS and ":" not in line[:HEADING_MAX_CHARS]:
        return None
    if ":" not in line and (is_bullet(line) or line.rstrip().endswith((".", "!", "?"))):
        return None
    m = HEADING.match(line)
    if m is None or len(m.group(1).split()) > 8:
        return None
    title = m.group(1)
    kind = ("nice_to_have" if NICE_HEAD.search(title) else
            "required" if REQ_HEAD.search(title) else
            "unspecified" if OTHER_HEAD.search(title) else None)
    return (kind or "unspecified") if looks_like_heading(line, m, kind) else None


def looks_like_heading(line: str, m: re.Match, kind: str | None) -> bool:
    """A short line that ends with a colon, or one that names a known kind of section.

    Bullets are items, not headings, unless they end with a colon.
    """
    if m.group(0).rstrip().endswith(":"):
        return True
    bullet = line.lstrip()[:1] in ("-", "*", "•")
    return m.end() == len(line) and kind is not None and not bullet
