"""Benchmark ingest: `jobpipe ingest` of synthetic boards on a local server — first run, unchanged, 5 % changed.

    .venv/bin/python bench/ingest.py                        # 100,000 postings over 500 boards (~3 min)
    .venv/bin/python bench/ingest.py --n 20000 --boards 100 --keep /tmp/ingest-bench

Generates N postings (seeded, in the Greenhouse, Lever and Ashby formats, 2-6 KB of text each) into a
folder, serves it with pipeline.boardserver on 127.0.0.1, and runs the real CLI three times as a
subprocess: the first ingest, an unchanged re-run, and a re-run after 5 % of postings were edited.
Prints postings/s and the peak RSS of each ingest process, checks the stored counts, and, as a
reference measured in the same run, DuckDB's own read_json of the same files into a table.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import duckdb  # noqa: E402
import psutil  # noqa: E402

from pipeline.boardserver import BoardServer  # noqa: E402
from synth import SOURCES, pick_changed, plan_boards, write_boards  # noqa: E402

FLOOR_POSTINGS_S = 5_000
CEILING_UNCHANGED = 0.10  # of the first run's time
CEILING_RSS_MB = 1_500
PSS_EVERY = 25  # RSS samples (of 20 ms) per PSS sample

READ_JSON = """
import sys, duckdb
root, db = sys.argv[1], sys.argv[2]
con = duckdb.connect(db)
o = "maximum_object_size = 1000000000"
con.execute(f"create table greenhouse as select unnest(jobs) as job from read_json('{root}/greenhouse/*.json', {o})")
con.execute(f"create table lever as select * from read_json('{root}/lever/*.json', format = 'array', {o})")
con.execute(f"create table ashby as select unnest(jobs) as job from read_json('{root}/ashby/*.json', {o})")
print(sum(con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("greenhouse", "lever", "ashby")))
"""


@dataclass
class Measured:
    label: str
    seconds: float
    peak_rss_mb: float
    postings: int
    peak_pss_mb: float = 0.0
    cpu_seconds: float = 0.0
    returncode: int = 0
    stdout: str = ""

    @property
    def per_s(self) -> float:
        return self.postings / self.seconds


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="jobpipe-bench-"))
    try:
        return run_bench(args, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="postings in all (default 100,000)")
    parser.add_argument("--boards", type=int, default=500, help="boards, a third per source (default 500)")
    parser.add_argument("--changed", type=float, default=0.05, help="share of postings edited for the third run")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep boards and databases there")
    return parser.parse_args(argv)


def run_bench(args, work: Path) -> int:
    boards_dir, db = work / "boards", work / "jobpipe.duckdb"
    for path in (db, db.with_name(db.name + ".wal"), work / "read_json.duckdb"):
        path.unlink(missing_ok=True)
    started = time.perf_counter()
    specs = plan_boards(args.n, args.boards, args.seed)
    size = write_boards(boards_dir, specs, args.seed)
    print(f"generated {args.n:,} postings on {len(specs)} boards ({size / 1e6:,.0f} MB of JSON) "
          f"in {time.perf_counter() - started:.1f} s: {boards_dir}")  # fmt: skip
    changed = pick_changed(specs, args.changed, args.seed)
    os.sync()  # the generator's writes go to disk now, not during the first measured run
    with BoardServer(boards_dir) as server:
        env = bench_env(work, server.base_url, specs)
        first = run_ingest("first ingest", env, args.n)
        check(db, postings=args.n, versions=args.n)
        unchanged = run_ingest("unchanged re-run", env, args.n)
        check(db, postings=args.n, versions=args.n)
        write_boards(boards_dir, specs, args.seed, changed, night=1)
        os.sync()
        edited = run_ingest(f"{args.changed:.0%} changed re-run", env, args.n)
        check(db, postings=args.n, versions=args.n + len(changed), n_changed=len(changed))
    reference = run_read_json(boards_dir, work / "read_json.duckdb", args.n)
    report([first, unchanged, edited], reference, db)
    return 0 if meets_floors(first, unchanged, [first, unchanged, edited]) else 1


def bench_env(work: Path, base_url: str, specs) -> dict[str, str]:
    lines = []
    for source in SOURCES:
        lines += [f"[sources.{source}]", f'base_url = "{base_url}"', ""]
    for spec in specs:
        lines += ["[[feeds]]", f'source = "{spec.source}"', f'board = "{spec.board}"']
        lines += [f'company = "{spec.company}"', ""]
    config = work / "jobpipe.toml"
    config.write_text("\n".join(lines), encoding="utf-8")
    return dict(os.environ, JOBPIPE_CONFIG=str(config), JOBPIPE_DB=str(work / "jobpipe.duckdb"))


def run_ingest(label: str, env: dict[str, str], postings: int) -> Measured:
    jobpipe = Path(sys.executable).parent / "jobpipe"
    command = [str(jobpipe), "ingest"] if jobpipe.exists() else [sys.executable, "-m", "pipeline.cli", "ingest"]
    measured = measure(label, command, env, postings)
    if measured.returncode != 0:
        raise SystemExit(f"{label}: jobpipe ingest exited {measured.returncode}\n{measured.stdout[-3000:]}")
    print(f"  {label}: {measured.seconds:.1f} s, {measured.per_s:,.0f} postings/s, CPU {measured.cpu_seconds:.1f} s, "
          f"peak RSS {measured.peak_rss_mb:,.0f} MB (PSS {measured.peak_pss_mb:,.0f} MB)")  # fmt: skip
    return measured


def run_read_json(boards_dir: Path, db: Path, postings: int) -> Measured:
    measured = measure("DuckDB read_json", [sys.executable, "-c", READ_JSON, str(boards_dir), str(db)], None, postings)
    if measured.returncode != 0 or int(measured.stdout.split()[-1]) != postings:
        raise SystemExit(f"read_json reference failed:\n{measured.stdout[-3000:]}")
    return measured


def measure(label: str, command: list[str], env, postings: int) -> Measured:
    """Wall time, CPU time and peak memory of one process and the workers it starts."""
    out = tempfile.TemporaryFile()
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
    peaks, stop = {"rss": 0, "pss": 0}, threading.Event()
    sampler = threading.Thread(target=sample_memory, args=(proc.pid, peaks, stop), daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)  # the kernel's own accounting of this child and its workers
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    return Measured(
        label, seconds, max(peaks["rss"], usage.ru_maxrss * 1024) / 1e6, postings, peaks["pss"] / 1e6,
        usage.ru_utime + usage.ru_stime, proc.returncode, out.read().decode("utf-8", "replace"),
    )  # fmt: skip


def sample_memory(pid: int, peaks: dict[str, int], stop: threading.Event) -> None:
    """Peaks of the summed RSS (shared pages counted in every process) and PSS (shared pages split) of a
    process and its children. RSS is sampled every 20 ms. PSS only every 0.5 s: reading it walks every
    mapping of the process while holding its memory-map lock, and sampled every 20 ms that alone slowed
    the first ingest it measures by a fifth."""
    try:
        root = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    for n in itertools.count():
        if stop.wait(0.02):
            return
        try:
            tree = [root, *root.children(recursive=True)]
            peaks["rss"] = max(peaks["rss"], sum(p.memory_info().rss for p in tree))
            if n % PSS_EVERY == 0:
                peaks["pss"] = max(peaks["pss"], sum(p.memory_full_info().pss for p in tree))
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue


def check(db: Path, *, postings: int, versions: int, n_changed: int | None = None) -> None:
    """The stored state is what the boards say: a fast ingest that stores the wrong thing is no result."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        n_postings, n_open = con.execute(
            "select count(*), count(*) filter (closed_at is null) from postings"
        ).fetchone()
        n_versions = con.execute("select count(*) from posting_versions").fetchone()[0]
        last = con.execute(
            "select sum(n_changed), count(*) filter (status = 'failed') from feed_results "
            "where run_id = (select run_id from runs order by started_at desc limit 1)"
        ).fetchone()
    finally:
        con.close()
    found = (n_postings, n_open, n_versions, last[1])
    wanted = (postings, postings, versions, 0)
    if found != wanted or (n_changed is not None and last[0] != n_changed):
        raise SystemExit(f"stored state is wrong: postings, open, versions, failed feeds = {found}, wanted {wanted}; "
                         f"changed in the last run {last[0]}, wanted {n_changed}")  # fmt: skip


