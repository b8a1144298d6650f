"""Shared fixtures: a Prefect test harness for the whole session, config files, databases."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.pop("OPENAI_API_KEY", None)  # tests choose their backend explicitly

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect API for every flow test of the session (it takes seconds to start)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield


def write_config(path: Path, base_url: str, feeds: list[tuple[str, str]], extra: str = "") -> Path:
    """A jobpipe.toml pointing every source at one local server."""
    lines = []
    for source in ("greenhouse", "lever", "ashby"):
        lines += [f"[sources.{source}]", f'base_url = "{base_url}"', ""]
    lines += ["[http]", "backoff_s = 0.05", "max_retries = 2", "read_timeout_s = 10", ""]
    for source, board in feeds:
        lines += ["[[feeds]]", f'source = "{source}"', f'board = "{board}"', ""]
    path.write_text("\n".join(lines) + extra, encoding="utf-8")
    return path
