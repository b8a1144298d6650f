"""The offline demo: serve the bundled sample boards locally and run the nightly flow on each night."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from pipeline.boardserver import BoardServer
from pipeline.config import Config, load_config
from pipeline.feeds import SOURCES
from pipeline.runs import RunSummary


class DemoError(RuntimeError):
    """The samples folder is not laid out as night*/<source>/<board>.json with a demo.toml."""


def demo_config(samples: Path, base_url: str, db_path: Path, workdir: Path) -> Config:
    """samples/demo.toml (a normal jobpipe config) with every source pointed at the local server.

    Written out as a file, because the flow reads its configuration from a path like any run.
    """
    template = samples / "demo.toml"
    if not template.exists():
        raise DemoError(f"{template}: missing (the demo's feeds and companies)")
    sources = "".join(f'[sources.{source}]\nbase_url = "{base_url}"\n\n' for source in SOURCES)
    path = workdir / "demo.toml"
    path.write_text(sources + template.read_text(encoding="utf-8"), encoding="utf-8")
    return load_config(path, db_path)


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
    with BoardServer(nights[0]) as server, tempfile.TemporaryDirectory() as workdir:
        config = demo_config(samples, server.base_url, db_path, Path(workdir))
        for night in nights:
            server.set_root(night)
            print(f"== {night.name}: sample boards served at {server.base_url} (no internet needed)")
            summaries.append(run_night(config))
            show(summaries[-1])
    print(f"\nDemo database: {db_path} — try: .venv/bin/jobpipe sql --db {db_path} \"select * from job_changes\"")
    return summaries
