"""Money in posting text: amounts in any locale's grouping, currency symbols and codes, and the words around them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.facts.locations import parse_locations

# Symbols and codes as postings write them. "$", "kr", "¥" and "Rs" are shared by several countries and
# are resolved against the posting's country; "R", "Fr.", "lei" … only count where that currency is used
# ("Mo.-Fr. 8-17 Uhr" is opening hours, not francs).
CURRENCY_TOKENS: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "USD": "USD", "USD$": "USD", "CAD$": "CAD", "AUD$": "AUD", "NZD$": "NZD",
    "SGD$": "SGD", "HKD$": "HKD",
    "CA$": "CAD", "C$": "CAD", "CAN$": "CAD", "CDN$": "CAD", "CAD": "CAD",
    "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "NZ$": "NZD", "NZD": "NZD",
    "S$": "SGD", "SG$": "SGD", "SGD": "SGD", "HK$": "HKD", "HKD": "HKD",
    "MX$": "MXN", "MXN": "MXN", "R$": "BRL", "BRL": "BRL", "NT$": "TWD", "TWD": "TWD",
    "£": "GBP", "GBP": "GBP", "€": "EUR", "EUR": "EUR",
    "Euro": "EUR", "Euros": "EUR", "euro": "EUR", "euros": "EUR", "EURO": "EUR",
    "CHF": "CHF", "SFr.": "CHF", "Fr.": "CHF",
    "₹": "INR", "INR": "INR", "Rs.": "Rs", "Rs": "Rs",
    "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "ISK": "ISK", "kr": "kr", "kr.": "kr", "Kr": "kr",
    "¥": "¥", "JPY": "JPY", "円": "JPY", "CNY": "CNY", "RMB": "CNY", "元": "CNY",
    "zł": "PLN", "PLN": "PLN", "Kč": "CZK", "CZK": "CZK", "HUF": "HUF", "Ft": "HUF",
    "RON": "RON", "lei": "RON", "BGN": "BGN", "₩": "KRW", "KRW": "KRW",
    "₪": "ILS", "ILS": "ILS", "NIS": "ILS", "₺": "TRY", "ZAR": "ZAR", "R": "ZAR",
    "AED": "AED", "SAR": "SAR", "QAR": "QAR", "KWD": "KWD", "EGP": "EGP", "NGN": "NGN", "₦": "NGN",
    "KES": "KES", "PKR": "PKR", "BDT": "BDT", "LKR": "LKR", "VND": "VND", "₫": "VND",
    "IDR": "IDR", "Rp": "IDR", "MYR": "MYR", "RM": "MYR", "THB": "THB", "฿": "THB", "₱": "PHP",
    "ARS": "ARS", "CLP": "CLP", "COP": "COP", "UAH": "UAH", "₴": "UAH", "RUB": "RUB", "₽": "RUB",
    "$": "$",
}
COUNTRY_GATED = {"R": "ZA", "RM": "MY", "Rp": "ID", "Fr.": "CH", "lei": "RO", "Ft": "HU"}

COUNTRY_CURRENCY = {
    "US": "USD", "CA": "CAD", "AU": "AUD", "NZ": "NZD", "SG": "SGD", "HK": "HKD", "MX": "MXN",
    "BR": "BRL", "AR": "ARS", "CL": "CLP", "CO": "COP", "TW": "TWD", "GB": "GBP", "CH": "CHF",
    "SE": "SEK", "NO": "NOK", "DK": "DKK", "IS": "ISK", "PL": "PLN", "CZ": "CZK", "HU": "HUF",
    "RO": "RON", "IN": "INR", "PK": "PKR", "LK": "LKR", "JP": "JPY", "CN": "CNY", "KR": "KRW",
    "IL": "ILS", "TR": "TRY", "ZA": "ZAR", "AE": "AED", "SA": "SAR", "MY": "MYR", "ID": "IDR",
    "TH": "THB", "PH": "PHP", "VN": "VND", "NG": "NGN", "KE": "KES", "EG": "EGP",
    **dict.fromkeys(("DE", "AT", "FR", "NL", "BE", "ES", "IT", "PT", "IE", "FI", "GR", "LU", "EE",
                     "LV", "LT", "SK", "SI", "HR", "MT", "CY"), "EUR"),
}
# Countries whose own currency is written "$": a bare "$" there may be local or USD.
DOLLAR_SIGN_COUNTRIES = {"CA": "Canada", "AU": "Australia", "NZ": "New Zealand", "SG": "Singapore",
                         "HK": "Hong Kong", "MX": "Mexico", "AR": "Argentina", "CL": "Chile",
                         "CO": "Colombia", "TW": "Taiwan", "LATAM": "Latin America"}
KRONA_COUNTRIES = ("SE", "NO", "DK", "IS")
RUPEE_COUNTRIES = ("IN", "PK", "LK")
_DOLLAR_CODES = ("USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "TWD")
_DOLLAR_NAMES = {"us dollar": "USD", "canadian dollar": "CAD", "australian dollar": "AUD",
                 "new zealand dollar": "NZD", "singapore dollar": "SGD", "hong kong dollar": "HKD"}
_DOLLAR_PLACES = {"canad": "CA", "australia": "AU", "new zealand": "NZ", "singapore": "SG", "mexic": "MX",
                  "hong kong": "HK"}


@lru_cache(maxsize=8)
def dollar_codes_named(text: str) -> frozenset[str]:
    """Dollar currencies a text names anywhere ("all figures in CAD", "paid in US dollars")."""
    codes = {c for c in _DOLLAR_CODES if c in text and re.search(rf"(?<![A-Za-z]){c}(?![A-Za-z])", text)}
    low = text.lower()
    return frozenset(codes | {code for name, code in _DOLLAR_NAMES.items() if name in low})


@lru_cache(maxsize=8)
def dollar_countries_named(text: str) -> tuple[str, ...]:
    """Countries writing their currency "$" that a text names (for a "$" posting with no location)."""
    low = text.lower()
    return tuple(sorted({country for name, country in _DOLLAR_PLACES.items() if name in low}))


_DOLLAR_REGIONS = {"latam", "latin america", "south america"}


@lru_cache(maxsize=4096)
def location_countries(location: str | None) -> frozenset[str]:
    """ISO 3166 codes a free-text location names, and "LATAM" for that region; empty when it names none."""
    if not location:
        return frozenset()
    found = set()
    for place in parse_locations(location):
        if place.get("country"):
            found.add(place["country"])
        elif (place.get("region") or "").lower() in _DOLLAR_REGIONS:
            found.add("LATAM")
    return frozenset(found)


def _alternation(tokens: list[str]) -> str:
    return "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))


def _currency_pattern() -> str:
    """All tokens, behind a first-character guard so that most words fail at once."""
    words = [t for t in CURRENCY_TOKENS if t[0].isalpha() and t[-1].isalpha()]
    prefixes = [t for t in CURRENCY_TOKENS if t[0].isalpha() and not t[-1].isalpha()]
    symbols = [t for t in CURRENCY_TOKENS if not t[0].isalpha()]
    first = "".join(sorted({re.escape(t[0]) for t in CURRENCY_TOKENS}))
    return (f"(?=[{first}])(?:(?<![A-Za-z])(?:(?:{_alternation(words)})(?![A-Za-z])|{_alternation(prefixes)})"
            f"|{_alternation(symbols)})")


CURRENCY = _currency_pattern()
AFTER_FIRST_DIGIT = (r"(?:\d?(?:,\d{2})+,\d{3}(?!\d)"  # Indian lakh grouping 12,00,000
                     r"|\d{0,2}(?:[,.'’\u00a0\u202f\u2009 ]\d{3})+(?!\d)"  # 120,000 60.000 120'000 120 000
                     r"|\d*)(?:[.,]\d{1,2}(?!\d)|[.,]-)?")  # decimals 45.50 45,50, and "4.500,-" (no cents)
NUMBER = rf"\d{AFTER_FIRST_DIGIT}"  # split so MONEY_RE can open with the first digit alone
MULTIPLIER = (r"(?=[kKMmbBLtlcC万千 \u00a0])(?:(?:[kK]|MM|M|mn|m|bn|B|L)(?![A-Za-z])"
              r"|[ \u00a0]?(?:thousand|million|billion|lakhs?|lacs?|crores?|Cr|cr|LPA)(?![A-Za-z])|万|千)")
MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "千": 1e3, "万": 1e4, "l": 1e5, "lakh": 1e5, "lakhs": 1e5,
               "lac": 1e5, "lacs": 1e5, "lpa": 1e5, "cr": 1e7, "crore": 1e7, "crores": 1e7,
               "m": 1e6, "mm": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}
INDIAN_MULTIPLIERS = {"l", "lakh", "lakhs", "lac", "lacs", "lpa", "cr", "crore", "crores"}
_INLINE_PERIOD = r"(?:\s?/\s?(?:hr|hour|h|yr|year|mo|month|day|wk|week)(?![A-Za-z]))"
_SEPARATOR = r"(?:\s*[-–—‒−~〜～]\s*|\s+(?:to|bis|à|a|do|till|til|tot|and|und|et|y|e|en|och|og|i)\s+)"

# Opens with a digit, so the scan skips from digit to digit (the look at the character before comes
# after it); a currency before the number is found by `currency_before`, which looks the few
# characters up instead of trying every token everywhere.
MONEY_RE = re.compile(
    rf"(?P<n1>\d(?<![\d.,'’/]\d){AFTER_FIRST_DIGIT})(?P<m1>{MULTIPLIER})?"
    rf"(?:[ \u00a0]?(?P<c2>{CURRENCY}))?(?P<p1>{_INLINE_PERIOD})?"
    rf"(?:(?P<sep>{_SEPARATOR})(?:(?P<c3>{CURRENCY})[ \u00a0]?)?(?P<n2>{NUMBER})(?P<m2>{MULTIPLIER})?"
    rf"(?:[ \u00a0]?(?P<c4>{CURRENCY}))?)?"
)
_TOKENS_BY_LAST_CHAR: dict[str, list[str]] = {}
for _token in sorted(CURRENCY_TOKENS, key=len, reverse=True):
    _TOKENS_BY_LAST_CHAR.setdefault(_token[-1], []).append(_token)


def currency_before(text: str, start: int) -> tuple[str, int] | None:
    """The currency token written right before position `start` (one space allowed), and where it starts."""
    end = start - 1 if start and text[start - 1] in " \u00a0" else start
    for token in _TOKENS_BY_LAST_CHAR.get(text[end - 1], ()) if end else ():
        at = end - len(token)
        if at >= 0 and text.startswith(token, at) and not (token[0].isalpha() and at and text[at - 1].isalpha()):
            return token, at
    return None


_GROUPING = re.compile(r"[\s'’]|[.,]-$")


def parse_number(raw: str) -> float:
    """A number in any locale's grouping: a last separator followed by one or two digits is decimal."""
    s = _GROUPING.sub("", raw)
    cut = max(s.rfind(","), s.rfind("."))
    if cut != -1 and 1 <= len(s) - cut - 1 <= 2:
        whole, frac = s[:cut], s[cut + 1:]
    else:
        whole, frac = s, ""
    whole = whole.replace(",", "").replace(".", "")
    return float(f"{whole}.{frac}") if frac else float(whole)


