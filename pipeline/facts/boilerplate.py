"""A company's boilerplate: the paragraphs repeated on most of its postings, told apart from the role."""

from __future__ import annotations

import hashlib
import re

MIN_POSTINGS = 3  # fewer postings cannot show what repeats
MIN_SHARE = 0.5  # a paragraph on at least half of them is the company's, not the role's
HEADING_MAX_CHARS = 60  # a short paragraph right before boilerplate is its heading ("About us")

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
SPACE = re.compile(r"\s+")


def paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks; a text without blank lines is split into its lines."""
    blocks = [b.strip() for b in PARAGRAPH_BREAK.split(text) if b.strip()]
    if len(blocks) <= 1:
        blocks = [line.strip() for line in text.splitlines() if line.strip()]
    return blocks


def fingerprint(paragraph: str) -> str:
    """Equal for paragraphs that differ only in case and spacing."""
    normal = SPACE.sub(" ", paragraph).strip().lower()
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=8).hexdigest()


def company_boilerplate(texts: list[str]) -> set[str]:
    """Fingerprints of the paragraphs found on at least half of a company's postings (three or more)."""
    if len(texts) < MIN_POSTINGS:
        return set()
    counts: dict[str, int] = {}
    for text in texts:
        for fp in {fingerprint(p) for p in paragraphs(text)}:
            counts[fp] = counts.get(fp, 0) + 1
    needed = max(2, MIN_SHARE * len(texts))
    return {fp for fp, n in counts.items() if n >= needed}


def is_heading(block: str) -> bool:
    """A short line that is not a sentence ("About us"): it belongs to the paragraph after it."""
    return len(block) <= HEADING_MAX_CHARS and "\n" not in block and not block.rstrip().endswith((".", "!", "?"))


def split_posting(text: str, boilerplate: set[str]) -> tuple[str, str]:
    """(role_text, company_text): the posting's own paragraphs, and its boilerplate ones, in order."""
    blocks = paragraphs(text)
    is_company = [fingerprint(b) in boilerplate for b in blocks]
    for i in range(len(blocks) - 1):
        if is_company[i + 1] and is_heading(blocks[i]):
            is_company[i] = True
    role = "\n\n".join(b for b, company in zip(blocks, is_company) if not company)
    company = "\n\n".join(b for b, company in zip(blocks, is_company) if company)
    return role, company
