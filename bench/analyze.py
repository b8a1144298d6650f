"""Benchmark the analyses: offline speed, and the openai backend against a local server at 300 ms and 600 RPM.

    .venv/bin/python bench/analyze.py                 # 2,000 postings: offline, then the model run (~4 min)
    .venv/bin/python bench/analyze.py --offline-only

Prints: offline analyses/s (the analyzer on one core, and the whole stage with facts and the database);
the model run's sustained requests/minute against the limit, 429s seen, analyses lost; a re-run's request
count; characters sent per analysis against the posting's raw HTML.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import shutil
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import pyarrow as pa  # noqa: E402

from analysis_fixtures import make_config, payload_row, raw_job  # noqa: E402
from openai_server import FakeServer  # noqa: E402
from pipeline.analysis import analyze, offline, plan_analyses  # noqa: E402
from pipeline.analysis.inputs import job_input  # noqa: E402
from pipeline.analysis.tasks import job_task  # noqa: E402
from pipeline.db import connect, migrate, refresh_views  # noqa: E402
from pipeline.facts.stage import extract_new_facts  # noqa: E402

TEAMS = ["Payments", "Search", "Growth", "Platform", "Data", "Mobile", "Risk", "Identity", "Ads", "Billing"]
TITLES = [
    "Senior Backend Engineer",
    "Data Scientist",
    "Staff Platform Engineer",
    "Product Manager",
    "Machine Learning Engineer",
    "Frontend Engineer",
    "Site Reliability Engineer",
    "Product Designer",
    "Data Engineer",
    "Engineering Manager",
]
DUTIES = [
    "Design, build and operate services that handle millions of requests every day with high availability.",
    "Partner with product managers and designers to ship improvements to customers every week.",
    "Own the reliability of critical systems, set service level objectives and take part in the on-call rotation.",
    "Lead technical design reviews, write clear design documents and mentor engineers across the team.",
    "Run experiments, analyze their results and turn them into clear recommendations for the product team.",
    "Migrate legacy components to a modern, well-tested architecture without disrupting customers.",
    "Improve performance, observability and developer experience across our platform and tooling.",
    "Collaborate closely with stakeholders in finance, legal and operations to deliver regulated features.",
    "Define the roadmap for your area together with engineering leadership and communicate it widely.",
    "Build data pipelines that feed our analytics, reporting and machine learning models.",
    "Review code with care and raise the quality bar through testing, automation and documentation.",
    "Interview and help hire the engineers who will join the team as it grows.",
    "Investigate production incidents, lead blameless post-mortems and follow up on the fixes.",
    "Work with security engineers to keep customer data safe and meet our compliance commitments.",
]
NEEDS = [
    "5+ years of experience building and operating production systems in Python, Go or Java.",
    "You have strong SQL skills and hands-on experience with PostgreSQL or similar relational databases.",
    "Experience running services on AWS with Kubernetes and Terraform in production.",
    "You have shipped machine learning models to production with PyTorch or TensorFlow.",
    "3+ years of experience with React and TypeScript on large, well-tested codebases.",
    "You communicate clearly in writing and enjoy working with people across teams and time zones.",
    "A degree in computer science or a related field, or equivalent practical experience.",
    "You have a track record of taking ambiguous problems from idea to launch.",
    "Experience designing APIs that other teams and external developers rely on.",
    "You care about mentoring others and helping your team do its best work.",
]
NICE = [
    "Experience with Kafka or Spark is a plus.",
    "Familiarity with Rust would be great.",
    "Experience in fintech or payments is nice to have.",
    "Open-source contributions are a bonus.",
]
ABOUT = (
    "About {c}\n\n{c} builds software that helps {n} businesses run their finances, and we are growing fast "
    "across Europe and North America. Our mission is to make money simple for everyone, and we invest in "
    "learning, mentorship and growth for every person on the team.\n\nWe are a team of builders, operators and "
    "designers who value ownership, collaboration and curiosity. We work in small, autonomous teams, write things "
    "down, and make decisions close to our customers."
)
BENEFITS = (
    "What we offer\n\n"
    "Competitive salary and meaningful equity\nHealth, dental and vision insurance for you and your family\n"
    "Sixteen weeks of paid parental leave\nA yearly learning budget and conference time\n"
    "Flexible hybrid work with a home-office stipend\n25 days of paid vacation plus public holidays\n\n"
    "{c} is an equal opportunity employer. We do not discriminate on the basis of race, religion, colour, "
    "national origin, gender, sexual orientation, age, marital status, veteran status or disability. We "
    "provide reasonable accommodations throughout the interview process: tell your recruiter what you need. "
    "By applying you agree that we process your data under our candidate privacy notice."
)


def posting_text(rng: random.Random, company: str, team: str) -> str:
    intro = (
        f"The {team} team at {company} works on the systems behind our core product, used by customers in forty "
        f"countries. We are looking for someone who cares about quality and impact."
    )
    duties = rng.sample(DUTIES, rng.randint(6, 10))
    needs = rng.sample(NEEDS, rng.randint(4, 7))
    customers = (sum(map(ord, company)) % 90 + 2) * 1000  # the company's own figure, the same on each posting
    parts = [
        ABOUT.format(c=company, n=customers),
        intro,
        "What you'll do",
        "\n".join(duties),
        "What you'll need",
        "\n".join(needs),
        "Nice to have",
        rng.choice(NICE),
    ]
    if rng.random() < 0.5:
        low = rng.randint(8, 16) * 10_000
        parts.append(f"The base salary range for this role is ${low:,} - ${low + 40_000:,} per year.")
    parts.append(BENEFITS.format(c=company))
    return "\n\n".join(parts)


def board_html(text: str) -> str:
    """The posting as a Lever-style board sends it: styled paragraphs, headings, list items as <li><p>."""
    out = []
    for block in text.split("\n\n"):
        lines = block.split("\n")
        if len(lines) > 1:
            out.append("<ul>" + "".join(f"<li><p>{line}</p></li>" for line in lines) + "</ul>")
        elif len(block) < 40:
            out.append(f"<h3><b>{block}</b></h3>")
        else:
            out.append(f'<div><span style="font-size: 11pt; font-family: Arial, sans-serif;">{block}</span></div>')
        out.append("<div>&nbsp;</div>")
    return "\n".join(out)


SOURCES = ("lever", "greenhouse", "ashby")


def make_database(path: Path, n_postings: int, per_company: int = 50) -> None:
    rng = random.Random(7)
    now = datetime.now(timezone.utc)
    versions, postings, board_jobs = [], [], {}
    for i in range(n_postings):
        company = f"Company{i // per_company:03d}"
        source = SOURCES[(i // per_company) % 3]
        team = rng.choice(TEAMS)
        text = posting_text(rng, company, team)
        job_id, version_id = 10_000 + i, 1_000_000 + i
        content_hash = f"{i:064x}"
        seen = now - timedelta(days=rng.randint(0, 60))
        versions.append(
            {
                "version_id": version_id,
                "job_id": job_id,
                "content_hash": content_hash,
                "valid_from": seen,
                "company": company,
                "title": (title := rng.choice(TITLES)),
                "department": "Engineering",
                "team": team,
                "location": rng.choice(["London", "Berlin", "New York, NY", "Remote - US"]),
                "workplace_type": rng.choice(["hybrid", "remote", "onsite"]),
                "employment_type": "full-time",
                "description_text": text,
            }
        )
        board_jobs.setdefault((source, company.lower()), []).append(raw_job(source, job_id, title, board_html(text)))
        postings.append(
            {
                "job_id": job_id,
                "source": source,
                "board": company.lower(),
                "external_id": str(job_id),
                "first_seen_at": seen,
                "last_seen_at": now,
                "current_version_id": version_id,
                "current_hash": content_hash,
            }
        )
    payloads = {board: payload_row(*board, jobs, now) for board, jobs in board_jobs.items()}
    for version, posting in zip(versions, postings):
        version["payload_hash"] = payloads[(posting["source"], posting["board"])]["payload_hash"]
    con = connect(path)
    migrate(con)
    refresh_views(con)
    con.register("r", pa.Table.from_pylist(list(payloads.values())))
    con.execute("insert into raw_payloads by name select * from r")
    con.register("v", pa.Table.from_pylist(versions))
    con.register("p", pa.Table.from_pylist(postings))
    con.execute("insert into posting_versions by name select * from v")
    con.execute("insert into postings by name select * from p")
    con.close()
    # The nightly flow extracts facts before analyses: the analysis stage reads them, as it does here.
    extract_new_facts(dataclasses.replace(make_config(path), feeds=()))


def bench_offline(db: Path, work: Path) -> None:
    copy = work / "offline.duckdb"
    shutil.copy(db, copy)
    config = dataclasses.replace(make_config(copy, backend="offline"), feeds=())  # every board is a company
    started = time.perf_counter()
    summary = analyze(config, copy)
    stage_s = time.perf_counter() - started
    con = connect(copy, read_only=True)
    cur = con.execute(
        "select p.job_id, p.current_version_id as version_id, p.current_hash as input_hash, p.source, "
        "p.board, v.* exclude (job_id, version_id) from postings p join posting_versions v "
        "on v.version_id = p.current_version_id"
    )
    rows = [dict(zip([d[0] for d in cur.description], r)) for r in cur.fetchall()]
    con.close()
    jobs = [job_input(row, set()) for row in rows]
    started = time.perf_counter()
    for job in jobs:
        offline.analyze_job(job)
    pure_s = time.perf_counter() - started
    print(f"offline analyzer: {len(jobs) / pure_s:,.0f} analyses/s on one core ({len(jobs)} postings, facts given)")
    print(
        f"offline stage end to end: {summary.n_done} analyses in {stage_s:.1f} s = {summary.n_done / stage_s:,.0f}/s "
        f"(reading postings and their stored facts, analysis, writing); grounded share {summary.grounded_share:.2f}"
    )


def bench_model(db: Path, work: Path, latency: float, rpm: int) -> None:
    copy = work / "model.duckdb"
    shutil.copy(db, copy)
    with FakeServer(latency_s=latency, rpm_limit=rpm) as server:
        config = make_config(
            copy,
            api_key="bench",
            base_url=server.base_url,
            requests_per_minute=rpm,
            max_concurrency=8,
            max_cost_usd=100.0,
            request_timeout_s=30.0,
        )
        config = dataclasses.replace(config, feeds=())
        plan = plan_analyses(config, copy)
        print_chars_sent("synthetic boards", [t for t in plan.tasks if t.kind == "job"])
        started = time.perf_counter()
        summary = analyze(config, copy)
        elapsed = time.perf_counter() - started
        sustained = summary.n_requests_sent / elapsed * 60
        state = server.state
        sending = (state.n_http - state.n_rate_limited - 1) / (state.last_admitted_at - state.first_admitted_at) * 60
        lost = summary.n_requested - summary.n_done
        print(
            f"model run: {summary.n_requests_sent} requests in {elapsed:.1f} s end to end = "
            f"{sustained:.0f} requests/min = {sustained / rpm:.0%} of the {rpm} RPM limit; "
            f"while sending {sending:.0f}/min = {sending / rpm:.0%}; "
            f"{server.state.n_rate_limited} answered 429; "
            f"{summary.n_done}/{summary.n_requested} analyses stored, {lost} lost; "
            f"grounded share {summary.grounded_share:.2f}; cost ${summary.cost_usd:.2f}"
        )
        before = server.state.n_http
        again = analyze(config, copy)
        print(f"re-run: {server.state.n_http - before} requests sent, {again.n_cached} up to date")


def bench_captured(feeds_dir: Path) -> None:
    """Characters sent against raw HTML on real captured board payloads (read in place, never copied)."""
    from pipeline.feeds import SOURCES
    from pipeline.facts.boilerplate import company_boilerplate

    tasks = []
    for source, module in SOURCES.items():
        for path in sorted((feeds_dir / source).glob("*.json")):
            try:
                jobs = module.parse_payload(path.read_bytes())
            except ValueError:
                continue  # a single-posting document, not a board
            postings = [(job, module.to_posting(job, path.stem)) for job in jobs]
            boilerplate = company_boilerplate([p.description_text for _, p in postings])
            for job, post in postings:
                row = {
                    "job_id": 0,
                    "version_id": 0,
                    "input_hash": "",
                    "source": source,
                    "board": path.stem,
                    "company": post.company,
                    "title": post.title,
                    "description_text": post.description_text,
                    "location": post.location,
                    "department": post.department,
                    "team": post.team,
                    "workplace_type": post.workplace_type,
                    "employment_type": post.employment_type,
                }
                tasks.append(job_task(job_input(row, boilerplate, job), "job-v1", 6000))
    if tasks:
        print_chars_sent("captured real boards", tasks)


def print_chars_sent(label: str, tasks: list) -> None:
    """Characters per request, all of it and without the fixed instructions (a cached prefix), against raw HTML."""
    n, raw = len(tasks), sum(t.source_input.raw_chars for t in tasks)
    sent = sum(t.chars for t in tasks)
    own = sum(len(t.messages[-1]["content"]) for t in tasks)
    print(
        f"characters sent per job analysis, {label} ({n} postings, {raw / n:,.0f} characters of raw HTML each): "
        f"{sent / n:,.0f} = {sent / raw:.0%} of the raw HTML; without the fixed instructions {own / n:,.0f} = "
        f"{own / raw:.0%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=2000)
    parser.add_argument("--latency", type=float, default=0.3)
    parser.add_argument("--rpm", type=int, default=600)
    parser.add_argument("--offline-only", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="jobpipe-bench-"))
    try:
        db = work / "base.duckdb"
        make_database(db, args.postings)
        bench_offline(db, work)
        if (ROOT.parent / "shared" / "feeds").is_dir():
            bench_captured(ROOT.parent / "shared" / "feeds")
        if not args.offline_only:
            bench_model(db, work, args.latency, args.rpm)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
