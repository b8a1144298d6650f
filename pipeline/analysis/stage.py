"""The analysis stage: choose a backend, select what needs analysis, run it within the budget, store it as it comes."""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone

from pipeline.analysis import batch, offline
from pipeline.analysis.ledger import Budget, cost_usd, estimate_tokens, price_for
from pipeline.analysis.limiter import Limiter
from pipeline.analysis.openai_backend import Online, Outcome, make_client, run_online
from pipeline.analysis.prompt import load_prompt
from pipeline.analysis.selection import Versions, select_work, versions_for
from pipeline.analysis.store import write_results
from pipeline.analysis.tasks import analysis_row
from pipeline.db import prepare

BACKENDS = ("auto", "offline", "openai", "openai-batch")
EXPECTED_OUTPUT_TOKENS = {"job": 700, "company": 500}  # for estimates; the budget reserves max_output_tokens
FLUSH_ROWS = 50  # model analyses are paid for: write them often
FLUSH_SECONDS = 5.0
OFFLINE_FLUSH_ROWS = 1000  # offline ones cost nothing to redo: fewer, larger writes
SAMPLES = 20


class AnalysisError(ValueError):
    """A setting that makes the analysis impossible; the message is one line."""


@dataclass
class Plan:
    """What a run would do, before anything is spent (jobpipe analyze --dry-run)."""

    backend: str
    reason: str
    model: str
    n_jobs: int
    n_companies: int
    n_up_to_date: int
    n_requests: int
    est_tokens_in: int
    est_tokens_out: int
    est_cost_usd: float
    n_within_budget: int
    chars_sent: int  # all requests' characters
    raw_chars: int  # the same postings as the feeds' HTML
    tasks: list = field(default_factory=list, repr=False)

    def lines(self) -> list[str]:
        """What --dry-run prints."""
        out = [
            f"backend: {self.backend} ({self.reason})",
            f"to analyze: {self.n_jobs} postings, {self.n_companies} companies; {self.n_up_to_date} up to date",
        ]
        if self.backend != "offline":
            out.append(
                f"requests: {self.n_requests}, about {self.est_tokens_in:,} tokens in and {self.est_tokens_out:,}"
                f" out, estimated ${self.est_cost_usd:.2f} with {self.model}"
            )
            if self.n_within_budget < self.n_requests:
                out.append(f"the budget covers {self.n_within_budget} of them; the rest waits for a later run")
        return out


@dataclass
class AnalyzeSummary:
    backend: str
    reason: str
    model: str
    run_id: str
    dry_run: bool = False
    n_requested: int = 0  # analyses this run set out to produce
    n_cached: int = 0  # postings and companies whose current content was analyzed already: nothing sent
    n_done: int = 0
    n_failed: int = 0
    n_grounded: int = 0
    n_requests_sent: int = 0
    n_submitted: int = 0  # batch lines submitted this run
    n_in_flight: int = 0  # batches still running at the provider
    cost_usd: float = 0.0
    tokens_in: int = 0
    tokens_cached: int = 0
    tokens_out: int = 0
    budget_stopped: str | None = None
    n_disagreements: int = 0
    disagreements: list = field(default_factory=list)  # samples: "job 12345: salary min: ..."
    errors: list = field(default_factory=list)  # samples
    plan: Plan | None = None
    elapsed_s: float = 0.0

    @property
    def grounded_share(self) -> float | None:
        return self.n_grounded / self.n_done if self.n_done else None

    def lines(self) -> list[str]:
        """What a run prints: the backend and why, what was done, what it cost, what stopped it."""
        if self.plan is not None:
            return self.plan.lines()
        share = f"{self.grounded_share:.0%}" if self.grounded_share is not None else "n/a"
        out = [
            f"backend: {self.backend} ({self.reason})",
            f"analyses: {self.n_done} written, {self.n_failed} failed, {self.n_cached} already up to date; "
            f"grounded: {share}",
        ]
        if self.backend != "offline":
            out.append(
                f"requests: {self.n_requests_sent} ({self.tokens_in:,} tokens in, {self.tokens_cached:,} cached, "
                f"{self.tokens_out:,} out), cost ${self.cost_usd:.4f}"
            )
        if self.backend == "openai-batch":
            out.append(f"batch: {self.n_submitted} requests submitted, {self.n_in_flight} batches in flight")
        if self.budget_stopped:
            out.append(f"budget: stopped before exceeding it: {self.budget_stopped}")
        if self.n_disagreements:
            out.append(f"disagreements with extracted facts: {self.n_disagreements}, e.g. {self.disagreements[0]}")
        out += [f"failed: {error}" for error in self.errors[:5]]
        return out


