"""What needs an analysis this run: postings and companies whose content has none yet from this backend's model."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from pipeline.analysis import offline
from pipeline.analysis.inputs import company_input, company_input_hash, read_job_inputs
from pipeline.analysis.store import query_dicts, reading
from pipeline.analysis.tasks import company_task, job_task


@dataclass
class Work:
    tasks: list = field(default_factory=list)
    n_up_to_date: int = 0  # open postings and companies whose current content is analyzed already
    n_in_flight: int = 0  # companies waiting on a batch


@dataclass(frozen=True)
class Versions:
    """What counts as already analyzed: by this model (any, offline) and this prompt (any, under new-content)."""

    model: str
    job_prompt: str
    company_prompt: str
    any_model: bool
    any_prompt: bool
    skip_in_flight: bool


def versions_for(backend: str, settings) -> Versions:
    if backend == "offline":
        # Any analysis of the content will do: the offline one only fills gaps.
        return Versions(offline.MODEL, offline.VERSION, offline.VERSION, True, True, False)
    return Versions(
        settings.model,
        settings.job_prompt,
        settings.company_prompt,
        False,
        settings.prompt_policy == "new-content",
        backend == "openai-batch",
    )


def select_work(config, db_path, backend: str, versions: Versions, as_of: datetime, limit: int | None) -> Work:
    """Read everything the tasks need in one short pass and close the connection before any request."""
    settings = config.analysis
    prompts = (None, None) if backend == "offline" else (settings.job_prompt, settings.company_prompt)
    work = Work()
    with reading(db_path) as con:
        jobs = read_job_inputs(
            con,
            model=versions.model,
            prompt_version=versions.job_prompt,
            any_model=versions.any_model,
            any_prompt=versions.any_prompt,
            skip_in_flight=versions.skip_in_flight,
            limit=limit,
        )
        states = _company_states(con, config, versions)
        companies = _companies_due(con, config, states, as_of, limit)
    work.tasks = [job_task(job, prompts[0], settings.max_input_chars) for job in jobs]
    work.tasks += [company_task(c, prompts[1], settings.max_input_chars) for c in companies]
    n_open = sum(s["n_open"] for s in states)
    n_company_todo = sum(1 for s in states if s["n_open"] and not s["is_in_flight"])
    work.n_up_to_date = (n_open - len(jobs) if limit is None else 0) + n_company_todo - len(companies)
    work.n_in_flight = sum(1 for s in states if s["is_in_flight"])
    return work


def _company_states(con, config, versions: Versions) -> list[dict]:
    states = query_dicts(
        con,
        "analysis_company_state",
        model=versions.model,
        prompt_version=versions.company_prompt,
        any_model=versions.any_model,
        any_prompt=versions.any_prompt,
        skip_in_flight=versions.skip_in_flight,
    )
    configured = {(f.source, f.board) for f in config.feeds}
    return [s for s in states if not configured or (s["source"], s["board"]) in configured]


def _companies_due(con, config, states: list[dict], as_of: datetime, limit: int | None) -> list:
    """Companies whose postings changed since their last analysis, at most once per refresh period."""
    names = {(f.source, f.board): f.display_name for f in config.feeds}
    refresh = timedelta(days=config.analysis.company_refresh_days)
    due = []
    for state in states:
        if not state["n_open"] or state["is_in_flight"] or (limit is not None and len(due) >= limit):
            continue
        key = (state["source"], state["board"])
        name = names.get(key) or state["company"] or key[1]
        if state["last_input_hash"] == company_input_hash(name, state["fingerprint"]):
            continue
        if state["last_analysis_at"] is not None and as_of - state["last_analysis_at"] < refresh:
            continue
        due.append(company_input(con, key[0], key[1], name, state["fingerprint"], as_of))
    return due