def multiplier(raw: str | None) -> float:
    if not raw:
        return 1.0
    return MULTIPLIERS[raw.strip().lower()]


def currency_code(token: str, countries: frozenset[str]) -> str | None:
    """The code a token stands for ("$", "kr", "¥", "Rs" stay as they are); None for a gated token used elsewhere."""
    code = CURRENCY_TOKENS[token]
    gate = COUNTRY_GATED.get(token)
    if gate and gate not in countries:
        return None
    return code


# --- The words around an amount: its period, whether it is pay, and whether it is a min or a max --------
# Read by splitting a short window into words and looking each up: far faster than one large
# case-insensitive alternation tried at every character.

HAS_DIGIT = re.compile(r"\d")
# Shares, 401(k), 60/40 splits, clock times and durations ("8-17 Uhr", "12-18 months", "20 hours a week").
NOT_MONEY_AFTER = re.compile(r"\s?(?:%|percent|\([kb]\))|/\d|\s?(?:uhr|am|pm|a\.m\.|p\.m\.|o'clock|hours?|hrs?"
                             r"|years?|yrs?|months?|weeks?|days?|jahre?n?|monate?n?|wochen|tage?n?|stunden|ans|años"
                             r"|anni|mois|semaines|jours|heures)(?![^\W\d_])", re.IGNORECASE)
