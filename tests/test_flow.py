"""The nightly flow under a real (temporary) Prefect API: one smoke test."""

from __future__ import annotations

import duckdb
from conftest import write_config
from payloads import greenhouse_board, greenhouse_job, lever_job

from pipeline.boardserver import BoardServer


def test_nightly_flow_ingests_every_feed_and_publishes_a_summary_artifact(prefect_harness, tmp_path):
    from prefect.artifacts import Artifact

    from flows.nightly import nightly

    with BoardServer() as server:
        server.set_board("lever", "acme", [lever_job(n) for n in range(4)])
        server.set_board("greenhouse", "globex", greenhouse_board([greenhouse_job(n) for n in range(2)]))
        config = write_config(tmp_path / "jobpipe.toml", server.base_url, [("lever", "acme"), ("greenhouse", "globex")])
        summary = nightly(str(config), str(tmp_path / "jobs.duckdb"))
        again = nightly(str(config), str(tmp_path / "jobs.duckdb"))

    assert summary.status == "ok" and summary.total("n_new") == 6
    assert again.total("n_new") == 0 and again.total("n_unchanged") == 6  # fetched again, not served from a cache
    con = duckdb.connect(str(tmp_path / "jobs.duckdb"), read_only=True)
    assert con.execute("select count(*) from jobs where is_open").fetchone() == (6,)
    assert con.execute("select count(*), max(status) from runs").fetchone() == (2, "ok")
    artifact = Artifact.get("nightly-summary")
    assert artifact is not None and "lever/acme" in artifact.data and again.run_id in artifact.data
