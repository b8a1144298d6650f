"""The rendered text of an analysis: a paragraph or two of prose starting 'Job Analysis:' or 'Company Analysis:'."""

from __future__ import annotations

from pipeline.analysis.prose import join_clauses, lower_first, sentence, trim


def render_job(analysis: dict) -> str:
    first = [
        analysis["summary"].strip(),
        _clauses("The work involves", analysis["responsibilities"], 4),
        _clauses("The difficulty lies in", analysis["challenges"], 3),
    ]
    second = [
        _clauses("Success will be judged on", analysis["success_measures"], 3),
        _clauses("To prepare,", analysis["how_to_prepare"], 4),
        _skills(analysis["must_have_skills"], analysis["nice_to_have_skills"]),
        _pay(analysis.get("salary") or {}),
        _clauses("Red flags to raise:", analysis["red_flags"], 4),
    ]
    return _paragraphs("Job Analysis:", first, second)


def render_company(analysis: dict) -> str:
    first = [
        analysis["summary"].strip(),
        _clauses("Its hiring shows", analysis["hiring_signals"], 5),
        _clauses("In its own words, the company", analysis["culture_signals"], 4),
    ]
    second = [_clauses("For a candidate:", analysis["candidate_takeaways"], 5)]
    if analysis.get("background", "").strip():
        second.append(f"Background (general knowledge, not from the postings): {sentence(analysis['background'])}")
    return _paragraphs("Company Analysis:", first, second)


def _paragraphs(label: str, first: list[str], second: list[str]) -> str:
    lead = " ".join(s for s in first if s)
    rest = " ".join(s for s in second if s)
    return f"{label} {lead}" + (f"\n\n{rest}" if rest else "")


def _clauses(opening: str, items: list[str], n: int) -> str:
    picked = [lower_first(trim(item)) for item in items[:n] if item and trim(item)]
    return sentence(f"{opening} {join_clauses(picked)}") if picked else ""


def _skills(musts: list[str], nice: list[str]) -> str:
    parts = []
    if musts:
        parts.append(f"Must-have skills: {', '.join(musts[:10])}")
    if nice:
        parts.append(f"nice to have: {', '.join(nice[:8])}")
    return sentence("; ".join(parts)) if parts else ""


def _pay(salary: dict) -> str:
    low, high, currency, period = (salary.get(k) for k in ("min", "max", "currency", "period"))
    if low is None and high is None:
        return "The posting states no pay range."
    amount = (
        f"{low:,.0f}–{high:,.0f}" if low is not None and high is not None and low != high else f"{(low or high):,.0f}"
    )
    return sentence(
        " ".join(x for x in ("Stated pay:", amount, currency or "", f"per {period}" if period else "") if x)
    )
