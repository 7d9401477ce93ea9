"""The release workflow: a tag that agrees with the version and the changelog is built,
tested as an installed wheel and published by trusted publishing; a dry run publishes a
development version to TestPyPI. Its checks run here as the runner runs them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from ladderpress import __version__
from tests.support.actions import Runner, load_yaml
from tests.support.paths import REPO

WORKFLOW = load_yaml(REPO / ".github/workflows/release.yml")
JOBS: dict[str, Any] = WORKFLOW["jobs"]


def _step(job: str, name: str) -> dict[str, Any]:
    [step] = [s for s in JOBS[job]["steps"] if str(s.get("name", "")).startswith(name)]
    return step


def test_a_version_tag_or_a_dry_run_starts_it() -> None:
    assert WORKFLOW["on"]["push"] == {"tags": ["v[0-9]+.[0-9]+.[0-9]+"]}
    index = WORKFLOW["on"]["workflow_dispatch"]["inputs"]["index"]
    assert index["options"] == ["testpypi", "none"] and index["default"] == "testpypi"
    assert WORKFLOW["permissions"] == {"contents": "read"}


@pytest.mark.parametrize(
    ("job", "environment", "index"),
    [("pypi", "pypi", None), ("testpypi", "testpypi", "https://test.pypi.org/legacy/")],
)
def test_publishing_is_trusted_and_waits_for_the_tests(
    job: str, environment: str, index: str | None
) -> None:
    spec = JOBS[job]
    assert spec["environment"]["name"] == environment
    assert spec["permissions"] == {"id-token": "write"}
    assert set(spec["needs"]) == {"build", "test"}
    [publish] = [s for s in spec["steps"] if "uses" in s and "pypi-publish" in s["uses"]]
    assert publish["uses"] == "pypa/gh-action-pypi-publish@release/v1"
    assert publish.get("with", {}).get("repository-url") == index
    # Only the publishing jobs may ask for an identity token.
    others = [name for name, j in JOBS.items() if name not in {"pypi", "testpypi"}]
    assert all("id-token" not in JOBS[name].get("permissions", {}) for name in others)


def test_the_tests_run_against_the_built_wheel() -> None:
    install = _step("test", "Install the wheel")["run"]
    assert 'pip install --disable-pip-version-check --quiet "$wheel[test,xlsx]"' in install
    scripts = "\n".join(s.get("run", "") for s in JOBS["test"]["steps"])
    assert not re.search(r"pip install[^\n]*(-e|\s\.)(\s|$)", scripts), "never the checkout"
    assert "--ignore=tests/browser" in _step("test", "Tests")["run"]
    assert "3.10" in JOBS["test"]["strategy"]["matrix"]["python-version"]


def _release_folder(tmp_path: Path, changelog: str) -> Path:
    folder = tmp_path / "checkout"
    (folder / "src/ladderpress").mkdir(parents=True)
    shutil.copy(REPO / "src/ladderpress/__init__.py", folder / "src/ladderpress/__init__.py")
    (folder / "CHANGELOG.md").write_text(changelog, encoding="utf-8")
    (tmp_path / "runner").mkdir()
    return folder


def _check_version(tmp_path: Path, changelog: str, **github: str) -> tuple[Runner, Any, Path]:
    folder = _release_folder(tmp_path, changelog)
    context = {
        "github.event_name": github.get("event", "push"),
        "github.ref_type": github.get("ref_type", "tag"),
        "github.ref_name": github.get("ref_name", f"v{__version__}"),
        "github.run_number": "17",
    }
    runner = Runner(folder, tmp_path / "runner", context)
    result = runner.run(_step("build", "Check the version"), 0)
    return runner, result, folder


CHANGELOG = f"# Changelog\n\n## [Unreleased]\n\n## [{__version__}] - 2027-01-04\n\n- Things.\n"


def test_a_tag_that_agrees_gives_the_version(tmp_path: Path) -> None:
    _, result, _ = _check_version(tmp_path, CHANGELOG)
    assert result.code == 0, result.stdout + result.stderr
    assert result.outputs["version"] == __version__


def test_a_tag_that_disagrees_with_the_version_is_refused(tmp_path: Path) -> None:
    _, result, _ = _check_version(tmp_path, CHANGELOG, ref_name="v99.0.0")
    assert result.code == 1
    assert f"the tag is v99.0.0 but __version__ is {__version__}" in result.stdout
    assert result.stdout.startswith("::error file=src/ladderpress/__init__.py::")


def test_a_tag_without_its_changelog_section_is_refused(tmp_path: Path) -> None:
    _, result, _ = _check_version(tmp_path, "# Changelog\n\n## [Unreleased]\n\n- Things.\n")
    assert result.code == 1
    assert f"no '## [{__version__}]' section" in result.stdout


def test_a_dry_run_builds_a_new_development_version(tmp_path: Path) -> None:
    _, result, folder = _check_version(
        tmp_path, "# Changelog\n", event="workflow_dispatch", ref_type="branch", ref_name="main"
    )
    assert result.code == 0, result.stdout + result.stderr
    assert result.outputs["version"] == f"{__version__}.dev17"
    init = (folder / "src/ladderpress/__init__.py").read_text(encoding="utf-8")
    assert f'__version__ = "{__version__}.dev17"' in init


def test_the_release_notes_are_the_versions_changelog_section(tmp_path: Path) -> None:
    changelog = (
        "# Changelog\n\n## [Unreleased]\n\n- Next.\n\n"
        "## [1.2.0] - 2027-02-01\n\n### Added\n\n- Sarif output.\n\n"
        "## [1.1.0] - 2027-01-01\n\n- Older.\n\n"
        "[1.2.0]: https://example.org/compare/v1.1.0...v1.2.0\n"
    )
    folder = _release_folder(tmp_path, changelog)
    runner = Runner(folder, tmp_path / "runner", {"needs.build.outputs.version": "1.2.0"})
    result = runner.run(_step("github-release", "Release notes"), 0)
    assert result.code == 0, result.stderr
    notes = (tmp_path / "runner/notes.md").read_text(encoding="utf-8")
    assert notes.strip() == "### Added\n\n- Sarif output."


def test_the_changelog_keeps_its_format() -> None:
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n")
    assert "\n## [Unreleased]\n" in text
    headings = re.findall(r"^## \[([^\]]+)\]", text, re.MULTILINE)
    for heading in headings:
        assert re.search(rf"^\[{re.escape(heading)}\]: https://", text, re.MULTILINE), heading
    for version in headings[1:]:
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), version
