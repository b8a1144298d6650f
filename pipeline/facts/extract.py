"""All facts of one posting as one JSON-ready dict, in the field names of the job_facts view."""

from __future__ import annotations

from pipeline.facts.education import extract_education
from pipeline.facts.employment import extract_employment_type, extract_visa
from pipeline.facts.evidence import Fact
from pipeline.facts.fx import convert_annual
from pipeline.facts.locations import parse_locations, raw_location_strings
from pipeline.facts.posted import posted_salary
from pipeline.facts.role import extract_seniority, extract_years
from pipeline.facts.salary import extract_salary
from pipeline.facts.skills import extract_skills
from pipeline.facts.workplace import extract_remote_scope, extract_workplace

EXTRACTOR_VERSION = "facts-2"  # bump when any extractor changes: everything is re-extracted


def evidence(fact: Fact | None, field: str = "text") -> dict | None:
    """{start, end, quote, field}: offsets into the posting text, or, for a quote taken from the
    title or location field, no offsets and that field's name."""
    if fact is None or fact.quote is None:
        return None
    if fact.start is None:
        return {"start": None, "end": None, "quote": fact.quote, "field": field}
    return {"start": fact.start, "end": fact.end, "quote": fact.quote, "field": "text"}


def fact_fields(name: str, fact: Fact | None, field: str = "text") -> dict:
    """{name, name_source, name_evidence} for one fact."""
    return {name: fact.value if fact else None,
            f"{name}_source": fact.source if fact else None,
            f"{name}_evidence": evidence(fact, field)}


def extract_facts(text: str, *, title: str | None = None, location: str | None = None,
                  source: str | None = None, raw: dict | None = None,
                  posted_workplace: str | None = None, posted_employment: str | None = None,
                  reporting_currency: str = "USD", company: str | None = None) -> dict:
    """Every fact of a posting with its source and evidence; offsets index into `text`."""
    text = text or ""
    locations = parse_locations(location, raw_location_strings(raw))
    country = next((place["country"] for place in locations if place["country"]), None)
    return {
        **salary_fields(text, title, location, country, source, raw, reporting_currency),
        **role_fields(text, title),
        **workplace_fields(text, location, posted_workplace),
        **fact_fields("employment_type", extract_employment_type(text, title, posted_employment), "title"),
        **fact_fields("visa_sponsorship", extract_visa(text)),
        **education_fields(text),
        "locations": locations,
        "skills": [skill.to_dict() for skill in extract_skills(text) if not _names_company(skill.name, company)],
        "extractor_version": EXTRACTOR_VERSION,
    }


def _names_company(skill: str, company: str | None) -> bool:
    """A skill whose name is the employer's own ("Lumen" at Lumen Ledger) is the company talking about itself."""
    if not company:
        return False
    words = company.lower().split()
    name = skill.lower().split()
    return any(words[i : i + len(name)] == name for i in range(len(words) - len(name) + 1))


def role_fields(text: str, title: str | None) -> dict:
    years = extract_years(text)
    low, high = years.value if years else (None, None)
    return {
        **fact_fields("seniority", extract_seniority(text, title), "title"),
        "years_experience_min": low,
        "years_experience_max": high,
        "years_experience_source": years.source if years else None,
        "years_experience_evidence": evidence(years),
    }


def workplace_fields(text: str, location: str | None, posted: str | None) -> dict:
    workplace = extract_workplace(text, posted, location)
    scope = extract_remote_scope(text, workplace.value if workplace else None, location)
    return {**fact_fields("workplace_type", workplace, "location"),
            **fact_fields("remote_scope", scope, "location")}


def education_fields(text: str) -> dict:
    level, required = extract_education(text)
    return {**fact_fields("education_level", level), **fact_fields("education_required", required)}


def salary_fields(text: str, title: str | None, location: str | None, country: str | None,
                  source: str | None, raw: dict | None, reporting_currency: str) -> dict:
    salary = (posted_salary(source, raw) if source and raw else None) or \
        extract_salary(text, title=title, location=location, country=country)
    fields = {
        "salary_min": None, "salary_max": None, "salary_currency": None, "salary_period": None,
        "salary_annual_min": None, "salary_annual_max": None, "salary_source": None,
        "salary_evidence": None, "salary_note": None, "salary_reporting_currency": reporting_currency,
        "salary_converted_annual_min": None, "salary_converted_annual_max": None,
        "fx_rate": None, "fx_rate_date": None,
    }
    if salary is None:
        return fields
    fields.update({
        "salary_min": salary.min, "salary_max": salary.max, "salary_currency": salary.currency,
        "salary_period": salary.period, "salary_annual_min": salary.annual_min,
        "salary_annual_max": salary.annual_max, "salary_source": salary.source,
        "salary_evidence": ({"start": salary.start, "end": salary.end, "quote": salary.quote, "field": "text"}
                            if salary.quote is not None and salary.start is not None else None),
        "salary_note": salary.note,
    })
    conversion = convert_annual(salary, to=reporting_currency)
    rate_date = conversion.rate_date
    fields.update({
        "salary_converted_annual_min": conversion.annual_min,
        "salary_converted_annual_max": conversion.annual_max,
        "fx_rate": conversion.rate,
        "fx_rate_date": rate_date.isoformat() if hasattr(rate_date, "isoformat") else rate_date,
        "salary_note": "; ".join(n for n in (salary.note, conversion.note) if n) or None,
    })
    return fields
