"""The nightly facts stage: extract facts for every posting version the current extractor has not seen."""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timezone

import orjson
import pyarrow as pa

from pipeline.config import Config
from pipeline.db import connect, load_sql
from pipeline.facts.boilerplate import company_boilerplate
from pipeline.facts.extract import EXTRACTOR_VERSION, extract_facts
from pipeline.jobjson import payload_jobs

CHUNK = 2000  # versions per transaction
PARALLEL_FROM = 4000  # below this, starting worker processes costs more than it saves
WRITE_WAIT_S = 60

COLUMNS = {
    "salary_min": pa.float64(), "salary_max": pa.float64(), "salary_currency": pa.string(),
    "salary_period": pa.string(), "salary_annual_min": pa.float64(), "salary_annual_max": pa.float64(),
    "salary_source": pa.string(), "salary_reporting_currency": pa.string(),
    "salary_converted_annual_min": pa.float64(), "salary_converted_annual_max": pa.float64(),
    "fx_rate": pa.float64(), "fx_rate_date": pa.date32(), "seniority": pa.string(),
    "years_experience_min": pa.float64(), "years_experience_max": pa.float64(), "workplace_type": pa.string(),
    "remote_scope": pa.string(), "employment_type": pa.string(), "visa_sponsorship": pa.string(),
    "education_level": pa.string(), "education_required": pa.bool_(),
}  # fmt: skip


@dataclass
class FactsSummary:
    extractor_version: str
    n_extracted: int = 0
    n_with_salary: int = 0
    n_companies_boilerplate: int = 0
    seconds: float = 0.0

    def __str__(self) -> str:
        rate = f", {self.n_extracted / self.seconds:,.0f}/s" if self.seconds and self.n_extracted else ""
        return (f"{self.n_extracted} posting versions extracted ({self.extractor_version}{rate}), "
                f"{self.n_with_salary} with pay")  # fmt: skip


def facts_for_row(row: tuple, reporting_currency: str, jobs: dict[str, dict] | None = None) -> dict:
    """Facts of one row of facts_inputs; jobs (payload_hash -> external_id -> job JSON) give what the feed
    states outright."""
    version_id, source, _board, company, title, location, workplace, employment, text, payload_hash, ext = row
    raw = (jobs or {}).get(payload_hash, {}).get(ext)
    facts = extract_facts(
        text or "", title=title, location=location, source=source, raw=raw, company=company,
        posted_workplace=workplace, posted_employment=employment, reporting_currency=reporting_currency,
    )  # fmt: skip
    facts["version_id"] = version_id
    return facts


def facts_for_rows(rows: list[tuple], payloads: dict[str, tuple], reporting_currency: str) -> list[dict]:
    """Facts of a chunk; payloads (payload_hash -> source, body_zlib) are parsed here, once each."""
    jobs = {payload_hash: payload_jobs(*payload) for payload_hash, payload in payloads.items()}
    return [facts_for_row(row, reporting_currency, jobs) for row in rows]


def extract_new_facts(config: Config, *, workers: int | None = None) -> FactsSummary:
    """Extract, in chunks of one transaction each, what has no facts from EXTRACTOR_VERSION yet."""
    summary, started = FactsSummary(EXTRACTOR_VERSION), time.monotonic()
    con = connect(config.db_path, wait_s=WRITE_WAIT_S)
    try:
        todo = [r[0] for r in con.execute(load_sql("facts_todo"), {"extractor_version": EXTRACTOR_VERSION}).fetchall()]
        chunks = [todo[i : i + CHUNK] for i in range(0, len(todo), CHUNK)]
        workers = workers or (min(2, os.cpu_count() or 1) if len(todo) >= PARALLEL_FROM else 1)
        boards = set()
        with ProcessPoolExecutor(workers) if workers > 1 else _Inline() as pool:
            inputs = (_read_inputs(con, chunk) for chunk in chunks)
            for rows, facts in _map_chunks(pool, inputs, config.facts.reporting_currency):
                _store_facts(con, facts)
                boards.update((row[1], row[2]) for row in rows)
                summary.n_extracted += len(facts)
                summary.n_with_salary += sum(f["salary_min"] is not None or f["salary_max"] is not None for f in facts)
        summary.n_companies_boilerplate = refresh_boilerplate(con, boards)
    finally:
        con.close()
    summary.seconds = time.monotonic() - started
    return summary


