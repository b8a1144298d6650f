"""A local job-board server at the real API paths of Greenhouse, Lever and Ashby, for the demo, tests and benchmarks."""

from __future__ import annotations

import email.utils
import hashlib
import json
import re
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

ROUTES = {
    "greenhouse": re.compile(r"^/v1/boards/([^/]+)/jobs/?$"),
    "lever": re.compile(r"^/v0/postings/([^/]+)/?$"),
    "ashby": re.compile(r"^/posting-api/job-board/([^/]+)/?$"),
}
NOT_FOUND = b"Not Found"


@dataclass(frozen=True)
class Request:
    """One request as the server received it: header names are lower-case."""

    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    source: str | None
    board: str | None
    status: int


@dataclass(frozen=True)
class Board:
    etag: str
    last_modified: float  # epoch seconds, whole
    body: bytes | None = None  # None: read from path when it is sent (a 304 reads nothing)
    path: Path | None = None

    def read(self) -> bytes:
        return self.body if self.body is not None else self.path.read_bytes()


Reply = tuple  # (status, body, headers) or (status, body, headers, delay_s)


class BoardServer:
    """Serves boards from a folder laid out <source>/<board>.json and/or bodies set in memory.

    Use as a context manager, or start() and stop(). `base_url` is the same for all three sources.
    """

    def __init__(self, root: str | Path | None = None, host: str = "127.0.0.1", port: int = 0):
        self._root = Path(root) if root is not None else None
        self._root_since = float(int(time.time()))  # folder boards are not older than the folder's turn
        self._boards: dict[tuple[str, str], Board] = {}
        # Folder boards: only validators are cached, keyed by (mtime, size); bodies are read per request,
        # so serving a 500 MB folder does not hold 500 MB in memory.
        self._files: dict[Path, tuple[tuple[int, int], str, float]] = {}
        self._scripts: dict[tuple[str, str], Iterator[Reply]] = {}
        self._log: list[Request] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer((host, port), _handler_for(self))
        self._httpd.daemon_threads = True
        self._httpd.request_queue_size = 128
        self._thread: threading.Thread | None = None

    # -- life cycle -------------------------------------------------------------------------------
    def start(self) -> BoardServer:
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="boardserver", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> BoardServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    # -- what is served ---------------------------------------------------------------------------
    def set_root(self, root: str | Path | None) -> None:
        """Serve another folder from now on (a second night of the same boards, say)."""
        with self._lock:
            self._root = Path(root) if root is not None else None
            # Files of the next night may be older than those served so far: Last-Modified must still move.
            self._root_since = max(float(int(time.time())), self._root_since + 1)
            self._files.clear()

    def set_board(self, source: str, board: str, body: bytes | str | list | dict) -> None:
        """Serve this body for the board from the next request on; lists and dicts are sent as JSON."""
        _check_source(source)
        data = _as_bytes(body)
        with self._lock:
            previous = self._boards.get((source, board))
            modified = float(int(time.time()))
            if previous is not None and previous.body != data:
                # Last-Modified has one-second resolution: keep it moving when a body changes within a second.
                modified = max(modified, previous.last_modified + 1)
            elif previous is not None:
                modified = previous.last_modified
            self._boards[(source, board)] = Board(_etag(data), modified, body=data)

    def remove_board(self, source: str, board: str) -> None:
        """Forget an in-memory board: it answers 404 again (or comes from the folder, if there)."""
        with self._lock:
            self._boards.pop((source, board), None)

    def script(self, source: str, board: str, replies: Iterable[Reply]) -> None:
        """Answer the board's next requests with these replies, in order, then with the board itself.

        A reply is (status, body, headers) or (status, body, headers, delay_s); body is bytes or str.
        Pass itertools.repeat(reply) for a board that always answers the same (500 forever, say).
        """
        _check_source(source)
        with self._lock:
            self._scripts[(source, board)] = iter(replies)

    # -- what was asked ---------------------------------------------------------------------------
    @property
    def requests(self) -> list[Request]:
        with self._lock:
            return list(self._log)

    def requests_for(self, source: str, board: str) -> list[Request]:
        return [r for r in self.requests if r.source == source and r.board == board]

    def clear_log(self) -> None:
        with self._lock:
            self._log.clear()

    # -- used by the handler ----------------------------------------------------------------------
    def _next_scripted(self, key: tuple[str, str]) -> Reply | None:
        with self._lock:
            replies = self._scripts.get(key)
            if replies is None:
                return None
            reply = next(replies, None)
            if reply is None:
                del self._scripts[key]
            return reply

    def _board(self, key: tuple[str, str]) -> Board | None:
        with self._lock:
            board, root, since = self._boards.get(key), self._root, self._root_since
        if board is not None or root is None:
            return board
        return self._file_board(root / key[0] / f"{key[1]}.json", since)

    def _file_board(self, path: Path, since: float) -> Board | None:
        try:
            stat = path.stat()
        except (FileNotFoundError, NotADirectoryError):
            return None
        stamp = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            cached = self._files.get(path)
        if cached is not None and cached[0] == stamp:
            return Board(cached[1], cached[2], path=path)
        data = path.read_bytes()
        board = Board(_etag(data), max(float(int(stat.st_mtime)), since), body=data)
        with self._lock:
            self._files[path] = (stamp, board.etag, board.last_modified)
        return board

    def _record(self, request: Request) -> None:
        with self._lock:
            self._log.append(request)


