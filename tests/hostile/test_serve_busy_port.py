"""A port already in use is a clear error and a non-zero exit, before any build, not
a traceback."""

from __future__ import annotations

import shutil
import socket
import subprocess
from pathlib import Path

from tests.support.paths import FIXTURES

from .serving import child_env, serve_command


def run_serve(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "site", site)
    return subprocess.run(
        serve_command(site, *args),
        capture_output=True,
        text=True,
        timeout=60,
        env=child_env(tmp_path / "cache"),
    )


def test_a_busy_port_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_serve(tmp_path, "--port", str(port))
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"port {port} is in use; use --port N or --port 0 for a free one" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "site/_site").exists()  # said before building, not after


def test_an_address_that_is_not_there_is_a_clear_error(tmp_path: Path) -> None:
    result = run_serve(tmp_path, "--host", "192.0.2.1", "--port", "0")  # TEST-NET-1
    assert result.returncode == 1
    assert "cannot listen on 192.0.2.1" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
