"""The sample postings in the exact shapes of the Greenhouse, Lever and Ashby board APIs."""

from __future__ import annotations

import html
import uuid
from datetime import datetime, timedelta, timezone

from companies import Company, Pay, Role
from prose import PER, body_blocks, money, pay_sentence, sections, span

GREENHOUSE_WORKPLACE = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "On-Site"}
ASHBY_WORKPLACE = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "OnSite"}
ASHBY_EMPLOYMENT = {"full-time": "FullTime", "part-time": "PartTime", "contract": "Contract",
                    "temporary": "Temporary", "internship": "Intern"}  # fmt: skip
LEVER_COMMITMENT = {  # each Lever customer names its commitments itself
    "lumenledger": {"full-time": "Permanent", "part-time": "Part Time", "contract": "Contract", "internship": "Intern"},
    "harborpine": {"full-time": "Full Time", "part-time": "Part Time", "temporary": "Seasonal", "contract": "Contract"},
}
LEVER_INTERVAL = {"year": "per-year-salary", "hour": "per-hour-wage", "month": "per-month-salary"}
ASHBY_INTERVAL = {"year": "1 YEAR", "hour": "1 HOUR", "month": "1 MONTH"}
PLACES = {  # location -> (Lever country, Ashby postal address)
    "London": ("GB", {"addressLocality": "London", "addressCountry": "United Kingdom"}),
    "Berlin": ("DE", {"addressLocality": "Berlin", "addressCountry": "Germany"}),
    "Lisbon": ("PT", {"addressLocality": "Lisboa", "addressCountry": "Portugal"}),
    "Remote - Europe": ("", {}),
    "Remote - Germany": ("DE", {"addressCountry": "Germany"}),
    "Vancouver, BC": ("CA", {"addressLocality": "Vancouver", "addressRegion": "BC", "addressCountry": "Canada"}),
    "Delta, BC": ("CA", {"addressLocality": "Delta", "addressRegion": "BC", "addressCountry": "Canada"}),
    "Squamish, BC": ("CA", {"addressLocality": "Squamish", "addressRegion": "BC", "addressCountry": "Canada"}),
    "Portland, OR": ("US", {"addressLocality": "Portland", "addressRegion": "OR", "addressCountry": "USA"}),
    "Remote - Canada": ("CA", {"addressCountry": "Canada"}),
    "Remote - US": ("US", {"addressCountry": "United States"}),
    "San Francisco, CA": ("US", {"addressLocality": "San Francisco", "addressRegion": "CA", "addressCountry": "USA"}),
    "New York, NY": ("US", {"addressLocality": "New York City", "addressRegion": "NY", "addressCountry": "USA"}),
    "Remote (US)": ("US", {"addressCountry": "United States"}),
    "Denver, CO": ("US", {"addressLocality": "Denver", "addressRegion": "CO", "addressCountry": "USA"}),
    "Amsterdam": ("NL", {"addressLocality": "Amsterdam", "addressCountry": "Netherlands"}),
    "Remote (Europe)": ("", {"addressCountry": "Netherlands"}),
}
P = '<p style="min-height:1.5em">'
_IDS = uuid.UUID("0b7e3f5a-2c1d-4e9f-8a6b-5d4c3b2a1f0e")
_EDT = timezone(timedelta(hours=-4))  # the boards' own zone in July


