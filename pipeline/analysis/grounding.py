"""Is an analysis grounded? Evidence quotes must occur verbatim in the material; stated facts must agree."""

from __future__ import annotations

from pipeline.analysis.factview import fact, skills

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# A quote wrapped in quote marks or trimmed with an ellipsis is still the same words.
_EDGES = "\"'\u201c\u201d\u2018\u2019\u2026. "


def normalize(text: str) -> str:
    """Collapse every run of white space (no-break, tabs, newlines) to one space; drop zero-width characters."""
    return " ".join(text.translate(_INVISIBLE).split())  # str.split() splits on every Unicode space


def normalize_quote(quote: str) -> str:
    return normalize(quote).strip(_EDGES).removesuffix("...").strip(_EDGES)


def ungrounded_quotes(analysis: dict, material: str) -> list[str]:
    """The evidence quotes that do not occur in the material after white-space normalization."""
    haystack = normalize(material)
    bad = []
    for item in analysis.get("evidence", []):
        quote = normalize_quote(item.get("quote", ""))
        if not quote or quote not in haystack:
            bad.append(item.get("quote", ""))
    return bad


def drop_ungrounded(analysis: dict, bad: list[str]) -> dict:
    """The analysis with only its grounded evidence: an unsupported quote is never shown as support."""
    kept = [item for item in analysis["evidence"] if item.get("quote", "") not in set(bad)]
    return {**analysis, "evidence": kept}


def fact_disagreements(analysis: dict, facts: dict, text: str) -> list[str]:
    """Salary, seniority and skills the analysis states that the extracted facts contradict."""
    return [
        *_salary_disagreements(analysis.get("salary") or {}, facts),
        *_seniority_disagreements(analysis.get("seniority"), fact(facts, "seniority")),
        *_skill_disagreements(analysis, facts, text),
    ]


def _salary_disagreements(stated: dict, facts: dict) -> list[str]:
    out = []
    for key in ("min", "max"):
        said, known = stated.get(key), fact(facts, f"salary_{key}")
        if said is not None and known is not None and abs(float(said) - float(known)) > 0.01 * max(abs(known), 1):
            out.append(f"salary {key}: analysis says {said:g}, facts say {known:g}")
        elif said is not None and known is None:
            out.append(f"salary {key}: analysis says {said:g}, facts found no salary")
    said, known = stated.get("currency"), fact(facts, "salary_currency")
    if said and known and said.upper() != str(known).upper():
        out.append(f"salary currency: analysis says {said}, facts say {known}")
    return out


def _seniority_disagreements(said: str | None, known: str | None) -> list[str]:
    if said and known and said != known:
        return [f"seniority: analysis says {said}, facts say {known}"]
    return []


def _skill_disagreements(analysis: dict, facts: dict, text: str) -> list[str]:
    known = {str(s["name"]).casefold() for s in skills(facts)}
    haystack = normalize(text).casefold()
    out = []
    for skill in [*analysis.get("must_have_skills", []), *analysis.get("nice_to_have_skills", [])]:
        name = normalize(skill).casefold()
        if name and name not in known and name not in haystack:
            out.append(f"skill: analysis names {skill!r}, which neither the facts nor the posting mention")
    return out
