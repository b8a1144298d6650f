"""Export every public view to Parquet or CSV files, one file per view, for tools that read files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipeline.db import SQL_DIR, connect
from pipeline.digest.files import replace_file

FORMATS = ("parquet", "csv")
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


@dataclass(frozen=True)
class ExportedView:
    name: str
    path: Path
    n_rows: int


def public_views() -> list[str]:
    """The views jobpipe defines (sql/views/*.sql): the documented SQL surface."""
    return sorted(path.stem for path in (SQL_DIR / "views").glob("*.sql") if _NAME.match(path.stem))


def export_views(
    db_path: Path, out_dir: Path, fmt: str = "parquet", *, wait_s: float = 10
) -> list[ExportedView]:
    """Write OUT_DIR/<view>.<fmt> for every public view present in the database (read-only)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    con = connect(db_path, read_only=True, wait_s=wait_s)
    try:
        present = {row[0] for row in con.execute("select view_name from duckdb_views() where not internal").fetchall()}
        return [export_view(con, name, Path(out_dir), fmt) for name in public_views() if name in present]
    finally:
        con.close()


def export_view(con: duckdb.DuckDBPyConnection, name: str, out_dir: Path, fmt: str) -> ExportedView:
    # name comes from our own sql/views file names (checked above), never from the user
    relation = con.sql(f"select * from {name}")
    path = out_dir / f"{name}.{fmt}"
    writer = relation.write_parquet if fmt == "parquet" else relation.write_csv
    replace_file(path, lambda tmp: writer(str(tmp)))
    n_rows = con.execute(f"select count(*) from {name}").fetchone()[0]
    return ExportedView(name, path, n_rows)
