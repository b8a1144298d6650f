"""Precision and recall of the fact extractors on the labelled cases in bench/facts_eval/, and their speed.

Usage: python bench/facts_eval.py [--json] [--check] [--per-skill] [--errors FIELD] [--seconds S]

Each bench/facts_eval/*.jsonl line is {"id", "text", "title", "location", "labels": {...}} (plus
optional "posted_workplace", "posted_employment", "source", "raw"); a case is scored only on the
fields its labels name. A label of null means "the posting does not say": outputting nothing is
right. Precision counts the cases where something was output, recall the cases whose label has a
value; salary is right only when min, max, currency and period all are.

Speed is postings per CPU second of one process (one core): the headline is the full postings of the
sample boards in data/samples/ (about 2,900 characters each, like users' postings), the short
labelled cases beside it. Each is the best of three rounds, since other work on a shared machine only
ever slows a round down.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from pipeline.facts.extract import extract_facts
from pipeline.facts.locations import parse_place

CASES_DIR = Path(__file__).with_name("facts_eval")
SAMPLES_DIR = Path(__file__).resolve().parent.parent / "data" / "samples"
FIELDS = ("salary", "seniority", "years_experience_min", "years_experience_max", "workplace_type",
          "remote_scope", "employment_type", "visa_sponsorship", "education_level",
          "education_required", "locations")
SALARY_KEYS = ("salary_min", "salary_max", "salary_currency", "salary_period")
FLOORS = {  # field: (metric, floor)
    "salary": (("precision", 0.95), ("recall", 0.90)),
    "seniority": (("accuracy", 0.90),),
    "workplace_type": (("accuracy", 0.90),),
    "employment_type": (("accuracy", 0.90),),
    "skills": (("precision", 0.85), ("recall", 0.75)),
    "speed": (("postings_per_s", 2000),),  # full postings
}
SPEED_ROUNDS = 3
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def load_cases(folder: Path = CASES_DIR) -> list[dict]:
    cases = []
    for path in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    cases.append(json.loads(line))
                except json.JSONDecodeError as e:
                    sys.exit(f"{path}:{n}: not a JSON line ({e.msg})")
    return cases


def run(case: dict) -> dict:
    return extract_facts(case["text"], title=case.get("title"), location=case.get("location"),
                         source=case.get("source"), raw=case.get("raw"),
                         posted_workplace=case.get("posted_workplace"),
                         posted_employment=case.get("posted_employment"))


def field_value(facts: dict, field: str):
    """The comparable value of one field; None when nothing was found."""
    if field == "salary":
        value = tuple(facts.get(k) for k in SALARY_KEYS)
        return None if value[0] is None and value[1] is None else value
    if field == "remote_scope":
        return normal_scope(facts.get(field))
    if field == "locations":
        return normal_places(facts.get(field) or [])
    value = facts.get(field)
    return None if value in ("unknown", [], "") else value


def label_value(labels: dict, field: str):
    if field == "salary":
        return field_value(labels, field)
    return field_value({field: labels[field]}, field)


def has_label(labels: dict, field: str) -> bool:
    return "salary_min" in labels if field == "salary" else field in labels


def normal_scope(scope: str | None):
    """"3 days per week in the office" -> "3d"; "US only", "United States" -> "US"."""
    if not scope:
        return None
    if m := re.search(r"\b(\d|one|two|three|four|five)\b\s*(?:days?|\w+ days)", scope, re.IGNORECASE):
        word = m.group(1).lower()
        return f"{NUMBER_WORDS.get(word, word)}d"
    place = parse_place(re.sub(r"\b(?:only|based|time ?zones?)\b", "", scope, flags=re.I).strip(" -,"))
    return place["country"] or (place["region"] or scope).lower()


def normal_places(places: list[dict]):
    found = {(p.get("city"), p.get("country")) if p.get("city") or p.get("country")
             else (None, (p.get("region") or "").lower()) for p in places}
    return frozenset(found) or None


def score_fields(cases: list[dict], outputs: list[dict]) -> dict:
    scores = {}
    for field in FIELDS:
        s = {"cases": 0, "right": 0, "output": 0, "output_right": 0, "labelled": 0, "errors": []}
        for case, facts in zip(cases, outputs):
            if not has_label(case["labels"], field):
                continue
            want, got = label_value(case["labels"], field), field_value(facts, field)
            s["cases"] += 1
            s["right"] += want == got
            s["output"] += got is not None
            s["output_right"] += got is not None and want == got
            s["labelled"] += want is not None
            if want != got:
                s["errors"].append({"id": case["id"], "want": repr(want), "got": repr(got)})
        scores[field] = finish(s)
    return scores


def finish(s: dict) -> dict:
    s["accuracy"] = ratio(s["right"], s["cases"])
    s["precision"] = ratio(s["output_right"], s["output"])
    s["recall"] = ratio(s["output_right"], s["labelled"])
    return s


def ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def score_skills(cases: list[dict], outputs: list[dict]) -> dict:
    total = {"tp": 0, "fp": 0, "fn": 0, "requirement_right": 0}
    per_skill: dict[str, dict] = {}
    errors = []
    for case, facts in zip(cases, outputs):
        if "skills" not in case["labels"]:
            continue
        want = case["labels"]["skills"]
        got = {s["name"]: s["requirement"] for s in facts["skills"]}
        for name in set(want) | set(got):
            kind = "tp" if name in want and name in got else "fp" if name in got else "fn"
            total[kind] += 1
            per_skill.setdefault(name, {"tp": 0, "fp": 0, "fn": 0})[kind] += 1
            total["requirement_right"] += kind == "tp" and want[name] == got[name]
            if kind != "tp":
                errors.append({"id": case["id"], "skill": name, "error": kind})
    result = {**total, "precision": ratio(total["tp"], total["tp"] + total["fp"]),
              "recall": ratio(total["tp"], total["tp"] + total["fn"]),
              "requirement_accuracy": ratio(total["requirement_right"], total["tp"]),
              "errors": errors}
    result["per_skill"] = {name: {**c, "precision": ratio(c["tp"], c["tp"] + c["fp"]),
                                  "recall": ratio(c["tp"], c["tp"] + c["fn"])}
                           for name, c in sorted(per_skill.items())}
    return result


def sample_postings(root: Path = SAMPLES_DIR) -> list[dict]:
    """The demo boards under data/samples as cases, parsed by the real feed adapters."""
    from pipeline.feeds import SOURCES

    cases = []
    for path in sorted(root.glob("*/*/*.json")):
        adapter = SOURCES.get(path.parent.name)
        for job in adapter.parse_payload(path.read_bytes()) if adapter else []:
            posting = adapter.to_posting(job, path.stem)
            cases.append({"text": posting.description_text, "title": posting.title,
                          "location": posting.location, "source": posting.source, "raw": posting.raw,
                          "posted_workplace": posting.workplace_type,
                          "posted_employment": posting.employment_type})
    return cases


def measure_speed(cases: list[dict], min_seconds: float = 2.0) -> dict:
    """Postings per second on one core: the sample boards' full postings (the headline, and what
    the floor is checked on), and the short labelled cases."""
    samples = sample_postings()
    if not samples:
        sys.exit(f"no sample postings under {SAMPLES_DIR}: the speed is measured on them")
    return {"postings_per_s": rate(samples, min_seconds), "postings": len(samples),
            "mean_chars": mean_chars(samples),
            "labelled_postings_per_s": rate(cases, min_seconds), "labelled_mean_chars": mean_chars(cases)}


def mean_chars(cases: list[dict]) -> int:
    return round(sum(len(c["text"]) for c in cases) / len(cases))


def rate(cases: list[dict], min_seconds: float) -> float:
    """Postings per CPU second of this process: one core, and steadier than wall time on a
    machine other work shares. The best of SPEED_ROUNDS rounds."""
    for case in cases:
        run(case)  # load the taxonomy, place and rate tables before timing
    rounds = []
    for _ in range(SPEED_ROUNDS):
        done, start = 0, time.process_time()
        while time.process_time() - start < min_seconds / SPEED_ROUNDS:
            for case in cases:
                run(case)
            done += len(cases)
        rounds.append(done / (time.process_time() - start))
    return round(max(rounds), 1)


def check_floors(report: dict) -> list[str]:
    failed = []
    for field, rules in FLOORS.items():
        block = report["speed"] if field == "speed" else report["skills"] if field == "skills" \
            else report["fields"][field]
        for metric, floor in rules:
            value = block.get(metric)
            if value is None or value < floor:
                failed.append(f"{field} {metric} {value} < {floor}")
    return failed


def print_report(report: dict, per_skill: bool, errors_for: str | None) -> None:
    print(f"{report['n_cases']} labelled cases\n")
    print(f"{'field':22} {'cases':>5} {'accuracy':>9} {'precision':>9} {'recall':>7}")
    for field, s in report["fields"].items():
        print(f"{field:22} {s['cases']:>5} {fmt(s['accuracy']):>9} {fmt(s['precision']):>9} {fmt(s['recall']):>7}")
    sk = report["skills"]
    print(f"\nskills: precision {fmt(sk['precision'])}  recall {fmt(sk['recall'])}  "
          f"(tp {sk['tp']}, fp {sk['fp']}, fn {sk['fn']}); requirement right on {fmt(sk['requirement_accuracy'])} of matches")
    if per_skill:
        for name, c in sk["per_skill"].items():
            print(f"  {name:24} tp {c['tp']:>3}  fp {c['fp']:>3}  fn {c['fn']:>3}  "
                  f"precision {fmt(c['precision']):>6}  recall {fmt(c['recall']):>6}")
    sp = report["speed"]
    print(f"\nspeed (one core, CPU time): {sp['postings_per_s']:,.0f} full postings/s "
          f"({sp['postings']} sample-board postings, {sp['mean_chars']:,} chars on average)")
    print(f"                            {sp['labelled_postings_per_s']:,.0f} postings/s on the labelled "
          f"cases ({sp['labelled_mean_chars']:,} chars on average)")
    if errors_for:
        errs = report["skills"]["errors"] if errors_for == "skills" else report["fields"][errors_for]["errors"]
        print(f"\nerrors in {errors_for}:")
        for e in errs:
            print("  " + ", ".join(f"{k}={v}" for k, v in e.items()))
    for failure in report["failed_floors"]:
        print(f"BELOW FLOOR: {failure}")


def fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the whole report as JSON")
    parser.add_argument("--check", action="store_true", help="exit 1 when a floor is not met")
    parser.add_argument("--per-skill", action="store_true", help="print counts per canonical skill")
    parser.add_argument("--errors", metavar="FIELD", help="list the cases a field got wrong")
    parser.add_argument("--seconds", type=float, default=2.0,
                        help="CPU seconds spent measuring each speed (default 2)")
    args = parser.parse_args()
    cases = load_cases()
    outputs = [run(case) for case in cases]
    report = {"n_cases": len(cases), "fields": score_fields(cases, outputs),
              "skills": score_skills(cases, outputs), "speed": measure_speed(cases, args.seconds)}
    report["failed_floors"] = check_floors(report)
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        print_report(report, args.per_skill, args.errors)
    sys.exit(1 if args.check and report["failed_floors"] else 0)


if __name__ == "__main__":
    main()
