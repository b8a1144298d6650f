"""Greenhouse job board API: GET {base}/v1/boards/{board}/jobs?content=true → {"jobs": [...], "meta": {...}}."""

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
from pipeline.text import html_to_text

DEFAULT_BASE_URL = "https://boards-api.greenhouse.io"
# Greenhouse touches updated_at on every job of a board at once, so it says nothing about a posting.
VOLATILE_KEYS = frozenset({"updated_at"})

_WORKPLACE_FIELDS = ("location type", "workplace type", "remote status", "work location type", "remote")
_EMPLOYMENT_FIELDS = ("employment type", "employment status", "job type", "commitment", "time type")


def fetch_board(http, base_url: str, board: str, etag: str | None = None, last_modified: str | None = None):
    url = f"{base_url.rstrip('/')}/v1/boards/{quote(board, safe='')}/jobs"
    return http.get(url, params={"content": "true"}, etag=etag, last_modified=last_modified)


def parse_payload(body: bytes) -> list[dict]:
    return check_jobs(jobs_in(load_json(body), "jobs", "jobs"), "id", "title", "job")


def external_id(job: dict) -> str:
    # Several posts of one job (one per location, say) share internal_job_id; each post is its own posting.
    return str(job["id"])


def to_posting(job: dict, board: str) -> Posting:
    return Posting(
        source="greenhouse",
        board=board,
        external_id=external_id(job),
        title=job["title"].strip(),
        description_text=description_text(job.get("content")),
        company=text_or_none(job.get("company_name")),
        department=_first_name(job.get("departments")),
        location=_location(job),
        workplace_type=workplace_type(_metadata(job, _WORKPLACE_FIELDS)) or _workplace_from_location(job),
        employment_type=employment_type(_metadata(job, _EMPLOYMENT_FIELDS)),
        url=job.get("absolute_url") or None,
        # first_published is when the post went live; updated_at moves whenever anything on the board moves.
        published_at=parse_timestamp(job.get("first_published")) or parse_timestamp(job.get("updated_at")),
        raw=job,
    )


def description_text(content) -> str:
    """content is HTML escaped once more: undo that once, then HTML to text."""
    if not isinstance(content, str) or not content:
        return ""
    # str.replace beats html.unescape by far on markup where every tag is escaped; &amp; goes last so
    # that '&amp;lt;' (a literal '<' in the text) stays an entity for the HTML parser to decode.
    markup = content.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&#39;", "'")
    return html_to_text(markup.replace("&#x27;", "'").replace("&amp;", "&"))


def _metadata(job: dict, names: tuple[str, ...]) -> str | None:
    for field in job.get("metadata") or ():
        if isinstance(field, dict) and str(field.get("name", "")).strip().lower() in names:
            value = field.get("value")
            if isinstance(value, list):  # multi_select
                value = value[0] if len(value) == 1 else None
            return value if isinstance(value, str) else None
    return None


def _first_name(items) -> str | None:
    if isinstance(items, list) and items and isinstance(items[0], dict):
        return text_or_none(items[0].get("name"))
    return None


def _location(job: dict) -> str | None:
    location = job.get("location")
    name = location.get("name") if isinstance(location, dict) else None
    return text_or_none(name) or _first_name(job.get("offices"))


def _workplace_from_location(job: dict) -> str | None:
    words = (_location(job) or "").lower().replace("-", " ").replace("(", " ").replace(")", " ").split()
    return "remote" if "remote" in words else "hybrid" if "hybrid" in words else None
