from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ladderpress.core.markdown import (
    _MD,
    _SINGLE_PARAGRAPH,
    is_safe_link,
    render_block,
    render_inline,
)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox",
        "file:///etc/passwd",
    ],
)
def test_unsafe_links_are_refused(url: str) -> None:
    assert not is_safe_link(url)
    assert "href" not in render_inline(f"[click]({url})")


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a",
        "http://example.org",
        "mailto:a@example.org",
        "../x/",
        "#anchor",
        "page.html",
    ],
)
def test_safe_links_are_kept(url: str) -> None:
    assert is_safe_link(url)
    assert f'href="{url}"' in render_inline(f"[ok]({url})")


def test_raw_html_is_shown_as_text() -> None:
    html = render_block('<script>alert("x")</script> and <img src=x onerror=alert(1)>')
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html


def test_inline_unwraps_a_single_paragraph_only() -> None:
    assert render_inline("Writes *tests*.") == "Writes <em>tests</em>."
    assert render_inline("One.\n\nTwo.").count("<p>") == 2


def test_autolinks_with_unsafe_scheme_are_refused() -> None:
    assert "href" not in render_inline("<javascript:alert(1)>")


# Plain prose skips the parser; these check that the shortcut agrees with it.
_PROSE_ALPHABET = "abcXYZé19 ,.;:'\"()/?%+=@$-_*`[]<>&!\\#~|{}\n\t"


def _parsed(text: str) -> str:
    html = _MD.render(text)
    match = _SINGLE_PARAGRAPH.match(html)
    return match.group(1) if match and "<p>" not in match.group(1) else html


@given(st.text(alphabet=_PROSE_ALPHABET, min_size=1, max_size=40))
@settings(max_examples=2000, deadline=None)
def test_prose_shortcut_matches_the_parser(text: str) -> None:
    assert str(render_inline(text)) == _parsed(text)


@pytest.mark.parametrize(
    "text",
    [
        "1. Ships a feature",
        "- Owns a service",
        "Mentors others  ",
        "Leads *calmly*",
        'Writes "clear" docs & <notes>',
        "Uses `git` well",
        "Reviews designs:https://example.org",
    ],
)
def test_prose_shortcut_leaves_markdown_to_the_parser(text: str) -> None:
    assert str(render_inline(text)) == _parsed(text)
