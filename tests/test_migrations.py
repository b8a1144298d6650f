"""Schema migrations: applied in order, once each, keeping the rows stored before them."""

from __future__ import annotations

from datetime import datetime, timezone

import duckdb

from pipeline.db import SQL_DIR, migrate


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


def test_versions_stored_before_005_keep_their_rows_without_raw_json(tmp_path):
    con = duckdb.connect(str(tmp_path / "db.duckdb"))
    migrated_to(con, 4)
    con.execute("insert into posting_versions (version_id, job_id, content_hash, valid_from, title, description_text, "
                "payload_hash, raw_json) values (1, 1, 'h', now(), 'Role', 'Text', 'p', '{\"id\": 1}')")  # fmt: skip
    assert migrate(con)[0] == "005_job_json_from_payloads"
    columns = {r[0] for r in con.execute("describe posting_versions").fetchall()}
    assert "raw_json" not in columns and "payload_hash" in columns  # the job JSON is read from its payload
    assert con.execute("select title, payload_hash from posting_versions").fetchall() == [("Role", "p")]
