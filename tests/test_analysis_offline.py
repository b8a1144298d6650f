"""The offline analyzer: grounded by construction, readable, honest, incremental."""

from __future__ import annotations

import json

from analysis_fixtures import count, db_path, edit_posting, make_config, n_jobs_open  # noqa: F401
from pipeline.analysis import analyze
from pipeline.analysis.grounding import normalize
from pipeline.analysis.schema import validation_errors
from pipeline.db import connect


def stored(db_path, kind=None):
    con = connect(db_path, read_only=True)
    try:
        columns = "a.kind, a.subject, a.analysis_json, a.analysis_text, a.is_grounded, a.backend, a.model"
        sql = f"select {columns} from analyses a"
        rows = con.execute(sql + (" where kind = ?" if kind else ""), [kind] if kind else []).fetchall()
        texts = dict(con.execute("select version_id::varchar, description_text from posting_versions").fetchall())
    finally:
        con.close()
    return [dict(zip(("kind", "subject", "json", "text", "grounded", "backend", "model"), r)) for r in rows], texts


def test_offline_run_analyzes_every_open_posting_and_company(db_path):
    summary = analyze(make_config(db_path), db_path)
    assert summary.backend == "offline" and "no OPENAI_API_KEY" in summary.reason
    assert summary.n_done == n_jobs_open(db_path) + 2 and summary.n_failed == 0
    assert summary.grounded_share == 1.0 and summary.n_requests_sent == 0
    assert count(db_path, "select count(*) from job_analyses") == n_jobs_open(db_path)
    assert count(db_path, "select count(*) from company_analyses") == 2


def test_every_offline_quote_occurs_verbatim_in_its_posting(db_path):
    analyze(make_config(db_path), db_path)
    rows, texts = stored(db_path, "job")
    quotes = 0
    for row in rows:
        posting = normalize(texts[row["subject"]])
        for item in json.loads(row["json"])["evidence"]:
            assert normalize(item["quote"]) in posting, item["quote"]
            quotes += 1
    assert quotes >= 3 * len(rows)


def test_offline_prose_reads_as_paragraphs_about_the_role(db_path):
    analyze(make_config(db_path), db_path)
    rows, _ = stored(db_path)
    ml = next(r for r in rows if "Senior Machine Learning Engineer" in r["text"])
    text = ml["text"]
    assert text.startswith("Job Analysis: Senior Machine Learning Engineer is a")
    assert "\n\n" in text and len(text) > 600
    assert "The work involves designing, building and evaluating recommendation models" in text
    assert "The difficulty lies in operating at scale" in text
    assert "Stated pay: 90,000–120,000 GBP per year." in text
    assert not any(line.lstrip().startswith(("-", "*", "•")) for line in text.splitlines())
    company = next(r for r in rows if r["kind"] == "company" and "Northwind" in r["text"])
    assert company["text"].startswith("Company Analysis: Northwind Audio has 4 open roles on its Lever job board")
    assert "stresses inclusion" in company["text"]


def test_offline_analyses_follow_the_schema_and_say_they_are_offline(db_path):
    analyze(make_config(db_path), db_path)
    rows, _ = stored(db_path)
    for row in rows:
        data = json.loads(row["json"])
        meta, signals = data.pop("meta"), data.pop("signals", None)
        assert validation_errors(row["kind"], data) == []
        assert row["backend"] == "offline" and row["model"] == "offline-extractive"
        assert "no language model was used" in meta["note"]
        assert (signals is not None) == (row["kind"] == "company")


def test_offline_rerun_analyzes_nothing_and_an_edit_reanalyzes_only_that_posting(db_path):
    config = make_config(db_path)
    analyze(config, db_path)
    again = analyze(config, db_path)
    assert again.n_requested == 0 and again.n_done == 0 and again.n_cached == n_jobs_open(db_path) + 2
    con = connect(db_path, read_only=True)
    job_id, text = con.execute("select job_id, description_text from jobs order by job_id limit 1").fetchone()
    con.close()
    new_version = edit_posting(db_path, job_id, text + "\n\nYou will also mentor two junior engineers.")
    edited = analyze(config, db_path)
    assert edited.n_done == 1
    assert count(db_path, "select version_id from job_analyses where job_id = ?", [job_id]) == new_version


def test_offline_analysis_with_limit_analyzes_at_most_that_many_postings(db_path):
    summary = analyze(make_config(db_path), db_path, limit=2)
    assert count(db_path, "select count(*) from analyses where kind = 'job'") == 2
    assert summary.n_done == 2 + 2  # the companies count separately, each within the limit
