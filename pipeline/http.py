"""One requests.Session for every feed: timeouts, retries with backoff, conditional GET, a size cap."""

from __future__ import annotations

import email.utils
import errno
import logging
import random
import socket
import ssl
import time
from dataclasses import dataclass
from http.cookiejar import DefaultCookiePolicy
from typing import Iterator
from urllib.parse import urlsplit

import requests
import urllib3.exceptions
from requests.adapters import HTTPAdapter

from pipeline import __version__
from pipeline.config import HttpSettings

log = logging.getLogger(__name__)

USER_AGENT = f"jobpipe/{__version__} (+https://github.com/jobpipe/jobpipe)"
RETRY_STATUSES = frozenset([429, *range(500, 600)])
CHUNK_BYTES = 256 * 1024

# Transport failures worth another attempt (an untrusted certificate is not, see is_certificate_error).
TRANSIENT_ERRORS = (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError)


@dataclass(frozen=True)
class HttpResponse:
    status: int
    body: bytes
    headers: dict[str, str]  # lower-case header names
    url: str
    elapsed_s: float  # the whole get(), retries and waits included
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """No usable response: transport failure after retries, a too-large body, a bad certificate."""

    def __init__(self, message: str):
        super().__init__(" ".join(message.split()))


class Http:
    """A shared session: safe to call get() from several threads at once."""

    def __init__(self, settings: HttpSettings, user_agent: str | None = None):
        self.settings = settings
        self._session = new_session(settings, user_agent or USER_AGENT)

    def get(
        self,
        url: str,
        params: dict | None = None,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> HttpResponse:
        """GET with retries; a 429/5xx still there after the last retry is returned, not raised."""
        started = time.monotonic()
        headers = conditional_headers(etag, last_modified)
        attempts = max(0, self.settings.max_retries) + 1
        for attempt in range(attempts):
            final = attempt == attempts - 1
            try:
                resp, body = self._get_once(url, params, headers)
            except TRANSIENT_ERRORS as exc:
                if final or is_certificate_error(exc) or is_name_resolution_error(exc):
                    raise FetchError(describe_error(exc, url, self.settings)) from exc
                wait_before_retry(backoff_delay(self.settings, attempt), url, type(exc).__name__)
                continue
            except requests.RequestException as exc:
                raise FetchError(describe_error(exc, url, self.settings)) from exc
            if resp.status_code not in RETRY_STATUSES or final:
                return to_response(resp, body, time.monotonic() - started)
            delay = retry_delay(resp.headers.get("Retry-After"), self.settings, attempt)
            wait_before_retry(delay, url, f"HTTP {resp.status_code}")
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _get_once(self, url: str, params: dict | None, headers: dict) -> tuple[requests.Response, bytes]:
        timeout = (self.settings.connect_timeout_s, self.settings.read_timeout_s)
        # verify=True is passed on every call so no session attribute or environment can turn it off.
        with self._session.get(url, params=params, headers=headers, timeout=timeout, stream=True, verify=True) as resp:
            body = read_capped(resp, self.settings.max_bytes)
        return resp, body

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> Http:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def new_session(settings: HttpSettings, user_agent: str) -> requests.Session:
    session = requests.Session()
    session.headers["User-Agent"] = user_agent
    # Boards are public and stateless; a shared jar would carry one board's cookies into another
    # board's requests and be written from several threads at once.
    session.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))
    # One pooled connection per concurrent fetch; retries are ours (below), not urllib3's, so that a
    # failure while streaming the body is retried like one before the headers.
    pool = max(1, settings.max_concurrency)
    adapter = HTTPAdapter(pool_connections=10, pool_maxsize=pool, max_retries=0)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def read_capped(resp: requests.Response, max_bytes: int) -> bytes:
    """The (decoded) body, aborting as soon as it exceeds max_bytes."""
    declared = resp.headers.get("Content-Length", "").strip()
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(too_large(resp.url, max_bytes))
    chunks, size = [], 0
    for chunk in resp.iter_content(CHUNK_BYTES):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(too_large(resp.url, max_bytes))
        chunks.append(chunk)
    return b"".join(chunks)


