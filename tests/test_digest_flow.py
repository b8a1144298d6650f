"""The weekly Prefect flow: builds the digest and publishes its headline as an artifact (one smoke test)."""

from __future__ import annotations

from digest_fixture import WEEK, build_digest_db
from prefect.artifacts import Artifact

from flows.weekly import weekly


def test_weekly_flow_writes_the_digest_and_publishes_its_headline(prefect_harness, tmp_path):
    db = build_digest_db(tmp_path / "flow.duckdb")
    config = tmp_path / "jobpipe.toml"
    config.write_text("", encoding="utf-8")
    result = weekly(str(config), str(db), week=WEEK, out_dir=str(tmp_path / "reports"))
    assert result.files["digest.html"].exists()
    artifact = Artifact.get("weekly-digest")
    assert artifact is not None
    assert "| New roles | 6 | 3 | +3 |" in artifact.data
    assert "digest.html" in artifact.data


def test_serve_schedules_the_weekly_digest_beside_the_nightly_run(tmp_path):
    from pipeline.config import load_config
    from pipeline.schedule import deployments

    config = tmp_path / "jobpipe.toml"
    config.write_text('[schedule]\nweekly_cron = "30 6 * * 1"\ntimezone = "Europe/Berlin"\n', encoding="utf-8")
    by_name = {d.name: d for d in deployments(load_config(config, tmp_path / "x.duckdb"))}
    assert set(by_name) == {"jobpipe-nightly", "jobpipe-weekly"}
    [schedule] = by_name["jobpipe-weekly"].schedules
    assert schedule.schedule.cron == "30 6 * * 1"
    assert schedule.schedule.timezone == "Europe/Berlin"