NOT_MONEY = re.compile(r"(?:40[13]|457)(?![\d.,])")  # retirement plans, not dollars
BETWEEN = re.compile(r"between|zwischen|entre|tussen|mellan|mellem|\btra\b|między|pomiędzy", re.IGNORECASE)
JOINING_WORDS = ("and", "und", "et", "y", "e", "en", "och", "og", "i")
ALTERNATIVE_GAP = re.compile(r"\s*(?:/|\||or|oder|ou|o|eller)\s*", re.IGNORECASE)

_PERIODS_AFTER = {
    "hour": r"/\s?(?:hr|hour|h|std|stunde|heure|godz\.?|uur|tim|timme)|per\s+(?:hour|hr|uur|timme)|an?\s+hour"
            r"|hourly|p/h|pro\s+stunde|(?:par|de\s+l')\s*heure|(?:la|por)\s+hora|za\s+godzin[eę]|i\s+timmen",
    "day": r"/\s?(?:day|d|tag|jour|dzień|dag|d[ií]a)|per\s+(?:day|dag)|a\s+day|daily|day\s+rate|pro\s+tag"
           r"|par\s+jour|(?:al|por)\s+d[ií]a|dziennie",
    "week": r"/\s?(?:week|wk|woche|semaine|semana)|per\s+week|a\s+week|weekly|pro\s+woche|par\s+semaine"
            r"|por\s+semana|wöchentlich|tygodniowo",
    "month": r"/\s?(?:month|mo|mth|monat|mois|mes|mês|maand|mån|mnd|måned|mies\.?|mc|měs|kk)"
             r"|per\s+(?:month|mo|mth|calendar\s+month|maand|månad|måned|bulan)|a\s+month|monthly|p\.\s?m\.|pcm"
             r"|monatlich|(?:pro|im)\s+monat|par\s+mois|mensuel(?:le)?|mensuales?|mensal|mensil[ei]"
             r"|(?:al|por|ao)\s+m[eê]s|al\s+mese|(?:i|om)\s+måna?den|miesięcznie|měsíčně|kuukaudessa",
    "year": r"/\s?(?:yr|year|y|annum|an|jahr|år|rok|ano|año|anno|jaar)|per\s+(?:year|yr|annum|anno|år|jaar)"
            r"|a\s+year|p\.\s?a\.?|pa|annually|annual|yearly|jährlich|(?:pro|im)\s+jahr|par\s+an"
            r"|annuel(?:le)?|anuales?|anual|all'anno|(?:om|i)\s+året|per\s+år|rocznie|ročně|vuodessa|LPA",
}
_FILLER = r"(?:\s|,|\(|(?:gross|brutto|bruto|brutos|brut|netto|net|base|HT|before\s+tax|pre-tax)(?![^\W\d_]))*"
PERIOD_AFTER = re.compile(
    _FILLER + "(?:" + "|".join(f"(?P<{p}>{rx})" for p, rx in _PERIODS_AFTER.items()) + r")(?![^\W\d_])",
    re.IGNORECASE)
