"""The HTML digest in headless Chromium: charts visible, no request leaves the file, hostile titles stay text."""

from __future__ import annotations

import io

import pytest
from digest_fixture import HOSTILE_COMPANY, WEEK, XSS_TITLES, build_digest_db
from headless_chromium import open_page
from PIL import Image

from pipeline.config import DigestSettings, WatchlistSettings
from pipeline.digest.build import build_digest
from pipeline.digest.weeks import parse_week

EXPRESSIONS = {
    "n_svg": "document.querySelectorAll('svg.chart').length",
    "chart_heights": "[...document.querySelectorAll('svg.chart')].map(s => s.getBoundingClientRect().height)",
    "n_scripts": "document.scripts.length",
    "n_handlers": "document.querySelectorAll('[onerror], [onload]').length",
    "n_images": "document.images.length",
    "n_italics": "document.querySelectorAll('main i').length",
    "text": "document.body.innerText",
}
PHONE = {"phone_overflow": "document.documentElement.scrollWidth - window.innerWidth"}


@pytest.fixture(scope="module")
def digest_html(tmp_path_factory):
    root = tmp_path_factory.mktemp("html")
    db = build_digest_db(root / "digest.duckdb")
    result = build_digest(db, parse_week(WEEK), root / "reports", DigestSettings(), WatchlistSettings())
    return result.files["digest.html"]


@pytest.fixture(scope="module")
def page(digest_html):
    return open_page(digest_html, EXPRESSIONS, phone_expressions=PHONE)


def test_html_digest_draws_its_charts_as_visible_svg(page):
    assert page.values["n_svg"] >= 3
    assert all(height > 100 for height in page.values["chart_heights"])


def test_html_digest_screenshot_is_not_blank(page):
    image = Image.open(io.BytesIO(page.screenshot)).convert("L")
    histogram = image.histogram()
    n_pixels = image.width * image.height
    non_white = n_pixels - sum(histogram[245:])
    assert non_white / n_pixels > 0.02, "the page rendered (almost) white"
    assert sum(1 for count in histogram if count) > 20, "too few shades: nothing drawn"


def test_html_digest_makes_no_network_request(page):
    assert page.requests == []


def test_hostile_titles_show_as_text_and_run_nothing(page):
    for title in (*XSS_TITLES, HOSTILE_COMPANY):
        assert title in page.values["text"]
    assert page.values["n_italics"] == 0  # the company name's <i> stayed text, in every table too
    assert page.dialogs == []
    assert page.values["n_scripts"] == 0
    assert page.values["n_handlers"] == 0
    assert page.values["n_images"] == 0


def test_html_digest_fits_a_phone_screen_without_sideways_scrolling(page):
    assert page.values["phone_overflow"] <= 0


def test_the_browser_check_notices_requests_and_scripts(tmp_path):
    """The checks above can fail: a page that fetches an image and runs a script is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text('<p>x</p><img src="http://127.0.0.1:9/pixel.png"><script>alert(1)</script>', encoding="utf-8")
    report = open_page(bad, {"n_scripts": "document.scripts.length"})
    assert any(url.startswith("http://127.0.0.1:9/") for url in report.requests)
    assert report.dialogs == ["alert"]
    assert report.values["n_scripts"] == 1
