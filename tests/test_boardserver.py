"""The local board server: real API paths, validators and 304s, scripted failures, a request log."""

from __future__ import annotations

import email.utils
import itertools
import os
import json
import time

import pytest
import requests

from pipeline.boardserver import BoardServer

LEVER_BOARD = json.dumps([{"id": "a1", "text": "Engineer"}]).encode()


@pytest.fixture
def server(tmp_path):
    (tmp_path / "greenhouse").mkdir()
    (tmp_path / "greenhouse" / "acme.json").write_text('{"jobs": [], "meta": {"total": 0}}')
    with BoardServer(tmp_path) as running:
        yield running


def get(server: BoardServer, path: str, **headers) -> requests.Response:
    return requests.get(server.base_url + path, headers=headers, timeout=5)


def test_folder_boards_are_served_at_the_real_api_path_as_json(server):
    resp = get(server, "/v1/boards/acme/jobs?content=true")
    assert resp.status_code == 200
    assert resp.json() == {"jobs": [], "meta": {"total": 0}}
    assert resp.headers["content-type"].startswith("application/json")
    assert resp.headers["etag"].startswith('"') and resp.headers["last-modified"].endswith("GMT")


@pytest.mark.parametrize(
    "source, path",
    [("greenhouse", "/v1/boards/beta/jobs"), ("lever", "/v0/postings/beta"), ("ashby", "/posting-api/job-board/beta")],
)
def test_in_memory_boards_are_served_for_each_source(server, source, path):
    server.set_board(source, "beta", LEVER_BOARD)
    assert get(server, path).content == LEVER_BOARD


def test_matching_if_none_match_gets_304_and_a_changed_body_gets_200(server):
    server.set_board("lever", "acme", LEVER_BOARD)
    first = get(server, "/v0/postings/acme?mode=json")
    etag = first.headers["etag"]
    again = get(server, "/v0/postings/acme?mode=json", **{"If-None-Match": etag})
    assert (again.status_code, again.content) == (304, b"")
    assert again.headers["etag"] == etag
    server.set_board("lever", "acme", b"[]")
    changed = get(server, "/v0/postings/acme?mode=json", **{"If-None-Match": etag})
    assert (changed.status_code, changed.content) == (200, b"[]")
    assert changed.headers["etag"] != etag


def test_if_modified_since_gets_304_until_the_body_changes_even_within_a_second(server):
    server.set_board("ashby", "acme", b'{"jobs": []}')
    stamp = get(server, "/posting-api/job-board/acme").headers["last-modified"]
    assert get(server, "/posting-api/job-board/acme", **{"If-Modified-Since": stamp}).status_code == 304
    server.set_board("ashby", "acme", b'{"jobs": [], "apiVersion": "1"}')
    fresh = get(server, "/posting-api/job-board/acme", **{"If-Modified-Since": stamp})
    assert fresh.status_code == 200
    newer = email.utils.parsedate_to_datetime(fresh.headers["last-modified"])
    assert newer > email.utils.parsedate_to_datetime(stamp)


def test_if_none_match_wins_over_if_modified_since(server):
    server.set_board("lever", "acme", LEVER_BOARD)
    future = email.utils.formatdate(time.time() + 3600, usegmt=True)
    resp = get(server, "/v0/postings/acme", **{"If-None-Match": '"other"', "If-Modified-Since": future})
    assert resp.status_code == 200


def test_scripted_429_with_retry_after_then_the_board(server):
    server.set_board("lever", "acme", LEVER_BOARD)
    server.script("lever", "acme", [(429, "slow down", {"Retry-After": "1"})])
    limited = get(server, "/v0/postings/acme")
    assert (limited.status_code, limited.text, limited.headers["retry-after"]) == (429, "slow down", "1")
    assert get(server, "/v0/postings/acme").content == LEVER_BOARD


