"""The openai-batch backend: JSONL in, a batch recorded in the database, collected and resubmitted by later runs."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone

from pipeline.analysis.grounding import ungrounded_quotes
from pipeline.analysis.ledger import LedgerRow, cost_usd, estimate_tokens, record_usage
from pipeline.analysis.prompt import chars_sent
from pipeline.analysis.schema import parse_analysis, response_format
from pipeline.analysis.store import insert_rows, query_dicts, reading, transaction
from pipeline.analysis.tasks import Task, analysis_row
from pipeline.db import load_sql

ENDPOINT = "/v1/chat/completions"
FINAL = ("completed", "expired", "failed", "cancelled")
MAX_LINES = 50_000  # the Batch API's limit per batch
MAX_BYTES = 150_000_000  # under its 200 MB file limit


@dataclass
class Collected:
    rows: list = field(default_factory=list)  # analyses stored
    ledger: list = field(default_factory=list)
    n_failed: int = 0  # lines that failed or expired; they are resubmitted
    n_in_flight: int = 0  # batches still running


def collect(db_path, ctx) -> Collected:
    """Poll every batch not yet ingested; store what finished ones returned; leave the rest for a later run."""
    result = Collected()
    with reading(db_path) as con:
        open_batches = query_dicts(con, "analysis_open_batches")
    for batch in open_batches:
        batch_id = batch["batch_id"] or ensure_created(db_path, ctx, batch["input_file_id"])
        remote = ctx.client.batches.retrieve(batch_id)
        if remote.status not in FINAL:
            _record_status(db_path, batch["input_file_id"], remote, ingested=False)
            result.n_in_flight += 1
            continue
        _ingest(db_path, ctx, batch["input_file_id"], remote, result)
    return result


def ensure_created(db_path, ctx, input_file_id: str) -> str:
    """The batch of an uploaded file: found at the provider if a run created it and stopped, else created now."""
    found = next((b for b in ctx.client.batches.list(limit=100) if b.input_file_id == input_file_id), None)
    remote = found or ctx.client.batches.create(
        input_file_id=input_file_id, endpoint=ENDPOINT, completion_window="24h", metadata={"jobpipe_run": ctx.run_id}
    )
    _record_status(db_path, input_file_id, remote, ingested=False)
    return remote.id


def _ingest(db_path, ctx, input_file_id: str, remote, result: Collected) -> None:
    with reading(db_path) as con:
        pending = query_dicts(con, "analysis_batch_lines", input_file_id=input_file_id)
    replies = {**_lines(ctx.client, remote.error_file_id), **_lines(ctx.client, remote.output_file_id)}
    rows, ledger, updates = [], [], []
    for line in pending:
        row, entry, update = _line_outcome(ctx, remote, line, replies.get(line["custom_id"]))
        rows += [row] if row else []
        ledger.append(entry)
        updates.append(update)
    with transaction(db_path) as con:
        insert_rows(con, "analysis_insert_analyses", rows)
        insert_rows(con, "analysis_insert_requests", [vars(e) for e in ledger])
        insert_rows(con, "analysis_update_batch_requests", updates)
        _update_batch(con, input_file_id, remote, ingested=True)
    result.rows += rows
    result.ledger += ledger
    result.n_failed += sum(u["status"] == "failed" for u in updates)


def _line_outcome(ctx, remote, line: dict, reply: dict | None) -> tuple[dict | None, LedgerRow, dict]:
    """(analysis row or None, ledger row, status update) for one line of a finished batch."""
    task = task_from_json(line["task_json"])
    entry = LedgerRow(
        run_id=ctx.run_id,
        backend="openai-batch",
        model=line["model"],
        kind=line["kind"],
        subject=line["subject"],
        input_hash=line["input_hash"],
        prompt_version=line["prompt_version"],
        purpose="batch" if line["attempt"] == 1 else "batch_reask",
        batch_id=remote.id,
        custom_id=line["custom_id"],
        chars_sent=chars_sent(task.messages),
    )
    update = {
        "custom_id": line["custom_id"],
        "status": "failed",
        "retry_json": None,
        "updated_at": datetime.now(timezone.utc),
    }
    content = _content(reply, entry, remote.status, ctx)
    if content is None:
        return None, entry, update  # failed or expired: submitted again as it was
    analysis, problem = parse_analysis(task.kind, content)
    entry.status = "ok" if analysis is not None else "invalid"
    bad = ungrounded_quotes(analysis, task.material) if analysis is not None else []
    if bad and line["attempt"] == 1:
        analysis, entry.status = None, "ungrounded"
        problem = "these evidence quotes do not occur word for word in the material: " + " | ".join(
            q[:200] for q in bad
        )
    if analysis is None:
        entry.error = problem[:500]
        if line["attempt"] == 1:  # asked again once, in the next batch, with the reply and its problem
            update["retry_json"] = json.dumps({"reply": content, "problem": problem})
        return None, entry, update
    row = analysis_row(
        task,
        analysis,
        backend="openai-batch",
        model=line["model"],
        prompt_version=line["prompt_version"],
        run_id=ctx.run_id,
    )
    entry.status = "ok" if row["is_grounded"] else "ungrounded"
    update["status"] = "done"
    return row, entry, update


def _content(reply: dict | None, entry: LedgerRow, batch_status: str, ctx) -> str | None:
    if reply is None or reply.get("error") or (reply.get("response") or {}).get("status_code") != 200:
        error = (reply or {}).get("error") or {}
        response = (reply or {}).get("response") or {}
        entry.status = "expired" if error.get("code") == "batch_expired" or batch_status == "expired" else "failed"
        entry.http_status = response.get("status_code")
        entry.error = error.get("message") or (
            f"HTTP {response.get('status_code')}" if response else f"batch {batch_status}"
        )
        return None
    body = reply["response"]["body"]
    record_usage(entry, body.get("usage"), ctx.price, batch=True)
    entry.http_status = 200
    choices = body.get("choices") or [{}]
    message = choices[0].get("message") or {}
    return message.get("content") or message.get("refusal") or ""


def submit(db_path, ctx, tasks: list[Task]) -> int:
    """Write the JSONL, upload it, record it and its lines, then create the batch; returns the lines submitted."""
    with reading(db_path) as con:
        retries = {
            (r["kind"], r["subject"], r["input_hash"]): json.loads(r["retry_json"])
            for r in query_dicts(con, "analysis_batch_retries", model=ctx.model)
        }
    lines = []
    for task in tasks:
        line = _line(ctx, task, retries.get((task.kind, task.subject, task.input_hash)))
        if line is None:
            break  # the budget said stop
        lines.append(line)
    for chunk in _chunks(lines):
        _submit_chunk(db_path, ctx, chunk)
    return len(lines)


def _line(ctx, task: Task, retry: dict | None) -> dict | None:
    msgs, attempt = task.messages, 1
    if retry:
        note = (
            f"That reply had a problem: {retry['problem']}. "
            "Copy quotes exactly from the material; reply with the whole JSON again."
        )
        msgs, attempt = [*msgs, {"role": "assistant", "content": retry["reply"]}, {"role": "user", "content": note}], 2
    est = estimate_tokens(chars_sent(msgs))
    if not ctx.budget.reserve(cost_usd(ctx.price, est, 0, ctx.max_output_tokens, batch=True)):
        return None
    body = {
        "model": ctx.model,
        "messages": msgs,
        "response_format": response_format(task.kind),
        "max_completion_tokens": ctx.max_output_tokens,
    }
    custom_id = f"{task.kind}-{task.subject}-{uuid.uuid4().hex[:10]}".replace("/", "_")
    return {
        "custom_id": custom_id,
        "task": task,
        "attempt": attempt,
        "messages": msgs,
        "jsonl": json.dumps(
            {"custom_id": custom_id, "method": "POST", "url": ENDPOINT, "body": body}, ensure_ascii=False
        ),
    }


def _chunks(lines: list[dict]):
    chunk, size = [], 0
    for line in lines:
        if chunk and (len(chunk) >= MAX_LINES or size + len(line["jsonl"]) > MAX_BYTES):
            yield chunk
            chunk, size = [], 0
        chunk.append(line)
        size += len(line["jsonl"]) + 1
    if chunk:
        yield chunk


def _submit_chunk(db_path, ctx, chunk: list[dict]) -> None:
    data = "".join(line["jsonl"] + "\n" for line in chunk).encode("utf-8")
    uploaded = ctx.client.files.create(file=("jobpipe-analyses.jsonl", data), purpose="batch")
    now = datetime.now(timezone.utc)
    with transaction(db_path) as con:
        insert_rows(
            con,
            "analysis_insert_batch",
            [
                {
                    "batch_id": None,
                    "input_file_id": uploaded.id,
                    "model": ctx.model,
                    "status": "uploaded",
                    "n_requests": len(chunk),
                    "created_at": now,
                    "updated_at": now,
                    "output_file_id": None,
                    "error_file_id": None,
                    "is_ingested": False,
                    "run_id": ctx.run_id,
                }
            ],
        )
        insert_rows(
            con, "analysis_insert_batch_requests", [_request_row(ctx, line, uploaded.id, now) for line in chunk]
        )
    # Recorded before the batch exists: a run stopped here is picked up by ensure_created next time.
    ensure_created(db_path, ctx, uploaded.id)


def _request_row(ctx, line: dict, input_file_id: str, now: datetime) -> dict:
    task = line["task"]
    return {
        "custom_id": line["custom_id"],
        "input_file_id": input_file_id,
        "kind": task.kind,
        "subject": task.subject,
        "input_hash": task.input_hash,
        "prompt_version": ctx.prompt_versions[task.kind],
        "model": ctx.model,
        "source": task.keys.get("source"),
        "board": task.keys.get("board"),
        "attempt": line["attempt"],
        "status": "pending",
        "retry_json": None,
        "created_at": now,
        "updated_at": now,
        "task_json": task_to_json(task, line["messages"]),
    }


def task_to_json(task: Task, messages: list) -> str:
    return json.dumps(
        {
            "kind": task.kind,
            "subject": task.subject,
            "input_hash": task.input_hash,
            "material": task.material,
            "messages": messages,
            "keys": task.keys,
            "facts": task.facts,
            "extra": task.extra,
        },
        ensure_ascii=False,
        default=str,
    )


def task_from_json(text: str) -> Task:
    data = json.loads(text)
    return Task(
        data["kind"],
        data["subject"],
        data["input_hash"],
        data["material"],
        data["messages"],
        data["keys"],
        data["facts"],
        data["extra"],
    )


def _lines(client, file_id: str | None) -> dict:
    if not file_id:
        return {}
    text = client.files.content(file_id).text
    rows = (json.loads(line) for line in text.splitlines() if line.strip())
    return {row["custom_id"]: row for row in rows}


def _record_status(db_path, input_file_id: str, remote, *, ingested: bool) -> None:
    with transaction(db_path) as con:
        _update_batch(con, input_file_id, remote, ingested=ingested)


def _update_batch(con, input_file_id: str, remote, *, ingested: bool) -> None:
    con.execute(
        load_sql("analysis_update_batch"),
        {
            "batch_id": remote.id,
            "status": remote.status,
            "output_file_id": remote.output_file_id,
            "error_file_id": remote.error_file_id,
            "is_ingested": ingested,
            "updated_at": datetime.now(timezone.utc),
            "input_file_id": input_file_id,
        },
    )
