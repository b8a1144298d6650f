"""HTML to plain text for posting bodies: layout kept, markup, entities and invisible characters gone."""

from __future__ import annotations

import re

import pytest

from pipeline.text import clean_text, html_to_text

TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")


def test_headings_and_paragraphs_are_their_own_lines_with_one_blank_line_between():
    markup = "<h2>About us</h2>\n<p>We make  tea.\n   Lots of it.</p><p></p><p>&nbsp;</p><p>Second paragraph.</p>"
    assert html_to_text(markup) == "About us\n\nWe make tea. Lots of it.\n\nSecond paragraph."


def test_list_items_become_dash_lines_after_a_blank_line():
    markup = "<p>You will:</p><ul><li>Ship <b>code</b></li><li><p>Review PRs</p></li><li></li></ul><p>Thanks.</p>"
    assert html_to_text(markup) == "You will:\n\n- Ship code\n- Review PRs\n\nThanks."


def test_ordered_lists_and_bare_list_items_are_items_too():
    assert html_to_text("<ol><li>One</li><li>Two</li></ol>") == "- One\n- Two"
    assert html_to_text("<div><li>Alone</li><li>Together</li></div>") == "- Alone\n- Together"


def test_inline_markup_does_not_split_words_or_lines():
    markup = (
        '<p>Pay: <span>$100,000</span><span class="d">&mdash;</span><span>$120,000</span> '
        '<a href="/x">per <em>year</em></a></p>'
    )
    assert html_to_text(markup) == "Pay: $100,000—$120,000 per year"


def test_a_line_break_starts_a_line_and_a_block_boundary_a_paragraph():
    assert html_to_text("<div>One<br>Two<br/>Three</div><div>Four</div>") == "One\nTwo\nThree\n\nFour"
    assert html_to_text("First<br><br>Second") == "First\n\nSecond"
    assert html_to_text("<div><div><p>Nested</p></div></div><div>blocks</div>") == "Nested\n\nblocks"


def test_scripts_styles_noscript_images_and_tracking_pixels_are_dropped():
    markup = (
        "<style>p { color: red }</style><p>Kept</p><script>track('view')</script>"
        '<noscript><img src="https://t.example/px.gif" width="1" height="1">Enable JS</noscript>'
        '<img src="logo.png" alt="Logo"><p>Also kept</p><SCRIPT>alert(1)</SCRIPT>'
    )
    assert html_to_text(markup) == "Kept\n\nAlso kept"


def test_entities_are_decoded():
    assert html_to_text("<p>R&amp;D &eacute;quipe &#8212; caf&#xE9; &lt;3 &copy;</p>") == "R&D équipe — café <3 ©"


def test_no_break_and_zero_width_characters_are_cleaned():
    markup = "<p>Zero\u200bwidth\u200c and\u200d joiners\ufeff\u2060 go;\u00a0no-break&nbsp;spaces&#8203; become spaces</p>"
    assert html_to_text(markup) == "Zerowidth and joiners go; no-break spaces become spaces"


def test_text_is_nfc_normalized():
    assert html_to_text("<p>Cafe\u0301</p>") == "Caf\u00e9"


def test_upper_case_tags_keep_their_layout():
    assert html_to_text("<P>One</P><UL><LI>Two</LI></UL>") == "One\n\n- Two"


def test_table_cells_do_not_run_together():
    markup = "<table><tr><th>Level</th><th>Pay</th></tr><tr><td>L4</td><td>$150k</td></tr></table>"
    assert html_to_text(markup) == "Level\nPay\nL4\n$150k"


def test_escaped_markup_leaves_no_tags_or_entities():
    double_escaped = ("&lt;p&gt;Hello &amp;amp; welcome&lt;/p&gt;", "<p>&amp;lt;b&amp;gt;Bold&amp;lt;/b&amp;gt; &amp;nbsp;x</p>")
    for markup in double_escaped:
        text = html_to_text(markup)
        assert not TAG.search(text) and not ENTITY.search(text), text
        assert "Hello" in text or "Bold" in text


@pytest.mark.parametrize("markup", ["", "   ", "<p></p>", "<br><br>", "<script>x()</script>"])
def test_empty_markup_gives_empty_text(markup):
    assert html_to_text(markup) == ""


def test_a_full_html_document_gives_its_body_text():
    markup = (
        "<!DOCTYPE html><html><head><title>Job</title><style>b{}</style></head>"
        "<body><h1>Role</h1><p>Body</p></body></html>"
    )
    assert html_to_text(markup) == "Role\n\nBody"


def test_layout_marker_characters_in_the_input_are_not_taken_for_layout():
    assert html_to_text("<p>a\x01\x1cb\x1ec</p>") == "a b c"


def test_clean_text_normalizes_plain_text_and_keeps_line_breaks():
    text = "  Title\u00a0here \n\n\n\u00a0\nBody\u200b  text\t\tends\r\nCafe\u0301  "
    assert clean_text(text) == "Title here\n\nBody text ends\nCaf\u00e9"
    assert clean_text("") == "" and clean_text("\u200b\u00a0") == ""


def test_entity_lookalikes_and_stray_angle_brackets_never_survive_as_markup():
    text = html_to_text("<p>AT&amp;T &zzzz; &amp;amp;qqq; a &lt; b &gt; c &lt;x&gt;y&lt;/x&gt;</p><textarea>t</textarea>")
    assert not TAG.search(text) and not ENTITY.search(text), text
    assert text.startswith("AT&T & zzzz;")
