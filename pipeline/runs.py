"""A run: record it, fetch feeds concurrently with no database held, store them from one writer."""

from __future__ import annotations

import functools
import multiprocessing
import os
import queue
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from pipeline.config import Config
from pipeline.db import connect, migrate, refresh_views
from pipeline.fetch import FeedState, Fetched, fetch_feed
from pipeline.http import Http
from pipeline.ingest import FeedResult, ToStore, read_bases, read_feed_states, store_batch
from pipeline.prepare import Basis, exit_with_parent, prepare_payload

WRITE_WAIT_S = 60  # a writer waits this long for readers' locks to go away before giving up
# Bodies at least this large are parsed in worker processes; a smaller one costs less to parse than to ship.
PREPARE_ELSEWHERE_BYTES = 256 * 1024
MAX_WORKERS = 4
# The writer appends ~4 KB a posting in transactions of a few thousand rows. A checkpoint rewrites the
# table's last row group, so the default 16 MB of write-ahead log between checkpoints rewrites the same
# rows over and over: with 1 GB, a first ingest of 100,000 postings checkpoints once, at the end, in half
# the time 256 MB took. Written data stays in the buffer pool until memory runs short (by default at 80 %
# of the machine): a limit keeps it small at no cost, as the writer never reads it back. One thread:
# these statements are too small to share.
WRITER_SETTINGS = (
    "set checkpoint_threshold = '1GB'",
    "set memory_limit = '256MB'",
    "set threads = 1",
)
# Fetched bodies not yet stored, at most: fetching waits for the writer instead of filling memory.
BODIES_IN_FLIGHT_PER_FETCH = 2
# A batch is written once it has waited this long for company, holds this many bodies, or this many bytes.
BATCH_WAIT_S = 0.3
BATCH_BODIES = 12
BATCH_BYTES = 48_000_000


