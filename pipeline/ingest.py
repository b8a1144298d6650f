"""Storing fetched feeds — raw payloads, postings, versions, lifecycle — a batch of feeds per short transaction.

store_batch() writes any number of fetches in one transaction with a fixed handful of set-based statements,
so a night of many boards costs a few statements, not a few per board. The CPU work on each body comes
from pipeline.prepare, done ahead by worker processes or here when it was not.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

import pyarrow as pa

from pipeline.config import Feed, IngestSettings
from pipeline.fetch import FeedState, Fetched
from pipeline.prepare import UTC_TIMESTAMP, VERSION_COLUMNS, Basis, Prepared, prepare_payload, zlib_compress

if TYPE_CHECKING:
    import duckdb


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
class ToStore:
    """A fetch on its way to the database, with its preparation when that was done ahead (elsewhere)."""

    fetched: Fetched
    basis: Basis | None = None
    prepared: Prepared | None = None


@dataclass
class _Current:
    job_id: int
    version_id: int
    content_hash: str
    is_open: bool


@dataclass
class _Writes:
    """Rows gathered from every feed of a batch, written by one statement per table."""

    payloads: list = field(default_factory=list)
    touched: list = field(default_factory=list)  # (source, board, seen_at) of boards that did not change
    new: list = field(default_factory=list)
    versions: list = field(default_factory=list)  # pa.Table per feed
    changed: list = field(default_factory=list)
    seen: list = field(default_factory=list)  # (job_id, seen_at) of postings already stored
    closed: list = field(default_factory=list)
    states: list = field(default_factory=list)
    fetches: list = field(default_factory=list)


def stable_id(*parts: str) -> int:
    """A signed 64-bit id that is the same on every machine and every replay."""
    digest = hashlib.blake2b("\x1f".join(parts).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def job_id_of(source: str, board: str, external_id: str) -> int:
    return stable_id(source, board, external_id)


def version_id_of(job_id: int, content_hash: str, valid_from: datetime) -> int:
    return stable_id(str(job_id), content_hash, valid_from.isoformat())


def store_batch(
    con: duckdb.DuckDBPyConnection, batch: list[ToStore], run_id: str, settings: IngestSettings
) -> list[FeedResult]:
    """Store fetches in a single transaction: a crash leaves all of them or none."""
    con.execute("begin transaction")
    try:
        results = apply_batch(con, batch, run_id, settings)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return results


def apply_fetched(
    con: duckdb.DuckDBPyConnection, fetched: Fetched, run_id: str, settings: IngestSettings, *, replay: bool = False
) -> FeedResult:
    """One fetch stored inside the caller's transaction (reprocess); a replay records no new fetch."""
    return apply_batch(con, [ToStore(fetched)], run_id, settings, replay=replay)[0]


def apply_batch(con, batch: list[ToStore], run_id: str, settings: IngestSettings, *, replay: bool = False) -> list:
    """The work of store_batch inside the caller's transaction, one result per fetch in batch order."""
    keys = [item.fetched.feed.key for item in batch]
    if len(set(keys)) < len(keys):  # one board twice: each fetch must see what the one before it stored
        return [r for item in batch for r in apply_batch(con, [item], run_id, settings, replay=replay)]
    states = read_feed_states(con)
    for item in batch:
        if item.fetched.body is not None and item.prepared is None:
            item.prepared = Prepared(hashlib.sha256(item.fetched.body).hexdigest())
    content = [item.fetched.feed for item in batch if _has_new_content(item, states)]
    current = read_current(con, content)
    writes = _Writes()
    results = [_plan(item, states, current, writes, settings, replay) for item in batch]
    _write(con, writes, run_id, results, replay)
    return results


def _has_new_content(item: ToStore, states: dict[str, FeedState]) -> bool:
    state = states.get(item.fetched.feed.key, FeedState())
    return item.fetched.status == "ok" and item.prepared.payload_hash != state.last_payload_hash


