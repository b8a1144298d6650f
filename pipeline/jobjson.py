"""Each posting version's own job JSON, read from the payload that brought the version.

Every fetched body is kept once in raw_payloads; a version records the payload it came from
(posting_versions.payload_hash), and within it the job is the one with the posting's external id,
exactly as the board served it.
"""

from __future__ import annotations

from collections.abc import Iterable

from isal.isal_zlib import decompress

from pipeline.feeds import SOURCES
from pipeline.posting import PayloadError


def payload_jobs(source: str, body_zlib: bytes) -> dict[str, dict]:
    """Every job of a stored payload by external id (the first of a repeated id, as ingest takes it).

    Empty when the payload does not parse as its source's board (it could not have brought versions, or
    a later parser is stricter): readers then go on without the job JSON, as for a version with none.
    """
    module = SOURCES[source]
    try:
        listed = module.parse_payload(decompress(body_zlib))
    except PayloadError:
        return {}
    jobs: dict[str, dict] = {}
    for job in listed:
        jobs.setdefault(module.external_id(job), job)
    return jobs


def jobs_of(con, wanted: Iterable[tuple[str | None, str]]) -> dict[tuple[str, str], dict]:
    """The job JSON of each (payload_hash, external_id) asked for, reading each payload once.

    Pairs whose payload is unknown (a version stored without one) are left out.
    """
    by_payload: dict[str, set[str]] = {}
    for payload_hash, external_id in wanted:
        if payload_hash is not None:
            by_payload.setdefault(payload_hash, set()).add(external_id)
    found = {}
    for payload_hash, ids in by_payload.items():
        row = con.execute("select source, body_zlib from raw_payloads where payload_hash = ?", [payload_hash]).fetchone()
        if row is not None:
            jobs = payload_jobs(*row)
            found.update({(payload_hash, ext): jobs[ext] for ext in ids if ext in jobs})
    return found


def version_job(con, job_id: int, version_id: int | None = None) -> dict | None:
    """The job JSON of a posting's current version (or of version_id), None when there is no such posting."""
    row = con.execute(
        """select v.payload_hash, p.external_id
           from postings as p join posting_versions as v on v.job_id = p.job_id
           where p.job_id = $job_id and v.version_id = coalesce($version_id, p.current_version_id)""",
        {"job_id": job_id, "version_id": version_id},
    ).fetchone()
    if row is None:
        return None
    return jobs_of(con, [row]).get(tuple(row))
