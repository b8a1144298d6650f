"""What an analysis is made from: postings needing one, their facts, role and company text, read in one short pass."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from pipeline.analysis.prompt import clip
from pipeline.analysis.signals import hiring_signals
from pipeline.facts.boilerplate import company_boilerplate, split_posting
from pipeline.facts.extract import extract_facts
from pipeline.analysis.store import query_dicts
from pipeline.jobjson import jobs_of

BOILERPLATE_SAMPLE = 40  # postings per company compared to find its boilerplate
FALLBACK_CHARS = 1200


@dataclass(frozen=True)
class JobInput:
    job_id: int
    version_id: int
    input_hash: str  # the version's content hash: an unchanged posting keeps it
    source: str
    board: str
    company: str
    title: str
    description_text: str
    role_text: str  # the posting without its company boilerplate: what a job analysis is sent
    company_text: str
    facts: dict
    department: str | None = None
    team: str | None = None
    location: str | None = None
    workplace_type: str | None = None
    employment_type: str | None = None
    raw_chars: int = 0  # the posting as the feed sent it (HTML), to compare what is sent

    @property
    def subject(self) -> str:
        return str(self.version_id)

    @property
    def material(self) -> str:
        """What evidence quotes may come from: the posting's fields as sent, and its whole text."""
        from pipeline.analysis.prompt import job_header

        return f"{job_header(self)}\n{self.description_text}"


@dataclass(frozen=True)
class CompanyInput:
    source: str
    board: str
    name: str
    input_hash: str  # hash of its postings' state: unchanged postings, unchanged input
    company_text: str  # the company's own boilerplate (intro, culture, benefits)
    signals: dict

    @property
    def subject(self) -> str:
        return f"{self.source}/{self.board}"


def read_job_inputs(
    con, *, model: str, prompt_version: str, any_model: bool, any_prompt: bool, skip_in_flight: bool, limit: int | None
) -> list[JobInput]:
    rows = query_dicts(
        con,
        "analysis_jobs_todo",
        model=model,
        prompt_version=prompt_version,
        any_model=any_model,
        any_prompt=any_prompt,
        skip_in_flight=skip_in_flight,
    )
    rows = rows[:limit] if limit is not None else rows
    boards = {(r["source"], r["board"]) for r in rows if r["boilerplate"] is None}
    learned = {key: boilerplate_of(company_postings(con, *key)) for key in boards}
    raws = jobs_of(con, [(row["payload_hash"], row["external_id"]) for row in rows])
    return [
        job_input(row, set(row["boilerplate"] or learned.get((row["source"], row["board"])) or ()),
                  raws.get((row["payload_hash"], row["external_id"])))
        for row in rows
    ]  # fmt: skip


def boilerplate_of(rows: list[dict]) -> set:
    """The company's boilerplate as the facts stage recorded it, or learned now from these postings."""
    if rows and rows[0].get("boilerplate") is not None:
        return set(rows[0]["boilerplate"])
    return company_boilerplate([r["description_text"] or "" for r in rows])


def company_postings(con, source: str, board: str) -> list[dict]:
    return query_dicts(con, "analysis_company_texts", source=source, board=board, max_postings=BOILERPLATE_SAMPLE)


def job_input(row: dict, boilerplate: set, raw: dict | None = None) -> JobInput:
    """The analysis input of one posting; raw is its job JSON as the board served it, when known."""
    text = row["description_text"] or ""
    role_text, company_text = split_posting(text, boilerplate) if boilerplate else (text, "")
    return JobInput(
        job_id=row["job_id"],
        version_id=row["version_id"],
        input_hash=row["input_hash"],
        source=row["source"],
        board=row["board"],
        company=row.get("company") or row["board"],
        title=row["title"],
        description_text=text,
        role_text=role_text or text,
        company_text=company_text,
        facts=facts_of(row, raw),
        department=row.get("department"),
        team=row.get("team"),
        location=row.get("location"),
        workplace_type=row.get("workplace_type"),
        employment_type=row.get("employment_type"),
        raw_chars=raw_html_chars(raw, text),
    )


def facts_of(row: dict, raw: dict | None = None) -> dict:
    """The posting's facts as the facts stage stored them, else extracted now by the same extractor."""
    if row.get("facts_json"):
        return json.loads(row["facts_json"])
    return extract_facts(
        row["description_text"] or "",
        title=row.get("title"),
        location=row.get("location"),
        source=row.get("source"),
        raw=raw,
        posted_workplace=row.get("workplace_type"),
        posted_employment=row.get("employment_type"),
    )


def company_input_hash(name: str, fingerprint: str) -> str:
    return hashlib.sha256(f"{name}\x1f{fingerprint}".encode()).hexdigest()


def company_input(con, source: str, board: str, name: str, fingerprint: str, as_of: datetime) -> CompanyInput:
    rows = company_postings(con, source, board)
    company_text = _company_text([r["description_text"] or "" for r in rows], boilerplate_of(rows))
    signals = hiring_signals(con, source, board, as_of)
    return CompanyInput(source, board, name, company_input_hash(name, fingerprint), company_text, signals)


def _company_text(texts: list[str], boilerplate: set) -> str:
    """The company part of its most recent posting that has one (boilerplate is the same on each)."""
    for text in texts:
        company_text = split_posting(text, boilerplate)[1] if boilerplate else ""
        if company_text.strip():
            return company_text
    # Too few postings to tell boilerplate apart: the opening of the latest posting speaks for the company.
    return clip(texts[0], FALLBACK_CHARS) if texts else ""


def raw_html_chars(raw: dict | None, text: str) -> int:
    """Characters of the posting body as the feed sent it (HTML for Greenhouse, Lever, Ashby)."""
    if not raw:
        return len(text)
    parts = [raw.get(k) for k in ("content", "description", "additional", "descriptionHtml")]
    parts += [item.get("content") for item in raw.get("lists") or [] if isinstance(item, dict)]
    return sum(len(p) for p in parts if isinstance(p, str)) or len(text)
