"""The skills taxonomy: canonical names and surface forms from data/skills.json, compiled for matching."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "skills.json"

# Our own aliases on top of the taxonomy: the forms postings use that the sources lack.
ALIASES = {
    "Kubernetes": ["k8s", "kube"],
    "PostgreSQL": ["postgres", "Postgres SQL", "pgsql"],
    "JavaScript": ["JS", "Javascript/ES6", "ES6"],
    "Node.js": ["Node", "Node JS"],
    "AWS": ["Amazon Web Services"],
    "Google Cloud": ["GCP", "Google Cloud Platform"],
    "Azure": ["Microsoft Azure", "MS Azure"],
    "Google BigQuery": ["BigQuery", "Big Query"],
    "MongoDB": ["Mongo"],
    "scikit-learn": ["sklearn", "scikit learn", "scikitlearn"],
    "Tailwind CSS": ["Tailwind", "TailwindCSS"],
    "React": ["React.js", "React JS"],
    "SQL Server": ["MSSQL", "MS SQL", "Microsoft SQL Server"],
    "Ruby on Rails": ["Rails", "RoR"],
    "C++": ["cpp"],
    "Objective-C": ["ObjC"],
    "Spring Boot": ["SpringBoot"],
    "OpenTelemetry": ["OTel"],
    "Hugging Face": ["HuggingFace", "Hugging Face Transformers"],
    "Elasticsearch": ["Elastic Search", "ElasticSearch"],
    "CSS": ["CSS3"],
    "Amazon S3": ["S3"],
    "Terraform": ["Terraform Cloud"],
    "Datadog": ["DataDog"],
    "GitHub Actions": ["GH Actions"],
    "Jupyter": ["Jupyter notebooks", "Jupyter Notebook"],
    "Shell": ["shell scripting", "shell scripts"],
    "Excel": ["Microsoft Excel", "MS Excel"],
    "Argo CD": ["ArgoCD"],
    "Azure SQL Database": ["Azure SQL"],
    "Adobe Photoshop": ["Photoshop"],
    "Adobe Illustrator": ["Illustrator"],
    "Adobe Premiere Pro": ["Premiere Pro"],
    "Adobe After Effects": ["After Effects"],
}

# Forms that are also everyday English (or single letters) and so count only in a technical
# context: the dictionary-derived list in the data file, plus these.
GUARDED_EXTRA = {"Julia", "Node", "Rails", "Lambda", "Spark", "Hive", "Kube", "Mongo", "Tower",
                 "Chef", "Puppet", "Airflow", "Scala", "Apache", "ES6", "Illustrator"}

# Dictionary words whose everyday sense almost never appears in a job posting.
UNGUARDED = {"Python", "TypeScript", "Android", "Azure", "Fedora", "Elixir", "Anaconda",
             "Postman", "Swagger", "Subversion", "Confluence", "Tableau", "Selenium", "Mercurial",
             "Wolfram", "Svelte", "Solidity", "Prolog", "Snowflake", "Vim", "Playwright",
             "Puppeteer", "Protractor", "Storybook", "Hibernate", "Mongoose", "Bash", "Groovy",
             "Oracle", "C#", "F#", "Qt", "k6", "V8", "SAP", "S3", "Ansible", "Django", "pandas", "Presto"}

# Short forms must match letter case exactly ("SAP", "Qt", "JS"): lower-case they are other words.
EXACT_CASE_MAX_LEN = 3
SHORT_LEN = 2
SHORT_NOT_AFTER = frozenset("&.'-_")  # "R&D" is caught ahead; ".R" and "-C" behind


@dataclass(frozen=True, slots=True)
class Form:
    """One way of writing a skill: `text` as written in the taxonomy, and how to accept it."""

    text: str
    skill: str
    guarded: bool  # counts only in a technical context
    exact_case: bool  # the matched text must be written like `text` (or in capitals)


@dataclass(frozen=True)
class Taxonomy:
    forms: dict[str, tuple[Form, ...]]  # lower-cased form -> its Forms, forms of 3+ chars (found by scan.py)
    short: re.Pattern  # one- and two-character forms ("C", "R", "Go"), matched case-sensitively
    short_forms: dict[str, Form]
    categories: dict[str, str]  # canonical name -> category
    credits: tuple[str, ...]


def surface_forms(skill: dict) -> list[str]:
    return [skill["name"], *skill.get("aliases", []), *ALIASES.get(skill["name"], [])]


def make_form(text: str, skill: str, common: set[str]) -> Form:
    guarded = (text in common or text in GUARDED_EXTRA) and text not in UNGUARDED
    exact = guarded or len(text) <= EXACT_CASE_MAX_LEN
    return Form(text, skill, guarded, exact)


def compile_short(forms: list[Form]) -> re.Pattern:
    """One- and two-character forms would hit inside most words in the automaton; a regex with
    boundaries finds them instead ("C" but not "C++", "R" but not "R&D")."""
    alternation = "|".join(re.escape(f.text) for f in sorted(forms, key=lambda f: -len(f.text)))
    # No lookbehind here: a pattern that starts with its literals lets the regex engine skip ahead
    # fast; the character before a match is checked by the caller (SHORT_NOT_AFTER).
    return re.compile(rf"(?:{alternation})(?![\w+#&'-])")


def group_forms(forms: list[Form]) -> dict[str, tuple[Form, ...]]:
    by_key: dict[str, list[Form]] = {}
    for form in forms:
        by_key.setdefault(form.text.lower(), []).append(form)
    return {key: tuple(group) for key, group in by_key.items()}


@lru_cache(maxsize=4)
def load_taxonomy(path: Path = DATA) -> Taxonomy:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    common = set(data.get("common_word_forms", []))
    forms = [make_form(text, skill["name"], common)
             for skill in data["skills"] for text in surface_forms(skill)]
    credits = tuple(f"{s['package']} ({s['license']}, {s['url']})" for s in data["about"]["sources"])
    short = [f for f in forms if len(f.text) <= SHORT_LEN]
    return Taxonomy(group_forms([f for f in forms if len(f.text) > SHORT_LEN]), compile_short(short),
                    {f.text: f for f in short}, {s["name"]: s["category"] for s in data["skills"]}, credits)
