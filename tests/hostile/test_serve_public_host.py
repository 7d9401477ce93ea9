"""The preview listens on loopback unless told otherwise, and says so clearly when told
to listen where other machines can reach it."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from ladderpress.app.cli import make_parser
from ladderpress.app.serve_http import is_loopback
from tests.hostile.test_serve_busy_port import run_serve


def test_the_default_host_is_loopback() -> None:
    args = make_parser().parse_args(["serve"])
    assert is_loopback(args.host)


@pytest.mark.parametrize("host", ["127.0.0.1", "127.3.4.5", "::1", "[::1]", "localhost"])
def test_loopback_addresses(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "", "::", "192.168.1.20", "10.0.0.1", "8.8.8.8"])
def test_addresses_others_can_reach(host: str) -> None:
    assert not is_loopback(host)


def test_a_public_host_is_warned_about(tmp_path: Path) -> None:
    # The port is held (bound, never listening) so that the preview stops right after
    # the warning: the test never serves anything beyond this machine.
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        port = taken.getsockname()[1]
        result = run_serve(tmp_path, "--host", "0.0.0.0", "--port", str(port))
    assert "warning: 0.0.0.0 is not a loopback address" in result.stderr
    assert "other machines on the network can read this preview" in result.stderr
    assert f"port {port} is in use" in result.stderr
    assert result.returncode == 1


def test_loopback_is_not_warned_about(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        result = run_serve(tmp_path, "--port", str(port))
    assert "warning" not in result.stderr
    assert f"port {port} is in use" in result.stderr
