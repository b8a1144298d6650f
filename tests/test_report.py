"""Run summaries: the terminal table stays short however many feeds there are."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from pipeline.ingest import FeedResult
from pipeline.report import summary_markdown, terminal_rows
from pipeline.runs import RunSummary


def summary_of(results: list[FeedResult]) -> RunSummary:
    return RunSummary("run1", "ingest", Path("jobs.duckdb"), datetime.now(timezone.utc), results=results)


def quiet(n: int) -> FeedResult:
    return FeedResult("lever", f"board{n:03d}", None, "not_modified", n_seen=10, n_unchanged=10)


def test_a_few_feeds_are_all_listed():
    rows = terminal_rows(summary_of([quiet(n) for n in range(5)]), limit=40)
    assert [row[0] for row in rows] == [f"lever/board{n:03d}" for n in range(5)]


def test_many_feeds_show_problems_and_the_most_eventful_and_sum_the_rest():
    results = [quiet(n) for n in range(100)]
    results[7] = FeedResult("lever", "board007", None, "failed", error="HTTP 500")
    results[50] = FeedResult("lever", "board050", None, "ok", n_seen=30, n_new=20, n_unchanged=10)
    results[60] = FeedResult("lever", "board060", None, "ok", n_seen=12, n_closed=3, n_unchanged=9)
    rows = terminal_rows(summary_of(results), limit=40)
    assert [row[0] for row in rows] == ["lever/board007", "lever/board050", "lever/board060", "… 97 other feeds"]
    assert rows[-1][2:8] == ("970", "0", "0", "0", "0", "970")  # seen ... unchanged of the 97 quiet feeds
    assert "lever/board099" in summary_markdown(summary_of(results))  # the artifact keeps every feed


def test_a_quiet_night_of_many_feeds_is_one_row():
    rows = terminal_rows(summary_of([quiet(n) for n in range(100)]), limit=40)
    assert rows == [("all 100 feeds", "", "1000", "0", "0", "0", "0", "1000", "")]


def test_the_table_never_exceeds_its_limit():
    results = [FeedResult("ashby", f"b{n}", None, "ok", n_seen=n, n_new=n) for n in range(1, 101)]
    rows = terminal_rows(summary_of(results), limit=40)
    assert len(rows) == 40 and rows[-1][0] == "… 61 other feeds"
    assert {row[0] for row in rows[:-1]} == {f"ashby/b{n}" for n in range(62, 101)}  # the 39 with most new
