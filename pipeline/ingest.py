"""Storing one fetched feed — raw payload, postings, versions, lifecycle — in one short transaction."""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass, field
from datetime import datetime

import duckdb
import orjson
import pyarrow as pa

from pipeline.config import Feed, IngestSettings
from pipeline.feeds import SOURCES
from pipeline.fetch import FeedState, Fetched
from pipeline.posting import PayloadError, Posting

VERSION_COLUMNS = (
    "company", "title", "department", "team", "location", "workplace_type", "employment_type",
    "url", "apply_url", "published_at", "description_text",
)  # fmt: skip


_VERSION_SCHEMA = pa.schema(
    [("version_id", pa.int64()), ("job_id", pa.int64()), ("content_hash", pa.string())]
    + [(name, pa.timestamp("us", tz="UTC") if name == "published_at" else pa.string()) for name in VERSION_COLUMNS]
    + [("raw_json", pa.string())]
)


@dataclass
class FeedResult:
    source: str
    board: str
    company: str | None
    status: str  # ok | not_modified | unchanged | failed | suspicious
    fetched_at: datetime | None = None
    http_status: int | None = None
    payload_hash: str | None = None
    n_seen: int = 0
    n_new: int = 0
    n_changed: int = 0
    n_closed: int = 0
    n_reopened: int = 0
    n_unchanged: int = 0
    n_bytes: int | None = None
    duration_ms: int = 0
    error: str | None = None

    @property
    def failed(self) -> bool:
        return self.status == "failed"


@dataclass
class _Current:
    job_id: int
    version_id: int
    content_hash: str
    is_open: bool


@dataclass
class _Diff:
    new: list = field(default_factory=list)  # (job_id, version_id, ext, hash, job)
    changed: list = field(default_factory=list)  # (current, version_id, hash, job)
    reopened: int = 0
    seen_ids: list = field(default_factory=list)
    closed_ids: list = field(default_factory=list)


def stable_id(*parts: str) -> int:
    """A signed 64-bit id that is the same on every machine and every replay."""
    digest = hashlib.blake2b("\x1f".join(parts).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def job_id_of(source: str, board: str, external_id: str) -> int:
    return stable_id(source, board, external_id)


def job_content(job: dict, volatile: frozenset[str]) -> bytes:
    """The job's JSON without the keys a source touches in bulk: what defines a version."""
    return orjson.dumps({k: v for k, v in job.items() if k not in volatile})


def store_fetched(
    con: duckdb.DuckDBPyConnection, fetched: Fetched, run_id: str, settings: IngestSettings
) -> FeedResult:
    """Store one fetch in a single transaction, so a crash leaves either all of it or none."""
    con.execute("begin transaction")
    try:
        result = apply_fetched(con, fetched, run_id, settings)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return result


def apply_fetched(
    con: duckdb.DuckDBPyConnection, fetched: Fetched, run_id: str, settings: IngestSettings, *, replay: bool = False
) -> FeedResult:
    """The work of store_fetched inside the caller's transaction; a replay records no new fetch."""
    result = _store(con, fetched, run_id, settings, replay)
    if not replay:
        _record_result(con, run_id, result)
    return result


def _store(con, fetched: Fetched, run_id: str, settings: IngestSettings, replay: bool) -> FeedResult:
    feed = fetched.feed
    result = FeedResult(
        feed.source, feed.board, feed.company, fetched.status, fetched.fetched_at,
        fetched.http_status, n_bytes=len(fetched.body) if fetched.body is not None else None,
        duration_ms=fetched.duration_ms, error=fetched.error,
    )  # fmt: skip
    if fetched.body is not None:
        result.payload_hash = hashlib.sha256(fetched.body).hexdigest()
        if not replay:
            _keep_payload(con, fetched, result.payload_hash)
    if fetched.status == "failed":
        return result
    state = read_feed_state(con, feed)
    if fetched.status == "not_modified" or result.payload_hash == state.last_payload_hash:
        result.status = "not_modified" if fetched.status == "not_modified" else "unchanged"
        result.payload_hash = state.last_payload_hash
        result.n_seen = result.n_unchanged = _touch_open(con, feed, fetched.fetched_at)
    else:
        try:
            jobs = SOURCES[feed.source].parse_payload(fetched.body)
        except PayloadError as exc:
            result.status, result.error = "failed", str(exc)
            return result
        _apply_jobs(con, fetched, jobs, result, settings)
        if result.status == "suspicious":
            return result
    _save_state(con, fetched, result.payload_hash)
    if not replay:
        con.execute(
            "insert or replace into payload_fetches values (?, ?, ?, ?, ?)",
            [run_id, feed.source, feed.board, result.payload_hash, fetched.fetched_at],
        )
    return result


def _keep_payload(con, fetched: Fetched, payload_hash: str) -> None:
    exists = con.execute("select 1 from raw_payloads where payload_hash = ?", [payload_hash]).fetchone()
    if exists:
        return
    con.execute(
        "insert into raw_payloads values (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            payload_hash, fetched.feed.source, fetched.feed.board, fetched.fetched_at, fetched.http_status,
            fetched.content_type, len(fetched.body), zlib.compress(fetched.body, 1),
        ],
    )  # fmt: skip


