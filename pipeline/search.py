"""Full-text search of postings and their analyses: BM25 through DuckDB's FTS extension, plain matching without it.

The index lives in its own file beside the database (jobpipe.duckdb → jobpipe.search.duckdb), built from a
read-only view of the database into a temporary file and renamed into place: building it never locks the
database against readers, and a search never waits for a build.
"""

from __future__ import annotations

import os
import pathlib
import re
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from pipeline.db import connect, load_sql

READ_WAIT_S = 10
SNIPPET_CHARS = 160


class SearchUnavailable(RuntimeError):
    """The full-text extension could not be loaded: the message says why."""


@dataclass
class SearchResult:
    query: str
    method: str  # bm25 | plain
    hits: list[dict]
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass(frozen=True)
class IndexResult:
    status: str  # built | fresh | unavailable
    n_documents: int
    seconds: float
    note: str = ""

    def __str__(self) -> str:
        if self.status == "unavailable":
            return f"search index not built: {self.note}"
        return f"search index {self.status}: {self.n_documents:,} postings ({self.seconds:.1f} s)"


def index_path(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}.search.duckdb")


def fts_extension_path() -> Path:
    """The FTS extension shipped by the duckdb-extension-fts package: loaded from disk, never downloaded."""
    import duckdb_extension_fts

    found = sorted(pathlib.Path(duckdb_extension_fts.__file__).parent.glob("extensions/*/fts.duckdb_extension"))
    if not found:
        raise SearchUnavailable("the duckdb-extension-fts package holds no fts.duckdb_extension file")
    return found[-1]


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    # Never let DuckDB fetch an extension from the network: this machine may be offline, and it must not try.
    con.execute("set autoinstall_known_extensions = false")
    con.execute("set autoload_known_extensions = false")
    try:
        path = fts_extension_path()
        con.execute(f"load {_sql_string(str(path))}")  # LOAD takes no parameter: a quoted literal of our own path
    except (ImportError, duckdb.Error, OSError) as exc:
        raise SearchUnavailable(f"full-text search extension unavailable ({_first_line(exc)})") from None


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """What the index must reflect, read from the database: it changes with any version, closing or analysis."""
    return con.execute(load_sql("search_index_fingerprint")).fetchone()[0]


def index_state(db_path: Path, current: str) -> tuple[str, datetime | None]:
    """('fresh' | 'stale' | 'missing', when the index was built) for the database's current fingerprint."""
    path = index_path(db_path)
    if not path.exists():
        return "missing", None
    con = duckdb.connect(str(path), read_only=True)
    try:
        built_fingerprint, built_at = con.execute("select fingerprint, built_at from search_index_state").fetchone()
    except duckdb.Error:
        return "missing", None
    finally:
        con.close()
    return ("fresh" if built_fingerprint == current else "stale"), built_at


def refresh_search_index(db_path: Path, *, force: bool = False, wait_s: float = 60) -> IndexResult:
    """Rebuild the index file when the database changed since the last build; the database is only read."""
    started = time.monotonic()
    source = connect(db_path, read_only=True, wait_s=wait_s)
    try:
        current = fingerprint(source)
    finally:
        source.close()
    state, _ = index_state(db_path, current)
    if state == "fresh" and not force:
        return IndexResult("fresh", _count_documents(db_path), time.monotonic() - started)
    try:
        n = build_index_file(Path(db_path), current)
    except SearchUnavailable as exc:  # search falls back to plain matching; the run goes on
        return IndexResult("unavailable", 0, time.monotonic() - started, str(exc))
    return IndexResult("built", n, time.monotonic() - started)


def _count_documents(db_path: Path) -> int:
    con = duckdb.connect(str(index_path(db_path)), read_only=True)
    try:
        return con.execute("select n_documents from search_index_state").fetchone()[0]
    finally:
        con.close()


def build_index_file(db_path: Path, current: str) -> int:
    """Build into a temporary file beside the final one, then rename it over the old index."""
    final = index_path(db_path)
    tmp = final.with_name(f"search_build_{os.getpid()}_{uuid.uuid4().hex[:8]}.duckdb")
    try:
        con = duckdb.connect(str(tmp))
        try:
            load_fts(con)
            n = fill_index(con, db_path, current)
        finally:
            con.close()
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
        tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
    return n


