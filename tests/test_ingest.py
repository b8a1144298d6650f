"""Posting lifecycle and failure handling, through real HTTP to a local board server and a real DuckDB file."""

from __future__ import annotations

import itertools
import json
import zlib

import duckdb
import pytest
from click.testing import CliRunner
from conftest import write_config
from payloads import greenhouse_board, greenhouse_job, lever_job

from pipeline.boardserver import BoardServer
from pipeline.cli import main
from pipeline.config import load_config
from pipeline.jobjson import payload_jobs
from pipeline.reprocess import reprocess
from pipeline.runs import ingest


@pytest.fixture
def server():
    with BoardServer() as server:
        yield server


@pytest.fixture
def setup(tmp_path, server):
    """A config with two boards on the local server; returns a function that runs one ingest."""
    path = write_config(tmp_path / "jobpipe.toml", server.base_url, [("lever", "acme"), ("greenhouse", "globex")])
    config = load_config(path, tmp_path / "jobs.duckdb")

    def run():
        return ingest(config)

    return config, run


def rows(config, query, params=None):
    con = duckdb.connect(str(config.db_path), read_only=True)
    try:
        return con.execute(query, params or []).fetchall()
    finally:
        con.close()


def jobs(config):
    return {r[0]: r[1:] for r in rows(config, "select external_id, title, is_open, n_versions, first_seen_at, "
                                              "last_seen_at, closed_at from jobs")}  # fmt: skip


def counts(config):
    return rows(config, "select (select count(*) from postings), (select count(*) from posting_versions), "
                        "(select count(*) from raw_payloads)")[0]  # fmt: skip


def test_same_payload_twice_changes_nothing(setup, server):
    config, run = setup
    server.set_board("lever", "acme", [lever_job(n) for n in range(5)])
    server.set_board("greenhouse", "globex", greenhouse_board([greenhouse_job(n) for n in range(3)]))
    first = run()
    assert first.total("n_new") == 8 and not first.failed
    before, before_counts = jobs(config), counts(config)
    second = run()
    assert second.total("n_new") == 0 and second.total("n_changed") == 0
    assert counts(config) == before_counts
    after = jobs(config)
    assert {k: v[:4] for k, v in after.items()} == {k: v[:4] for k, v in before.items()}
    assert all(after[k][3] == before[k][3] for k in before)  # first_seen_at unchanged


def test_bulk_touched_updated_at_is_not_a_new_version(setup, server):
    config, run = setup
    server.set_board("greenhouse", "globex", greenhouse_board([greenhouse_job(1)]))
    run()
    server.set_board("greenhouse", "globex", greenhouse_board([greenhouse_job(1, updated_at="2026-11-20T00:00:00Z")]))
    result = run()
    assert result.total("n_changed") == 0
    assert counts(config)[1] == 1


def test_posting_missing_from_successful_fetch_is_closed_and_reopened_when_back(setup, server):
    config, run = setup
    server.set_board("lever", "acme", [lever_job(n) for n in range(4)])
    run()
    server.set_board("lever", "acme", [lever_job(n) for n in range(3)])
    closed = run()
    gone = lever_job(3)["id"]
    assert closed.total("n_closed") == 1
    assert jobs(config)[gone][1] is False and jobs(config)[gone][5] is not None
    server.set_board("lever", "acme", [lever_job(n) for n in range(4)])
    back = run()
    assert back.total("n_reopened") == 1
    assert jobs(config)[gone][1] is True and jobs(config)[gone][5] is None
    assert counts(config)[1] == 4  # same content: no new version on reopening
    reopened = rows(config, "select external_id, reopened_at = last_seen_at from jobs where reopened_at is not null")
    assert reopened == [(gone, True)]


def test_edited_posting_gets_a_new_version_and_a_change_row(setup, server):
    config, run = setup
    server.set_board("lever", "acme", [lever_job(1, "Backend Engineer", workplace="onsite")])
    run()
    server.set_board("lever", "acme", [lever_job(1, "Senior Backend Engineer", workplace="remote")])
    result = run()
    assert result.total("n_changed") == 1
    job_id = lever_job(1)["id"]
    assert jobs(config)[job_id][:3] == ("Senior Backend Engineer", True, 2)
    changes = rows(config, "select field, old_value, new_value from job_changes order by field")
    assert ("title", "Backend Engineer", "Senior Backend Engineer") in changes
    assert ("workplace_type", "onsite", "remote") in changes
    versions = rows(config, "select valid_to is null from posting_versions order by valid_from")
    assert versions == [(False,), (True,)]


def test_not_modified_board_is_unchanged_and_last_seen_moves(setup, server):
    config, run = setup
    server.set_board("lever", "acme", [lever_job(1)])
    run()
    seen_before = jobs(config)[lever_job(1)["id"]][4]
    result = run()
    lever = next(r for r in result.results if r.source == "lever")
    assert lever.status == "not_modified" and lever.http_status == 304 and lever.n_unchanged == 1
    assert server.requests_for("lever", "acme")[-1].headers.get("if-none-match")
    assert jobs(config)[lever_job(1)["id"]][4] > seen_before


def test_rate_limited_then_ok_is_ingested(setup, server):
    config, run = setup
    server.script("lever", "acme", [(429, b"slow down", {"Retry-After": "1"})])
    server.set_board("lever", "acme", [lever_job(1), lever_job(2)])
    result = run()
    lever = next(r for r in result.results if r.source == "lever")
    assert lever.status == "ok" and lever.n_new == 2
    assert [r.status for r in server.requests_for("lever", "acme")] == [429, 200]


