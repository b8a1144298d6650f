"""Synthetic job boards in the exact Greenhouse, Lever and Ashby formats, deterministic from a seed, for benchmarks."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from pathlib import Path

import orjson

SOURCES = ("greenhouse", "lever", "ashby")
BASE_MS = 1_767_225_600_000  # 2026-01-01T00:00:00Z

_PREFIXES = ("North", "Blue", "Silver", "Bright", "Iron", "Cedar", "Lumen", "Quartz", "Harbor", "Summit",
             "Maple", "Orbit", "Vector", "Nimbus", "Coral", "Granite", "Atlas", "Pioneer", "Willow", "Falcon",
             "Ember", "Tidal", "Aurora", "Copper", "Meadow", "Polar", "Crescent", "Signal", "Beacon", "Juniper")
_SUFFIXES = ("wind", "field", "stone", "works", "labs", "grid", "path", "bridge", "forge", "scale", "loop",
             "point", "line", "base", "wave", "mint", "cloud", "craft", "stack", "bay", "ridge", "gate", "hub",
             "port", "light", "yard", "vale", "spark", "leaf", "shift")
_INDUSTRIES = ("payments", "logistics", "health records", "developer tooling", "energy trading", "insurance",
               "retail analytics", "travel booking", "cybersecurity", "online learning", "real estate",
               "music streaming", "food delivery", "HR software", "climate data", "biotech research")
_ROLES = ("Backend Engineer", "Data Scientist", "Platform Engineer", "Product Manager", "Machine Learning Engineer",
          "Frontend Engineer", "Site Reliability Engineer", "Product Designer", "Data Engineer",
          "Engineering Manager", "Account Executive", "Solutions Consultant", "Security Engineer",
          "Financial Analyst", "Recruiter", "Technical Writer", "Customer Success Manager", "Android Engineer",
          "iOS Engineer", "Research Scientist", "Sales Development Representative", "Marketing Manager")
_LEVELS = ("", "Senior ", "Staff ", "Principal ", "Junior ", "Lead ", "", "Senior ")
_TEAMS = ("Payments", "Search", "Growth", "Platform", "Data", "Mobile", "Risk", "Identity", "Ads", "Billing",
          "Infrastructure", "Core Product", "Enterprise", "Marketplace", "Trust & Safety", "Developer Experience")
_DEPARTMENTS = ("Engineering", "Product", "Design", "Sales", "Finance", "Marketing", "Operations", "People",
                "Customer Success", "Security", "Research", "Legal")
_CITIES = (("London", "GB"), ("New York, NY", "US"), ("San Francisco, CA", "US"), ("Berlin", "DE"),
           ("Toronto, ON", "CA"), ("Paris", "FR"), ("Stockholm", "SE"), ("Austin, TX", "US"), ("Dublin", "IE"),
           ("Singapore", "SG"), ("Sydney, NSW", "AU"), ("Amsterdam", "NL"), ("Seattle, WA", "US"),
           ("Bangalore", "IN"), ("São Paulo", "BR"), ("Zürich", "CH"), ("Remote (US)", "US"), ("Remote (EU)", "DE"))
_WORKPLACES = ("Remote", "Hybrid", "On-site")
_COMMITMENTS = ("Full-time", "Full-time", "Full-time", "Part-time", "Contract", "Intern")
_SKILLS = ("Python", "Go", "Java", "Kotlin", "TypeScript", "React", "PostgreSQL", "Kubernetes", "Terraform",
           "AWS", "GCP", "Spark", "Airflow", "dbt", "Kafka", "Rust", "Swift", "SQL", "Snowflake", "Figma",
           "Salesforce", "Excel", "PyTorch", "TensorFlow", "Elasticsearch", "Redis", "GraphQL", "C++", "Scala",
           "Ruby on Rails", "Docker", "Linux", "Tableau", "Looker", "HubSpot", "gRPC", "DuckDB", "Node.js")

# Sentences are drawn from a pool built by combining these parts: about a million combinations, so
# no two descriptions read alike, while building a description costs a few list look-ups.
_OPENERS = ("You will", "In this role you will", "Our team will ask you to", "Together with us you will",
            "As part of the team you will", "Day to day, you’ll", "From your first month you will",
            "We need someone who can", "Working closely with product, you will", "Over the next year you will",
            "Alongside our engineers you will", "With a lot of autonomy you will", "You’ll be trusted to",
            "Each quarter you will", "When things break you will", "Our customers count on you to")
_VERBS = ("design", "build", "operate", "improve", "scale", "measure", "review", "simplify", "own", "ship",
          "document", "automate", "secure", "debug", "prototype", "refactor", "monitor", "plan", "migrate",
          "test", "profile", "redesign", "maintain", "extend", "evaluate", "launch", "support", "harden")
_OBJECTS = ("the services behind our {industry} platform", "data pipelines that feed our forecasting models",
            "internal tools that R&D teams rely on every day", "APIs used by thousands of customers",
            "the onboarding flow for new accounts", "our billing and invoicing systems",
            "dashboards that leadership reads every Monday", "the mobile apps our users open daily",
            "experiments that decide what we build next", "integrations with partners’ systems",
            "the infrastructure that runs {industry} workloads", "search and ranking for our catalogue",
            "the reporting our finance team closes the books with", "controls that keep customer data safe",
            "the roadmap for {team}", "latency budgets (p99 < 200 ms) for critical requests",
            "release processes across several time zones", "the design system shared by every product team",
            "models that flag risky transactions", "the documentation new hires start from")
_QUALIFIERS = ("with a small, senior team", "while keeping costs predictable", "across many time zones",
               "without slowing anyone down", "using {skill} and {skill2}", "in close contact with customers",
               "from the first sketch to production", "with clear ownership and few meetings",
               "so that support tickets go down", "at a scale few companies reach", "in a codebase you can read",
               "with measurable goals each quarter", "and share what you learn", "with care for accessibility",
               "and write it down for the next person", "while on call one week in eight")
_BRING = ("{years}+ years of experience with {skill}", "Hands-on experience running {skill} in production",
          "A track record of shipping {industry} products", "Comfort with ambiguity and changing priorities",
          "Clear written communication in English", "Experience mentoring engineers or analysts",
          "Working knowledge of {skill} and {skill2}", "A degree in computer science or equivalent experience",
          "Curiosity about how {industry} really works", "Experience with on-call and incident reviews",
          "Strong judgment about trade-offs between speed & quality", "Fluency in SQL and data modelling")
_BENEFITS = ("Private health, dental and vision insurance", "{days} days of paid holiday plus public holidays",
             "A yearly learning budget of ${budget:,}", "Equity in a growing company", "Parental leave of 20 weeks",
             "A home-office stipend", "Flexible working hours", "Retirement plan with employer match",
             "Wellness allowance", "Annual company offsite")
_EEO = ("{company} is an equal opportunity employer. We welcome people of every background, identity and "
        "experience, and we do not discriminate on the basis of race, religion, colour, national origin, gender, "
        "sexual orientation, age, marital status, veteran status or disability. If you need an accommodation "
        "during the interview process, tell your recruiter and we will make it work.")


@dataclass(frozen=True)
class BoardSpec:
    index: int
    source: str
    board: str
    company: str
    industry: str
    n_jobs: int


def plan_boards(n: int, boards: int, seed: int) -> list[BoardSpec]:
    """Boards of uneven sizes (a few large ones, many small) that hold exactly n postings in all."""
    rng = random.Random(f"{seed}/plan")
    weights = [rng.lognormvariate(0, 0.9) for _ in range(boards)]
    scale = n / sum(weights)
    sizes = [max(1, int(w * scale)) for w in weights]
    for i in range(n - sum(sizes)):  # whatever rounding left over goes to the boards in turn
        sizes[i % boards] += 1
    while sum(sizes) > n:
        sizes[sizes.index(max(sizes))] -= 1
    names = [p + s for p in _PREFIXES for s in _SUFFIXES]
    rng.shuffle(names)
    specs = []
    for i, size in enumerate(sizes):
        name = names[i % len(names)] + ("" if i < len(names) else str(i // len(names)))
        specs.append(BoardSpec(i, SOURCES[i % 3], name.lower(), name, rng.choice(_INDUSTRIES), size))
    return specs


def pick_changed(specs: list[BoardSpec], fraction: float, seed: int) -> set[tuple[int, int]]:
    """(board index, job index) of the postings edited for a later night: `fraction` of all, spread at random."""
    rng = random.Random(f"{seed}/changed")
    everyone = [(spec.index, j) for spec in specs for j in range(spec.n_jobs)]
    return set(rng.sample(everyone, round(len(everyone) * fraction)))


def write_boards(root: Path, specs: list[BoardSpec], seed: int, changed=frozenset(), night: int = 0) -> int:
    """Write <root>/<source>/<board>.json for every board; returns the bytes written."""
    total = 0
    for source in SOURCES:
        (root / source).mkdir(parents=True, exist_ok=True)
    for spec in specs:
        edited = {j for b, j in changed if b == spec.index} if changed else set()
        body = orjson.dumps(board_document(spec, seed, edited, night))
        (root / spec.source / f"{spec.board}.json").write_bytes(body)
        total += len(body)
    return total


def board_document(spec: BoardSpec, seed: int, edited: set[int], night: int):
    jobs = [_job(spec, seed, j, j in edited, night) for j in range(spec.n_jobs)]
    if spec.source == "greenhouse":
        return {"jobs": jobs, "meta": {"total": len(jobs)}}
    if spec.source == "ashby":
        return {"apiVersion": "1", "jobs": jobs}
    return jobs


def _job(spec: BoardSpec, seed: int, j: int, edited: bool, night: int) -> dict:
    rng = random.Random(f"{seed}/{spec.index}/{j}")
    facts = _facts(rng, spec, j)
    blocks = _description(rng, spec, facts)
    if edited:  # a recruiter's edit: a new sentence in the role section and a higher pay range
        extra = random.Random(f"{seed}/{spec.index}/{j}/edit")
        blocks[2] = ("p", blocks[2][1] + " " + _sentence(extra, spec, facts))
        facts["pay"] = (facts["pay"][0] + 5_000, facts["pay"][1] + 10_000)
        blocks[-3] = ("p", _pay_sentence(facts))
    make = {"greenhouse": _greenhouse, "lever": _lever, "ashby": _ashby}[spec.source]
    return make(spec, j, facts, blocks, night)


def _facts(rng: random.Random, spec: BoardSpec, j: int) -> dict:
    low = rng.randrange(60, 220) * 1000
    city, country = rng.choice(_CITIES)
    return {
        "title": rng.choice(_LEVELS) + rng.choice(_ROLES),
        "team": rng.choice(_TEAMS),
        "department": rng.choice(_DEPARTMENTS),
        "city": city,
        "country": country,
        "workplace": rng.choice(_WORKPLACES),
        "commitment": rng.choice(_COMMITMENTS),
        "pay": (low, low + rng.randrange(20, 90) * 1000),
        "created_ms": BASE_MS - rng.randrange(0, 200) * 86_400_000 + j * 1000,
        "length": rng.randrange(2000, 6000),  # characters of description text
    }


def _description(rng: random.Random, spec: BoardSpec, facts: dict) -> list[tuple]:
    """The body as blocks: ("h", heading), ("p", paragraph) or ("ul", [items])."""
    intro = (f"{spec.company} builds {spec.industry} software for teams that cannot afford to get it wrong. "
             f"We are a group of {rng.randrange(40, 4000)} people across {rng.randrange(2, 14)} offices, "
             f"and the {facts['team']} team is growing.")  # fmt: skip
    benefits = [_fill(rng, b, spec) for b in rng.sample(_BENEFITS, 4)]
    blocks = [("h", f"About {spec.company}"), ("p", intro), ("p", ""), ("h", "What you will do"), ("ul", []),
              ("h", "What you bring"), ("ul", []), ("h", "Compensation"), ("p", _pay_sentence(facts)),
              ("ul", benefits), ("p", _EEO.format(company=spec.company))]  # fmt: skip
    size = sum(len(b[1]) if b[0] != "ul" else sum(map(len, b[1])) for b in blocks)
    role, do, bring = [], [], []
    while size < facts["length"]:
        pick = rng.random()
        sentence = _sentence(rng, spec, facts) if pick < 0.5 else None
        if sentence:
            role.append(sentence)
        elif pick < 0.8:
            sentence = _duty(rng, spec, facts)
            do.append(sentence)
        else:
            sentence = _fill(rng, rng.choice(_BRING), spec)
            bring.append(sentence)
        size += len(sentence) + 1
    blocks[2] = ("p", " ".join(role) or _sentence(rng, spec, facts))
    blocks[4] = ("ul", do or [_fill(rng, "Own {skill} services end to end", spec)])
    blocks[6] = ("ul", bring or [_fill(rng, "{years}+ years of experience with {skill}", spec)])
    return blocks


def _sentence(rng: random.Random, spec: BoardSpec, facts: dict) -> str:
    template = f"{rng.choice(_OPENERS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_QUALIFIERS)}."
    return template.format(industry=spec.industry, team=facts["team"], skill=rng.choice(_SKILLS),
                           skill2=rng.choice(_SKILLS))  # fmt: skip


def _duty(rng: random.Random, spec: BoardSpec, facts: dict) -> str:
    template = f"{rng.choice(_VERBS).capitalize()} {rng.choice(_OBJECTS)} {rng.choice(_QUALIFIERS)}"
    return template.format(industry=spec.industry, team=facts["team"], skill=rng.choice(_SKILLS),
                           skill2=rng.choice(_SKILLS))  # fmt: skip


def _fill(rng: random.Random, template: str, spec: BoardSpec) -> str:
    return template.format(skill=rng.choice(_SKILLS), skill2=rng.choice(_SKILLS), industry=spec.industry,
                           years=rng.randrange(2, 10), days=rng.randrange(20, 35),
                           budget=rng.randrange(5, 30) * 100)  # fmt: skip


def _pay_sentence(facts: dict) -> str:
    low, high = facts["pay"]
    return f"The base salary range for this role is ${low:,} – ${high:,} per year, plus equity and benefits."


# -- the three formats ----------------------------------------------------------------------------------


def _html(blocks: list[tuple], p_open: str = "<p>", item: str = "<li>{}</li>") -> str:
    parts = []
    for kind, value in blocks:
        if kind == "h":
            parts.append(f"<h2><strong>{_escape(value)}</strong></h2>")
        elif kind == "p":
            parts.append(f"{p_open}{_escape(value)}</p>")
        else:
            parts.append("<ul>" + "".join(item.format(_escape(v)) for v in value) + "</ul>")
    return "\n".join(parts)


def _plain(blocks: list[tuple]) -> str:
    parts = []
    for kind, value in blocks:
        parts.append("\n".join(f"• {v}" for v in value) if kind == "ul" else value)
    return "\n\n".join(parts)


def _escape(text: str, quote: bool = False) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("'", "&#39;") if quote else text


def _uuid(spec: BoardSpec, j: int, salt: int) -> str:
    return str(uuid.UUID(int=(salt << 96) | (spec.index << 32) | j, version=4))


def _greenhouse(spec: BoardSpec, j: int, facts: dict, blocks: list[tuple], night: int) -> dict:
    job_id = 4_000_000_000 + spec.index * 100_000 + j
    markup = '<div class="content-intro">' + _html(blocks[:2]) + "</div>" + _html(blocks[2:])
    return {
        "absolute_url": f"https://job-boards.greenhouse.io/{spec.board}/jobs/{job_id}",
        "data_compliance": [{"type": "gdpr", "requires_consent": False, "requires_processing_consent": False,
                             "requires_retention_consent": False, "retention_period": None,
                             "demographic_data_consent_applies": False}],
        "internal_job_id": 7_000_000_000 + spec.index * 100_000 + j // 2,
        "location": {"name": facts["city"]},
        "metadata": [{"id": 4036944008, "name": "Location Type", "value": facts["workplace"],
                      "value_type": "single_select"}],
        "id": job_id,
        "updated_at": f"2026-07-{14 + night:02d}T18:35:00-04:00",  # Greenhouse touches it on every job at once
        "requisition_id": str(100_000 + j),
        "title": facts["title"],
        "company_name": spec.company,
        "first_published": f"2026-{1 + j % 6:02d}-{1 + j % 28:02d}T16:15:41-04:00",
        "language": "en",
        "application_deadline": None,
        "content": _escape(markup, quote=True),  # Greenhouse escapes its HTML once more
        "departments": [{"id": 4002063008, "name": facts["department"], "child_ids": [], "parent_id": None}],
        "offices": [{"id": 4053894008, "name": facts["city"], "location": facts["city"], "child_ids": [],
                     "parent_id": None}],
    }  # fmt: skip


def _lever(spec: BoardSpec, j: int, facts: dict, blocks: list[tuple], night: int) -> dict:
    job_id = _uuid(spec, j, 1)
    head, lists, tail = blocks[:3], blocks[3:7], blocks[7:]
    description = _html(head, '<p><span style="font-size: 11pt;">')
    items = [{"text": lists[k][1], "content": "".join(f"<li>{_escape(v)}</li>" for v in lists[k + 1][1])}
             for k in (0, 2)]  # fmt: skip
    additional = _html(tail, "<div>").replace("</p>", "</div>")
    return {
        "additionalPlain": _plain(tail).replace(" – ", "\u00a0–\u00a0"),  # Lever's plain text keeps no-break spaces
        "additional": additional,
        "categories": {"commitment": facts["commitment"], "department": facts["department"],
                       "location": facts["city"], "team": facts["team"], "allLocations": [facts["city"]]},
        "createdAt": facts["created_ms"],
        "descriptionPlain": _plain(head) + "\u200b",
        "description": description,
        "id": job_id,
        "lists": items,
        "text": facts["title"],
        "country": facts["country"],
        "workplaceType": facts["workplace"].lower().replace("-", ""),
        "opening": "",
        "openingPlain": "",
        "descriptionBody": description,
        "descriptionBodyPlain": _plain(head),
        "hostedUrl": f"https://jobs.lever.co/{spec.board}/{job_id}",
        "applyUrl": f"https://jobs.lever.co/{spec.board}/{job_id}/apply",
    }  # fmt: skip


def _ashby(spec: BoardSpec, j: int, facts: dict, blocks: list[tuple], night: int) -> dict:
    job_id = _uuid(spec, j, 2)
    low, high = facts["pay"]
    summary = f"${low // 1000}K – ${high // 1000}K • Offers Equity"
    salary = {"id": _uuid(spec, j, 3), "summary": f"${low // 1000}K – ${high // 1000}K", "compensationType": "Salary",
              "interval": "1 YEAR", "currencyCode": "USD", "minValue": low, "maxValue": high}  # fmt: skip
    return {
        "id": job_id,
        "title": facts["title"],
        "department": facts["department"],
        "team": facts["team"],
        "employmentType": facts["commitment"].replace("-", "").title().replace(" ", ""),
        "location": facts["city"],
        "shouldDisplayCompensationOnJobPostings": True,
        "secondaryLocations": [],
        "publishedAt": f"2026-{1 + j % 6:02d}-{1 + j % 28:02d}T20:47:09.753+00:00",
        "isListed": True,
        "isRemote": facts["workplace"] != "On-site",
        "workplaceType": facts["workplace"].replace("-", ""),
        "address": {"postalAddress": {"addressCountry": facts["country"], "addressLocality": facts["city"]}},
        "jobUrl": f"https://jobs.ashbyhq.com/{spec.board}/{job_id}",
        "applyUrl": f"https://jobs.ashbyhq.com/{spec.board}/{job_id}/application",
        "descriptionHtml": _html(blocks, '<p style="min-height:1.5em">', "<li><p>{}</p></li>").replace("h2>", "h1>"),
        "descriptionPlain": _plain(blocks),
        "compensation": {
            "compensationTierSummary": summary,
            "scrapeableCompensationSalarySummary": salary["summary"],
            "compensationTiers": [{"id": _uuid(spec, j, 4), "tierSummary": summary, "title": facts["city"],
                                   "additionalInformation": None, "components": [salary]}],
            "summaryComponents": [{"compensationType": "Salary", "minValue": low, "maxValue": high,
                                   "interval": "1 YEAR", "currencyCode": "USD"}],
        },
    }  # fmt: skip
