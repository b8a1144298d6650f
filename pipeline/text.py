"""Posting bodies as clean plain text: HTML to text, and the same normalization for text that is plain."""

from __future__ import annotations

import html
import re
import unicodedata

from selectolax.lexbor import LexborHTMLParser

# Layout marks go into the markup before parsing, so lexbor does the parsing and text extraction in C
# and Python only walks the short pieces between marks. A mark is MARK followed by its kind; the kinds
# are characters str.split() counts as white space, so a piece holding nothing but its kind is blank.
MARK = "\x01"
PARAGRAPH, LINE, ITEM = "\x1c", "\x1d", "\x1e"

_END = r"[\s/>]"
# Each pattern starts with a literal '<' and each replacement is a literal string, which keeps the
# substitution in C. Marks go before tags, and inside table cells never between rows or cells,
# where the HTML parser would move the text out of the table.
_INSERTS = (
    (r"<(?=(?:p|h[1-6r]|dl|blockquote|pre|table|section|article|header|footer)" + _END
     + r"|/(?:p|h[1-6]|ul|ol|dl|blockquote|pre|table|section|article|header|footer)" + _END + ")",
     MARK + PARAGRAPH + "<"),
    (r"<(?=(?:div|br|dt|dd|caption|figcaption|summary|center|address|figure)" + _END
     + r"|/(?:div|td|th|dt|dd|caption|address|figure)" + _END + ")", MARK + LINE + "<"),
    # A list's opening tag is marked like an item: two item marks with no text between start a list.
    (r"<(?=(?:li|ul|ol)" + _END + ")", MARK + ITEM + "<"),
)
_INSERTS_LOWER = tuple((re.compile(p, re.ASCII), r) for p, r in _INSERTS)
_INSERTS_ANY_CASE = tuple((re.compile(p, re.I | re.ASCII), r) for p, r in _INSERTS)
_HIDDEN = "script|style|noscript|template|iframe|svg|math|object|embed|title|select|button|canvas|video|audio"
_DROPPED = _HIDDEN.replace("|", ",")
_UNUSUAL = re.compile(r"<(?:/?[A-Z]|(?:" + _HIDDEN + ")" + _END + ")", re.ASCII)  # upper-case tags or hidden content
_UPPER = re.compile(r"</?[A-Z]")

_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")
# Lever and friends write an empty line as <div>&nbsp;</div>: keep it as the paragraph break it stands for.
_NBSP_LINE = re.compile("\x01\x1d[^\\S\xa0]*\xa0\\s*(?=\x01)")
_BLANK_LINES = re.compile(r"\n[^\S\n]*(?:\n[^\S\n]*)+")


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: blocks on their own lines, list items as '- item', no markup left."""
    if not markup:
        return ""
    text = _extract(markup)
    # Markup escaped once too often (double-escaped feeds) comes out of the parser as tags or entities.
    if "<" in text and _TAG.search(text):
        text = _extract(text.replace("\n\n", "<p>").replace("\n", "<br>"))
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
        text = _NBSP_LINE.sub(MARK + PARAGRAPH, text)
    text = _normalize_chars(text)
    out: list[str] = []
    append = out.append
    paragraph = False
    opened = paragraphs = 0  # item marks and paragraph marks since the last text
    for piece in text.split(MARK):
        kind = piece[:1]
        if kind == PARAGRAPH:
            paragraphs += 1
            if not opened:  # a paragraph inside a list item stays on the item's line
                paragraph = True
        elif kind == ITEM:
            opened += 1
            paragraph = False
            paragraphs = 0
        if piece and not piece.isspace():
            if opened and paragraphs > 1:  # an empty item, then a paragraph after the list
                opened, paragraph = 0, True
            if out:
                append("\n\n" if paragraph or opened > 1 else "\n")
            if opened:
                append("- ")
            piece = piece.strip()
            # Most pieces are words and single spaces, so look before splitting. Every white space but the
            # plain space is unprintable (no-break spaces included), which makes the look one C call.
            if "  " in piece or not piece.isprintable():
                piece = " ".join(piece.split())
            append(piece)
            paragraph = False
            opened = paragraphs = 0
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
