"""Render the digest: one context from the week's data, a Markdown and an HTML template (Jinja2)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from pipeline.config import DigestSettings
from pipeline.digest.formatting import FILTERS, md_link, md_text
from pipeline.digest.queries import DigestData
from pipeline.digest.watchlist import Match

TEMPLATES = Path(__file__).resolve().parent / "templates"
MOVES_PER_COMPANY = 3
FOR_YOU_MAX = 25


def _environment(**options) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True, **options,
    )  # fmt: skip
    env.filters.update(FILTERS)
    return env


def html_environment() -> Environment:
    """Autoescape on: every posting-derived string is escaped unless a library already made it safe."""
    return _environment(autoescape=True)


def markdown_environment() -> Environment:
    """No HTML escaping for Markdown; instead every value printed is Markdown-escaped on the way out."""
    env = _environment(autoescape=False, finalize=md_text)
    env.filters["link"] = md_link
    return env


def digest_context(data: DigestData, settings: DigestSettings, for_you: list[Match]) -> dict:
    return {
        "week": data.week,
        "is_empty": data.is_empty,
        "activity": data.activity,
        "headline": data.headline.to_dicts(),
        "metric": data.metric,
        "companies": company_sections(data, settings.max_companies, settings.roles_per_company),
        "n_companies": data.companies.height,
        "n_new_roles": data.new_roles.height,
        "changes": data.changes.to_dicts(),
        "change_groups": change_groups(data.changes, settings.changes_per_kind),
        "skills": data.skills.head(settings.top_skills).to_dicts(),
        "pay_bands": data.pay_bands.to_dicts(),
        "remote_share": data.remote_share.to_dicts(),
        "feed_health": data.feed_health.to_dicts(),
        "for_you": for_you[:FOR_YOU_MAX],
        "n_for_you": len(for_you),
        "roles_per_company": settings.roles_per_company,
    }


def company_sections(data: DigestData, max_companies: int, roles_per_company: int) -> list[dict]:
    """The most active companies' figures, biggest moves, analysis, and first new roles (the query orders them)."""
    sections = []
    for company in data.companies.head(max_companies).to_dicts():
        key = (pl.col("source") == company["source"]) & (pl.col("board") == company["board"])
        roles = data.new_roles.filter(key)
        moves = data.company_moves.filter(key & (pl.col("n_net") != 0)).head(MOVES_PER_COMPANY)
        sections.append({
            **company,
            "moves": moves.to_dicts(),
            "roles": roles.head(roles_per_company).to_dicts(),
            "n_more_roles": max(roles.height - roles_per_company, 0),
        })  # fmt: skip
    return sections


def change_groups(changes: pl.DataFrame, per_kind: int) -> list[dict]:
    """Changes by kind, in the order the query lists them (pay first): the first per_kind of each, and how many more."""
    groups = []
    for kind in changes["kind"].unique(maintain_order=True).to_list():
        rows = changes.filter(pl.col("kind") == kind)
        groups.append({"kind": kind, "rows": rows.head(per_kind).to_dicts(), "n_more": max(rows.height - per_kind, 0)})
    return groups


def render_markdown(context: dict) -> str:
    return markdown_environment().get_template("digest.md.j2").render(**context)


def render_html(context: dict, charts: dict[str, str], tables: dict) -> str:
    css = (TEMPLATES / "digest.css").read_text(encoding="utf-8")
    return html_environment().get_template("digest.html.j2").render(**context, charts=charts, tables=tables, css=css)
