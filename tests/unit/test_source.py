"""The YAML loader: positions, and refusal of everything a hostile file could try."""

from __future__ import annotations

from pathlib import Path

import pytest

from ladderpress.core.problems import InputError
from ladderpress.load import source
from ladderpress.load.source import parse_text, read_document


def only_problem(text: str) -> tuple[int, int, str, str]:
    with pytest.raises(InputError) as caught:
        parse_text("f.yaml", text)
    [problem] = caught.value.problems
    return problem.line, problem.col, problem.rule, problem.message


def test_positions_of_keys_and_values() -> None:
    doc = parse_text("f.yaml", "title: x\nlevels:\n  - id: one\n    name: One\n")
    assert doc.data == {"title": "x", "levels": [{"id": "one", "name": "One"}]}
    assert doc.position(("levels", 0, "name")) == source.Position(4, 11)
    assert doc.position(("levels", 0, "name"), key=True) == source.Position(4, 5)
    assert doc.position(("levels", 0)) == source.Position(3, 5)
    # A path that does not exist falls back to its nearest existing parent.
    assert doc.position(("levels", 0, "missing")) == source.Position(3, 5)


def test_dates_stay_strings_and_scalars_keep_their_types() -> None:
    doc = parse_text("f.yaml", "d: 2026-01-02\nn: 3\nf: 1.5\nb: true\nz: ~\ns: '2026-01-02'\n")
    assert doc.data == {
        "d": "2026-01-02",
        "n": 3,
        "f": 1.5,
        "b": True,
        "z": None,
        "s": "2026-01-02",
    }


def test_duplicate_keys_are_refused_at_the_second_key() -> None:
    line, col, rule, message = only_problem("a: 1\nb:\n  c: 1\n  c: 2\n")
    assert (line, col, rule) == (4, 3, "yaml-duplicate-key")
    assert "line 3" in message


def test_alias_bomb_is_refused_quickly() -> None:
    text = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    previous = "a"
    for name in "bcdefghij":
        text += f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]\n"
        previous = name
    _, _, rule, _ = only_problem(text)
    assert rule == "yaml-too-large"


def test_small_aliases_are_fine() -> None:
    doc = parse_text("f.yaml", "a: &x [1, 2]\nb: *x\n")
    assert doc.data == {"a": [1, 2], "b": [1, 2]}


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        "{a: " * 5000 + "1" + "}" * 5000,
        "".join("  " * i + "k:\n" for i in range(200)),
    ],
)
def test_deep_nesting_is_an_error_not_a_crash(text: str) -> None:
    _, _, rule, _ = only_problem(text)
    assert rule == "yaml-too-deep"


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system [echo hi]\n",
        "a: !custom 1\n",
        "a: !!binary aGk=\n",
        "a: !!set {x}\n",
    ],
)
def test_unknown_tags_are_refused(text: str) -> None:
    assert only_problem(text)[2] == "yaml-tag"


def test_merge_keys_are_refused() -> None:
    assert only_problem("a: &x {b: 1}\nc:\n  <<: *x\n")[:3] == (3, 3, "yaml-merge")


def test_complex_keys_are_refused() -> None:
    assert only_problem("? [a, b]\n: 1\n")[2] == "yaml-key"


def test_several_documents_are_refused() -> None:
    assert only_problem("a: 1\n---\nb: 2\n")[2] == "yaml-multi"


def test_tab_indentation_says_so() -> None:
    line, _, rule, message = only_problem("a:\n\tb: 1\n")
    assert (line, rule) == (2, "yaml-syntax")
    assert "tab" in message


def test_syntax_error_names_where_the_construct_started() -> None:
    _, _, rule, message = only_problem("a: [1, 2\nb: 3\n")
    assert rule == "yaml-syntax"
    assert "line 1" in message


def test_nul_byte(tmp_path: Path) -> None:
    assert only_problem("a: 1\nb: \x00\n")[:3] == (2, 1, "encoding")


def test_invalid_utf8_points_at_the_byte(tmp_path: Path) -> None:
    file = tmp_path / "f.yaml"
    file.write_bytes(b"a: 1\nname: caf\xe9\n")
    with pytest.raises(InputError) as caught:
        read_document(file)
    [problem] = caught.value.problems
    assert (problem.line, problem.col, problem.rule) == (2, 10, "encoding")


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    file = tmp_path / "f.yaml"
    file.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert read_document(file).data == {"a": 1}


def test_size_limit_is_checked_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(source, "MAX_FILE_BYTES", 1000)
    file = tmp_path / "big.yaml"
    file.write_text("a: " + "x" * 2000 + "\n")
    with pytest.raises(InputError) as caught:
        read_document(file)
    assert caught.value.problems[0].rule == "file-too-large"


def test_empty_file_is_none() -> None:
    assert parse_text("f.yaml", "").data is None
