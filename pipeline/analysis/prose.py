"""Small pieces of English: turning a posting's sentences into clauses and clauses into sentences."""

from __future__ import annotations

import re

from pipeline.analysis.sentences import VERBS

_YOU = re.compile(
    r"^(?:in this role,?\s+)?(?:as an? [^,]{3,60},\s+)?(?:you will|you'll|you’ll|you would|you are going to|"
    r"will|to)\s+(?:be\s+(?=\w+ing\b))?",
    re.I,
)
_HAVE = re.compile(r"^(?:you have|you've|you’ve|you are|you're|you’re|you bring|have|are|bring)\s+", re.I)
_DOUBLE = frozenset(
    "run plan ship set get put cut map drop stop scan swap begin commit chat win spin hit let log tag step trim".split()
)
_TOKEN = re.compile(r"[A-Za-z’']+|[^A-Za-z’'\s]+|\s+")
# Verbs that are as often nouns ("research and design"): after "and" they are left alone.
_NOUNISH = frozenset(
    """design research model test report process plan support review work experiment set run track structure
    document interview coach partner scale ship use balance help influence hire present code measure train serve
    process model craft stay""".split()
)
_PARTICIPLE = re.compile(r"^(?:\w+ed|led|built|run|done|grown|shipped|written|taught|held|made|seen|worked)\b", re.I)


def gerund(verb: str) -> str:
    lowered = verb.lower()
    if lowered in _DOUBLE:
        return lowered + lowered[-1] + "ing"
    if lowered.endswith("ie"):
        return lowered[:-2] + "ying"
    if lowered.endswith("e") and not lowered.endswith(("ee", "ye", "oe")):
        return lowered[:-1] + "ing"
    return lowered + "ing"


def duty_clause(sentence: str) -> str:
    """'You will design, build and run X, and take Y.' -> 'designing, building and running X, and taking Y'."""
    body = _YOU.sub("", trim(sentence), count=1)
    tokens = _TOKEN.findall(body)
    out, leading, after_and = [], True, False
    for token in tokens:
        word = token.lower()
        if (leading or after_and) and word in VERBS and not (after_and and word in _NOUNISH):
            out.append(gerund(word))
        elif leading and (token.isspace() or token in (",", "&") or word in ("and", "or")):
            out.append(token)
        else:
            leading = False
            out.append(token)
        after_and = word == "and" or (after_and and token.isspace())
    clause = "".join(out)
    return clause if clause != body else lower_first(body)


def need_clause(sentence: str) -> str:
    """'You have 5+ years of Go.' -> '5+ years of Go'; 'You have led X' -> 'having led X'; 'You are X' -> 'being X'."""
    text = trim(sentence)
    match = _HAVE.match(text)
    if not match:
        return lower_first(text)
    rest = text[match.end() :]
    verb = match.group().strip().lower()
    if verb in ("you are", "you're", "you’re", "are"):
        return f"being {rest}"
    return f"having {rest}" if _PARTICIPLE.match(rest) else lower_first(rest)


def trim(text: str) -> str:
    return text.strip().rstrip(".;:!").strip()


_NAMES = frozenset(
    """Python Java Go Rust Ruby Kotlin Swift Scala Spark Kafka Kubernetes Docker Terraform React Linux Excel
    Salesforce Google Microsoft Amazon English French German Spanish SQL""".split()
)


def lower_first(text: str) -> str:
    """Lower-case a capitalized first word unless it is an acronym or a name (Python, AWS, iOS)."""
    if not text:
        return text
    first = text.split(maxsplit=1)[0].strip(",.:;")
    if first in _NAMES or not first[:1].isupper() or not first[1:].islower():
        return text
    return text[0].lower() + text[1:]


def join_clauses(clauses: list[str]) -> str:
    """'a and b', 'a, b and c' — or 'a; b; and c' when a clause has commas of its own."""
    items = [trim(c) for c in clauses if c and trim(c)]
    if len(items) <= 2:
        return " and ".join(items)
    sep = "; " if any("," in c for c in items) else ", "
    tail = "; and " if sep == "; " else " and "
    return sep.join(items[:-1]) + tail + items[-1]


def sentence(text: str) -> str:
    """Capitalized, with a final period."""
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in '.!?\u201d"' else text + "."


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