def _plan(item: ToStore, states, current, writes: _Writes, settings: IngestSettings, replay: bool) -> FeedResult:
    """Decide what one fetch changes, add its rows to the batch's writes, and return its result."""
    fetched, feed = item.fetched, item.fetched.feed
    result = FeedResult(
        feed.source, feed.board, feed.company, fetched.status, fetched.fetched_at, fetched.http_status,
        n_bytes=len(fetched.body) if fetched.body is not None else None, duration_ms=fetched.duration_ms,
        error=fetched.error,
    )  # fmt: skip
    state = states.get(feed.key, FeedState())
    result.payload_hash = payload_hash = item.prepared.payload_hash if fetched.body is not None else None
    if fetched.status == "failed":
        pass
    elif fetched.status == "not_modified" or payload_hash == state.last_payload_hash:
        result.status = "not_modified" if fetched.status == "not_modified" else "unchanged"
        result.payload_hash = state.last_payload_hash
        writes.touched.append((feed.source, feed.board, fetched.fetched_at))
        _save_state(writes, fetched, result.payload_hash)
    elif _plan_content(item, state, current.get(feed.key, {}), result, writes, settings, replay):
        _save_state(writes, fetched, result.payload_hash)
    if payload_hash is not None and payload_hash != state.last_payload_hash and not replay:
        writes.payloads.append(_payload_row(item))  # every body is kept, whatever became of it
    return result


def _save_state(writes: _Writes, fetched: Fetched, payload_hash: str | None) -> None:
    feed = fetched.feed
    writes.states.append((feed.source, feed.board, fetched.etag, fetched.last_modified, payload_hash,
                          fetched.fetched_at))  # fmt: skip
    writes.fetches.append((feed.source, feed.board, payload_hash, fetched.fetched_at))


def _payload_row(item: ToStore) -> tuple:
    fetched, prepared = item.fetched, item.prepared
    body_zlib = prepared.body_zlib if prepared.body_zlib is not None else zlib_compress(fetched.body, 1)
    return (prepared.payload_hash, fetched.feed.source, fetched.feed.board, fetched.fetched_at, fetched.http_status,
            fetched.content_type, len(fetched.body), body_zlib)  # fmt: skip


def _plan_content(item: ToStore, state, current: dict, result: FeedResult, writes, settings, replay) -> bool:
    """A body with new content: its diff goes into writes; False when nothing more is stored for it."""
    fetched = item.fetched
    basis = Basis(state.last_payload_hash, {ext: c.content_hash for ext, c in current.items()})
    if item.basis != basis:  # not prepared ahead, or against another state of the board than this one
        item.prepared, item.basis = prepare_payload(fetched.feed, fetched.body, basis, keep=not replay), basis
    prepared = item.prepared
    if prepared.error is not None:
        result.status, result.error = "failed", prepared.error
        return False
    n_open = sum(c.is_open for c in current.values())
    if not prepared.external_ids and n_open >= settings.zero_yield_guard:
        result.status = "suspicious"
        result.error = f"zero postings where {n_open} were open: closed nothing"
        return False
    _diff(fetched, prepared, current, result, writes)
    result.status = "ok"
    return True


def _diff(fetched: Fetched, prepared: Prepared, current: dict[str, _Current], result: FeedResult, writes) -> None:
    feed, at = fetched.feed, fetched.fetched_at
    job_ids, version_ids = [], []  # of the prepared rows: new and changed jobs, in board order
    for ext, content_hash in zip(prepared.external_ids, prepared.hashes):
        cur = current.get(ext)
        if cur is None:
            job_id = job_id_of(feed.source, feed.board, ext)
            version_id = version_id_of(job_id, content_hash, at)
            writes.new.append((job_id, feed.source, feed.board, ext, at, version_id, content_hash))
            job_ids.append(job_id)
            version_ids.append(version_id)
            continue
        writes.seen.append((cur.job_id, at))
        result.n_reopened += not cur.is_open
        if cur.content_hash != content_hash:
            version_id = version_id_of(cur.job_id, content_hash, at)
            writes.changed.append((cur.job_id, cur.version_id, version_id, content_hash, at))
            job_ids.append(cur.job_id)
            version_ids.append(version_id)
            result.n_changed += 1
    seen = set(prepared.external_ids)
    closed = [c.job_id for ext, c in current.items() if c.is_open and ext not in seen]
    writes.closed += [(job_id, at) for job_id in closed]
    if job_ids:
        writes.versions.append(_with_ids(prepared.rows, job_ids, version_ids, at, result.payload_hash))
    result.n_seen, result.n_closed = len(seen), len(closed)
    result.n_new = len(job_ids) - result.n_changed
    result.n_unchanged = result.n_seen - result.n_new - result.n_changed


