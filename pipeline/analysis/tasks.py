"""One analysis to produce (a Task) and the row it becomes once a backend has answered."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone

from pipeline.analysis import prompt
from pipeline.analysis.factview import facts_line
from pipeline.analysis.grounding import fact_disagreements, ungrounded_quotes
from pipeline.analysis.render import render_company, render_job
from pipeline.analysis.signals import signals_text


@dataclass(frozen=True)
class Task:
    kind: str  # job | company
    subject: str
    input_hash: str
    material: str  # what evidence quotes must occur in
    messages: list = field(repr=False)
    keys: dict = field(default_factory=dict)  # job_id, version_id, source, board, company
    facts: dict = field(default_factory=dict, repr=False)
    extra: dict = field(default_factory=dict, repr=False)  # stored beside the analysis (a company's signals)
    source_input: object = field(default=None, repr=False, compare=False)  # the JobInput / CompanyInput

    @property
    def chars(self) -> int:
        return prompt.chars_sent(self.messages)


def job_task(job, prompt_name: str | None, max_chars: int) -> Task:
    """The task of analyzing one posting; no messages when no model will be asked (offline)."""
    msgs = prompt.job_messages(prompt_name, job, facts_line(job.facts), max_chars) if prompt_name else []
    return Task(
        kind="job",
        subject=job.subject,
        input_hash=job.input_hash,
        material=job.material,
        messages=msgs,
        keys={
            "job_id": job.job_id,
            "version_id": job.version_id,
            "source": job.source,
            "board": job.board,
            "company": job.company,
        },
        facts=job.facts,
        source_input=job,
    )


def company_task(company, prompt_name: str | None, max_chars: int) -> Task:
    text = signals_text(company.signals)
    msgs = prompt.company_messages(prompt_name, company, text, max_chars) if prompt_name else []
    return Task(
        kind="company",
        subject=company.subject,
        input_hash=company.input_hash,
        material=f"{text}\n{company.company_text}",
        messages=msgs,
        keys={
            "job_id": None,
            "version_id": None,
            "source": company.source,
            "board": company.board,
            "company": company.name,
        },
        extra={"signals": company.signals},
        source_input=company,
    )


def analysis_row(
    task: Task, analysis: dict, *, backend: str, model: str, prompt_version: str, run_id: str, note: str | None = None
) -> dict:
    """The analyses row: grounding and agreement with the facts checked, the text rendered."""
    bad = ungrounded_quotes(analysis, task.material)
    n_quotes = len(analysis.get("evidence", []))
    disagreements = fact_disagreements(analysis, task.facts, task.material) if task.kind == "job" else []
    meta = {"backend": backend, "model": model, "prompt_version": prompt_version, "ungrounded_quotes": bad}
    if note:
        meta["note"] = note
    render = render_job if task.kind == "job" else render_company
    return {
        "kind": task.kind,
        "subject": task.subject,
        "input_hash": task.input_hash,
        "prompt_version": prompt_version,
        "model": model,
        "backend": backend,
        **task.keys,
        "created_at": datetime.now(timezone.utc),
        "run_id": run_id,
        "is_grounded": n_quotes > 0 and not bad,
        "n_quotes": n_quotes,
        "n_quotes_grounded": n_quotes - len(bad),
        "disagreements_json": json.dumps(disagreements),
        "analysis_json": json.dumps({**analysis, **task.extra, "meta": meta}, ensure_ascii=False, default=str),
        "analysis_text": render(analysis),
    }
