"""A run: record it, fetch feeds concurrently with no database held, store them from one writer."""

from __future__ import annotations

import queue
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from pipeline.config import Config
from pipeline.db import connect, migrate, refresh_views
from pipeline.fetch import FeedState, fetch_feed
from pipeline.http import Http
from pipeline.ingest import FeedResult, read_feed_states, store_fetched

WRITE_WAIT_S = 60  # a writer waits this long for readers' locks to go away before giving up


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
    """The single writer: store each fetch as it completes; hold the database only while there is work."""
    done: queue.Queue = queue.Queue()
    pending = len(futures)
    for future in futures:
        future.add_done_callback(done.put)
    futures.clear()  # completed fetches are held only by the queue until stored, so bodies are freed early
    con = None
    try:
        for _ in range(pending):
            try:
                future = done.get_nowait()
            except queue.Empty:
                if con is not None:  # nothing to write: let readers in while the network works
                    con.close()
                    con = None
                future = done.get()
            fetched = future.result()
            con = con or connect(config.db_path, wait_s=WRITE_WAIT_S)
            result = store_fetched(con, fetched, summary.run_id, config.ingest)
            summary.results.append(result)
            if progress:
                progress(result)
    finally:
        if con is not None:
            con.close()
    return summary.results


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
    with Http(config.http) as http, ThreadPoolExecutor(max_workers=config.http.max_concurrency) as pool:
        futures = [pool.submit(fetch_feed, http, config, feed, states.get(feed.key)) for feed in feeds]
        return store_as_completed(config, summary, futures, progress)


def ingest(config: Config, *, kind: str = "ingest", progress=None) -> RunSummary:
    """The whole ingest without Prefect: for scripts, tests and benchmarks."""
    summary, states = begin_run(config, kind)
    fetch_and_store(config, summary, states, progress)
    return finish_run(config, summary)
