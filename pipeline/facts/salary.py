"""Salary from posting text: amount range, currency, pay period and annual figures, with the span that shows them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.facts import fx, money
from pipeline.facts.evidence import Fact

# The rules (bench/facts_eval/salary.jsonl is labelled by them):
# - Currency: an explicit code or symbol wins (US$, CA$, €, CHF, zł …). A bare "$" is USD on a US posting;
#   on a posting in a country whose own currency is written "$" (Canada, Australia, Singapore, Mexico …)
#   it is unknown, with the candidates and a note, unless the posting names one dollar currency ("all
#   figures in CAD"); with no location it is USD unless the text names such a country; in any other
#   country it is USD, noted. "kr", "¥" and "Rs" resolve the same way by country. No currency at all:
#   the currency of the one country the location names (inferred, noted), else unknown.
# - Period: stated words in English and the common European and Asian forms; otherwise inferred from the
#   amount in USD terms (under 300 → hour, day-rate-sized figures → day, under 15,000 → month, else year).
# - Base pay over on-target earnings; OTE alone is taken and flagged. Bonuses, equity, benefits, budgets,
#   revenue and funding are not pay. Several ranges in one currency and period (levels, location zones)
#   give the overall min and max; alternatives in other currencies ("3,500 USD / 2,100 GBP") give the one
#   of the posting's country, else the first. "up to X" is a max only, "from X" or "X+" a min only.

ANNUAL_FACTORS = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}
PLAUSIBLE_ANNUAL_USD = (1_000, 3_000_000)
AMBIGUOUS_SYMBOLS = {"$", "kr", "¥", "Rs"}


@dataclass(frozen=True)
class Salary:
    min: float | None
    max: float | None
    currency: str | None  # ISO 4217, None when unknown
    period: str | None  # hour|day|week|month|year
    annual_min: float | None
    annual_max: float | None
    source: str  # posted|parsed|inferred
    start: int | None  # evidence span in the text (None for posted)
    end: int | None
    quote: str | None
    note: str | None
    currency_candidates: tuple[str, ...] = ()
    is_ote: bool = False
    has_equity: bool = False

    def facts(self) -> dict[str, Fact]:
        """The four headline fields as evidence-carrying facts."""
        values = {"salary_min": self.min, "salary_max": self.max,
                  "salary_currency": self.currency, "salary_period": self.period}
        return {k: Fact(v, self.source, self.start, self.end, self.quote) for k, v in values.items()}


@dataclass(frozen=True, slots=True)
class _Amount:
    start: int
    end: int  # after the amount and any period written right after it
    low: float
    high: float | None  # None unless a range
    tokens: tuple[str, ...]  # currency tokens as written
    period: str | None  # stated right after the amount
    indian: bool  # lakh / crore figures


@dataclass(frozen=True, slots=True)
class _Candidate:
    amount: _Amount
    min: float | None
    max: float | None
    currency: str | None
    candidates: tuple[str, ...]
    period: str | None
    period_stated: bool
    notes: tuple[str, ...]
    inferred: bool
    is_ote: bool
    score: float
    group: int  # amounts written as alternatives ("3,500 USD / 2,100 GBP") share a group


def annualize(value: float | None, period: str | None) -> float | None:
    if value is None or period not in ANNUAL_FACTORS:
        return None
    return round(value * ANNUAL_FACTORS[period], 2)


def extract_salary(text: str, *, title: str | None = None, location: str | None = None,
                   country: str | None = None) -> Salary | None:
    """The pay a posting's text states, or None; never a guessed currency.

    The countries `location` names decide an ambiguous symbol ("$" in Toronto); `country` (ISO 3166
    alpha-2) stands in when the location names none, so a posting in several countries stays ambiguous.
    """
    if not text or not money.HAS_DIGIT.search(text):
        return None
    countries = money.location_countries(location) or frozenset({country.upper()} if country else ())
    candidates = _candidates(text, countries)
    if not candidates:
        return None
    chosen, alternatives = _choose(candidates, countries)
    return _to_salary(text, chosen, title, alternatives)


def _candidates(text: str, countries: frozenset[str]) -> list[_Candidate]:
    amounts = _amounts(text)
    groups = _groups(text, amounts)
    found = []
    for i, amount in enumerate(amounts):
        first, last = amounts[groups[i][0]], amounts[groups[i][-1]]
        floor = amounts[groups[i][0] - 1].end if groups[i][0] > 0 else 0
        candidate = _assess(text, amount, first.start, last, floor, countries, groups[i][0])
        if candidate:
            found.append(candidate)
    return found


def _amounts(text: str) -> list[_Amount]:
    found: list[_Amount] = []
    for m in money.MONEY_RE.finditer(text):
        if found and m.start() < found[-1].end:
            continue  # a number inside the previous amount's period words
        amount = _amount(text, m)
        if amount:
            found.append(amount)
    return found


def _amount(text: str, m: re.Match) -> _Amount | None:
    before = money.currency_before(text, m.start())
    if before is None and not _could_be_pay(text, m):
        return None
    if money.NOT_MONEY_AFTER.match(text, m.end()) or (before is None and money.NOT_MONEY.match(m.group())):
        return None
    n1, m1, m2 = m.group("n1"), m.group("m1"), m.group("m2")
    low = money.parse_number(n1) * money.multiplier(m1)
    high, end, tokens = None, m.end(), [before[0] if before else None, m.group("c2")]
    if m.group("n2") and _is_range(text, m):
        raw2 = money.parse_number(m.group("n2"))
        high = raw2 * money.multiplier(m2)
        if m2 and not m1 and money.parse_number(n1) <= raw2:
            low = money.parse_number(n1) * money.multiplier(m2)  # "60-70k": the k is shared
        elif m1 and not m2 and raw2 * money.multiplier(m1) >= low > high:
            high = raw2 * money.multiplier(m1)  # "$120k–150"
        tokens += [m.group("c3"), m.group("c4")]
    else:
        end = max(m.end(g) for g in ("n1", "m1", "c2", "p1") if m.group(g))
    if high is not None and (high < low or (not any(tokens) and _years(low, high))):
        return None
    inline = money.period_of(m.group("p1")) if m.group("p1") else None
    after = money.PERIOD_AFTER.match(text, end)
    period = money.period_of_match(after) if after else inline
    indian = any(x and x.strip().lower() in money.INDIAN_MULTIPLIERS for x in (m1, m2))
    return _Amount(before[1] if before else m.start(), after.end() if after else end, low, high,
                   tuple(t for t in tokens if t), period, indian)


def _years(low: float, high: float) -> bool:
    """A bare "2024-2025" is a span of years."""
    return 1900 <= low <= 2100 and 1900 <= high <= 2100 and low.is_integer() and high.is_integer()


def _could_be_pay(text: str, m: re.Match) -> bool:
    """Without a currency before it, a number needs a currency, multiplier or range after it, or a period word."""
    if m.start() and text[m.start() - 1].isalpha():
        return False  # "B2B", "L4", "v2": a letter glued to the number that is not a currency
    if m.group("c2") or m.group("m1") or m.group("n2"):
        return True
    return money.PERIOD_AFTER.match(text, m.end()) is not None


def _is_range(text: str, m: re.Match) -> bool:
    sep = m.group("sep").strip().lower()
    if sep in money.JOINING_WORDS:
        return bool(money.BETWEEN.search(text, max(0, m.start() - 25), m.start()))
    return True


def _groups(text: str, amounts: list[_Amount]) -> list[list[int]]:
    """For each amount, the indices of the alternatives it is written with (itself when alone)."""
    groups: list[list[int]] = []
    for i, amount in enumerate(amounts):
        prev = amounts[i - 1] if i else None
        joined = (prev is not None and prev.tokens and amount.tokens
                  and money.ALTERNATIVE_GAP.fullmatch(text, prev.end, amount.start))
        if joined:
            groups[-1].append(i)
            groups.append(groups[-1])
        else:
            groups.append([i])
    return groups


def _assess(text: str, amount: _Amount, first_start: int, last: _Amount, floor: int,
            countries: frozenset[str], group: int) -> _Candidate | None:
    lo, hi = money.before_window(text, first_start, floor)
    before = money.read_before(text, lo, hi)
    after = money.read_after(text, last.end)
    kind = "pos" if after == "ote" else (after or before.kind)
    if kind == "neg":
        return None
    is_ote = after == "ote" or (after is None and before.is_ote)
    stated = last.period or amount.period or before.period
    currency, options, notes, inferred = _currency(text, amount, countries)
    period, size_notes = _period_and_size(amount, stated, currency or (options[0] if options else None))
    if period == "implausible" or not _enough(kind, amount, stated, before):
        return None
    notes, inferred = notes + size_notes, inferred or (stated is None and period is not None)
    low, high = _bounds(text, amount, before.cue)
    score = (3 if kind == "pos" else 1) + (stated is not None) + 0.5 * (amount.high is not None) \
        + 0.5 * bool(amount.tokens)
    return _Candidate(amount, low, high, currency, options, period, stated is not None, notes, inferred,
                      is_ote, score, group)


def _enough(kind: str, amount: _Amount, stated: str | None, before: money.Before) -> bool:
    """A pay word near it (before it, for a bare number), or a currency with a range, a period or a bound."""
    if not amount.tokens:
        bare = amount.high is None and stated is None
        return kind == "pos" and (not bare or before.has_pay_word)
    if kind == "pos":
        return True
    return amount.high is not None or stated is not None or before.cue is not None


def _period_and_size(amount: _Amount, stated: str | None, currency: str | None) -> tuple[str | None, tuple]:
    """The period (stated, else judged by size), or "implausible" when the amount cannot be a salary."""
    value = amount.high if amount.high is not None else amount.low
    scale = fx.usd_scale(currency) if currency else 1.0  # no currency at all: judged as dollars
    if scale is None:  # no ECB rate: the size says nothing, so nothing is judged by it
        return stated, () if stated else ("period not stated, and no exchange rate to judge the amount by",)
    period = stated or _period_from_size(value * scale, value)
    if period is None or not _plausible(value * scale * ANNUAL_FACTORS[period]):
        return "implausible", ()
    return period, () if stated else (f"period inferred from the amount ({period})",)


def _plausible(annual_usd: float) -> bool:
    return PLAUSIBLE_ANNUAL_USD[0] <= annual_usd <= PLAUSIBLE_ANNUAL_USD[1]


def _period_from_size(usd: float, raw: float) -> str | None:
    if usd < 5:
        return None
    if usd < 300:
        return "hour"
    if usd < 2000 and raw <= 2000:
        return "day"
    return "month" if usd < 15_000 else "year"


def _bounds(text: str, amount: _Amount, cue: str | None) -> tuple[float | None, float | None]:
    if amount.high is not None:
        return amount.low, amount.high
    if cue == "max":
        return None, amount.low
    if cue == "min" or text.startswith("+", amount.end):
        return amount.low, None
    return amount.low, amount.low


def _currency(text: str, amount: _Amount, countries: frozenset[str]
              ) -> tuple[str | None, tuple[str, ...], tuple[str, ...], bool]:
    """(code, candidates, notes, inferred) for one amount."""
    codes = [c for t in amount.tokens if (c := money.currency_code(t, countries))]
    specific = [c for c in codes if c not in AMBIGUOUS_SYMBOLS]
    if specific:
        return specific[0], (), (), False
    if codes:
        return _resolve_symbol(text, codes[0], countries)
    if amount.indian:
        return "INR", (), ("currency taken from the lakh/crore figures",), True
    local = [c for c in countries if c in money.COUNTRY_CURRENCY]
    if len(local) == 1:
        code = money.COUNTRY_CURRENCY[local[0]]
        return code, (), (f"no currency in the text: {code} taken from the location ({local[0]})",), True
    return None, (), ("no currency stated",), False


def _resolve_symbol(text: str, symbol: str, countries: frozenset[str]
                    ) -> tuple[str | None, tuple[str, ...], tuple[str, ...], bool]:
    if symbol == "$":
        return _resolve_dollar(text, countries)
    options = {"kr": money.KRONA_COUNTRIES, "¥": ("JP", "CN"), "Rs": money.RUPEE_COUNTRIES}[symbol]
    local = [c for c in options if c in countries]
    if len(local) == 1:
        return money.COUNTRY_CURRENCY[local[0]], (), (), False
    if not countries and symbol != "kr":
        code = money.COUNTRY_CURRENCY[options[0]]
        return code, (), (f"'{symbol}' read as {code}: no location given",), True
    candidates = tuple(money.COUNTRY_CURRENCY[c] for c in options)
    return None, candidates, (f"ambiguous currency: '{symbol}' could be {', '.join(candidates)}",), False


def _resolve_dollar(text: str, countries: frozenset[str]
                    ) -> tuple[str | None, tuple[str, ...], tuple[str, ...], bool]:
    named = money.dollar_codes_named(text)
    if len(named) == 1:
        code = next(iter(named))
        return code, (), (f"'$' read as {code}: the posting names {code}",), False
    local = sorted(c for c in countries if c in money.DOLLAR_SIGN_COUNTRIES)
    if not countries:
        local = list(money.dollar_countries_named(text))
        if not local:
            return "USD", (), ("'$' read as USD: no location given",), True
    if local:
        codes = tuple(dict.fromkeys([money.COUNTRY_CURRENCY[c] for c in local if c != "LATAM"] + ["USD"]))
        where = " and ".join(money.DOLLAR_SIGN_COUNTRIES[c] for c in local)
        how = "located in" if countries else "that mentions"
        return None, codes, (f"ambiguous currency: '$' on a posting {how} {where}",), False
    if "US" in countries:
        return "USD", (), (), False
    return "USD", (), (f"'$' read as USD on a posting located in {', '.join(sorted(countries))}",), True


def _choose(candidates: list[_Candidate], countries: frozenset[str]) -> tuple[list[_Candidate], list[str]]:
    """The best candidate with the ranges that extend it (levels, zones), and its alternatives' currencies."""
    base = [c for c in candidates if not c.is_ote and c.score >= 3]
    best = max(base or candidates, key=lambda c: (c.score, -c.amount.start))
    group = [c for c in candidates if c.group == best.group]
    best = _pick_alternative(group, best, countries)
    others = [c.currency for c in group if c is not best and c.currency and c.currency != best.currency]
    return _merge_siblings([c for c in candidates if c.group != best.group or c is best], best), others


