"""Seniority, years of experience, workplace, employment type, visa, education and locations."""

from __future__ import annotations

import pytest

from pipeline.facts.education import extract_education
from pipeline.facts.employment import extract_employment_type, extract_visa
from pipeline.facts.locations import parse_locations
from pipeline.facts.role import extract_seniority, extract_years
from pipeline.facts.workplace import extract_remote_scope, extract_workplace


@pytest.mark.parametrize("title, level", [
    ("Senior Backend Engineer", "senior"), ("Sr. Data Scientist", "senior"),
    ("Lead Product Designer", "senior"), ("Staff Platform Engineer", "staff"),
    ("Principal Machine Learning Scientist", "principal"), ("Engineering Manager, Checkout", "manager"),
    ("Manager, Customer Support", "manager"), ("Head of Design", "director"),
    ("Senior Director, Product Marketing", "director"), ("VP of Engineering", "executive"),
    ("Chief Financial Officer", "executive"), ("Software Engineer II", "mid"),
    ("Android Engineer I - Subscriptions", "entry"), ("Software Engineer III, Infrastructure", "senior"),
    ("Associate Product Manager", "entry"), ("Software Engineer, New Grad", "entry"),
    ("Software Engineering Intern, Summer 2025", "intern"), ("Werkstudent (m/w/d) Data Analytics", "intern"),
])
def test_seniority_comes_from_the_title(title, level):
    fact = extract_seniority("", title)
    assert (fact.value, fact.source) == (level, "inferred")
    assert fact.quote.lower() in title.lower()


@pytest.mark.parametrize("title", [
    "Product Manager, Payments", "Account Manager", "Go-To-Market Manager", "Staff Accountant",
    "Executive Assistant to the CEO", "Technical Consultant, Mid-Market", "Software Engineer",
])
def test_titles_without_a_level_give_none(title):
    assert extract_seniority("Requirements: 5+ years of experience.", title) is None


def test_seniority_falls_back_to_explicit_words_in_the_text():
    text = "This is an entry-level role for people starting their career in sales."
    fact = extract_seniority(text, "Sales Development Representative")
    assert (fact.value, fact.source, fact.quote) == ("entry", "parsed", "entry-level")
    assert text[fact.start:fact.end] == fact.quote


@pytest.mark.parametrize("text, years", [
    ("5+ years of experience building backend systems", (5, None)),
    ("You have 3-5 years of analytics experience.", (3, 5)),
    ("at least five years of professional experience", (5, None)),
    ("A minimum of 3 yrs experience in sales.", (3, None)),
    ("Two to four years of experience in customer success.", (2, 4)),
    ("5 or more years of B2B marketing experience.", (5, None)),
    ("We're looking for 0-2 years of experience building web interfaces.", (0, 2)),
])
def test_years_of_experience_are_read_with_their_bounds(text, years):
    fact = extract_years(text)
    assert fact.value == years
    assert text[fact.start:fact.end] == fact.quote


@pytest.mark.parametrize("text", [
    "Founded 12 years ago, we have grown revenue every year for the past 5 years.",
    "Our company has delivered 5 years of consecutive revenue growth.",
    "This is a fixed-term, 2-year contract. Equity vests over 4 years with a one-year cliff.",
    "For more than 30 years, families have trusted us. Within 2 years you'll lead a team.",
])
def test_years_in_unrelated_sentences_are_ignored(text):
    assert extract_years(text) is None


@pytest.mark.parametrize("text, posted, value", [
    ("This role is hybrid: you'll be in our Chicago office Monday through Wednesday.", "remote", "hybrid"),
    ("This is not a remote position: technicians report to our depot.", "remote", "onsite"),
    ("We are fully remote and hire anywhere in the US.", None, "remote"),
    ("Our team works from the Amsterdam office at least three days per week.", None, "hybrid"),
    ("Based in our Paris office with two remote days per week.", None, "hybrid"),
    ("This position is on-site in Palo Alto.", None, "onsite"),
    ("Design hybrid cloud architectures. Fully remote within the UK.", None, "remote"),
    ("In-office perks: lunch and snacks. This role is remote.", None, "remote"),
])
def test_workplace_text_refines_or_overrides_the_feed_flag(text, posted, value):
    fact = extract_workplace(text, posted)
    assert (fact.value, fact.source) == (value, "parsed")
    assert text[fact.start:fact.end] == fact.quote


def test_feed_workplace_is_kept_when_the_text_agrees_or_is_silent():
    assert extract_workplace("Remote within Europe.", "remote").source == "posted"
    assert extract_workplace("We build billing software.", "onsite").value == "onsite"
    assert extract_workplace("We build billing software.", None, "Remote (US)").value == "remote"