_INLINE = re.compile(r"(?P<hour>h)|(?P<year>y)|(?P<month>mo)|(?P<day>d)|(?P<week>w)")


def _tags(tag: str, words: str) -> dict[str, str]:
    return dict.fromkeys(words.split(), tag)


# Strong pay words name the amount; weak ones ("package", "range") lose to any not-pay word near it.
_WORDS = {
    **_tags("pos", "salary salaries salario salário salaire salaris sueldo gaji compensation comp pay pays paid "
                   "wage wages earn earns earning earnings remuneration rémunération remuneração remuneración "
                   "gehalt vergütung lohn bezahlung retribuzione lön lønn løn palkka wynagrodzenie pensja stawka "
                   "mzda widełki day-rate"),
    **_tags("weak", "rate stipend base basic package range band income brutto bruto brut gross"),
    **_tags("neg", "revenue raise raised raising funding funded seed valuation valued investor investors investment "
                   "spend spends spending spent budget budgets customer customers user users subscribers merchants "
                   "clients bonus bonuses signing sign-on relocation equity stock stocks options shares grant grants "
                   "allowance allowances lifetime match matching assets market markets worth capital loan loans "
                   "deal deals quota pipeline processed transaction transactions volume save saves savings cost "
                   "costs price prices priced pricing fee fees credit credits prize award scholarship referral "
                   "learning education tuition wellness gym equipment meal meals travel housing phone internet "
                   "fertility childcare compute gpu gpus seat seats plan plans subscription licence license "
                   "mileage differential premium exploit exploits commission gift trillion"),
}
_WORDS.update(_tags("ote", "on-target"))
# After an amount only words that name it count: "$40k per month for paid channels" is not pay.
_AFTER_PAY = set("base basic salary salaries gehalt lohn brutto bruto brut gross stipend wage wages compensation "
                 "fixed".split())
_ACRONYMS = {**_tags("pos", "CTC LPA RAL TJM TC"), **_tags("ote", "OTE"),
             **_tags("neg", "ARR MRR GMV RSU RSUs HRA FSA HSA AUM ACV TCV GPU GPUs")}
