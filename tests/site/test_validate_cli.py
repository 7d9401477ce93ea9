from __future__ import annotations

import json
from pathlib import Path

from tests.support.paths import FIXTURES, REPO

INVALID = FIXTURES / "invalid"


def test_bundled_frameworks_are_valid_without_warnings(cli) -> None:
    result = cli("validate", "--strict", str(REPO / "frameworks"))
    assert result.code == 0, result.err
    assert "no problems" in result.err


def test_valid_fixture_site(cli) -> None:
    result = cli("validate", "--site", str(FIXTURES / "site"))
    assert result.code == 0, result.err


def test_problems_of_all_files_are_reported_sorted(cli) -> None:
    result = cli("validate", str(INVALID / "wrong-type.yaml"), str(INVALID / "bad-url.yaml"))
    lines = [line for line in result.err.splitlines() if ": error: " in line]
    assert len(lines) == 2
    assert lines == sorted(lines)
    assert "2 files checked: 2 error(s)" in result.err


def test_json_format(cli) -> None:
    result = cli("validate", "--format", "json", str(INVALID / "unknown-property.yaml"))
    assert result.code == 1
    records = json.loads(result.out)
    assert {r["rule"] for r in records} == {"schema-required", "schema-unknown-property"}
    unknown = next(r for r in records if r["rule"] == "schema-unknown-property")
    assert (unknown["line"], unknown["col"], unknown["severity"]) == (16, 5, "error")
    assert "did you mean 'name'" in unknown["message"]


def test_github_format_prints_workflow_annotations(cli) -> None:
    result = cli("validate", "--format", "github", str(INVALID / "bad-url.yaml"))
    assert result.code == 1
    [line] = [x for x in result.out.splitlines() if x.startswith("::")]
    assert line.startswith("::error file=")
    assert ",line=6,col=8," in line
    assert "bad-url.yaml" in line


def test_warnings_alone_exit_zero_unless_strict(cli) -> None:
    lint = str(INVALID / "lint-warnings.yaml")
    assert cli("validate", lint).code == 0
    assert cli("validate", "--strict", lint).code == 1
    quiet = cli("validate", "--errors-only", lint)
    assert ": warning: " not in quiet.err


def test_missing_path_is_an_error(cli, tmp_path: Path) -> None:
    result = cli("validate", str(tmp_path / "nope.yaml"))
    assert result.code == 1
    assert "no such file" in result.err


def test_bad_file_names_are_reported(cli, tmp_path: Path) -> None:
    good = (FIXTURES / "site" / "frameworks" / "acme-engineering.yaml").read_text()
    (tmp_path / "Bad Name.yaml").write_text(good)
    (tmp_path / "compare.yaml").write_text(good)
    result = cli("validate", str(tmp_path))
    assert result.code == 1
    assert "cannot be a framework slug" in result.err
    assert "'compare' is reserved" in result.err


def test_slug_collision_between_yaml_and_yml(cli, tmp_path: Path) -> None:
    good = (FIXTURES / "site" / "frameworks" / "acme-engineering.yaml").read_text()
    (tmp_path / "acme.yaml").write_text(good)
    (tmp_path / "acme.yml").write_text(good)
    result = cli("validate", str(tmp_path))
    assert result.code == 1
    assert "slug-collision" in result.err


def test_usage_errors_exit_2(cli) -> None:
    assert cli("validate", "--format", "xml").code == 2
    assert cli().code == 2
    assert cli("no-such-command").code == 2


def test_version_and_help(cli) -> None:
    assert cli("--version").code == 0
    for command in ("validate", "build", "serve"):
        result = cli(command, "--help")
        assert result.code == 0
        assert "usage: ladderpress " + command in result.out


def test_invalid_site_config_is_reported_with_position(cli, site: Path) -> None:
    (site / "ladderpress.yaml").write_text("title: ok\nbase_url: not a url\ncolour: blue\n")
    result = cli("build", "--site", str(site))
    assert result.code == 1
    assert "ladderpress.yaml:2:11: error:" in result.err
    assert "ladderpress.yaml:3:1: error: unknown property 'colour'" in result.err


def test_readme_example_framework_is_valid(cli, tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    example = readme.split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "example.yaml").write_text(example, encoding="utf-8")
    result = cli("validate", "--strict", str(tmp_path / "example.yaml"))
    assert result.code == 0, result.err


def _properties(node: object, where: str = ""):
    if isinstance(node, dict):
        for name, child in node.get("properties", {}).items():
            yield f"{where}.{name}", child
        for key, child in node.items():
            yield from _properties(child, f"{where}/{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _properties(child, f"{where}[{index}]")


def test_every_schema_property_has_title_and_description() -> None:
    for name in ("framework.schema.json", "config.schema.json"):
        schema = json.loads((REPO / "schema" / name).read_text(encoding="utf-8"))
        assert schema["$id"].endswith(name) and schema["title"] and schema["description"]
        for where, prop in _properties(schema):
            assert prop.get("title") and prop.get("description"), f"{name}{where}"
