"""Salary from text and from each feed's structured pay: amounts, currency, period, OTE, evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.facts.posted import posted_salary
from pipeline.facts.salary import extract_salary

LABELLED = Path(__file__).resolve().parent.parent / "bench" / "facts_eval" / "salary.jsonl"


def headline(text: str, **where) -> tuple:
    found = extract_salary(text, **where)
    return (found.min, found.max, found.currency, found.period) if found else None


@pytest.mark.parametrize("text, where, expected", [
    ("Salary: $60-70k plus a quarterly bonus.", {"location": "Denver, CO"}, (60_000, 70_000, "USD", "year")),
    ("Compensation: $140K–$170K base + equity.", {"location": "New York, NY"}, (140_000, 170_000, "USD", "year")),
    ("Pay: $38–$45/hr depending on experience.", {"location": "Austin, TX"}, (38, 45, "USD", "hour")),
    ("Gehalt: 65.000 – 80.000 € brutto jährlich.", {"location": "Berlin"}, (65_000, 80_000, "EUR", "year")),
    ("Vergütung von 4.350 € brutto monatlich.", {"location": "München"}, (4_350, 4_350, "EUR", "month")),
    ("Stundenlohn: 15,50 € brutto.", {"location": "Hamburg"}, (15.5, 15.5, "EUR", "hour")),
    ("Salary: CHF 140'000 – 165'000 p.a.", {"location": "Zürich"}, (140_000, 165_000, "CHF", "year")),
    ("Lön: 45 000 – 55 000 kr/mån.", {"location": "Stockholm, Sweden"}, (45_000, 55_000, "SEK", "month")),
    ("CTC: ₹28,00,000 - ₹36,00,000 per annum.", {"location": "Bengaluru"}, (2_800_000, 3_600_000, "INR", "year")),
    ("Compensation: 12-18 LPA.", {"location": "Hyderabad, India"}, (1_200_000, 1_800_000, "INR", "year")),
    ("年収 800万円〜1,200万円", {"location": "Tokyo, Japan"}, (8_000_000, 12_000_000, "JPY", "year")),
    ("Wynagrodzenie: 18 000 – 24 000 zł brutto miesięcznie.", {"location": "Warszawa"},
     (18_000, 24_000, "PLN", "month")),
    ("Salaire : 55\u202f000 € à 65\u202f000 € par an.", {"location": "Bordeaux"}, (55_000, 65_000, "EUR", "year")),
    ("Day rate: £600–£700 per day, outside IR35.", {"location": "London, UK"}, (600, 700, "GBP", "day")),
    ("We expect to pay between $90,000 and $110,000 annually.", {}, (90_000, 110_000, "USD", "year")),
])
def test_text_salary_in_every_locale_format(text, where, expected):
    assert headline(text, **where) == expected


def test_up_to_is_a_maximum_and_from_is_a_minimum():
    assert headline("We pay up to $210,000 per year in base salary.", location="Remote (US)") == \
        (None, 210_000, "USD", "year")
    assert headline("Salary from €65,000 per year, plus a bonus.", location="Amsterdam") == \
        (65_000, None, "EUR", "year")


@pytest.mark.parametrize("text", [
    "Base salary: $90,000 – $110,000. OTE: $180,000 – $220,000 with uncapped commission.",
    "On-target earnings of $180,000 - $220,000 with a 50/50 split; the base salary is $90,000 - $110,000.",
    "Compensation: $90k-$110k base / $180k-$220k OTE, uncapped.",
])
def test_base_salary_wins_over_on_target_earnings(text):
    found = extract_salary(text, location="New York, NY")
    assert (found.min, found.max, found.is_ote) == (90_000, 110_000, False)


def test_on_target_earnings_alone_are_taken_and_flagged():
    found = extract_salary("On-target earnings £70k-£80k, uncapped.", location="London, UK")
    assert (found.min, found.max, found.currency, found.is_ote) == (70_000, 80_000, "GBP", True)
    assert "on-target earnings" in found.note


@pytest.mark.parametrize("text", [
    "Over $150B of business spending flows through our platform each year.",
    "We recently raised a $45M Series B led by top-tier investors.",
    "Benefits include a fertility benefit (up to $10,000 per year) and a $500 home office stipend.",
    "We're offering a $15,000 sign-on bonus for experienced nurses.",
    "You'll have a compute budget of roughly $20k per month for experiments.",
    "We offer a 401(k) with a 5% match, 20 days of PTO and 12 paid holidays.",
    "Founded in 2009, we now serve 3,200 clients; you need 3+ years of experience.",
    "Salary bands are reviewed every 12-18 months; our next salary review is in 2025-2026.",
    "Shift pay differentials apply for 9am-5pm weekend shifts of 20-25 hours per week.",
])
def test_numbers_that_are_not_pay_give_no_salary(text):
    assert extract_salary(text, location="San Francisco, CA") is None


def test_franc_abbreviation_counts_only_in_switzerland():
    hours = "Arbeitszeiten: Mo.-Fr. 8-17 Uhr, Gleitzeit möglich."
    assert extract_salary(hours, location="Zürich, Switzerland") is None
    assert extract_salary(hours, location="Berlin, Germany") is None
    assert headline("Monatslohn: Fr. 6'200 brutto.", location="Bern, Switzerland") == (6_200, 6_200, "CHF", "month")


def test_words_of_the_next_sentence_do_not_describe_the_amount():
    assert headline("Salary: £50,000 p.a. Bonus scheme available.", location="Leeds, UK") == \
        (50_000, 50_000, "GBP", "year")
    assert headline("Base pay range: $50.00/hr - $60.00/hr. Sign-on bonus eligible.", location="Denver, CO") == \
        (50, 60, "USD", "hour")


def test_a_bonus_beside_the_salary_is_not_taken_as_base():
    text = "$140,000 - $160,000 base salary + 15% annual bonus + $10,000 sign-on bonus."
    assert headline(text, location="Boston, MA") == (140_000, 160_000, "USD", "year")


def test_equity_is_noted_but_not_counted_as_pay():
    found = extract_salary("Compensation: $180k–$220k + 0.5%–1.0% equity.", location="San Francisco, CA")
    assert (found.min, found.max, found.has_equity) == (180_000, 220_000, True)


def test_bare_dollar_in_canada_is_not_silently_usd():
    found = extract_salary("The salary range for this role is $120,000 - $140,000.", location="Toronto, ON")
    assert (found.min, found.max, found.currency) == (120_000, 140_000, None)
    assert found.currency_candidates == ("CAD", "USD")
    assert "ambiguous currency" in found.note and "Canada" in found.note


def test_bare_dollar_is_resolved_when_the_posting_names_the_currency():
    text = "Salary: $80,000 - $95,000. All compensation is in CAD."
    assert extract_salary(text, location="Toronto, ON").currency == "CAD"


def test_explicit_canadian_dollars_are_cad():
    assert headline("Compensation: CA$110,000–CA$130,000 plus options.", location="Vancouver, BC") == \
        (110_000, 130_000, "CAD", "year")


def test_country_decides_when_the_location_names_none():
    found = extract_salary("Salary: $150k + super.", location="Remote", country="AU")
    assert found.currency is None and "AUD" in found.currency_candidates
    assert extract_salary("Salary: $150k.", location="Remote", country="US").currency == "USD"


def test_a_posting_in_several_countries_stays_ambiguous_whatever_country_is_passed():
    found = extract_salary("Base salary: $130,000 – $150,000.", location="Remote (US); Toronto, ON", country="US")
    assert (found.currency, found.currency_candidates) == (None, ("CAD", "USD"))


def test_period_inferred_from_size_is_said_so():
    found = extract_salary("Wage: $17-$19 plus tips.", location="Portland, OR")
    assert (found.period, found.source) == ("hour", "inferred")
    assert "period inferred" in found.note
    assert found.annual_min == 17 * 2080


def test_currency_without_exchange_rate_is_not_judged_by_size():
    text = "Sueldo: COP 4.500.000 - 6.000.000 mensuales, más prestaciones de ley."
    assert headline(text, location="Bogotá, Colombia") == (4_500_000, 6_000_000, "COP", "month")
    found = extract_salary("Salario: COP 5.000.000 según experiencia.", location="Bogotá, Colombia")
    assert (found.min, found.currency, found.period, found.annual_min) == (5_000_000, "COP", None, None)
    assert "no exchange rate to judge the amount by" in found.note


def test_evidence_span_quotes_the_text():
    text = "About us. The base salary range for this role is $165,000 - $195,000 per year, plus equity."
    found = extract_salary(text, location="San Francisco, CA")
    assert text[found.start:found.end] == found.quote == "$165,000 - $195,000 per year"
    assert found.source == "parsed"
    assert found.facts()["salary_max"].quote == found.quote


def test_location_zones_give_the_overall_range():
    text = ("Zone 1 (San Francisco, New York): $182,000 - $214,000. Zone 2 (Austin, Denver): $164,000 - $193,000. "
            "Zone 3 (elsewhere in the US): $155,000 - $182,000.")
    assert headline(text, location="Remote (US)") == (155_000, 214_000, "USD", "year")


def test_alternative_currencies_pick_the_posting_country():
    text = "Weekly stipend: 3,500 USD / 2,100 GBP / 3,900 CAD, depending on your country of residence."
    found = extract_salary(text, location="London, UK")
    assert (found.min, found.currency, found.period) == (2_100, "GBP", "week")
    assert "also stated in USD, CAD" in found.note


def test_no_text_and_no_digits_give_none():
    assert extract_salary("") is None
    assert extract_salary("We offer a competitive salary and stock options.") is None


def test_labelled_set_meets_the_salary_floors():
    cases = [json.loads(line) for line in LABELLED.read_text().splitlines() if line.strip()]
    keys = ("salary_min", "salary_max", "salary_currency", "salary_period")
    outputs = labelled = right_out = right_labelled = 0
    for case in cases:
        got = headline(case["text"], title=case.get("title"), location=case.get("location"))
        want = tuple(case["labels"][k] for k in keys)
        right = (got or (None,) * 4) == want
        outputs += got is not None
        labelled += any(v is not None for v in want)
        right_out += got is not None and right
        right_labelled += any(v is not None for v in want) and right
    assert len(cases) >= 120
    assert right_out / outputs >= 0.95 and right_labelled / labelled >= 0.90


# --- pay from each feed's own fields (fixtures written in the APIs' formats) ---------------------------------

def ashby_component(kind: str, summary: str, low: float | None, high: float | None) -> dict:
    return {"summary": summary, "compensationType": kind, "interval": "1 YEAR", "currencyCode": "USD",
            "minValue": low, "maxValue": high}


def ashby_job(*tiers: tuple[str, list[dict]]) -> dict:
    return {"title": "Engineer", "location": "New York, NY", "compensation": {
        "compensationTierSummary": "$120K – $180K • Offers Equity",
        "compensationTiers": [{"tierSummary": s, "components": c} for s, c in tiers],
        "summaryComponents": []}}


def test_ashby_base_salary_across_tiers_with_equity():
    job = ashby_job(
        ("Base $150K – $180K • Offers Equity", [ashby_component("EquityCashValue", "Offers Equity", None, None),
                                               ashby_component("Salary", "Base $150K – $180K", 150_000, 180_000)]),
        ("Base $120K – $150K", [ashby_component("Salary", "Base $120K – $150K", 120_000, 150_000)]))
    found = posted_salary("ashby", job)
    assert (found.min, found.max, found.currency, found.period) == (120_000, 180_000, "USD", "year")
    assert (found.source, found.is_ote, found.has_equity, found.quote) == ("posted", False, True, None)


def test_ashby_takes_base_and_leaves_ote_tiers_out():
    job = ashby_job(("OTE $200K – $260K", [ashby_component("Salary", "OTE $200K – $260K", 200_000, 260_000)]),
                    ("Base $100K – $130K", [ashby_component("Salary", "Base $100K – $130K", 100_000, 130_000)]))
    found = posted_salary("ashby", job)
    assert (found.min, found.max, found.is_ote) == (100_000, 130_000, False)


def test_ashby_ote_only_is_flagged():
    job = ashby_job(("OTE $168K – $231K • 75/25 Split",
                     [ashby_component("Salary", "OTE $168K – $231K", 168_000, 231_000)]))
    found = posted_salary("ashby", job)
    assert (found.min, found.max, found.is_ote) == (168_000, 231_000, True)


def test_ashby_without_compensation_has_no_posted_pay():
    assert posted_salary("ashby", {"title": "AE", "compensation": {"compensationTiers": [],
                                                                    "summaryComponents": []}}) is None


def test_lever_hourly_salary_range():
    job = {"text": "Contract Designer", "country": "US", "categories": {"location": "Austin, TX"},
           "salaryRange": {"currency": "USD", "interval": "per-hour-wage", "min": 55, "max": 70}}
    found = posted_salary("lever", job)
    assert (found.min, found.max, found.currency, found.period) == (55, 70, "USD", "hour")
    assert (found.annual_min, found.annual_max) == (55 * 2080, 70 * 2080)


def test_lever_salary_description_is_read_when_there_is_no_range():
    job = {"text": "Data Analyst", "country": "GB", "categories": {"location": "London"},
           "salaryDescriptionPlain": "The salary for this role is £48,000 - £56,000 per annum."}
    found = posted_salary("lever", job)
    assert (found.min, found.max, found.currency, found.period, found.source) == (48_000, 56_000, "GBP", "year", "posted")
    assert found.start is None and "Lever salary description" in found.note


def test_lever_one_time_payment_has_no_period():
    job = {"salaryRange": {"currency": "EUR", "interval": "one-time", "min": 5000, "max": 5000}}
    found = posted_salary("lever", job)
    assert (found.period, found.annual_min) == (None, None)
    assert "one-time" in found.note


def test_greenhouse_pay_input_ranges_are_in_cents():
    job = {"title": "Engineer", "location": {"name": "Remote (US)"},
           "pay_input_ranges": [{"min_cents": 13_000_000, "max_cents": 16_050_000, "currency_type": "USD",
                                 "title": "US Annual Base Salary", "blurb": "Base pay for US hires."}]}
    found = posted_salary("greenhouse", job)
    assert (found.min, found.max, found.currency, found.period) == (130_000, 160_500, "USD", "year")


def test_greenhouse_pay_range_html_with_sales_ote_sentence():
    content = ('<p>About the role.</p><div class="content-pay-transparency"><div class="pay-input">'
               '<div class="description"><p>For sales positions the amount shown is on-target earnings '
               '(OTE), commission included.</p></div><div class="title">Annual Salary:</div><div class="pay-range">'
               '<span>$200,000</span><span class="divider">&mdash;</span><span>$250,000 USD</span></div></div></div>')
    job = {"title": "Enterprise Account Executive", "location": {"name": "New York, NY"},
           "departments": [{"name": "Sales"}], "content": content.replace("<", "&lt;").replace(">", "&gt;")}
    found = posted_salary("greenhouse", job)
    assert (found.min, found.max, found.currency, found.period, found.is_ote) == (200_000, 250_000, "USD", "year", True)
    engineer = dict(job, title="Research Engineer", departments=[{"name": "Research"}])
    assert posted_salary("greenhouse", engineer).is_ote is False


def test_unknown_source_has_no_posted_pay():
    assert posted_salary("workday", {"salaryRange": {"min": 1, "max": 2}}) is None
