"""Output into a pipe whose reader has gone (`ladderpress validate | head -0`,
`ladderpress build | true`) ends quietly with exit 1, as Python's documentation advises:
no BrokenPipeError traceback, and no "Exception ignored" when the streams are flushed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import REPO


@pytest.fixture(params=[False, True], ids=["buffered", "unbuffered"])
def unbuffered(request: pytest.FixtureRequest) -> bool:
    """Python writes a pipe at exit, or at each print with PYTHONUNBUFFERED: both."""
    return bool(request.param)


def _into_closed_pipe(
    args: list[str], unbuffered: bool, *, stderr_too: bool = False
) -> tuple[int, str]:
    """Run the CLI with its standard output (and, if asked, its errors) going into a pipe
    that nobody reads: the read end is closed before the program can write anything."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    process = subprocess.Popen(
        [sys.executable, "-m", "ladderpress", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT if stderr_too else subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None
    process.stdout.close()
    err = b""
    if process.stderr is not None:
        err = process.stderr.read()
        process.stderr.close()
    return process.wait(timeout=300), err.decode("utf-8", "replace")


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "--format", "json", str(REPO / "frameworks")],  # a large write
        ["validate", "--format", "github", str(REPO / "tests/fixtures/invalid/bad-url.yaml")],
    ],
    ids=["json", "github"],
)
def test_validate_into_a_closed_pipe(args: list[str], unbuffered: bool) -> None:
    code, err = _into_closed_pipe(args, unbuffered)
    assert code == 1
    assert "Traceback" not in err
    assert "BrokenPipeError" not in err
    assert "Exception ignored" not in err


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"]], ids=["help", "build-help"])
def test_help_into_a_closed_pipe(args: list[str], unbuffered: bool) -> None:
    # Unbuffered, argparse itself ignores the failed write and exits 0; buffered, the
    # failure comes at the final flush: 1. Quiet either way.
    code, err = _into_closed_pipe(args, unbuffered)
    assert code in (0, 1)
    assert err == ""


def test_build_into_a_closed_pipe(site: Path, unbuffered: bool) -> None:
    code, err = _into_closed_pipe(["build", "--site", str(site)], unbuffered)
    assert code == 1
    assert "Traceback" not in err
    assert "BrokenPipeError" not in err
    assert "Exception ignored" not in err
    assert (site / "_site" / "index.html").is_file()  # the build itself completed


def test_errors_into_a_closed_pipe(site: Path, unbuffered: bool) -> None:
    # `ladderpress validate 2>&1 | head -0`: the problems themselves cannot be written.
    # Exit 120 would mean that Python failed to flush a stream at exit.
    broken = str(REPO / "tests/fixtures/invalid/wrong-type.yaml")
    code, _ = _into_closed_pipe(["validate", broken], unbuffered, stderr_too=True)
    assert code == 1
    build = ["build", "--site", str(site), "--clean"]
    code, _ = _into_closed_pipe(build, unbuffered, stderr_too=True)
    assert code == 1
