"""Formatting shared by the Markdown and HTML digests: pay, changes, excerpts, and Markdown escaping."""

from __future__ import annotations

import re
from datetime import date, datetime

from markupsafe import Markup

MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#!~])")
ANALYSIS_LABEL = re.compile(r"^\s*(job|company) analysis:\s*", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
METRIC_LABELS = {
    "open_roles": "Open roles",
    "new_roles": "New roles",
    "closed_roles": "Closed roles",
    "changed_roles": "Changed roles",
    "companies_hiring": "Companies hiring",
}
CHANGE_LABELS = {
    "pay_moved": "Pay moved",
    "title_changed": "Title changed",
    "remote_policy_changed": "Remote policy changed",
    "reopened": "Reopened",
    "closed_after_long_open": "Closed after a long time open",
}


def md_text(value) -> str:
    """Posting text made inert in Markdown: one line, every character Markdown or HTML would act on escaped."""
    if value is None:
        return ""
    if isinstance(value, Markup):  # built by our own filters from escaped parts
        return str(value)
    return MD_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def md_link(text, url) -> Markup:
    if not url or not str(url).startswith(("https://", "http://")):
        return Markup(md_text(text))
    return Markup(f"[{md_text(text)}](<{str(url).replace('>', '%3E').replace(' ', '%20')}>)")


def signed(n) -> str:
    n = int(n or 0)
    return f"+{n:,}" if n > 0 else f"−{-n:,}" if n < 0 else "0"


def amount(value) -> str:
    return f"{value:,.0f}"


def pay_text(role: dict) -> str:
    """'70,000–90,000 EUR a year (≈ 81,000–104,000 USD)', or '' when the posting states no pay."""
    low, high = role.get("salary_min"), role.get("salary_max")
    if low is None and high is None:
        return ""
    stated = _range(low, high)
    parts = [stated, role.get("salary_currency") or "(currency unstated)"]
    if role.get("salary_period"):
        parts.append(f"a {role['salary_period']}")
    text = " ".join(parts)
    conv_low, conv_high = role.get("salary_converted_annual_min"), role.get("salary_converted_annual_max")
    reporting = role.get("salary_reporting_currency")
    restated = reporting != role.get("salary_currency") or role.get("salary_period") != "year"
    if (conv_low or conv_high) and reporting and restated:
        text += f" (≈ {_range(conv_low, conv_high)} {reporting} a year)"
    return text


def _range(low, high) -> str:
    if low is None:
        return f"up to {amount(high)}"
    if high is None or high == low:
        return amount(low)
    return f"{amount(low)}–{amount(high)}"


def excerpt(text: str | None, sentences: int = 2, max_chars: int = 320) -> str:
    """The first lines of an analysis, without its 'Job Analysis:' label."""
    if not text:
        return ""
    body = ANALYSIS_LABEL.sub("", " ".join(text.split()))
    kept = " ".join(SENTENCE_END.split(body)[:sentences])
    return kept if len(kept) <= max_chars else kept[: max_chars - 1].rsplit(" ", 1)[0] + "…"


def skills_text(skills, n: int = 5) -> str:
    return ", ".join(list(skills or [])[:n])


def day(value) -> str:
    if isinstance(value, datetime):
        value = value.date()
    return value.strftime("%a %d %b %Y") if isinstance(value, date) else ""


def percent(value) -> str:
    return "—" if value is None else f"{value:.1f} %"


def thousands(value) -> str:
    return "—" if value is None else f"{value / 1000:,.0f}k"


def safe_url(url) -> str:
    """A link target from a posting: only http(s) URLs; anything else (javascript:, data:) goes nowhere."""
    text = str(url or "").strip()
    return text if text.lower().startswith(("https://", "http://")) else "#"


FILTERS = {
    "signed": signed, "pay": pay_text, "excerpt": excerpt, "skills": skills_text, "day": day, "percent": percent,
    "thousands": thousands, "amount": amount, "safe_url": safe_url, "metric_label": METRIC_LABELS.get,
    "change_label": CHANGE_LABELS.get,
}  # fmt: skip
