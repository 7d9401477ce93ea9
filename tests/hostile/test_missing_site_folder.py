"""A `--site` folder that does not exist is a clear usage error (exit 2) for every
command that takes one; it is never created by writing into it."""

from __future__ import annotations

from pathlib import Path

import pytest

COMMANDS = [
    ["build"],
    ["validate"],
    ["serve", "--port", "0"],
    ["new", "acme", "--yes"],
    ["import", "ladder.csv"],
    ["export"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_missing_site_is_refused_and_not_created(cli, tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "no-such-site"
    result = cli(*command, "--site", str(missing))
    assert result.code == 2
    assert f"site folder '{missing}' does not exist" in result.err
    assert f"ladderpress init {missing}" in result.err
    assert result.err.startswith(f"ladderpress {command[0]}: error: ")
    assert "Traceback" not in result.err
    assert not missing.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_file_given_as_site_is_not_a_folder(cli, tmp_path: Path) -> None:
    file = tmp_path / "ladderpress.yaml"
    file.write_text("title: x\n")
    result = cli("build", "--site", str(file))
    assert result.code == 2
    assert "is not a folder" in result.err
    assert file.read_text() == "title: x\n"
