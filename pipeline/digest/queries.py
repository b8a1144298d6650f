"""The digest's data: every section is a named query in sql/queries/digest_*.sql, read into Polars frames."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import polars as pl

from pipeline.config import DigestSettings, WatchlistSettings
from pipeline.db import load_sql
from pipeline.digest.weeks import Week

SECTIONS = (
    "headline", "companies", "company_moves", "new_roles", "changes", "skills", "pay_bands", "remote_share",
    "openings_trend", "feed_health",
)  # fmt: skip


@dataclass(frozen=True)
class DigestData:
    week: Week
    activity: dict
    headline: pl.DataFrame
    companies: pl.DataFrame
    company_moves: pl.DataFrame
    new_roles: pl.DataFrame
    changes: pl.DataFrame
    skills: pl.DataFrame
    pay_bands: pl.DataFrame
    remote_share: pl.DataFrame
    openings_trend: pl.DataFrame
    feed_health: pl.DataFrame
    watchlist_hits: pl.DataFrame

    @property
    def is_empty(self) -> bool:
        """Nothing was fetched that week and no posting was open in it: there is nothing to tell."""
        return not self.activity["n_fetches"] and not self.activity["n_postings_seen"]

    def metric(self, name: str) -> dict:
        rows = self.headline.filter(pl.col("metric") == name).to_dicts()
        return rows[0] if rows else {"metric": name, "n_this_week": 0, "n_last_week": 0, "n_change": 0}


def query_params(sql: str, params: dict) -> dict:
    """Only the parameters the query names: DuckDB refuses unused ones, and queries use different subsets."""
    wanted = set()
    for statement in duckdb.extract_statements(sql):
        wanted |= set(statement.named_parameters)
    return {name: value for name, value in params.items() if name in wanted}


def query_frame(con: duckdb.DuckDBPyConnection, name: str, params: dict) -> pl.DataFrame:
    sql = load_sql(name)
    return con.execute(sql, query_params(sql, params)).pl()


def digest_params(week: Week, settings: DigestSettings, watchlist: WatchlistSettings) -> dict:
    return {
        "week_start": week.start.isoformat(),
        "min_days_open": settings.closed_after_days,
        "n_weeks": settings.trend_weeks,
        "keywords": list(watchlist.keywords),
    }


def read_digest_data(
    con: duckdb.DuckDBPyConnection, week: Week, settings: DigestSettings, watchlist: WatchlistSettings
) -> DigestData:
    """Run every digest query for one ISO week on an open (read-only) connection."""
    params = digest_params(week, settings, watchlist)
    frames = {section: query_frame(con, f"digest_{section}", params) for section in SECTIONS}
    activity = query_frame(con, "digest_week_activity", params).to_dicts()[0]
    hits = query_frame(con, "digest_watchlist_hits", params) if watchlist.keywords else _no_hits()
    return DigestData(week=week, activity=activity, watchlist_hits=hits, **frames)


def _no_hits() -> pl.DataFrame:
    return pl.DataFrame(
        schema={"job_id": pl.Int64, "title_hits": pl.List(pl.String), "text_hits": pl.List(pl.String)}
    )
