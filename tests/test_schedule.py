"""`jobpipe serve` schedules: the nightly and weekly deployments follow the config's cron and time zone."""

from __future__ import annotations

from conftest import write_config

from pipeline.config import load_config
from pipeline.schedule import deployments


def test_serve_schedules_nightly_and_weekly_flows_from_the_config(tmp_path):
    extra = '\n[schedule]\nnightly_cron = "30 2 * * *"\nweekly_cron = "0 8 * * 1"\ntimezone = "Europe/Berlin"\n'
    path = write_config(tmp_path / "jobpipe.toml", "http://127.0.0.1:9", [("lever", "acme")], extra)
    config = load_config(path, tmp_path / "jobs.duckdb")
    by_name = {d.name: d for d in deployments(config)}
    assert set(by_name) == {"jobpipe-nightly", "jobpipe-weekly"}
    nightly, weekly = by_name["jobpipe-nightly"], by_name["jobpipe-weekly"]
    assert [(s.schedule.cron, s.schedule.timezone) for s in nightly.schedules] == [("30 2 * * *", "Europe/Berlin")]
    assert [(s.schedule.cron, s.schedule.timezone) for s in weekly.schedules] == [("0 8 * * 1", "Europe/Berlin")]
    assert nightly.parameters == {"config_path": str(path.resolve()), "db_path": str((tmp_path / "jobs.duckdb").resolve())}
