"""The table of inputs (incremental/changes.py): each kind found where the site keeps it,
and only framework edits taken at once by serve."""

from __future__ import annotations

from pathlib import Path

from ladderpress.check.config import load_config
from ladderpress.core.resources import default_theme_dir
from ladderpress.incremental.changes import INPUTS, input_paths, kind_of, takes_at_once


def test_each_file_of_a_site_has_its_kind(site: Path) -> None:
    config = load_config(site)
    assert kind_of(site / "frameworks/acme-engineering.yaml", config).name == "framework"
    assert kind_of(site / "theme/templates/level.html", config).name == "site theme"
    assert kind_of(site / "static/CNAME", config).name == "static file"
    assert kind_of(site / "ladderpress.yaml", config).name == "site configuration"
    assert kind_of(default_theme_dir() / "templates/level.html", config) is not None
    assert kind_of(site / "README.md", config) is None


def test_serve_watches_what_authors_edit_and_the_build_checks_everything(site: Path) -> None:
    config = load_config(site)
    authored = input_paths(config, authored_only=True)
    assert authored == [
        site / "frameworks",
        site / "theme",
        site / "static",
        site / "ladderpress.yaml",
    ]
    everything = input_paths(config)
    assert everything[: len(authored)] == authored
    assert default_theme_dir() in everything and len(everything) > len(authored)


def test_only_framework_edits_are_taken_at_once(site: Path) -> None:
    config = load_config(site)
    framework = site / "frameworks/acme-engineering.yaml"
    assert takes_at_once([framework], config)
    assert not takes_at_once([framework, site / "theme/templates/level.html"], config)
    assert not takes_at_once([site / "ladderpress.yaml"], config)
    assert not takes_at_once([], config)
    assert [kind.name for kind in INPUTS if kind.at_once] == ["framework"]
