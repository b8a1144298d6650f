"""A small fixed database for digest tests: four companies over ISO weeks 2026-W46 and W47, with facts and analyses."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from pipeline.db import connect, migrate, refresh_views

WEEK = "2026-W47"  # Monday 2026-11-16 to Sunday 2026-11-22
XSS_TITLES = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")
HOSTILE_COMPANY = "Dyno $5 & <i>Labs</i>"  # markup for HTML, "$" for chart labels
FEEDS = {
    "acme": ("greenhouse", "acme", "Acme Robotics"),
    "borealis": ("lever", "borealis", "Borealis Data"),
    "cobalt": ("ashby", "cobalt", "Cobalt Pay"),
    "dyno": ("greenhouse", "dyno", HOSTILE_COMPANY),
}
RUNS = {"w46": "2026-11-10", "w47a": "2026-11-17", "w47b": "2026-11-20"}
LAST_RUN = RUNS["w47b"]


def at(day: str, hour: int = 3) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=timezone.utc)


def pay(low, high, currency, period="year", usd=None, seniority=None, skills=(), years=None) -> dict:
    """Facts of one version; usd is the (min, max) converted annual figure."""
    converted = usd or ((low, high) if currency == "USD" else (None, None))
    return {
        "salary_min": low, "salary_max": high, "salary_currency": currency, "salary_period": period,
        "salary_annual_min": low, "salary_annual_max": high, "salary_source": "posted" if low else None,
        "salary_converted_annual_min": converted[0], "salary_converted_annual_max": converted[1],
        "salary_reporting_currency": "USD", "seniority": seniority, "years_experience_min": years,
        "visa_sponsorship": "unknown", "skills": list(skills),
    }  # fmt: skip


def no_pay(seniority=None, skills=()) -> dict:
    return pay(None, None, None, None, usd=(None, None), seniority=seniority, skills=skills)


# job_id: feed, title, department, location, workplace, first seen, closed, facts,
#         later versions [(day, changes, facts)]
POSTINGS = {
    1: ("acme", "Senior Data Engineer", "Data", "Berlin", "hybrid", "2026-09-01", "2026-11-17",
        pay(80000, 95000, "EUR", usd=(93000, 110000), seniority="senior", skills=["Python", "Spark"]), []),
    2: ("acme", "Backend Engineer, Kafka Streaming", "Engineering", "Remote - EU", "remote", "2026-11-17", None,
        pay(70000, 90000, "EUR", usd=(81000, 104000), seniority="mid", skills=["Kafka", "Java", "PostgreSQL"], years=3),
        []),
    3: ("acme", "Robotics Software Engineer", "Engineering", "Munich", "onsite", "2026-11-10", None,
        pay(75000, 85000, "EUR", usd=(87000, 99000), seniority="mid", skills=["C++", "ROS"]),
        [("2026-11-20", {"title": "Senior Robotics Software Engineer"},
          pay(90000, 105000, "EUR", usd=(104000, 122000), seniority="senior", skills=["C++", "ROS"]))]),
    4: ("acme", XSS_TITLES[0], "Engineering", "Berlin", None, "2026-11-17", None, no_pay(skills=["Python"]), []),
    5: ("borealis", "Machine Learning Engineer, Personalization", "Data", "London", "hybrid", "2026-11-17", None,
        pay(85000, 110000, "GBP", usd=(108000, 140000), seniority="senior", skills=["Python", "PyTorch", "Kafka"]),
        []),
    6: ("borealis", "Staff Site Reliability Engineer", "Infrastructure", "Remote - US", "remote", "2026-10-01", None,
        pay(190000, 230000, "USD", seniority="staff", skills=["Kubernetes", "Terraform", "Go"]),
        [("2026-11-17", {"workplace_type": "hybrid", "location": "Seattle"},
          pay(190000, 230000, "USD", seniority="staff", skills=["Kubernetes", "Terraform", "Go"]))]),
    7: ("borealis", "Data Analyst", "Data", "London", "onsite", "2026-11-10", "2026-11-17",
        pay(45000, 55000, "GBP", usd=(57000, 70000), seniority="entry", skills=["SQL"]), []),
    8: ("borealis", XSS_TITLES[1], "Data", "London", "hybrid", "2026-11-20", None, no_pay(skills=["SQL"]), []),
    9: ("cobalt", "Product Designer", "Design", "New York", "onsite", "2026-11-17", None,
        pay(130000, 160000, "USD", seniority="mid", skills=["Figma"]), []),
    10: ("cobalt", "Senior Go Engineer, Payments", "Engineering", "Remote - US", "remote", "2026-11-20", None,
         pay(180000, 220000, "USD", seniority="senior", skills=["Go", "Kafka", "Kubernetes"], years=5), []),
    11: ("cobalt", "Account Executive", "Sales", "New York", "onsite", "2026-11-10", None,
         pay(90000, 120000, "USD", seniority="mid", skills=["Salesforce"]), []),
    12: ("dyno", "Firmware Engineer", "Hardware", "Austin", "onsite", "2026-10-15", None,
         no_pay(seniority="mid", skills=["C"]), []),
}
JOB_ANALYSES = {
    2: "Job Analysis: This role builds the event pipelines behind Acme's robot fleet. The work is Kafka-heavy "
       "stream processing in Java, owned end to end. Success means reliable, observable pipelines.",
    3: "Job Analysis: A hands-on robotics role writing C++ on ROS. Expect on-site lab time in Munich.",
    5: "Job Analysis: Shapes recommendations that are relevant and safe. Design, build and evaluate ML products "
       "with researchers and product managers. The hard part is turning large user data into robust recommenders.",
    9: "Job Analysis: A product design role for merchant tools. Figma fluency and research skills matter.",
    10: "Job Analysis: Payments engineering in Go at scale. Correctness and on-call maturity are how success is "
        "judged.",
}
COMPANY_ANALYSES = {
    "acme": "Company Analysis: Acme Robotics builds warehouse robots and is hiring across engineering.",
    "borealis": "Company Analysis: Borealis Data runs a streaming service; hiring is steady in data roles.",
    "cobalt": "Company Analysis: Cobalt Pay sells payment infrastructure to merchants in the US.",
}
def build_digest_db(path: Path) -> Path:
    """Create the fixture database at path (real migrations and views) and return the path."""
    con = connect(path)
    try:
        migrate(con)
        refresh_views(con)
        for job_id, spec in POSTINGS.items():
            insert_posting(con, job_id, *spec)
        insert_runs(con)
        insert_analyses(con)
    finally:
        con.close()
    return path


def insert_facts(con, version_id: int, facts: dict) -> None:
    row = {"version_id": version_id, "extractor_version": "fixture", "extracted_at": at(LAST_RUN, 4), **facts,
           "facts_json": json.dumps(facts)}  # fmt: skip
    con.execute(
        f"insert into version_facts ({', '.join(row)}) values ({', '.join('?' * len(row))})", list(row.values())
    )


def insert_posting(con, job_id, feed, title, department, location, workplace, first_day, closed_day, facts, later):
    source, board, company = FEEDS[feed]
    content = {"title": title, "department": department, "location": location, "workplace_type": workplace}
    versions = [(first_day, dict(content), facts)]
    for day, changes, new_facts in later:
        content.update(changes)
        versions.append((day, dict(content), new_facts))
    for n, (day, fields, version_facts) in enumerate(versions):
        valid_to = at(versions[n + 1][0]) if n + 1 < len(versions) else None
        version_id = job_id * 10 + n
        con.execute(
            """insert into posting_versions (version_id, job_id, content_hash, valid_from, valid_to, company, title,
                   department, location, workplace_type, employment_type, url, description_text)
               values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'full-time', ?, ?)""",
            [version_id, job_id, f"h{version_id}", at(day), valid_to, company, fields["title"], fields["department"],
             fields["location"], fields["workplace_type"], f"https://jobs.example.com/{board}/{job_id}",
             describe(fields["title"], company, version_facts["skills"])],
        )  # fmt: skip
        insert_facts(con, version_id, version_facts)
    last_seen = at(RUNS["w46"]) if closed_day else at(LAST_RUN)  # closed: missing from the first W47 run
    con.execute(
        """insert into postings (job_id, source, board, external_id, first_seen_at, last_seen_at, closed_at,
                                 current_version_id, current_hash, n_versions)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [job_id, source, board, f"ext-{job_id}", at(first_day), last_seen, at(closed_day) if closed_day else None,
         job_id * 10 + len(versions) - 1, f"h{job_id * 10 + len(versions) - 1}", len(versions)],
    )  # fmt: skip


