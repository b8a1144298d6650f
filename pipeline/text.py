"""Posting bodies as clean plain text: HTML to text, and the same normalization for text that is plain."""

from __future__ import annotations

import html
import re
import unicodedata

from selectolax.lexbor import LexborHTMLParser

# Layout marks go into the markup before parsing, so lexbor does the parsing and the text extraction in C
# and Python only walks the pieces between marks. A mark is MARK followed by its kind: LINE before every
# tag that opens or closes a block, ITEM before every <li>, <ul> and <ol>. Two block boundaries in a row
# make a paragraph break, one makes a line break (<br>); two item marks with no text between start a list.
# The kinds are characters str.split() counts as white space, so a piece holding only its kind is blank.
MARK = "\x01"
LINE, ITEM = "\x1d", "\x1e"

_END = r"[\s/>]"
_BLOCKS = (
    "p|h[1-6]|div|br|hr|ul|ol|dl|dt|dd|td|th|blockquote|pre|table|caption|section|article|header|footer|"
    "figure|figcaption|address|summary|center"
)
# Each pattern starts with a literal '<' and each replacement is a literal string, which keeps the
# substitution in C. Marks go right before tags; one before <td> or <tr> is moved ahead of its table by
# the parser, which costs nothing but a blank piece.
_INSERTS = (
    (r"<(?=/?(?:" + _BLOCKS + ")" + _END + ")", MARK + LINE + "<"),
    (r"<(?=(?:li|ul|ol)" + _END + ")", MARK + ITEM + "<"),
)
_INSERTS_LOWER = tuple((re.compile(p, re.ASCII), r) for p, r in _INSERTS)
_INSERTS_ANY_CASE = tuple((re.compile(p, re.I | re.ASCII), r) for p, r in _INSERTS)
_HIDDEN = "script|style|noscript|template|iframe|svg|math|object|embed|title|select|button|canvas|video|audio"
_DROPPED = _HIDDEN.replace("|", ",")
# Upper-case tags (marked in a second, slower way) or hidden content (dropped after parsing).
_UNUSUAL = re.compile(r"<(?:/?[A-Z]|(?:" + _HIDDEN + ")" + _END + ")", re.ASCII)
_UPPER = re.compile(r"</?[A-Z]")

_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")
# Lever and friends write an empty line as <div>&nbsp;</div>: keep it as the paragraph break it stands for.
_NBSP_LINE = re.compile("\x01\x1d[^\\S\xa0]*\xa0\\s*(?=\x01)")
_PARAGRAPH = MARK + LINE + MARK + LINE
_BLANK_LINES = re.compile(r"\n[^\S\n]*(?:\n[^\S\n]*)+")


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: blocks on their own lines, list items as '- item', no markup left."""
    if not markup:
        return ""
    text = _extract(markup)
    # Markup escaped once too often (double-escaped feeds) comes out of the parser as tags or entities.
    if "<" in text and _TAG.search(text):
        text = _extract(text.replace("\n", "<br>"))  # a blank line becomes two breaks: a paragraph again
    # Whatever is left goes: tags are dropped, entities decoded, and a lookalike that is no entity
    # ('&zzzz;') is split. Every round shortens the text or removes the last lookalike, so this ends.
    while ("<" in text and _TAG.search(text)) or ("&" in text and _ENTITY.search(text)):
        cleaner = clean_text(html.unescape(_TAG.sub(" ", text)))
        text = cleaner if cleaner != text else _ENTITY.sub(lambda m: "& " + m.group(0)[1:], text)
    return text


def clean_text(text: str) -> str:
    """The normalization html_to_text applies, for text that is already plain: keeps its line breaks."""
    if not text:
        return ""
    text = _normalize_chars(text)
    text = "\n".join(" ".join(line.split()) for line in text.splitlines())
    if "\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    text = text.strip()
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _extract(markup: str) -> str:
    if MARK in markup:  # a stray one in the input would pass for a mark; kinds alone are just white space
        markup = markup.replace(MARK, " ")
    unusual = _UNUSUAL.search(markup) is not None
    inserts = _INSERTS_ANY_CASE if unusual and _UPPER.search(markup) else _INSERTS_LOWER
    for pattern, replacement in inserts:
        markup = pattern.sub(replacement, markup)
    tree = LexborHTMLParser(markup)
    if unusual:
        for node in tree.css(_DROPPED):
            node.decompose()
    body = tree.body
    return _layout(body.text()) if body is not None else ""


def _layout(text: str) -> str:
    """Join the pieces between marks: a blank line between paragraphs, one line per list item."""
    if "\xa0" in text:
        text = _NBSP_LINE.sub(_PARAGRAPH, text)
    text = _normalize_chars(text)
    out: list[str] = []
    append = out.append
    lines = items = 0  # block boundaries since the last item mark, and item marks, since the last text
    for piece in text.split(MARK):
        kind = piece[:1]
        if kind == LINE:
            lines += 1
        elif kind == ITEM:
            items += 1
            lines = 0
        if piece and not piece.isspace():
            if items and lines > 1:  # an empty item, then a paragraph after the list
                items = 0
            if out:
                append("\n\n" if lines > 1 or items > 1 else "\n")
            if items:
                append("- ")
            piece = piece.strip()
            # Most pieces are words and single spaces, so look before splitting. Every white space but the
            # plain space is unprintable (no-break spaces included), which makes the look one C call.
            if "  " in piece or not piece.isprintable():
                piece = " ".join(piece.split())
            append(piece)
            lines = items = 0
    text = "".join(out)
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _normalize_chars(text: str) -> str:
    """Drop invisible characters; white space of every kind is collapsed where the text is split into words."""
    if text.isascii():
        return text
    for char in _INVISIBLE:
        if char in text:
            text = text.replace(char, "")
    return text
