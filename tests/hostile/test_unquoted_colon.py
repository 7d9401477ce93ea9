"""A statement with an unquoted ': ' (`- Owns the roadmap: sets direction`) is read by
YAML as a mapping, or refused by the YAML parser; either way the message says to put
the statement in quotes, at the statement's line and column."""

from __future__ import annotations

from pathlib import Path

from tests.support.paths import FIXTURES

GOOD = FIXTURES / "site" / "frameworks" / "acme-engineering.yaml"


def _write(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    text = GOOD.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    path = tmp_path / "acme-engineering.yaml"
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index(new.rstrip("\n").splitlines()[0]) + 1
    return path, line


def test_statement_read_as_a_mapping(cli, tmp_path: Path) -> None:
    path, line = _write(
        tmp_path,
        "        - Asks for feedback on their work.\n",
        "        - Owns the roadmap: sets direction\n",
    )
    result = cli("validate", str(path))
    assert result.code == 1
    assert (
        f":{line}:11: error: competencies[1].expectations.junior[0]: expected text, found a "
        "mapping, because YAML reads an unquoted ': ' as a key and its value; put the statement "
        'in quotes: "Owns the roadmap: sets direction" [unquoted-colon]'
    ) in result.err
    assert "unknown property" not in result.err
    assert "Traceback" not in result.err


def test_example_read_as_a_mapping(cli, tmp_path: Path) -> None:
    path, line = _write(
        tmp_path,
        "          examples: [Fixed a flaky date test.]\n",
        "          examples: [Fixed: a flaky date test.]\n",
    )
    result = cli("validate", str(path))
    assert result.code == 1
    assert f":{line}:" in result.err
    assert 'put the statement in quotes: "Fixed: a flaky date test."' in result.err


def test_misspelt_property_is_not_mistaken_for_text(cli, tmp_path: Path) -> None:
    path, _ = _write(
        tmp_path,
        "        - Asks for feedback on their work.\n",
        "        - txt: Asks for feedback on their work.\n",
    )
    result = cli("validate", str(path))
    assert result.code == 1
    assert "unknown property 'txt' (did you mean 'text'?)" in result.err
    assert "in quotes" not in result.err


def test_yaml_parser_refusal_gets_the_same_hint(cli, tmp_path: Path) -> None:
    path, line = _write(
        tmp_path,
        "summary: A tiny framework for tests, with **Markdown**.\n",
        "summary: Owns: the roadmap\n",
    )
    result = cli("validate", str(path))
    assert result.code == 1
    assert f":{line}:14: error: invalid YAML: mapping values are not allowed" in result.err
    assert 'put the statement in quotes: summary: "Owns: the roadmap" [yaml-syntax]' in result.err
    assert "Traceback" not in result.err


def test_parser_refusal_inside_a_list_quotes_the_whole_item(cli, tmp_path: Path) -> None:
    path, _ = _write(
        tmp_path,
        "        - Asks for feedback on their work.\n",
        "        - Owns the roadmap: sets: direction\n",
    )
    result = cli("validate", str(path))
    assert result.code == 1
    assert 'in quotes: - "Owns the roadmap: sets: direction"' in result.err
