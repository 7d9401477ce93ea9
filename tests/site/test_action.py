"""The GitHub Action (action.yml): its inputs and outputs are declared, documented and used,
and its scripts, run here as a runner runs them on a site that `init` made, validate with
annotations (all files, or a pull request's changed ones) and build the site."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ladderpress.app.scaffold import init_site
from tests.support.actions import EXPRESSION, Runner, git, load_yaml
from tests.support.paths import REPO

ACTION = load_yaml(REPO / "action.yml")
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
INSTALL = "Install ladderpress"


def _expressions(data: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(data, dict):
        for value in data.values():
            found |= _expressions(value)
    elif isinstance(data, list):
        for value in data:
            found |= _expressions(value)
    elif isinstance(data, str):
        found |= set(EXPRESSION.findall(data))
    return found


def test_action_is_composite_and_every_input_is_documented_and_used() -> None:
    assert ACTION["runs"]["using"] == "composite"
    used = {
        name
        for expression in _expressions(ACTION["runs"])
        for name in re.findall(r"\binputs\.([\w-]+)", expression)
    }
    declared = set(ACTION["inputs"])
    assert used == declared, "declared inputs and the inputs the steps read differ"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name, spec in ACTION["inputs"].items():
        assert spec["description"].strip(), name
        assert "default" in spec and spec.get("required") is False, name
        assert f"| `{name}` | " in readme, f"README's table of the action's inputs lacks {name}"
    ids = {step.get("id") for step in STEPS}
    for name, spec in ACTION["outputs"].items():
        assert spec["description"].strip(), name
        [expression] = EXPRESSION.findall(spec["value"])
        step = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression)
        assert step and step.group(1) in ids, spec["value"]
        assert f"`{name}`" in readme, f"README does not name the output {name}"


def test_the_action_installs_its_own_checkout() -> None:
    [install] = [step for step in STEPS if step.get("name") == INSTALL]
    assert (
        'pip install --disable-pip-version-check --quiet "$GITHUB_ACTION_PATH"' in (install["run"])
    )
    assert "github.action_path" not in str(STEPS), "scripts read GITHUB_ACTION_PATH instead"


def run_action(workspace: Path, temp: Path, event: str, **given: str) -> Runner:
    """Every run step of the action but the install (the tests' ladderpress stands in)."""
    inputs = {name: str(spec["default"]) for name, spec in ACTION["inputs"].items()}
    unknown = set(given) - set(inputs) - {"base-sha"}
    assert not unknown, f"the action has no inputs {unknown}"
    inputs.update({k: v for k, v in given.items() if k != "base-sha"})
    context = {f"inputs.{name}": value for name, value in inputs.items()}
    context["github.event.pull_request.base.sha"] = given.get("base-sha", "")
    context["github.event_name"] = event
    runner = Runner(workspace, temp, context)
    for number, step in enumerate(STEPS):
        if "uses" in step or step.get("name") == INSTALL:
            continue
        if runner.run(step, number).code != 0:
            break
    return runner


def new_repository(root: Path, site: str) -> Path:
    root.mkdir()
    git(root, "init", "--quiet", "--initial-branch=main")
    init_site(root / site if site != "." else root, title="Ladders")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--message", "Start")
    return root


def test_a_push_validates_everything_and_builds(tmp_path: Path) -> None:
    workspace = new_repository(tmp_path / "repo", ".")
    temp = tmp_path / "runner"
    temp.mkdir()
    runner = run_action(workspace, temp, "push", **{"base-url": "https://example.org/ladders"})
    validate, build = runner.results["select"], runner.results["build"]
    assert validate.outputs["scope"] == "all"
    assert build.code == 0, build.stderr
    assert build.outputs["site-path"] == "_site"
    assert (workspace / "_site/example-engineering/index.html").is_file()
    sitemap = (workspace / "_site/sitemap.xml").read_text()
    assert "https://example.org/ladders/example-engineering/" in sitemap
    assert "Built " in (temp / "summary.md").read_text(), "the build's summary is the job's"


def _pull_request(tmp_path: Path, change: dict[str, str]) -> tuple[Path, Path, str]:
    workspace = new_repository(tmp_path / "repo", "ladders")
    base = git(workspace, "rev-parse", "HEAD")
    git(workspace, "switch", "--quiet", "--create", "topic")
    for path, text in change.items():
        (workspace / path).write_text(text, encoding="utf-8")
    git(workspace, "add", "--all")
    git(workspace, "commit", "--quiet", "--message", "Change")
    temp = tmp_path / "runner"
    temp.mkdir()
    return workspace, temp, base


def test_a_pull_request_annotates_only_the_frameworks_it_changes(tmp_path: Path) -> None:
    starter = REPO / "tests/fixtures/site/frameworks/acme-engineering.yaml"
    broken = starter.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel:", 1)
    assert broken != starter.read_text(encoding="utf-8")
    workspace, temp, base = _pull_request(
        tmp_path,
        {
            "ladders/frameworks/new-team.yaml": broken,
            # Not a framework: the pull request's other files are not validated.
            "ladders/notes.yaml": "just: notes\n",
        },
    )
    runner = run_action(
        workspace,
        temp,
        "pull_request",
        site="ladders",
        **{"changed-only": "true", "base-sha": base},
    )
    select, validate = runner.results["select"], runner.results["validate"]
    assert select.outputs["scope"] == "changed"
    assert select.outputs["changed-files"] == "ladders/frameworks/new-team.yaml"
    assert validate.code == 1
    annotations = [line for line in validate.stdout.splitlines() if line.startswith("::")]
    assert annotations, "the broken framework is reported"
    for line in annotations:  # paths from the workspace, as GitHub places annotations
        assert line.startswith("::error file=ladders/frameworks/new-team.yaml,line="), line
    assert "titel" in validate.stdout
    assert "build" not in runner.results, "a failed validation stops the action"


def test_a_pull_request_without_framework_changes_still_builds(tmp_path: Path) -> None:
    workspace, temp, base = _pull_request(
        tmp_path, {"ladders/ladderpress.yaml": "title: Renamed ladders\n"}
    )
    runner = run_action(
        workspace,
        temp,
        "pull_request",
        site="ladders",
        output="public",
        **{"changed-only": "true", "base-sha": base},
    )
    assert runner.results["select"].outputs["changed-files"] == ""
    assert "changes no framework file" in runner.results["validate"].stdout
    build = runner.results["build"]
    assert build.code == 0, build.stderr
    assert build.outputs["site-path"] == "public"
    assert "Renamed ladders" in (workspace / "public/index.html").read_text()


def test_changed_only_off_validates_every_framework(tmp_path: Path) -> None:
    workspace, temp, base = _pull_request(
        tmp_path, {"ladders/frameworks/example-engineering.yaml": "title: [\n"}
    )
    runner = run_action(
        workspace, temp, "pull_request", site="ladders", build="false", **{"base-sha": base}
    )
    assert runner.results["select"].outputs["scope"] == "all"
    validate = runner.results["validate"]
    assert validate.code == 1
    assert "::error file=ladders/frameworks/example-engineering.yaml," in validate.stdout


def test_a_broken_site_config_is_reported_at_its_line(tmp_path: Path) -> None:
    workspace, temp, _ = _pull_request(tmp_path, {"ladders/ladderpress.yaml": "title: [\n"})
    runner = run_action(workspace, temp, "push", site="ladders")
    assert runner.results["site"].code == 0, "the folders step leaves the report to ladderpress"
    validate = runner.results["validate"]
    assert validate.code == 1
    assert "::error file=ladders/ladderpress.yaml,line=" in validate.stdout
    assert "Traceback" not in validate.stderr + runner.results["site"].stderr


def test_strict_fails_on_warnings(tmp_path: Path) -> None:
    # Warnings only (its `# expect:` lines say which): valid, but not strictly.
    warned = (REPO / "tests/fixtures/invalid/lint-warnings.yaml").read_text(encoding="utf-8")
    workspace, temp, _ = _pull_request(tmp_path, {"ladders/frameworks/warned.yaml": warned})
    relaxed = run_action(workspace, temp, "push", site="ladders", build="false")
    assert relaxed.results["validate"].code == 0
    assert "::warning file=ladders/frameworks/warned.yaml," in relaxed.results["validate"].stdout
    strict = run_action(workspace, temp, "push", site="ladders", build="false", strict="true")
    assert strict.results["validate"].code == 1
