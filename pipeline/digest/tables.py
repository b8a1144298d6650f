"""Tables of figures for the HTML digest, laid out by Great Tables (it escapes every cell it is given)."""

from __future__ import annotations

import great_tables as gt
import polars as pl
from markupsafe import Markup

from pipeline.digest.formatting import METRIC_LABELS

FONT = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"]


def _html(table: gt.GT) -> Markup:
    # Great Tables escapes cell text itself; the result is safe to place in the autoescaped template
    styled = table.tab_options(table_width="100%", table_font_names=FONT, table_font_size="14px")
    return Markup(styled.as_raw_html(inline_css=False, make_page=False))


def headline_table(headline: pl.DataFrame) -> Markup:
    frame = headline.with_columns(pl.col("metric").replace_strict(METRIC_LABELS, default=pl.col("metric")))
    table = (
        gt.GT(frame, id="headline")
        .cols_label(metric="", n_this_week="This week", n_last_week="Last week", n_change="Change")
        .fmt_integer(columns=["n_this_week", "n_last_week"])
        .fmt_integer(columns="n_change", force_sign=True)
        .cols_align("right", columns=["n_this_week", "n_last_week", "n_change"])
    )
    return _html(table)


def companies_table(companies: pl.DataFrame) -> Markup:
    frame = companies.select("company", "n_open", "n_open_change", "n_new", "n_closed", "n_changed", "n_reopened")
    numbers = ["n_open", "n_new", "n_closed", "n_changed", "n_reopened"]
    table = (
        gt.GT(frame, id="companies")
        .cols_label(
            company="Company", n_open="Open", n_open_change="vs last week", n_new="Opened", n_closed="Closed",
            n_changed="Changed", n_reopened="Reopened",
        )  # fmt: skip
        .fmt_integer(columns=numbers)
        .fmt_integer(columns="n_open_change", force_sign=True)
    )
    return _html(table)


def pay_table(bands: pl.DataFrame) -> Markup:
    frame = bands.select(
        pl.col("grouping").replace_strict({"seniority": "Seniority", "role_family": "Role family"}),
        "band", "n_roles", "pay_p25", "pay_median", "pay_p75", "currency",
    )  # fmt: skip
    table = (
        gt.GT(frame, id="pay", groupname_col="grouping")
        .cols_label(band="", n_roles="Roles", pay_p25="25th pct", pay_median="Median", pay_p75="75th pct",
                    currency="")  # fmt: skip
        .fmt_integer(columns=["n_roles", "pay_p25", "pay_median", "pay_p75"])
    )
    return _html(table)


def digest_tables(data) -> dict[str, Markup | None]:
    """Every table by name; None where the week has no rows for it."""
    return {
        "headline": headline_table(data.headline),
        "companies": None if data.companies.is_empty() else companies_table(data.companies),
        "pay": None if data.pay_bands.is_empty() else pay_table(data.pay_bands),
    }
