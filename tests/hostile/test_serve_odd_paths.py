"""Odd request paths get a 4xx from the preview, never a 500 or a traceback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .serving import Served, request, serving

ODD = [
    b"/%00",
    b"/a%00b/",
    b"/acme-engineering%00/index.html",
    b"/..%2f",
    b"/..%2f..%2f..%2fetc%2fpasswd",
    b"/%2e%2e/%2e%2e/etc/passwd",
    b"/acme-engineering/../../../etc/passwd",
    b"/..\\..\\etc\\passwd",
    b"//etc/passwd",
    b"//acme-engineering",  # a folder: the redirect would leave the site
    b"/" + b"a" * 300,  # longer than a file name may be
    b"/" + b"a" * 5000,
    b"/" + b"a/" * 3000,
    b"/" + b"a" * 60000,
    b"/%1b[2J",
    b"/%07",
    b"/%7f",
    b"/%0d%0aSet-Cookie:%20x=1",
    b"/%c2%9b2J",
    b"/\x9b2J",  # raw bytes above 0x7f are let through by the HTTP parser
    b"/%ff",
    b"/%e2%80%ae",
    b"/con",
    b"/nul/",
    b"/index.html%2f",
    b"/index.html/",
    b"/?%00=%00",
    b"/__ladderpress/status/../../.ladderpress-manifest.json",
]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serving(tmp_path_factory.mktemp("serve")) as running:
        yield running


@pytest.mark.parametrize("target", ODD, ids=lambda target: repr(target[:40]))
def test_an_odd_path_gets_a_client_error(served: Served, target: bytes) -> None:
    status, response = request(served.port, target)
    if target == b"/?%00=%00":
        assert status == 200  # a query the site does not use changes nothing
    else:
        assert 400 <= status < 500, response[:300]
    assert b"Traceback" not in response


def test_nothing_failed_inside(served: Served) -> None:
    for target in ODD:
        request(served.port, target)
    assert request(served.port, b"/")[0] == 200  # still serving
    output = served.output()
    assert "Traceback" not in output
    assert " 500 " not in output and "Uncaught exception" not in output
