"""Build one week's digest: read the database (read-only), rank "for you", render, and write the files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from pipeline.config import DigestSettings, WatchlistSettings
from pipeline.db import connect
from pipeline.digest.charts import digest_charts
from pipeline.digest.files import write_digest_files
from pipeline.digest.queries import DigestData, read_digest_data
from pipeline.digest.render import digest_context, render_html, render_markdown
from pipeline.digest.tables import digest_tables
from pipeline.digest.watchlist import rank_for_you
from pipeline.digest.weeks import Week

READ_WAIT_S = 30  # a nightly write holds the file for moments; wait for it rather than fail


@dataclass(frozen=True)
class DigestResult:
    week: Week
    out_dir: Path
    files: dict[str, Path]
    headline: list[dict]
    is_empty: bool
    n_new_roles: int
    n_changes: int
    n_for_you: int

    def summary_line(self) -> str:
        if self.is_empty:
            return f"{self.week.label}: no data for this week (the digest says so) → {self.out_dir}"
        return (
            f"{self.week.label}: {self.n_new_roles} new roles, {self.n_changes} changes worth knowing, "
            f"{self.n_for_you} for you → {self.out_dir}"
        )


def build_digest(
    db_path: Path, week: Week, out_root: Path, settings: DigestSettings, watchlist: WatchlistSettings,
    wait_s: float = READ_WAIT_S,
) -> DigestResult:  # fmt: skip
    """Read the week from the database, then write OUT_ROOT/<week>/ with the database closed."""
    con = connect(db_path, read_only=True, wait_s=wait_s)
    try:
        data = read_digest_data(con, week, settings, watchlist)
    finally:
        con.close()
    return write_digest(data, Path(out_root) / week.label, settings, watchlist)


def write_digest(
    data: DigestData, out_dir: Path, settings: DigestSettings, watchlist: WatchlistSettings
) -> DigestResult:
    for_you = rank_for_you(data.new_roles, data.watchlist_hits, watchlist)
    context = digest_context(data, settings, for_you)
    charts = {} if data.is_empty else {k: Markup(v) for k, v in digest_charts(data, settings.top_skills).items()}
    tables = digest_tables(data)
    files = write_digest_files(
        out_dir, render_markdown(context), render_html(context, charts, tables), data.new_roles, data.changes
    )
    return DigestResult(
        week=data.week, out_dir=out_dir, files=files, headline=data.headline.to_dicts(), is_empty=data.is_empty,
        n_new_roles=data.new_roles.height, n_changes=data.changes.height, n_for_you=len(for_you),
    )  # fmt: skip
