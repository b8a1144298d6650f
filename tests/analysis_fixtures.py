"""Postings of two invented companies in a real jobpipe database, and configs, for the analysis tests and bench."""

from __future__ import annotations

import hashlib
import html
import json
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

from pipeline.config import parse_config
from pipeline.db import connect, migrate, refresh_views

NOW = datetime.now(timezone.utc)

NORTHWIND_ABOUT = (
    "About Northwind Audio\n\n"
    "Northwind Audio builds the listening app used by forty million people in thirty countries. Our mission is to "
    "help every listener find the next sound they love, and we are a remote-first company that invests in learning "
    "and growth for everyone on the team."
)
NORTHWIND_EEO = (
    "Northwind Audio is an equal opportunity employer. We welcome people of every background and we provide "
    "reasonable accommodations during the interview process: just let us know what you need."
)
QUILL_ABOUT = (
    "Who we are\n\n"
    "Quillfeather makes accounting software for small businesses across Europe. We value ownership and "
    "collaboration, and we offer parental leave, a wellbeing budget and stock options to every employee."
)

ROLES = [
    # (title, department, location, workplace, intro, duties, needs, nice, pay)
    (
        "Senior Machine Learning Engineer",
        "Engineering",
        "London",
        "hybrid",
        "The Personalization team shapes the recommendations that millions of listeners see every day, "
        "keeping them relevant and safe.",
        [
            "Design, build and evaluate recommendation models with researchers, engineers and product managers.",
            "Prototype new ranking ideas and take them to production at scale.",
            "Run data-driven experiments and improve ranking quality through careful offline and online evaluation.",
            "Balance short-term product needs with long-term platform health.",
        ],
        [
            "5+ years of experience building machine learning systems in production.",
            "You have strong Python and SQL skills and experience with PyTorch or TensorFlow.",
            "You understand ethical AI constraints such as fairness and privacy.",
        ],
        ["Experience with Kubernetes and Spark is a plus."],
        "The salary range for this role is £90,000 - £120,000 per year.",
    ),
    (
        "Backend Engineer, Payments",
        "Engineering",
        "Stockholm",
        "onsite",
        "The Payments team keeps subscriptions flowing for every paying listener, in every currency we support.",
        [
            "Build and operate the services that bill forty million subscriptions.",
            "Own the reliability of payment flows and take part in the on-call rotation.",
            "Collaborate closely with finance and legal stakeholders on compliance requirements.",
        ],
        [
            "3+ years of experience with Java or Kotlin and relational databases such as PostgreSQL.",
            "You have worked on distributed systems with high availability requirements.",
        ],
        ["Familiarity with Kafka would be great."],
        "",
    ),
    (
        "Product Designer",
        "Design",
        "Remote - Europe",
        "remote",
        "Design at Northwind turns listening habits into simple, delightful screens across mobile and web.",
        [
            "Design end-to-end experiences for new listening features, from research to final pixels.",
            "Partner with engineers and product managers to ship and measure improvements every week.",
            "Contribute to the design system and raise the quality bar across teams.",
        ],
        [
            "4+ years of experience in product design with a portfolio of shipped work.",
            "You are fluent in Figma and comfortable running usability research.",
        ],
        ["Motion design skills are a bonus."],
        "Compensation: €70,000 - €85,000 per year.",
    ),
    (
        "Data Analyst",
        "Analytics",
        "London",
        "hybrid",
        "The Analytics team answers the questions that shape how Northwind grows.",
        [
            "Analyze listening and subscription data to explain what drives retention.",
            "Build dashboards that leaders use every week.",
            "Work through ambiguous questions and turn them into clear recommendations.",
        ],
        ["2+ years of experience with SQL and a BI tool such as Looker or Tableau."],
        ["Python for analysis is nice to have."],
        "",
    ),
]

