"""Versioned prompt files and the messages built from them: fixed instructions first, posting text as delimited data."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

PROMPTS_DIR = Path(__file__).resolve().parent / "prompts"
_NAME = re.compile(r"^[a-z]+-v\d+[a-z0-9-]*$")


@lru_cache(maxsize=None)
def load_prompt(name: str) -> str:
    """The instructions of prompts/NAME.md; NAME (e.g. job-v1) is the prompt version recorded with each analysis."""
    if not _NAME.match(name):
        raise ValueError(f"prompt name {name!r} is not of the form kind-vN")
    path = PROMPTS_DIR / f"{name}.md"
    if not path.exists():
        raise ValueError(f"no prompt file {path}")
    return path.read_text(encoding="utf-8").strip()


def data_block(label: str, text: str) -> str:
    """Text between markers derived from its own hash: a posting cannot forge the closing marker."""
    token = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return f"<<<{label}-{token}\n{text}\n{label}-{token}>>>"


def messages(instructions: str, preface: str, label: str, data: str) -> list[dict]:
    """System instructions (identical across requests, so providers cache them), then the data."""
    return [
        {"role": "system", "content": instructions},
        {"role": "user", "content": f"{preface}\n\n{data_block(label, data)}"},
    ]


def job_header(job) -> str:
    """The posting's own fields, as the first lines of its data block."""
    fields = (
        ("Title", job.title),
        ("Company", job.company),
        ("Team", " / ".join(x for x in (job.department, job.team) if x)),
        ("Location", job.location),
    )
    return "\n".join(f"{name}: {value}" for name, value in fields if value)


def job_messages(prompt_name: str, job, facts_line: str, max_chars: int) -> list[dict]:
    data = f"{job_header(job)}\n\n{clip(job.role_text, max_chars)}"
    return messages(load_prompt(prompt_name), f"Extracted facts (reliable): {facts_line}", "POSTING", data)


def company_messages(prompt_name: str, company, signals_text: str, max_chars: int) -> list[dict]:
    data = f"Company: {company.name}\n\nHiring figures from jobpipe:\n{signals_text}\n\nThe company's own text:\n"
    data += clip(company.company_text, max_chars) or "(none)"
    return messages(load_prompt(prompt_name), "Analyse this company for a candidate.", "COMPANY", data)


def clip(text: str, max_chars: int) -> str:
    """At most max_chars, cut after the last full sentence or line that fits."""
    if len(text) <= max_chars:
        return text
    head = text[:max_chars]
    cut = max(head.rfind(". "), head.rfind("\n"))
    return head[: cut + 1].rstrip() if cut > max_chars // 2 else head.rstrip()


def chars_sent(msgs: list[dict]) -> int:
    return sum(len(m["content"]) for m in msgs)
