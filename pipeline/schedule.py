"""Serving the flows on their cron schedules from the config."""

from __future__ import annotations

from prefect import serve
from prefect.schedules import Cron
from prefect.task_runners import ThreadPoolTaskRunner

from pipeline.config import Config


def deployments(config: Config) -> list:
    from flows.nightly import nightly
    from flows.weekly import weekly

    params = {"config_path": str(config.path.resolve()), "db_path": str(config.db_path.resolve())}
    runner = ThreadPoolTaskRunner(config.http.max_concurrency)
    tz = config.schedule.timezone
    return [
        nightly.with_options(task_runner=runner).to_deployment(
            name="jobpipe-nightly", schedules=[Cron(config.schedule.nightly_cron, timezone=tz)], parameters=params
        ),
        # the weekly digest of the last complete ISO week, by default on Monday mornings after the night's run
        weekly.to_deployment(
            name="jobpipe-weekly", schedules=[Cron(config.schedule.weekly_cron, timezone=tz)], parameters=params
        ),
    ]


def serve_flows(config: Config) -> None:
    # pause_on_shutdown=False: stopping `jobpipe serve` must not leave the schedules paused for next time.
    serve(*deployments(config), pause_on_shutdown=False)
