"""`validate --format sarif`: a SARIF 2.1.0 log that GitHub code scanning accepts, checked
against the OASIS schema (tests/fixtures/sarif/README.md says where it comes from)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from ladderpress.core.problems import error, warning
from ladderpress.core.reporters import REPORTERS, format_sarif
from ladderpress.core.rules import LINT_RULES
from tests.support.ladders import line_of, write_ladder
from tests.support.paths import FIXTURES

SCHEMA = json.loads((FIXTURES / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _valid(log: dict[str, object]) -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(log)


def test_a_log_of_errors_and_warnings_follows_the_schema(tmp_path: Path) -> None:
    problems = [
        error(str(tmp_path / "frameworks" / "a b.yaml"), 3, 5, "unknown property 'x'", "schema"),
        warning(str(tmp_path / "frameworks" / "a b.yaml"), 9, 11, "has 80 words", "long-statement"),
        warning("/elsewhere/c.yaml", 1, 1, "repeats", "duplicate-statement"),
    ]
    log = json.loads(format_sarif(problems, root=tmp_path))
    _valid(log)
    [run] = log["runs"]
    assert log["version"] == "2.1.0"
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert set(rules) == {"schema", "long-statement", "duplicate-statement"}
    lint = LINT_RULES["long-statement"]
    assert rules["long-statement"]["shortDescription"]["text"] == lint.why
    assert rules["long-statement"]["help"]["text"].lower().startswith(lint.hint[:20].lower())
    first, second, third = run["results"]
    assert (first["level"], second["level"]) == ("error", "warning")
    assert run["tool"]["driver"]["rules"][second["ruleIndex"]]["id"] == "long-statement"
    where = second["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"] == "frameworks/a%20b.yaml"
    assert where["region"] == {"startLine": 9, "startColumn": 11}
    # Outside the checkout, only an absolute address names the file.
    outside = third["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert outside == "file:///elsewhere/c.yaml"


def test_a_log_with_no_problems_is_valid() -> None:
    log = json.loads(REPORTERS["sarif"]([])[0])
    _valid(log)
    assert log["runs"][0]["results"] == []
    # The schema is strict enough to catch a malformed log.
    log["runs"][0]["results"] = [{"ruleId": "x", "level": "loud"}]
    with pytest.raises(jsonschema.ValidationError):
        _valid(log)


def test_validate_writes_sarif_with_paths_from_the_repository_root(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    ladder = write_ladder(
        tmp_path / "ladders" / "frameworks",
        {
            "one": ["- Ships small changes with tests."],
            "two": ["- Has 5+ years of experience shipping services."],
            "three": ["- Sets the technical direction of several teams."],
        },
    )
    # Run from inside the site folder: the report still names files from the root.
    monkeypatch.chdir(tmp_path / "ladders")
    result = cli("validate", "--format", "sarif")
    assert result.code == 0, result.err
    log = json.loads(result.out)
    _valid(log)
    [found] = log["runs"][0]["results"]
    assert found["ruleId"] == "experience-requirement"
    location = found["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "ladders/frameworks/review.yaml"
    assert location["region"]["startLine"] == line_of(ladder, "5+ years")
    [rule] = log["runs"][0]["tool"]["driver"]["rules"]
    assert rule["shortDescription"]["text"] == LINT_RULES["experience-requirement"].why
    assert cli("validate", "--format", "sarif", "--strict").code == 1
