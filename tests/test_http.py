"""pipeline.http against a real local server: retries, Retry-After, conditional GET, limits, errors."""

from __future__ import annotations

import email.utils
import socket
import ssl
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
import requests
import trustme
import urllib3.exceptions
from http_testserver import Reply, script, serve

from pipeline import __version__
from pipeline.config import HttpSettings
from pipeline.http import FetchError, Http, describe_error

FAST = HttpSettings(
    connect_timeout_s=2.0,
    read_timeout_s=2.0,
    max_retries=2,
    backoff_s=0.01,
    max_retry_after_s=5.0,
    max_bytes=1_000_000,
    max_concurrency=4,
)


@pytest.fixture(autouse=True)
def local_server_bypasses_any_proxy(monkeypatch):
    monkeypatch.setenv("no_proxy", "127.0.0.1")


def fetch(server, path="/jobs", settings=FAST, **kwargs):
    with Http(settings) as http:
        return http.get(server.url + path, **kwargs)


def fetch_error(server, path="/jobs", settings=FAST) -> str:
    with pytest.raises(FetchError) as caught:
        fetch(server, path, settings)
    message = str(caught.value)
    assert "\n" not in message
    return message


def gaps(server) -> list[float]:
    return [b.at - a.at for a, b in zip(server.seen, server.seen[1:])]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_429_with_retry_after_is_waited_out_then_the_body_is_returned():
    answer = script(Reply(429, headers={"Retry-After": "1"}), Reply(200, b'{"jobs": []}'))
    with serve(answer) as server:
        response = fetch(server)
    assert (response.status, response.body) == (200, b'{"jobs": []}')
    assert len(server.seen) == 2
    assert gaps(server)[0] >= 0.95
    assert response.elapsed_s >= 0.95


def test_retry_after_as_an_http_date_is_honoured():
    at = email.utils.formatdate(time.time() + 2, usegmt=True)  # whole seconds: a wait of 1 to 2 s
    answer = script(Reply(503, headers={"Retry-After": at}), Reply(200, b"ok"))
    with serve(answer) as server:
        response = fetch(server)
    assert response.status == 200
    assert 0.9 <= gaps(server)[0] <= 2.5


def test_retry_after_over_the_cap_is_capped():
    answer = script(Reply(429, headers={"Retry-After": "3600"}), Reply(200, b"ok"))
    with serve(answer) as server:
        response = fetch(server, settings=replace(FAST, max_retry_after_s=0.3))
    assert response.status == 200
    assert 0.28 <= gaps(server)[0] < 2.0


def test_persistent_500_is_returned_after_max_retries_plus_one_attempts():
    with serve(script(Reply(500, b"oops"))) as server:
        response = fetch(server, settings=replace(FAST, max_retries=3))
    assert (response.status, response.body) == (500, b"oops")
    assert len(server.seen) == 4


def test_backoff_doubles_between_attempts():
    settings = replace(FAST, max_retries=3, backoff_s=0.05)
    with serve(script(Reply(503))) as server:
        assert fetch(server, settings=settings).status == 503
    waits = gaps(server)
    assert len(waits) == 3
    for attempt, wait in enumerate(waits):
        assert wait >= 0.05 * 2**attempt * 0.95


def test_404_is_returned_at_once_without_retrying():
    with serve(script(Reply(404, b"Not Found"))) as server:
        response = fetch(server)
    assert (response.status, response.body) == (404, b"Not Found")
    assert len(server.seen) == 1


def test_connection_dropped_without_answer_is_retried():
    with serve(script(Reply(drop=True), Reply(200, b"ok"))) as server:
        response = fetch(server)
    assert (response.status, response.body) == (200, b"ok")
    assert len(server.seen) == 2


def test_body_cut_short_is_retried_like_a_failure_before_the_headers():
    cut = Reply(200, b"[{", headers={"Content-Length": "100"})
    with serve(script(cut, Reply(200, b"[{}]"))) as server:
        response = fetch(server)
    assert (response.status, response.body) == (200, b"[{}]")
    assert len(server.seen) == 2


def test_connection_refused_raises_a_readable_fetch_error():
    port = free_port()
    with pytest.raises(FetchError) as caught, Http(FAST) as http:
        http.get(f"http://127.0.0.1:{port}/jobs")
    assert str(caught.value) == f"connection refused by 127.0.0.1:{port}"


def test_server_that_never_accepts_times_out_connecting():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        # Fill the accept queue: the kernel then drops new connection attempts unanswered.
        queued = [socket.socket() for _ in range(3)]
        for sock in queued:
            sock.setblocking(False)
            sock.connect_ex(("127.0.0.1", port))
        with pytest.raises(FetchError) as caught, Http(replace(FAST, connect_timeout_s=0.2, max_retries=1)) as http:
            http.get(f"http://127.0.0.1:{port}/jobs")
        for sock in queued:
            sock.close()
    assert str(caught.value) == f"timed out after 0.2 s connecting to 127.0.0.1:{port}"


def test_server_that_never_answers_times_out_with_a_fetch_error():
    settings = replace(FAST, read_timeout_s=0.2, max_retries=1)
    with serve(script(Reply(200, b"late", delay_s=1.5))) as server:
        message = fetch_error(server, "/slow?content=true", settings)
    assert message == f"timed out after 0.2 s reading {server.url}/slow"
    assert len(server.seen) == 2


def test_body_that_stalls_midway_times_out_with_a_fetch_error():
    settings = replace(FAST, read_timeout_s=0.2, max_retries=0)
    with serve(script(Reply(200, b"x" * 1000, stall_after=500, stall_s=1.5))) as server:
        message = fetch_error(server, "/jobs", settings)
    assert message.startswith("timed out after 0.2 s reading")


