"""Small job-board payloads in the real API formats, written for the tests."""

from __future__ import annotations

import html

BODY = (
    "<p>We are hiring a {title} to build and run the systems our customers rely on every day.</p>"
    "<h3>What you will do</h3><ul><li>Design services in Python and Go</li><li>Own them in production</li></ul>"
    "<p>Posting number {n}.</p>"
)


def lever_job(n: int, title: str | None = None, workplace: str = "remote", location: str = "London") -> dict:
    title = title or f"Engineer {n}"
    body = BODY.format(title=title, n=n)
    return {
        "id": f"00000000-0000-4000-8000-{n:012d}",
        "text": title,
        "categories": {"commitment": "Full-time", "department": "Engineering", "team": "Platform",
                       "location": location, "allLocations": [location]},
        "createdAt": 1767225600000 + n * 1000,
        "description": body,
        "descriptionPlain": html.unescape(body.replace("<li>", "\n- ").replace("</p>", "\n")),
        "lists": [{"text": "Requirements", "content": "<li>Five years of backend work</li>"}],
        "additional": "<p>We are an equal opportunity employer.</p>",
        "additionalPlain": "We are an equal opportunity employer.",
        "hostedUrl": f"https://jobs.example.com/acme/{n}",
        "applyUrl": f"https://jobs.example.com/acme/{n}/apply",
        "workplaceType": workplace,
        "country": "GB",
    }


def greenhouse_job(n: int, title: str | None = None, updated_at: str = "2026-11-01T10:00:00-04:00") -> dict:
    title = title or f"Analyst {n}"
    return {
        "absolute_url": f"https://jobs.example.com/globex/jobs/{n}",
        "internal_job_id": 9000 + n // 2,
        "location": {"name": "New York, NY"},
        "metadata": [{"id": 1, "name": "Location Type", "value": "Hybrid", "value_type": "single_select"}],
        "id": n,
        "updated_at": updated_at,
        "requisition_id": str(n),
        "title": title,
        "company_name": "Globex",
        "first_published": "2026-10-01T09:00:00-04:00",
        "language": "en",
        "content": html.escape(BODY.format(title=title, n=n)),
        "departments": [{"id": 1, "name": "Finance", "child_ids": [], "parent_id": None}],
        "offices": [{"id": 2, "name": "New York", "location": "New York, NY", "child_ids": [], "parent_id": None}],
    }


def greenhouse_board(jobs: list[dict]) -> dict:
    return {"jobs": jobs, "meta": {"total": len(jobs)}}
