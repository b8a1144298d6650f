"""ISO weeks: parse `2026-W48`, find the last complete week, and the bounds the digest queries bind."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


class WeekError(ValueError):
    """A week that is not an ISO week like 2026-W48."""


@dataclass(frozen=True)
class Week:
    year: int
    number: int

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.number:02d}"

    @property
    def start(self) -> date:
        """The Monday that opens the week."""
        return date.fromisocalendar(self.year, self.number, 1)

    @property
    def end(self) -> date:
        """The Sunday that closes the week."""
        return self.start + timedelta(days=6)

    @property
    def starts_at(self) -> datetime:
        return datetime.combine(self.start, datetime.min.time(), tzinfo=timezone.utc)

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(days=7)

    def previous(self) -> Week:
        return week_of(self.start - timedelta(days=7))


def week_of(day: date) -> Week:
    year, number, _ = day.isocalendar()
    return Week(year, number)


def parse_week(text: str) -> Week:
    """`2026-W48` (or `2026W48`); the error names the expected form."""
    match = _WEEK.match(text.strip())
    if not match:
        raise WeekError(f"week {text!r} is not an ISO week like 2026-W48")
    year, number = int(match.group(1)), int(match.group(2))
    try:
        date.fromisocalendar(year, number, 1)
    except ValueError:
        raise WeekError(f"week {text!r} does not exist: {year} has no week {number}") from None
    return Week(year, number)


def last_complete_week(today: date) -> Week:
    """The most recent ISO week that ended before today (on a Monday, the week that just ended)."""
    return week_of(today - timedelta(days=7))
