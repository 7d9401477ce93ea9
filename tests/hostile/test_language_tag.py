"""A translation's language, from its file name (`<slug>.<language>.yaml`), becomes the
folder of its pages: it must be a well-formed BCP 47 tag, in lowercase, and neither a
Windows device name nor a name the site's own pages take. A bad one is reported at the
file, and the previous output stays as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .checksums import checksums, no_traceback


def _translate(site: Path, language: str) -> Path:
    target = site / f"frameworks/acme-engineering.{language}.yaml"
    shutil.copy(site / "frameworks/acme-engineering.yaml", target)
    return target


@pytest.mark.parametrize(
    ("language", "why"),
    [
        ("French", "is not a language tag"),  # capitals: `FR/` and `fr/` are one folder
        ("fr_fr", "is not a language tag"),
        ("f", "is not a language tag"),
        ("fr-", "is not a language tag"),
        ("abcdefghi", "is not a language tag"),  # a language subtag has 2 to 8 letters
        ("fr-fr-fr", "is not a language tag"),  # a variant has 5 to 8 characters
        ("fr-fr\n", "is not a language tag"),  # `$` would let the newline through
        ("", "is not a language tag"),  # acme-engineering..yaml
        ("fr.x", "is not a language tag"),
        ("con", "reserved device name"),
        ("nul", "reserved device name"),
        ("aux", "reserved device name"),
        ("prn", "reserved device name"),
        ("search", "the site's own /search/"),
        ("assets", "the site's own /assets/"),
        ("pagefind", "the site's own /pagefind/"),
    ],
)
def test_a_bad_language_tag_fails_the_build(cli, site: Path, language: str, why: str) -> None:
    assert cli("build", "--site", str(site)).code == 0
    before = checksums(site / "_site")
    _translate(site, language)

    result = cli("build", "--site", str(site))

    assert result.code == 1 and no_traceback(result.err)
    # The file name as printed (a newline in it is shown escaped), then the problem.
    assert f"frameworks/acme-engineering.{language.rstrip()}" in result.err
    assert ":1:1: error: file name 'acme-engineering." in result.err
    assert why in result.err
    assert checksums(site / "_site") == before


@pytest.mark.parametrize(
    "language", ["fr", "pt-br", "zh-hant", "zh-hant-tw", "es-419", "de-ch-1996", "sl-rozaj"]
)
def test_a_well_formed_tag_is_a_folder_of_the_site(cli, site: Path, language: str) -> None:
    _translate(site, language)
    result = cli("build", "--site", str(site))
    assert result.code == 0, result.err
    assert (site / f"_site/{language}/acme-engineering/index.html").is_file()


def test_validate_reports_the_tag_too(cli, site: Path) -> None:
    target = _translate(site, "con")
    result = cli("validate", "--site", str(site))
    assert result.code == 1 and no_traceback(result.err)
    assert f"{target}:1:1: error: file name 'acme-engineering.con.yaml': 'con'" in result.err
