"""Feed adapters, one module per source, and the registry of sources.

Each source module provides:
    DEFAULT_BASE_URL: str
    VOLATILE_KEYS: frozenset[str]     job keys ignored when deciding whether a job changed
    fetch_board(http, base_url, board, etag=None, last_modified=None) -> HttpResponse   (the only I/O)
    parse_payload(body: bytes) -> list[dict]    the job objects; raises PayloadError on a wrong shape
    external_id(job: dict) -> str
    to_posting(job: dict, board: str) -> Posting
"""

from pipeline.feeds import ashby, greenhouse, lever

SOURCES = {
    "greenhouse": greenhouse,
    "lever": lever,
    "ashby": ashby,
}
