"""Run from a folder that was deleted (`mkdir /tmp/x && cd /tmp/x && rmdir /tmp/x &&
ladderpress build`), where the current folder cannot even be asked for, every command
says what happened and exits 2, without a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import REPO

COMMANDS = [["build"], ["validate"], ["init"], ["new", "acme", "--yes"], ["export"]]
SCRIPT = Path(sys.executable).with_name("ladderpress")


def _from_deleted_folder(tmp_path: Path, program: list[str]) -> subprocess.CompletedProcess[str]:
    gone = tmp_path / "gone"
    gone.mkdir()
    shell = shutil.which("sh")
    assert shell is not None
    return subprocess.run(
        [shell, "-c", 'cd "$1" && rmdir "$1" && shift && exec "$@"', "sh", str(gone), *program],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_deleted_working_folder(tmp_path: Path, command: list[str]) -> None:
    result = _from_deleted_folder(tmp_path, [sys.executable, "-m", "ladderpress", *command])
    assert result.returncode == 2, result.stderr
    assert f"ladderpress {command[0]}: error: the current folder no longer exists" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "gone").exists()  # nothing was created in its place


@pytest.mark.skipif(not SCRIPT.is_file(), reason="the console script is not installed")
def test_deleted_working_folder_with_the_installed_command(tmp_path: Path) -> None:
    site = str(REPO / "tests/fixtures/site")
    result = _from_deleted_folder(tmp_path, [str(SCRIPT), "validate", "--site", site])
    assert result.returncode == 2
    assert "the current folder no longer exists" in result.stderr
    assert "Traceback" not in result.stderr
