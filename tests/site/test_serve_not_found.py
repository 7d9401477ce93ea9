"""`ladderpress serve` answers an address with no page as the published site would: status
404 and the site's own 404 page, which links by absolute path to the preview's root."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile.serving import Served, request, serving


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serving(tmp_path_factory.mktemp("serve")) as running:
        yield running


def _body(response: bytes) -> bytes:
    return response.partition(b"\r\n\r\n")[2]


def _without_live_script(body: bytes) -> bytes:
    return re.sub(rb"<script[^>]*>\(function\(\)\{var s=document.*?</script>", b"", body)


@pytest.mark.parametrize(
    "target",
    [
        b"/no-such-page/",
        b"/no-such-page",
        b"/acme-engineering/levels/no-such-level/",
        b"/acme-engineering/missing.html",
        b"/assets/missing.css",
    ],
)
def test_a_missing_page_gets_the_sites_404_page(served: Served, target: bytes) -> None:
    built = (served.site / "_site/404.html").read_bytes()
    status, response = request(served.port, target)
    assert status == 404
    assert re.search(rb"(?im)^content-type: text/html", response), response[:300]
    assert _without_live_script(_body(response)) == built
    assert b"<h1>Page not found</h1>" in built


def test_head_gets_the_status_without_the_page(served: Served) -> None:
    status, response = request(served.port, b"/no-such-page/", method=b"HEAD")
    assert status == 404
    assert _body(response) == b""


def test_existing_pages_are_served_as_before(served: Served) -> None:
    status, response = request(served.port, b"/acme-engineering/")
    assert status == 200
    assert b"Page not found" not in _body(response)


def test_the_404_page_links_to_the_preview_root_whatever_the_base_url(tmp_path: Path) -> None:
    """Published under /ladders/, the 404 page links to /ladders/assets/...; the preview
    serves the site at /, so its 404 page links there."""
    with serving(tmp_path) as running:
        config = running.site / "ladderpress.yaml"
        config.write_text(config.read_text() + "base_url: https://example.org/ladders/\n")
        deadline = time.monotonic() + 30
        while True:
            body = _body(request(running.port, b"/no-such-page/")[1])
            if b"https://example.org/ladders/404.html" in body:  # rebuilt: its canonical link
                break
            assert time.monotonic() < deadline, running.output()
            time.sleep(0.1)
    assert b'href="/assets/style.css?v=' in body
    assert b'href="/ladders/' not in body
