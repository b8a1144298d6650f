"""The offline analyzer: the analysis schema filled from extracted facts and the posting's own sentences, no model."""

from __future__ import annotations

import bisect
import re

from pipeline.analysis.factview import fact, fact_quote, salary_phrase, skill_names
from pipeline.analysis.prose import duty_clause, join_clauses, need_clause, plural
from pipeline.analysis.sentences import VERBS, Sentence, quote, sentences

MODEL = "offline-extractive"
VERSION = "offline-v1"
NOTE = (
    "Written offline by jobpipe from the extracted facts and the posting's own sentences; no language model was used."
)

# Words in the (lower-cased) role text that signal a difficulty, and how to say it.
CHALLENGES = (
    (
        ("millions", "billions", "at scale", "large-scale", "large scale", "high-traffic", "high traffic"),
        "operating at scale, where small mistakes reach many users",
    ),
    (("ambigu",), "making progress where the problem is not yet well defined"),
    (
        ("fast-paced", "fast paced", "rapid", "hypergrowth", "hyper-growth", "startup"),
        "keeping up with a fast pace and shifting priorities",
    ),
    (
        ("cross-functional", "cross functional", "stakeholder", "collaborate closely", "partner with"),
        "aligning many people across functions",
    ),
    (("legacy", "migrat", "moderniz", "modernis"), "modernizing existing systems while they keep running"),
    (("on-call", "on call", "incident", "outage"), "carrying operational responsibility, including incidents"),
    (
        ("safety", "ethic", "responsible ai", "privacy", "complian", "regulat"),
        "meeting safety, privacy or regulatory constraints",
    ),
    (("customer-facing", "client-facing", "enterprise customers"), "working under direct customer pressure"),
    (
        ("from scratch", "greenfield", "0 to 1", "zero to one", "founding"),
        "building from scratch with little structure in place",
    ),
    (
        ("emerging", "cutting-edge", "cutting edge", "state-of-the-art", "state of the art", "frontier", "research"),
        "keeping pace with a fast-moving field",
    ),
    (("balance", "trade-off", "tradeoff"), "balancing short-term delivery against long-term health"),
    (("travel",), "travel the role requires"),
)
_OUTCOME = re.compile(
    r"\b(improv|increas|reduc|grow|deliver|ensur|drive|driving|ship|launch|quality|reliab|impact|success|metric|outcome)",
    re.I,
)
_SPECIFIC = re.compile(r"[0-9A-Z]")  # figures and names make a sentence specific
_NOT_AFTER_IMPERATIVE = frozenset("at is are was has have of team teams here".split())
_HYPE = re.compile(
    r"\b(rock ?star|ninja|guru|wear many hats|work hard,? play hard|hustle|unpaid|commission[- ]only)\b", re.I
)


def analyze_job(job) -> dict:
    """A job analysis of one JobInput, in the schema of a model's, grounded by construction."""
    sents = [s for s in sentences(job.role_text) if len(s.text) >= 25]
    duties = _pick([s for s in sents if s.kind == "responsibility" and _is_duty(s)], 5)
    needs = _pick([s for s in sents if s.kind == "requirement"], 4)
    found = _challenges(sents)
    facts = job.facts
    return {
        "summary": _job_summary(job, sents),
        "responsibilities": [duty_clause(s.text) for s in duties],
        "must_have_skills": skill_names(facts, nice=False),
        "nice_to_have_skills": skill_names(facts, nice=True),
        "success_measures": _success(duties, fact(facts, "seniority")),
        "challenges": [clause for clause, _ in found][:3],
        "how_to_prepare": _prepare(job, needs),
        "red_flags": _red_flags(job, sents),
        "seniority": fact(facts, "seniority"),
        "salary": _salary(facts),
        "evidence": _job_evidence(job, duties, needs, found),
    }


