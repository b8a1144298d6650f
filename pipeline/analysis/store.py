"""Writing analyses, ledger rows and batch records: short transactions, opened only when there is something to write."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import asdict

import pyarrow as pa

from pipeline.db import connect, load_sql

WAIT_S = 60.0  # a user's query may hold the file for a moment; the analyses already paid for must not be lost


@contextmanager
def transaction(db_path):
    """A connection inside one transaction, closed right after: never held across network I/O."""
    con = connect(db_path, wait_s=WAIT_S)
    try:
        con.execute("begin transaction")
        try:
            yield con
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
    finally:
        con.close()


@contextmanager
def reading(db_path):
    con = connect(db_path, wait_s=WAIT_S)
    try:
        yield con
    finally:
        con.close()


def query_dicts(con, name: str, **params) -> list[dict]:
    """Rows of sql/queries/NAME.sql as dicts."""
    cur = con.execute(load_sql(name), params)
    columns = [d[0] for d in cur.description]
    return [dict(zip(columns, row)) for row in cur.fetchall()]


def insert_rows(con, query: str, rows: list[dict]) -> None:
    """Run sql/queries/QUERY.sql, which reads the rows as the relation `incoming`."""
    if not rows:
        return
    con.register("incoming", pa.Table.from_pylist(rows))
    try:
        con.execute(load_sql(query))
    finally:
        con.unregister("incoming")


def write_results(db_path, rows: list[dict], ledger: list) -> None:
    """Analyses (a duplicate of one already stored is ignored) and their ledger rows, in one transaction."""
    if not rows and not ledger:
        return
    with transaction(db_path) as con:
        insert_rows(con, "analysis_insert_analyses", rows)
        insert_rows(con, "analysis_insert_requests", [asdict(r) for r in ledger])
