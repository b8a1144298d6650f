from pathlib import Path

import pytest

from pipeline.config import ConfigError, load_config

GOOD = """
[sources.greenhouse]
base_url = "http://127.0.0.1:9"

[[feeds]]
source = "lever"
board = "spotify"
company = "Spotify"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "jobpipe.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_config_loads_feeds_and_overrides_base_url(tmp_path):
    config = load_config(write(tmp_path, GOOD), tmp_path / "x.duckdb")
    assert [f.key for f in config.feeds] == ["lever/spotify"]
    assert config.feeds[0].display_name == "Spotify"
    assert config.base_url("greenhouse") == "http://127.0.0.1:9"
    assert config.base_url("lever") == "https://api.lever.co"


def test_environment_names_config_and_database_when_no_option(tmp_path, monkeypatch):
    path = write(tmp_path, GOOD)
    monkeypatch.setenv("JOBPIPE_CONFIG", str(path))
    monkeypatch.setenv("JOBPIPE_DB", str(tmp_path / "env.duckdb"))
    config = load_config()
    assert config.path == path and config.db_path == tmp_path / "env.duckdb"
    assert load_config(None, tmp_path / "opt.duckdb").db_path == tmp_path / "opt.duckdb"


@pytest.mark.parametrize(
    "text, expected",
    [
        ('[[feeds]]\nsource = "workday"\nboard = "x"\n', "unknown source 'workday'"),
        ('[[feeds]]\nsource = "lever"\n', "missing 'board'"),
        ('[[feeds]]\nsource = "lever"\nboard = "x"\ncolour = "red"\n', "unknown key 'colour'"),
        ("[http]\ntimeout = 3\n", "[http]: unknown key 'timeout'"),
        ("[http]\nmax_retries = 'three'\n", "max_retries must be int"),
        ("[feeds\nsource=", "TOML syntax error"),
        ("[sources.greenhouse]\nbase_url = 'ftp://x'\n", "base_url must be an http(s) URL"),
        ("[sources.monster]\nbase_url = 'http://x'\n", "unknown source 'monster'"),
        ("[surprise]\n", "unknown key 'surprise'"),
        ("[schedule]\ntimezone = 'Mars/Olympus'\n", "unknown time zone"),
        ("[schedule]\nnightly_cron = 'every night'\n", "cron line of 5 fields"),
    ],
)
def test_bad_config_fails_with_one_line_naming_file_and_problem(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path, tmp_path / "x.duckdb")
    message = str(info.value)
    assert expected in message
    assert str(path) in message
    assert "\n" not in message


def test_missing_config_file_says_how_to_name_one(tmp_path):
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "nope.toml", tmp_path / "x.duckdb")


def test_shipped_config_lists_at_least_twelve_boards_across_three_sources():
    config = load_config(Path(__file__).resolve().parent.parent / "jobpipe.toml", "unused.duckdb")
    assert len(config.feeds) >= 12
    assert {f.source for f in config.feeds} == {"greenhouse", "lever", "ashby"}
    assert "lever/spotify" in {f.key for f in config.feeds}
