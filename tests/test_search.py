"""Search: BM25 through DuckDB's full-text extension, exact phrase first, filters, and the plain fallback."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from digest_fixture import build_digest_db

import pipeline.search as search_module
from pipeline.db import connect
from pipeline.digest.commands import search as search_command
from pipeline.search import SearchUnavailable, index_path, refresh_search_index, search

PHRASE_DOC = "We build Kafka streaming services for payments."
# many more query words, but never the two side by side: BM25 alone would rank this one first
PARTIAL_DOC = "Kafka, Kafka and Kafka: our streaming team streams events; streaming at scale with Kafka clusters."


@pytest.fixture()
def db(tmp_path):
    path = build_digest_db(tmp_path / "search.duckdb")
    con = connect(path)
    try:
        con.execute("update posting_versions set description_text = ? where job_id = 9", [PHRASE_DOC])
        con.execute("update posting_versions set description_text = ? where job_id = 11", [PARTIAL_DOC])
    finally:
        con.close()
    refresh_search_index(path)
    return path


def titles(result):
    return [hit["title"] for hit in result.hits]


def test_exact_phrase_ranks_above_a_stronger_partial_match(db):
    result = search(db, "kafka streaming")
    assert result.method == "bm25"
    by_title = {hit["title"]: hit for hit in result.hits}
    phrase, partial = by_title["Product Designer"], by_title["Account Executive"]
    assert partial["score"] > phrase["score"], "the partial match must win on BM25 alone for this test to mean anything"
    assert titles(result).index("Product Designer") < titles(result).index("Account Executive")
    assert phrase["has_phrase"] and not partial["has_phrase"]


def test_search_filters_by_company_and_open_roles(db):
    assert titles(search(db, "engineer", company="cobalt")) == ["Senior Go Engineer, Payments"]
    closed = "Senior Data Engineer"  # closed in the fixture week
    assert closed in titles(search(db, "data engineer"))
    assert closed not in titles(search(db, "data engineer", open_only=True))


def test_search_reaches_the_job_analyses(db):
    assert titles(search(db, "recommenders"))[0] == "Machine Learning Engineer, Personalization"


def test_index_is_rebuilt_only_when_postings_changed(db):
    assert refresh_search_index(db).status == "fresh"
    con = connect(db)
    try:
        # a new version of posting 2, as a night's ingest would store it
        con.execute(
            """insert into posting_versions by name
               select * replace (version_id + 1 as version_id, 'Kafka Streaming Lead' as title) from posting_versions
               where version_id = 20"""
        )
    finally:
        con.close()
    assert refresh_search_index(db).status == "built"


def test_search_without_the_extension_falls_back_to_plain_matching_and_says_so(db, monkeypatch):
    def missing():
        raise SearchUnavailable("full-text search extension unavailable (not installed)")

    monkeypatch.setattr(search_module, "fts_extension_path", missing)
    result = search(db, "kafka streaming")
    assert result.method == "plain"
    assert "plain word matching" in result.notes[0]
    assert titles(result)[:2] == ["Backend Engineer, Kafka Streaming", "Product Designer"]
    assert "Account Executive" in titles(result)


def test_search_without_an_index_says_so_and_still_answers(tmp_path):
    db = build_digest_db(tmp_path / "noindex.duckdb")
    result = search(db, "kafka")
    assert result.method == "plain"
    assert "no full-text index yet" in result.notes[0]
    assert "Backend Engineer, Kafka Streaming" in titles(result)


def test_index_is_built_beside_the_database_which_stays_untouched(db):
    assert index_path(db).name == "search.search.duckdb"
    assert index_path(db).exists()
    assert sorted(p.name for p in db.parent.iterdir() if p.name.startswith("search_build_")) == []
    con = connect(db, read_only=True)
    try:
        tables = {row[0] for row in con.execute("select table_name from duckdb_tables()").fetchall()}
    finally:
        con.close()
    assert not any(name.startswith("search_") or name.startswith("fts_") for name in tables)


def test_search_sees_a_closing_after_the_index_is_refreshed(db):
    assert "Product Designer" in titles(search(db, "designer", open_only=True))
    con = connect(db)
    try:
        con.execute("update postings set closed_at = last_seen_at where job_id = 9")
    finally:
        con.close()
    assert refresh_search_index(db).status == "built"
    assert "Product Designer" not in titles(search(db, "designer", open_only=True))


def test_search_command_builds_a_missing_index_and_prints_hits(tmp_path):
    db = build_digest_db(tmp_path / "cli.duckdb")
    config = tmp_path / "jobpipe.toml"
    config.write_text("", encoding="utf-8")
    args = ["--config", str(config), "--db", str(db), "--format", "json", "kafka", "streaming"]
    result = CliRunner().invoke(search_command, args)
    assert result.exit_code == 0, result.output
    assert "building it" in result.output
    assert '"title": "Backend Engineer, Kafka Streaming"' in result.output
