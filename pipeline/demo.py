"""The offline demo: serve the bundled sample boards locally and run the nightly flow on each night."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from pathlib import Path

from pipeline.boardserver import BoardServer
from pipeline.config import Config, parse_config
from pipeline.feeds import SOURCES
from pipeline.runs import RunSummary


class DemoError(RuntimeError):
    """The samples folder is not laid out as night*/<source>/<board>.json with a demo.toml."""


def demo_config(samples: Path, base_url: str, db_path: Path) -> Config:
    """samples/demo.toml (a normal jobpipe config) with every source pointed at the local server."""
    path = samples / "demo.toml"
    if not path.exists():
        raise DemoError(f"{path}: missing (the demo's feeds and companies)")
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    raw["sources"] = {source: {"base_url": base_url} for source in SOURCES}
    return parse_config(raw, path, db_path, os.environ)


def nights_in(samples: Path) -> list[Path]:
    nights = sorted(p for p in samples.glob("night*") if p.is_dir())
    if not nights:
        raise DemoError(f"{samples}: no night*/ folders of sample boards")
    return nights


def run_demo(
    samples: Path,
    db_path: Path,
    *,
    fresh: bool,
    run_night: Callable[[Config], RunSummary],
    show: Callable[[RunSummary], None],
) -> list[RunSummary]:
    nights = nights_in(samples)
    if fresh:
        for stale in (db_path, db_path.with_name(db_path.name + ".wal")):
            stale.unlink(missing_ok=True)
    summaries = []
    with BoardServer(nights[0]) as server:
        for night in nights:
            server.set_root(night)
            print(f"== {night.name}: sample boards served at {server.base_url} (no internet needed)")
            summaries.append(run_night(demo_config(samples, server.base_url, db_path)))
            show(summaries[-1])
    print(f"\nDemo database: {db_path} — try: .venv/bin/jobpipe sql --db {db_path} \"select * from job_changes\"")
    return summaries
