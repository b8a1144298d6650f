"""Read-only SQL for users: refuse writes, bind named parameters, wait for a busy writer, print or save results."""

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
from rich.text import Text

from pipeline.db import DatabaseBusy, DatabaseMissing, connect

READ_ONLY_TYPES = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
TABLE_CELL_CHARS = 80
FORMATS = ["table", "csv", "json", "parquet"]


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

    def fetch(result):
        return [d[0] for d in result.description or []], result.fetchall()

    return _run_read_only(db_path, query, params or {}, wait_s, fetch)


def read_arrow(db_path: Path, query: str, *, wait_s: float = 10.0, params: dict | None = None):
    """A read-only query's result as a pyarrow Table (for Parquet)."""
    return _run_read_only(db_path, query, params or {}, wait_s, lambda result: result.to_arrow_table())


def _run_read_only(db_path: Path, query: str, params: dict, wait_s: float, fetch):
    check_read_only(query)
    check_params(query, params)
    con = connect(db_path, read_only=True, wait_s=wait_s)
    try:
        # an unknown function name must fail here, not send DuckDB to the network for an extension
        con.execute("set autoinstall_known_extensions = false")
        return fetch(con.execute(query, params))
    except duckdb.Error as exc:
        raise QueryError(f"bad query: {first_line(exc)}") from None
    finally:
        con.close()


def check_params(query: str, params: dict) -> None:
    """Every $name the query uses is given, and nothing else: one line names what is wrong."""
    used = set()
    for statement in duckdb.extract_statements(query):
        used |= set(statement.named_parameters)
    missing, unknown = sorted(used - set(params)), sorted(set(params) - used)
    if missing:
        raise QueryError(f"the query needs --param {missing[0]}=VALUE (it uses: {', '.join(sorted(used))})")
    if unknown:
        raise QueryError(f"the query has no ${unknown[0]} (it uses: {', '.join(sorted(used)) or 'no parameters'})")


def parse_params(items: tuple[str, ...]) -> dict:
    """NAME=VALUE pairs; a VALUE that reads as JSON (5, true, ["a", "b"]) is bound as that, else as text."""
    params = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.isidentifier():
            raise QueryError(f"--param {item!r} is not NAME=VALUE")
        try:
            params[name] = json.loads(value)
        except ValueError:
            params[name] = value
    return params


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
            table.add_row(*(Text(_short(value)) for value in row))  # values are data, never rich markup
        console.print(table)
        console.print(f"{len(rows)} rows")


def _short(value) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= TABLE_CELL_CHARS else text[: TABLE_CELL_CHARS - 1] + "…"


def write_result(db_path: Path, query: str, params: dict, fmt: str, output: Path | None, wait_s: float, console):
    if fmt == "parquet":
        import pyarrow.parquet as pq

        pq.write_table(read_arrow(db_path, query, wait_s=wait_s, params=params), output)
        return
    cols, rows = read_rows(db_path, query, wait_s=wait_s, params=params)
    if output is None:
        write_rows(cols, rows, fmt, sys.stdout, console)
        return
    with open(output, "w", encoding="utf-8", newline="") as stream:
        write_rows(cols, rows, fmt, stream, console)


def query_text(query: str | None, file: str | None) -> str:
    if (query is None) == (file is None):
        raise QueryError("give either a QUERY or --file query.sql")
    if file is None:
        return query
    try:
        return Path(file).read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"cannot read {file}: {exc.strerror or exc}") from None


@click.command()
@click.argument("query", required=False)
@click.option("--file", "file", type=click.Path(dir_okay=False), help="read the query from a .sql file")
@click.option("--param", "param_items", multiple=True, metavar="NAME=VALUE", help="bind $NAME (repeatable)")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False), help="write the result to FILE (needed for parquet)")
@click.option("--wait", "wait_s", type=float, default=10.0, show_default=True, help="seconds to wait for a busy writer")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="config file (JOBPIPE_CONFIG)")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), help="database file (JOBPIPE_DB)")
def sql(query, file, param_items, fmt, output, wait_s, config_path, db_path):
    """Run a read-only SQL query (or --file with --param NAME=VALUE) against the database."""
    from pipeline.cli import fail, out
    from pipeline.config import resolve_paths

    _, db = resolve_paths(config_path, db_path)
    if fmt == "parquet" and not output:
        fail("--format parquet writes a file: give --output FILE")
    if fmt == "table" and output:
        fail("--output needs --format csv, json or parquet")
    try:
        write_result(db, query_text(query, file), parse_params(param_items), fmt, output and Path(output), wait_s, out)
    except (QueryError, DatabaseBusy, DatabaseMissing) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