_STEMS = {**_tags("pos", "salar remunera rémunér wynagrodz compensat vergüt"),
          **_tags("neg", "reimburs donat commut transport vest investor")}
_PAY_SUFFIXES = ("gehalt", "lohn", "lön", "løn", "lønn", "satz")  # Jahresgehalt, Stundenlohn, Tagessatz
_PAIRS = {("day", "rate"): "pos", ("daily", "rate"): "pos", ("hourly", "rate"): "pos", ("taux", "horaire"): "pos",
          ("taux", "journalier"): "pos", ("on", "target"): "ote", ("home", "office"): "neg", ("per", "diem"): "neg",
          ("target", "earnings"): "ote", ("on-target", "earnings"): "ote", ("contract", "value"): "neg",
          ("gift", "card"): "neg",
          **{("series", c): "neg" for c in "abcdef"}}
_CJK_PAY = ("年収", "月給", "年俸", "時給", "給与", "月薪", "年薪")
_PERIOD_WORDS = {
    **_tags("hour", "hourly timlön 時給"), **_tags("day", "daily day-rate dagpris 日給"),
    **_tags("week", "weekly wöchentlich"),
    **_tags("month", "monthly monatlich mensuel mensuelle mensual mensuales měsíční 月給 月薪 月収"),
    **_tags("year", "annual annually yearly jährlich annuel annuelle anual anuales årslön årsløn "
                    "年収 年俸 年薪"),
}
_PERIOD_PREFIXES = (("stunden", "hour"), ("tages", "day"), ("wochen", "week"), ("monats", "month"),
                    ("månads", "month"), ("måneds", "month"), ("miesięczn", "month"), ("jahres", "year"),
                    ("roczn", "year"))
_PREFIXES = tuple(prefix for prefix, _ in _PERIOD_PREFIXES)
_CJK_PERIODS = [(k, p) for k, p in _PERIOD_WORDS.items() if not k.isascii()]
_PERIOD_ACRONYMS = {"TJM": "day", "RAL": "year", "CTC": "year", "LPA": "year"}
_PERIOD_PAIRS = {("per", "hour"): "hour", ("taux", "horaire"): "hour", ("day", "rate"): "day",
                 ("daily", "rate"): "day", ("taux", "journalier"): "day", ("per", "month"): "month",
                 ("per", "annum"): "year"}
_MAX_CUES = {("up", "to"), ("upto",), ("maximum",), ("max",), ("bis", "zu"), ("jusqu'à",), ("jusqu’à",),
             ("hasta",), ("fino", "a"), ("as", "much", "as")}
_MIN_CUES = {("from",), ("starting", "at"), ("starting", "from"), ("starting", "salary"), ("starting", "pay"),
             ("starting", "rate"), ("starts", "at"), ("at", "least"), ("minimum",), ("min",), ("ab",),
             ("à", "partir", "de"), ("a", "partir", "de"), ("od",), ("desde",)}
_CUE_FILLERS = {"a", "an", "the", "of", "is", "base", "salary", "pay", "de", "von"}
_AFTER_STOP_WORDS = {"plus", "including", "incl", "inkl", "with", "and", "und", "et", "or", "avec", "mit", "zzgl"}
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_AFTER_STOP = re.compile(r"[.;!?(+\n,|•]")
_BOUNDARY = re.compile(r"[.!?;。](?=\s|$)|\n\s*\n|\n\s*[-*•]\s|[•·]")
_EQUITY_HINTS = ("equity", "rsu", "esop", "bspce", "vsop", "beteiligung", "option")
_EQUITY = re.compile(r"\b(?:equity(?!\s+donation)|rsus?|esops?|bspce|vsop|mitarbeiterbeteiligung"
                     r"|(?:stock|share)\s+options?)\b")
_SALES_TITLE = re.compile(r"\b(?:account\s+(?:executive|manager)|sales|business\s+development|SDR|BDR"
                          r"|partnerships?|AE)\b", re.IGNORECASE)
_OTE_WORD = re.compile(r"\bOTE\b")
SALES_ONLY = re.compile(r"sales\s+(?:roles?|positions?|jobs?)|(?:roles?|positions?)\s+in\s+sales", re.IGNORECASE)
BEFORE_REACH, AFTER_REACH = 90, 45


@dataclass(frozen=True, slots=True)
class Before:
    """What the words before an amount say about it."""

    kind: str  # pos | neg | neutral: the nearest pay or not-pay word, a weak pay word losing to any not-pay word
    is_ote: bool
    has_pay_word: bool
    period: str | None
    cue: str | None  # "max" for "up to X", "min" for "from X" or a stated minimum