def test_etag_round_trip_gives_not_modified():
    def answer(seen):
        if seen.headers.get("if-none-match") == '"v1"':
            return Reply(304, headers={"ETag": '"v1"'})
        return Reply(200, b'{"jobs": [1]}', headers={"ETag": '"v1"'})

    with serve(answer) as server:
        first = fetch(server)
        second = fetch(server, etag=first.etag)
    assert (first.status, first.etag, first.not_modified) == (200, '"v1"', False)
    assert (second.status, second.body, second.not_modified) == (304, b"", True)
    assert "if-none-match" not in server.seen[0].headers


def test_last_modified_round_trip_gives_not_modified():
    stamp = "Wed, 21 Oct 2026 07:28:00 GMT"

    def answer(seen):
        if seen.headers.get("if-modified-since") == stamp:
            return Reply(304)
        return Reply(200, b"[]", headers={"Last-Modified": stamp})

    with serve(answer) as server:
        first = fetch(server)
        second = fetch(server, last_modified=first.last_modified)
    assert (first.last_modified, first.not_modified) == (stamp, False)
    assert second.not_modified
    assert len(server.seen) == 2


def test_streamed_body_over_the_cap_is_abandoned_as_soon_as_it_exceeds_it():
    # 1.5 MB arrive at once, the rest only after 3 s: a client that read it all would wait.
    big = Reply(200, b"x" * 4_000_000, chunked=True, stall_after=1_500_000, stall_s=3.0)
    with serve(script(big)) as server:
        started = time.monotonic()
        message = fetch_error(server)
    assert time.monotonic() - started < 2.0
    assert message == f"response larger than 1 MB from {server.url}/jobs (limit: http.max_bytes)"
    assert len(server.seen) == 1


def test_content_length_over_the_cap_fails_before_the_body_is_read():
    liar = Reply(200, b"tiny", headers={"Content-Length": "50000000"}, stall_after=0, stall_s=3.0)
    with serve(script(liar)) as server:
        started = time.monotonic()
        message = fetch_error(server)
    assert time.monotonic() - started < 2.0
    assert message.startswith("response larger than 1 MB")


def test_user_agent_names_jobpipe_and_its_version():
    with serve(script(Reply(200))) as server:
        fetch(server)
        with Http(FAST, user_agent="mirror-check/2") as http:
            http.get(server.url)
    default_agent, custom_agent = (seen.headers["user-agent"] for seen in server.seen)
    assert default_agent.startswith(f"jobpipe/{__version__} ")
    assert custom_agent == "mirror-check/2"


def test_params_are_sent_and_response_headers_come_back_lower_case():
    answer = script(Reply(200, b"{}", headers={"Content-Type": "application/json", "X-Board-Count": "7"}))
    with serve(answer) as server:
        response = fetch(server, params={"content": "true"})
    assert server.seen[0].path == "/jobs?content=true"
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-board-count"] == "7"
    assert response.url == f"{server.url}/jobs?content=true"


def test_cookies_set_by_one_board_are_not_sent_to_the_next():
    answer = script(Reply(200, headers={"Set-Cookie": "session=abc; Path=/"}), Reply(200))
    with serve(answer) as server, Http(FAST) as http:
        http.get(f"{server.url}/a")
        http.get(f"{server.url}/b")
    assert "cookie" not in server.seen[1].headers


def test_untrusted_certificate_is_refused_even_when_the_environment_clears_the_ca_bundle(monkeypatch, tmp_path):
    ca = trustme.CA()
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert("127.0.0.1").configure_cert(server_context)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "")
    monkeypatch.setenv("CURL_CA_BUNDLE", "")
    with serve(script(Reply(200, b"secret")), tls=server_context) as server:
        message = fetch_error(server)
        bundle = tmp_path / "ca.pem"
        ca.cert_pem.write_to_path(str(bundle))
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(bundle))
        trusted = fetch(server)
    assert message.startswith("certificate of 127.0.0.1 is not trusted (")
    assert (trusted.status, trusted.body) == (200, b"secret")


def test_concurrent_gets_run_in_parallel_on_reused_pooled_connections():
    rounds, width = 3, FAST.max_concurrency
    with serve(script(Reply(200, b"ok", delay_s=0.2))) as server, Http(FAST) as http:
        started = time.monotonic()
        with ThreadPoolExecutor(width) as pool:
            for _ in range(rounds):
                statuses = list(pool.map(lambda n: http.get(f"{server.url}/b{n}").status, range(width)))
                assert statuses == [200] * width
        wall = time.monotonic() - started
    assert wall < rounds * width * 0.2 / 2  # one at a time would take 2.4 s
    # A pool smaller than the concurrency would discard connections and open new ones each round.
    assert len({seen.client_port for seen in server.seen}) <= width


def test_name_that_does_not_resolve_is_reported_as_no_internet():
    host = "boards-api.greenhouse.io"
    try:
        try:
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        except socket.gaierror as exc:
            raise urllib3.exceptions.NameResolutionError(host, None, exc) from exc
    except urllib3.exceptions.NameResolutionError as exc:
        error = requests.ConnectionError(urllib3.exceptions.MaxRetryError(None, "/v1/boards/x/jobs", exc))
    message = describe_error(error, f"https://{host}/v1/boards/x/jobs", FAST)
    assert message == "cannot reach boards-api.greenhouse.io (name does not resolve: no internet?)"
