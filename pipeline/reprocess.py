"""Rebuild postings and versions from the kept raw payloads, without fetching anything."""

from __future__ import annotations

import zlib

from pipeline.config import Config, Feed
from pipeline.db import connect, migrate, refresh_views
from pipeline.fetch import Fetched
from pipeline.ingest import apply_fetched
from pipeline.runs import WRITE_WAIT_S, RunSummary, begin_run, finish_run

REPLAY_ORDER = """
    select f.source, f.board, f.fetched_at, p.http_status, p.content_type, p.body_zlib
    from payload_fetches as f
    join raw_payloads as p using (payload_hash)
    order by f.fetched_at, f.source, f.board
"""


def reprocess(config: Config) -> RunSummary:
    """Replay every successful fetch in order through today's parsers, in one transaction."""
    summary, _ = begin_run(config, "reprocess")
    companies = {feed.key: feed.company for feed in config.feeds}
    con = connect(config.db_path, wait_s=WRITE_WAIT_S)
    try:
        migrate(con)
        con.execute("begin transaction")
        for table in ("postings", "posting_versions", "feed_state"):
            con.execute(f"delete from {table}")
        for source, board, fetched_at, http_status, content_type, body in con.execute(REPLAY_ORDER).fetchall():
            feed = Feed(source, board, companies.get(f"{source}/{board}"))
            fetched = Fetched(feed, fetched_at, "ok", http_status, zlib.decompress(body), content_type)
            summary.results.append(apply_fetched(con, fetched, summary.run_id, config.ingest, replay=True))
        con.execute("commit")
        refresh_views(con)
    finally:
        con.close()
    return finish_run(config, summary)
