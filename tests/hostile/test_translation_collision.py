"""A translation's pages live in `/<language>/<slug>/`, inside a `/<language>/` that only
translations share: a framework named like a language in use, a second file for the
same translation, or a static file on a translation's page fails the build, naming both
files, and the previous output stays as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .checksums import checksums, no_traceback

ORIGINAL = "frameworks/acme-engineering.yaml"


def _built(cli, site: Path) -> dict[str, str]:
    assert cli("build", "--site", str(site)).code == 0
    return checksums(site / "_site")


def _copy(site: Path, name: str) -> None:
    shutil.copy(site / ORIGINAL, site / "frameworks" / name)


@pytest.mark.parametrize("language", ["fr", "pt-br"])
def test_a_framework_named_like_a_language_in_use(cli, site: Path, language: str) -> None:
    before = _built(cli, site)
    _copy(site, f"acme-engineering.{language}.yaml")
    _copy(site, f"{language}.yaml")

    result = cli("build", "--site", str(site))

    assert result.code == 1 and no_traceback(result.err)
    assert f"frameworks/{language}.yaml:1:1: error: /{language}/ would hold pages" in result.err
    assert f"frameworks/acme-engineering.{language}.yaml" in result.err
    assert "[page-collision]" in result.err
    assert checksums(site / "_site") == before


def test_the_same_translation_in_two_files(cli, site: Path) -> None:
    before = _built(cli, site)
    _copy(site, "acme-engineering.fr.yaml")
    _copy(site, "acme-engineering.fr.yml")

    result = cli("build", "--site", str(site))

    assert result.code == 1 and no_traceback(result.err)
    assert "acme-engineering.fr.yml:1:1: error: framework 'acme-engineering.fr'" in result.err
    assert "also defined by" in result.err and "acme-engineering.fr.yaml" in result.err
    assert checksums(site / "_site") == before


@pytest.mark.parametrize(
    "static",
    ["fr/acme-engineering.json", "FR/acme-engineering/index.html", "acme-engineering.csv"],
)
def test_a_static_file_on_a_framework_page(cli, site: Path, static: str) -> None:
    """Compared case-folded: `FR/` and `fr/` are one folder on macOS and Windows."""
    _copy(site, "acme-engineering.fr.yaml")
    before = _built(cli, site)
    (site / "static" / static).parent.mkdir(parents=True)
    (site / "static" / static).write_text("mine")

    result = cli("build", "--site", str(site))

    assert result.code == 1 and no_traceback(result.err)
    framework = ORIGINAL if static.endswith(".csv") else "frameworks/acme-engineering.fr.yaml"
    assert f"{framework}:1:1: error: /" in result.err
    assert f"would be written by both {site / framework}" in result.err
    assert f"static/{static}" in result.err
    assert checksums(site / "_site") == before


def test_a_static_file_beside_a_framework_page_is_fine(cli, site: Path) -> None:
    (site / "static/acme-engineering").mkdir(parents=True)
    (site / "static/acme-engineering/ladder.pdf").write_text("mine")
    assert cli("build", "--site", str(site)).code == 0
    assert (site / "_site/acme-engineering/ladder.pdf").read_text() == "mine"


def test_a_translation_into_a_site_folder(cli, site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`levels.compare.yaml` would write `/compare/levels/`, the site's own page. The
    language is refused; past that refusal, the check on the planned pages holds."""
    before = _built(cli, site)
    _copy(site, "levels.yaml")
    _copy(site, "levels.compare.yaml")

    refused = cli("build", "--site", str(site))
    assert refused.code == 1 and no_traceback(refused.err)
    assert "levels.compare.yaml:1:1: error: file name 'levels.compare.yaml'" in refused.err
    assert "the site's own /compare/" in refused.err

    monkeypatch.setattr("ladderpress.check.files.RESERVED_NAMES", {})
    result = cli("build", "--site", str(site))
    assert result.code == 1 and no_traceback(result.err)
    assert "levels.compare.yaml:1:1: error: /compare/ would hold pages of both" in result.err
    assert "the site itself" in result.err
    assert checksums(site / "_site") == before
