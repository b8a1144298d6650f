"""Charts for the HTML digest, drawn with matplotlib as self-contained SVG (text as paths: no fonts to load)."""

from __future__ import annotations

import io
import re

import matplotlib
import polars as pl
from matplotlib.figure import Figure

# Deterministic, self-contained SVG: glyphs drawn as paths, stable ids, no creation date.
STYLE = {
    "svg.fonttype": "path",
    "svg.hashsalt": "jobpipe-digest",
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
}
THIS_WEEK, LAST_WEEK, ACCENT = "#2f6fdf", "#b9c7e0", "#1c3f7a"
LABEL_CHARS = 28


def svg_of(fig: Figure, name: str, title: str) -> str:
    """The figure as an inline <svg> element that scales with its container; ids prefixed by name."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, count=1, flags=re.S)
    svg = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"', r"<svg \1", svg, count=1)
    # several charts share one page: their ids (glyphs, clip paths) must not collide
    svg = re.sub(r'id="([^"]+)"', rf'id="{name}-\1"', svg)
    svg = re.sub(r'(href="#|url\(#)([^")]+)', rf"\1{name}-\2", svg)
    # the title is ours, never posting text: a plain label for screen readers
    return svg.replace("<svg ", f'<svg role="img" aria-label="{title}" class="chart" ', 1)


def short(label: str | None) -> str:
    """A label cut to fit, with `$` escaped: matplotlib would read "$...$" in a company name as mathematics."""
    text = " ".join(str(label or "—").split())
    text = text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"
    return text.replace("$", r"\$")


def skills_chart(skills: pl.DataFrame, top: int) -> str | None:
    """Roles asking for each of the week's top skills, this week against last week."""
    rows = skills.filter(pl.col("n_this_week") > 0).head(top).to_dicts()
    if not rows:
        return None
    rows.reverse()  # barh draws bottom-up: the top skill goes last
    with matplotlib.rc_context(STYLE):
        fig = Figure(layout="constrained", figsize=(6.4, 0.32 * len(rows) + 1.1))
        ax = fig.subplots()
        y = range(len(rows))
        ax.barh([i + 0.2 for i in y], [r["n_this_week"] for r in rows], height=0.4, color=THIS_WEEK, label="this week")
        ax.barh([i - 0.2 for i in y], [r["n_last_week"] for r in rows], height=0.4, color=LAST_WEEK, label="last week")
        ax.set_yticks(list(y), [short(r["skill"]) for r in rows])
        ax.set_xlabel("new roles asking for it")
        ax.set_title("Top skills in new roles")
        fig.legend(loc="outside upper right", ncols=2, frameon=False)
        ax.xaxis.get_major_locator().set_params(integer=True)
        return svg_of(fig, "skills", "Top skills in new roles, this week against last week")


def pay_chart(bands: pl.DataFrame, grouping: str, title: str) -> str | None:
    """Annual pay per band: the middle half as a bar, the median as a tick."""
    rows = bands.filter(pl.col("grouping") == grouping).to_dicts()
    if not rows:
        return None
    rows.reverse()
    currency = rows[0]["currency"] or ""
    with matplotlib.rc_context(STYLE):
        fig = Figure(layout="constrained", figsize=(6.4, 0.42 * len(rows) + 1.1))
        ax = fig.subplots()
        y = list(range(len(rows)))
        lows = [r["pay_p25"] for r in rows]
        ax.barh(y, [r["pay_p75"] - r["pay_p25"] for r in rows], left=lows, height=0.5, color=LAST_WEEK)
        ax.scatter([r["pay_median"] for r in rows], y, marker="|", s=260, linewidths=2.5, color=ACCENT, zorder=3)
        ax.set_yticks(y, [f"{short(r['band'])} ({r['n_roles']})" for r in rows])
        ax.use_sticky_edges = False  # bars start at the 25th percentile: let the margin pad past them
        ax.margins(x=0.08, y=0.15)
        ax.set_xlabel(f"annual pay, {currency} (25th–75th percentile, median marked)")
        ax.xaxis.set_major_formatter(lambda value, _: f"{value / 1000:,.0f}k")
        ax.set_title(title)
        return svg_of(fig, f"pay-{grouping}", f"{title}: pay quartiles")


def openings_chart(trend: pl.DataFrame, top: int = 8) -> str | None:
    """Roles first seen per week for the companies that opened the most over the period."""
    if trend.is_empty():
        return None
    totals = trend.group_by("source", "board", "company").agg(pl.col("n_new").sum().alias("total"))
    leaders = totals.sort(["total", "company"], descending=[True, False]).head(top)
    with matplotlib.rc_context(STYLE):
        fig = Figure(layout="constrained", figsize=(6.4, 3.4))
        ax = fig.subplots()
        for leader in leaders.to_dicts():
            series = trend.filter((pl.col("source") == leader["source"]) & (pl.col("board") == leader["board"]))
            ax.plot(series["iso_week"].to_list(), series["n_new"].to_list(), marker="o", label=short(leader["company"]))
        ax.set_ylabel("new roles")
        ax.set_title("Openings per company, recent weeks")
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.tick_params(axis="x", labelrotation=30)
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)
        return svg_of(fig, "openings", "Openings per company over recent weeks")


def digest_charts(data, top_skills: int) -> dict[str, str]:
    """Every chart that has data, by name; a section without data simply has no chart."""
    charts = {
        "skills": skills_chart(data.skills, top_skills),
        "pay_seniority": pay_chart(data.pay_bands, "seniority", "Pay by seniority"),
        "pay_family": pay_chart(data.pay_bands, "role_family", "Pay by role family"),
        "openings": openings_chart(data.openings_trend),
    }
    return {name: svg for name, svg in charts.items() if svg}
