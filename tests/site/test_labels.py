"""Disciplines and tags read as people write them: `sre` is "SRE" on every page that names
it, and the site configuration's `labels` names any identifier otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

FRAMEWORK = "frameworks/acme-engineering.yaml"


@pytest.fixture
def site_with_acronyms(site: Path) -> Path:
    path = site / FRAMEWORK
    text = path.read_text(encoding="utf-8")
    text = text.replace("disciplines: [engineering]", "disciplines: [sre, ux-research, platform]")
    path.write_text(text.replace("tags: [testing]", "tags: [saas, applied-ml]"), encoding="utf-8")
    return site


def _page(site: Path, path: str) -> str:
    return (site / "_site" / path).read_text(encoding="utf-8")


def test_acronyms_keep_their_capitals(cli, site_with_acronyms: Path) -> None:
    site = site_with_acronyms
    result = cli("build", "--site", str(site))
    assert result.code == 0, result.err
    facet = _page(site, "disciplines/sre/index.html")
    assert "<title>Discipline: SRE · " in facet
    assert "<h1>SRE</h1>" in facet
    assert 'content="Career frameworks for SRE: 1 framework."' in facet
    assert "<h1>UX research</h1>" in _page(site, "disciplines/ux-research/index.html")
    tag = _page(site, "tags/applied-ml/index.html")
    assert "<h1>Applied ML</h1>" in tag
    assert 'content="Career frameworks for applied ML: 1 framework."' in tag
    home = _page(site, "index.html")
    assert '<option value="sre">SRE (1)</option>' in home
    assert '<a href="tags/saas/">SaaS</a>' in home
    assert "<li>SRE</li><li>UX research</li><li>platform</li>" in home  # the card's tags
    assert "<li>SRE</li>" in _page(site, "acme-engineering/index.html")
    assert '<h2 id="d-sre">SRE</h2>' in _page(site, "compare/index.html")
    assert '<a href="ux-research/">UX research</a>' in _page(site, "disciplines/index.html")
    assert "Sre" not in "".join(p.read_text() for p in (site / "_site").rglob("*.html"))


def test_the_site_config_names_disciplines_and_tags(cli, site_with_acronyms: Path) -> None:
    site = site_with_acronyms
    config = site / "ladderpress.yaml"
    config.write_text(
        config.read_text() + "labels:\n  sre: Site Reliability\n  platform: Platform engineering\n"
    )
    result = cli("build", "--site", str(site))
    assert result.code == 0, result.err
    facet = _page(site, "disciplines/sre/index.html")
    assert "<h1>Site Reliability</h1>" in facet
    assert 'content="Career frameworks for Site Reliability: 1 framework."' in facet
    assert "<li>Site Reliability</li><li>UX research</li><li>Platform engineering</li>" in (
        _page(site, "acme-engineering/index.html")
    )
    assert '<h2 id="d-platform">Platform engineering</h2>' in _page(site, "compare/index.html")


@pytest.mark.parametrize(
    ("labels", "where", "message"),
    [
        ("  Site-Reliability: SRE\n", "4:3", "labels: 'Site-Reliability' is not a valid id"),
        ("  sre: ''\n", "4:8", "labels.sre: must not be empty"),
        ("  sre: [SRE]\n", "4:8", "labels.sre: expected text, found a list"),
    ],
)
def test_a_wrong_label_is_an_error_at_its_line(
    cli, site: Path, labels: str, where: str, message: str
) -> None:
    config = site / "ladderpress.yaml"
    config.write_text(config.read_text() + "labels:\n" + labels)
    result = cli("build", "--site", str(site))
    assert result.code == 1
    assert f"ladderpress.yaml:{where}: error: {message}" in result.err, result.err
