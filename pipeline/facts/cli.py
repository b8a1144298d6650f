"""`jobpipe extract`: the extractors on JSON lines from outside the database."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

import orjson

from pipeline.facts.extract import extract_facts


def extract_line(line: str, currency: str) -> dict:
    record = orjson.loads(line)
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise ValueError('expected an object with a "text" string')
    return extract_facts(
        record["text"], title=record.get("title"), location=record.get("location"), reporting_currency=currency
    )


def extract_lines(source: IO[str], sink: IO[str], currency: str, warn: Callable[[str], None]) -> int:
    """One JSON line of facts per input line; a bad line is reported and skipped. Returns how many were bad."""
    n_bad = 0
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        try:
            facts = extract_line(line, currency)
        except (orjson.JSONDecodeError, ValueError) as exc:
            n_bad += 1
            warn(f"jobpipe extract: line {number}: {str(exc).splitlines()[0]}")
            continue
        sink.write(orjson.dumps(facts, default=str).decode() + "\n")
    return n_bad