def _handler_for(server: BoardServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as a requests.Session expects
        server_version = "boardserver"

        def log_message(self, *args) -> None:  # the request log is kept in memory instead
            pass

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            source, board = _route(parts.path)
            headers = {k.lower(): v for k, v in self.headers.items()}
            status, body, extra, delay = _answer(server, source, board, headers)
            request = Request(parts.path, parse_qs(parts.query), headers, source, board, status)
            server._record(request)
            if delay:
                time.sleep(delay)
            self._send(status, body, extra)

        def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            names = {k.lower() for k in headers}
            if "content-type" not in names and status != 304:
                self.send_header("Content-Type", "text/plain; charset=utf-8")
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

    return Handler


def _route(path: str) -> tuple[str | None, str | None]:
    for source, pattern in ROUTES.items():
        match = pattern.match(path)
        if match:
            return source, unquote(match.group(1))
    return None, None


def _answer(server: BoardServer, source, board, headers) -> tuple[int, bytes, dict[str, str], float]:
    if source is None:
        return 404, NOT_FOUND, {}, 0.0
    scripted = server._next_scripted((source, board))
    if scripted is not None:
        status, body, extra, *rest = scripted
        return status, _as_bytes(body) if body is not None else b"", dict(extra or {}), float(rest[0] if rest else 0)
    found = server._board((source, board))
    if found is None:
        return 404, NOT_FOUND, {}, 0.0  # Ashby's real 404 is plain text; the fetcher must not parse it
    validators = {"ETag": found.etag, "Last-Modified": email.utils.formatdate(found.last_modified, usegmt=True)}
    if _not_modified(found, headers):
        return 304, b"", validators, 0.0
    return 200, found.read(), {"Content-Type": "application/json; charset=utf-8", **validators}, 0.0


def _not_modified(board: Board, headers: dict[str, str]) -> bool:
    """RFC 9110: If-None-Match wins when present; If-Modified-Since is only looked at without it."""
    if_none_match = headers.get("if-none-match")
    if if_none_match is not None:
        tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
        return "*" in tags or board.etag in tags
    since = headers.get("if-modified-since")
    if since:
        try:
            return board.last_modified <= email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError):
            return False
    return False


def _etag(data: bytes) -> str:
    return '"' + hashlib.blake2b(data, digest_size=16).hexdigest() + '"'


def _as_bytes(body: bytes | str | list | dict) -> bytes:
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("utf-8")
    return json.dumps(body).encode("utf-8")


def _check_source(source: str) -> None:
    if source not in ROUTES:
        raise ValueError(f"unknown source {source!r} (known: {', '.join(ROUTES)})")
