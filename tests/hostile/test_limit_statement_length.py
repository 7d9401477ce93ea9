"""Texts have length limits far above real ladders (statements of 50 to 300 characters):
a statement of 1 MB, which every level page above it, every comparison and the search
index would repeat (80 MB of pages from a 4 MB file), is refused at its own line, and
so are over-long summaries, descriptions and web addresses (see SECURITY.md, "Limits")."""

from __future__ import annotations

from pathlib import Path

import pytest

from ladderpress.core import limits

from .ladders import ladder, line_of, run_python

LONG_STATEMENT = '        - "Writes clear tests for change number 1 and reviews them."'


def _with(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _validate(cli, tmp_path: Path, text: str):
    path = tmp_path / "generated.yaml"
    path.write_text(text, encoding="utf-8")
    return cli("validate", "--errors-only", str(path))


def test_a_statement_of_one_megabyte_is_refused_at_its_line(tmp_path: Path) -> None:
    big = "Writes tests " * 80_000  # 1,040,000 characters
    text = _with(ladder(tracks=[["l0", "l1"]]), LONG_STATEMENT, f'        - "{big}"')
    frameworks = tmp_path / "site" / "frameworks"
    frameworks.mkdir(parents=True)
    (frameworks / "generated.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    done = run_python(
        "import sys; from ladderpress.app.cli import main; "
        f"sys.exit(main(['build', '--site', {str(tmp_path / 'site')!r}, '--out', {str(out)!r}]))"
    )
    assert done.returncode == 1, done.stderr
    assert not out.exists()
    line = line_of(text, f'        - "{big}"')
    assert (
        f"generated.yaml:{line}:11: error: competencies[0].expectations.l1[0] has "
        f"{len(big):,} characters, over the limit of {limits.STATEMENT_CHARS.value:,} "
        "characters in a statement or an example: shorten it, or split it into statements "
        "(the limits are listed in SECURITY.md) [limit]"
    ) in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("form", ["plain", "mapping", "example"])
def test_one_character_over_the_limit(cli, tmp_path: Path, form: str) -> None:
    limit = limits.STATEMENT_CHARS.value
    at_limit = "x" * limit
    over = "y" * (limit + 1)
    items = {
        "plain": f'        - "{over}"\n        - "{at_limit}"',
        "mapping": f'        - text: "{over}"\n        - text: "{at_limit}"',
        "example": f'        - text: Tests.\n          examples: ["{at_limit}", "{over}"]',
    }
    text = _with(ladder(tracks=[["l0", "l1"]]), LONG_STATEMENT, items[form])
    result = _validate(cli, tmp_path, text)
    assert result.code == 1
    assert result.err.count("error:") == 1, result.err
    assert f"has {limit + 1:,} characters, over the limit of {limit:,} characters" in result.err
    line = next(n for n, value in enumerate(text.splitlines(), 1) if over in value)
    assert f"generated.yaml:{line}:" in result.err


def test_other_texts_and_addresses(cli, tmp_path: Path) -> None:
    summary = "s" * (limits.TEXT_CHARS.value + 1)
    address = "https://example.org/" + "a" * limits.URL_CHARS.value
    text = _with(
        ladder(tracks=[["l0"]]),
        "organisation: {name: Generated}\n",
        f"summary: {summary}\norganisation: {{name: Generated, url: '{address}'}}\n",
    )
    result = _validate(cli, tmp_path, text)
    assert result.code == 1
    assert (
        f"generated.yaml:2:10: error: summary has {len(summary):,} characters, over the limit "
        f"of {limits.TEXT_CHARS.value:,} characters in one text: shorten it, or link to a "
        "longer document"
    ) in result.err
    assert (
        f"error: organisation.url has {len(address):,} characters, over the limit of "
        f"{limits.URL_CHARS.value:,} characters in a web address"
    ) in result.err
