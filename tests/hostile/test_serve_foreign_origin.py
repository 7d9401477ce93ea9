"""The preview trusts only its own pages: another site's page, or a name pointed at
127.0.0.1 (DNS rebinding), can neither listen for rebuilds nor trigger reloads."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .serving import Served, connect_page, request, serving, websocket


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serving(tmp_path_factory.mktemp("serve")) as running:
        yield running


def test_its_own_pages_open_the_websocket(served: Served) -> None:
    for origin in (served.origin, None):  # a page of its own; a tool, which sends none
        status, connection = websocket(served.port, origin)
        assert status == 101
        assert connection is not None
        connection.close()


@pytest.mark.parametrize(
    "origin",
    [
        "http://evil.example",
        "http://127.0.0.1.evil.example:{port}",
        "http://127.0.0.1:{other}",  # another local server is another origin
        "https://127.0.0.1:{port}",
        "http://localhost:{port}",  # the page asked for 127.0.0.1: not the same origin
        "null",  # a sandboxed frame or a file:// page
        "",
    ],
)
def test_a_foreign_origin_is_refused_the_websocket(served: Served, origin: str) -> None:
    foreign = origin.format(port=served.port, other=served.port + 1)
    status, connection = websocket(served.port, foreign)
    assert status == 403
    assert connection is None


@pytest.mark.parametrize(
    "host", ["evil.example:{port}", "127.0.0.1.evil.example:{port}", "127.0.0.1:{other}", ""]
)
def test_a_request_for_another_host_is_refused(served: Served, host: str) -> None:
    # After rebinding, the browser sends the attacker's name with a consistent Origin.
    name = host.format(port=served.port, other=served.port + 1)
    assert request(served.port, b"/", {"Host": name})[0] == 403
    assert request(served.port, b"/__ladderpress/status", {"Host": name})[0] == 403
    origin = f"http://{name}" if name else None
    assert websocket(served.port, origin, host=name or " ")[0] in (400, 403)


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST:{port}"])
def test_the_loopback_names_are_answered(served: Served, host: str) -> None:
    name = host.format(port=served.port)
    assert request(served.port, b"/", {"Host": name})[0] == 200
    status, connection = websocket(served.port, f"http://{name.lower()}", host=name)
    assert status == 101 and connection is not None
    connection.close()


def test_another_site_cannot_trigger_a_reload(served: Served) -> None:
    page = connect_page(served)
    evil = "http://evil.example/page.html"
    attempts = [
        # What a foreign page can send: an image or a link (GET), a form or fetch (POST).
        (b"GET", {}),
        (b"GET", {"Sec-Fetch-Site": "cross-site", "Referer": evil}),
        (b"POST", {"Origin": "http://evil.example"}),
        (b"POST", {"Origin": "null"}),
        (b"POST", {"Sec-Fetch-Site": "cross-site"}),
        (b"POST", {"Sec-Fetch-Site": "same-site", "Origin": f"http://a.localhost:{served.port}"}),
        (b"POST", {"Referer": evil}),
    ]
    try:
        for method, headers in attempts:
            status, _ = request(served.port, b"/forcereload?path=*", dict(headers), method)
            assert status in (403, 405), (method, headers)
        assert page.receive_text(0.5) is None  # no reload reached the open page
        # The same request from the server's own page does reload it.
        status, _ = request(served.port, b"/forcereload", {"Origin": served.origin}, b"POST")
        assert status == 200
        message = page.receive_text(5)
        assert message is not None and '"reload"' in message
    finally:
        page.close()


def test_a_get_of_forcereload_says_to_post(served: Served) -> None:
    status, response = request(served.port, b"/forcereload")
    assert status == 405
    assert b"\r\nAllow: POST\r\n" in response
