"""Names in other scripts: an emoji and a Chinese competency name render as glyphs.

The theme uses system fonts only. Its font stack lists, after the Latin fonts, the usual
Chinese, Japanese and Korean fonts of each system and, last, the colour emoji fonts
(tests/fixtures/scripts has a framework with "🚀 Delivery" and "协作与沟通"). With the
fonts Debian provides (fonts-noto-color-emoji, fonts-wqy-microhei; './dev test' installs
them) every character of those names must be drawn as itself, not as the empty box a
browser draws for a character no font has.

A character is a box when the heading looks the same with that character replaced by
U+10FFFD, a private-use code point no font draws.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from typing import Any

import pytest

from ladderpress.build import build
from ladderpress.check.config import load_config
from tests.support.browser import serve_folder
from tests.support.paths import FIXTURES

pytest.importorskip("playwright.sync_api")

NOWHERE = "\U0010fffd"  # drawn as the box of a missing glyph, whatever the fonts
EMOJI_FAMILIES = ("Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji")
CJK_FAMILIES = ("PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei")
NAMES = {
    "emoji": ("lantern-platform/competencies/delivery/", "🚀 Delivery"),
    "chinese": ("lantern-platform/competencies/collaboration/", "协作与沟通"),
}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("fonts") / "site"
    build(load_config(FIXTURES / "scripts"), out=out)
    with serve_folder(out) as url:
        yield url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 900, "height": 700})
    yield context.new_page()
    context.close()


def _families(css_list: str) -> list[str]:
    return [family.strip().strip('"') for family in css_list.split(",")]


def _drawn(character: str) -> bool:
    """Whether a character needs a glyph: not a space, a joiner or a variation selector."""
    return not character.isspace() and unicodedata.category(character) not in ("Mn", "Cf")


def _has_font_for(character: str) -> bool:
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return True  # no fontconfig to ask: let the rendering tell
    found = subprocess.run(
        [fc_list, f":charset={ord(character):x}", "family"], capture_output=True, text=True
    )
    return bool(found.stdout.strip())


def _rendered_by(page: Any, selector: str) -> str:
    """The fonts Chromium drew an element's text with (for messages)."""
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    cdp.send("CSS.enable")
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return ", ".join(f"{f['familyName']} ({f['glyphCount']} glyphs)" for f in fonts)


def test_the_font_stack_ends_with_cjk_and_emoji_fonts(page: Any, site_url: str) -> None:
    page.goto(site_url + NAMES["emoji"][0])
    body = _families(page.evaluate("getComputedStyle(document.body).fontFamily"))
    code = _families(
        page.evaluate(
            """() => { const c = document.createElement('code'); document.body.append(c);
              return getComputedStyle(c).fontFamily; }"""
        )
    )
    for families, generic in ((body, "sans-serif"), (code, "monospace")):
        assert generic in families
        emoji = [families.index(f) for f in EMOJI_FAMILIES if f in families]
        cjk = [families.index(f) for f in CJK_FAMILIES if f in families]
        assert len(emoji) == len(EMOJI_FAMILIES), f"emoji fonts missing from {families}"
        assert len(cjk) == len(CJK_FAMILIES), f"CJK fonts missing from {families}"
        # Emoji fonts come after every text font: they have digits and "#" of their own.
        assert min(emoji) > max(cjk) and min(emoji) > families.index(generic), families
    # The Latin fonts come first: CJK fonts have Latin letters of their own.
    assert body.index("Arial") < min(body.index(f) for f in CJK_FAMILIES)
    assert code.index("monospace") < min(code.index(f) for f in CJK_FAMILIES)


@pytest.mark.parametrize("script", sorted(NAMES))
def test_names_in_other_scripts_render_as_glyphs_not_boxes(
    page: Any, site_url: str, script: str
) -> None:
    path, name = NAMES[script]
    characters = [c for c in name if _drawn(c) and not c.isascii()]
    missing = [f"U+{ord(c):04X}" for c in characters if not _has_font_for(c)]
    if missing:
        message = (
            f"no installed font has {', '.join(missing)}; './dev test' installs them "
            "(apt-get install fonts-noto-color-emoji fonts-wqy-microhei)"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    page.goto(site_url + path)
    heading = page.locator("main h1")
    assert heading.inner_text() == name
    fonts = _rendered_by(page, "main h1")
    as_drawn = heading.screenshot()
    boxes = []
    for i, character in enumerate(name):
        if character not in characters:
            continue
        heading.evaluate(
            "(h, text) => { h.textContent = text; }", name[:i] + NOWHERE + name[i + 1 :]
        )
        if heading.screenshot() == as_drawn:
            boxes.append(f"{character} (U+{ord(character):04X})")
    assert boxes == [], f"{name!r} shows {boxes} as boxes; drawn with {fonts}"


def test_digits_are_not_drawn_by_an_emoji_font(page: Any, site_url: str) -> None:
    """Text fonts draw digits, "#" and "*" even though emoji fonts have them too."""
    page.goto(site_url + NAMES["emoji"][0])
    sample = page.locator("main h1")
    sample.evaluate("(h) => { h.textContent = 'Level 3 · E4 #1 *'; }")
    with_emoji_fonts = sample.screenshot()
    sample.evaluate(
        """(h, emoji) => {
          const families = getComputedStyle(h).fontFamily.split(',').map((f) => f.trim());
          h.style.fontFamily = families.filter((f) => !emoji.includes(f.replace(/"/g, '')))
            .join(', ');
        }""",
        [*EMOJI_FAMILIES, "Segoe UI Symbol"],
    )
    assert sample.screenshot() == with_emoji_fonts
