"""A fact with where it came from: the value, its source, and the span of text that shows it."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

SOURCES = ("posted", "parsed", "inferred")


@dataclass(frozen=True, slots=True)
class Fact:
    value: Any
    source: str  # posted: a structured field of the feed; parsed: found in the text; inferred: derived by a rule
    start: int | None = None  # character offsets into the text the extractor was given
    end: int | None = None
    quote: str | None = None  # text[start:end]

    def to_dict(self) -> dict:
        return asdict(self)


def parsed(value: Any, text: str, start: int, end: int) -> Fact:
    return Fact(value, "parsed", start, end, text[start:end])
