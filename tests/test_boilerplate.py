"""Company boilerplate: paragraphs repeated on most of a company's postings, split from the role."""

from __future__ import annotations

from pipeline.facts.boilerplate import company_boilerplate, fingerprint, split_posting

INTRO = "Acme builds payroll software for restaurants. We are 120 people across Lisbon and Austin."
CLOSING = "Acme is an equal opportunity employer. We welcome applicants of every background."


def posting(role: str, intro: str = INTRO) -> str:
    return f"About Acme\n\n{intro}\n\n{role}\n\n{CLOSING}"


ROLES = [
    "You will build our ledger service in Go and own its on-call rotation.",
    "You will design the onboarding flow for new restaurant owners.",
    "You will run payroll operations for our 3,000 customers in Portugal.",
    "You will lead enterprise sales in Texas and Oklahoma.",
]


def test_paragraphs_on_most_postings_are_boilerplate():
    found = company_boilerplate([posting(r) for r in ROLES])
    assert fingerprint(INTRO) in found and fingerprint(CLOSING) in found
    assert not any(fingerprint(r) in found for r in ROLES)


def test_posting_splits_into_role_text_and_company_text():
    boilerplate = company_boilerplate([posting(r) for r in ROLES])
    role, company = split_posting(posting(ROLES[0]), boilerplate)
    assert role == ROLES[0]
    assert company == f"About Acme\n\n{INTRO}\n\n{CLOSING}"


def test_spacing_and_case_changes_do_not_hide_a_repeated_paragraph():
    texts = [posting(r) for r in ROLES[:3]] + [posting(ROLES[3], INTRO.upper().replace(" ", "  "))]
    boilerplate = company_boilerplate(texts)
    role, company = split_posting(texts[3], boilerplate)
    assert role == ROLES[3]


def test_fewer_than_three_postings_show_no_boilerplate():
    texts = [posting(r) for r in ROLES[:2]]
    assert company_boilerplate(texts) == set()
    assert split_posting(texts[0], set()) == (texts[0], "")


def test_paragraph_on_a_minority_of_postings_stays_with_the_role():
    texts = [posting(r, INTRO if i < 2 else "A different intro paragraph for this team only.")
             for i, r in enumerate(ROLES)]
    texts.append(posting("You will answer support chats.", "Yet another intro, different again."))
    assert fingerprint(INTRO) not in company_boilerplate(texts)


def test_text_without_blank_lines_is_split_by_lines():
    texts = [f"{INTRO}\n{r}\n{CLOSING}" for r in ROLES]
    role, company = split_posting(texts[1], company_boilerplate(texts))
    assert role == ROLES[1]
    assert company == f"{INTRO}\n\n{CLOSING}"