def _is_duty(s: Sentence) -> bool:
    words = s.text.lower().split(maxsplit=2)
    if not words:
        return False
    # "Design at Northwind turns ..." is a noun at work, not an instruction.
    imperative = words[0].strip(",") in VERBS and (len(words) < 2 or words[1] not in _NOT_AFTER_IMPERATIVE)
    return imperative or bool(re.match(r"(in this role,? )?you(’ll|'ll| will)\b", s.text, re.I))


def _pick(items: list[Sentence], n: int) -> list[Sentence]:
    """The n most informative, in posting order: mid-length sentences carrying specifics."""

    def score(s: Sentence) -> float:
        length = len(s.text)
        return (1.0 if 50 <= length <= 260 else 0.4) + 0.1 * len(_SPECIFIC.findall(s.text, 1))

    best = sorted(items, key=score, reverse=True)[:n]
    return sorted(best, key=lambda s: s.start)


def _job_summary(job, sents: list[Sentence]) -> str:
    facts = job.facts
    level = fact(facts, "seniority")
    kind = fact(facts, "employment_type") or job.employment_type
    adjectives = ", ".join(x for x in (f"{level}-level" if level else None, kind) if x)
    team = job.team or job.department
    where = _where(fact(facts, "workplace_type") or job.workplace_type, job.location)
    first = (
        f"{job.title} is {_a(adjectives or 'a')} role at {job.company}" + (f" in {team}" if team else "") + where + "."
    )
    place = next(
        (
            s
            for s in sents
            if s.kind in ("other", "company", "responsibility") and not _is_duty(s) and len(s.text) >= 50
        ),
        None,
    )
    return first + (f" The posting sets the scene: \u201c{quote(place)}\u201d" if place else "")


def _a(words: str) -> str:
    if words == "a":
        return "a"
    return ("an " if words[0].lower() in "aeiou" else "a ") + words


def _where(workplace: str | None, location: str | None) -> str:
    if workplace == "remote":
        return f", remote ({location})" if location else ", remote"
    if location:
        return f", {workplace} in {location}" if workplace else f", based in {location}"
    return f", {workplace}" if workplace else ""


def _challenges(sents: list[Sentence]) -> list[tuple[str, Sentence]]:
    """Each challenge signalled, with the first sentence showing it, in posting order."""
    if not sents:
        return []
    text = "\n".join(s.text for s in sents).lower()
    starts, found = _line_starts(sents), []
    for words, clause in CHALLENGES:
        positions = [p for p in (text.find(w) for w in words) if p >= 0]
        if positions:
            found.append((min(positions), clause))
    return [(clause, sents[bisect.bisect_right(starts, at) - 1]) for at, clause in sorted(found)]


def _line_starts(sents: list[Sentence]) -> list[int]:
    starts, pos = [], 0
    for s in sents:
        starts.append(pos)
        pos += len(s.text) + 1
    return starts


def _success(duties: list[Sentence], level: str | None) -> list[str]:
    measures = [duty_clause(s.text) for s in duties if _OUTCOME.search(s.text)][:2]
    if level in ("senior", "staff", "principal"):
        measures.append("driving work across teams as much as technical depth")
    elif level in ("manager", "director", "executive"):
        measures.append("the results and growth of the people you lead")
    elif level in ("intern", "entry"):
        measures.append("learning quickly and delivering well-scoped work")
    return measures or ["delivering the responsibilities above to a standard the team can build on"]


def _prepare(job, needs: list[Sentence]) -> list[str]:
    facts, steps = job.facts, []
    musts = skill_names(facts, nice=False)[:4]
    if musts:
        each = "each of " if len(musts) > 1 else ""
        steps.append(f"bring a concrete example of your work with {each}{join_clauses(musts)}")
    years = fact(facts, "years_experience_min")
    if years:
        steps.append(f"show {years}+ years of relevant experience through specific projects and their results")
    if needs:
        steps.append(f"be ready to discuss {join_clauses([need_clause(s.text) for s in needs[:2]])}")
    if (fact(facts, "workplace_type") or job.workplace_type) in ("hybrid", "onsite"):
        steps.append(
            f"confirm how the {fact(facts, 'workplace_type') or job.workplace_type} arrangement works day to day"
        )
    if not salary_phrase(facts):
        steps.append("ask for the pay range early, since the posting does not state one")
    return steps