def greenhouse_job(company: Company, role: Role, ids: tuple[int, int], published: datetime, context: dict) -> dict:
    post_id, internal_id = ids
    metadata = [{"id": 4036944008, "name": "Location Type", "value": GREENHOUSE_WORKPLACE[role.workplace],
                 "value_type": "single_select"}]  # fmt: skip
    if company.board == "tidewaterhealth":
        metadata = [
            {"id": 5120330008, "name": "Workplace Type", "value": GREENHOUSE_WORKPLACE[role.workplace], "value_type": "single_select"},
            {"id": 5120331008, "name": "Employment Type", "value": role.employment.capitalize(), "value_type": "single_select"},
        ]  # fmt: skip
    return {
        "absolute_url": f"https://job-boards.greenhouse.io/{company.board}/jobs/{post_id}",
        "data_compliance": [{"type": "gdpr", "requires_consent": False, "requires_processing_consent": False,
                             "requires_retention_consent": False, "retention_period": None,
                             "demographic_data_consent_applies": False}],
        "internal_job_id": internal_id,
        "location": {"name": role.location},
        "metadata": metadata,
        "id": post_id,
        "updated_at": context["touched_at"].astimezone(_EDT).isoformat(),
        "requisition_id": f"{role.department[:3].upper()}-{post_id // 1000 % 10000}",
        "title": role.title,
        "company_name": company.name,
        "first_published": published.replace(microsecond=0).astimezone(_EDT).isoformat(),
        "language": "en",
        "application_deadline": None,
        "content": _greenhouse_escape(_greenhouse_html(company, role)),
        "departments": [{"id": 4002060008 + 1000 * len(role.department), "name": role.department,
                         "child_ids": [], "parent_id": None}],
        "offices": [{"id": 4053890008 + 1000 * len(role.location), "name": role.location.split(",")[0],
                     "location": role.location, "child_ids": [], "parent_id": None}],
    }  # fmt: skip


def lever_posting(company: Company, role: Role, posting_id: str, published: datetime) -> dict:
    parts = sections(company, role)
    in_salary_field = role.pay is not None and _hashed(role) % 2 == 0
    pay_text = [pay_sentence(company, role)] if role.pay is not None and not in_salary_field else []
    closing = pay_text + ["Our hiring process", parts["process"], *parts["closing"]]
    opening = f"<div><b>About {_esc(company.name)}</b></div>" + "".join(
        f"<div>&nbsp;</div><div>{_esc(text)}</div>" for text in parts["intro"]
    )
    body_parts = [parts["role_heading"], parts["summary"], "How we work", *parts["culture"]]
    body = "".join(f"<div>&nbsp;</div><div>{_esc(text)}</div>" for text in body_parts)
    opening_plain = f"About {company.name}\n" + "".join(f"\u00a0\n{text}\n" for text in parts["intro"])
    body_plain = "".join(f"\u00a0\n{text}\n" for text in body_parts)
    lists = [*parts["lists"], parts["offer"]]
    posting = {
        "additionalPlain": "".join(f"{text}\n\u00a0\n" for text in closing),
        "additional": "<div>&nbsp;</div>".join(f"<div>{_esc(text)}</div>" for text in closing),
        "categories": {"commitment": LEVER_COMMITMENT[company.board][role.employment], "department": role.department,
                       "location": role.location, "team": role.team, "allLocations": [role.location]},
        "createdAt": int(published.timestamp() * 1000),
        "descriptionPlain": opening_plain + body_plain,
        "description": opening + body,
        "id": posting_id,
        "lists": [{"text": heading, "content": _lever_items(items, role)} for heading, items in lists],
        "text": role.title,
        "country": PLACES[role.location][0],
        "workplaceType": role.workplace,
        "opening": opening,
        "openingPlain": opening_plain,
        "descriptionBody": body,
        "descriptionBodyPlain": body_plain,
        "hostedUrl": f"https://jobs.lever.co/{company.board}/{posting_id}",
        "applyUrl": f"https://jobs.lever.co/{company.board}/{posting_id}/apply",
    }  # fmt: skip
    if role.pay is not None and role.pay.interval in LEVER_INTERVAL:
        pay = role.pay
        posting["salaryRange"] = {"currency": pay.currency, "interval": LEVER_INTERVAL[pay.interval],
                                  "min": pay.low, "max": pay.high}  # fmt: skip
    if in_salary_field:
        posting["salaryDescription"] = f"<div>{_esc(pay_sentence(company, role))}</div>"
        posting["salaryDescriptionPlain"] = pay_sentence(company, role) + "\n"
    return posting


