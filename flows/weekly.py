"""Weekly flow: build the digest of the last complete ISO week, deliver it if configured, publish its headline."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_link_artifact, create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from pipeline.config import Config, load_config
from pipeline.digest.artifact import digest_markdown
from pipeline.digest.build import DigestResult, build_digest
from pipeline.digest.delivery import Outcome, deliver, delivery_settings
from pipeline.digest.weeks import Week, last_complete_week, parse_week


# Never cached: a digest reads what the database holds now, and a re-run must rewrite the files.
@task(cache_policy=NO_CACHE, task_run_name="digest {week.label}")
def build(config: Config, week: Week, out_dir: str | None) -> DigestResult:
    return build_digest(config.db_path, week, Path(out_dir or config.digest.out_dir), config.digest, config.watchlist)


@task(cache_policy=NO_CACHE)
def send(config: Config, result: DigestResult) -> list[Outcome]:
    return deliver(result, delivery_settings(config.digest, os.environ))


@flow(name="weekly")
def weekly(
    config_path: str | None = None, db_path: str | None = None, week: str | None = None, out_dir: str | None = None
) -> DigestResult:
    config = load_config(config_path, db_path)
    chosen = parse_week(week) if week else last_complete_week(datetime.now(timezone.utc).date())
    result = build(config, chosen, out_dir)
    outcomes = send(config, result)
    create_markdown_artifact(digest_markdown(result, outcomes), key="weekly-digest", description="jobpipe digest")
    create_link_artifact(
        result.files["digest.html"].resolve().as_uri(), link_text=f"digest {chosen.label}", key="weekly-digest-html"
    )
    return result
