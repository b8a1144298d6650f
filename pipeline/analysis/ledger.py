"""What requests cost: the price table, token estimates, the per-run budget and ledger rows."""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone

# USD per million tokens, standard (not batch) tier; [analysis.prices] in jobpipe.toml overrides or adds.
DEFAULT_PRICES = {
    "gpt-4.1": {"input": 2.00, "cached_input": 0.50, "output": 8.00},
    "gpt-4.1-mini": {"input": 0.40, "cached_input": 0.10, "output": 1.60},
    "gpt-4.1-nano": {"input": 0.10, "cached_input": 0.025, "output": 0.40},
    "gpt-4o": {"input": 2.50, "cached_input": 1.25, "output": 10.00},
    "gpt-4o-mini": {"input": 0.15, "cached_input": 0.075, "output": 0.60},
    "gpt-5": {"input": 1.25, "cached_input": 0.125, "output": 10.00},
    "gpt-5-mini": {"input": 0.25, "cached_input": 0.025, "output": 2.00},
    "gpt-5-nano": {"input": 0.05, "cached_input": 0.005, "output": 0.40},
}
# A model missing from the table is priced like an expensive one, so the budget errs on the safe side.
FALLBACK_PRICE = {"input": 2.50, "cached_input": 1.25, "output": 10.00}
BATCH_DISCOUNT = 0.5
CHARS_PER_TOKEN = 4.0


@dataclass(frozen=True)
class Price:
    input: float
    cached_input: float
    output: float
    known: bool = True


def price_for(model: str, overrides: dict | None = None) -> Price:
    """The price of a model, from the configured table first, then the built-in one, else the fallback."""
    table = {**DEFAULT_PRICES, **(overrides or {})}
    row = table.get(model)
    if row is None:
        return Price(**FALLBACK_PRICE, known=False)
    try:
        return Price(float(row["input"]), float(row.get("cached_input", row["input"])), float(row["output"]))
    except (KeyError, TypeError, ValueError):
        raise ValueError(
            f"[analysis.prices] {model}: needs numbers input, output (and optionally cached_input)"
        ) from None


def estimate_tokens(chars: int) -> int:
    return int(chars / CHARS_PER_TOKEN) + 1


def cost_usd(price: Price, tokens_in: int, tokens_cached: int, tokens_out: int, *, batch: bool = False) -> float:
    fresh = max(tokens_in - tokens_cached, 0)
    usd = (fresh * price.input + tokens_cached * price.cached_input + tokens_out * price.output) / 1_000_000
    return usd * (BATCH_DISCOUNT if batch else 1.0)


@dataclass
class Budget:
    """The per-run limits. Each request reserves its worst case first, so the run stops before exceeding."""

    max_cost_usd: float
    max_requests: int
    spent_usd: float = 0.0
    reserved_usd: float = 0.0
    n_requests: int = 0
    stopped: str | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def reserve(self, worst_usd: float) -> bool:
        with self._lock:
            if self.stopped:
                return False
            if self.n_requests + 1 > self.max_requests:
                self.stopped = f"max_requests={self.max_requests} reached; the rest waits for the next run"
            elif self.spent_usd + self.reserved_usd + worst_usd > self.max_cost_usd:
                self.stopped = (
                    f"the next request could cost up to ${worst_usd:.4f}, which would exceed max_cost_usd="
                    f"${self.max_cost_usd:.2f} (${self.spent_usd + self.reserved_usd:.4f} spent or reserved)"
                )
            if self.stopped:
                return False
            self.n_requests += 1
            self.reserved_usd += worst_usd
            return True

    def settle(self, reserved_usd: float, actual_usd: float) -> None:
        with self._lock:
            self.reserved_usd -= reserved_usd
            self.spent_usd += actual_usd


@dataclass
class LedgerRow:
    """One request to a model (or one line of a batch), as the analysis_requests table stores it."""

    run_id: str
    backend: str
    model: str
    kind: str
    subject: str
    input_hash: str
    prompt_version: str
    purpose: str  # first | reask | ground_retry | batch
    status: str = "pending"  # ok | invalid | ungrounded | failed | expired
    http_status: int | None = None
    error: str | None = None
    n_retries: int = 0
    tokens_in: int = 0
    tokens_cached: int = 0
    tokens_out: int = 0
    cost_usd: float = 0.0
    latency_ms: int | None = None
    chars_sent: int = 0
    batch_id: str | None = None
    custom_id: str | None = None
    request_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    created_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))


def record_usage(row: LedgerRow, usage, price: Price, *, batch: bool = False) -> None:
    """Fill tokens and cost from a Chat Completions usage object (or its dict form in batch output)."""
    usage = usage.model_dump() if hasattr(usage, "model_dump") else (usage or {})
    details = usage.get("prompt_tokens_details") or {}
    row.tokens_in = int(usage.get("prompt_tokens") or 0)
    row.tokens_cached = int(details.get("cached_tokens") or 0)
    row.tokens_out = int(usage.get("completion_tokens") or 0)
    row.cost_usd = cost_usd(price, row.tokens_in, row.tokens_cached, row.tokens_out, batch=batch)
