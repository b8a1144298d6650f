"""Pay a feed states in its own fields: Ashby compensation tiers, Lever salaryRange, Greenhouse pay ranges."""

from __future__ import annotations

import html
import re
from collections import Counter

from selectolax.lexbor import LexborHTMLParser

from pipeline.facts import money
from pipeline.facts.salary import Salary, annualize, extract_salary

LEVER_INTERVALS = {  # interval -> (period, factor to that period)
    "per-year-salary": ("year", 1), "per-month-salary": ("month", 1), "per-week-salary": ("week", 1),
    "per-day-wage": ("day", 1), "per-hour-wage": ("hour", 1), "semi-month-salary": ("month", 2),
    "bi-week-salary": ("week", 0.5),
}
ASHBY_UNITS = {"YEAR": "year", "MONTH": "month", "WEEK": "week", "DAY": "day", "HOUR": "hour"}
_SALES = re.compile(r"\b(?:sales|account\s+(?:executive|manager)|business\s+development|SDR|BDR)\b", re.IGNORECASE)


def posted_salary(source: str, raw_job: dict) -> Salary | None:
    """The structured pay of one raw job from `source` (ashby | lever | greenhouse), or None when it states none."""
    reader = {"ashby": ashby_salary, "lever": lever_salary, "greenhouse": greenhouse_salary}.get(source)
    return reader(raw_job) if reader and isinstance(raw_job, dict) else None


def _posted(low: float | None, high: float | None, currency: str | None, period: str | None,
            notes: list[str], *, is_ote: bool = False, has_equity: bool = False) -> Salary:
    return Salary(low, high, currency, period, annualize(low, period), annualize(high, period), "posted",
                  None, None, None, "; ".join(notes) or None, (), is_ote, has_equity)


# --- Ashby: compensation.compensationTiers[].components[] and compensation.summaryComponents[] --------------

def ashby_salary(job: dict) -> Salary | None:
    comp = job.get("compensation") or {}
    tiers = comp.get("compensationTiers") or []
    parts = [(c, t.get("tierSummary") or "") for t in tiers for c in t.get("components") or []]
    if not any(_ashby_pay(c) for c, _ in parts):
        parts = [(c, "") for c in comp.get("summaryComponents") or []]
    has_equity = any(str(c.get("compensationType", "")).startswith("Equity") for c, _ in parts) or \
        "equity" in (comp.get("compensationTierSummary") or "").lower()
    pay = [(c, _ashby_is_ote(c, summary)) for c, summary in parts if _ashby_pay(c)]
    if not pay:
        return _ashby_summary_text(comp, job, has_equity)
    base = [c for c, ote in pay if not ote]
    chosen, is_ote = (base, False) if base else ([c for c, _ in pay], True)
    return _ashby_range(chosen, is_ote, has_equity, len(tiers))


def _ashby_pay(component: dict) -> bool:
    return component.get("compensationType") == "Salary" and \
        (component.get("minValue") is not None or component.get("maxValue") is not None)


def _ashby_is_ote(component: dict, tier_summary: str) -> bool:
    return money.mentions_ote(component.get("summary") or "", 0, 200) or money.mentions_ote(tier_summary, 0, 200)


def _ashby_range(components: list[dict], is_ote: bool, has_equity: bool, n_tiers: int) -> Salary:
    currency = Counter(c.get("currencyCode") for c in components).most_common(1)[0][0]
    same = [c for c in components if c.get("currencyCode") == currency]
    scaled = [(_ashby_per_unit(c, "minValue"), _ashby_per_unit(c, "maxValue"), _ashby_period(c)) for c in same]
    period = scaled[0][2]
    lows = [lo for lo, _, p in scaled if lo is not None and p == period]
    highs = [hi for _, hi, p in scaled if hi is not None and p == period]
    notes = ["from Ashby compensation" + (f", overall range of {n_tiers} tiers" if n_tiers > 1 else "")]
    if len(same) < len(components):
        notes.append("tiers in other currencies left out")
    if period is None:
        notes.append(f"interval {same[0].get('interval')!r} not understood")
    if is_ote:
        notes.append("on-target earnings")
    return _posted(min(lows) if lows else None, max(highs) if highs else None, currency, period, notes,
                   is_ote=is_ote, has_equity=has_equity)


def _ashby_period(component: dict) -> str | None:
    count, _, unit = str(component.get("interval") or "").partition(" ")
    return ASHBY_UNITS.get(unit.upper()) if count.replace(".", "", 1).isdigit() else None


def _ashby_per_unit(component: dict, key: str) -> float | None:
    value = component.get(key)
    count = str(component.get("interval") or "1").partition(" ")[0]
    if value is None:
        return None
    # "2 WEEK" is paid every two weeks: per week is half of it
    return float(value) / float(count) if count.replace(".", "", 1).isdigit() and float(count) else float(value)


def _ashby_summary_text(comp: dict, job: dict, has_equity: bool) -> Salary | None:
    summary = comp.get("scrapeableCompensationSalarySummary") or comp.get("compensationTierSummary")
    found = extract_salary(summary, location=job.get("location")) if summary else None
    return _from_text(found, "from Ashby compensation summary", has_equity=has_equity)


def _from_text(found: Salary | None, where: str, *, is_ote: bool = False, has_equity: bool = False) -> Salary | None:
    if found is None:
        return None
    notes = [where] + ([found.note] if found.note else []) + (["on-target earnings"] if is_ote else [])
    return Salary(found.min, found.max, found.currency, found.period, found.annual_min, found.annual_max,
                  "posted", None, None, None, "; ".join(dict.fromkeys(notes)), found.currency_candidates,
                  is_ote or found.is_ote, has_equity or found.has_equity)


