"""Framework translations and the theme's message catalogues."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

FR_TEXT = {
    "Engineering ladder": "Échelle d'ingénierie",
    "Junior Engineer": "Ingénieur·e débutant·e",
    "Writes unit tests for the code they change.": "Écrit des tests unitaires.",
}


def add_french(site: Path, mutate=None) -> Path:
    source = site / "frameworks/acme-engineering.yaml"
    text = source.read_text(encoding="utf-8")
    for english, french in FR_TEXT.items():
        text = text.replace(english, french)
    if mutate:
        text = mutate(text)
    target = site / "frameworks/acme-engineering.fr.yaml"
    target.write_text(text, encoding="utf-8")
    return target


def test_translation_is_built_under_its_language_with_alternates(cli, site: Path) -> None:
    add_french(site)
    result = cli("build", "--site", str(site))
    assert result.code == 0, result.err
    out = site / "_site"
    french = (out / "fr/acme-engineering/levels/junior/index.html").read_text(encoding="utf-8")
    english = (out / "acme-engineering/levels/junior/index.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in french and '<html lang="en">' in english
    assert "Écrit des tests unitaires." in french and "Ingénieur·e débutant·e" in french
    assert (
        '<link rel="alternate" hreflang="fr" href="../../../fr/acme-engineering/levels/junior/">'
        in english
    )
    assert (
        '<link rel="alternate" hreflang="en" href="../../../../acme-engineering/levels/junior/">'
        in french
    )
    # the theme's own words come from the French catalogue
    assert re.search(r'class="skip-link" href="#main">[^<]*contenu', french)
    sa = (out / "fr/acme-engineering/self-assessment/index.html").read_text(encoding="utf-8")
    assert "<title>Auto-évaluation — Acme Test Co Échelle d&#39;ingénierie · " in sa
    # translations do not appear as separate entries of the directory
    index = yaml.safe_load((out / "frameworks.json").read_text())
    assert [f["slug"] for f in index["frameworks"]] == ["acme-engineering"]
    assert (out / "fr/acme-engineering.json").is_file()


def test_translation_must_keep_every_id(cli, site: Path) -> None:
    add_french(site, lambda text: text.replace("id: mentoring", "id: mentorat"))
    result = cli("validate", "--site", str(site))
    assert result.code == 1
    assert "acme-engineering.fr.yaml:1:1: error: competencies differ from" in result.err
    assert "missing mentoring" in result.err and "not in the original: mentorat" in result.err


def test_translation_without_original(cli, site: Path) -> None:
    add_french(site)
    (site / "frameworks/acme-engineering.yaml").rename(site / "frameworks/other.yaml")
    result = cli("validate", "--site", str(site))
    assert (
        result.code == 1 and "translation of 'acme-engineering', which does not exist" in result.err
    )


def test_bad_language_suffix(cli, site: Path) -> None:
    target = add_french(site)
    target.rename(site / "frameworks/acme-engineering.French.yaml")
    result = cli("validate", "--site", str(site))
    assert result.code == 1 and "is not a language tag" in result.err


def test_site_language_selects_the_catalogue(cli, site: Path) -> None:
    (site / "ladderpress.yaml").write_text("title: Échelles\nlanguage: fr\n")
    assert cli("build", "--site", str(site)).code == 0
    home = (site / "_site/index.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in home and "Skip to content" not in home


def test_a_site_theme_can_add_a_language(cli, site: Path) -> None:
    messages = site / "theme/messages"
    messages.mkdir(parents=True)
    (messages / "de.yaml").write_text('"Skip to content": "Zum Inhalt springen"\n')
    (site / "ladderpress.yaml").write_text("language: de\n")
    assert cli("build", "--site", str(site)).code == 0
    home = (site / "_site/index.html").read_text(encoding="utf-8")
    assert "Zum Inhalt springen" in home
    assert "Compare" in home  # untranslated messages fall back to English
