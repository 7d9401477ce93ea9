"""The reviewer lints as a contributor meets them: annotations on a pull request, ignore
comments, the site's `lints:` settings and `--strict`."""

from __future__ import annotations

import json
from pathlib import Path

from ladderpress.core.rules import LINT_RULES
from tests.support.ladders import line_of, write_ladder
from tests.support.paths import REPO

EXPERIENCE = "- Has 5+ years of experience shipping services."
ROCKSTAR = "- Is the team's rockstar for incidents."
PLAIN = {
    "one": ["- Ships small changes with tests."],
    "two": ["- Designs a service with its neighbours in mind."],
    "three": ["- Sets the technical direction of several teams."],
}


def test_a_pull_request_adding_years_and_rockstar_gets_annotated_lines_with_fix_hints(
    cli, tmp_path: Path
) -> None:
    ladder = write_ladder(tmp_path / "frameworks", {**PLAIN, "two": [EXPERIENCE, ROCKSTAR]})
    result = cli("validate", "--format", "github", "--site", str(tmp_path))
    assert result.code == 0, result.err  # warnings annotate; they fail only --strict
    annotations = [line for line in result.out.splitlines() if line.startswith("::")]
    experience_line, rockstar_line = line_of(ladder, "5+ years"), line_of(ladder, "rockstar")
    hint = {rule: LINT_RULES[rule].hint for rule in ("experience-requirement", "gender-coded")}
    experience = [a for a in annotations if "experience-requirement" in a]
    rockstar = [a for a in annotations if "gender-coded" in a]
    assert len(experience) == 1 and len(rockstar) == 1, annotations
    assert experience[0].startswith("::warning file=")
    assert f",line={experience_line},col=11," in experience[0]
    assert "'5+ years of experience'" in experience[0]
    assert experience[0].endswith(hint["experience-requirement"])
    assert f",line={rockstar_line},col=11," in rockstar[0]
    assert "'rockstar' is a job-ad cliché, try 'expert' or 'specialist'" in rockstar[0]
    assert hint["gender-coded"] in rockstar[0]
    assert "review.yaml" in experience[0] and "review.yaml" in rockstar[0]
    assert cli("validate", "--strict", "--format", "github", "--site", str(tmp_path)).code == 1


def test_an_ignore_comment_silences_one_rule_on_its_line_or_the_next(cli, tmp_path: Path) -> None:
    write_ladder(
        tmp_path,
        {
            **PLAIN,
            "two": [
                f"{EXPERIENCE}  # ladderpress: ignore[experience-requirement]",
                "# ladderpress: ignore[gender-coded]",
                ROCKSTAR,
            ],
        },
    )
    result = cli("validate", str(tmp_path / "review.yaml"))
    assert result.code == 0
    assert "experience-requirement" not in result.err
    assert "gender-coded" not in result.err
    assert "no problems" in result.err


def test_an_ignore_that_silences_nothing_is_reported(cli, tmp_path: Path) -> None:
    ladder = write_ladder(
        tmp_path,
        {
            **PLAIN,
            "two": [
                f"{EXPERIENCE}  # ladderpress: ignore[gender-coded, experience-requirment]",
                "- Writes clear designs.  # ladderpress: ignore",
            ],
        },
    )
    result = cli("validate", str(ladder))
    assert result.code == 0
    experience_line = line_of(ladder, "5+ years")
    lines = [line for line in result.err.splitlines() if "[unused-ignore]" in line]
    assert len(lines) == 3, result.err
    assert any(
        f":{experience_line}:" in line and "ignore[gender-coded] silences nothing" in line
        for line in lines
    )
    assert any("did you mean 'experience-requirement'?" in line for line in lines)
    assert any("name the lints to ignore" in line for line in lines)
    # The misspelt ignore hides nothing: the finding is still there.
    assert "[experience-requirement]" in result.err