def report(runs: list[Measured], reference: Measured, db: Path) -> None:
    first = runs[0]
    print()
    print(f"{'':<22}{'seconds':>9}{'postings/s':>12}{'CPU s':>8}{'peak RSS MB':>13}{'peak PSS MB':>13}")
    for m in [*runs, reference]:
        print(f"{m.label:<22}{m.seconds:>9.1f}{m.per_s:>12,.0f}{m.cpu_seconds:>8.1f}{m.peak_rss_mb:>13,.0f}"
              f"{m.peak_pss_mb:>13,.0f}")  # fmt: skip
    print()
    print(f"unchanged re-run: {runs[1].seconds / first.seconds:.1%} of the first run's time")
    print(f"first ingest: {first.per_s / reference.per_s:.2f} × DuckDB read_json into a table")
    print(f"database after three runs: {db.stat().st_size / 1e6:,.0f} MB")


def meets_floors(first: Measured, unchanged: Measured, runs: list[Measured]) -> bool:
    failures = []
    if first.per_s < FLOOR_POSTINGS_S:
        failures.append(f"first ingest {first.per_s:,.0f} postings/s < {FLOOR_POSTINGS_S:,}")
    if unchanged.seconds > CEILING_UNCHANGED * first.seconds:
        share = unchanged.seconds / first.seconds
        failures.append(f"unchanged re-run {share:.1%} > {CEILING_UNCHANGED:.0%} of the first run's time")
    peak = max(m.peak_rss_mb for m in runs)
    if peak >= CEILING_RSS_MB:
        failures.append(f"peak RSS {peak:,.0f} MB >= {CEILING_RSS_MB:,} MB")
    for failure in failures:
        print(f"BELOW FLOOR: {failure}")
    if not failures:
        print("floors met: first ingest ≥ 5,000 postings/s, unchanged ≤ 10 % of it, peak RSS < 1.5 GB")
    return not failures


if __name__ == "__main__":
    sys.exit(main())