def test_persistent_server_error_fails_that_feed_only_and_closes_nothing(setup, server):
    config, run = setup
    server.set_board("lever", "acme", [lever_job(1), lever_job(2)])
    server.set_board("greenhouse", "globex", greenhouse_board([greenhouse_job(1)]))
    run()
    server.script("lever", "acme", itertools.repeat((500, b"<html>oops</html>", {"Content-Type": "text/html"})))
    server.set_board("greenhouse", "globex", greenhouse_board([greenhouse_job(1), greenhouse_job(2)]))
    result = run()
    by_source = {r.source: r for r in result.results}
    assert by_source["lever"].status == "failed" and "HTTP 500" in by_source["lever"].error
    assert by_source["greenhouse"].status == "ok" and by_source["greenhouse"].n_new == 1
    assert all(is_open for _, is_open, *_ in jobs(config).values())
    health = rows(config, "select health from feed_health where source = 'lever'")
    assert health == [("failing",)]


@pytest.mark.parametrize(
    "body, reason",
    [
        (b'[{"id": "x", "text": "Broken', "malformed JSON"),
        (b"<!DOCTYPE html><html><head><title>Maintenance</title></head><body>back soon</body></html>", "HTML page"),
        (b'{"postings": []}', "JSON array"),
    ],
)
def test_bad_payload_fails_the_feed_with_a_reason_and_keeps_the_payload(setup, server, body, reason):
    config, run = setup
    server.set_board("lever", "acme", [lever_job(1)])
    run()
    server.set_board("lever", "acme", body)
    result = run()
    lever = next(r for r in result.results if r.source == "lever")
    assert lever.status == "failed" and reason in lever.error and "\n" not in lever.error
    kept = rows(config, "select body_zlib from raw_payloads where payload_hash = ?", [lever.payload_hash])
    assert zlib.decompress(kept[0][0]) == body
    assert jobs(config)[lever_job(1)["id"]][1] is True  # nothing closed


def test_zero_yield_from_a_board_with_many_open_closes_nothing_and_is_flagged(setup, server):
    config, run = setup
    server.set_board("lever", "acme", [lever_job(n) for n in range(5)])
    run()
    server.set_board("lever", "acme", [])
    result = run()
    lever = next(r for r in result.results if r.source == "lever")
    assert lever.status == "suspicious" and lever.n_closed == 0
    assert all(v[1] for v in jobs(config).values())
    assert rows(config, "select health, is_zero_yield from feed_health where source = 'lever'") == [("zero_yield", True)]


def test_yield_halving_is_flagged_in_feed_health(setup, server):
    config, run = setup
    server.set_board("lever", "acme", [lever_job(n) for n in range(10)])
    run()
    server.set_board("lever", "acme", [lever_job(n) for n in range(3)])
    run()
    assert rows(config, "select health, is_yield_drop from feed_health where source = 'lever'") == [
        ("yield_dropped", True)
    ]


def test_reprocess_rebuilds_the_same_postings_and_versions_from_raw_payloads(setup, server):
    config, run = setup
    server.set_board("lever", "acme", [lever_job(n) for n in range(3)])
    run()
    server.set_board("lever", "acme", [lever_job(0, "Renamed"), lever_job(1)])
    run()
    query = "select job_id, version_id, title, is_open, closed_at, first_seen_at, n_versions from jobs order by 1"
    before = rows(config, query)
    summary = reprocess(config)
    assert summary.results and rows(config, query) == before
    assert rows(config, "select field from job_changes order by field") == [("description_text",), ("title",)]


def test_each_version_keeps_its_jobs_own_json_as_served(setup, server):
    config, run = setup
    first, edited = greenhouse_job(7), greenhouse_job(7, "Senior Analyst", updated_at="2026-11-02T10:00:00-04:00")
    server.set_board("greenhouse", "globex", greenhouse_board([first, greenhouse_job(8)]))
    run()
    server.set_board("greenhouse", "globex", greenhouse_board([edited, greenhouse_job(8)]))
    run()
    (job_id, old_version), (_, new_version) = rows(config, "select job_id, version_id from posting_versions "
                                                           "join postings using (job_id) where external_id = '7' "
                                                           "order by valid_from")  # fmt: skip
    cli = ["--config", str(config.path), "--db", str(config.db_path)]
    current = CliRunner().invoke(main, ["raw", str(job_id), *cli])
    assert current.exit_code == 0, current.output
    assert json.loads(current.output) == edited
    before = CliRunner().invoke(main, ["raw", str(job_id), "--version-id", str(old_version), *cli])
    assert json.loads(before.output) == first and new_version != old_version
    missing = CliRunner().invoke(main, ["raw", "12345", *cli])
    assert missing.exit_code == 2 and missing.output.startswith("jobpipe: no posting 12345")


def test_payload_jobs_keep_the_first_of_a_repeated_post_and_skip_a_payload_that_no_longer_parses():
    body = zlib.compress(b'{"jobs": "not a list"}')
    assert payload_jobs("greenhouse", body) == {}
    twice = [lever_job(1, "First"), lever_job(1, "Second")]  # a board listing one post twice: the first wins
    jobs = payload_jobs("lever", zlib.compress(json.dumps(twice).encode()))
    assert [job["text"] for job in jobs.values()] == ["First"]
