"""The `jobpipe` command line: a subcommand per job (`jobpipe --help` lists them)."""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from pipeline.config import Config, ConfigError, load_config
from pipeline.db import DatabaseBusy, DatabaseMissing
from pipeline.report import HEADERS, summary_line, terminal_rows
from pipeline.runs import RunSummary

console = Console(stderr=True, highlight=False, soft_wrap=True)
# Piped output (files, CI logs) gets a width that fits the summary table instead of 80 columns.
out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 120)
# Feeds listed one by one after a run; beyond this the table shows the eventful ones and sums the others
# (`jobpipe feeds` and the feed_results table have every feed).
TABLE_ROWS = 40


def fail(message: str, code: int = 2):
    console.print(f"jobpipe: {message}", style="red", markup=False)
    sys.exit(code)


def common_options(fn):
    """--config and --db on every command, falling back to JOBPIPE_CONFIG / JOBPIPE_DB."""

    @click.option("--config", "config_path", type=click.Path(dir_okay=False), help="config file (JOBPIPE_CONFIG)")
    @click.option("--db", "db_path", type=click.Path(dir_okay=False), help="database file (JOBPIPE_DB)")
    @functools.wraps(fn)
    def wrapper(*args, config_path=None, db_path=None, **kwargs):
        return fn(*args, config_path=config_path, db_path=db_path, **kwargs)

    return wrapper


def read_config(config_path, db_path) -> Config:
    try:
        return load_config(config_path, db_path)
    except ConfigError as exc:
        fail(str(exc))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main():
    """jobpipe: follow companies' job boards — history, facts, analyses and a weekly digest in one DuckDB file."""


