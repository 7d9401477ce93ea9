from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from ladderpress.app.cli import main
from tests.support.paths import FIXTURES, REPO, SCREENSHOTS_KEY

__all__ = ["FIXTURES", "REPO", "SCREENSHOTS_KEY"]


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    folder = config.stash.get(SCREENSHOTS_KEY, None)
    if folder is not None:
        terminalreporter.write_line(f"screenshots: {folder}")


@pytest.fixture(autouse=True)
def _own_check_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checks kept between builds (checkcache.py) go to a folder of each test, never
    the user's: no test sees another's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def run(*args: str) -> CliResult:
        code = main(list(args))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A writable copy of the fixture site."""
    target = tmp_path / "site"
    shutil.copytree(FIXTURES / "site", target)
    return target
