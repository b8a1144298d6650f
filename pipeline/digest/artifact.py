"""The weekly flow's Prefect artifact: the digest's headline table and where its files are."""

from __future__ import annotations

from pipeline.digest.formatting import METRIC_LABELS, signed


def digest_markdown(result, outcomes=()) -> str:
    lines = [f"# jobpipe weekly digest {result.week.label}", "", result.summary_line(), ""]
    if result.is_empty:
        lines += ["No data for this week: the digest says so.", ""]
    else:
        lines += ["| | This week | Last week | Change |", "|---|---:|---:|---:|"]
        for row in result.headline:
            label = METRIC_LABELS.get(row["metric"], row["metric"])
            lines.append(f"| {label} | {row['n_this_week']:,} | {row['n_last_week']:,} | {signed(row['n_change'])} |")
        lines.append("")
    lines += ["**Files**", ""]
    lines += [f"- [{name}]({path.resolve().as_uri()})" for name, path in result.files.items()]
    for outcome in outcomes:
        lines += ["", f"**{outcome.channel}**: {'sent' if outcome.ok else 'not sent'} — {outcome.detail}"]
    return "\n".join(lines) + "\n"
