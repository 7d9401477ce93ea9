"""Run the `run:` steps of a GitHub workflow or composite action here, as a runner would:
each step in `bash --noprofile --norc -eo pipefail`, its `env:` filled in from the
expressions' values, and the outputs it writes to $GITHUB_OUTPUT kept for later steps."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tests.support.paths import REPO

EXPRESSION = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")


def load_yaml(path: Path) -> Any:
    # PyYAML reads a bare `on:` key as True, as YAML 1.1 says; workflows mean the string.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(data, dict) and True in data:
        data["on"] = data.pop(True)
    return data


def read_outputs(path: Path) -> dict[str, str]:
    """`name=value` lines and `name<<DELIMITER` blocks, as the runner reads them."""
    outputs: dict[str, str] = {}
    lines = iter(path.read_text(encoding="utf-8").splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            block = []
            for inner in lines:
                if inner == delimiter:
                    break
                block.append(inner)
            else:
                raise AssertionError(f"{name}: no closing {delimiter}")
            outputs[name] = "\n".join(block)
        elif line:
            name, value = line.split("=", 1)
            outputs[name] = value
    return outputs


@dataclass
class StepResult:
    code: int
    stdout: str
    stderr: str
    outputs: dict[str, str]


@dataclass
class Runner:
    """Steps run in `workspace`; `context` gives the value of each expression by its text
    (`inputs.site`, `github.event_name`, ...); a step's outputs become
    `steps.<id>.outputs.<name>`. An expression nobody gave is an error, not an empty string."""

    workspace: Path
    temp: Path
    context: dict[str, str]
    action_path: Path = REPO
    results: dict[str, StepResult] = field(default_factory=dict)

    def value(self, text: str) -> str:
        def one(match: re.Match[str]) -> str:
            expression = match.group(1)
            step = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression)
            if step:
                result = self.results.get(step.group(1))
                return "" if result is None else result.outputs.get(step.group(2), "")
            if expression not in self.context:
                raise KeyError(f"no value for the expression {expression!r}")
            return self.context[expression]

        return EXPRESSION.sub(one, text)

    def run(self, step: dict[str, Any], number: int) -> StepResult:
        assert "run" in step, step
        assert EXPRESSION.search(step["run"]) is None, "expressions belong in env:, not run:"
        outputs = self.temp / f"output-{number}"
        outputs.write_text("")
        env = {
            # The tests' Python, with ladderpress installed, is the runner's `python`.
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
            "HOME": os.environ.get("HOME", str(self.temp)),
            "XDG_CACHE_HOME": os.environ.get("XDG_CACHE_HOME", str(self.temp)),
            "GITHUB_OUTPUT": str(outputs),
            "GITHUB_STEP_SUMMARY": str(self.temp / "summary.md"),
            "GITHUB_ACTION_PATH": str(self.action_path),
            "RUNNER_TEMP": str(self.temp),
        }
        env.update({name: self.value(str(text)) for name, text in step.get("env", {}).items()})
        script = self.temp / f"step-{number}.sh"
        script.write_text(step["run"], encoding="utf-8")
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=self.workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        result = StepResult(done.returncode, done.stdout, done.stderr, read_outputs(outputs))
        if "id" in step:
            self.results[step["id"]] = result
        return result


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()
