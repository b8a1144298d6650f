"""The JSON schemas of job and company analyses (strict structured output) and their validation."""

from __future__ import annotations

import json

import jsonschema

SENIORITIES = ("intern", "entry", "mid", "senior", "staff", "principal", "manager", "director", "executive")
PERIODS = ("hour", "day", "week", "month", "year")


def _strings(description: str) -> dict:
    return {"type": "array", "items": {"type": "string"}, "description": description}


def _obj(properties: dict) -> dict:
    # Strict structured output wants every property required and no others allowed.
    return {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}


EVIDENCE = {
    "type": "array",
    "description": "Each claim with a quote copied character for character from the material.",
    "items": _obj({"claim": {"type": "string"}, "quote": {"type": "string"}}),
}

SALARY = _obj(
    {
        "min": {"type": ["number", "null"]},
        "max": {"type": ["number", "null"]},
        "currency": {"type": ["string", "null"], "description": "ISO 4217 code as stated"},
        "period": {"type": ["string", "null"], "enum": [*PERIODS, None]},
    }
)

JOB_SCHEMA = _obj(
    {
        "summary": {"type": "string", "description": "Two to four sentences: the role's place and what it is for."},
        "responsibilities": _strings("What the work really involves, as clauses."),
        "must_have_skills": _strings("Skills the posting requires."),
        "nice_to_have_skills": _strings("Skills the posting calls a plus."),
        "success_measures": _strings("How success in the role is judged."),
        "challenges": _strings("Where the difficulty lies."),
        "how_to_prepare": _strings("What a candidate should prepare."),
        "red_flags": _strings("Concerns a candidate should raise; empty when none."),
        "seniority": {"type": ["string", "null"], "enum": [*SENIORITIES, None]},
        "salary": SALARY,
        "evidence": EVIDENCE,
    }
)

COMPANY_SCHEMA = _obj(
    {
        "summary": {"type": "string", "description": "What the company does and where it stands."},
        "hiring_signals": _strings("What its hiring says, from the figures given."),
        "culture_signals": _strings("What its own words say about culture."),
        "candidate_takeaways": _strings("What this means for a candidate."),
        "background": {"type": "string", "description": "General knowledge not in the material; empty if none."},
        "evidence": EVIDENCE,
    }
)

SCHEMAS = {"job": JOB_SCHEMA, "company": COMPANY_SCHEMA}
_VALIDATORS = {kind: jsonschema.Draft202012Validator(schema) for kind, schema in SCHEMAS.items()}


def response_format(kind: str) -> dict:
    """The Chat Completions response_format asking for strict JSON of this kind."""
    return {
        "type": "json_schema",
        "json_schema": {"name": f"{kind}_analysis", "schema": SCHEMAS[kind], "strict": True},
    }


def parse_analysis(kind: str, content: str | None) -> tuple[dict | None, str | None]:
    """(analysis, None) when the content is valid JSON of the schema, else (None, one-line reason)."""
    if not content:
        return None, "the reply was empty"
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        return None, f"the reply is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
    errors = validation_errors(kind, data)
    return (data, None) if not errors else (None, "; ".join(errors[:5]))


def validation_errors(kind: str, data) -> list[str]:
    """Schema violations plus what the schema cannot say: a real summary and at least one piece of evidence."""
    errors = [_describe(e) for e in sorted(_VALIDATORS[kind].iter_errors(data), key=lambda e: list(e.path))]
    if errors:
        return errors
    if not data["summary"].strip():
        errors.append("summary is empty")
    if not any(item["quote"].strip() for item in data["evidence"]):
        errors.append("evidence has no quote")
    return errors


def _describe(error: jsonschema.ValidationError) -> str:
    where = "/".join(str(p) for p in error.path) or "the top level"
    return f"at {where}: {error.message[:200]}"
