"""The preview serves the site, not the build's bookkeeping beside it in the output folder
(`.ladderpress-manifest.json`, `-state.json`, `-pages.json`, temporaries): 404."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ladderpress.incremental.state import PAGES_FILE, STATE_FILE
from ladderpress.write.output import MANIFEST

from .serving import Served, request, serving


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serving(tmp_path_factory.mktemp("serve")) as running:
        # What an edit leaves for a moment while a page is replaced (live.py).
        (running.site / "_site/acme-engineering/.ladderpress-x1y2z3").write_text("partial")
        yield running


def test_the_bookkeeping_is_there_to_be_asked_for(served: Served) -> None:
    out = served.site / "_site"
    for name in (MANIFEST, STATE_FILE, PAGES_FILE):
        assert (out / name).is_file(), name
    assert request(served.port, b"/")[0] == 200
    assert request(served.port, b"/acme-engineering/")[0] == 200


@pytest.mark.parametrize(
    "target",
    [
        f"/{MANIFEST}",
        f"/{STATE_FILE}",
        f"/{PAGES_FILE}",
        f"/{MANIFEST.upper()}",
        f"/./{MANIFEST}",
        f"/acme-engineering/../{MANIFEST}",
        f"/acme-engineering/..%2f{MANIFEST}",
        f"/%2e{MANIFEST[1:]}",
        f"/{MANIFEST}?download=1",
        "/acme-engineering/.ladderpress-x1y2z3",
    ],
)
def test_state_files_are_not_served(served: Served, target: str) -> None:
    out = served.site / "_site"
    kept = [(out / name).read_bytes()[:60] for name in (MANIFEST, STATE_FILE, PAGES_FILE)]
    for method in (b"GET", b"HEAD"):
        status, response = request(served.port, target.encode(), method=method)
        assert status == 404, (method, target)
        assert not any(content in response for content in [*kept, b"partial"])