def ashby_job(company: Company, role: Role, job_id: str, published: datetime) -> dict:
    tiers = role.pay.tiers if role.pay is not None else ()
    secondary = [{"location": title, "address": {"postalAddress": PLACES[title][1]}} for title, _, _ in tiers]
    return {
        "id": job_id,
        "title": role.title,
        "department": role.department,
        "team": role.team,
        "employmentType": ASHBY_EMPLOYMENT[role.employment],
        "location": role.location,
        "shouldDisplayCompensationOnJobPostings": role.pay is not None,
        "secondaryLocations": secondary,
        "publishedAt": published.isoformat(timespec="milliseconds"),
        "isListed": not role.unlisted,
        "isRemote": role.workplace in ("remote", "hybrid"),  # Ashby sets it on hybrid jobs too
        "workplaceType": ASHBY_WORKPLACE[role.workplace],
        "address": {"postalAddress": PLACES[role.location][1]},
        "jobUrl": f"https://jobs.ashbyhq.com/{company.board}/{job_id}",
        "applyUrl": f"https://jobs.ashbyhq.com/{company.board}/{job_id}/application",
        "descriptionHtml": _ashby_html(company, role),
        "descriptionPlain": _ashby_plain(company, role),
        "compensation": ashby_compensation(role),
    }


def ashby_compensation(role: Role) -> dict:
    pay = role.pay
    if pay is None:
        return {"compensationTierSummary": None, "scrapeableCompensationSalarySummary": None,
                "compensationTiers": [], "summaryComponents": []}  # fmt: skip
    tiers = [(_tier_title(role), pay.low, pay.high), *pay.tiers]
    low, high = min(t[1] for t in tiers), max(t[2] for t in tiers)
    overall = Pay(pay.currency, low, high, pay.interval, pay.kind, pay.equity, pay.split)
    extras = (["Offers Equity"] if pay.equity else []) + (["Multiple Ranges"] if len(tiers) > 1 else [])
    summary_components = [{"compensationType": "EquityCashValue", "minValue": None, "maxValue": None,
                           "interval": ASHBY_INTERVAL[pay.interval]}] if pay.equity else []  # fmt: skip
    summary_components.append({"minValue": low, "maxValue": high, "currencyCode": pay.currency,
                               "interval": ASHBY_INTERVAL[pay.interval], "compensationType": "Salary"})  # fmt: skip
    return {
        "compensationTierSummary": " • ".join([_ashby_span(overall), *extras]),
        "scrapeableCompensationSalarySummary": span(overall, " - ", compact=pay.interval == "year"),
        "compensationTiers": [_ashby_tier(role, title, tier_low, tier_high, n) for n, (title, tier_low, tier_high)
                              in enumerate(tiers)],
        "summaryComponents": summary_components,
    }  # fmt: skip


def _ashby_tier(role: Role, title: str, low: float, high: float, n: int) -> dict:
    pay = role.pay
    tier = Pay(pay.currency, low, high, pay.interval, pay.kind, pay.equity, pay.split)
    label = ("OTE " if pay.kind == "ote" else "Target Base Salary " if pay.interval == "year" else "") + _ashby_span(tier)
    components = []
    if pay.equity:
        components.append({"id": _component_id(role, n, 0), "summary": "Offers Equity", "compensationType": "EquityCashValue",
                           "interval": "1 YEAR", "currencyCode": pay.currency, "minValue": None, "maxValue": None})  # fmt: skip
    components.append({"id": _component_id(role, n, 1), "summary": label, "compensationType": "Salary",
                       "interval": ASHBY_INTERVAL[pay.interval], "currencyCode": pay.currency,
                       "minValue": low, "maxValue": high})  # fmt: skip
    summary = " • ".join([label, *(["Offers Equity"] if pay.equity else []), *([pay.split] if pay.split else [])])
    return {"id": _component_id(role, n, 9), "tierSummary": summary, "title": title,
            "additionalInformation": pay.split, "components": components}  # fmt: skip


def _ashby_span(pay: Pay) -> str:
    if pay.interval == "year":
        return span(pay, " – ", compact=True)
    return f"{span(pay, ' – ')} {PER[pay.interval]}"


def _tier_title(role: Role) -> str:
    return {"San Francisco, CA": "SF/NY", "New York, NY": "SF/NY"}.get(role.location, role.location)


def _component_id(role: Role, tier: int, part: int) -> str:
    return str(uuid.uuid5(_IDS, f"{role.key}/{tier}/{part}"))


