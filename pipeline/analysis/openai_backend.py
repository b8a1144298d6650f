"""The openai backend: strict-JSON chat completions under concurrency and rate limits, re-asked when invalid."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field

import openai

from pipeline.analysis.grounding import ungrounded_quotes
from pipeline.analysis.ledger import Budget, LedgerRow, Price, cost_usd, estimate_tokens, record_usage
from pipeline.analysis.limiter import Limiter
from pipeline.analysis.prompt import chars_sent
from pipeline.analysis.schema import parse_analysis, response_format

CONNECT_TIMEOUT_S = 10.0


def make_client(api_key: str, base_url: str | None, timeout_s: float, max_retries: int) -> openai.OpenAI:
    """The openai client. It retries 429 (honouring Retry-After), 5xx and timeouts itself, max_retries times."""
    timeout = openai.Timeout(timeout_s, connect=min(CONNECT_TIMEOUT_S, timeout_s))
    return openai.OpenAI(api_key=api_key, base_url=base_url, timeout=timeout, max_retries=max_retries)


@dataclass
class Online:
    """What every request of one run shares."""

    client: openai.OpenAI
    model: str
    price: Price
    budget: Budget
    limiter: Limiter
    max_output_tokens: int
    run_id: str
    prompt_versions: dict  # kind -> prompt version
    backend: str = "openai"
    stop: threading.Event = field(default_factory=threading.Event)


@dataclass
class Outcome:
    task: object
    analysis: dict | None
    ledger: list = field(default_factory=list)
    error: str | None = None
    sent: bool = False


def run_online(tasks: list, ctx: Online, on_outcome, max_concurrency: int) -> None:
    """Analyze every task on a pool of threads; on_outcome runs on this thread, in completion order."""
    with ThreadPoolExecutor(max_workers=max(1, max_concurrency), thread_name_prefix="analysis") as pool:
        futures = [pool.submit(_safely, task, ctx) for task in tasks]
        try:
            for future in as_completed(futures):
                on_outcome(future.result())
        except BaseException:
            ctx.stop.set()  # interrupted: let the workers finish what is in flight, send nothing new
            raise


def _safely(task, ctx: Online) -> Outcome:
    try:
        return analyze_task(task, ctx)
    except Exception as exc:  # one bad reply must not lose the others
        return Outcome(task, None, error=f"unexpected error: {type(exc).__name__}: {str(exc)[:200]}")


def analyze_task(task, ctx: Online) -> Outcome:
    """Ask; re-ask once with the validation error; retry once when quotes are not in the posting."""
    out = Outcome(task, None)
    msgs = task.messages
    reply = ask(ctx, task, msgs, "first", out)
    analysis, problem = parse_analysis(task.kind, reply) if reply is not None else (None, None)
    if problem:
        _mark(out, "invalid", problem)
        msgs = _follow_up(
            msgs, reply, f"That reply was not valid: {problem}. Reply again with JSON that follows the schema."
        )
        reply = ask(ctx, task, msgs, "reask", out)
        analysis, problem = parse_analysis(task.kind, reply) if reply is not None else (None, None)
        if problem:
            _mark(out, "invalid", problem)
    if analysis is None:
        out.error = out.error or problem or (out.ledger[-1].error if out.ledger else ctx.budget.stopped)
        return out
    out.analysis = _regrounded(ctx, task, msgs, reply, analysis, out)
    return out


def _regrounded(ctx: Online, task, msgs: list, reply: str, analysis: dict, out: Outcome) -> dict:
    bad = ungrounded_quotes(analysis, task.material)
    if not bad:
        return analysis
    _mark(out, "ungrounded", f"{len(bad)} quote(s) not in the posting")
    listed = "\n".join(f"- {q[:200]}" for q in bad)
    note = (
        f"These evidence quotes do not occur word for word in the material:\n{listed}\n"
        "Copy every quote exactly from the material, or drop that claim. Reply with the whole JSON again."
    )
    retry = ask(ctx, task, _follow_up(msgs, reply, note), "ground_retry", out)
    second, problem = parse_analysis(task.kind, retry) if retry is not None else (None, "no reply")
    if second is None:
        return analysis
    still = ungrounded_quotes(second, task.material)
    if still:
        _mark(out, "ungrounded", f"{len(still)} quote(s) still not in the posting")
    return second if len(still) <= len(bad) else analysis


def _follow_up(msgs: list, reply: str, note: str) -> list:
    return [*msgs, {"role": "assistant", "content": reply}, {"role": "user", "content": note}]


def _mark(out: Outcome, status: str, error: str) -> None:
    if out.ledger:
        out.ledger[-1].status, out.ledger[-1].error = status, error[:500]


def ask(ctx: Online, task, msgs: list, purpose: str, out: Outcome) -> str | None:
    """One request through the budget and the limiter, recorded in the ledger; the reply's content or None."""
    chars = chars_sent(msgs)
    est_in = estimate_tokens(chars)
    worst = cost_usd(ctx.price, est_in, 0, ctx.max_output_tokens)
    if ctx.stop.is_set() or not ctx.budget.reserve(worst):
        return None
    ctx.limiter.wait(est_in + ctx.max_output_tokens)
    row = LedgerRow(
        run_id=ctx.run_id,
        backend=ctx.backend,
        model=ctx.model,
        kind=task.kind,
        subject=task.subject,
        input_hash=task.input_hash,
        prompt_version=ctx.prompt_versions[task.kind],
        purpose=purpose,
        chars_sent=chars,
    )
    out.sent = True
    started = time.monotonic()
    try:
        return _send(ctx, task.kind, msgs, row)
    finally:
        row.latency_ms = int((time.monotonic() - started) * 1000)
        ctx.budget.settle(worst, row.cost_usd)
        out.ledger.append(row)


def _send(ctx: Online, kind: str, msgs: list, row: LedgerRow) -> str | None:
    try:
        raw = ctx.client.chat.completions.with_raw_response.create(
            model=ctx.model,
            messages=msgs,
            response_format=response_format(kind),
            max_completion_tokens=ctx.max_output_tokens,
        )
        completion = raw.parse()
    except openai.APITimeoutError:
        row.status, row.error, row.n_retries = (
            "failed",
            "timed out (after the client's retries)",
            ctx.client.max_retries,
        )
        return None
    except openai.APIStatusError as exc:
        row.status, row.http_status, row.n_retries = "failed", exc.status_code, ctx.client.max_retries
        row.error = f"HTTP {exc.status_code}: {str(exc.message)[:300]}"
        return None
    except openai.APIConnectionError as exc:
        row.status, row.error, row.n_retries = "failed", f"connection failed: {str(exc)[:200]}", ctx.client.max_retries
        return None
    row.status, row.http_status, row.n_retries = "ok", raw.status_code, raw.retries_taken
    record_usage(row, completion.usage, ctx.price)
    message = completion.choices[0].message if completion.choices else None
    return (message.content or message.refusal or "") if message else ""
