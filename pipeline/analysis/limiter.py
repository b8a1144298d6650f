"""A requests-per-minute and tokens-per-minute limiter shared by the threads sending requests."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

HEADROOM = 0.97


@dataclass
class Limiter:
    """Spaces request starts evenly (a request takes 60/rpm s of the minute, or its share of the TPM).

    Even spacing, not bursts, keeps a provider's sliding window from ever seeing more than the
    limit, which is what sustains close to the limit without 429s. Start times jitter by
    milliseconds, so the pace keeps a little headroom below the limit.
    """

    requests_per_minute: float
    tokens_per_minute: float
    _next_at: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def wait(self, est_tokens: int, *, clock=time.monotonic, sleep=time.sleep) -> float:
        """Block until this request may start; returns the seconds waited."""
        with self._lock:
            now = clock()
            start = max(now, self._next_at)
            self._next_at = start + self._interval(est_tokens)
        delay = start - now
        if delay > 0:
            sleep(delay)
        return delay

    def _interval(self, est_tokens: int) -> float:
        by_requests = 60.0 / (self.requests_per_minute * HEADROOM) if self.requests_per_minute > 0 else 0.0
        by_tokens = 60.0 * est_tokens / (self.tokens_per_minute * HEADROOM) if self.tokens_per_minute > 0 else 0.0
        return max(by_requests, by_tokens)
