"""A sample posting's body as neutral blocks (headings, paragraphs, lists), and pay written the ways job ads write it."""

from __future__ import annotations

import random

from companies import Company, Pay, Role
from roles import A_LEVEL, FAMILIES, LEVEL_DUTIES, LEVEL_YEARS

HEADINGS = {  # each company words its sections its own way: (role, do, need, nice, offer)
    "northwindrobotics": ("About the role", "What you'll do", "What you bring", "Nice to have", "What we offer"),
    "tidewaterhealth": ("The opportunity", "Responsibilities", "Qualifications", "Bonus points", "Perks and benefits"),
    "lumenledger": ("About the role", "What you'll be doing", "What we're looking for", "Nice to have", "What we offer"),
    "harborpine": ("The role", "Day to day", "About you", "Extra credit", "Why Harbor & Pine"),
    "quillstone": ("About the Role", "What You'll Do", "What You Need", "Nice to Have", "Benefits"),
    "brightfield": ("Your role", "What you will do", "Who you are", "It would be great if you", "What we offer"),
}
ENGINEERING = {"backend", "frontend", "fullstack", "robotics", "embedded", "ml", "data_engineer", "sre", "security"}
SYMBOL = {"USD": "$", "CAD": "CA$", "GBP": "£", "EUR": "€"}
PER = {"year": "per year", "hour": "per hour", "day": "per day", "month": "per month"}
REGION = {
    "Pittsburgh, PA": "Pennsylvania", "Boston, MA": "Massachusetts", "Austin, TX": "Texas", "Reno, NV": "Nevada",
    "Atlanta, GA": "Georgia", "Chicago, IL": "Illinois", "Toronto, ON": "Ontario", "Remote - Ontario": "Ontario",
    "Remote - Canada": "Canada", "Remote - US": "the United States",
}  # fmt: skip

Block = tuple  # ("h", text) | ("p", text) | ("ul", [items]) | ("pay", role)


def sections(company: Company, role: Role) -> dict:
    """The parts of a posting: intro, summary, culture, lists (heading, items), process, closing."""
    rng = random.Random(f"{company.board}/{role.key}")
    family = FAMILIES[role.family]
    values = placeholders(company, role)
    role_heading, do_heading, need_heading, nice_heading, offer_heading = HEADINGS[company.board]
    duties = pick(rng, family["do"], 6, 8)
    if role.level in LEVEL_DUTIES and (role.family in ENGINEERING or role.level in ("director", "head")):
        duties.insert(0, LEVEL_DUTIES[role.level])
    return {
        "intro": list(company.intro),
        "role_heading": role_heading,
        "summary": fill(" ".join(family["summary"]), values),
        "culture": list(company.culture),
        "lists": [
            (do_heading, [fill(item, values) for item in duties]),
            (need_heading, [fill(item, values) for item in pick(rng, family["need"], 5, 6)]),
            (nice_heading, [fill(item, values) for item in pick(rng, family["nice"], 2, 3)]),
        ],
        "offer": (offer_heading, list(company.benefits)),
        "process": company.process,
        "closing": list(company.closing),
    }


def body_blocks(company: Company, role: Role) -> list[Block]:
    """Intro, role summary, how we work, duties, requirements, nice-to-haves, pay, benefits, process, closing."""
    parts = sections(company, role)
    blocks: list[Block] = [("h", f"About {company.name}"), *(("p", text) for text in parts["intro"])]
    blocks += [("h", parts["role_heading"]), ("p", parts["summary"])]
    blocks += [("h", "How we work"), *(("p", text) for text in parts["culture"])]
    for heading, items in parts["lists"]:
        blocks += [("h", heading), ("ul", items)]
    if role.pay is not None:
        blocks.append(("pay", role))
    blocks += [("h", parts["offer"][0]), ("ul", parts["offer"][1])]
    blocks += [("h", "Our hiring process"), ("p", parts["process"])]
    blocks += [("p", text) for text in parts["closing"]]
    return blocks


def placeholders(company: Company, role: Role) -> dict[str, str]:
    years = LEVEL_YEARS[role.level]
    return {
        "company": company.name, "product": company.product, "team": role.team, "domain": company.domain,
        "buyer": company.buyer, "stack": role.stack or "Python and Go", "cloud": company.cloud,
        "region": role.region or role.location, "country": company.country, "years": str(max(years, 1)),
        "a_level": A_LEVEL[role.level],
    }  # fmt: skip


def fill(template: str, values: dict[str, str]) -> str:
    return " ".join(template.format_map(values).split())


def pick(rng: random.Random, items: list[str], low: int, high: int) -> list[str]:
    """A few of the items, in their own order: the same ones every time for the same posting."""
    count = min(len(items), rng.randint(low, high))
    chosen = set(rng.sample(range(len(items)), count))
    return [item for n, item in enumerate(items) if n in chosen]


def money(currency: str, amount: float, compact: bool = False) -> str:
    symbol = SYMBOL[currency]
    if compact and amount >= 1000:
        return f"{symbol}{amount / 1000:.0f}K"
    return f"{symbol}{amount:,.0f}" if float(amount).is_integer() and amount >= 1000 else f"{symbol}{amount:,.2f}"


def span(pay: Pay, sep: str = " – ", compact: bool = False) -> str:
    low, high = money(pay.currency, pay.low, compact), money(pay.currency, pay.high, compact)
    return low if pay.low == pay.high else f"{low}{sep}{high}"


def pay_sentence(company: Company, role: Role) -> str:
    """Pay as prose, worded differently per company and per kind of pay."""
    pay = role.pay
    where = REGION.get(role.location, role.location)
    if pay.interval == "day":
        return f"Day rate: {span(pay, '–')}, outside IR35, for an initial six months."
    if pay.interval == "month":
        return f"Internship allowance: {money(pay.currency, pay.high)} gross per month, plus a travel allowance."
    if pay.interval == "hour":
        hours = " for 20 to 24 hours a week" if role.employment == "part-time" else ""
        return f"This role pays {span(pay, ' to ')} per hour{hours}."
    if pay.kind == "ote":
        split = f", with a {pay.split} between base salary and commission" if pay.split else ""
        return f"On-target earnings for this role are {span(pay, '–')}{split}."
    if company.board == "tidewaterhealth":
        return f"The base salary range for this role in {where} is {span(pay, '–')}, depending on experience."
    if pay.currency == "EUR" and company.board == "lumenledger":
        low, high = f"{pay.low:,.0f}".replace(",", "."), f"{pay.high:,.0f}".replace(",", ".")
        return f"Salary: €{low} – €{high} gross per year, plus share options."
    equity = " plus equity" if pay.equity else ""
    return f"The salary range for this role is {span(pay, ' - ')} {PER[pay.interval]}{equity}, depending on experience."
