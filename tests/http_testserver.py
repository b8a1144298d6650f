"""A real HTTP(S) server on 127.0.0.1 for tests: each request is answered by a function the test gives."""

from __future__ import annotations

import ssl
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Seen:
    """A request as the server received it."""

    path: str  # with the query string
    headers: dict[str, str]  # lower-case names
    at: float  # time.monotonic() on arrival
    client_port: int


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # wait before the status line
    stall_after: int | None = None  # send this many body bytes, then wait stall_s before the rest
    stall_s: float = 0.0
    chunked: bool = False  # no Content-Length: the client learns the size only by reading
    drop: bool = False  # close the connection without answering


Answer = Callable[[Seen], Reply]


def script(*replies: Reply) -> Answer:
    """Answer the n-th request with replies[n], and every later one with the last reply."""
    count = iter(range(10**9))

    def answer(_: Seen) -> Reply:
        return replies[min(next(count), len(replies) - 1)]

    return answer


class LocalServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a handler still stalling must not hold up the end of a test

    def __init__(self, answer: Answer):
        super().__init__(("127.0.0.1", 0), Handler)
        self.answer = answer
        self.seen: list[Seen] = []
        self.scheme = "http"

    def handle_error(self, request, client_address) -> None:
        # Clients in these tests hang up on purpose (timeouts, the size cap); anything else is a bug.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so connection reuse is observable
    server: LocalServer

    def do_GET(self) -> None:
        seen = Seen(self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic(), self.client_address[1])
        self.server.seen.append(seen)
        reply = self.server.answer(seen)
        if reply.drop:
            self.close_connection = True
            return
        time.sleep(reply.delay_s)
        self.send_response(reply.status)
        self.send_headers(reply)
        if reply.status != 304:
            self.send_body(reply)

    def send_headers(self, reply: Reply) -> None:
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if reply.chunked:
            self.send_header("Transfer-Encoding", "chunked")
        elif "Content-Length" not in reply.headers:
            self.send_header("Content-Length", str(len(reply.body)))
        else:
            self.close_connection = True  # the declared length may be a lie
        self.end_headers()

    def send_body(self, reply: Reply) -> None:
        split = len(reply.body) if reply.stall_after is None else reply.stall_after
        self.send_part(reply.body[:split], reply.chunked)
        if reply.stall_after is not None:
            self.wfile.flush()
            time.sleep(reply.stall_s)
            self.send_part(reply.body[split:], reply.chunked)
        if reply.chunked:
            self.wfile.write(b"0\r\n\r\n")

    def send_part(self, data: bytes, chunked: bool) -> None:
        step = 64 * 1024
        for start in range(0, len(data), step):
            piece = data[start : start + step]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)

    def log_message(self, format: str, *args) -> None:
        pass  # keep test output quiet


@contextmanager
def serve(answer: Answer, tls: ssl.SSLContext | None = None) -> Iterator[LocalServer]:
    server = LocalServer(answer)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
        server.scheme = "https"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