def test_an_ignore_cannot_silence_an_error(cli, tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("title: 5  # ladderpress: ignore[schema-type]\n", encoding="utf-8")
    result = cli("validate", str(path))
    assert result.code == 1
    assert ": error: " in result.err


def _site_with_config(tmp_path: Path, config: str) -> Path:
    write_ladder(tmp_path / "frameworks", {**PLAIN, "two": [EXPERIENCE, ROCKSTAR]})
    (tmp_path / "ladderpress.yaml").write_text(config, encoding="utf-8")
    return tmp_path


def test_a_site_turns_a_lint_off_or_into_an_error(cli, tmp_path: Path) -> None:
    site = _site_with_config(tmp_path, "lints:\n  gender-coded: off\n")
    quiet = cli("validate", "--site", str(site))
    assert quiet.code == 0
    assert "[gender-coded]" not in quiet.err and "[experience-requirement]" in quiet.err
    (site / "ladderpress.yaml").write_text(
        "lints:\n  gender-coded: off\n  experience-requirement: error\n", encoding="utf-8"
    )
    failing = cli("validate", "--site", str(site))
    assert failing.code == 1
    assert ": error: states a requirement as years of experience" in failing.err
    # Files named one by one (a pre-commit hook's) follow the site's settings too.
    named = cli("validate", "--site", str(site), str(site / "frameworks" / "review.yaml"))
    assert named.code == 1 and "[gender-coded]" not in named.err


def test_an_unknown_lint_in_the_config_is_an_error_with_a_suggestion(cli, tmp_path: Path) -> None:
    site = _site_with_config(tmp_path, "title: Ladders\nlints:\n  gender-codded: off\n")
    result = cli("validate", "--site", str(site))
    assert result.code == 1
    assert (
        "ladderpress.yaml:3:3: error: unknown property 'gender-codded' "
        "(did you mean 'gender-coded'?)" in result.err
    )
    assert "Traceback" not in result.err
    (site / "ladderpress.yaml").write_text("lints:\n  gender-coded: loud\n", encoding="utf-8")
    wrong_value = cli("validate", "--site", str(site))
    assert wrong_value.code == 1 and "ladderpress.yaml:2:17: error:" in wrong_value.err


def test_build_strict_fails_on_warnings_and_keeps_the_previous_site(cli, tmp_path: Path) -> None:
    site = _site_with_config(tmp_path, "title: Ladders\n")
    assert cli("build", "--site", str(site)).code == 0
    index = site / "_site" / "index.html"
    before = index.read_bytes()
    strict = cli("build", "--strict", "--site", str(site))
    assert strict.code == 1
    assert "[experience-requirement]" in strict.err
    assert "Build failed (--strict: warnings fail it); the previous output was left" in strict.err
    assert index.read_bytes() == before
    (site / "ladderpress.yaml").write_text(
        "lints:\n  experience-requirement: off\n  gender-coded: off\n", encoding="utf-8"
    )
    assert cli("build", "--strict", "--site", str(site)).code == 0


def test_the_config_schema_lists_every_lint(cli) -> None:
    schema = json.loads((REPO / "schema" / "config.schema.json").read_text(encoding="utf-8"))
    listed = schema["properties"]["lints"]["properties"]
    assert list(listed) == list(LINT_RULES)
    for rule_id, rule in LINT_RULES.items():
        assert rule.why in listed[rule_id]["description"]


def test_a_translation_is_not_read_with_the_english_word_lists(cli, tmp_path: Path) -> None:
    cells = {**PLAIN, "two": [ROCKSTAR]}
    original = write_ladder(tmp_path, cells)
    write_ladder(tmp_path, cells, name="review.fr")
    result = cli("validate", str(tmp_path))
    assert result.code == 0, result.err
    flagged = [line for line in result.err.splitlines() if "[gender-coded]" in line]
    assert len(flagged) == 1 and flagged[0].startswith(f"{original}:"), result.err
