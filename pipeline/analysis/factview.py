"""Reading extracted facts (plain values or {value, source, start, end, quote} records) the way analyses need them."""

from __future__ import annotations

NICE = ("preferred", "nice", "nice-to-have", "nice_to_have", "bonus", "optional", "plus")
REQUIRED = ("required", "must", "must_have")
MAX_SKILLS = 8  # the model sees the posting too: the facts line names the main ones


def fact(facts: dict, key: str):
    """The value of a fact, whether the extractor gives it bare or as a record with its evidence."""
    value = facts.get(key)
    if isinstance(value, dict) and "value" in value:
        return value["value"]
    return value


def fact_quote(facts: dict, key: str) -> str | None:
    """The quoted text a fact came from (a record's quote, or its KEY_evidence)."""
    value = facts.get(key)
    if isinstance(value, dict) and "quote" in value:
        return value["quote"]
    evidence = facts.get(f"{key}_evidence")
    return evidence.get("quote") if isinstance(evidence, dict) else None


def skills(facts: dict) -> list[dict]:
    out, seen = [], set()
    for item in fact(facts, "skills") or []:
        name = item.get("name") if isinstance(item, dict) else str(item)
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(item if isinstance(item, dict) else {"name": name})
    return out


def skill_names(facts: dict, *, nice: bool) -> list[str]:
    """Nice-to-have skills; or the required ones (the merely mentioned ones when none is marked required)."""
    kinds = [(s["name"], str(s.get("requirement") or "").lower()) for s in skills(facts)]
    if nice:
        return [name for name, kind in kinds if kind in NICE]
    required = [name for name, kind in kinds if kind in REQUIRED]
    return required or [name for name, kind in kinds if kind not in NICE]


def salary_phrase(facts: dict) -> str | None:
    """'120,000–150,000 USD per year', or None when the posting states no pay."""
    low, high = fact(facts, "salary_min"), fact(facts, "salary_max")
    if low is None and high is None:
        return None
    currency, period = fact(facts, "salary_currency") or "", fact(facts, "salary_period")
    amount = (
        f"{low:,.0f}–{high:,.0f}" if low is not None and high is not None and low != high else f"{(low or high):,.0f}"
    )
    if low is None:
        amount = f"up to {high:,.0f}"
    return " ".join(x for x in (amount, currency, f"per {period}" if period else "") if x)


def facts_line(facts: dict) -> str:
    """The facts a model is told, in one line: it must not contradict them."""
    parts = [
        ("salary", salary_phrase(facts) or "not stated"),
        ("seniority", fact(facts, "seniority")),
        ("experience", _years(facts)),
        ("workplace", fact(facts, "workplace_type")),
        ("employment", fact(facts, "employment_type")),
        ("visa sponsorship", fact(facts, "visa_sponsorship")),
        ("required skills", ", ".join(skill_names(facts, nice=False)[:MAX_SKILLS])),
        ("preferred skills", ", ".join(skill_names(facts, nice=True)[:MAX_SKILLS])),
    ]
    return "; ".join(f"{name} {value}" for name, value in parts if value and value != "unknown") or "none extracted"


def _years(facts: dict) -> str | None:
    low, high = fact(facts, "years_experience_min"), fact(facts, "years_experience_max")
    if low is None:
        return None
    return f"{low}–{high} years" if high and high != low else f"{low}+ years"
