"""A relative XDG_CACHE_HOME (set by a checkout's .envrc, say) is invalid by the XDG spec:
kept checks go to ~/.cache instead of a folder the repository controls."""

from __future__ import annotations

from pathlib import Path

import pytest

from ladderpress.build import load_frameworks
from ladderpress.check.config import load_config
from ladderpress.incremental import checkcache


@pytest.mark.parametrize("relative", ["cache", ".cache", "./cache", "~/cache", "../cache"])
def test_a_relative_cache_home_is_ignored(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, relative: str
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", relative)
    monkeypatch.chdir(site)

    assert checkcache.cache_dir() == home / ".cache" / "ladderpress" / "checks"
    load_frameworks(load_config(site), reuse=True)

    assert list((home / ".cache" / "ladderpress" / "checks").glob("*.json"))
    # Nothing was written below the site (where a repository could plant entries)...
    assert not any(path.suffix == ".json" for path in site.rglob("*"))
    # ...nor beside it, where `../cache` would point.
    assert not (tmp_path / "cache").exists()


def test_an_absolute_cache_home_is_used(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert checkcache.cache_dir() == tmp_path / "xdg" / "ladderpress" / "checks"