def read_feed_state(con, feed: Feed) -> FeedState:
    row = con.execute(
        "select etag, last_modified, last_payload_hash from feed_state where source = ? and board = ?",
        [feed.source, feed.board],
    ).fetchone()
    return FeedState(*row) if row else FeedState()


def read_feed_states(con) -> dict[str, FeedState]:
    rows = con.execute("select source, board, etag, last_modified, last_payload_hash from feed_state").fetchall()
    return {f"{source}/{board}": FeedState(*rest) for source, board, *rest in rows}


def _save_state(con, fetched: Fetched, payload_hash: str | None) -> None:
    con.execute(
        """insert or replace into feed_state values (?, ?, ?, ?, ?, ?)""",
        [fetched.feed.source, fetched.feed.board, fetched.etag, fetched.last_modified, payload_hash, fetched.fetched_at],
    )


def _touch_open(con, feed: Feed, seen_at: datetime) -> int:
    """An unchanged board: every open posting was seen again."""
    row = con.execute(
        """update postings set last_seen_at = ?
           where source = ? and board = ? and closed_at is null""",
        [seen_at, feed.source, feed.board],
    ).fetchone()
    return row[0] if row else 0


def _apply_jobs(con, fetched: Fetched, jobs: list[dict], result: FeedResult, settings: IngestSettings) -> None:
    feed = fetched.feed
    current = _read_current(con, feed)
    n_open = sum(c.is_open for c in current.values())
    if not jobs and n_open >= settings.zero_yield_guard:
        result.status = "suspicious"
        result.error = f"zero postings where {n_open} were open: closed nothing"
        return
    diff = _diff(feed, jobs, current, fetched.fetched_at)
    _write_diff(con, fetched, diff, result.payload_hash)
    result.n_seen = len(diff.seen_ids)
    result.n_new, result.n_changed = len(diff.new), len(diff.changed)
    result.n_reopened, result.n_closed = diff.reopened, len(diff.closed_ids)
    result.n_unchanged = result.n_seen - result.n_new - result.n_changed
    result.status = "ok"


def _read_current(con, feed: Feed) -> dict[str, _Current]:
    rows = con.execute(
        """select external_id, job_id, current_version_id, current_hash, closed_at is null
           from postings where source = ? and board = ?""",
        [feed.source, feed.board],
    ).fetchall()
    return {ext: _Current(job_id, version_id, h, is_open) for ext, job_id, version_id, h, is_open in rows}


def version_id_of(job_id: int, content_hash: str, valid_from: datetime) -> int:
    return stable_id(str(job_id), content_hash, valid_from.isoformat())


def _diff(feed: Feed, jobs: list[dict], current: dict[str, _Current], at: datetime) -> _Diff:
    module = SOURCES[feed.source]
    diff, seen = _Diff(), set()
    for job in jobs:
        ext = module.external_id(job)
        if ext in seen:  # a board listing the same post twice: the first one wins
            continue
        seen.add(ext)
        content_hash = hashlib.sha256(job_content(job, module.VOLATILE_KEYS)).hexdigest()
        cur = current.get(ext)
        if cur is None:
            job_id = job_id_of(feed.source, feed.board, ext)
            diff.new.append((job_id, version_id_of(job_id, content_hash, at), ext, content_hash, job))
            diff.seen_ids.append(job_id)
            continue
        diff.seen_ids.append(cur.job_id)
        diff.reopened += not cur.is_open
        if cur.content_hash != content_hash:
            diff.changed.append((cur, version_id_of(cur.job_id, content_hash, at), content_hash, job))
    diff.closed_ids = [c.job_id for ext, c in current.items() if c.is_open and ext not in seen]
    return diff


