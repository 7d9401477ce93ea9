"""Markdown to safe HTML: raw HTML off, only http, https, mailto and relative links.

Each distinct fragment is rendered once per process and reused on every page showing it
(pages come framework by framework, so a few thousand fragments are enough to keep).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markupsafe import Markup

_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*):")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SINGLE_PARAGRAPH = re.compile(r"^<p>(.*)</p>\n?$", re.DOTALL)
# Text that Markdown leaves as it is: one line, starting with a letter (no list or
# heading marker), ending in a non-space, and no character that can start any inline
# syntax. Most statements are such prose, and skipping the parser for them halves the
# time of a large build. A test checks this against the parser itself.
_PROSE = re.compile(r"[^\W\d_](?:[^\W_]|[ ,.;:'\"()/?%+=@$\-])*(?<! )")
_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def is_safe_link(url: str) -> bool:
    # Browsers drop control characters and whitespace inside schemes ("java\tscript:").
    cleaned = "".join(ch for ch in url if ch > " " and ch != "\x7f")
    match = _SCHEME.match(cleaned)
    return match is None or match.group(1).lower() in _SAFE_SCHEMES


def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.enable("table").enable("strikethrough")
    parser.validateLink = is_safe_link  # type: ignore[method-assign]
    return parser


_MD = _parser()


def render_block(text: str) -> Markup:
    return Markup(_MD.render(text))


def render_inline(text: str) -> Markup:
    """A fragment without its paragraph wrapper when it is a single paragraph."""
    if _PROSE.fullmatch(text):
        return Markup(text.translate(_HTML_ESCAPES))
    html = _MD.render(text)
    match = _SINGLE_PARAGRAPH.match(html)
    if match and "<p>" not in match.group(1):
        return Markup(match.group(1))
    return Markup(html)


def statement_html(text: str) -> str | None:
    """A statement's HTML, or None when that is its text as it is (most prose)."""
    html = render_inline(text)
    return None if html == text else str(html)
