"""The `jobpipe` command as a user runs it: a real process, a real database file, a local board server."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest
from conftest import write_config
from payloads import lever_job

from pipeline.boardserver import BoardServer

JOBPIPE = str(Path(sys.executable).parent / "jobpipe")


def jobpipe(*args, env=None, timeout=120):
    return subprocess.run([JOBPIPE, *args], capture_output=True, text=True, env=env, timeout=timeout)


@pytest.fixture
def world(tmp_path):
    """A served board, a config naming it plus one missing board, and the environment that points at both."""
    with BoardServer() as server:
        server.set_board("lever", "acme", [lever_job(n) for n in range(3)])
        config = write_config(tmp_path / "jobpipe.toml", server.base_url, [("lever", "acme"), ("ashby", "gone")])
        env = dict(os.environ, JOBPIPE_CONFIG=str(config), JOBPIPE_DB=str(tmp_path / "jobs.duckdb"))
        yield server, env, tmp_path


def test_ingest_exits_nonzero_when_a_feed_failed_after_storing_the_others(world):
    _, env, _ = world
    proc = jobpipe("ingest", env=env)
    assert proc.returncode == 1
    assert "ashby/gone" in proc.stdout and "HTTP 404" in proc.stdout
    out = jobpipe("sql", "select count(*) as n from jobs", "--format", "json", env=env)
    assert json.loads(out.stdout) == [{"n": 3}]


def test_sql_prints_json_array_csv_and_table(world):
    _, env, _ = world
    jobpipe("ingest", env=env)
    as_json = json.loads(jobpipe("sql", "select external_id, is_open from jobs order by 1", "--format", "json",
                                 env=env).stdout)  # fmt: skip
    assert as_json[0] == {"external_id": lever_job(0)["id"], "is_open": True} and len(as_json) == 3
    as_csv = jobpipe("sql", "select title from jobs order by 1", "--format", "csv", env=env).stdout
    assert as_csv.splitlines() == ["title", "Engineer 0", "Engineer 1", "Engineer 2"]
    table = jobpipe("sql", "select title from jobs order by 1", env=env).stdout
    assert "Engineer 2" in table and "3 rows" in table


@pytest.mark.parametrize(
    "query, message",
    [
        ("delete from postings", "read-only: a DELETE statement is refused"),
        ("create table x as select 1", "read-only"),
        ("select * from no_such_view", "bad query: Catalog Error"),
        ("selec 1", "bad query"),
    ],
)
def test_sql_refuses_writes_and_reports_bad_queries_in_one_line(world, query, message):
    _, env, _ = world
    jobpipe("ingest", env=env)
    proc = jobpipe("sql", query, env=env)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def hold_write_lock(db: Path, seconds: float) -> subprocess.Popen:
    """Another process holding the database open for writing, as a nightly run does while it writes."""
    code = textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(db)!r})
        print("locked", flush=True)
        time.sleep({seconds})
        con.close()
    """)
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


def test_sql_while_the_database_is_being_written_waits_then_says_so(world):
    _, env, tmp_path = world
    jobpipe("ingest", env=env)
    holder = hold_write_lock(tmp_path / "jobs.duckdb", 8)
    try:
        started = time.monotonic()
        proc = jobpipe("sql", "select 1", "--wait", "1", env=env)
        assert proc.returncode == 2 and time.monotonic() - started >= 1
        assert "is busy" in proc.stderr and "writing to it" in proc.stderr and "Traceback" not in proc.stderr
    finally:
        holder.kill()
        holder.wait()


def test_sql_waits_for_a_short_write_to_finish(world):
    _, env, tmp_path = world
    jobpipe("ingest", env=env)
    holder = hold_write_lock(tmp_path / "jobs.duckdb", 1.5)
    proc = jobpipe("sql", "select count(*) from jobs", "--format", "csv", "--wait", "20", env=env)
    holder.wait()
    assert proc.returncode == 0 and proc.stdout.splitlines()[-1] == "3"


STATE = """select source, board, external_id, title, is_open, n_versions, md5(description_text)
           from jobs order by all"""


def state_of(db: Path):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(STATE).fetchall(), con.execute("select count(*) from posting_versions").fetchone()
    finally:
        con.close()


def was_interrupted(db: Path, expected) -> bool:
    """The killed run left less than a full run would (possibly not even its views yet)."""
    try:
        return not db.exists() or state_of(db) != expected
    except duckdb.Error:
        return True


def test_ingest_killed_midway_then_rerun_ends_like_an_uninterrupted_run(tmp_path):
    boards = [("lever", f"big{n}") for n in range(8)]
    with BoardServer() as server:
        for _, board in boards:
            server.set_board("lever", board, [lever_job(n, f"{board} role {n}") for n in range(3000)])
        config = write_config(tmp_path / "jobpipe.toml", server.base_url, boards)
        clean = dict(os.environ, JOBPIPE_CONFIG=str(config), JOBPIPE_DB=str(tmp_path / "clean.duckdb"))
        started = time.monotonic()
        assert jobpipe("ingest", env=clean).returncode == 0
        took = time.monotonic() - started  # the kills land at fractions of it, however fast this machine is
        expected = state_of(tmp_path / "clean.duckdb")
        interrupted = 0
        for n, share in enumerate((0.45, 0.6, 0.75)):
            db = tmp_path / f"killed{n}.duckdb"
            env = dict(clean, JOBPIPE_DB=str(db))
            proc = subprocess.Popen([JOBPIPE, "ingest"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(share * took)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            interrupted += was_interrupted(db, expected)
            assert jobpipe("ingest", env=env).returncode == 0
            assert state_of(db) == expected
        assert interrupted  # at least one kill landed before the run was complete
