"""Ashby job board API: GET {base}/posting-api/job-board/{board}?includeCompensation=true → {"jobs": [...]}."""

from __future__ import annotations

from urllib.parse import quote

from pipeline.feeds.common import (
    check_jobs,
    employment_type,
    jobs_in,
    load_json,
    parse_timestamp,
    text_or_none,
    workplace_type,
)
from pipeline.posting import Posting
from pipeline.text import clean_text, html_to_text

DEFAULT_BASE_URL = "https://api.ashbyhq.com"
VOLATILE_KEYS: frozenset[str] = frozenset()


def fetch_board(http, base_url: str, board: str, etag: str | None = None, last_modified: str | None = None):
    url = f"{base_url.rstrip('/')}/posting-api/job-board/{quote(board, safe='')}"
    return http.get(url, params={"includeCompensation": "true"}, etag=etag, last_modified=last_modified)


def parse_payload(body: bytes) -> list[dict]:
    jobs = check_jobs(jobs_in(load_json(body), "jobs", "jobs"), "id", "title", "job")
    # An unlisted job is reachable by its link only: it is not on the board, so it is not a posting.
    return [job for job in jobs if job.get("isListed") is not False]


def external_id(job: dict) -> str:
    return str(job["id"])


def to_posting(job: dict, board: str) -> Posting:
    return Posting(
        source="ashby",
        board=board,
        external_id=external_id(job),
        title=job["title"].strip(),
        description_text=description_text(job),
        department=text_or_none(job.get("department")),
        team=text_or_none(job.get("team")),
        location=text_or_none(job.get("location")) or _address_locality(job.get("address")),
        workplace_type=_workplace(job),
        employment_type=employment_type(job.get("employmentType")),
        url=job.get("jobUrl") or None,
        apply_url=job.get("applyUrl") or None,
        published_at=parse_timestamp(job.get("publishedAt")),
        raw=job,
    )


def description_text(job: dict) -> str:
    markup = job.get("descriptionHtml")
    if isinstance(markup, str) and markup.strip():
        return html_to_text(markup)
    plain = job.get("descriptionPlain")
    return clean_text(plain) if isinstance(plain, str) else ""


def _workplace(job: dict) -> str | None:
    # isRemote is true on hybrid jobs too, so it only speaks when workplaceType is absent.
    if job.get("workplaceType") is not None:
        return workplace_type(job.get("workplaceType"))
    return "remote" if job.get("isRemote") is True else None


def _address_locality(address) -> str | None:
    postal = address.get("postalAddress") if isinstance(address, dict) else None
    return text_or_none(postal.get("addressLocality")) if isinstance(postal, dict) else None