def to_response(resp: requests.Response, body: bytes, elapsed_s: float) -> HttpResponse:
    headers = {name.lower(): value for name, value in resp.headers.items()}
    return HttpResponse(
        status=resp.status_code,
        body=body,
        headers=headers,
        url=resp.url,
        elapsed_s=elapsed_s,
        etag=headers.get("etag"),
        last_modified=headers.get("last-modified"),
    )


def wait_before_retry(seconds: float, url: str, reason: str) -> None:
    log.info("%s from %s: retrying in %.1f s", reason, display_url(url), seconds)
    time.sleep(seconds)


def backoff_delay(settings: HttpSettings, attempt: int) -> float:
    """Exponential backoff with jitter, so concurrent feeds on one host do not retry in step."""
    base = min(settings.backoff_s * 2**attempt, settings.max_retry_after_s)
    return base + random.uniform(0, settings.backoff_s)


def retry_delay(retry_after: str | None, settings: HttpSettings, attempt: int) -> float:
    seconds = parse_retry_after(retry_after)
    if seconds is None:
        return backoff_delay(settings, attempt)
    return min(seconds, settings.max_retry_after_s)


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP date); None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def describe_error(exc: BaseException, url: str, settings: HttpSettings) -> str:
    """One line a user without internet can act on, naming the host and not the whole URL."""
    parts = urlsplit(url)
    host = parts.hostname or url
    where = f"{host}:{parts.port or (443 if parts.scheme == 'https' else 80)}"
    causes = list(iter_causes(exc))
    if is_name_resolution_error(exc):
        return f"cannot reach {host} (name does not resolve: no internet?)"
    if any(isinstance(c, ssl.SSLCertVerificationError) for c in causes):
        reason = next(c.verify_message for c in causes if isinstance(c, ssl.SSLCertVerificationError))
        return f"certificate of {host} is not trusted ({reason})"
    if any(isinstance(c, ConnectionRefusedError) for c in causes):
        return f"connection refused by {where}"
    if any(isinstance(c, OSError) and c.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH) for c in causes):
        return f"cannot reach {host} (network unreachable: no internet?)"
    if any(isinstance(c, (requests.ConnectTimeout, urllib3.exceptions.ConnectTimeoutError)) for c in causes):
        return f"timed out after {settings.connect_timeout_s:g} s connecting to {where}"
    if any(isinstance(c, (requests.ReadTimeout, urllib3.exceptions.ReadTimeoutError)) for c in causes):
        return f"timed out after {settings.read_timeout_s:g} s reading {display_url(url)}"
    if any(isinstance(c, ssl.SSLError) for c in causes):
        return f"TLS handshake with {where} failed ({causes[-1]})"
    if any(isinstance(c, (urllib3.exceptions.ProtocolError, ConnectionError)) for c in causes):
        return f"connection to {where} broke off before the response was complete"
    return f"cannot fetch {display_url(url)}: {type(exc).__name__}: {exc}"


def is_name_resolution_error(exc: BaseException) -> bool:
    """A host name that does not resolve: no internet or a typo, so retrying only makes the user wait."""
    return any(isinstance(c, (urllib3.exceptions.NameResolutionError, socket.gaierror)) for c in iter_causes(exc))


def is_certificate_error(exc: BaseException) -> bool:
    return any(isinstance(c, ssl.SSLCertVerificationError) for c in iter_causes(exc))


def iter_causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception and everything it wraps (requests → urllib3 → socket), each once."""
    seen, stack = set(), [exc]
    while stack:
        current = stack.pop()
        if not isinstance(current, BaseException) or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        wrapped = [getattr(current, "reason", None), current.__cause__, current.__context__, *current.args]
        stack.extend(reversed(wrapped))


def display_url(url: str) -> str:
    """Scheme, host and path: no credentials or query string in messages."""
    parts = urlsplit(url)
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    return f"{parts.scheme}://{netloc}{parts.path}"


def too_large(url: str, max_bytes: int) -> str:
    size = f"{max_bytes / 1_000_000:g} MB" if max_bytes >= 1_000_000 else f"{max_bytes:,} bytes"
    return f"response larger than {size} from {display_url(url)} (limit: http.max_bytes)"
