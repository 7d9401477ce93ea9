"""A rendered level page compared byte for byte with a reviewed copy.

Set LADDERPRESS_UPDATE_GOLDEN=1 to rewrite the golden file after an intended change,
then review the diff before committing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from tests.support.paths import FIXTURES

GOLDEN = FIXTURES.parent / "golden" / "acme-engineering-levels-senior.html"
PAGE = "acme-engineering/levels/senior/index.html"


def normalise(html: str) -> str:
    # Asset hashes and the version change with every stylesheet edit or release.
    html = re.sub(r"\?v=[0-9a-f]{10}", "?v=HASH", html)
    return re.sub(r"ladderpress \d+\.\d+\.\d+", "ladderpress VERSION", html)


def test_level_page_matches_golden(cli, site: Path) -> None:
    assert cli("build", "--site", str(site)).code == 0
    actual = normalise((site / "_site" / PAGE).read_text(encoding="utf-8"))
    if os.environ.get("LADDERPRESS_UPDATE_GOLDEN"):
        GOLDEN.write_text(actual, encoding="utf-8")
    assert actual == GOLDEN.read_text(encoding="utf-8")