QUILL_ROLES = [
    (
        "Staff Software Engineer",
        "Engineering",
        "Berlin",
        "hybrid",
        "Our Ledger team owns the double-entry core that every invoice and payment in Quillfeather depends on.",
        [
            "Lead the migration of the ledger from a legacy monolith to well-defined services.",
            "Set technical direction for three teams and mentor senior engineers.",
            "Improve correctness and performance of the ledger under fast-growing load.",
        ],
        [
            "8+ years of experience in backend engineering, including Go or Java.",
            "You have led large migrations in regulated domains.",
        ],
        ["Experience with accounting or banking systems is a plus."],
        "We pay €110,000 - €140,000 per year for this role.",
    ),
    (
        "Customer Success Manager",
        "Customer Success",
        "Amsterdam",
        "hybrid",
        "Customer Success helps growing businesses get the most out of Quillfeather.",
        [
            "Own a portfolio of 80 business customers and help them adopt new features.",
            "Reduce churn by spotting risks early and acting on them with the product team.",
        ],
        ["3+ years in a customer-facing SaaS role.", "You speak Dutch and English fluently."],
        [],
        "",
    ),
    (
        "Junior Frontend Engineer",
        "Engineering",
        "Berlin",
        "hybrid",
        "The Invoicing team builds the screens small businesses use to get paid.",
        [
            "Build accessible React components for the invoicing flow.",
            "Write tests and review code with the rest of the team.",
        ],
        ["1+ years of experience with TypeScript and React."],
        ["Experience with design systems is a bonus."],
        "",
    ),
]


def posting_text(role: tuple, about: str, closing: str = "") -> str:
    title, dept, location, workplace, intro, duties, needs, nice, pay = role
    parts = [about, intro, "What you'll do", "\n".join(duties), "Who you are", "\n".join(needs)]
    if nice:
        parts += ["Nice to have", "\n".join(nice)]
    if pay:
        parts.append(pay)
    if closing:
        parts.append(closing)
    return "\n\n".join(parts)


def posting_html(text: str) -> str:
    """What a feed would have sent: the same text as styled HTML, about as heavy as real board HTML."""
    blocks = [
        f'<div><span style="font-size: 11pt; font-family: Arial, sans-serif;">{b}</span></div>'
        for b in text.split("\n")
    ]
    return "\n".join(blocks)


def make_db(path: Path, *, companies: tuple = ("northwind", "quill")) -> Path:
    """A migrated database holding the invented companies' open postings."""
    con = connect(path)
    migrate(con)
    refresh_views(con)
    job_id = 1000
    for key in companies:
        source, board, roles, about, closing, company = COMPANIES[key]
        for role in roles:
            job_id += 1
            insert_posting(con, job_id, source, board, company, role, posting_text(role, about, closing))
    con.close()
    return path


COMPANIES = {
    "northwind": ("lever", "northwind", ROLES, NORTHWIND_ABOUT, NORTHWIND_EEO, "Northwind Audio"),
    "quill": ("greenhouse", "quillfeather", QUILL_ROLES, QUILL_ABOUT, "", "Quillfeather"),
}


def raw_job(source: str, job_id: int, title: str, body: str) -> dict:
    """A job as its source's board API lists it, with the posting body where that source puts it."""
    if source == "greenhouse":
        return {"id": job_id, "title": title, "content": html.escape(body)}  # Greenhouse escapes its HTML
    if source == "ashby":
        return {"id": str(job_id), "title": title, "descriptionHtml": body}
    return {"id": str(job_id), "text": title, "description": body}


def payload_row(source: str, board: str, jobs: list[dict], at: datetime) -> dict:
    """A board's jobs as the raw payload they were fetched in: where each version's job JSON is read from."""
    body = json.dumps(jobs if source == "lever" else {"jobs": jobs}).encode()
    return {"payload_hash": hashlib.sha256(body).hexdigest(), "source": source, "board": board,
            "first_fetched_at": at, "http_status": 200, "content_type": "application/json",
            "n_bytes": len(body), "body_zlib": zlib.compress(body, 1)}  # fmt: skip


def insert_row(con, table: str, row: dict, *, verb: str = "insert") -> None:
    con.execute(f"{verb} into {table} ({', '.join(row)}) values ({', '.join('?' * len(row))})", list(row.values()))


def store_payload(con, source: str, board: str, jobs: list[dict], at: datetime) -> str:
    row = payload_row(source, board, jobs, at)
    insert_row(con, "raw_payloads", row, verb="insert or ignore")  # one payload can bring several versions
    return row["payload_hash"]


