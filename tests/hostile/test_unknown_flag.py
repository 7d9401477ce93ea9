"""A mistyped option or command is a usage error (exit 2) that shows the usage of the
command it was given to, and the nearest option or command that exists."""

from __future__ import annotations

import pytest

TOP_LEVEL_USAGE = "usage: ladderpress [-h] [--version] COMMAND"


@pytest.mark.parametrize(
    ("args", "usage", "suggestion"),
    [
        (["build", "--bse-url", "https://example.org/"], "ladderpress build", "--base-url"),
        (["build", "--bse-url=https://example.org/"], "ladderpress build", "--base-url"),
        (["validate", "--strct"], "ladderpress validate", "--strict"),
        (["validate", "--erors-only", "frameworks"], "ladderpress validate", "--errors-only"),
        (["serve", "--prot", "8001"], "ladderpress serve", "--port"),
        (["export", "--formt", "csv"], "ladderpress export", "--format"),
        (["init", "--forse"], "ladderpress init", "--force"),
    ],
)
def test_unknown_option_shows_the_command_usage_and_a_suggestion(
    cli, args: list[str], usage: str, suggestion: str
) -> None:
    result = cli(*args)
    assert result.code == 2
    assert f"usage: {usage} " in result.err
    assert TOP_LEVEL_USAGE not in result.err
    assert f"{usage}: error: unrecognized arguments: {args[1]}" in result.err
    assert f"(did you mean {suggestion}?)" in result.err
    assert "Traceback" not in result.err


def test_the_suggestion_comes_from_that_command_only(cli) -> None:
    # --base-url belongs to build, not to validate: validate must not offer it.
    result = cli("validate", "--base-ur", "x")
    assert result.code == 2
    assert "did you mean" not in result.err


def test_unknown_top_level_option(cli) -> None:
    result = cli("--verison")
    assert result.code == 2
    assert TOP_LEVEL_USAGE in result.err
    assert "(did you mean --version?)" in result.err


@pytest.mark.parametrize(("typed", "meant"), [("buid", "build"), ("valdate", "validate")])
def test_unknown_command_suggests_the_nearest(cli, typed: str, meant: str) -> None:
    result = cli(typed, "--strict")
    assert result.code == 2
    assert f"unknown command '{typed}' (did you mean {meant}?)" in result.err
    assert "validate, build, serve, init, new, import, export" in result.err
    assert "Traceback" not in result.err


def test_wrong_option_values_keep_the_command_usage(cli) -> None:
    result = cli("validate", "--format", "xml")
    assert result.code == 2
    assert "usage: ladderpress validate " in result.err
