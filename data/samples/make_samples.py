"""Writes the demo's sample job boards for two nights: python data/samples/make_samples.py (deterministic)."""

from __future__ import annotations

import dataclasses
import json
import sys
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from companies import COMPANIES, Company, Role  # noqa: E402
from formats import ashby_job, greenhouse_job, lever_posting  # noqa: E402

HERE = Path(__file__).resolve().parent
NIGHTS = {
    "night1": datetime(2026, 7, 20, 3, 0, tzinfo=timezone.utc),
    "night2": datetime(2026, 7, 21, 3, 0, tzinfo=timezone.utc),
}
NAMESPACE = uuid.UUID("5f2b8c1e-7a43-4d8e-9b61-0c3a2f1d4e57")


def main() -> None:
    (HERE / "demo.toml").write_text(demo_config(), encoding="utf-8")
    print("wrote demo.toml")
    for night in NIGHTS:
        for company in COMPANIES:
            path = HERE / night / company.source / f"{company.board}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(dump(board_payload(company, night)), encoding="utf-8")
            print(f"wrote {path.relative_to(HERE)}")


def demo_config() -> str:
    """The feeds of `jobpipe demo`, which points every source at its local server."""
    lines = ["# The demo's feeds: invented companies, served from night*/ by a local server (written by make_samples.py)."]
    for company in COMPANIES:
        lines += ["", "[[feeds]]", f'source = "{company.source}"', f'board = "{company.board}"', f'company = "{company.name}"']
    return "\n".join(lines) + "\n"


def board_payload(company: Company, night: str):
    roles = roles_on(company, night)
    context = {"company": company, "night": night, "touched_at": NIGHTS[night] - timedelta(hours=5, minutes=17)}
    if company.source == "greenhouse":
        jobs = [greenhouse_job(company, role, ids(company, role), published(company, role), context) for role in roles]
        return {"jobs": jobs, "meta": {"total": len(jobs)}}
    if company.source == "lever":
        return [lever_posting(company, role, str(uuid_of(company, role)), published(company, role)) for role in roles]
    jobs = [ashby_job(company, role, str(uuid_of(company, role)), published(company, role)) for role in roles]
    return {"apiVersion": "1", "jobs": jobs}


def roles_on(company: Company, night: str) -> list[Role]:
    """Night 1: the company's roles. Night 2: some closed, some edited, some new."""
    if night == "night1":
        return list(company.roles)
    kept = [dataclasses.replace(r, **company.edits.get(r.key, {})) for r in company.roles if r.key not in company.removed]
    return kept + list(company.added)


def all_roles(company: Company) -> list[Role]:
    return [*company.roles, *company.added]


def ids(company: Company, role: Role) -> tuple[int, int]:
    """Greenhouse post id and internal_job_id: stable across nights; posts of one job share the internal id."""
    offset = (sum(map(ord, company.board)) % 50) * 1000
    index = [r.key for r in all_roles(company)].index(role.key)
    owner = [r.key for r in all_roles(company)].index(role.shares_with) if role.shares_with else index
    return (4_700_000 + offset + index * 97) * 1000 + 8, (3_900_000 + offset + owner * 89) * 1000 + 8


def uuid_of(company: Company, role: Role) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{company.board}/{role.key}")


def published(company: Company, role: Role) -> datetime:
    """When the post went live: days_ago before the night it first appeared, at a working hour."""
    first_night = NIGHTS["night1"] if role.key in {r.key for r in company.roles} else NIGHTS["night2"]
    seed = sum(map(ord, f"{company.board}/{role.key}"))
    return first_night - timedelta(
        days=role.days_ago, hours=6 + seed % 9, minutes=seed % 53, seconds=seed % 41, milliseconds=seed * 37 % 1000
    )


def dump(payload) -> str:
    """Pretty JSON, readable in a diff: non-ASCII kept, but invisible characters written as escapes."""
    text = json.dumps(payload, indent=2, ensure_ascii=False)
    for char in ("\u00a0", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"):
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text + "\n"


if __name__ == "__main__":
    main()
