"""A long-running process (serve) builds again after a theme's message catalogue changes:
the pages show the new wording, not the catalogue as the first build read it."""

from __future__ import annotations

from pathlib import Path

from ladderpress.build import build
from ladderpress.check.config import load_config
from ladderpress.incremental.keys import BuildCache


def test_an_edited_catalogue_is_read_again(site: Path) -> None:
    messages = site / "theme/messages/en.yaml"
    messages.parent.mkdir(parents=True)
    messages.write_text('"Compare two levels": "Put two levels side by side"\n')
    cache = BuildCache()
    build(load_config(site), cache=cache, preview=True)
    page = site / "_site/acme-engineering/index.html"
    assert "Put two levels side by side" in page.read_text()

    messages.write_text('"Compare two levels": "Line up two levels"\n')
    build(load_config(site), cache=cache, preview=True)

    assert "Line up two levels" in page.read_text()
