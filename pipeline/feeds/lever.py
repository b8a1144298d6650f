"""Lever postings API: GET {base}/v0/postings/{board}?mode=json → a bare JSON array, the whole board at once."""

from __future__ import annotations

import html
from urllib.parse import quote

from pipeline.feeds.common import (
    check_jobs,
    describe,
    employment_type,
    from_epoch_ms,
    load_json,
    text_or_none,
    workplace_type,
)
from pipeline.posting import PayloadError, Posting
from pipeline.text import clean_text, html_to_text

DEFAULT_BASE_URL = "https://api.lever.co"
VOLATILE_KEYS: frozenset[str] = frozenset()


def fetch_board(http, base_url: str, board: str, etag: str | None = None, last_modified: str | None = None):
    url = f"{base_url.rstrip('/')}/v0/postings/{quote(board, safe='')}"
    return http.get(url, params={"mode": "json"}, etag=etag, last_modified=last_modified)


def parse_payload(body: bytes) -> list[dict]:
    document = load_json(body)
    if not isinstance(document, list):
        error = document.get("error") or document.get("message") if isinstance(document, dict) else None
        detail = f" (error: {' '.join(str(error).split())[:160]})" if error else ""
        raise PayloadError(f"expected a JSON array of postings, got {describe(document)}{detail}")
    return check_jobs(document, "id", "text", "posting")


def external_id(job: dict) -> str:
    return str(job["id"])


def to_posting(job: dict, board: str) -> Posting:
    categories = job.get("categories") if isinstance(job.get("categories"), dict) else {}
    return Posting(
        source="lever",
        board=board,
        external_id=external_id(job),
        title=job["text"].strip(),
        description_text=description_text(job),
        department=text_or_none(categories.get("department")),
        team=text_or_none(categories.get("team")),
        location=text_or_none(categories.get("location")) or _first(categories.get("allLocations")),
        workplace_type=workplace_type(job.get("workplaceType")),  # 'unspecified' maps to None
        employment_type=employment_type(categories.get("commitment")),
        url=job.get("hostedUrl") or None,
        apply_url=job.get("applyUrl") or None,
        published_at=from_epoch_ms(job.get("createdAt")),
        raw=job,
    )


def description_text(job: dict) -> str:
    """The body as Lever shows it: description, then each list under its heading, then additional."""
    markup = _str(job.get("description")) + _lists_html(job.get("lists")) + _str(job.get("additional"))
    if markup.strip():
        return html_to_text(markup)
    plain = [_str(job.get("descriptionPlain")), _str(job.get("additionalPlain"))]
    return clean_text("\n\n".join(part for part in plain if part))


def _lists_html(lists) -> str:
    parts = []
    for item in lists if isinstance(lists, list) else ():
        if isinstance(item, dict):
            heading = html.escape(_str(item.get("text")))
            # content is a run of <li> elements, sometimes wrapped in a <div>, never in a list of its own
            parts.append(f"<h3>{heading}</h3><ul>{_str(item.get('content'))}</ul>")
    return "".join(parts)


def _first(values) -> str | None:
    return text_or_none(values[0]) if isinstance(values, list) and values else None


def _str(value) -> str:
    return value if isinstance(value, str) else ""
