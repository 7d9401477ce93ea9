"""What pip is told: one version, search with every install where Pagefind publishes a binary
(the same platforms the build's note knows), the search extra as an alias, and the
pre-commit hooks this repository runs agreeing with the one it publishes."""

from __future__ import annotations

import importlib.metadata
import re
from itertools import product

import pytest
import yaml
from packaging.requirements import Requirement

from ladderpress import __version__
from ladderpress.render import search
from tests.support.paths import REPO

PYPROJECT = (REPO / "pyproject.toml").read_text(encoding="utf-8")


def _project_table() -> str:
    start = PYPROJECT.index("[project]\n")
    following = PYPROJECT.find("\n[", start + 1)
    return PYPROJECT[start:following]


def test_the_version_is_kept_in_one_place() -> None:
    assert 'dynamic = ["version"]' in _project_table()
    assert not re.search(r"^version\s*=", _project_table(), re.MULTILINE)
    assert '[tool.hatch.version]\npath = "src/ladderpress/__init__.py"' in PYPROJECT
    assert importlib.metadata.version("ladderpress") == __version__
    init = (REPO / "src/ladderpress/__init__.py").read_text(encoding="utf-8")
    # The release workflow reads and rewrites this exact line.
    assert re.search(rf'^__version__ = "{re.escape(__version__)}"$', init, re.MULTILINE)


def _pagefind_requirements() -> dict[str, Requirement]:
    """The Pagefind binary's requirement, as a dependency and as the search extra."""
    found = {}
    for text in importlib.metadata.requires("ladderpress") or []:
        requirement = Requirement(text)
        if requirement.name == "pagefind" and "bin" in requirement.extras:
            extra = "search" if "extra ==" in str(requirement.marker) else "dependency"
            found[extra] = requirement
    return found


def test_pagefind_is_a_dependency_and_the_search_extra_an_alias() -> None:
    requirements = _pagefind_requirements()
    assert set(requirements) == {"dependency", "search"}
    dependency, extra = requirements["dependency"], requirements["search"]
    assert dependency.specifier == extra.specifier
    # The wrapper is pure Python, so it installs everywhere: a binary of one's own then works.
    wrapper = [
        r for r in importlib.metadata.requires("ladderpress") or [] if r.startswith("pagefind")
    ]
    assert "pagefind>=1.2" in wrapper
    for system, machine in product(("linux", "darwin", "win32", "freebsd14"), MACHINES):
        environment = {
            "sys_platform": system,
            "platform_machine": machine,
            "platform_release": "23.1.0",
        }
        assert extra.marker is not None and dependency.marker is not None
        assert extra.marker.evaluate({**environment, "extra": "search"}) == (
            dependency.marker.evaluate(environment)
        ), (system, machine)


MACHINES = ("x86_64", "aarch64", "arm64", "AMD64", "ARM64", "i686", "armv7l", "riscv64", "")


@pytest.mark.parametrize("release", ["20.6.0", "21.0.0", "23.4.0", "24.1.0"])
def test_the_marker_and_the_builds_note_know_the_same_platforms(release: str) -> None:
    marker = _pagefind_requirements()["dependency"].marker
    assert marker is not None
    for system, machine in product(("linux", "darwin", "win32", "freebsd14", "cygwin"), MACHINES):
        environment = {
            "sys_platform": system,
            "platform_machine": machine,
            "platform_release": release,
        }
        assert marker.evaluate(environment) == search.binary_published(system, machine, release), (
            system,
            machine,
            release,
        )


def test_the_project_says_where_it_lives() -> None:
    urls = dict(
        entry.split(", ", 1)
        for entry in importlib.metadata.metadata("ladderpress").get_all("Project-URL") or []
    )
    assert urls["Source"] == "https://github.com/ladderpress/ladderpress"
    assert urls["Changelog"].endswith("/CHANGELOG.md")


def test_the_sdist_carries_the_changelog() -> None:
    section = PYPROJECT[PYPROJECT.index("[tool.hatch.build.targets.sdist]") :]
    assert '"CHANGELOG.md"' in section.split("\n\n", 1)[0]


def test_this_repositorys_validate_hook_matches_the_published_one() -> None:
    [published] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    own = hooks[published["id"]]
    assert own["files"] == published["files"]
    assert own["entry"].split()[-2:] == [*published["entry"].split()[-1:], "--strict"]
    # ./dev lint is the one definition of clean: the lint hook runs it, not tools of its own.
    assert hooks["dev-lint"]["entry"] == "./dev lint"
    assert all(repo["repo"] == "local" for repo in config["repos"])


def test_the_note_reads_the_platform_as_pip_does() -> None:
    from packaging.markers import default_environment

    pip = default_environment()
    assert search.running_platform() == (
        pip["sys_platform"],
        pip["platform_machine"],
        pip["platform_release"],
    )
