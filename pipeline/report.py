"""Human-readable summaries of a run: Markdown for Prefect artifacts, rows for the terminal."""

from __future__ import annotations

from pipeline.runs import RunSummary

COUNTS = ("n_seen", "n_new", "n_changed", "n_closed", "n_reopened", "n_unchanged")
HEADERS = ("feed", "status", "seen", "new", "changed", "closed", "reopened", "unchanged", "note")


def summary_rows(summary: RunSummary) -> list[tuple[str, ...]]:
    rows = []
    for r in sorted(summary.results, key=lambda r: (r.source, r.board)):
        counts = tuple(str(getattr(r, name)) for name in COUNTS)
        rows.append((f"{r.source}/{r.board}", r.status, *counts, r.error or ""))
    return rows


def terminal_rows(summary: RunSummary, limit: int) -> list[tuple[str, ...]]:
    """At most `limit` rows: failed and suspicious feeds, then the most eventful; the others summed in one."""
    rows = summary_rows(summary)
    if len(rows) <= limit:
        return rows

    def weight(row) -> tuple[bool, int]:  # problems first, then by new + changed + closed + reopened
        return row[1] not in ("failed", "suspicious"), -sum(map(int, row[3:7]))

    ranked = sorted(rows, key=weight)
    shown = [row for row in ranked[: limit - 1] if weight(row) != (True, 0)]
    rest = ranked[len(shown) :]
    sums = (str(sum(int(row[i]) for row in rest)) for i in range(2, 2 + len(COUNTS)))
    label = f"… {len(rest)} other feeds" if shown else f"all {len(rest)} feeds"
    return [*sorted(shown), (label, "", *sums, "")]


def summary_line(summary: RunSummary) -> str:
    n = len(summary.results)
    return (
        f"{n} feeds: {n - len(summary.failed)} ok, {len(summary.failed)} failed; "
        f"{summary.total('n_seen')} postings seen, {summary.total('n_new')} new, "
        f"{summary.total('n_changed')} changed, {summary.total('n_closed')} closed, "
        f"{summary.total('n_reopened')} reopened"
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def summary_markdown(summary: RunSummary) -> str:
    lines = [
        f"# jobpipe {summary.kind} {summary.run_id}",
        "",
        f"Database `{summary.db_path}` — {summary_line(summary)}.",
        "",
        "| " + " | ".join(HEADERS) + " |",
        "|" + "---|" * len(HEADERS),
    ]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in summary_rows(summary)]
    for name, stage in summary.stages.items():
        lines += ["", f"**{name}**: {stage}"]
    return "\n".join(lines) + "\n"