def describe(title: str, company: str, skills: list[str]) -> str:
    work = "streaming data pipelines" if "Kafka" in skills else "reliable systems"
    return f"{company} is hiring a {title}. You will work with a small team on {work}. We value clear writing."


def insert_runs(con) -> None:
    for run_id, day in RUNS.items():
        con.execute("insert into runs values (?, 'run', ?, ?, 'ok', 4, 0)", [run_id, at(day), at(day, 4)])
        for feed, (source, board, company) in FEEDS.items():
            failed = feed == "dyno" and run_id != "w46"
            n_seen = sum(1 for spec in POSTINGS.values() if spec[0] == feed)
            con.execute(
                """insert into feed_results (run_id, source, board, company, status, http_status, n_seen,
                       duration_ms, fetched_at, error) values (?, ?, ?, ?, ?, ?, ?, 120, ?, ?)""",
                [run_id, source, board, company, "failed" if failed else "ok", 500 if failed else 200,
                 0 if failed else n_seen, at(day), "HTTP 500 from the board (server error)" if failed else None],
            )  # fmt: skip


def insert_analyses(con) -> None:
    for job_id, text in JOB_ANALYSES.items():
        version_id = job_id * 10 + len(POSTINGS[job_id][8])
        insert_analysis(con, "job", str(version_id), text, job_id=job_id, version_id=version_id)
    for feed, text in COMPANY_ANALYSES.items():
        source, board, company = FEEDS[feed]
        insert_analysis(con, "company", f"{source}/{board}", text, source=source, board=board, company=company)


def insert_analysis(con, kind, subject, text, **keys) -> None:
    row = {"kind": kind, "subject": subject, "input_hash": f"in-{subject}", "prompt_version": f"{kind}-v1",
           "model": "offline-extractive", "backend": "offline", "created_at": at(LAST_RUN, 5), "is_grounded": True,
           "n_quotes": 0, "n_quotes_grounded": 0, "analysis_json": json.dumps({"text": text}),
           "analysis_text": text, **keys}  # fmt: skip
    con.execute(
        f"insert into analyses ({', '.join(row)}) values ({', '.join('?' * len(row))})", list(row.values())
    )