@dataclass
class RunSummary:
    run_id: str
    kind: str
    db_path: Path
    started_at: datetime
    finished_at: datetime | None = None
    results: list[FeedResult] = field(default_factory=list)
    stages: dict[str, object] = field(default_factory=dict)  # later stages' summaries (facts, analyses)

    @property
    def failed(self) -> list[FeedResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def status(self) -> str:
        if not self.results:
            return "ok"
        n_failed = len(self.failed)
        return "ok" if n_failed == 0 else "failed" if n_failed == len(self.results) else "partial"

    def total(self, name: str) -> int:
        return sum(getattr(r, name) for r in self.results)

    @property
    def offline(self) -> bool:
        """Every feed failed before any server answered: most likely no network at all."""
        return bool(self.results) and all(r.status == "failed" and r.http_status is None for r in self.results)


def begin_run(config: Config, kind: str) -> tuple[RunSummary, dict[str, FeedState]]:
    """Create or upgrade the database, refresh views, record the run; return the feeds' validators."""
    summary = RunSummary(uuid.uuid4().hex[:12], kind, config.db_path, datetime.now(timezone.utc))
    con = connect(config.db_path, wait_s=WRITE_WAIT_S)
    try:
        migrate(con)
        refresh_views(con)
        states = read_feed_states(con)
        con.execute(
            "insert into runs values (?, ?, ?, null, 'running', ?, null)",
            [summary.run_id, kind, summary.started_at, len(config.feeds)],
        )
    finally:
        con.close()
    return summary, states


def store_as_completed(
    config: Config, summary: RunSummary, futures: list, progress: Callable[[FeedResult], None] | None = None
) -> list[FeedResult]:
    """The single writer: store fetches as they complete, a batch of them per transaction.

    A large body goes from the fetch thread straight to a worker process to be parsed, so parsing goes
    on while the writer writes (or checkpoints). A batch waits a moment for more fetches to join it:
    one commit of many boards costs little more than one of a single board. The database is held while
    there is work (a body being parsed counts), never while everything waits on the network.
    """
    writer = _Writer(config, summary, progress, queue.SimpleQueue(), pool=_new_pool())
    writer.con = connect_writer(config)
    writer.bases = read_bases(writer.con)
    pending = len(futures)
    for future in futures:
        future.add_done_callback(functools.partial(_fetched, writer))
    futures.clear()  # completed fetches are held only by the queue until stored, so bodies are freed early
    try:
        while pending or writer.ready:
            events = _next_events(writer)
            pending -= sum(kind is not _SUBMITTED for kind, _ in events)
            _dispatch(writer, events)
            if writer.ready and (not (pending or writer.preparing) or _batch_full(writer)):
                _write_ready(writer)
    finally:
        _shut(writer)
    return summary.results


# Events from fetch threads and the pool: a fetch to store, a fetch handed to a worker, a worker's result.
_FETCHED, _SUBMITTED, _PREPARED = "fetched", "submitted", "prepared"


@dataclass
class _Writer:
    config: Config
    summary: RunSummary
    progress: Callable[[FeedResult], None] | None
    events: queue.SimpleQueue  # (kind, ToStore), or (_FETCHED, future) for a fetch that raised
    pool: ProcessPoolExecutor
    bases: dict[str, Basis] = field(default_factory=dict)  # what each feed's bodies are prepared against
    con: duckdb.DuckDBPyConnection | None = None
    preparing: int = 0
    ready: list[ToStore] = field(default_factory=list)  # the next batch
    ready_since: float = 0.0


def _fetched(writer: _Writer, future) -> None:
    """In the fetch thread: a large new body goes to a worker right away, anything else to the writer."""
    try:
        item = ToStore(future.result())
    except BaseException:  # a fetch that raised instead of failing: the writer raises it again, and stops
        writer.events.put((_FETCHED, future))
        return
    fetched = item.fetched
    if fetched.status != "ok" or len(fetched.body) < PREPARE_ELSEWHERE_BYTES:
        writer.events.put((_FETCHED, item))
        return
    item.basis = writer.bases.get(fetched.feed.key, Basis())
    writer.events.put((_SUBMITTED, item))
    try:
        prepared = writer.pool.submit(prepare_payload, fetched.feed, fetched.body, item.basis)
    except (BrokenProcessPool, RuntimeError):  # a worker died, or the run is ending: the writer prepares it
        writer.events.put((_PREPARED, _unprepared(item)))
        return
    prepared.add_done_callback(functools.partial(_prepared, writer.events, item))


def _prepared(events: queue.SimpleQueue, item: ToStore, future) -> None:
    # A worker that failed (or died) leaves the item unprepared: the writer prepares it itself, so a
    # broken pool costs time, not data, and a bug raises in the writer as it would without workers.
    if not future.cancelled() and future.exception() is None:
        item.prepared = future.result()
    else:
        _unprepared(item)
    events.put((_PREPARED, item))


def _unprepared(item: ToStore) -> ToStore:
    item.basis = item.prepared = None
    return item


def _new_pool() -> ProcessPoolExecutor:
    # spawn, not fork: this process runs fetch threads and DuckDB, which a fork would copy mid-flight.
    # Spawned workers import the main module again, so a script that ingests must guard its entry
    # point with `if __name__ == "__main__":`, as for any use of multiprocessing. No worker starts
    # before the first large body: a night of unchanged boards starts none.
    workers = max(1, min(os.cpu_count() or 1, MAX_WORKERS))
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
        initializer=exit_with_parent, initargs=(os.getpid(),),
    )  # fmt: skip


def _next_events(writer: _Writer) -> list[tuple]:
    """Wait for the next event (or the batch's deadline); take whatever else arrived meanwhile too."""
    if writer.events.empty() and not writer.preparing and not writer.ready and writer.con is not None:
        writer.con.close()  # nothing to write or parse: let readers in while the network works
        writer.con = None
    deadline = writer.ready_since + BATCH_WAIT_S if writer.ready else None
    try:
        events = [writer.events.get(timeout=max(0.0, deadline - time.monotonic()) if deadline else None)]
    except queue.Empty:
        return []
    while not writer.events.empty():
        events.append(writer.events.get_nowait())
    return events