def _greenhouse_html(company: Company, role: Role) -> str:
    blocks = body_blocks(company, role)
    intro_end, closing_start = 1 + len(company.intro), len(blocks) - len(company.closing)
    parts = ['<div class="content-intro"><h2><strong>', _gh_text(blocks[0][1]), "</strong></h2>\n"]
    parts += [f"<p>{_gh_text(text)}</p>\n" for _, text in blocks[1:intro_end]]
    parts.append("</div>")
    for kind, value in blocks[intro_end:closing_start]:
        if kind == "h":
            parts.append(f"<h2>{_gh_text(value)}</h2>\n")
        elif kind == "p":
            parts.append(f"<p>{_gh_text(value)}</p>\n")
        elif kind == "ul":
            parts.append("<ul>\n" + "".join(f"<li>{_gh_text(item)}</li>\n" for item in value) + "</ul>\n")
        else:
            parts.append(_greenhouse_pay(company, role))
    parts.append('<div class="content-conclusion">')
    parts += [f"<p>{_gh_text(text)}</p>\n" for _, text in blocks[closing_start:]]
    return "".join(parts) + "</div>"


def _greenhouse_pay(company: Company, role: Role) -> str:
    pay = role.pay
    if company.board != "northwindrobotics":
        return f"<h2>Compensation</h2>\n<p>{_gh_text(pay_sentence(company, role))}</p>\n"
    if pay.kind == "ote":
        lead = ("For sales roles, the range provided is the role&rsquo;s On Target Earnings (&quot;OTE&quot;) range, "
                "meaning it includes both base salary and commission at target.")
    else:
        lead = "The base pay range for this position is listed below. Individual pay depends on level, skills and location."
    if pay.equity:
        lead += " This role is also eligible for equity."
    title = {"hour": "Hourly Rate:", "year": "Annual Salary:"}[pay.interval]
    low, high = money(pay.currency, pay.low), money(pay.currency, pay.high)
    return (
        f'<div class="content-pay-transparency"><div class="pay-input"><div class="description"><p>{lead}&nbsp;</p>'
        f'</div><div class="title">{title}</div><div class="pay-range"><span>{low}</span>'
        f'<span class="divider">&mdash;</span><span>{high} {pay.currency}</span></div></div></div>'
    )


def _ashby_html(company: Company, role: Role) -> str:
    parts = []
    for n, (kind, value) in enumerate(body_blocks(company, role)):
        if kind == "h":
            parts.append(f"<h1><strong>{_esc(value)}</strong></h1>" if n == 0 else f"<h2>{_esc(value)}</h2>")
        elif kind == "p":
            parts.append(f"{P}{_esc(value)}</p>")
        elif kind == "ul":
            parts.append('<ul style="min-height:1.5em">' + "".join(f"<li>{P}{_esc(i)}</p></li>" for i in value) + "</ul>")
        elif _hashed(role) % 2:
            parts.append(f"{P}<strong>Compensation:</strong> {_esc(pay_sentence(company, role))}</p>")
    return "".join(parts)


def _ashby_plain(company: Company, role: Role) -> str:
    parts = []
    for kind, value in body_blocks(company, role):
        if kind == "h":
            parts.append(value.upper())
        elif kind == "p":
            parts.append(value)
        elif kind == "ul":
            parts.append("\n\n".join(f" - {item}" for item in value))
        elif _hashed(role) % 2:
            parts.append(f"Compensation: {pay_sentence(company, role)}")
    return "\n\n".join(parts)


def _lever_items(items: list[str], role: Role) -> str:
    # Lever's editors leave zero-width spaces at the start of pasted list items now and then.
    lead = "\u200b\u200b" if _hashed(role) % 3 == 0 else ""
    return "".join(f"\n<li>{lead if n == 0 else ''}{_esc(item)}</li>" for n, item in enumerate(items))


def _gh_text(text: str) -> str:
    return _esc(text).replace("'", "&rsquo;")


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _greenhouse_escape(markup: str) -> str:
    """Greenhouse sends content HTML-escaped once more, as its API does."""
    return markup.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#39;")


def _hashed(role: Role) -> int:
    return sum(ord(c) * (n + 1) for n, c in enumerate(role.key))