def insert_version(con, source: str, board: str, version: dict) -> None:
    """A posting version as ingest stores it, with the one-job payload it came from."""
    job = raw_job(source, version["job_id"], version["title"], posting_html(version["description_text"]))
    payload_hash = store_payload(con, source, board, [job], version["valid_from"])
    insert_row(con, "posting_versions", {**version, "payload_hash": payload_hash})


def insert_posting(
    con, job_id: int, source: str, board: str, company: str, role: tuple, text: str, *, seen_at: datetime | None = None
) -> int:
    seen_at = seen_at or NOW - timedelta(days=2)
    title, dept, location, workplace = role[:4]
    content_hash = hashlib.sha256(f"{job_id}:{title}:{text}".encode()).hexdigest()
    version_id = job_id * 10 + 1
    insert_version(con, source, board, {
        "version_id": version_id, "job_id": job_id, "content_hash": content_hash, "valid_from": seen_at,
        "company": company, "title": title, "department": dept, "location": location, "workplace_type": workplace,
        "employment_type": "full-time", "description_text": text,
    })  # fmt: skip
    con.execute(
        "insert into postings (job_id, source, board, external_id, first_seen_at, last_seen_at, current_version_id, "
        "current_hash) values (?,?,?,?,?,?,?,?)",
        [job_id, source, board, str(job_id), seen_at, NOW, version_id, content_hash],
    )
    return version_id


def edit_posting(db_path: Path, job_id: int, new_text: str) -> int:
    """A new version of a posting, as ingest would record an edit."""
    con = connect(db_path)
    row = con.execute(
        "select * from posting_versions v join postings p using (job_id) "
        "where v.version_id = p.current_version_id and job_id = ?",
        [job_id],
    ).fetchone()
    columns = [d[0] for d in con.description]
    old = dict(zip(columns, row))
    version_id = old["version_id"] + 1
    content_hash = hashlib.sha256(f"{job_id}:{new_text}".encode()).hexdigest()
    con.execute("update posting_versions set valid_to = ? where version_id = ?", [NOW, old["version_id"]])
    kept = ("company", "title", "department", "location", "workplace_type", "employment_type")
    insert_version(con, old["source"], old["board"], {
        "version_id": version_id, "job_id": job_id, "content_hash": content_hash, "valid_from": NOW,
        **{name: old[name] for name in kept}, "description_text": new_text,
    })  # fmt: skip
    con.execute(
        "update postings set current_version_id = ?, current_hash = ?, n_versions = n_versions + 1 where job_id = ?",
        [version_id, content_hash, job_id],
    )
    con.close()
    return version_id


def make_config(db_path: Path, *, api_key: str | None = None, base_url: str | None = None, **analysis):
    raw = {
        "feeds": [
            {"source": "lever", "board": "northwind", "company": "Northwind Audio"},
            {"source": "greenhouse", "board": "quillfeather", "company": "Quillfeather"},
        ],
        "analysis": {"request_timeout_s": 5.0, "max_retries": 3, **analysis},
    }
    env = {k: v for k, v in (("OPENAI_API_KEY", api_key), ("OPENAI_BASE_URL", base_url)) if v}
    return parse_config(raw, db_path.parent / "jobpipe.toml", db_path, env)


def count(db_path: Path, sql: str, params: list | None = None):
    con = connect(db_path, read_only=True)
    try:
        return con.execute(sql, params or []).fetchone()[0]
    finally:
        con.close()


# pytest fixtures, imported by the analysis test modules
import pytest  # noqa: E402

from openai_server import FakeServer  # noqa: E402

KEY = "sk-test-do-not-store-7f3a"


@pytest.fixture
def db_path(tmp_path):
    return make_db(tmp_path / "jobpipe.duckdb")


@pytest.fixture
def server():
    with FakeServer() as running:
        yield running


def model_config(db_path: Path, server, **analysis):
    """A config for the openai backends against the local server, with a fast limiter and short timeouts."""
    settings = {"requests_per_minute": 6000, "max_concurrency": 4, **analysis}
    return make_config(db_path, api_key=KEY, base_url=server.base_url, **settings)


def n_jobs_open(db_path: Path) -> int:
    return count(db_path, "select count(*) from postings where closed_at is null")
