"""The weekly digest on a fixed database: golden Markdown, files, empty weeks, the watchlist, week parsing."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from digest_fixture import WEEK, XSS_TITLES, build_digest_db

from pipeline.config import ConfigError, DigestSettings, WatchlistSettings
from pipeline.digest.build import build_digest
from pipeline.digest.charts import openings_chart
from pipeline.digest.commands import digest
from pipeline.digest.formatting import md_text
from pipeline.digest.weeks import WeekError, last_complete_week, parse_week

GOLDEN = Path(__file__).parent / "golden" / "digest.md"
WATCHLIST = WatchlistSettings(
    companies=("Cobalt Pay",), skills=("Kafka", "Go"), keywords=("streaming",), locations=("Remote",),
    workplace_types=("remote", "hybrid"), min_pay=100_000,
)  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_digest_db(tmp_path_factory.mktemp("digest") / "digest.duckdb")


def build(db, out, week=WEEK, watchlist=WatchlistSettings(), settings=DigestSettings()):
    return build_digest(db, parse_week(week), out, settings, watchlist)


def test_digest_markdown_matches_the_golden_file(db, tmp_path):
    text = build(db, tmp_path, watchlist=WATCHLIST).files["digest.md"].read_text(encoding="utf-8")
    # regenerate deliberately, and read the diff: JOBPIPE_UPDATE_GOLDEN=1 pytest tests/test_digest.py
    if os.environ.get("JOBPIPE_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_digest_writes_every_file_into_the_weeks_folder(db, tmp_path):
    result = build(db, tmp_path)
    assert result.out_dir == tmp_path / WEEK
    assert sorted(p.name for p in (tmp_path / WEEK).iterdir()) == sorted(
        ["digest.md", "digest.html", "new_roles.csv", "new_roles.parquet", "changes.csv"]
    )


def test_rerunning_a_week_rewrites_the_same_files(db, tmp_path):
    first = {name: p.read_bytes() for name, p in build(db, tmp_path).files.items() if name != "new_roles.parquet"}
    (tmp_path / WEEK / "digest.md").write_text("stale", encoding="utf-8")
    second = {name: p.read_bytes() for name, p in build(db, tmp_path).files.items() if name != "new_roles.parquet"}
    assert first == second
    assert sorted(p.name for p in (tmp_path / WEEK).iterdir() if p.name.startswith(".")) == []


def test_new_roles_files_hold_every_new_role_with_its_facts(db, tmp_path):
    files = build(db, tmp_path).files
    parquet = pl.read_parquet(files["new_roles.parquet"])
    csv = pl.read_csv(files["new_roles.csv"])
    assert sorted(parquet["job_id"].to_list()) == [2, 4, 5, 8, 9, 10]
    assert parquet.filter(pl.col("job_id") == 10)["skills"].to_list() == [["Go", "Kafka", "Kubernetes"]]
    assert csv.filter(pl.col("job_id") == 10)["skills"].to_list() == ["Go; Kafka; Kubernetes"]
    assert set(csv["title"].to_list()) >= set(XSS_TITLES)


def test_changes_file_lists_pay_title_remote_and_long_open_closures(db, tmp_path):
    changes = pl.read_csv(build(db, tmp_path).files["changes.csv"])
    kinds = {(row["kind"], row["job_id"]) for row in changes.to_dicts()}
    assert kinds == {
        ("pay_moved", 3), ("title_changed", 3), ("remote_policy_changed", 6), ("closed_after_long_open", 1),
    }  # fmt: skip


def test_a_week_with_no_data_says_so(db, tmp_path):
    result = build(db, tmp_path, week="2026-W30")
    assert result.is_empty
    text = result.files["digest.md"].read_text(encoding="utf-8")
    assert "No data for this week" in text
    assert "## Headline" not in text
    assert "No data for this week" in result.files["digest.html"].read_text(encoding="utf-8")
    assert pl.read_csv(result.files["new_roles.csv"]).height == 0


def test_watchlist_ranks_by_fit_with_the_reason_each_matched(db, tmp_path):
    text = build(db, tmp_path, watchlist=WATCHLIST).files["digest.md"].read_text(encoding="utf-8")
    section = text.split("## For you", 1)[1].split("## Companies", 1)[0]
    expected = ["Senior Go Engineer", "Backend Engineer, Kafka", "Machine Learning"]
    assert all(title in section for title in expected)
    assert sorted(expected, key=section.index) == expected
    assert "company Cobalt Pay; skills Go, Kafka" in section
    assert "“streaming” in the title" in section
    # onsite roles are ruled out by the workplace types, however well they match otherwise
    assert "Product Designer" not in section


def test_watchlist_with_a_pay_floor_drops_roles_paying_less(db, tmp_path):
    rich_only = WatchlistSettings(skills=("Kafka",), min_pay=150_000)
    text = build(db, tmp_path, watchlist=rich_only).files["digest.md"].read_text(encoding="utf-8")
    section = text.split("## For you", 1)[1].split("## Companies", 1)[0]
    assert "Senior Go Engineer" in section
    assert "Backend Engineer, Kafka" not in section  # tops out at 104,000 USD


def test_markdown_escapes_posting_text():
    assert md_text("<script>alert(1)</script>") == r"\<script\>alert(1)\</script\>"
    assert md_text("a | b\nc") == r"a \| b c"
    assert md_text("[click](javascript:alert(1))") == r"\[click\](javascript:alert(1))"


def test_iso_weeks_parse_and_default_to_the_last_complete_week():
    assert parse_week("2026-W48").start == date(2026, 11, 23)
    assert parse_week("2026w01").label == "2026-W01"
    assert last_complete_week(date(2026, 11, 26)).label == "2026-W47"
    assert last_complete_week(date(2026, 11, 23)).label == "2026-W47"  # a Monday: the week that just ended
    with pytest.raises(WeekError, match="not an ISO week"):
        parse_week("next week")
    with pytest.raises(WeekError, match="has no week 53"):  # 2025 has 52 ISO weeks
        parse_week("2025-W53")


def test_watchlist_config_rejects_a_bad_workplace_type():
    with pytest.raises(ConfigError, match="workplace_types"):
        WatchlistSettings(workplace_types=("office",))


def test_digest_command_writes_the_files_and_names_them(db, tmp_path):
    config = tmp_path / "jobpipe.toml"
    config.write_text('[digest]\nroles_per_company = 1\n', encoding="utf-8")
    out = tmp_path / "reports"
    result = CliRunner().invoke(digest, ["--config", str(config), "--db", str(db), "--week", WEEK, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "6 new roles" in result.output
    assert "and 1 more in `new_roles.csv`" in (out / WEEK / "digest.md").read_text(encoding="utf-8")


def test_digest_command_refuses_a_bad_week_in_one_line(db, tmp_path):
    config = tmp_path / "jobpipe.toml"
    config.write_text("", encoding="utf-8")
    result = CliRunner().invoke(digest, ["--config", str(config), "--db", str(db), "--week", "2026-13"])
    assert result.exit_code == 2
    assert "not an ISO week like 2026-W48" in result.output


def test_charts_draw_company_names_with_dollar_signs_as_text():
    trend = pl.DataFrame({
        "source": ["lever"] * 2, "board": ["cash"] * 2, "company": ["Ca$h $tar"] * 2,
        "iso_week": ["2026-W46", "2026-W47"], "n_new": [1, 3],
    })  # fmt: skip
    svg = openings_chart(trend)
    assert svg.startswith("<svg ") and "<path" in svg