# --- Lever: salaryRange {currency, interval, min, max}, else salaryDescriptionPlain --------------------------

def lever_salary(job: dict) -> Salary | None:
    pay = job.get("salaryRange") or {}
    if pay.get("min") is None and pay.get("max") is None:
        text = job.get("salaryDescriptionPlain") or ""
        location = (job.get("categories") or {}).get("location")
        found = extract_salary(text, location=location, country=job.get("country")) if text else None
        return _from_text(found, "from Lever salary description")
    interval = pay.get("interval") or ""
    period, factor = LEVER_INTERVALS.get(interval, (None, 1))
    notes = ["from Lever salaryRange"]
    if interval == "one-time":
        notes.append("one-time payment, not a recurring salary")
    elif period is None:
        notes.append(f"interval {interval!r} not understood")
    elif factor != 1:
        notes.append(f"{interval} converted to per {period}")
    currency = (pay.get("currency") or "").upper() or None
    if currency is None:
        notes.append("no currency stated")
    return _posted(_times(pay.get("min"), factor), _times(pay.get("max"), factor), currency, period, notes)


def _times(value: float | None, factor: float) -> float | None:
    return None if value is None else float(value) * factor


# --- Greenhouse: pay_input_ranges in cents, else the pay-range block of the content HTML ---------------------

def greenhouse_salary(job: dict) -> Salary | None:
    ranges = [r for r in job.get("pay_input_ranges") or [] if r.get("min_cents") or r.get("max_cents")]
    if ranges:
        return _greenhouse_ranges(ranges, job)
    content = job.get("content") or ""
    if "pay-range" not in content:
        return None
    return _greenhouse_html(unescape(content) if "&lt;" in content else content, job)


# Greenhouse escapes its content HTML with these five only. When every "&" starts one of them,
# replacing them (&amp; last) is what html.unescape does, without a callback per entity.
_BASIC_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&#39;", "'"), ("&amp;", "&"))
_OTHER_ENTITY = re.compile(r"&(?!lt;|gt;|quot;|#39;|amp;)")


def unescape(content: str) -> str:
    if _OTHER_ENTITY.search(content):
        return html.unescape(content)
    for entity, char in _BASIC_ENTITIES:
        content = content.replace(entity, char)
    return content


def _greenhouse_ranges(ranges: list[dict], job: dict) -> Salary:
    currency = (ranges[0].get("currency_type") or "").upper() or None
    same = [r for r in ranges if (r.get("currency_type") or "").upper() == (currency or "")]
    lows = [r["min_cents"] / 100 for r in same if r.get("min_cents")]
    highs = [r["max_cents"] / 100 for r in same if r.get("max_cents")]
    words = " ".join(f"{r.get('title') or ''}. {r.get('blurb') or ''}" for r in same)
    period, notes = _greenhouse_period(words, max(highs or lows))
    notes = ["from Greenhouse pay ranges (cents)"] + notes
    if len(same) < len(ranges):
        notes.append("ranges in other currencies left out")
    is_ote = _greenhouse_ote(words, job)
    if is_ote:
        notes.append("on-target earnings")
    return _posted(min(lows) if lows else None, max(highs) if highs else None, currency, period, notes,
                   is_ote=is_ote, has_equity=money.mentions_equity(words, 0, len(words)))


def _greenhouse_period(words: str, value: float) -> tuple[str, list[str]]:
    stated = money.read_before(words, 0, len(words)).period
    if stated:
        return stated, []
    period = "hour" if value < 300 else "year"
    return period, [f"period inferred from the amount ({period})"]


def _greenhouse_ote(words: str, job: dict) -> bool:
    if not money.mentions_ote(words, 0, len(words)):
        return False
    return not money.SALES_ONLY.search(words) or _is_sales_role(job)


def _is_sales_role(job: dict) -> bool:
    names = [job.get("title") or ""] + [d.get("name") or "" for d in job.get("departments") or []]
    return any(_SALES.search(name) for name in names)


def _greenhouse_html(content: str, job: dict) -> Salary | None:
    tree = LexborHTMLParser(content)
    blocks = tree.css("div.pay-input") or tree.css("div.pay-range")
    found = []
    for block in blocks:
        title = block.css_first("div.title")
        ranges = block.css_first("div.pay-range") or block
        text = f"{title.text(strip=True) if title else ''}\n{ranges.text(separator=' ', strip=True)}"
        salary = extract_salary(text, title=job.get("title"), location=(job.get("location") or {}).get("name"))
        if salary:
            found.append(salary)
    if not found:
        return None
    description = " ".join(d.text(separator=" ") for d in tree.css("div.pay-input div.description"))
    is_ote = _greenhouse_ote(description, job)
    return _from_text(_widest(found), "from the Greenhouse pay range", is_ote=is_ote)


def _widest(found: list[Salary]) -> Salary:
    """Several pay blocks (locations, levels) in one currency and period: the overall range."""
    first = found[0]
    same = [s for s in found if s.currency == first.currency and s.period == first.period]
    lows = [s.min for s in same if s.min is not None]
    highs = [s.max for s in same if s.max is not None]
    low, high = (min(lows) if lows else None), (max(highs) if highs else None)
    return Salary(low, high, first.currency, first.period, annualize(low, first.period),
                  annualize(high, first.period), first.source, None, None, None, first.note,
                  first.currency_candidates, first.is_ote, first.has_equity)
