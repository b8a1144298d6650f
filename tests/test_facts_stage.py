"""The facts stage on a real database: only new or changed versions are extracted; `jobpipe extract` on JSON lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import write_config
from payloads import lever_job

import pipeline.facts.stage as stage
from pipeline.boardserver import BoardServer
from pipeline.config import load_config
from pipeline.runs import ingest


@pytest.fixture
def world(tmp_path):
    with BoardServer() as server:
        config = load_config(write_config(tmp_path / "jobpipe.toml", server.base_url, [("lever", "acme")]),
                             tmp_path / "jobs.duckdb")  # fmt: skip
        yield server, config


def extracted_at(config) -> dict:
    con = duckdb.connect(str(config.db_path), read_only=True)
    try:
        return dict(con.execute("select version_id, extracted_at from version_facts").fetchall())
    finally:
        con.close()


def test_unchanged_posting_is_not_reextracted_and_changed_one_is(world):
    server, config = world
    server.set_board("lever", "acme", [lever_job(1, "Backend Engineer"), lever_job(2, "Data Analyst")])
    ingest(config)
    assert stage.extract_new_facts(config).n_extracted == 2
    first = extracted_at(config)
    assert stage.extract_new_facts(config).n_extracted == 0
    server.set_board("lever", "acme", [lever_job(1, "Senior Backend Engineer"), lever_job(2, "Data Analyst")])
    ingest(config)
    assert stage.extract_new_facts(config).n_extracted == 1
    after = extracted_at(config)
    assert {k: v for k, v in after.items() if k in first} == first  # the old rows were left alone
    con = duckdb.connect(str(config.db_path), read_only=True)
    seniority = con.execute("select title, seniority from jobs order by title").fetchall()
    assert seniority == [("Data Analyst", None), ("Senior Backend Engineer", "senior")]


def test_new_extractor_version_reextracts_everything_once(world, monkeypatch):
    server, config = world
    server.set_board("lever", "acme", [lever_job(n) for n in range(3)])
    ingest(config)
    stage.extract_new_facts(config)
    monkeypatch.setattr(stage, "EXTRACTOR_VERSION", "facts-test-next")
    assert stage.extract_new_facts(config).n_extracted == 3
    assert stage.extract_new_facts(config).n_extracted == 0
    con = duckdb.connect(str(config.db_path), read_only=True)
    assert con.execute("select distinct extractor_version from version_facts").fetchall() == [("facts-test-next",)]
    assert con.execute("select count(*) from job_facts where is_current").fetchone() == (3,)


def test_facts_in_parallel_workers_equal_facts_in_process(world):
    server, config = world
    server.set_board("lever", "acme", [lever_job(n, f"Senior Engineer {n}") for n in range(40)])
    ingest(config)
    stage.extract_new_facts(config, workers=2)
    con = duckdb.connect(str(config.db_path))
    parallel = con.execute("select version_id, facts_json from version_facts order by 1").fetchall()
    con.execute("delete from version_facts")
    con.close()
    stage.extract_new_facts(config, workers=1)
    con = duckdb.connect(str(config.db_path), read_only=True)
    assert con.execute("select version_id, facts_json from version_facts order by 1").fetchall() == parallel


def test_jobpipe_extract_prints_facts_with_offsets_for_each_json_line():
    text = "Senior Go engineer. Salary: $150,000 - $180,000 per year. 5+ years with Kubernetes required."
    lines = json.dumps({"text": text, "title": "Senior Backend Engineer", "location": "Austin, TX"}) + "\nnot json\n"
    jobpipe = str(Path(sys.executable).parent / "jobpipe")
    proc = subprocess.run([jobpipe, "extract"], input=lines, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1  # one bad line
    assert "line 2" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    facts = json.loads(proc.stdout.splitlines()[0])
    assert (facts["salary_min"], facts["salary_max"], facts["salary_currency"], facts["salary_period"]) == (
        150000, 180000, "USD", "year",
    )  # fmt: skip
    evidence = facts["salary_evidence"]
    assert text[evidence["start"] : evidence["end"]] == evidence["quote"]
    skills = {s["name"]: s for s in facts["skills"]}
    assert "Kubernetes" in skills and text[skills["Kubernetes"]["start"] : skills["Kubernetes"]["end"]] == "Kubernetes"
    assert facts["years_experience_min"] == 5


def test_pay_stated_only_in_the_feeds_own_fields_is_found_in_the_stored_payload(world):
    server, config = world
    paid = lever_job(1, "Data Engineer")
    paid["salaryRange"] = {"currency": "EUR", "interval": "per-year-salary", "min": 70000, "max": 85000}
    server.set_board("lever", "acme", [paid, lever_job(2, "Analyst")])
    ingest(config)
    stage.extract_new_facts(config)
    con = duckdb.connect(str(config.db_path), read_only=True)
    try:
        found = con.execute("select p.external_id, f.salary_min, f.salary_max, f.salary_currency, f.salary_source "
                            "from version_facts f join posting_versions v using (version_id) "
                            "join postings p using (job_id) order by 1").fetchall()  # fmt: skip
    finally:
        con.close()
    assert found[0][1:] == (70000, 85000, "EUR", "posted") and found[1][4] != "posted"