def choose_backend(config, requested: str | None = None) -> tuple[str, str]:
    """(backend, why): auto is openai when OPENAI_API_KEY is set, else offline."""
    name = requested or config.analysis.backend
    if name not in BACKENDS:
        raise AnalysisError(f"unknown analysis backend {name!r} (expected one of: {', '.join(BACKENDS)})")
    where = f" at {config.openai_base_url}" if config.openai_base_url else ""
    if name == "auto":
        if config.openai_api_key:
            return "openai", f"auto: OPENAI_API_KEY is set, so {config.analysis.model}{where}"
        return "offline", "auto: no OPENAI_API_KEY, so the offline analyzer (set it to use a model)"
    if name != "offline" and not config.openai_api_key:
        raise AnalysisError(
            f"backend {name} needs OPENAI_API_KEY (any value will do for a local OpenAI-compatible server)"
        )
    origin = "--backend" if requested else "[analysis] backend"
    return name, f"{origin} = {name}" + (f": {config.analysis.model}{where}" if name != "offline" else "")


def plan_analyses(config, db_path=None, *, backend: str | None = None, limit: int | None = None) -> Plan:
    """How many requests, tokens and dollars a run would take now; sends nothing."""
    db_path = db_path or config.db_path
    chosen, reason = choose_backend(config, backend)
    versions = _checked_versions(config, chosen)
    prepare(db_path)
    work = select_work(config, db_path, chosen, versions, _now(), limit)
    return _plan(config, chosen, reason, versions.model, work)


def _plan(config, backend: str, reason: str, model: str, work) -> Plan:
    settings, tasks = config.analysis, work.tasks
    is_model = backend != "offline"
    tokens_in = sum(estimate_tokens(t.chars) for t in tasks) if is_model else 0
    tokens_out = sum(min(EXPECTED_OUTPUT_TOKENS[t.kind], settings.max_output_tokens) for t in tasks) if is_model else 0
    price = price_for(model, settings.prices)
    batch_tier = backend == "openai-batch"
    budget = Budget(settings.max_cost_usd, settings.max_requests)
    fits = (
        sum(
            budget.reserve(cost_usd(price, estimate_tokens(t.chars), 0, settings.max_output_tokens, batch=batch_tier))
            for t in tasks
        )
        if is_model
        else len(tasks)
    )
    return Plan(
        backend=backend,
        reason=reason,
        model=model,
        n_jobs=sum(t.kind == "job" for t in tasks),
        n_companies=sum(t.kind == "company" for t in tasks),
        n_up_to_date=work.n_up_to_date,
        n_requests=len(tasks) if is_model else 0,
        est_tokens_in=tokens_in,
        est_tokens_out=tokens_out,
        est_cost_usd=cost_usd(price, tokens_in, 0, tokens_out, batch=batch_tier) if is_model else 0.0,
        n_within_budget=fits,
        chars_sent=sum(t.chars for t in tasks),
        raw_chars=sum(getattr(t.source_input, "raw_chars", 0) for t in tasks if t.kind == "job"),
        tasks=tasks,
    )


def analyze(
    config, db_path=None, *, backend: str | None = None, dry_run: bool = False, limit: int | None = None, progress=None
) -> AnalyzeSummary:
    """Analyze every open posting and company whose content has no analysis yet; progress(done, total) if given."""
    started = time.monotonic()
    db_path = db_path or config.db_path
    chosen, reason = choose_backend(config, backend)
    versions = _checked_versions(config, chosen)
    summary = AnalyzeSummary(chosen, reason, versions.model, uuid.uuid4().hex, dry_run=dry_run)
    prepare(db_path)
    if dry_run:
        summary.plan = plan_analyses(config, db_path, backend=chosen, limit=limit)
        summary.n_requested, summary.n_cached = len(summary.plan.tasks), summary.plan.n_up_to_date
        return summary
    if chosen == "offline":
        _run_offline(config, db_path, versions, summary, limit, progress)
    else:
        _run_model(config, db_path, chosen, versions, summary, limit, progress)
    summary.elapsed_s = time.monotonic() - started
    return summary


def _checked_versions(config, backend: str) -> Versions:
    versions = versions_for(backend, config.analysis)
    if config.analysis.prompt_policy not in ("new-content", "all"):
        raise AnalysisError(
            f"[analysis] prompt_policy must be new-content or all, got {config.analysis.prompt_policy!r}"
        )
    try:
        if backend != "offline":
            load_prompt(versions.job_prompt), load_prompt(versions.company_prompt)
        price_for(versions.model, config.analysis.prices)
    except ValueError as exc:
        raise AnalysisError(str(exc)) from None
    return versions


def _run_offline(config, db_path, versions: Versions, summary: AnalyzeSummary, limit, progress) -> None:
    work = select_work(config, db_path, "offline", versions, _now(), limit)
    summary.n_requested, summary.n_cached = len(work.tasks), work.n_up_to_date
    sink = Sink(db_path, summary, len(work.tasks), progress, flush_rows=OFFLINE_FLUSH_ROWS)
    for task in work.tasks:
        # The offline analyzer fills the schema by construction (the tests validate it), so no per-row check.
        make = offline.analyze_job if task.kind == "job" else offline.analyze_company
        sink.add(Outcome(task, make(task.source_input)), "offline", offline.MODEL, offline.VERSION, note=offline.NOTE)
    sink.flush()