def fill_index(con: duckdb.DuckDBPyConnection, db_path: Path, current: str) -> int:
    index = con.execute("select current_database()").fetchone()[0]  # search_build_<pid>_<hex>: a plain name
    # ATTACH takes no parameter: the path (ours, from --db or the config) is quoted as an SQL string literal
    con.execute(f"attach {_sql_string(str(Path(db_path).resolve()))} as source (read_only)")
    con.execute("use source")  # the named query reads the database's own views, unqualified
    con.execute(f"create table {index}.main.search_documents as {load_sql('search_documents')}")
    con.execute(f"use {index}")
    con.execute("detach source")
    con.execute(
        "pragma create_fts_index('search_documents', 'job_id', 'title', 'body', 'analysis', "
        "stemmer = 'porter', stopwords = 'english', strip_accents = 1, lower = 1, overwrite = 1)"
    )
    # the extension keeps one row per word occurrence; summed, weighted and sorted by term,
    # a query reads only its own terms' rows
    con.execute(f"create table search_postings as {load_sql('search_postings')}")
    # adjacent word pairs answer "does it hold the exact phrase?" without reading the text at query time
    con.execute(f"create table search_bigrams as {load_sql('search_bigrams')}")
    n = con.execute("select count(*) from search_documents").fetchone()[0]
    con.execute(
        "create table search_index_state as select ?::varchar as fingerprint, ?::timestamptz as built_at, "
        "?::bigint as n_documents",
        [current, datetime.now(timezone.utc), n],
    )
    return n


def search_params(query: str, open_only: bool, company: str | None, limit: int) -> dict:
    phrase = " ".join(query.split())
    terms = [t for t in re.split(r"\W+", phrase.lower()) if t]
    if not terms:
        raise ValueError("give some words to search for")
    return {
        "query": phrase, "phrase": phrase, "terms": terms, "open_only": open_only, "company": company, "limit": limit,
    }  # fmt: skip


def run_named(con: duckdb.DuckDBPyConnection, name: str, params: dict) -> list[dict]:
    sql = load_sql(name)
    wanted = set(duckdb.extract_statements(sql)[0].named_parameters)
    cursor = con.execute(sql, {k: v for k, v in params.items() if k in wanted})
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def search(
    db_path: Path, query: str, *, open_only=False, company=None, limit=20, wait_s: float = READ_WAIT_S
) -> SearchResult:
    """BM25 from the index file when the extension loads and the index exists; plain matching on the database else."""
    started = time.monotonic()
    params = search_params(query, open_only, company, limit)
    con = connect(db_path, read_only=True, wait_s=wait_s)
    try:
        notes: list[str] = []
        rows = search_index(db_path, fingerprint(con), params, notes)
        method = "bm25" if rows is not None else "plain"
        if rows is None:
            rows = run_named(con, "search_plain", params)
    finally:
        con.close()
    hits = [_with_snippet(row, params["terms"]) for row in rows]
    return SearchResult(params["phrase"], method, hits, notes, time.monotonic() - started)


def search_index(db_path: Path, current: str, params: dict, notes: list[str]) -> list[dict] | None:
    """The BM25 hits from the index file, or None (with a note saying why) when there is no usable index."""
    path = index_path(db_path)
    if not path.exists():
        notes.append("no full-text index yet (the nightly run builds it): using plain word matching")
        return None
    con = duckdb.connect(str(path), read_only=True)
    try:
        load_fts(con)
        built_fingerprint, built_at = con.execute("select fingerprint, built_at from search_index_state").fetchone()
        if built_fingerprint != current:
            notes.append(f"the full-text index dates from {built_at:%Y-%m-%d %H:%M} UTC; later changes are not in it")
        return bm25_hits(con, params)
    except SearchUnavailable as exc:
        notes.append(f"{exc}: using plain word matching instead of BM25 ranking")
        return None
    finally:
        con.close()


def bm25_hits(con: duckdb.DuckDBPyConnection, params: dict) -> list[dict]:
    """Postings holding the exact phrase first (BM25 among them), then the best BM25 of the rest, up to the limit.

    Two queries rather than one: when the phrase fills the page, the much larger set of postings that hold
    only some of the words never needs a score."""
    hits = run_named(con, "search_bm25_phrase", params) if len(params["terms"]) > 1 else []
    if len(hits) < params["limit"]:
        seen = {hit["job_id"] for hit in hits}
        more = run_named(con, "search_bm25", {**params, "limit": params["limit"] + len(hits)})
        hits += [hit for hit in more if hit["job_id"] not in seen][: params["limit"] - len(hits)]
    return hits


def _with_snippet(hit: dict, terms: list[str]) -> dict:
    body, analysis = hit.pop("body") or "", hit.pop("analysis") or ""
    hit["snippet"] = snippet(body, terms) or snippet(analysis, terms)
    return hit


def snippet(text: str, terms: list[str]) -> str:
    """A short window of text around the first query word found in it."""
    lower = text.lower()
    positions = [p for p in (lower.find(t) for t in terms) if p >= 0]
    if not positions:
        return ""
    start = max(min(positions) - SNIPPET_CHARS // 3, 0)
    window = " ".join(text[start : start + SNIPPET_CHARS].split())
    return ("…" if start else "") + window + ("…" if start + SNIPPET_CHARS < len(text) else "")
