"""Settings from jobpipe.toml and the environment, validated before anything is fetched."""

from __future__ import annotations

import os
import tomllib
import zoneinfo
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, get_type_hints

DEFAULT_CONFIG = "jobpipe.toml"
DEFAULT_DB = "data/jobpipe.duckdb"


class ConfigError(ValueError):
    """Bad configuration: the message is one line naming the file and the problem."""


@dataclass(frozen=True)
class HttpSettings:
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 60.0
    max_retries: int = 4
    backoff_s: float = 1.0
    max_retry_after_s: float = 120.0
    max_bytes: int = 200_000_000
    max_concurrency: int = 8


@dataclass(frozen=True)
class IngestSettings:
    # A successful fetch with zero postings closes nothing when the board had at least this many open.
    zero_yield_guard: int = 3


@dataclass(frozen=True)
class ScheduleSettings:
    nightly_cron: str = "0 3 * * *"
    weekly_cron: str = "0 7 * * 1"
    timezone: str = "UTC"

    def __post_init__(self):
        for name in ("nightly_cron", "weekly_cron"):
            if len(getattr(self, name).split()) != 5:
                raise ConfigError(f"[schedule] {name} must be a cron line of 5 fields, got {getattr(self, name)!r}")
        try:
            zoneinfo.ZoneInfo(self.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ConfigError(f"[schedule] timezone: unknown time zone {self.timezone!r}") from None


@dataclass(frozen=True)
class FactsSettings:
    reporting_currency: str = "USD"


@dataclass(frozen=True)
class AnalysisSettings:
    backend: str = "auto"  # auto | offline | openai | openai-batch
    model: str = "gpt-4.1-mini"
    prompt_policy: str = "new-content"  # new-content | all: what a new prompt version re-analyzes
    job_prompt: str = "job-v1"  # pipeline/analysis/prompts/NAME.md
    company_prompt: str = "company-v1"
    max_cost_usd: float = 5.0
    max_requests: int = 5000
    max_concurrency: int = 8
    requests_per_minute: int = 500
    tokens_per_minute: int = 2_000_000
    request_timeout_s: float = 120.0
    # Transport retries inside the openai client (429 honouring Retry-After, 5xx, timeouts).
    max_retries: int = 4
    max_output_tokens: int = 1500
    # Role text beyond this is cut at a sentence boundary: long postings cost more, say little more.
    max_input_chars: int = 6000
    company_refresh_days: int = 7
    # USD per million tokens: {model = {input = .., cached_input = .., output = ..}}
    prices: dict = field(default_factory=dict)


def _str_tuple(value, label: str) -> tuple[str, ...]:
    """A TOML list of strings as a tuple (frozen settings keep no mutable lists)."""
    if isinstance(value, str) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{label} must be a list of strings, got {value!r}")
    return tuple(value)


@dataclass(frozen=True)
class DigestSettings:
    out_dir: str = "data/reports"  # each week's files go to OUT_DIR/<ISO week>/
    max_companies: int = 25  # companies with the most movement get a section; the rest are in the files
    roles_per_company: int = 10  # new roles shown per company in the digest; every one is in new_roles.csv
    changes_per_kind: int = 25  # changes shown per kind; every one is in changes.csv
    top_skills: int = 12
    trend_weeks: int = 8  # weeks of openings per company in the chart
    closed_after_days: int = 30  # a role closed after this many days open is a change worth knowing
    email_to: tuple[str, ...] = ()  # delivery by SMTP (JOBPIPE_SMTP_* settings); empty: no email
    webhook_url: str = ""  # delivery by POST (or JOBPIPE_DIGEST_WEBHOOK_URL); empty: no webhook

    def __post_init__(self):
        object.__setattr__(self, "email_to", _str_tuple(self.email_to, "[digest] email_to"))


@dataclass(frozen=True)
class WatchlistSettings:
    """What a reader follows: roles matching any of the first four, within the last two, make "for you"."""

    companies: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    workplace_types: tuple[str, ...] = ()  # remote | hybrid | onsite
    min_pay: float = 0.0  # annual, in the reporting currency; 0: any

    def __post_init__(self):
        for name in ("companies", "keywords", "skills", "locations", "workplace_types"):
            object.__setattr__(self, name, _str_tuple(getattr(self, name), f"[watchlist] {name}"))
        unknown = set(self.workplace_types) - {"remote", "hybrid", "onsite"}
        if unknown:
            raise ConfigError(f"[watchlist] workplace_types: unknown {sorted(unknown)} (expected remote, hybrid, onsite)")


@dataclass(frozen=True)
class Feed:
    source: str
    board: str
    company: str | None = None

    @property
    def key(self) -> str:
        return f"{self.source}/{self.board}"

    @property
    def display_name(self) -> str:
        return self.company or self.board


@dataclass(frozen=True)
class Config:
    path: Path
    db_path: Path
    base_urls: dict[str, str]
    feeds: tuple[Feed, ...]
    http: HttpSettings = HttpSettings()
    ingest: IngestSettings = IngestSettings()
    schedule: ScheduleSettings = ScheduleSettings()
    facts: FactsSettings = FactsSettings()
    analysis: AnalysisSettings = AnalysisSettings()
    digest: DigestSettings = DigestSettings()
    watchlist: WatchlistSettings = WatchlistSettings()
    openai_api_key: str | None = field(default=None, repr=False)
    openai_base_url: str | None = None

    def base_url(self, source: str) -> str:
        return self.base_urls[source]


SECTIONS = {
    "http": HttpSettings,
    "ingest": IngestSettings,
    "schedule": ScheduleSettings,
    "facts": FactsSettings,
    "analysis": AnalysisSettings,
    "digest": DigestSettings,
    "watchlist": WatchlistSettings,
}


def resolve_paths(config: str | os.PathLike | None, db: str | os.PathLike | None) -> tuple[Path, Path]:
    """--config / --db first, then JOBPIPE_CONFIG / JOBPIPE_DB, then the defaults."""
    config_path = Path(config or os.environ.get("JOBPIPE_CONFIG") or DEFAULT_CONFIG)
    db_path = Path(db or os.environ.get("JOBPIPE_DB") or DEFAULT_DB)
    return config_path, db_path


def load_config(config: str | os.PathLike | None = None, db: str | os.PathLike | None = None) -> Config:
    config_path, db_path = resolve_paths(config, db)
    try:
        raw = tomllib.loads(config_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{config_path}: no such file (give --config PATH or set JOBPIPE_CONFIG)") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{config_path}: TOML syntax error: {exc}") from None
    return parse_config(raw, config_path, db_path, os.environ)


def parse_config(raw: dict, config_path: Path, db_path: Path, env: dict | os._Environ) -> Config:
    from pipeline.feeds import SOURCES

    where = str(config_path)
    allowed = {"sources", "feeds", *SECTIONS}
    for key in raw:
        if key not in allowed:
            raise ConfigError(f"{where}: unknown key '{key}' (expected one of: {', '.join(sorted(allowed))})")
    base_urls = {name: module.DEFAULT_BASE_URL for name, module in SOURCES.items()}
    base_urls.update(_parse_sources(raw.get("sources", {}), where, SOURCES))
    feeds = _parse_feeds(raw.get("feeds", []), where, SOURCES)
    sections = {name: _parse_section(raw.get(name, {}), cls, f"{where}: [{name}]") for name, cls in SECTIONS.items()}
    return Config(
        path=config_path,
        db_path=db_path,
        base_urls=base_urls,
        feeds=feeds,
        openai_api_key=env.get("OPENAI_API_KEY") or None,
        openai_base_url=env.get("OPENAI_BASE_URL") or None,
        **sections,
    )


def _parse_sources(raw: Any, where: str, known: dict) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: [sources] must be a table of [sources.<name>] tables")
    urls = {}
    for name, table in raw.items():
        if name not in known:
            raise ConfigError(f"{where}: unknown source '{name}' in [sources] (known: {', '.join(sorted(known))})")
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: [sources.{name}] must be a table")
        for key in table:
            if key != "base_url":
                raise ConfigError(f"{where}: unknown key '{key}' in [sources.{name}] (expected: base_url)")
        url = table.get("base_url")
        if url is not None:
            if not isinstance(url, str) or not url.startswith(("http://", "https://")):
                raise ConfigError(f"{where}: [sources.{name}] base_url must be an http(s) URL, got {url!r}")
            urls[name] = url.rstrip("/")
    return urls


def _parse_feeds(raw: Any, where: str, known: dict) -> tuple[Feed, ...]:
    if not isinstance(raw, list):
        raise ConfigError(f"{where}: feeds must be an array of [[feeds]] tables")
    feeds, seen = [], set()
    for n, table in enumerate(raw, start=1):
        label = f"{where}: feed #{n}"
        if not isinstance(table, dict):
            raise ConfigError(f"{label} must be a table")
        for key in table:
            if key not in ("source", "board", "company"):
                raise ConfigError(f"{label}: unknown key '{key}' (expected: source, board, company)")
        source, board = table.get("source"), table.get("board")
        if not source:
            raise ConfigError(f"{label}: missing 'source'")
        if source not in known:
            raise ConfigError(f"{label}: unknown source '{source}' (known: {', '.join(sorted(known))})")
        if not board or not isinstance(board, str):
            raise ConfigError(f"{label} ({source}): missing 'board'")
        if "/" in board or board.strip() != board:
            raise ConfigError(f"{label} ({source}): board {board!r} is not a board name")
        company = table.get("company")
        if company is not None and not isinstance(company, str):
            raise ConfigError(f"{label} ({source}/{board}): company must be a string")
        feed = Feed(source=source, board=board, company=company)
        if feed.key in seen:
            raise ConfigError(f"{label}: {feed.key} is listed twice")
        seen.add(feed.key)
        feeds.append(feed)
    return tuple(feeds)


def _parse_section(raw: Any, cls: type, label: str):
    if not isinstance(raw, dict):
        raise ConfigError(f"{label} must be a table")
    hints = get_type_hints(cls)
    names = {f.name for f in fields(cls)}
    values = {}
    for key, value in raw.items():
        if key not in names:
            raise ConfigError(f"{label}: unknown key '{key}' (expected one of: {', '.join(sorted(names))})")
        values[key] = _check_type(value, hints[key], f"{label} {key}")
    try:
        return cls(**values)
    except ConfigError as exc:  # a check inside the settings class: say which file it is about
        raise ConfigError(f"{label.split(': ')[0]}: {exc}") from None


def _check_type(value: Any, hint: Any, label: str) -> Any:
    expected = {float: (int, float), int: (int,), str: (str,), dict: (dict,), bool: (bool,)}.get(hint)
    if expected is None:
        return value
    if isinstance(value, bool) and hint is not bool or not isinstance(value, expected):
        raise ConfigError(f"{label} must be {hint.__name__}, got {value!r}")
    return float(value) if hint is float else value

