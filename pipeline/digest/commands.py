"""The `jobpipe digest`, `search` and `export` commands."""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

import click
import duckdb
from rich.table import Table
from rich.text import Text

from pipeline.db import DatabaseBusy, DatabaseMissing

INDEX_WAIT_S = 5  # a running night holds the database: do not wait long to read it for the index


def config_options(fn):
    fn = click.option("--db", "db_path", type=click.Path(dir_okay=False), help="database file (JOBPIPE_DB)")(fn)
    path = click.Path(dir_okay=False)
    return click.option("--config", "config_path", type=path, help="config file (JOBPIPE_CONFIG)")(fn)


def _config(config_path, db_path):
    from pipeline.cli import read_config

    return read_config(config_path, db_path)


def _fail(message: str, code: int = 2):
    from pipeline.cli import fail

    fail(message, code)


def _out():
    from pipeline.cli import out

    return out


def resolve_week(text: str | None):
    from pipeline.digest.weeks import WeekError, last_complete_week, parse_week

    try:
        return parse_week(text) if text else last_complete_week(datetime.now(timezone.utc).date())
    except WeekError as exc:
        _fail(str(exc))


@click.command()
@click.option("--week", help="ISO week, e.g. 2026-W48 (default: the last complete week)")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="reports folder (default: [digest] out_dir)")
@click.option("--deliver/--no-deliver", default=True, show_default=True, help="email / webhook when configured")
@config_options
def digest(week, out_dir, deliver, config_path, db_path):
    """Write the weekly digest (Markdown, HTML, CSV, Parquet) for an ISO week."""
    from pipeline.digest.build import build_digest
    from pipeline.digest.delivery import deliver as send, delivery_settings

    config = _config(config_path, db_path)
    chosen = resolve_week(week)
    try:
        result = build_digest(config.db_path, chosen, Path(out_dir or config.digest.out_dir), config.digest,
                              config.watchlist)  # fmt: skip
    except (DatabaseBusy, DatabaseMissing) as exc:
        _fail(str(exc))
    except duckdb.Error as exc:  # e.g. a database from an older jobpipe, before `jobpipe run` upgraded it
        _fail(f"cannot read {chosen.label} from {config.db_path}: {str(exc).strip().splitlines()[0]}")
    out = _out()
    out.print(result.summary_line(), markup=False)
    for path in result.files.values():
        out.print(f"  {path}", markup=False)
    outcomes = send(result, delivery_settings(config.digest, os.environ)) if deliver else []
    for outcome in outcomes:
        out.print(f"{outcome.channel}: {'sent' if outcome.ok else 'NOT sent'} — {outcome.detail}", markup=False)
    if any(not o.ok for o in outcomes):
        _fail("delivery failed; the digest files are written and kept", code=1)


@click.command()
@click.argument("words", nargs=-1, required=True)
@click.option("--open", "open_only", is_flag=True, help="only roles open now")
@click.option("--company", help="only this company (display name or board)")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@config_options
def search(words, open_only, company, limit, fmt, config_path, db_path):
    """Rank postings and their analyses by full-text relevance (BM25), exact phrase first."""
    from pipeline.search import search as run

    config = _config(config_path, db_path)
    ensure_index(config.db_path)
    try:
        result = run(config.db_path, " ".join(words), open_only=open_only, company=company, limit=limit)
    except (DatabaseBusy, DatabaseMissing, ValueError) as exc:
        _fail(str(exc))
    for note in result.notes:
        click.echo(f"jobpipe: {note}", err=True)
    if fmt == "json":
        json.dump(result.hits, sys.stdout, default=str, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    print_hits(result)


def ensure_index(db_path: Path) -> None:
    """Build the full-text index now if it is missing or older than the data; say so (it only reads the database)."""
    from pipeline.db import connect
    from pipeline.search import fingerprint, index_state, refresh_search_index

    try:
        con = connect(db_path, read_only=True, wait_s=INDEX_WAIT_S)
    except (DatabaseBusy, DatabaseMissing) as exc:
        _fail(str(exc))
    try:
        state, _ = index_state(db_path, fingerprint(con))
    finally:
        con.close()
    if state == "fresh":
        return
    click.echo(f"jobpipe: the search index is {state}: building it (once after new data)…", err=True)
    try:
        result = refresh_search_index(db_path, wait_s=INDEX_WAIT_S)
    except (DatabaseBusy, duckdb.IOException):  # a run began writing: search what there is
        click.echo("jobpipe: a run is writing the database, so the index was not rebuilt now", err=True)
        return
    click.echo(f"jobpipe: {result}", err=True)


def print_hits(result) -> None:
    out = _out()
    title = Text(f"“{result.query}” — {len(result.hits)} hits ({result.method}, {result.seconds:.2f} s)")
    table = Table("#", "score", "company", "title", "location", "open", title=title)
    table.add_column("link", overflow="fold")
    for n, hit in enumerate(result.hits, start=1):
        score = f"{hit['score']:.2f}" + (" ★" if hit["has_phrase"] else "")
        # posting text is shown as plain text: rich would read "[...]" in it as markup
        cells = (hit["company"] or "", hit["title"], hit["location"] or "", "yes" if hit["is_open"] else "closed",
                 hit["url"] or "")  # fmt: skip
        table.add_row(str(n), score, *(Text(cell) for cell in cells))
    out.print(table)
    if result.hits:
        out.print("★ contains the exact phrase")


@click.command()
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv"]), default="parquet", show_default=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False), required=True, help="folder for the files")
@config_options
def export(fmt, out_dir, config_path, db_path):
    """Write every public view to OUT/<view>.parquet (or .csv)."""
    from pipeline.export import export_views

    config = _config(config_path, db_path)
    try:
        exported = export_views(config.db_path, Path(out_dir), fmt)
    except (DatabaseBusy, DatabaseMissing) as exc:
        _fail(str(exc))
    out = _out()
    for item in exported:
        out.print(f"{item.name}: {item.n_rows} rows → {item.path}", markup=False)
