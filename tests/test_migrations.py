"""Schema migrations: applied in order once, and data steps that rewrite what earlier ones stored."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import duckdb

from pipeline.db import SQL_DIR, migrate
from pipeline.prepare import job_json


def migrated_to(con, last: int) -> None:
    """The database as a jobpipe of migration `last` left it (SQL steps only up to then)."""
    con.execute("create table schema_migrations (version integer primary key, name varchar, applied_at timestamptz)")
    for path in sorted((SQL_DIR / "schema").glob("[0-9][0-9][0-9]_*.sql")):
        if int(path.name[:3]) <= last:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("insert into schema_migrations values (?, ?, ?)",
                        [int(path.name[:3]), path.stem, datetime.now(timezone.utc)])  # fmt: skip


def test_migrate_applies_every_step_once(tmp_path):
    con = duckdb.connect(str(tmp_path / "db.duckdb"))
    applied = migrate(con)
    assert applied and applied == sorted(applied)
    assert migrate(con) == []
    versions = [r[0] for r in con.execute("select version from schema_migrations order by 1").fetchall()]
    assert versions == [int(name[:3]) for name in applied]


def test_raw_json_of_earlier_versions_is_compressed_not_lost(tmp_path):
    con = duckdb.connect(str(tmp_path / "db.duckdb"))
    migrated_to(con, 4)
    jobs = [{"id": n, "title": f"Role {n}", "content": "&lt;p&gt;Ünïcode ✓&lt;/p&gt;" * n} for n in range(3)]
    for n, job in enumerate(jobs):
        con.execute(
            "insert into posting_versions (version_id, job_id, content_hash, valid_from, title, description_text, "
            "raw_json) values (?, ?, ?, now(), ?, '', ?)",
            [n, n, str(n), job["title"], json.dumps(job, ensure_ascii=False) if n else None],
        )
    assert [name for name in migrate(con) if name.startswith("005")] == ["005_raw_json_compressed"]
    columns = {r[0] for r in con.execute("describe posting_versions").fetchall()}
    assert "raw_zlib" in columns and "raw_json" not in columns
    stored = dict(con.execute("select version_id, raw_zlib from posting_versions").fetchall())
    assert stored[0] is None
    assert [job_json(stored[n]) for n in (1, 2)] == jobs[1:]
