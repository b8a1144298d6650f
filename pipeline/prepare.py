"""The CPU half of storing a fetch: hash, compress and parse a body, hash each job, HTML to text.

Needs no database, so worker processes can run it while the writer writes (see pipeline.runs); the
writer stores what comes out with pipeline.ingest.store_batch.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from dataclasses import dataclass, field

import orjson
import pyarrow as pa

from pipeline.config import Feed
from pipeline.feeds import SOURCES
from pipeline.posting import PayloadError, Posting

# ISA-L writes the zlib format several times as fast as zlib itself; zlib.decompress reads it back as ever.
from isal.isal_zlib import compress as zlib_compress

VERSION_COLUMNS = (
    "company", "title", "department", "team", "location", "workplace_type", "employment_type",
    "url", "apply_url", "published_at", "description_text",
)  # fmt: skip

UTC_TIMESTAMP = pa.timestamp("us", tz="UTC")
ROWS_SCHEMA = pa.schema(
    [("external_id", pa.string()), ("content_hash", pa.string())]
    + [(name, UTC_TIMESTAMP if name == "published_at" else pa.string()) for name in VERSION_COLUMNS]
)


@dataclass(frozen=True)
class Basis:
    """What a body is prepared against: the feed's last stored payload and its postings' content hashes."""

    last_payload_hash: str | None = None
    hashes: dict[str, str] = field(default_factory=dict)  # external_id -> current content hash


@dataclass
class Prepared:
    """One body with the CPU work done; what is left is SQL."""

    payload_hash: str
    body_zlib: bytes | None = None  # None when the body is the feed's last payload, which is kept already
    error: str | None = None  # the body is not the board its source promises
    external_ids: list[str] | None = None  # each job once, in board order; None when not parsed
    hashes: list[str] | None = None
    rows: pa.Table | None = None  # version rows of the jobs new or changed against the basis, in board order


def job_content(job: dict, volatile: frozenset[str]) -> bytes:
    """The job's JSON without the keys a source touches in bulk: what defines a version."""
    return orjson.dumps({k: v for k, v in job.items() if k not in volatile} if volatile else job)


def prepare_payload(feed: Feed, body: bytes, basis: Basis, *, keep: bool = True) -> Prepared:
    """Hash, compress and parse one body; HTML to text only for jobs new or changed against the basis."""
    payload_hash = hashlib.sha256(body).hexdigest()
    if payload_hash == basis.last_payload_hash:
        return Prepared(payload_hash)
    prepared = Prepared(payload_hash, zlib_compress(body, 1) if keep else None)
    module = SOURCES[feed.source]
    try:
        jobs = module.parse_payload(body)
    except PayloadError as exc:
        prepared.error = str(exc)
        return prepared
    prepared.external_ids, prepared.hashes, seen, rows = [], [], set(), _Rows()
    jobs.reverse()  # taken from the end, so that each job is freed as soon as it is done with
    while jobs:
        job = jobs.pop()
        ext = module.external_id(job)
        if ext in seen:  # a board listing the same post twice: the first one wins
            continue
        seen.add(ext)
        content_hash = hashlib.sha256(job_content(job, module.VOLATILE_KEYS)).hexdigest()
        prepared.external_ids.append(ext)
        prepared.hashes.append(content_hash)
        if basis.hashes.get(ext) != content_hash:
            rows.add(feed, module.to_posting(job, feed.board), ext, content_hash)
    prepared.rows = rows.table()
    return prepared


def exit_with_parent(parent_pid: int) -> None:
    """In a worker process: exit once the process that started it is gone, instead of waiting forever."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(1)  # the parent was killed mid-run: nothing here is worth finishing

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


class _Rows:
    """Version rows built a few hundred at a time, so a large board is never held twice over."""

    CHUNK = 256

    def __init__(self):
        self.batches: list[pa.RecordBatch] = []
        self.columns: dict[str, list] = {name: [] for name in ROWS_SCHEMA.names}

    def add(self, feed: Feed, posting: Posting, ext: str, content_hash: str) -> None:
        columns = self.columns
        columns["external_id"].append(ext)
        columns["content_hash"].append(content_hash)
        for name in VERSION_COLUMNS:
            columns[name].append(getattr(posting, name))
        columns["company"][-1] = feed.company or posting.company or feed.board
        if len(columns["external_id"]) >= self.CHUNK:
            self._flush()

    def table(self) -> pa.Table:
        self._flush()
        return pa.Table.from_batches(self.batches, schema=ROWS_SCHEMA)

    def _flush(self) -> None:
        if self.columns["external_id"]:
            self.batches.append(pa.record_batch(list(self.columns.values()), schema=ROWS_SCHEMA))
            self.columns = {name: [] for name in ROWS_SCHEMA.names}