def _write_diff(con, fetched: Fetched, diff: _Diff, payload_hash: str) -> None:
    feed, at = fetched.feed, fetched.fetched_at
    versions = [(job_id, version_id, h, job) for job_id, version_id, _, h, job in diff.new]
    versions += [(cur.job_id, version_id, h, job) for cur, version_id, h, job in diff.changed]
    if versions:
        _insert_versions(con, feed, versions, at, payload_hash)
    if diff.new:
        new = pa.table({
            "job_id": pa.array([job_id for job_id, *_ in diff.new], pa.int64()),
            "version_id": pa.array([version_id for _, version_id, *_ in diff.new], pa.int64()),
            "external_id": [ext for _, _, ext, _, _ in diff.new],
            "content_hash": [h for *_, h, _ in diff.new],
        })  # fmt: skip
        con.register("new_postings", new)
        con.execute(
            """insert into postings
               select job_id, ?, ?, external_id, ?, ?, null, version_id, content_hash, 1 from new_postings""",
            [feed.source, feed.board, at, at],
        )
        con.unregister("new_postings")
    if diff.changed:
        _apply_changes(con, diff.changed, at)
    _mark_seen(con, diff.seen_ids, diff.closed_ids, at)


def _insert_versions(con, feed: Feed, versions: list, at: datetime, payload_hash: str) -> None:
    module = SOURCES[feed.source]
    rows = {name: [] for name in ("version_id", "job_id", "content_hash", *VERSION_COLUMNS, "raw_json")}
    for job_id, version_id, content_hash, job in versions:
        posting: Posting = module.to_posting(job, feed.board)
        rows["version_id"].append(version_id)
        rows["job_id"].append(job_id)
        rows["content_hash"].append(content_hash)
        for name in VERSION_COLUMNS:
            rows[name].append(getattr(posting, name))
        rows["company"][-1] = feed.company or posting.company or feed.board
        rows["raw_json"].append(job_content(job, module.VOLATILE_KEYS).decode())
    table = pa.table(rows, schema=_VERSION_SCHEMA)
    con.register("new_versions", table)
    con.execute(
        f"""insert into posting_versions (version_id, job_id, content_hash, valid_from, valid_to,
                {", ".join(VERSION_COLUMNS)}, payload_hash, raw_json)
            select version_id, job_id, content_hash, ?, null, {", ".join(VERSION_COLUMNS)}, ?, raw_json
            from new_versions""",
        [at, payload_hash],
    )
    con.unregister("new_versions")


def _apply_changes(con, changed: list, at: datetime) -> None:
    table = pa.table({
        "job_id": pa.array([cur.job_id for cur, *_ in changed], pa.int64()),
        "old_version_id": pa.array([cur.version_id for cur, *_ in changed], pa.int64()),
        "new_version_id": pa.array([version_id for _, version_id, _, _ in changed], pa.int64()),
        "content_hash": [h for _, _, h, _ in changed],
    })  # fmt: skip
    con.register("changed_postings", table)
    con.execute(
        """update posting_versions set valid_to = ?
           where version_id in (select old_version_id from changed_postings)""",
        [at],
    )
    con.execute(
        """update postings set current_version_id = c.new_version_id, current_hash = c.content_hash,
                  n_versions = postings.n_versions + 1
           from changed_postings c where postings.job_id = c.job_id"""
    )
    con.unregister("changed_postings")


def _mark_seen(con, seen_ids: list[int], closed_ids: list[int], at: datetime) -> None:
    if seen_ids:
        con.register("seen_ids", pa.table({"job_id": pa.array(seen_ids, pa.int64())}))
        con.execute(
            """update postings set last_seen_at = ?, closed_at = null
               where job_id in (select job_id from seen_ids)""",
            [at],
        )
        con.unregister("seen_ids")
    if closed_ids:
        con.register("closed_ids", pa.table({"job_id": pa.array(closed_ids, pa.int64())}))
        con.execute("update postings set closed_at = ? where job_id in (select job_id from closed_ids)", [at])
        con.unregister("closed_ids")


def _record_result(con, run_id: str, r: FeedResult) -> None:
    con.execute(
        "insert or replace into feed_results values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            run_id, r.source, r.board, r.company, r.status, r.http_status, r.payload_hash, r.n_seen, r.n_new,
            r.n_changed, r.n_closed, r.n_reopened, r.n_unchanged, r.n_bytes, r.duration_ms, r.fetched_at, r.error,
        ],
    )  # fmt: skip
