"""`--base-url` and the config's `base_url` go through one function: a missing final
slash is added, and an address without a scheme is refused with the same words (the
config's at its file:line:col), never published as a relative canonical link."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ladderpress.check.config import normalise_base_url

NO_SCHEME = "'example.org/ladders' has no scheme; write the full address, for example "
NO_SCHEME += "'https://example.org/ladders/'"


@pytest.mark.parametrize(
    ("given", "normalised"),
    [
        ("https://example.org/ladders", "https://example.org/ladders/"),
        ("https://example.org/ladders/", "https://example.org/ladders/"),
        ("http://localhost:8000", "http://localhost:8000/"),
    ],
)
def test_a_missing_slash_is_added(given: str, normalised: str) -> None:
    assert normalise_base_url(given) == normalised


@pytest.mark.parametrize(
    "given", ["example.org/ladders", "", "https://", "https:///x", "ftp://example.org/", "x y"]
)
def test_not_an_absolute_address_is_refused(given: str) -> None:
    with pytest.raises(ValueError, match=r"no scheme|not an absolute web address"):
        normalise_base_url(given)


def _canonical(site: Path) -> str:
    html = (site / "_site" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'rel="canonical" href="([^"]*)"', html)
    assert found, "no canonical link"
    return found[1]


def test_flag_without_trailing_slash(cli, site: Path) -> None:
    result = cli("build", "--site", str(site), "--base-url", "https://example.org/ladders")
    assert result.code == 0, result.err
    assert _canonical(site) == "https://example.org/ladders/"


def test_config_without_trailing_slash(cli, site: Path) -> None:
    (site / "ladderpress.yaml").write_text("base_url: https://example.org/ladders\n")
    result = cli("build", "--site", str(site))
    assert result.code == 0, result.err
    assert _canonical(site) == "https://example.org/ladders/"


def test_flag_without_scheme_is_a_usage_error(cli, site: Path) -> None:
    result = cli("build", "--site", str(site), "--base-url", "example.org/ladders")
    assert result.code == 2
    assert "usage: ladderpress build " in result.err
    assert f"ladderpress build: error: argument --base-url: {NO_SCHEME}" in result.err
    assert "Traceback" not in result.err
    assert not (site / "_site").exists()


def test_config_without_scheme_points_at_the_line(cli, site: Path) -> None:
    (site / "ladderpress.yaml").write_text("title: Ladders\nbase_url: example.org/ladders\n")
    result = cli("build", "--site", str(site))
    assert result.code == 1
    assert f"ladderpress.yaml:2:11: error: base_url: {NO_SCHEME} [config]" in result.err
    assert result.err.count(": error: ") == 1  # the schema does not say it again
    assert "Traceback" not in result.err
    assert not (site / "_site").exists()
