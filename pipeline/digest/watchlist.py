"""The "for you" section: the week's new roles that match the watchlist, ranked by fit, each with its reasons."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from pipeline.config import WatchlistSettings

# Points per kind of match: naming a company or a skill says more about a reader than a word in the text.
WEIGHTS = {"company": 3, "skill": 2, "title": 2, "text": 1, "location": 1, "workplace": 1, "pay": 1}
MAX_SKILL_MATCHES = 3


@dataclass(frozen=True)
class Match:
    score: int
    reasons: tuple[str, ...]
    role: dict


def rank_for_you(new_roles: pl.DataFrame, hits: pl.DataFrame, watchlist: WatchlistSettings) -> list[Match]:
    """Roles matching any company, skill, keyword or location, and not ruled out by workplace or pay; best first."""
    if not _is_set(watchlist):
        return []
    found = {row["job_id"]: row for row in hits.to_dicts()}
    matches = [match_role(role, found.get(role["job_id"]), watchlist) for role in new_roles.to_dicts()]
    kept = [m for m in matches if m is not None]
    return sorted(kept, key=lambda m: (-m.score, m.role["company"] or "", m.role["title"], m.role["job_id"]))


def _is_set(w: WatchlistSettings) -> bool:
    return bool(w.companies or w.keywords or w.skills or w.locations or w.workplace_types or w.min_pay)


def match_role(role: dict, hits: dict | None, watchlist: WatchlistSettings) -> Match | None:
    if _ruled_out(role, watchlist):
        return None
    found = _interests(role, hits, watchlist)
    wants_interest = watchlist.companies or watchlist.keywords or watchlist.skills or watchlist.locations
    if wants_interest and not found:
        return None
    found += _constraints_met(role, watchlist)
    if not found:
        return None
    return Match(score=sum(points for _, points in found), reasons=tuple(reason for reason, _ in found), role=role)


def _ruled_out(role: dict, w: WatchlistSettings) -> bool:
    """A known workplace outside the wanted ones, or known pay that never reaches the minimum."""
    if w.workplace_types and role["workplace_type"] and role["workplace_type"] not in w.workplace_types:
        return True
    top = _top_pay(role)
    return bool(w.min_pay) and top is not None and top < w.min_pay


def _interests(role: dict, hits: dict | None, w: WatchlistSettings) -> list[tuple[str, int]]:
    found = []
    names = {(role["company"] or "").casefold(), (role["board"] or "").casefold()}
    if any(c.casefold() in names for c in w.companies):
        found.append((f"company {role['company']}", WEIGHTS["company"]))
    wanted = {s.casefold() for s in w.skills}
    skills = [s for s in role["skills"] or [] if s.casefold() in wanted]
    if skills:
        found.append((f"skills {', '.join(skills)}", WEIGHTS["skill"] * min(len(skills), MAX_SKILL_MATCHES)))
    found += _keyword_reasons(hits)
    location = (role["location"] or "").casefold()
    places = [p for p in w.locations if p.casefold() in location]
    if places:
        found.append((f"location {role['location']}", WEIGHTS["location"]))
    return found


def _keyword_reasons(hits: dict | None) -> list[tuple[str, int]]:
    if not hits:
        return []
    in_title = list(hits["title_hits"] or [])
    in_text = [k for k in hits["text_hits"] or [] if k not in in_title]
    found = [(f"“{k}” in the title", WEIGHTS["title"]) for k in in_title]
    return found + [(f"“{k}” in the posting", WEIGHTS["text"]) for k in in_text]


def _constraints_met(role: dict, w: WatchlistSettings) -> list[tuple[str, int]]:
    found = []
    if w.workplace_types and role["workplace_type"] in w.workplace_types:
        found.append((role["workplace_type"], WEIGHTS["workplace"]))
    top = _top_pay(role)
    if w.min_pay and top is not None:
        currency = role["salary_reporting_currency"] or ""
        found.append((f"pays up to {top:,.0f} {currency} a year (minimum {w.min_pay:,.0f})".strip(), WEIGHTS["pay"]))
    return found


def _top_pay(role: dict) -> float | None:
    return role["salary_converted_annual_max"] or role["salary_converted_annual_min"]
