"""A framework's own words (`terms:`) replace the theme's on its pages, in English and
French, while what the framework wrote (a level named "Level 3") is left as it is; and a
framework that names kinds of competency labels them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

FRAMEWORK = "acme-engineering"
TERMS = """terms:
  statements: Behaviours
  competencies: {singular: Skill, plural: Skills}
  levels: Grades
"""


@pytest.fixture
def built(cli, site: Path) -> Path:
    source = site / "frameworks" / f"{FRAMEWORK}.yaml"
    text = source.read_text(encoding="utf-8")
    text = text.replace("cumulative: true\n", "cumulative: true\n" + TERMS, 1)
    text = text.replace("name: Senior Engineer\n", "name: Level 3 Engineer\n", 1)
    text = text.replace("    category: craft\n", "    category: craft\n    kind: Skill\n", 1)
    source.write_text(text, encoding="utf-8")
    result = cli("build", "--site", str(site))
    assert result.code == 0, result.err
    return site / "_site" / FRAMEWORK


def _text(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def test_the_theme_speaks_the_framework_words(built: Path) -> None:
    levels = _text(built / "levels" / "index.html")
    assert "Grades" in levels and "Levels" not in levels
    competencies = (built / "competencies" / "index.html").read_text(encoding="utf-8")
    assert "<title>Skills — " in competencies
    level = _text(built / "levels" / "mid" / "index.html")
    assert "Behaviours" in level and "Expectations" not in level
    assert "the next grade" in level  # lowercase where the theme's word is


def test_what_the_framework_wrote_is_left_alone(built: Path) -> None:
    level = _text(built / "levels" / "senior" / "index.html")
    assert "Level 3 Engineer" in level


def test_pages_of_other_frameworks_keep_the_theme_words(built: Path) -> None:
    home = _text(built.parent / "index.html")
    assert "Grades" not in home


def test_a_lone_kind_is_not_a_label(built: Path) -> None:
    # Only one kind is named: nothing to tell apart, so no label.
    level = (built / "levels" / "mid" / "index.html").read_text(encoding="utf-8")
    assert '<span class="track-tag">Skill</span>' not in level


def test_site_terms_reach_every_page_and_a_framework_keeps_its_own(cli, site: Path) -> None:
    config = site / "ladderpress.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "terms:\n  levels: Stages\n  competencies: Skills\n",
        encoding="utf-8",
    )
    source = site / "frameworks" / f"{FRAMEWORK}.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace("cumulative: true\n", "cumulative: true\nterms:\n  levels: Grades\n", 1),
        encoding="utf-8",
    )
    assert cli("build", "--site", str(site)).code == 0
    levels = _text(site / "_site" / FRAMEWORK / "levels" / "index.html")
    assert "Grades" in levels and "Stages" not in levels  # the framework's own word wins
    competencies = (site / "_site" / FRAMEWORK / "competencies" / "index.html").read_text()
    assert "<title>Skills — " in competencies  # the site's word where the framework has none


def test_a_french_site_takes_french_terms(cli, site: Path) -> None:
    config = site / "ladderpress.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "language: fr\n", encoding="utf-8")
    source = site / "frameworks" / f"{FRAMEWORK}.yaml"
    text = source.read_text(encoding="utf-8")
    terms = "terms:\n  levels: {singular: Échelon, plural: Échelons}\n"
    source.write_text(text.replace("cumulative: true\n", "cumulative: true\n" + terms, 1))
    assert cli("build", "--site", str(site)).code == 0
    levels = _text(site / "_site" / FRAMEWORK / "levels" / "index.html")
    assert "Échelons" in levels and "Niveaux" not in levels
