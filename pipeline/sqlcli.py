"""Read-only SQL for users: refuse writes, wait briefly for a busy writer, print table/CSV/JSON."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO

import click
import duckdb
from rich.console import Console
from rich.table import Table

from pipeline.db import DatabaseBusy, DatabaseMissing, connect

READ_ONLY_TYPES = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
TABLE_CELL_CHARS = 80


class QueryError(ValueError):
    """A query jobpipe will not run, or one DuckDB rejected: one readable line."""


def check_read_only(query: str) -> None:
    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as exc:
        raise QueryError(f"bad query: {first_line(exc)}") from None
    if not statements:
        raise QueryError("empty query")
    for statement in statements:
        if statement.type not in READ_ONLY_TYPES:
            kind = statement.type.name.replace("_", " ")
            raise QueryError(f"`jobpipe sql` is read-only: a {kind} statement is refused")


def first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def read_rows(db_path: Path, query: str, *, wait_s: float = 10.0, params: dict | None = None):
    """(column names, rows) of a read-only query; the database is opened read-only."""
    check_read_only(query)
    con = connect(db_path, read_only=True, wait_s=wait_s)
    try:
        result = con.execute(query, params or {})
        columns = [d[0] for d in result.description or []]
        return columns, result.fetchall()
    except duckdb.Error as exc:
        raise QueryError(f"bad query: {first_line(exc)}") from None
    finally:
        con.close()


def jsonable(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def write_rows(columns: list[str], rows: list[tuple], fmt: str, stream: IO[str], console: Console) -> None:
    if fmt == "json":
        json.dump([dict(zip(columns, row)) for row in rows], stream, default=jsonable, ensure_ascii=False)
        stream.write("\n")
    elif fmt == "csv":
        writer = csv.writer(stream)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        table = Table(*columns)
        for row in rows:
            table.add_row(*(_short(value) for value in row))
        console.print(table)
        console.print(f"{len(rows)} rows")


def _short(value) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= TABLE_CELL_CHARS else text[: TABLE_CELL_CHARS - 1] + "…"


@click.command()
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--wait", "wait_s", type=float, default=10.0, show_default=True, help="seconds to wait for a busy database")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="config file (JOBPIPE_CONFIG)")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), help="database file (JOBPIPE_DB)")
def sql(query, fmt, wait_s, config_path, db_path):
    """Run a read-only SQL query against the database."""
    from pipeline.cli import fail, out
    from pipeline.config import resolve_paths

    _, db = resolve_paths(config_path, db_path)
    try:
        cols, rows = read_rows(db, query, wait_s=wait_s)
    except (QueryError, DatabaseBusy, DatabaseMissing) as exc:
        fail(str(exc))
    write_rows(cols, rows, fmt, sys.stdout, out)
