"""`jobpipe sql`: read-only, named parameters from --file, and table/CSV/JSON/Parquet output to a file."""

from __future__ import annotations

import json

import polars as pl
import pytest
from click.testing import CliRunner
from digest_fixture import build_digest_db

from pipeline.db import SQL_DIR
from pipeline.sqlcli import sql


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_digest_db(tmp_path_factory.mktemp("sql") / "sql.duckdb")


def run(db, *args):
    return CliRunner().invoke(sql, ["--db", str(db), *args])


@pytest.mark.parametrize(
    "statement",
    ["delete from postings", "drop table postings", "insert into runs select * from runs",
     "select 1; update postings set closed_at = null", "copy postings to '/tmp/x.csv'", "attach '/tmp/other.duckdb'"],
)  # fmt: skip
def test_sql_refuses_writes_in_one_line(db, statement):
    result = run(db, statement)
    assert result.exit_code == 2
    assert "read-only" in result.output
    assert "Traceback" not in result.output
    assert run(db, "select count(*) as n from postings", "--format", "json").output.strip() == '[{"n": 12}]'


def test_sql_refuses_writes_from_a_file_too(db, tmp_path):
    query = tmp_path / "bad.sql"
    query.write_text("-- looks harmless\ndelete from postings where job_id = $id", encoding="utf-8")
    result = run(db, "--file", str(query), "--param", "id=1")
    assert result.exit_code == 2
    assert "read-only" in result.output


def test_sql_file_binds_named_parameters(db):
    result = run(db, "--file", str(SQL_DIR / "queries" / "digest_headline.sql"), "--param", "week_start=2026-11-16",
                 "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = {row["metric"]: row for row in json.loads(result.output)}
    assert rows["new_roles"]["n_this_week"] == 6


def test_sql_names_a_missing_or_unknown_parameter(db):
    missing = run(db, "--file", str(SQL_DIR / "queries" / "digest_headline.sql"))
    assert missing.exit_code == 2 and "--param week_start=VALUE" in missing.output
    unknown = run(db, "select $a as a", "--param", "a=1", "--param", "b=2")
    assert unknown.exit_code == 2 and "no $b" in unknown.output


def test_sql_params_read_as_json_when_they_can(db):
    result = run(db, "select $n + 1 as n, len($xs) as k, $s as s", "--param", "n=41", "--param", 'xs=["a","b"]',
                 "--param", "s=2026-11-16", "--format", "json")  # fmt: skip
    assert json.loads(result.output) == [{"n": 42, "k": 2, "s": "2026-11-16"}]


def test_sql_writes_parquet_csv_and_json_files(db, tmp_path):
    query = "select job_id, title, skills from jobs order by job_id"
    for fmt in ("parquet", "csv", "json"):
        out = tmp_path / f"jobs.{fmt}"
        result = run(db, query, "--format", fmt, "--output", str(out))
        assert result.exit_code == 0, result.output
        assert result.output == ""
    assert pl.read_parquet(tmp_path / "jobs.parquet")["skills"][1].to_list() == ["Kafka", "Java", "PostgreSQL"]
    assert pl.read_csv(tmp_path / "jobs.csv").height == 12
    assert len(json.loads((tmp_path / "jobs.json").read_text(encoding="utf-8"))) == 12


def test_sql_parquet_needs_an_output_file(db):
    result = run(db, "select 1", "--format", "parquet")
    assert result.exit_code == 2
    assert "--output FILE" in result.output


def test_sql_shows_posting_text_as_text_in_tables(db):
    result = run(db, "select title from jobs where job_id = 4")
    assert "<script>alert(1)</script>" in result.output


def test_sql_bad_query_gets_one_line(db):
    result = run(db, "select nope from jobs")
    assert result.exit_code == 2
    assert result.output.startswith("jobpipe: bad query:")
    assert len(result.output.strip().splitlines()) == 1