def _with_ids(rows: pa.Table, job_ids: list[int], version_ids: list[int], at: datetime, payload_hash: str):
    if rows.num_rows != len(job_ids):
        raise RuntimeError("prepared rows do not match the diff of their board")  # a bug, never bad input
    n = rows.num_rows
    return rows.append_column("job_id", pa.array(job_ids, pa.int64())).append_column(
        "version_id", pa.array(version_ids, pa.int64())
    ).append_column("valid_from", pa.array([at] * n, UTC_TIMESTAMP)).append_column(
        "payload_hash", pa.array([payload_hash] * n, pa.string())
    )


def read_feed_states(con) -> dict[str, FeedState]:
    rows = con.execute("select source, board, etag, last_modified, last_payload_hash from feed_state").fetchall()
    return {f"{source}/{board}": FeedState(*rest) for source, board, *rest in rows}


def read_current(con, feeds: list[Feed]) -> dict[str, dict[str, _Current]]:
    """Every stored posting of these feeds: feed key -> external_id -> its current state."""
    if not feeds:
        return {}
    keys = pa.table({"source": [f.source for f in feeds], "board": [f.board for f in feeds]})
    rows = _with_table(
        con, "batch_feeds", keys,
        """select p.source, p.board, p.external_id, p.job_id, p.current_version_id, p.current_hash,
                  p.closed_at is null
           from postings as p join batch_feeds as b on p.source = b.source and p.board = b.board""",
    )  # fmt: skip
    current: dict[str, dict[str, _Current]] = {feed.key: {} for feed in feeds}
    for source, board, ext, *rest in rows:
        current[f"{source}/{board}"][ext] = _Current(*rest)
    return current


def read_bases(con) -> dict[str, Basis]:
    """What each feed's next body is prepared against, as the database stands now (one read for all)."""
    bases = {key: Basis(state.last_payload_hash, {}) for key, state in read_feed_states(con).items()}
    for source, board, ext, content_hash in con.execute(
        "select source, board, external_id, current_hash from postings"
    ).fetchall():  # fmt: skip
        bases.setdefault(f"{source}/{board}", Basis()).hashes[ext] = content_hash
    return bases


def _with_table(con, name: str, table: pa.Table, *statements: str) -> list[tuple]:
    """Run statements that read `table` (an Arrow scan, no copy) as `name`; the last one's rows."""
    con.register(name, table)
    try:
        for sql in statements:
            result = con.execute(sql)
        return result.fetchall()
    finally:
        con.unregister(name)


def _table(rows: list[tuple], names: tuple[str, ...], types: dict | None = None) -> pa.Table:
    columns = list(zip(*rows))
    types = types or {}
    return pa.table({name: pa.array(col, types.get(name)) for name, col in zip(names, columns)})


def _write(con, writes: _Writes, run_id: str, results: list[FeedResult], replay: bool) -> None:
    """One statement per table for the whole batch, in the order a single feed's writes would go."""
    if writes.payloads:
        payloads = list({row[0]: row for row in reversed(writes.payloads)}.values())  # each body once
        _with_table(con, "new_payloads", _table(payloads, _PAYLOAD, _TYPES),
                    "insert or ignore into raw_payloads select * from new_payloads")  # fmt: skip
    if writes.touched:
        _touch(con, writes.touched, results)
    if writes.new:
        _with_table(con, "new_postings", _table(writes.new, _NEW, _TYPES), _INSERT_POSTINGS)
    if writes.versions:
        _with_table(con, "new_versions", pa.concat_tables(writes.versions), _INSERT_VERSIONS)
    if writes.changed:
        _with_table(con, "changed_postings", _table(writes.changed, _CHANGED, _TYPES), *_APPLY_CHANGES)
    if writes.seen:
        _with_table(con, "seen_postings", _table(writes.seen, ("job_id", "event_at"), _TYPES), _MARK_SEEN)
    if writes.closed:
        _with_table(con, "closed_postings", _table(writes.closed, ("job_id", "event_at"), _TYPES), _MARK_CLOSED)
    if writes.states:
        _with_table(con, "new_states", _table(writes.states, _STATE, _TYPES),
                    "insert or replace into feed_state select * from new_states")  # fmt: skip
    if not replay:
        _record(con, run_id, writes.fetches, results)


