"""A company's hiring signals from jobpipe's own data: openings, churn, what grows or shrinks, pay bands, stack."""

from __future__ import annotations

from datetime import datetime

from pipeline.analysis.store import query_dicts

TOP = 6


def hiring_signals(con, source: str, board: str, as_of: datetime) -> dict:
    """Everything a company analysis says about hiring, computed from the database (never asked of a model)."""
    params = {"source": source, "board": board, "as_of": as_of}
    counts = query_dicts(con, "analysis_company_counts", **params)[0]
    moves = query_dicts(con, "analysis_company_moves", **params)
    followed = counts["n_days_followed"] >= 30  # before a month of history every open role looks new
    return {
        "as_of": as_of.date().isoformat(),
        **{k: int(v or 0) for k, v in counts.items()},
        "departments": _top(moves, "department"),
        "locations": _top(moves, "location"),
        "workplace": {m["value"]: m["n_open_now"] for m in moves if m["dimension"] == "workplace" and m["n_open_now"]},
        "growing": _moved(moves, grow=True) if followed else [],
        "shrinking": _moved(moves, grow=False) if followed else [],
        "pay_bands": query_dicts(con, "analysis_company_pay", source=source, board=board),
        "stack": query_dicts(con, "analysis_company_stack", source=source, board=board),
    }


def signals_text(signals: dict) -> str:
    """The signals as short lines: what a model is given and what offline prose is built from."""
    lines = [
        f"Open roles: {signals['n_open']} (jobpipe has followed this board for {signals['n_days_followed']} days)",
        f"New in the last 7 days: {signals['n_new_7d']}; closed: {signals['n_closed_7d']}",
        f"New in the last 30 days: {signals['n_new_30d']}; closed: {signals['n_closed_30d']}",
    ]
    for key, label in (("departments", "Departments"), ("locations", "Locations")):
        if signals[key]:
            lines.append(f"{label} (open roles): " + ", ".join(f"{d['value']} {d['n']}" for d in signals[key]))
    if signals["workplace"]:
        lines.append("Workplace: " + ", ".join(f"{k} {v}" for k, v in signals["workplace"].items()))
    for key, label in (("growing", "Growing over 30 days"), ("shrinking", "Shrinking over 30 days")):
        if signals[key]:
            lines.append(f"{label}: " + ", ".join(f"{m['value']} {m['delta']:+d}" for m in signals[key]))
    for band in signals["pay_bands"]:
        lines.append(
            f"Pay, {band['seniority']} ({band['n']} postings): median {band['median_min']:,.0f}–"
            f"{band['median_max']:,.0f} {band['currency']} a year"
        )
    if signals["stack"]:
        lines.append("Most asked-for skills: " + ", ".join(f"{s['name']} {s['n']}" for s in signals["stack"]))
    return "\n".join(lines)


def _top(moves: list[dict], dimension: str) -> list[dict]:
    rows = [m for m in moves if m["dimension"] == dimension and m["n_open_now"]]
    return [{"value": m["value"], "n": m["n_open_now"]} for m in rows[:TOP]]


def _moved(moves: list[dict], *, grow: bool) -> list[dict]:
    deltas = [
        {"dimension": m["dimension"], "value": m["value"], "delta": m["n_open_now"] - m["n_open_before"]}
        for m in moves
        if m["dimension"] in ("department", "location")
    ]
    picked = [d for d in deltas if (d["delta"] > 0 if grow else d["delta"] < 0)]
    return sorted(picked, key=lambda d: -abs(d["delta"]))[:TOP]
