"""posting_versions.raw_json becomes raw_zlib: each job's own JSON as before, zlib-compressed.

The JSON text was most of the bytes an ingest wrote; compressed it is a quarter of them. Read it back
with pipeline.prepare.job_json() in Python, or job_json(raw_zlib) in `jobpipe sql`.
"""

import pyarrow as pa
from duckdb.sqltypes import BLOB, VARCHAR

from pipeline.prepare import compress_job_json


def _compress(texts: pa.ChunkedArray) -> pa.Array:
    return pa.array([None if t is None else compress_job_json(t.encode()) for t in texts.to_pylist()], pa.binary())


def upgrade(con) -> None:
    # One statement rewrites the column in place (DuckDB refuses an update and a drop of one table in one
    # transaction), then it takes the name that says what it holds now.
    con.create_function("compress_job_json", _compress, [VARCHAR], BLOB, type="arrow")
    try:
        con.execute("alter table posting_versions alter column raw_json set data type blob using compress_job_json(raw_json)")
    finally:
        con.remove_function("compress_job_json")
    con.execute("alter table posting_versions rename column raw_json to raw_zlib")