def _red_flags(job, sents: list[Sentence]) -> list[str]:
    facts, flags = job.facts, []
    musts = skill_names(facts, nice=False)
    if len(musts) > 10:
        flags.append(f"{len(musts)} required skills: the real must-haves are likely fewer, so ask which matter")
    years, level = fact(facts, "years_experience_min"), fact(facts, "seniority")
    if years and level in ("intern", "entry") and years >= 3:
        flags.append(f"an {level}-level title asking for {years}+ years of experience")
    hype = _HYPE.search(job.role_text)
    if hype:
        flags.append(f"the wording \u201c{hype.group()}\u201d, which can mean an unbounded workload")
    if len(job.role_text) < 400:
        flags.append("a thin description: ask what the work actually is before investing in the process")
    if fact(facts, "visa_sponsorship") == "no":
        flags.append("no visa sponsorship")
    return flags


def _salary(facts: dict) -> dict:
    return {
        "min": fact(facts, "salary_min"),
        "max": fact(facts, "salary_max"),
        "currency": fact(facts, "salary_currency"),
        "period": fact(facts, "salary_period"),
    }


def _job_evidence(job, duties, needs, found) -> list[dict]:
    evidence = [{"claim": f"The work involves {duty_clause(s.text)}.", "quote": quote(s)} for s in duties[:3]]
    evidence += [{"claim": f"The posting asks for {need_clause(s.text)}.", "quote": quote(s)} for s in needs[:2]]
    evidence += [{"claim": f"A challenge: {clause}.", "quote": quote(s)} for clause, s in found[:2]]
    pay = fact_quote(job.facts, "salary")
    if pay and salary_phrase(job.facts):
        evidence.append({"claim": f"Pay is stated as {salary_phrase(job.facts)}.", "quote": pay})
    return evidence or _fallback_evidence(job)


def _fallback_evidence(job) -> list[dict]:
    first = next(iter(sentences(job.role_text)), None)
    return [{"claim": "How the posting describes the role.", "quote": quote(first)}] if first else []


def hiring_clauses(signals: dict) -> list[str]:
    """The computed hiring signals as clauses a reader can take in."""
    if signals["n_days_followed"] < 7:
        out = [
            f"{plural(signals['n_open'], 'open role')} (jobpipe has followed this board for "
            f"{plural(signals['n_days_followed'], 'day')}, too short for a trend)"
        ]
    else:
        out = [
            f"{plural(signals['n_open'], 'open role')}, {signals['n_new_7d']} new and {signals['n_closed_7d']} "
            f"closed in the last 7 days ({signals['n_new_30d']} new, {signals['n_closed_30d']} closed in 30 days)"
        ]
    if signals["departments"]:
        out.append("most openings in " + join_clauses([f"{d['value']} ({d['n']})" for d in signals["departments"][:3]]))
    if signals["growing"]:
        out.append("growing in " + join_clauses([f"{m['value']} ({m['delta']:+d})" for m in signals["growing"][:3]]))
    if signals["shrinking"]:
        out.append(
            "shrinking in " + join_clauses([f"{m['value']} ({m['delta']:+d})" for m in signals["shrinking"][:3]])
        )
    for band in signals["pay_bands"][:2]:
        out.append(
            f"{band['seniority']} pay centres on {band['median_min']:,.0f}–{band['median_max']:,.0f} "
            f"{band['currency']} a year ({plural(band['n'], 'posting')})"
        )
    if signals["stack"]:
        out.append("the stack most asked for: " + join_clauses([s["name"] for s in signals["stack"][:5]]))
    return out


