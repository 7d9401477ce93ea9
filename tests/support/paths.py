"""Where the repository and the test fixtures are."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
# Where a test saved screenshots for people to look at, named at the end of the run.
SCREENSHOTS_KEY = pytest.StashKey[Path]()