def _dispatch(writer: _Writer, events: list[tuple]) -> None:
    """Stored fetches and finished preparations join the next batch."""
    ready = []
    for kind, item in events:
        writer.preparing += (kind is _SUBMITTED) - (kind is _PREPARED)
        if kind is not _SUBMITTED:
            ready.append(item if isinstance(item, ToStore) else ToStore(item.result()))
    if ready and not writer.ready:
        writer.ready_since = time.monotonic()
    writer.ready += ready


def _batch_full(writer: _Writer) -> bool:
    if time.monotonic() >= writer.ready_since + BATCH_WAIT_S:
        return True
    bodies = [item.fetched.body for item in writer.ready if item.fetched.body is not None]
    return len(bodies) >= BATCH_BODIES or sum(map(len, bodies)) >= BATCH_BYTES


def _write_ready(writer: _Writer) -> None:
    writer.con = writer.con or connect_writer(writer.config)
    batch, writer.ready = writer.ready, []
    for result in store_batch(writer.con, batch, writer.summary.run_id, writer.config.ingest):
        writer.summary.results.append(result)
        if writer.progress:
            writer.progress(result)


def connect_writer(config: Config) -> duckdb.DuckDBPyConnection:
    """The writer's connection, with settings for appending long text in many short transactions."""
    con = connect(config.db_path, wait_s=WRITE_WAIT_S)
    for setting in WRITER_SETTINGS:
        con.execute(setting)
    return con


def _shut(writer: _Writer) -> None:
    writer.pool.shutdown(wait=True, cancel_futures=True)
    if writer.con is not None:
        writer.con.close()


def finish_run(config: Config, summary: RunSummary) -> RunSummary:
    summary.finished_at = datetime.now(timezone.utc)
    con = connect(config.db_path, wait_s=WRITE_WAIT_S)
    try:
        con.execute(
            "update runs set finished_at = ?, status = ?, n_failed = ? where run_id = ?",
            [summary.finished_at, summary.status, len(summary.failed), summary.run_id],
        )
    finally:
        con.close()
    return summary


def fetch_and_store(
    config: Config, summary: RunSummary, states: dict[str, FeedState], progress=None, feeds: Iterable | None = None
) -> list[FeedResult]:
    """Fetch every feed on a bounded thread pool and store each as it arrives (no Prefect)."""
    feeds = list(config.feeds if feeds is None else feeds)
    slots = threading.Semaphore(max(1, config.http.max_concurrency * BODIES_IN_FLIGHT_PER_FETCH))

    def fetch(http: Http, feed) -> Fetched:
        slots.acquire()  # released once this fetch's body is stored
        fetched = fetch_feed(http, config, feed, states.get(feed.key))
        if fetched.body is None:
            slots.release()  # nothing held in memory (a 304, an unreachable board): only bodies count
        return fetched

    def stored(result: FeedResult) -> None:
        if result.n_bytes is not None:
            slots.release()
        if progress:
            progress(result)

    with Http(config.http) as http, ThreadPoolExecutor(max_workers=config.http.max_concurrency) as pool:
        futures = [pool.submit(fetch, http, feed) for feed in feeds]
        try:
            return store_as_completed(config, summary, futures, stored)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
            for _ in feeds:  # a writer that failed must not leave fetches waiting for a slot forever
                slots.release()


def ingest(config: Config, *, kind: str = "ingest", progress=None) -> RunSummary:
    """The whole ingest without Prefect: for scripts, tests and benchmarks."""
    summary, states = begin_run(config, kind)
    fetch_and_store(config, summary, states, progress)
    return finish_run(config, summary)
