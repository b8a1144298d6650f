"""Terms of employment: employment type (full-time, contract, …) and visa sponsorship."""

from __future__ import annotations

import re

from pipeline.facts.evidence import Fact, parsed
from pipeline.facts.scan import lowered
from pipeline.facts.windows import contains, search_near

EMPLOYMENT_TYPES = ("full-time", "part-time", "contract", "temporary", "internship")

# Most specific first: a posting that says "contract" or "internship" anywhere in a role sense is
# that, whatever its boilerplate says about "full-time employees".
TEXT_TYPES = (
    ("internship", re.compile(r"\bthis is an? (?:paid |\w+-month )?internship\b"
                              r"|\b(?:paid|summer|\d+[- ](?:week|month))\s+internship\b"
                              r"|\binternship (?:program|position|role|opportunity)\b|\bour internship\b",
                              re.IGNORECASE)),
    ("temporary", re.compile(r"\btemporary (?:role|position|job|assignment|contract|employment)\b"
                             r"|\bfixed[- ]term\b(?! contract after)|\bseasonal (?:role|position|job)\b"
                             r"|\b(?:maternity|paternity|parental leave) cover\b", re.IGNORECASE)),
    ("contract", re.compile(
        r"\bcontract[- ]to[- ]hire\b|\b(?:this is an?|on an?|fixed|hourly|initial|\d+[- ]?(?:month|week|year)"
        r"|(?:three|six|twelve|nine)[- ]month)\s+contract\b(?!s| (?:negotiation|management|review|law))"
        r"|\bcontract (?:role|position|basis|engagement|opportunity|assignment|job|length|duration)\b"
        r"|\b(?:independent |freelance )?contractor (?:role|position|basis)\b"
        r"|\bas an? (?:independent )?contractor\b"
        r"|\bfreelance(?:r)? (?:role|position|basis|project)\b|\b1099\b|\bC2C\b|\bcorp[- ]to[- ]corp\b"
        r"|\bB2B contract\b", re.IGNORECASE)),
    ("part-time", re.compile(r"(?<!full- or )(?<!full or )(?<!full-time or )\bpart[- ]time\b"
                             r"(?! (?:students?|employees?|and full))", re.IGNORECASE)),
    ("full-time", re.compile(r"\bfull[- ]time\b|\bpermanent\)? (?:role|position|contract|employment)\b"
                             r"|\bFTE\b|\bCDI\b|\bunbefristet|\bindefinido\b", re.IGNORECASE)),
)
# A pattern runs only when one of its words is in the text.
TEXT_TYPE_WORDS = {
    "internship": ("internship",), "contract": ("contract", "1099", "c2c", "freelance", "corp"),
    "temporary": ("tempor", "fixed", "seasonal", "cover"), "part-time": ("part",),
    "full-time": ("full", "permanent", "fte", "cdi", "unbefristet", "indefinido"),
}
TITLE_TYPES = (
    ("internship", re.compile(r"\bintern(?:ship)?s?\b|\bco-?op\b|\bwerkstudent|\bworking student\b",
                              re.IGNORECASE)),
    ("contract", re.compile(r"\bcontract(?:or)?\b|\bfreelance", re.IGNORECASE)),
    ("temporary", re.compile(r"\btemp(?:orary)?\b|\bfixed[- ]term\b|\bseasonal\b|\bcover\b", re.IGNORECASE)),
    ("part-time", re.compile(r"\bpart[- ]time\b", re.IGNORECASE)),
    ("full-time", re.compile(r"\bfull[- ]time\b", re.IGNORECASE)),
)


def extract_employment_type(text: str, title: str | None = None, posted: str | None = None) -> Fact | None:
    """The feed's value first, then the title, then the text."""
    if posted in EMPLOYMENT_TYPES:
        return Fact(posted, "posted")
    for value, pattern in TITLE_TYPES:
        if title and (m := pattern.search(title)):
            return Fact(value, "inferred", None, None, m.group(0))
    low = lowered(text)
    for value, pattern in TEXT_TYPES:
        if m := search_near(pattern, text, low, TEXT_TYPE_WORDS[value]):
            return parsed(value, text, m.start(), m.end())
    return None


SPONSOR = r"(?:sponsor(?:ship|s|ing)?|support (?:for )?visas?|visa support)"
VISA_NO = re.compile(
    rf"\b(?:(?:currently )?unable|not (?:currently )?able|cannot|can ?not|can't|will not|won't|do not|does not"
    rf"|don't|doesn't|are not (?:currently )?able|is not (?:currently )?able|aren't (?:currently )?able"
    rf"|not (?:currently )?in a position)\s+(?:to\s+)?(?:currently\s+)?(?:provide|offer|support"
    rf"|sponsor|consider)?\s*(?:any\s+)?(?:(?:employment\s+|work\s+)?visas?|immigration|work permits?|H-?1B)?\s*"
    rf"{SPONSOR}"
    rf"|\bno (?:visa |immigration )?sponsorship\b|\bsponsorship (?:is )?(?:not |un)(?:available|offered|provided)"
    rf"|\bnot (?:be )?(?:eligible|available) for (?:visa |immigration )?sponsorship\b"
    rf"|\bwithout (?:the need for |requiring |needing )?(?:current or future |any )?"
    rf"(?:visa |employer )?sponsorship\b"
    rf"|\bnot (?:offer|provide)(?:ing)? (?:visa|immigration) sponsorship\b"
    rf"|\b(?:sponsorship|visa sponsorship) (?:will not|cannot|can ?not|won't) be (?:provided|offered)\b",
    re.IGNORECASE)
VISA_YES = re.compile(
    r"\b(?:we|company|employer)\s+(?:do|does|will|can|are able to|is able to|offer to|happily)\s+"
    r"(?:also\s+)?sponsor\b|\b(?:visa|immigration|H-?1B) sponsorship (?:is )?(?:available|offered|provided"
    r"|possible|supported)\b|\b(?:offer|offers|provide|provides|support|supports|including)\s+(?:full\s+)?"
    r"(?:visa|immigration|relocation and visa) (?:sponsorship|support)\b|\bsponsorship (?:is )?available\b"
    r"|\bwill sponsor\b|\bopen to sponsoring\b|\bsponsor(?:ing)? (?:work )?visas\b|\bvisa sponsorship"
    r"(?: and| &)? relocation\b|\bsponsorship (?:is )?(?:possible|provided|offered)\b"
    r"|\b(?:offer|offers|provide|provides|support|supports)\s+[^.\n]{0,40}?\bvisa (?:sponsorship|support)\b"
    r"|\bvisa (?:and|&) relocation\b|\brelocation (?:and|&) visa\b", re.IGNORECASE)


VISA_WORDS = ("sponsor", "visa")


def extract_visa(text: str) -> Fact:
    """yes, no, or unknown; a negation anywhere outranks a promise ("we sponsor… not for this role")."""
    low = lowered(text)
    if not contains(low, "sponsor") and not contains(low, "visa"):
        return Fact("unknown", "inferred")
    if m := search_near(VISA_NO, text, low, VISA_WORDS):
        return parsed("no", text, m.start(), m.end())
    if m := search_near(VISA_YES, text, low, VISA_WORDS):
        return parsed("yes", text, m.start(), m.end())
    return Fact("unknown", "inferred")
