"""Digest delivery: off by default; SMTP and webhook to local servers; a failure is reported and the files stay."""

from __future__ import annotations

import json
import socketserver
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from digest_fixture import WEEK, build_digest_db

from pipeline.config import DigestSettings, WatchlistSettings
from pipeline.digest.build import build_digest
from pipeline.digest.delivery import deliver, delivery_settings
from pipeline.digest.weeks import parse_week


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    root = tmp_path_factory.mktemp("delivery")
    db = build_digest_db(root / "d.duckdb")
    return build_digest(db, parse_week(WEEK), root / "reports", DigestSettings(), WatchlistSettings())


class Hook(BaseHTTPRequestHandler):
    status = 204
    received: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Hook.received.append(json.loads(body))
        self.send_response(self.status)
        self.end_headers()

    def log_message(self, *args):
        pass


class Smtp(socketserver.StreamRequestHandler):
    """Just enough SMTP to accept one message."""

    messages: list = []

    def reply(self, line: str):
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self):
        self.reply("220 localhost test SMTP")
        while line := self.rfile.readline().decode().strip():
            verb = line.split(" ", 1)[0].upper()
            if verb == "EHLO":
                self.reply("250 localhost")
            elif verb == "DATA":
                self.reply("354 go on")
                data = b"".join(iter(lambda: self.rfile.readline(), b".\r\n"))
                Smtp.messages.append(data.decode())
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")


def serve(server):
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_nothing_is_delivered_unless_configured(result):
    delivery = delivery_settings(DigestSettings(), {})
    assert not delivery.is_configured
    assert deliver(result, delivery) == []


def test_webhook_receives_the_week_and_its_headline(result):
    Hook.status, Hook.received = 204, []
    server = serve(ThreadingHTTPServer(("127.0.0.1", 0), Hook))
    try:
        url = f"http://127.0.0.1:{server.server_port}/hook/secret-token"
        [outcome] = deliver(result, delivery_settings(DigestSettings(webhook_url=url), {}))
    finally:
        server.shutdown()
    assert outcome.ok, outcome.detail
    assert Hook.received[0]["week"] == WEEK
    assert {row["metric"] for row in Hook.received[0]["headline"]} >= {"new_roles", "closed_roles"}


def test_a_failing_webhook_is_reported_and_the_files_stay(result):
    Hook.status = 500
    server = serve(ThreadingHTTPServer(("127.0.0.1", 0), Hook))
    try:
        url = f"http://127.0.0.1:{server.server_port}/hook/secret-token"
        [outcome] = deliver(result, delivery_settings(DigestSettings(), {"JOBPIPE_DIGEST_WEBHOOK_URL": url}))
    finally:
        server.shutdown()
    assert not outcome.ok
    assert "HTTP 500" in outcome.detail
    assert "secret-token" not in outcome.detail
    assert all(path.exists() for path in result.files.values())


def test_unreachable_webhook_is_reported_without_its_url(result):
    url = "http://127.0.0.1:9/hook/secret-token"
    [outcome] = deliver(result, delivery_settings(DigestSettings(webhook_url=url), {}))
    assert not outcome.ok
    assert "secret-token" not in outcome.detail


def test_email_goes_out_through_the_smtp_server_from_the_environment(result):
    Smtp.messages = []
    server = serve(socketserver.ThreadingTCPServer(("127.0.0.1", 0), Smtp))
    env = {"JOBPIPE_SMTP_HOST": "127.0.0.1", "JOBPIPE_SMTP_PORT": str(server.server_address[1]),
           "JOBPIPE_SMTP_SECURITY": "none", "JOBPIPE_SMTP_FROM": "digest@example.com"}  # fmt: skip
    try:
        [outcome] = deliver(result, delivery_settings(DigestSettings(email_to=("reader@example.com",)), env))
    finally:
        server.shutdown()
        server.server_close()
    assert outcome.ok, outcome.detail
    message = Smtp.messages[0]
    assert f"Subject: jobpipe weekly digest {WEEK}" in message
    assert "new_roles.csv" in message and "text/html" in message


def test_email_without_a_server_is_reported_not_sent(result):
    [outcome] = deliver(result, delivery_settings(DigestSettings(email_to=("reader@example.com",)), {}))
    assert not outcome.ok
    assert "JOBPIPE_SMTP_HOST" in outcome.detail