@pytest.mark.parametrize("text, workplace, scope", [
    ("Remote, US only. We do not sponsor.", "remote", "US"),
    ("This is a fully remote role; you must reside in the United States.", "remote", "United States"),
    ("Hybrid: three days a week in our London office.", "hybrid", "three days a week in our London office"),
])
def test_remote_scope_quotes_where_or_how_often(text, workplace, scope):
    fact = extract_remote_scope(text, workplace)
    assert fact.value == scope
    assert text[fact.start:fact.end] == fact.quote


@pytest.mark.parametrize("text, title, value", [
    ("This is a 6-month contract with a possible extension, paid hourly.", None, "contract"),
    ("Contract-to-hire opportunity with a healthcare client.", None, "contract"),
    ("This is a fixed-term, 2-year contract funded by a grant.", None, "temporary"),
    ("This is a part-time role of 20 hours per week.", None, "part-time"),
    ("All full-time employees receive medical. This is a part-time position.", None, "part-time"),
    ("Our 12-week summer internship pairs you with a mentor.", None, "internship"),
    ("Permanent, full-time position.", None, "full-time"),
    ("Cover a colleague's leave.", "Communications Manager (12-month maternity cover)", "temporary"),
])
def test_employment_type(text, title, value):
    assert extract_employment_type(text, title).value == value


def test_employment_type_ignores_contracts_as_work_and_availability_wording():
    assert extract_employment_type("You will draft contracts for our legal team.") is None
    assert extract_employment_type("Prior internship experience is a plus.") is None
    assert extract_employment_type("Tell us if you can work (full- or part-time).") is None
    assert extract_employment_type("Anything.", posted="contract").source == "posted"


@pytest.mark.parametrize("text, value", [
    ("We are unable to sponsor visas at this time.", "no"),
    ("We will not sponsor employment visas now or in the future.", "no"),
    ("This company does not offer visa sponsorship.", "no"),
    ("We are not currently able to sponsor visas for fellows.", "no"),
    ("Must be authorized to work without the need for current or future sponsorship.", "no"),
    ("Sponsorship is not available for this role.", "no"),
    ("Visa sponsorship is available for this role.", "yes"),
    ("We offer relocation support and visa sponsorship to Germany.", "yes"),
    ("We do sponsor visas! However, we aren't able to successfully sponsor visas for every role.", "yes"),
    ("Great benefits and a learning budget.", "unknown"),
])
def test_visa_sponsorship_with_negations(text, value):
    assert extract_visa(text).value == value


@pytest.mark.parametrize("text, level, required", [
    ("Bachelor's degree in Accounting required; CPA preferred.", "bachelor", True),
    ("BS/MS in Computer Science or equivalent experience.", "bachelor", False),
    ("Bachelor’s degree or an equivalent combination of education and experience.", "bachelor", False),
    ("PhD in machine learning or a related field.", "phd", True),
    ("An MSc in hydrology is required.", "master", True),
    ("CPA or MBA a plus.", "master", False),
    ("B.E./B.Tech in Computer Science.", "bachelor", True),
])
def test_education_level_and_whether_it_is_required(text, level, required):
    found, is_required = extract_education(text)
    assert (found.value, is_required.value) == (level, required)
    assert text[found.start:found.end] == found.quote


def test_no_education_is_none_and_ms_office_is_not_a_degree():
    assert extract_education("Proficiency in MS Excel and MS Word.") == (None, None)
    level, required = extract_education("No degree required — we care about what you can do.")
    assert level is None and required.value is False


@pytest.mark.parametrize("location, expected", [
    ("San Francisco, CA | New York City, NY", [("San Francisco", "California", "US"),
                                               ("New York City", "New York", "US")]),
    ("London, UK; Ontario, CAN; Remote-Friendly, United States", [("London", None, "GB"),
                                                                  (None, "Ontario", "CA"), (None, None, "US")]),
    ("British Columbia, CA", [(None, "British Columbia", "CA")]),
    ("Toronto, CA", [("Toronto", None, "CA")]),
    ("Remote (US)", [(None, None, "US")]),
    ("München, Germany", [("Munich", None, "DE")]),
    ("Remote - Europe", [(None, "Europe", None)]),
])
def test_locations_are_normalized_to_city_region_and_iso_country(location, expected):
    places = parse_locations(location)
    assert [(p["city"], p["region"], p["country"]) for p in places] == expected
    assert all(p["quote"] in location for p in places)
