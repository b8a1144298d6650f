"""Offline analyses on the bundled sample boards: grounded by construction, and real prose."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
from conftest import REPO

from pipeline.analysis.stage import analyze
from pipeline.boardserver import BoardServer
from pipeline.demo import demo_config
from pipeline.facts.stage import extract_new_facts
from pipeline.runs import ingest


def normalized(text: str) -> str:
    return " ".join(text.split())


def test_offline_analyses_of_sample_boards_quote_only_the_posting_and_read_as_prose(tmp_path):
    samples = REPO / "data" / "samples"
    with BoardServer(samples / "night1") as server:
        config = demo_config(samples, server.base_url, tmp_path / "demo.duckdb", tmp_path)
        assert not ingest(config).failed
    extract_new_facts(config)
    summary = analyze(config, config.db_path, backend="offline")
    assert summary.n_failed == 0 and summary.grounded_share == 1.0

    con = duckdb.connect(str(config.db_path), read_only=True)
    rows = con.execute(
        "select j.description_text, a.analysis_text, a.analysis_json, a.backend from jobs j join job_analyses a using (job_id)"
    ).fetchall()
    assert len(rows) == con.execute("select count(*) from jobs").fetchone()[0] > 50
    for description, text, analysis_json, backend in rows:
        analysis = json.loads(analysis_json)
        assert backend == "offline" and text.startswith("Job Analysis:")
        assert len(re.findall(r"[.!?](\s|$)", text)) >= 4 and len(text) > 400  # paragraphs, not a label
        assert analysis["evidence"], "an analysis with no evidence is not grounded"
        for item in analysis["evidence"]:
            assert normalized(item["quote"]) in normalized(description)
    companies = con.execute("select company, analysis_text from company_analyses").fetchall()
    assert len(companies) == 6
    assert all(text.startswith("Company Analysis:") and len(text) > 400 for _, text in companies)
    assert con.execute("select count(*) from jobs where analysis_text is null").fetchone() == (0,)
