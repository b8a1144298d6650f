"""What the feed adapters share: reading a payload, and mapping free-form labels onto the Posting vocabulary."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

from pipeline.posting import PayloadError
from pipeline.text import clean_text

try:  # four times faster than json on board-sized documents (and a dependency of prefect)
    import orjson

    _loads = orjson.loads
    _DecodeError: tuple[type[Exception], ...] = (orjson.JSONDecodeError, json.JSONDecodeError)
except ImportError:  # pragma: no cover - json gives the same results, only slower
    _loads = json.loads
    _DecodeError = (json.JSONDecodeError, UnicodeDecodeError)

_MARKUP_START = re.compile(rb"\s*<")
_TITLE = re.compile(rb"<title[^>]*>([^<]{1,200})", re.I)

_EMPLOYMENT_EXACT = {
    "fulltime": "full-time", "permanent": "full-time", "regular": "full-time", "fulltimeemployee": "full-time",
    "parttime": "part-time", "contract": "contract", "contractor": "contract", "freelance": "contract",
    "temporary": "temporary", "temp": "temporary", "fixedterm": "temporary", "seasonal": "temporary",
    "intern": "internship", "internship": "internship", "coop": "internship", "apprenticeship": "internship",
}  # fmt: skip
# Checked in order on the words of a longer label ("Full Time - Fixed Term", "Contract to hire", "Summer Intern").
_EMPLOYMENT_WORDS = (
    ({"intern", "internship", "interns", "coop", "apprentice", "apprenticeship", "trainee"}, "internship"),
    ({"contract", "contractor", "freelance", "freelancer", "consultant"}, "contract"),
    ({"temporary", "temp", "seasonal", "fixed"}, "temporary"),
    ({"part"}, "part-time"),
    ({"full", "fulltime", "permanent", "regular", "salaried"}, "full-time"),
)
_WORKPLACE = {
    "remote": "remote", "fullyremote": "remote", "remotefirst": "remote", "wfh": "remote",
    "hybrid": "hybrid",
    "onsite": "onsite", "inoffice": "onsite", "office": "onsite", "inperson": "onsite", "officebased": "onsite",
}  # fmt: skip


def load_json(body: bytes) -> Any:
    """The parsed document, or a PayloadError saying in one line why it is not JSON."""
    if body.startswith(b"\xef\xbb\xbf"):
        body = body[3:]
    if not body or body.isspace():
        raise PayloadError("empty body, not JSON")
    if _MARKUP_START.match(body):
        title = _TITLE.search(body[:8192])
        detail = f" (title: {_one_line(title.group(1).decode('utf-8', 'replace'))})" if title else ""
        raise PayloadError(f"got an HTML page, not JSON{detail}")
    try:
        return _loads(body)
    except _DecodeError as exc:
        raise PayloadError(f"malformed JSON: {_one_line(str(exc))}") from None


def jobs_in(document: Any, key: str, what: str) -> list[dict]:
    """document[key] as a list of job objects, for the sources that wrap their jobs in an object."""
    if not isinstance(document, dict):
        raise PayloadError(f"expected a JSON object with a '{key}' list, got {describe(document)}")
    if key not in document:
        raise PayloadError(f"expected a JSON object with a '{key}' list, got an object with keys {_keys(document)}")
    jobs = document[key]
    if not isinstance(jobs, list):
        raise PayloadError(f"'{key}' is {describe(jobs)}, expected a list of {what}")
    return jobs


def check_jobs(jobs: list, id_key: str, title_key: str, what: str) -> list[dict]:
    """Every job an object with an id and a title; the first one that is not makes the payload wrong."""
    for n, job in enumerate(jobs, start=1):
        if not isinstance(job, dict):
            raise PayloadError(f"{what} #{n} is {describe(job)}, expected an object")
        if job.get(id_key) in (None, ""):
            raise PayloadError(f"{what} #{n} has no '{id_key}'")
        title = job.get(title_key)
        if not isinstance(title, str) or not title.strip():
            raise PayloadError(f"{what} #{n} (id {_one_line(str(job[id_key]))}) has no '{title_key}'")
    return jobs


def describe(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def employment_type(label: Any) -> str | None:
    """'Full-time', 'Permanent', 'FullTime', 'Intern', 'Contract (6 months)' … → the Posting vocabulary or None."""
    return _employment_type(label) if isinstance(label, str) else None


def workplace_type(label: Any) -> str | None:
    """'Remote', 'Hybrid', 'On-Site', 'OnSite', 'onsite', 'In office' → remote|hybrid|onsite; else None."""
    return _workplace_type(label) if isinstance(label, str) else None


@lru_cache(maxsize=4096)  # a board repeats a handful of labels thousands of times
def _employment_type(label: str) -> str | None:
    words = re.findall(r"[a-z]+", label.lower().replace("co-op", "coop"))
    exact = _EMPLOYMENT_EXACT.get("".join(words))
    if exact:
        return exact
    found = set(words) | {"".join(words[i : i + 2]) for i in range(len(words) - 1)}
    for vocabulary, value in _EMPLOYMENT_WORDS:
        if found & vocabulary:
            return value
    return None


@lru_cache(maxsize=4096)
def _workplace_type(label: str) -> str | None:
    return _WORKPLACE.get("".join(re.findall(r"[a-z]+", label.lower())))


def parse_timestamp(value: Any) -> datetime | None:
    """An ISO 8601 string (any offset, or 'Z') as an aware UTC datetime; None when absent or unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def from_epoch_ms(value: Any) -> datetime | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return datetime.fromtimestamp(value / 1000, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


def text_or_none(value: Any) -> str | None:
    """A short label field (location, team …): trimmed, with no-break and zero-width spaces cleaned."""
    if not isinstance(value, str):
        return None
    cleaned = " ".join((value if value.isascii() else clean_text(value)).split())
    return cleaned or None


def _keys(document: dict) -> str:
    keys = [str(k) for k in list(document)[:6]]
    return ", ".join(repr(k) for k in keys) + (", …" if len(document) > 6 else "") if keys else "none"


def _one_line(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
