"""Without a Pagefind binary the build still succeeds, says once why the search index was
skipped, and the home page says that search is unavailable instead of leaving it out."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ladderpress.render import search

UNAVAILABLE = "Search is unavailable on this copy of the site: it was built without a search index."


@pytest.fixture
def no_binary(monkeypatch: pytest.MonkeyPatch) -> None:
    """A platform Pagefind publishes no binary for, and none of the user's own."""
    monkeypatch.setattr(search, "_binary_found", lambda: False)
    monkeypatch.setattr(search, "running_platform", lambda: ("freebsd14", "amd64", "14.0"))


def test_the_build_says_once_why_and_the_site_says_search_is_unavailable(
    cli, site: Path, no_binary: None
) -> None:
    result = cli("build", "--site", str(site))
    assert result.code == 0, result.err
    notes = [line for line in result.err.splitlines() if "search index skipped" in line]
    assert notes == [
        "note: search index skipped: Pagefind publishes no binary for this platform "
        "(freebsd14, amd64); put a pagefind executable on PATH, or name it in "
        "PAGEFIND_BINARY_PATH, and build again"
    ]
    assert "Traceback" not in result.err
    home = (site / "_site/index.html").read_text(encoding="utf-8")
    assert UNAVAILABLE in home
    assert 'role="search"' not in home
    assert not (site / "_site/search").exists(), "no search page without an index"
    again = cli("build", "--site", str(site))
    assert sum("search index skipped" in line for line in again.err.splitlines()) == 1


def test_with_search_the_home_page_has_the_search_box(cli, site: Path) -> None:
    if not search.available():
        pytest.skip("this machine has no Pagefind binary")
    result = cli("build", "--site", str(site))
    assert result.code == 0, result.err
    assert "search index skipped" not in result.err
    home = (site / "_site/index.html").read_text(encoding="utf-8")
    assert 'role="search"' in home and UNAVAILABLE not in home
    assert (site / "_site/search/index.html").is_file()


def test_a_missing_binary_where_one_is_published_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(search, "_binary_found", lambda: False)
    monkeypatch.setattr(search, "running_platform", lambda: ("linux", "aarch64", "6.1.0"))
    assert search.unavailable_reason() == (
        "search index skipped: no Pagefind binary is installed; pip install 'pagefind[bin]' adds it"
    )
    assert not search.available()


def test_a_missing_wrapper_says_how_to_bring_it_back(monkeypatch: pytest.MonkeyPatch) -> None:
    real = search.importlib.util.find_spec
    monkeypatch.setattr(
        search.importlib.util, "find_spec", lambda name: None if name == "pagefind" else real(name)
    )
    reason = search.unavailable_reason()
    assert reason is not None and "the pagefind package is missing" in reason


@pytest.mark.parametrize("how", ["variable", "path"])
def test_a_binary_of_ones_own_is_found(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, how: str
) -> None:
    """Where no wheel brought one, Pagefind's wrapper runs a binary named in
    PAGEFIND_BINARY_PATH or found on PATH: the build looks in the same places."""
    real = search.importlib.util.find_spec
    monkeypatch.setattr(
        search.importlib.util,
        "find_spec",
        lambda name: None if name.startswith("pagefind_bin") else real(name),
    )
    monkeypatch.delenv(search.BINARY_VARIABLE, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert not search.available()
    binary = tmp_path / "pagefind"
    binary.write_text("#!/bin/sh\n")
    binary.chmod(binary.stat().st_mode | stat.S_IXUSR)
    if how == "variable":
        monkeypatch.setenv("PATH", os.defpath)
        monkeypatch.setenv(search.BINARY_VARIABLE, str(binary))
    assert search.available()


def test_a_binary_path_that_is_not_a_file_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(search.BINARY_VARIABLE, str(tmp_path / "nowhere/pagefind"))
    reason = search.unavailable_reason()
    assert reason is not None
    assert f"PAGEFIND_BINARY_PATH names '{tmp_path}/nowhere/pagefind', which is not a file" in (
        reason
    )


@pytest.mark.parametrize(
    ("system", "machine", "release", "published"),
    [
        ("linux", "x86_64", "6.1.0", True),
        ("linux", "aarch64", "6.1.0", True),
        ("linux", "armv7l", "6.1.0", False),
        ("darwin", "arm64", "23.1.0", True),
        ("darwin", "x86_64", "20.6.0", False),  # macOS 11: the wheels start at macOS 12
        ("darwin", "x86_64", "", False),
        ("win32", "ARM64", "10", True),
        ("freebsd14", "amd64", "14.0-RELEASE", False),
    ],
)
def test_which_platforms_have_a_published_binary(
    system: str, machine: str, release: str, published: bool
) -> None:
    assert search.binary_published(system, machine, release) is published