def progress_display(total: int):
    return Progress(
        TextColumn("fetching"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def run_with_progress(config: Config, work) -> RunSummary:
    """Run `work(progress_callback)` with a live bar; each stored feed advances it."""
    with progress_display(len(config.feeds)) as bar:
        task_id = bar.add_task("", total=len(config.feeds))

        def advance(result):
            bar.update(task_id, advance=1, description=f"{result.source}/{result.board}: {result.status}")

        return work(advance)


def print_summary(summary: RunSummary) -> None:
    # The error column is left out of the table: failures get a whole line each below it.
    table = Table(*HEADERS[:-1], title=f"jobpipe {summary.kind} {summary.run_id}", title_justify="left")
    for row in terminal_rows(summary, TABLE_ROWS):
        table.add_row(*row[:-1], style="red" if row[1] == "failed" else None)
    if summary.results and not summary.offline:
        out.print(table)
    for result in summary.results:
        if result.status in ("failed", "suspicious"):
            out.print(f"{result.status.upper()} {result.source}/{result.board}: {result.error}")
    out.print(f"Database: {summary.db_path}")
    out.print(summary_line(summary))
    for name, stage in summary.stages.items():
        out.print(f"{name}: {stage}")
    if summary.offline:
        out.print(
            "No feed could be reached: this machine seems to have no internet. "
            "`make demo` runs the same pipeline offline on the bundled sample boards."
        )


def finish(summary: RunSummary) -> None:
    print_summary(summary)
    sys.exit(1 if summary.failed else 0)


@main.command()
@common_options
def run(config_path, db_path):
    """Run the nightly flow once (Prefect, no server needed)."""
    from pipeline.analysis.stage import AnalysisError

    config = read_config(config_path, db_path)
    try:
        finish(run_nightly_flow(config, kind="run"))
    except AnalysisError as exc:
        fail(str(exc))


def run_nightly_flow(config: Config, kind: str) -> RunSummary:
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # it would try the internet
    console.print("starting Prefect (a local temporary API server on first use)…")
    from prefect.task_runners import ThreadPoolTaskRunner

    import flows.nightly as nightly_module

    flow = nightly_module.nightly.with_options(task_runner=ThreadPoolTaskRunner(config.http.max_concurrency))

    def work(advance):
        nightly_module.progress_hook = advance
        try:
            return flow(str(config.path), str(config.db_path), kind)
        finally:
            nightly_module.progress_hook = None

    return run_with_progress(config, work)


@main.command()
@common_options
def ingest(config_path, db_path):
    """Fetch and store every feed once, without Prefect (for scripts)."""
    from pipeline.runs import ingest as ingest_all

    config = read_config(config_path, db_path)
    finish(run_with_progress(config, lambda advance: ingest_all(config, progress=advance)))


@main.command()
@common_options
def reprocess(config_path, db_path):
    """Rebuild postings and versions from the kept raw payloads, without fetching."""
    from pipeline.reprocess import reprocess as replay

    config = read_config(config_path, db_path)
    summary = replay(config)
    out.print(f"Database: {summary.db_path}")
    out.print(f"replayed {len(summary.results)} fetches; {summary.total('n_new')} postings, "
              f"{summary.total('n_changed')} later versions, {summary.total('n_closed')} closings")  # fmt: skip


@main.command()
@common_options
def serve(config_path, db_path):
    """Serve the nightly and weekly flows on their cron schedules from the config (Ctrl-C stops)."""
    from pipeline.schedule import serve_flows

    config = read_config(config_path, db_path)
    serve_flows(config)


@main.command()
@common_options
def feeds(config_path, db_path):
    """The configured feeds and their health."""
    from pipeline.sqlcli import read_rows

    config = read_config(config_path, db_path)
    health = {}
    if config.db_path.exists():
        try:
            cols, rows = read_rows(config.db_path, "select * from feed_health", wait_s=10)
            health = {(r[cols.index("source")], r[cols.index("board")]): dict(zip(cols, r)) for r in rows}
        except (DatabaseBusy, DatabaseMissing) as exc:
            console.print(f"jobpipe: {exc}")
    table = Table("feed", "company", "health", "open", "last success", "last error", title=str(config.path))
    for feed in config.feeds:
        h = health.get((feed.source, feed.board), {})
        last_ok = h.get("last_success_at")
        cells = (
            feed.key, feed.display_name, h.get("health", "never fetched"), str(h.get("n_open", "")),
            f"{last_ok:%Y-%m-%d %H:%M}" if last_ok else "", h.get("last_error") or "",
        )  # fmt: skip
        table.add_row(*(Text(cell) for cell in cells))  # text from feeds is never read as markup
    out.print(table)


@main.command()
@common_options
@click.argument("job_id", type=int)
@click.option("--version-id", type=int, help="a version other than the current one (job_changes lists them)")
def raw(config_path, db_path, job_id, version_id):
    """A posting's own JSON as its board served it (its current version unless --version-id)."""
    from pipeline.db import connect
    from pipeline.jobjson import version_job

    config = read_config(config_path, db_path)
    try:
        con = connect(config.db_path, read_only=True, wait_s=10)
    except (DatabaseBusy, DatabaseMissing) as exc:
        fail(str(exc))
    try:
        job = version_job(con, job_id, version_id)
    finally:
        con.close()
    if job is None:
        version = f" version {version_id}" if version_id is not None else ""
        fail(f"no posting {job_id}{version} with a stored payload in {config.db_path}")
    click.echo(json.dumps(job, indent=2, ensure_ascii=False))


@main.command()
@click.option("--samples", type=click.Path(file_okay=False), default="data/samples", show_default=True)
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default="data/demo.duckdb", show_default=True)
@click.option("--fresh/--keep", default=True, show_default=True, help="start from an empty demo database")
def demo(samples, db_path, fresh):
    """The nightly flow, offline, against the bundled sample boards (two nights: new, changed, closed)."""
    from pipeline.demo import run_demo

    run_demo(Path(samples), Path(db_path), fresh=fresh, run_night=lambda cfg: run_nightly_flow(cfg, kind="demo"),
             show=print_summary)  # fmt: skip


@main.command()
@common_options
def facts(config_path, db_path):
    """Extract facts for posting versions that have none from the current extractor (no network)."""
    from pipeline.facts.stage import extract_new_facts

    config = read_config(config_path, db_path)
    out.print(f"Database: {config.db_path}")
    out.print(str(extract_new_facts(config)))


@main.command()
@click.option("--backend", type=click.Choice(["auto", "offline", "openai", "openai-batch"]), default=None,
              help="override [analysis] backend")  # fmt: skip
@click.option("--dry-run", is_flag=True, help="print how many requests and the estimated cost; send nothing")
@click.option("--limit", type=int, default=None, help="analyze at most this many postings")
@common_options
def analyze(backend, dry_run, limit, config_path, db_path):
    """Write job and company analyses for new and changed postings (offline, or a model)."""
    from pipeline.analysis.stage import AnalysisError
    from pipeline.analysis.stage import analyze as run_analyses

    config = read_config(config_path, db_path)
    try:
        summary = run_analyses(config, config.db_path, backend=backend, dry_run=dry_run, limit=limit)
    except (AnalysisError, DatabaseBusy) as exc:
        fail(str(exc))
    out.print(f"Database: {config.db_path}")
    for line in summary.lines():
        out.print(line, markup=False)
    sys.exit(1 if summary.n_failed else 0)


@main.command()
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
@click.option("--currency", default="USD", show_default=True, help="reporting currency for converted pay")
def extract(source, currency):
    """Extract facts from JSON lines ({"text": ..., "title": ..., "location": ...}) on a file or stdin."""
    from pipeline.facts.cli import extract_lines

    n_bad = extract_lines(source, sys.stdout, currency, lambda message: console.print(message, markup=False))
    sys.exit(1 if n_bad else 0)


def register_commands() -> None:
    """Commands that live beside the code they drive."""
    from pipeline.digest.commands import digest, export, search
    from pipeline.sqlcli import sql

    for command in (sql, digest, search, export):
        main.add_command(command)


register_commands()

if __name__ == "__main__":
    main()