def _touch(con, touched: list[tuple], results: list[FeedResult]) -> None:
    """Boards that did not change: every open posting was seen again."""
    counts = dict.fromkeys(((source, board) for source, board, _ in touched), 0)
    table = _table(touched, ("source", "board", "event_at"), _TYPES)
    counts.update({(source, board): n for source, board, n in _with_table(con, "touched_feeds", table, _COUNT_OPEN)})
    _with_table(con, "touched_feeds", table, _TOUCH_OPEN)
    for result in results:
        if result.status in ("not_modified", "unchanged"):
            result.n_seen = result.n_unchanged = counts[(result.source, result.board)]


def _record(con, run_id: str, fetches: list[tuple], results: list[FeedResult]) -> None:
    """This run's fetches (the replay order for reprocess) and its per-feed results."""
    if fetches:
        table = _table([(run_id, *row) for row in fetches], ("run_id", *_FETCH), _TYPES)
        _with_table(con, "new_fetches", table, "insert or replace into payload_fetches select * from new_fetches")
    rows = [(run_id, *(getattr(r, name) for name in _RESULT)) for r in results]
    _with_table(con, "new_results", _table(rows, ("run_id", *_RESULT), _TYPES),
                "insert or replace into feed_results select * from new_results")  # fmt: skip


_PAYLOAD = ("payload_hash", "source", "board", "first_fetched_at", "http_status", "content_type", "n_bytes",
            "body_zlib")  # fmt: skip
_NEW = ("job_id", "source", "board", "external_id", "event_at", "version_id", "content_hash")
_CHANGED = ("job_id", "old_version_id", "new_version_id", "content_hash", "event_at")
_STATE = ("source", "board", "etag", "last_modified", "last_payload_hash", "last_success_at")
_FETCH = ("source", "board", "payload_hash", "fetched_at")
_RESULT = ("source", "board", "company", "status", "http_status", "payload_hash", "n_seen", "n_new", "n_changed",
           "n_closed", "n_reopened", "n_unchanged", "n_bytes", "duration_ms", "fetched_at", "error")  # fmt: skip
_TYPES = {
    **dict.fromkeys(("job_id", "version_id", "old_version_id", "new_version_id", "n_bytes"), pa.int64()),
    **dict.fromkeys(("first_fetched_at", "event_at", "last_success_at", "fetched_at"), UTC_TIMESTAMP),
    **dict.fromkeys(("http_status", "n_seen", "n_new", "n_changed", "n_closed", "n_reopened", "n_unchanged",
                     "duration_ms"), pa.int32()),
    **dict.fromkeys(("payload_hash", "source", "board", "content_type", "external_id", "content_hash", "etag",
                     "last_modified", "last_payload_hash", "company", "status", "error", "run_id"), pa.string()),
    "body_zlib": pa.binary(),
}  # fmt: skip
_INSERT_POSTINGS = """
    insert into postings (job_id, source, board, external_id, first_seen_at, last_seen_at, closed_at,
                          current_version_id, current_hash, n_versions)
    select job_id, source, board, external_id, event_at, event_at, null, version_id, content_hash, 1
    from new_postings"""
_INSERT_VERSIONS = f"""
    insert into posting_versions (version_id, job_id, content_hash, valid_from, valid_to,
                                  {", ".join(VERSION_COLUMNS)}, payload_hash)
    select version_id, job_id, content_hash, valid_from, null, {", ".join(VERSION_COLUMNS)}, payload_hash
    from new_versions"""
_COUNT_OPEN = """
    select p.source, p.board, count(*) from postings as p
    join touched_feeds as t on p.source = t.source and p.board = t.board
    where p.closed_at is null group by all"""
_TOUCH_OPEN = """
    update postings set last_seen_at = t.event_at from touched_feeds as t
    where postings.source = t.source and postings.board = t.board and postings.closed_at is null"""
_MARK_SEEN = """
    update postings set last_seen_at = s.event_at, closed_at = null,
        reopened_at = case when postings.closed_at is not null then s.event_at else postings.reopened_at end
    from seen_postings as s where postings.job_id = s.job_id"""
_MARK_CLOSED = """
    update postings set closed_at = c.event_at from closed_postings as c where postings.job_id = c.job_id"""
_APPLY_CHANGES = (
    """update posting_versions set valid_to = c.event_at from changed_postings as c
       where posting_versions.version_id = c.old_version_id""",
    """update postings set current_version_id = c.new_version_id, current_hash = c.content_hash,
              n_versions = postings.n_versions + 1
       from changed_postings as c where postings.job_id = c.job_id""",
)
