"""Fetching one feed: the network half of ingest, which never touches the database."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timezone

from pipeline.config import Config, Feed
from pipeline.feeds import SOURCES
from pipeline.http import FetchError, Http


@dataclass(frozen=True)
class FeedState:
    """What the last successful fetch of a feed left behind for the next conditional GET."""

    etag: str | None = None
    last_modified: str | None = None
    last_payload_hash: str | None = None


@dataclass(frozen=True)
class Fetched:
    feed: Feed
    fetched_at: datetime
    status: str  # ok | not_modified | failed
    http_status: int | None = None
    body: bytes | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    duration_ms: int = 0


def fetch_feed(http: Http, config: Config, feed: Feed, state: FeedState | None) -> Fetched:
    """GET one board (conditionally when we have validators); failures come back as a Fetched, not raised."""
    state = state or FeedState()
    module = SOURCES[feed.source]
    started, fetched_at = time.monotonic(), datetime.now(timezone.utc)
    try:
        response = module.fetch_board(
            http, config.base_url(feed.source), feed.board, etag=state.etag, last_modified=state.last_modified
        )
    except FetchError as exc:
        return Fetched(feed, fetched_at, "failed", error=str(exc), duration_ms=_ms(started))
    common = dict(
        http_status=response.status,
        content_type=response.headers.get("content-type"),
        duration_ms=_ms(started),
    )
    if response.not_modified:
        return Fetched(feed, fetched_at, "not_modified", etag=state.etag, last_modified=state.last_modified, **common)
    if not 200 <= response.status < 300:
        error = f"HTTP {response.status}{_first_line(response.body)}"
        return Fetched(feed, fetched_at, "failed", body=response.body or None, error=error, **common)
    return Fetched(
        feed, fetched_at, "ok", body=response.body, etag=response.etag, last_modified=response.last_modified, **common
    )


def _first_line(body: bytes | None) -> str:
    text = (body or b"")[:200].decode("utf-8", "replace").strip().splitlines()
    if not text or text[0].lstrip().startswith("<"):
        return ""
    return f": {text[0][:120]}"


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
