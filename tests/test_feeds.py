"""The three feed adapters against recorded-format fixtures: every field mapped, each source's quirks, bad payloads."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from pipeline.boardserver import BoardServer
from pipeline.config import HttpSettings
from pipeline.feeds import SOURCES, ashby, greenhouse, lever
from pipeline.feeds.common import employment_type, workplace_type
from pipeline.http import Http
from pipeline.posting import EMPLOYMENT_TYPES, WORKPLACE_TYPES, PayloadError

FIXTURES = Path(__file__).parent / "fixtures"


def board_bytes(source: str, board: str) -> bytes:
    return (FIXTURES / source / f"{board}.json").read_bytes()


def postings(source: str, board: str) -> dict:
    module = SOURCES[source]
    jobs = module.parse_payload(board_bytes(source, board))
    return {module.external_id(job): module.to_posting(job, board) for job in jobs}


# -- Greenhouse -----------------------------------------------------------------------------------


def test_greenhouse_maps_every_field():
    post = postings("greenhouse", "fernhill")["4101001008"]
    assert post.source == "greenhouse" and post.board == "fernhill" and post.external_id == "4101001008"
    assert post.title == "Senior Data Engineer"
    assert post.company == "Fernhill Analytics"
    assert post.department == "Data Platform"
    assert post.team is None
    assert post.location == "Boston, MA"
    assert post.workplace_type == "hybrid"
    assert post.employment_type is None
    assert post.url == "https://job-boards.greenhouse.io/fernhill/jobs/4101001008"
    assert post.published_at == datetime(2026, 6, 1, 13, 30, tzinfo=timezone.utc)
    assert post.raw["internal_job_id"] == 3901001008


def test_greenhouse_content_is_unescaped_once_and_read_as_html():
    text = postings("greenhouse", "fernhill")["4101001008"].description_text
    assert text.startswith("About Fernhill\n\nFernhill Analytics builds forecasting tools for regional grocers.")
    assert "Our R&D group" in text
    assert "What you'll do\n\n- Own the nightly dbt and Airflow pipelines\n- Tune Snowflake warehouses for cost" in text
    assert "Annual Salary:\n\n$150,000—$185,000 USD" in text
    assert "trackView" not in text and "<" not in text and "&" not in text.replace("R&D", "")


def test_greenhouse_prefers_first_published_over_bulk_touched_updated_at():
    by_id = postings("greenhouse", "fernhill")
    assert by_id["4101001008"].published_at.date().isoformat() == "2026-06-01"
    assert by_id["4101003008"].published_at == datetime(2026, 7, 2, 12, 0, tzinfo=timezone.utc)  # no first_published
    assert "updated_at" in greenhouse.VOLATILE_KEYS


def test_greenhouse_posts_sharing_an_internal_job_id_are_separate_postings():
    by_id = postings("greenhouse", "fernhill")
    assert {"4101001008", "4101002008"} <= set(by_id)
    assert by_id["4101002008"].location == "Remote - US"
    assert by_id["4101002008"].workplace_type == "remote"


def test_greenhouse_metadata_gives_employment_type_and_a_null_location_type_gives_none():
    post = postings("greenhouse", "fernhill")["4101003008"]
    assert post.employment_type == "contract"
    assert post.workplace_type is None
    assert post.description_text == "Help our grocers price 40,000 SKUs. Pay: CA$55–65 per hour.\n\nTom & Jerry's team."


# -- Lever ----------------------------------------------------------------------------------------


def test_lever_maps_every_field():
    post = postings("lever", "birchway")["6f1c2a9e-2b7d-4c55-9a1e-0d3f5b7c9e11"]
    assert post.title == "Backend Engineer, Payments"
    assert post.company is None
    assert (post.department, post.team, post.location) == ("Engineering", "Payments Core", "Leeds")
    assert post.workplace_type == "hybrid"
    assert post.employment_type == "full-time"  # "Permanent"
    assert post.url == "https://jobs.lever.co/birchway/6f1c2a9e-2b7d-4c55-9a1e-0d3f5b7c9e11"
    assert post.apply_url.endswith("/apply")
    assert post.published_at == datetime.fromtimestamp(1782821535.482, tz=timezone.utc)
    assert post.published_at.tzinfo == timezone.utc
    assert post.raw["salaryRange"]["currency"] == "GBP"


def test_lever_body_is_description_then_lists_then_additional_without_nbsp_or_zero_width():
    text = postings("lever", "birchway")["6f1c2a9e-2b7d-4c55-9a1e-0d3f5b7c9e11"].description_text
    assert text == (
        "About Birchway\n\nBirchway moves money for 3,000 UK landlords. We are hiring.\n\n"
        "What you'll do\n\n- Build the ledger service in Go\n- Run Postgres at scale\n\n"
        "Pay & perks\n\n- £70,000 – £85,000 a year\n- 25 days holiday\n\n"
        "Birchway is an equal opportunity employer.\n\nWe reply to every applicant."
    )


def test_lever_falls_back_to_plain_description_and_maps_intern_and_unspecified():
    post = postings("lever", "birchway")["0a7d3e55-41c8-4b0b-8f0e-7c1e2d3f4a5b"]
    assert post.description_text == "A twelve-week summer internship in our finance team.\n\nYou will build the cash forecast."
    assert post.employment_type == "internship"
    assert post.workplace_type is None


def test_lever_location_falls_back_to_all_locations():
    post = postings("lever", "birchway")["c3b2a190-8f7e-4d6c-b5a4-938271605f4e"]
    assert post.location == "Remote - Canada"
    assert (post.workplace_type, post.employment_type) == ("remote", "full-time")
    assert post.description_text == "Answer landlords’ questions by chat and phone.\n\nPay\n\n- CA$28–CA$32 per hour"


# -- Ashby ----------------------------------------------------------------------------------------


def test_ashby_maps_every_field_and_a_hybrid_job_with_is_remote_stays_hybrid():
    post = postings("ashby", "quarrybank")["5d0e2f4a-9b8c-4d7e-a6f5-1e2d3c4b5a69"]
    assert post.raw["isRemote"] is True
    assert post.workplace_type == "hybrid"
    assert (post.title, post.department, post.team, post.location) == (
        "Account Executive, Mid-Market", "Sales", "AE - Mid-Market", "New York, NY",
    )  # fmt: skip
    assert post.employment_type == "full-time"
    assert post.url == "https://jobs.ashbyhq.com/quarrybank/5d0e2f4a-9b8c-4d7e-a6f5-1e2d3c4b5a69"
    assert post.apply_url.endswith("/application")
    assert post.published_at == datetime(2026, 7, 7, 20, 47, 9, 753000, tzinfo=timezone.utc)
    assert post.description_text == (
        "About Quarrybank\n\nQuarrybank runs payroll for 9,000 construction firms.\n\nWhat You'll Do\n\n"
        "- Run a full sales cycle\n- Close $1M in new ARR\n\nOTE $180K – $220K, 50/50 split."
    )


def test_ashby_skips_unlisted_jobs():
    ids = set(postings("ashby", "quarrybank"))
    assert "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a" not in ids
    assert len(ids) == 3


def test_ashby_falls_back_to_plain_description_and_maps_intern_and_contract():
    by_id = postings("ashby", "quarrybank")
    intern = by_id["2a3b4c5d-6e7f-4801-9a2b-3c4d5e6f7a8b"]
    assert intern.description_text == "Twelve weeks on the risk team.\n\nCA$30 per hour."
    assert (intern.employment_type, intern.workplace_type) == ("internship", "remote")
    contractor = by_id["7c6b5a49-3827-4165-a4b3-c2d1e0f9a8b7"]
    assert (contractor.employment_type, contractor.workplace_type) == ("contract", "onsite")
    assert contractor.published_at == datetime(2026, 6, 15, 13, 30, tzinfo=timezone.utc)


# -- vocabularies ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "label, expected",
    [
        ("Full-time", "full-time"), ("Full Time", "full-time"), ("Permanent", "full-time"), ("FullTime", "full-time"),
        ("Part-time", "part-time"), ("PartTime", "part-time"),
        ("Intern", "internship"), ("Summer Internship", "internship"),
        ("Contract", "contract"), ("Contractor", "contract"), ("Temporary", "temporary"), ("Fixed Term", "temporary"),
        ("International", None), ("Volunteer", None), ("", None), (None, None),
    ],
)  # fmt: skip
def test_employment_labels_map_to_the_posting_vocabulary(label, expected):
    assert employment_type(label) == expected
    assert expected is None or expected in EMPLOYMENT_TYPES


@pytest.mark.parametrize(
    "label, expected",
    [("Remote", "remote"), ("remote", "remote"), ("Hybrid", "hybrid"), ("On-Site", "onsite"), ("OnSite", "onsite"),
     ("onsite", "onsite"), ("In Office", "onsite"), ("unspecified", None), (None, None)],
)  # fmt: skip
def test_workplace_labels_map_to_the_posting_vocabulary(label, expected):
    assert workplace_type(label) == expected
    assert expected is None or expected in WORKPLACE_TYPES


# -- bad payloads ---------------------------------------------------------------------------------

BAD = [
    ("greenhouse", b'{"jobs": [', "malformed JSON"),
    ("lever", b"[{]", "malformed JSON"),
    ("lever", b'[{"id": "\xff"}]', "malformed JSON"),
    ("ashby", b"", "empty body"),
    ("ashby", b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>", "got an HTML page, not JSON"),
    ("greenhouse", b"  <html><body>Rate limited</body></html>", "got an HTML page, not JSON"),
    ("lever", b'{"ok": false, "error": "Document not found"}', "expected a JSON array of postings, got an object"),
    ("greenhouse", b"[]", "expected a JSON object with a 'jobs' list, got an array"),
    ("ashby", b'{"apiVersion": "1"}', "expected a JSON object with a 'jobs' list"),
    ("greenhouse", b'{"jobs": {"id": 1}}', "'jobs' is an object, expected a list"),
    ("ashby", b'{"jobs": [{"title": "Engineer"}]}', "job #1 has no 'id'"),
    ("greenhouse", b'{"jobs": [{"id": 1, "title": "A"}, {"id": 2}]}', "job #2 (id 2) has no 'title'"),
    ("lever", b'[{"id": "x", "title": "Lever calls it text"}]', "posting #1 (id x) has no 'text'"),
    ("lever", b'["not a posting"]', "posting #1 is a string"),
]


@pytest.mark.parametrize("source, body, reason", BAD, ids=[f"{s}-{r[:24]}" for s, _, r in BAD])
def test_bad_payload_is_rejected_with_one_readable_line(source, body, reason):
    with pytest.raises(PayloadError) as caught:
        SOURCES[source].parse_payload(body)
    message = str(caught.value)
    assert reason in message
    assert "\n" not in message and len(message) < 300


def test_a_lever_error_object_says_what_the_api_said():
    with pytest.raises(PayloadError, match=r"\(error: Document not found\)"):
        lever.parse_payload(b'{"ok": false, "error": "Document not found"}')


def test_payload_with_a_byte_order_mark_is_read():
    body = b"\xef\xbb\xbf" + board_bytes("ashby", "quarrybank")
    assert len(ashby.parse_payload(body)) == 3


def test_raw_is_the_job_object_as_parsed():
    job = json.loads(board_bytes("lever", "birchway"))[1]
    assert lever.to_posting(lever.parse_payload(board_bytes("lever", "birchway"))[1], "birchway").raw == job


# -- fetch_board: the real endpoint paths over real HTTP ------------------------------------------


@pytest.mark.parametrize(
    "source, path, query",
    [
        ("greenhouse", "/v1/boards/fern%20hill/jobs", {"content": ["true"]}),
        ("lever", "/v0/postings/fern%20hill", {"mode": ["json"]}),
        ("ashby", "/posting-api/job-board/fern%20hill", {"includeCompensation": ["true"]}),
    ],
)
def test_fetch_board_gets_the_real_endpoint_and_sends_validators(source, path, query):
    body = board_bytes(source, {"greenhouse": "fernhill", "lever": "birchway", "ashby": "quarrybank"}[source])
    with BoardServer() as server:
        server.set_board(source, "fern hill", body)
        http = Http(HttpSettings(max_retries=0))
        first = SOURCES[source].fetch_board(http, server.base_url + "/", "fern hill")
        again = SOURCES[source].fetch_board(http, server.base_url, "fern hill", etag=first.etag)
    assert (first.status, first.body) == (200, body)
    assert again.status == 304
    seen = server.requests
    assert [(r.path, r.query) for r in seen] == [(path, query)] * 2
    assert seen[1].headers["if-none-match"] == first.etag