def word_tag(word: str, low: str, prev: str) -> str | None:
    """pos | weak | neg | ote for one word (`low` lower-cased, `prev` the lower-cased word before it)."""
    tag = (_ACRONYMS.get(word) or _PAIRS.get((prev, low)) or _WORDS.get(low) or _STEMS.get(low[:5])
           or _STEMS.get(low[:6]))
    if tag:
        return tag
    if low.endswith(_PAY_SUFFIXES) or (not low.isascii() and any(k in low for k in _CJK_PAY)):
        return "pos"
    return None


def period_word(word: str, low: str, prev: str) -> str | None:
    found = _PERIOD_ACRONYMS.get(word) or _PERIOD_PAIRS.get((prev, low)) or _PERIOD_WORDS.get(low)
    if found or len(low) < 5:
        return found
    if low.startswith(_PREFIXES):
        return next(p for prefix, p in _PERIOD_PREFIXES if low.startswith(prefix))
    if not low.isascii():
        return next((p for k, p in _CJK_PERIODS if k in low), None)
    return None


def before_window(text: str, start: int, floor: int) -> tuple[int, int]:
    """The stretch before an amount that speaks about it: back to the sentence start or the previous amount."""
    lo = max(floor, start - BEFORE_REACH)
    for boundary in _BOUNDARY.finditer(text, lo, start):
        lo = boundary.end()
    return lo, start


def read_before(text: str, lo: int, hi: int) -> Before:
    words = _WORD.findall(text, lo, hi)
    lows = [w.lower() for w in words]
    last, has_neg, period, prev, minimum = None, False, None, "", False
    for word, low in zip(words, lows):
        tag = word_tag(word, low, prev)
        if tag:
            last, has_neg = tag, has_neg or tag == "neg"
        period = period_word(word, low, prev) or period
        minimum = minimum or low.startswith(("mindest", "minimum"))
        prev = low
    kind = {"weak": "neg" if has_neg else "pos", "ote": "pos", None: "neutral"}.get(last, last)
    cue = _cue(lows) or ("min" if minimum else None)
    return Before(kind, last == "ote", last in ("pos", "weak", "ote"), period, cue)


def _cue(lows: list[str]) -> str | None:
    ending = tuple(lows[-4:])
    while ending:
        for n in (1, 2, 3):
            if ending[-n:] in _MAX_CUES:
                return "max"
            if ending[-n:] in _MIN_CUES:
                return "min"
        if ending[-1] not in _CUE_FILLERS:
            return None
        ending = ending[:-1]  # "starting salary of", "up to a base of"
    return None


def read_after(text: str, end: int) -> str | None:
    """pos | neg | ote from the first word right after an amount that names it, before any "plus", comma or bracket."""
    if text[end - 1:end] == ".":
        return None  # "p.a." or "mies." closed the sentence
    stop = _AFTER_STOP.search(text, end, end + AFTER_REACH)
    prev = ""
    for word in _WORD.findall(text, end, stop.start() if stop else end + AFTER_REACH):
        low = word.lower()
        if low in _AFTER_STOP_WORDS:
            return None
        tag = word_tag(word, low, prev)
        if tag in ("neg", "ote"):
            return tag
        if tag and (low in _AFTER_PAY or low.startswith(("salar", "compensat")) or low.endswith(("gehalt", "lohn"))):
            return "pos"
        prev = low
    return None


def mentions_equity(text: str, lo: int, hi: int) -> bool:
    window = text[max(0, lo):hi].lower()
    return any(k in window for k in _EQUITY_HINTS) and _EQUITY.search(window) is not None


def mentions_ote(text: str, lo: int, hi: int) -> bool:
    window = text[max(0, lo):hi]
    if "OTE" in window and _OTE_WORD.search(window):
        return True
    return "arget" in window and ("on target" in window.lower() or "on-target" in window.lower())


def ote_for_this_role(text: str, start: int, title: str | None) -> bool:
    """A board-wide "for sales roles the range is OTE" sentence applies when the title is a sales one."""
    lo = max(0, start - 500)
    if not (mentions_ote(text, lo, start) and SALES_ONLY.search(text, lo, start)):
        return False
    return bool(title and _SALES_TITLE.search(title))


def period_of_match(match: re.Match) -> str:
    return match.lastgroup


def period_of(inline: str) -> str | None:
    found = _INLINE.search(inline.lower())
    return found.lastgroup if found else None
