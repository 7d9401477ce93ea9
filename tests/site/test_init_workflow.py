"""The workflow that `init` writes: it runs this repository's action, pinned to the release
that wrote it, with inputs the action has; a first push passes before Pages is turned on."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path
from typing import Any

import pytest

from ladderpress import __version__
from ladderpress.app.scaffold import ACTION_REPOSITORY, action_ref, init_site, workflow_text
from tests.support.actions import EXPRESSION, Runner, load_yaml
from tests.support.paths import REPO

ACTION = load_yaml(REPO / "action.yml")


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _ladderpress_step(workflow: dict[str, Any], repository: str) -> dict[str, Any]:
    [step] = [s for s in _steps(workflow) if str(s.get("uses", "")).split("@")[0] == repository]
    return step


def test_init_pins_the_action_to_the_release_that_wrote_it(tmp_path: Path) -> None:
    init_site(tmp_path, title="Ladders")
    text = (tmp_path / ".github/workflows/pages.yml").read_text(encoding="utf-8")
    assert "LADDERPRESS_" not in text, "every part of the skeleton is filled in"
    step = _ladderpress_step(load_yaml(tmp_path / ".github/workflows/pages.yml"), ACTION_REPOSITORY)
    assert step["uses"] == f"{ACTION_REPOSITORY}@v{__version__}"
    assert set(step["with"]) <= set(ACTION["inputs"]), "inputs the action does not have"
    assert f"ladderpress {__version__} wrote this workflow" in text
    assert "To upgrade, put a newer version after the @" in text
    assert (tmp_path / ".github/dependabot.yml").is_file()


def test_the_action_repository_is_the_projects_source() -> None:
    urls = importlib.metadata.metadata("ladderpress").get_all("Project-URL") or []
    assert f"Source, https://github.com/{ACTION_REPOSITORY}" in urls


@pytest.mark.parametrize(
    ("version", "ref"),
    [("1.4.2", "v1.4.2"), ("1.5.0.dev3", "main"), ("2.0.0rc1", "main"), ("1.0.0+local", "main")],
)
def test_a_development_version_follows_main(version: str, ref: str) -> None:
    assert action_ref(version) == f"{ACTION_REPOSITORY}@{ref}"
    text = workflow_text(version)
    assert f"uses: {ACTION_REPOSITORY}@{ref}\n" in text
    assert version in text


def test_every_expression_names_an_output_that_exists(tmp_path: Path) -> None:
    init_site(tmp_path, title="Ladders")
    workflow = load_yaml(tmp_path / ".github/workflows/pages.yml")
    ids = {step.get("id"): step for step in _steps(workflow)}
    text = (tmp_path / ".github/workflows/pages.yml").read_text(encoding="utf-8")
    for expression in EXPRESSION.findall(text):
        for step_id, output in _step_outputs(expression):
            assert step_id in ids, expression
            if ids[step_id].get("uses", "").startswith(ACTION_REPOSITORY):
                assert output in ACTION["outputs"], expression


def _step_outputs(expression: str) -> list[tuple[str, str]]:
    return re.findall(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression)


def test_existing_dependabot_settings_are_kept_even_with_force(tmp_path: Path) -> None:
    own = tmp_path / ".github/dependabot.yml"
    own.parent.mkdir(parents=True)
    own.write_text("version: 2\nupdates: []\n")
    created = init_site(tmp_path, title="Ladders", force=True)
    assert own.read_text() == "version: 2\nupdates: []\n"
    assert own not in created


@pytest.mark.parametrize(
    ("outcome", "publish", "warned"),
    [("success", "true", False), ("failure", None, True), ("skipped", None, False)],
)
def test_publishing_waits_for_pages_to_be_turned_on(
    tmp_path: Path, outcome: str, publish: str | None, warned: bool
) -> None:
    """configure-pages fails (and continues) while Pages is off: the run warns, passes, and
    publishes nothing; on a pull request it is skipped and nothing is said."""
    init_site(tmp_path / "site", title="Ladders")
    workflow = load_yaml(tmp_path / "site/.github/workflows/pages.yml")
    [pages] = [s for s in _steps(workflow) if s.get("id") == "pages"]
    assert pages["continue-on-error"] is True
    [decide] = [s for s in _steps(workflow) if s.get("id") == "publish"]
    temp = tmp_path / "runner"
    temp.mkdir()
    runner = Runner(tmp_path / "site", temp, {"steps.pages.outcome": outcome})
    result = runner.run(decide, 0)
    assert result.code == 0
    assert result.outputs.get("publish") == publish
    assert ("::warning title=GitHub Pages is off::" in result.stdout) is warned
    deploy = workflow["jobs"]["deploy"]
    assert deploy["if"] == "needs.build.outputs.publish == 'true'"
    assert workflow["jobs"]["build"]["outputs"]["publish"] == "${{ steps.publish.outputs.publish }}"


def test_this_repositorys_workflows_use_the_action_from_the_checkout() -> None:
    for name in ("ci.yml", "pages.yml"):
        workflow = load_yaml(REPO / ".github/workflows" / name)
        [step] = [s for s in _steps(workflow) if s.get("uses") == "./"]
        assert set(step.get("with", {})) <= set(ACTION["inputs"]), name


def test_pull_requests_are_checked_and_only_the_default_branch_publishes(tmp_path: Path) -> None:
    init_site(tmp_path, title="Ladders")
    workflow = load_yaml(tmp_path / ".github/workflows/pages.yml")
    assert workflow["on"]["push"]["branches"] == ["main", "master"]
    assert "pull_request" in workflow["on"]
    [pages] = [s for s in _steps(workflow) if s.get("id") == "pages"]
    assert "github.ref_name == github.event.repository.default_branch" in pages["if"]
    assert "github.event_name != 'pull_request'" in pages["if"]
    # Only the deploy job may write to Pages or ask for an identity token.
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
