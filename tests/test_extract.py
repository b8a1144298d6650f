"""The combined extractor: every field of job_facts, with sources, and evidence that quotes the text."""

from __future__ import annotations

import json

from pipeline.facts.extract import EXTRACTOR_VERSION, extract_facts

POSTING = """About Fernway
Fernway builds route planning software for grocery delivery fleets.

What you'll do
- Build routing services in Go and Python on Kubernetes
- Lead the design of our dispatch APIs

Requirements
- 5+ years of backend experience
- Strong PostgreSQL skills
- BS/MS in Computer Science or equivalent experience

Nice to have
- Kafka or Terraform

This role is hybrid, with 3 days a week in our Berlin office. The salary range is €75,000–€90,000 per year.
Full-time, permanent contract. We are unable to sponsor visas for this role."""

FIELDS = {
    "salary_min", "salary_max", "salary_currency", "salary_period", "salary_annual_min", "salary_annual_max",
    "salary_source", "salary_evidence", "salary_note", "salary_reporting_currency",
    "salary_converted_annual_min", "salary_converted_annual_max", "fx_rate", "fx_rate_date",
    "seniority", "seniority_source", "seniority_evidence",
    "years_experience_min", "years_experience_max", "years_experience_source", "years_experience_evidence",
    "workplace_type", "workplace_type_source", "workplace_type_evidence",
    "remote_scope", "remote_scope_source", "remote_scope_evidence",
    "employment_type", "employment_type_source", "employment_type_evidence",
    "visa_sponsorship", "visa_sponsorship_source", "visa_sponsorship_evidence",
    "education_level", "education_level_source", "education_level_evidence",
    "education_required", "education_required_source", "education_required_evidence",
    "locations", "skills", "extractor_version",
}


def facts() -> dict:
    return extract_facts(POSTING, title="Senior Backend Engineer", location="Berlin, Germany",
                         posted_employment="full-time", reporting_currency="USD")


def evidences(found: dict) -> list[dict]:
    spans = [v for k, v in found.items() if k.endswith("_evidence") and v]
    return spans + found["skills"]


def test_every_job_facts_field_is_present_and_the_dict_is_json_ready():
    found = facts()
    assert set(found) == FIELDS
    assert json.loads(json.dumps(found)) == found
    assert found["extractor_version"] == EXTRACTOR_VERSION


def test_every_text_evidence_quotes_the_text_at_its_offsets():
    found = facts()
    spans = [e for e in evidences(found) if e["start"] is not None]
    assert len(spans) >= 10
    for e in spans:
        assert POSTING[e["start"]:e["end"]] == e["quote"]


def test_role_facts_carry_their_source():
    found = facts()
    assert (found["seniority"], found["seniority_source"]) == ("senior", "inferred")
    assert found["seniority_evidence"] == {"start": None, "end": None, "quote": "Senior", "field": "title"}
    assert (found["years_experience_min"], found["years_experience_max"]) == (5, None)
    assert (found["workplace_type"], found["workplace_type_source"]) == ("hybrid", "parsed")
    assert found["remote_scope"] == "3 days a week in our Berlin office"
    assert (found["employment_type"], found["employment_type_source"]) == ("full-time", "posted")
    assert found["employment_type_evidence"] is None
    assert found["visa_sponsorship"] == "no"
    assert (found["education_level"], found["education_required"]) == ("bachelor", False)
    assert found["locations"] == [{"city": "Berlin", "region": None, "country": "DE", "quote": "Berlin, Germany"}]


def test_skills_with_requirement_and_no_everyday_words():
    skills = {s["name"]: s["requirement"] for s in facts()["skills"]}
    assert skills == {"Go": "unspecified", "Python": "unspecified", "Kubernetes": "unspecified",
                      "PostgreSQL": "required", "Kafka": "nice_to_have", "Terraform": "nice_to_have"}


def test_salary_fields_come_from_the_salary_extractor_with_conversion():
    found = facts()
    assert (found["salary_min"], found["salary_max"], found["salary_currency"], found["salary_period"]) == (
        75000, 90000, "EUR", "year")
    assert found["salary_source"] == "parsed"
    evidence = found["salary_evidence"]
    assert POSTING[evidence["start"]:evidence["end"]] == evidence["quote"]
    assert found["salary_reporting_currency"] == "USD"
    assert found["fx_rate"] > 0 and found["fx_rate_date"]
    assert abs(found["salary_converted_annual_min"] - 75000 * found["fx_rate"]) < 1


def test_empty_text_gives_empty_facts_not_an_error():
    found = extract_facts("")
    assert found["skills"] == [] and found["locations"] == []
    assert found["salary_min"] is None and found["seniority"] is None
    assert found["visa_sponsorship"] == "unknown"


def test_feed_locations_beyond_the_main_one_are_included():
    raw = {"categories": {"location": "London", "allLocations": ["London", "Stockholm"]}}
    found = extract_facts("We build audio software.", location="London", raw=raw)
    assert [p["country"] for p in found["locations"]] == ["GB", "SE"]


def test_the_employers_own_name_is_not_one_of_its_skills():
    from pipeline.facts.extract import extract_facts

    text = "At Lumen Ledger you will build Lumen services in Python. Experience with Lumen and Laravel is a plus."
    assert "Lumen" not in {s["name"] for s in extract_facts(text, company="Lumen Ledger")["skills"]}
    assert "Python" in {s["name"] for s in extract_facts(text, company="Lumen Ledger")["skills"]}
    assert "Lumen" in {s["name"] for s in extract_facts(text, company="Acme")["skills"]}
