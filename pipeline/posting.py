"""The source-neutral posting shape every feed adapter maps into."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

WORKPLACE_TYPES = ("remote", "hybrid", "onsite")
EMPLOYMENT_TYPES = ("full-time", "part-time", "contract", "temporary", "internship")


class PayloadError(ValueError):
    """A fetched document that is not the board listing its source promises (one readable line)."""


@dataclass(frozen=True, slots=True)
class Posting:
    """One job as jobpipe stores it. Source-specific extras stay in `raw` (the job's own JSON)."""

    source: str
    board: str
    external_id: str
    title: str
    description_text: str
    company: str | None = None
    department: str | None = None
    team: str | None = None
    location: str | None = None
    workplace_type: str | None = None  # one of WORKPLACE_TYPES, or None when the feed does not say
    employment_type: str | None = None  # one of EMPLOYMENT_TYPES, or None
    url: str | None = None
    apply_url: str | None = None
    published_at: datetime | None = None  # timezone-aware UTC
    raw: dict = field(default_factory=dict, compare=False, repr=False)