def _run_model(config, db_path, backend: str, versions: Versions, summary: AnalyzeSummary, limit, progress) -> None:
    settings = config.analysis
    ctx = Online(
        client=make_client(
            config.openai_api_key, config.openai_base_url, settings.request_timeout_s, settings.max_retries
        ),
        model=settings.model,
        price=price_for(settings.model, settings.prices),
        budget=Budget(settings.max_cost_usd, settings.max_requests),
        limiter=Limiter(settings.requests_per_minute, settings.tokens_per_minute),
        max_output_tokens=settings.max_output_tokens,
        run_id=summary.run_id,
        prompt_versions={"job": settings.job_prompt, "company": settings.company_prompt},
        backend=backend,
    )
    if backend == "openai-batch":
        return _run_batch(config, db_path, versions, ctx, summary, limit)
    work = select_work(config, db_path, backend, versions, _now(), limit)
    summary.n_requested, summary.n_cached = len(work.tasks), work.n_up_to_date
    sink = Sink(db_path, summary, len(work.tasks), progress)
    prompt_of = ctx.prompt_versions
    run_online(
        work.tasks,
        ctx,
        lambda out: sink.add(out, backend, ctx.model, prompt_of[out.task.kind]),
        settings.max_concurrency,
    )
    sink.flush()
    summary.budget_stopped = ctx.budget.stopped


def _run_batch(config, db_path, versions: Versions, ctx: Online, summary: AnalyzeSummary, limit) -> None:
    collected = batch.collect(db_path, ctx)
    _count_rows(summary, collected.rows, collected.ledger)
    summary.n_failed += collected.n_failed
    work = select_work(config, db_path, "openai-batch", versions, _now(), limit)
    summary.n_requested, summary.n_cached = len(work.tasks), work.n_up_to_date
    summary.n_submitted = batch.submit(db_path, ctx, work.tasks)
    summary.n_in_flight = collected.n_in_flight + (1 if summary.n_submitted else 0)
    summary.budget_stopped = ctx.budget.stopped


class Sink:
    """Outcomes in, rows written every FLUSH_ROWS or FLUSH_SECONDS: little is lost if the run stops."""

    def __init__(self, db_path, summary: AnalyzeSummary, total: int, progress, flush_rows: int = FLUSH_ROWS) -> None:
        self.db_path, self.summary, self.total, self.progress = db_path, summary, total, progress
        self.flush_rows = flush_rows
        self.rows, self.ledger, self.n_seen, self.last_flush = [], [], 0, time.monotonic()

    def add(self, out: Outcome, backend: str, model: str, prompt_version: str, note: str | None = None) -> None:
        if out.analysis is not None:
            self.rows.append(
                analysis_row(
                    out.task,
                    out.analysis,
                    backend=backend,
                    model=model,
                    prompt_version=prompt_version,
                    run_id=self.summary.run_id,
                    note=note,
                )
            )
        elif out.sent or backend == "offline":
            self.summary.n_failed += 1
            _sample(self.summary.errors, f"{out.task.kind} {out.task.subject}: {out.error}")
        self.ledger += out.ledger
        self.n_seen += 1
        if len(self.rows) >= self.flush_rows or time.monotonic() - self.last_flush >= FLUSH_SECONDS:
            self.flush()
        if self.progress:
            self.progress(self.n_seen, self.total)

    def flush(self) -> None:
        write_results(self.db_path, self.rows, self.ledger)
        _count_rows(self.summary, self.rows, self.ledger)
        self.rows, self.ledger, self.last_flush = [], [], time.monotonic()


def _count_rows(summary: AnalyzeSummary, rows: list[dict], ledger: list) -> None:
    summary.n_done += len(rows)
    summary.n_grounded += sum(r["is_grounded"] for r in rows)
    summary.n_requests_sent += len(ledger)
    summary.cost_usd += sum(e.cost_usd for e in ledger)
    summary.tokens_in += sum(e.tokens_in for e in ledger)
    summary.tokens_cached += sum(e.tokens_cached for e in ledger)
    summary.tokens_out += sum(e.tokens_out for e in ledger)
    for row in rows:
        found = json.loads(row["disagreements_json"])
        summary.n_disagreements += len(found)
        for item in found:
            _sample(summary.disagreements, f"{row['kind']} {row['subject']}: {item}")


def _sample(items: list, item: str) -> None:
    if len(items) < SAMPLES:
        items.append(item)


def _now() -> datetime:
    return datetime.now(timezone.utc)
