"""Skills extraction: taxonomy names and aliases, guards for everyday words, required vs nice-to-have."""

from __future__ import annotations

import json

import pytest

from pipeline.facts.skills import extract_skills
from pipeline.facts.taxonomy import DATA, load_taxonomy


def names(text: str) -> list[str]:
    return [s.name for s in extract_skills(text)]


def requirements(text: str) -> dict[str, str]:
    return {s.name: s.requirement for s in extract_skills(text)}


def test_aliases_resolve_to_canonical_names():
    found = names("You'll run our k8s clusters, write golang services and tune postgres. JS or TypeScript.")
    assert found == ["Kubernetes", "Go", "PostgreSQL", "JavaScript", "TypeScript"]


def test_each_skill_is_listed_once_with_every_mention_as_evidence():
    text = "Python services. Strong Python required. We love python."
    [skill] = extract_skills(text)
    assert skill.name == "Python"
    assert [text[s:e] for s, e in skill.spans] == ["Python", "Python", "python"]


@pytest.mark.parametrize("text", [
    "You'll go on site visits and go after new accounts. Go beyond tickets.",
    "Our go-to-market team is growing and our Go-To-Market Manager will lead it.",
    "You will lead a team and help us spring into action this Spring.",
    "Our R&D group works with C-suite executives on Series C plans.",
    "You excel at building relationships and react calmly under pressure.",
    "Work with our Executive Chef and the puppet theatre, at the helm of the vault.",
    "Check vans for rust; swift decisions matter. Autoclave each flask; express delivery.",
    "Dr. Julia Chen and Ruby from finance lead the hive of activity.",
])
def test_everyday_words_are_not_skills(text):
    assert names(text) == []


@pytest.mark.parametrize("text, expected", [
    ("4+ years building backend services in Go or Java.", ["Go", "Java"]),
    ("Our APIs are written in Go/Python.", ["Go", "Python"]),
    ("Expert programming in R and SAS.", ["R", "SAS"]),
    ("Experience with Chef, Puppet or Ansible.", ["Chef", "Puppet", "Ansible"]),
    ("Proficiency in Microsoft Excel and PowerPoint.", ["Excel"]),
    ("Production experience with Rust or C++.", ["Rust", "C++"]),
    ("Java services on Spring and Hibernate.", ["Java", "Spring", "Hibernate"]),
    ("Preferred: Flink, Airflow.", ["Flink", "Airflow"]),
    ("Helm charts and Spark jobs.", ["Helm", "Spark"]),
])
def test_ambiguous_names_count_in_a_technical_context(text, expected):
    assert names(text) == expected


def test_short_names_match_their_letter_case_only():
    assert names("Strong c and r skills; sap asap.") == []
    assert names("Strong C and R skills; SAP experience.") == ["C", "R", "SAP"]


def test_c_is_not_found_inside_cpp_or_csharp():
    assert names("Experience with C++ and C# services.") == ["C++", "C#"]


def test_nice_to_have_section_and_a_plus_phrases_are_told_from_requirements():
    text = ("Requirements\n- 5+ years of Python\n- PostgreSQL\n\nNice to have\n- Terraform\n\n"
            "Experience with Kafka is a plus.")
    assert requirements(text) == {"Python": "required", "PostgreSQL": "required",
                                  "Terraform": "nice_to_have", "Kafka": "nice_to_have"}


def test_stack_descriptions_without_requirement_words_are_unspecified():
    assert requirements("Our stack: Snowflake, dbt and Looker.") == {
        "Snowflake": "unspecified", "dbt": "unspecified", "Looker": "unspecified"}


def test_a_skill_required_anywhere_counts_as_required():
    text = "Experience with Docker is a plus.\n\nRequirements:\n- Docker and Kubernetes"
    [docker, k8s] = extract_skills(text)
    assert (docker.name, docker.requirement) == ("Docker", "required")
    assert text[docker.start:docker.end] == docker.quote == "Docker"
    assert docker.start == text.rindex("Docker")
    assert k8s.requirement == "required"


def test_bullets_without_a_heading_inherit_the_requirement_of_their_list():
    text = "Own end-to-end testing.\n\n- 3+ years of test automation\n- Cypress or Playwright\n- TypeScript"
    assert set(requirements(text).values()) == {"required"}


def test_evidence_offsets_quote_the_text_exactly():
    text = "İstanbul team. Experience with Node.js, Vue.js and ASP.NET Core; AWS Lambda."
    for skill in extract_skills(text):
        assert text[skill.start:skill.end] == skill.quote


def test_taxonomy_file_names_its_sources_and_licences():
    about = json.loads(DATA.read_text(encoding="utf-8"))["about"]
    assert {s["license"] for s in about["sources"]} == {"MIT", "CC0-1.0"}
    assert len(load_taxonomy().categories) > 500