def test_a_board_can_fail_forever_and_serve_an_html_error_page(server):
    page = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>"
    server.script("greenhouse", "acme", itertools.chain([(200, page, {"Content-Type": "text/html"})],
                                                        itertools.repeat((500, "oops", {}))))
    html_reply = get(server, "/v1/boards/acme/jobs")
    assert (html_reply.status_code, html_reply.text, html_reply.headers["content-type"]) == (200, page, "text/html")
    assert [get(server, "/v1/boards/acme/jobs").status_code for _ in range(3)] == [500, 500, 500]


def test_a_scripted_reply_can_be_delayed(server):
    server.script("lever", "slow", [(200, "[]", {}, 0.3)])
    started = time.monotonic()
    assert get(server, "/v0/postings/slow").text == "[]"
    assert time.monotonic() - started >= 0.3


def test_unknown_boards_and_paths_get_a_plain_text_404(server):
    for path in ("/posting-api/job-board/nobody", "/v0/postings/nobody", "/elsewhere"):
        resp = get(server, path)
        assert (resp.status_code, resp.text) == (404, "Not Found")
        assert resp.headers["content-type"].startswith("text/plain")


def test_removed_board_is_gone_and_a_new_root_is_served(server, tmp_path):
    server.set_board("lever", "acme", LEVER_BOARD)
    server.remove_board("lever", "acme")
    assert get(server, "/v0/postings/acme").status_code == 404
    night2 = tmp_path / "night2"
    (night2 / "lever").mkdir(parents=True)
    (night2 / "lever" / "acme.json").write_bytes(b"[]")
    server.set_root(night2)
    assert get(server, "/v0/postings/acme").content == b"[]"
    assert get(server, "/v1/boards/acme/jobs").status_code == 404


def test_requests_are_logged_with_path_query_headers_and_status(server):
    get(server, "/v1/boards/acme/jobs?content=true", **{"User-Agent": "jobpipe-test"})
    get(server, "/v0/postings/none")
    first, second = server.requests
    assert (first.source, first.board, first.status) == ("greenhouse", "acme", 200)
    assert first.query == {"content": ["true"]} and first.headers["user-agent"] == "jobpipe-test"
    assert (second.path, second.status) == ("/v0/postings/none", 404)
    assert server.requests_for("greenhouse", "acme") == [first]
    server.clear_log()
    assert server.requests == []


def test_unknown_source_is_refused():
    with BoardServer() as server, pytest.raises(ValueError, match="unknown source 'workday'"):
        server.set_board("workday", "acme", b"[]")


def test_many_large_boards_are_served_quickly(tmp_path):
    postings = [b'{"id": "%d", "text": "Role", "description": "%s"}' % (i, b"x" * 4000) for i in range(250)]
    big = b"[" + b",".join(postings) + b"]"
    with BoardServer() as server:
        for n in range(20):
            server.set_board("lever", f"b{n}", big)
        session = requests.Session()
        started = time.monotonic()
        sizes = [len(session.get(f"{server.base_url}/v0/postings/b{n}", timeout=5).content) for n in range(20)]
        elapsed = time.monotonic() - started
    assert sizes == [len(big)] * 20
    assert elapsed < 5, f"20 MB took {elapsed:.1f}s"


def test_a_folder_board_gets_304_and_a_new_root_moves_last_modified_even_for_older_files(server, tmp_path):
    first = get(server, "/v1/boards/acme/jobs")
    assert get(server, "/v1/boards/acme/jobs", **{"If-None-Match": first.headers["etag"]}).status_code == 304
    night2 = tmp_path / "night2"
    (night2 / "greenhouse").mkdir(parents=True)
    older = night2 / "greenhouse" / "acme.json"
    older.write_text('{"jobs": [{"id": 1, "title": "New"}], "meta": {"total": 1}}')
    os.utime(older, (1_000_000_000, 1_000_000_000))  # a file from 2001
    server.set_root(night2)
    fresh = get(server, "/v1/boards/acme/jobs", **{"If-Modified-Since": first.headers["last-modified"]})
    assert fresh.status_code == 200 and fresh.json()["meta"]["total"] == 1