def _pick_alternative(group: list[_Candidate], best: _Candidate, countries: frozenset[str]) -> _Candidate:
    local = {money.COUNTRY_CURRENCY[c] for c in countries if c in money.COUNTRY_CURRENCY}
    if len(group) > 1 and len(local) == 1:
        return next((c for c in group if c.currency in local), group[0])
    return group[0] if len(group) > 1 else best


def _merge_siblings(pool: list[_Candidate], best: _Candidate) -> list[_Candidate]:
    ordered = sorted(pool, key=lambda c: c.amount.start)
    i = ordered.index(best)
    lo = hi = i
    while lo > 0 and _same_block(ordered[lo - 1], ordered[lo], best):
        lo -= 1
    while hi + 1 < len(ordered) and _same_block(ordered[hi], ordered[hi + 1], best):
        hi += 1
    return ordered[lo:hi + 1]


def _same_block(left: _Candidate, right: _Candidate, best: _Candidate) -> bool:
    other = right if left is best else left
    return (right.amount.start - left.amount.end <= 200 and other.amount.high is not None
            and best.amount.high is not None and other.currency == best.currency
            and other.candidates == best.candidates and other.period == best.period
            and other.period_stated == best.period_stated and other.is_ote == best.is_ote)


def _to_salary(text: str, chosen: list[_Candidate], title: str | None, alternatives: list[str]) -> Salary:
    first, last = chosen[0], chosen[-1]
    lows = [c.min for c in chosen if c.min is not None]
    highs = [c.max for c in chosen if c.max is not None]
    low, high = (min(lows) if lows else None), (max(highs) if highs else None)
    start, end = first.amount.start, last.amount.end
    notes = list(dict.fromkeys(n for c in chosen for n in c.notes))
    if alternatives:
        notes.append(f"also stated in {', '.join(dict.fromkeys(alternatives))}")
    is_ote = first.is_ote or money.ote_for_this_role(text, start, title)
    if is_ote:
        notes.append("on-target earnings")
    elif money.mentions_ote(text, start - 500, start):
        notes.append("the posting says ranges may be on-target earnings for some roles")
    return Salary(low, high, first.currency, first.period, annualize(low, first.period),
                  annualize(high, first.period), "inferred" if any(c.inferred for c in chosen) else "parsed",
                  start, end, text[start:end], "; ".join(notes) or None, first.candidates, is_ote,
                  money.mentions_equity(text, start - 300, end + 300))
