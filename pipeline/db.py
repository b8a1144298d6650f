"""The DuckDB file: connect (waiting politely for a busy writer), migrate, refresh views, named SQL."""

from __future__ import annotations

import re
import time
from datetime import datetime, timezone
from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
_LOCK_HINTS = ("could not set lock", "conflicting lock")


class DatabaseBusy(RuntimeError):
    """Another process holds the write lock on the database file."""


class DatabaseMissing(FileNotFoundError):
    """A read was asked of a database that does not exist yet."""


def connect(db_path: str | Path, *, read_only: bool = False, wait_s: float = 0.0) -> duckdb.DuckDBPyConnection:
    """Open the database; while another process holds its lock, retry for up to wait_s seconds."""
    path = Path(db_path)
    if read_only and not path.exists():
        raise DatabaseMissing(f"no database at {path}: run `jobpipe run` (or `jobpipe ingest`) first")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_s
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if not any(hint in str(exc).lower() for hint in _LOCK_HINTS):
                raise
            if time.monotonic() >= deadline:
                raise DatabaseBusy(_busy_message(path, str(exc), wait_s)) from None
            time.sleep(0.2)


def _busy_message(path: Path, error: str, waited: float) -> str:
    pid = re.search(r"PID (\d+)", error)
    holder = f"process {pid.group(1)}" if pid else "another process"
    return f"the database {path} is busy: {holder} (a jobpipe run?) is writing to it; waited {waited:.0f} s — try again in a moment"


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply sql/schema/NNN_*.sql files not yet recorded, in order, each in its own transaction."""
    con.execute(
        "create table if not exists schema_migrations (version integer primary key, name varchar, applied_at timestamptz)"
    )
    applied = {row[0] for row in con.execute("select version from schema_migrations").fetchall()}
    done = []
    for path in sorted((SQL_DIR / "schema").glob("[0-9][0-9][0-9]_*.sql")):
        version = int(path.name[:3])
        if version in applied:
            continue
        con.execute("begin transaction")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute(
                "insert into schema_migrations values (?, ?, ?)", [version, path.stem, datetime.now(timezone.utc)]
            )
            con.execute("commit")
        except Exception:
            con.execute("rollback")
            raise
        done.append(path.stem)
    return done


def refresh_views(con: duckdb.DuckDBPyConnection) -> None:
    """Re-create every sql/views/NAME.sql as view NAME; views may use each other in any file order."""
    pending = {path.stem: path.read_text(encoding="utf-8") for path in sorted((SQL_DIR / "views").glob("*.sql"))}
    while pending:
        errors = {}
        for name, body in list(pending.items()):
            try:
                con.execute(f"create or replace view {name} as\n{body}")
                del pending[name]
            except duckdb.CatalogException as exc:  # depends on a view not created yet
                errors[name] = exc
        if errors and len(errors) == len(pending):
            name, exc = next(iter(errors.items()))
            raise RuntimeError(f"sql/views/{name}.sql: {exc}")


def prepare(db_path: str | Path) -> None:
    """Create or upgrade the database and its views (short write; nothing else held)."""
    con = connect(db_path, wait_s=30)
    try:
        migrate(con)
        refresh_views(con)
    finally:
        con.close()


def load_sql(name: str) -> str:
    """The text of sql/queries/NAME.sql."""
    return (SQL_DIR / "queries" / f"{name}.sql").read_text(encoding="utf-8")