def _map_chunks(pool, inputs, currency):
    """Keep one chunk in flight per worker while the writer stores the previous ones."""
    pending = []
    for rows, payloads in inputs:
        pending.append((rows, pool.submit(facts_for_rows, rows, payloads, currency)))
        if len(pending) > getattr(pool, "_max_workers", 1):
            rows_done, future = pending.pop(0)
            yield rows_done, future.result()
    for rows_done, future in pending:
        yield rows_done, future.result()


class _Inline:
    """The executor interface, run in this process (small batches, tests)."""

    _max_workers = 0

    def submit(self, fn, *args):
        from concurrent.futures import Future

        future = Future()
        future.set_result(fn(*args))
        return future

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None


def _read_inputs(con, version_ids: list[int]) -> tuple[list[tuple], dict[str, tuple]]:
    """A chunk's rows, and the raw payloads their versions came from (compressed, as stored)."""
    rows = con.execute(load_sql("facts_inputs"), {"version_ids": version_ids}).fetchall()
    hashes = sorted({payload_hash for *_, payload_hash, _ext in rows if payload_hash is not None})
    payloads = con.execute(
        "select payload_hash, source, body_zlib from raw_payloads where payload_hash in (select unnest($hashes))",
        {"hashes": hashes},
    ).fetchall()
    return rows, {payload_hash: (source, body) for payload_hash, source, body in payloads}


def _store_facts(con, facts: list[dict]) -> None:
    now = datetime.now(timezone.utc)
    columns = {
        "version_id": pa.array([f["version_id"] for f in facts], pa.int64()),
        **{name: pa.array([_typed(f.get(name), kind) for f in facts], kind) for name, kind in COLUMNS.items()},
        "country": pa.array([_first_country(f) for f in facts], pa.string()),
        "skills": pa.array([_skill_names(f) for f in facts], pa.list_(pa.string())),
        "facts_json": pa.array([orjson.dumps(f, default=str).decode() for f in facts], pa.string()),
    }
    con.register("new_facts", pa.table(columns))
    names = ", ".join(list(columns)[1:])
    con.execute("begin transaction")
    try:
        con.execute("delete from version_facts where version_id in (select version_id from new_facts)")
        con.execute(
            f"insert into version_facts (version_id, extractor_version, extracted_at, {names}) "
            f"select version_id, $v, $at, {names} from new_facts",
            {"v": EXTRACTOR_VERSION, "at": now},
        )
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    finally:
        con.unregister("new_facts")


def _typed(value, kind):
    if value is None:
        return None
    if kind == pa.date32() and isinstance(value, str):
        return date.fromisoformat(value[:10])
    if kind == pa.float64():
        return float(value)
    return value


def _first_country(facts: dict) -> str | None:
    return next((place.get("country") for place in facts.get("locations") or [] if place.get("country")), None)


def _skill_names(facts: dict) -> list[str]:
    return list(dict.fromkeys(skill["name"] for skill in facts.get("skills") or []))


def refresh_boilerplate(con, boards: set[tuple[str, str]]) -> int:
    """Relearn the repeated paragraphs of each feed whose postings changed."""
    now = datetime.now(timezone.utc)
    for source, board in sorted(boards):
        texts = [r[0] for r in con.execute(load_sql("boilerplate_texts"), {"source": source, "board": board}).fetchall()]
        fingerprints = sorted(company_boilerplate(texts))
        con.execute(
            "insert or replace into company_boilerplate values (?, ?, ?, ?, ?)",
            [source, board, fingerprints, len(texts), now],
        )
    return len(boards)
