"""Nightly flow: fetch every feed, store it, record the run, publish a summary."""

from __future__ import annotations

from collections.abc import Callable

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from pipeline.analysis.stage import analyze, choose_backend
from pipeline.config import Config, Feed, load_config
from pipeline.facts.stage import extract_new_facts
from pipeline.fetch import FeedState, Fetched, fetch_feed
from pipeline.http import Http
from pipeline.report import summary_markdown
from pipeline.runs import RunSummary, begin_run, finish_run, store_as_completed
from pipeline.search import refresh_search_index

# Set by the CLI to show progress while the flow runs in-process; None under a deployment.
progress_hook: Callable | None = None


# Never cached: a fetch must always reach the board. Retries live in Http, around the request only.
@task(cache_policy=NO_CACHE, task_run_name="fetch {feed.source}/{feed.board}")
def fetch(http: Http, config: Config, feed: Feed, state: FeedState | None) -> Fetched:
    return fetch_feed(http, config, feed, state)


@task(cache_policy=NO_CACHE)
def extract_facts(config: Config):
    return extract_new_facts(config)


@task(cache_policy=NO_CACHE)
def analyze_new_and_changed(config: Config) -> str:
    return "; ".join(analyze(config, config.db_path).lines())


@task(cache_policy=NO_CACHE)
def refresh_search(config: Config) -> str:
    # Reads the database only: the index is its own file, swapped into place when built.
    return str(refresh_search_index(config.db_path))


@flow(name="nightly")
def nightly(config_path: str | None = None, db_path: str | None = None, kind: str = "run") -> RunSummary:
    config = load_config(config_path, db_path)
    choose_backend(config)  # an impossible [analysis] setting fails before anything is fetched
    summary, states = begin_run(config, kind)
    with Http(config.http) as http:
        futures = [fetch.submit(http, config, feed, states.get(feed.key)) for feed in config.feeds]
        store_as_completed(config, summary, futures, progress_hook)
    summary.stages["facts"] = extract_facts(config)
    summary.stages["analyses"] = analyze_new_and_changed(config)
    finish_run(config, summary)
    summary.stages["search"] = refresh_search(config)
    create_markdown_artifact(summary_markdown(summary), key="nightly-summary", description="jobpipe nightly run")
    return summary