CULTURE = (
    (r"\bmission\b|\bpurpose\b", "frames its work around a stated mission"),
    (
        r"\binclusi|\bdivers|\bbelong|\bequal opportunity\b|\baccommodat",
        "stresses inclusion and an accessible hiring process",
    ),
    (r"\bremote\b|\bflexib|\bhybrid\b", "offers flexibility in where or when people work"),
    (r"\blearning\b|\bgrowth\b|\bdevelopment\b|\bmentor", "invests in learning and growth"),
    (r"\bparental\b|\bwell-?being\b|\bwellness\b|\bhealth", "spells out health, family or wellbeing benefits"),
    (r"\bcollaborat|\bteamwork\b|\btogether\b", "values collaboration"),
    (r"\bownership\b|\bautonomy\b|\bempower", "expects ownership and autonomy"),
    (r"\bequity\b|\bstock options\b", "shares ownership through equity"),
    (r"\binnovat|\bcurio|\bexperiment", "prizes curiosity and experimentation"),
    (
        r"\bcustomers?\b|\busers?\b|\blisteners?\b|\bcreators?\b|\bpatients?\b",
        "keeps the people it serves at the centre",
    ),
)
_CULTURE = [(re.compile(p, re.I), clause) for p, clause in CULTURE]
SOURCES = {"greenhouse": "Greenhouse", "lever": "Lever", "ashby": "Ashby"}


def analyze_company(company) -> dict:
    """A company analysis of one CompanyInput: computed hiring signals plus its own words, no model."""
    sents = [s for s in sentences(company.company_text) if len(s.text) >= 25]
    culture = _culture(sents)
    own = next((s for s in sents if company.name.lower() in s.text.lower() or s.kind == "company"), None)
    own = own or (sents[0] if sents else None)
    evidence = [{"claim": f"How {company.name} describes itself.", "quote": quote(own)}] if own else []
    evidence += [{"claim": f"{company.name} {clause}.", "quote": quote(s)} for clause, s in culture[:4] if s is not own]
    return {
        "summary": _company_summary(company, own),
        "hiring_signals": hiring_clauses(company.signals),
        "culture_signals": [clause for clause, _ in culture][:5],
        "candidate_takeaways": _takeaways(company.signals, [c for c, _ in culture]),
        "background": "",
        "evidence": evidence,
    }


def _culture(sents: list[Sentence]) -> list[tuple[str, Sentence]]:
    found, seen = [], set()
    for s in sents:
        for pattern, clause in _CULTURE:
            if clause not in seen and pattern.search(s.text):
                seen.add(clause)
                found.append((clause, s))
                break
    return found


def _company_summary(company, own: Sentence | None) -> str:
    signals = company.signals
    board = SOURCES.get(company.source, company.source)
    text = f"{company.name} has {plural(signals['n_open'], 'open role')} on its {board} job board"
    depts = [d["value"] for d in signals["departments"] if d["value"] != "unassigned"][:2]
    places = [d["value"] for d in signals["locations"] if d["value"] != "unstated"][:3]
    text += (f", most of them in {join_clauses(depts)}" if depts else "") + (
        f", across {join_clauses(places)}" if places else ""
    )
    return text + "." + (f" In its own words: \u201c{quote(own)}\u201d" if own else "")


def _takeaways(signals: dict, culture: list[str]) -> list[str]:
    out = []
    if signals["n_days_followed"] >= 7 and signals["n_new_7d"] >= max(3, signals["n_open"] // 5):
        out.append(
            f"hiring is active, with {plural(signals['n_new_7d'], 'role')} opened this week: apply while they are fresh"
        )
    if signals["growing"]:
        out.append(f"the growth is in {signals['growing'][0]['value']}, which is where the company is investing")
    if signals["shrinking"]:
        out.append(f"{signals['shrinking'][0]['value']} is shrinking: ask how stable the team you would join is")
    out.append(
        "use the pay bands above to anchor a salary conversation"
        if signals["pay_bands"]
        else "few postings state pay, so ask for the band early"
    )
    if signals["stack"]:
        out.append("lead with " + join_clauses([s["name"] for s in signals["stack"][:3]]) + " if you have them")
    if "stresses inclusion and an accessible hiring process" in culture:
        out.append("ask for the accommodations you need in the interview process: the company invites it")
    return out
