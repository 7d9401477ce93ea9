"""Invisible characters in ids are refused, and the message says which character it is.

A bidi override reorders how an id (and the text around it) displays, so a reviewer
reads one id and the site publishes another; a zero-width space or joiner makes two
ids that look the same differ. Ids are also page addresses.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ladderpress.check.files import check_paths

TINY = """\
title: Tiny ladder
organisation:
  name: Tiny Co
disciplines: [engineering]
tracks:
  - id: ic
    name: IC
    levels: [one, two]
levels:
  - id: one
    name: One
  - id: two
    name: Two
categories:
  - id: craft
    name: Craft
competencies:
  - id: testing
    name: Testing
    category: craft
    expectations:
      one:
        - Reads the tests of the code they change.
      two:
        - Designs the test strategy for a service.
"""


def problems(tmp_path: Path, text: str) -> list[tuple[int, int, str, str]]:
    path = tmp_path / "tiny.yaml"
    path.write_text(text, encoding="utf-8")
    result = check_paths([path])
    assert not result.ok
    return [(p.line, p.col, p.rule, p.message) for p in result.problems]


@pytest.mark.parametrize("char", ["\u202e", "\u202a", "\u2066", "\u2069"])
def test_a_bidi_control_in_an_id_is_refused_at_the_character(tmp_path: Path, char: str) -> None:
    text = TINY.replace("  - id: testing\n", f"  - id: test{char}ing\n")
    [(line, col, rule, message)] = problems(tmp_path, text)
    assert (line, col, rule) == (18, 13, "control-character")
    assert f"U+{ord(char):04X}" in message and char not in message


def test_a_bidi_control_in_an_expectations_key_is_refused(tmp_path: Path) -> None:
    text = TINY.replace("      two:\n", "      \u2067two:\n")
    [(line, col, rule, message)] = problems(tmp_path, text)
    assert (line, col, rule) == (24, 7, "control-character")
    assert "this key contains U+2067 RIGHT-TO-LEFT ISOLATE" in message


def test_an_escaped_override_in_an_id_is_refused_at_the_value(tmp_path: Path) -> None:
    text = TINY.replace("  - id: one\n", '  - id: "o\\u202Ene"\n')
    [(line, col, rule, message)] = problems(tmp_path, text)
    assert (line, col, rule) == (10, 9, "control-character")
    assert "U+202E RIGHT-TO-LEFT OVERRIDE (from an escape sequence)" in message


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u200b", "ZERO WIDTH SPACE"),
        ("\u200d", "ZERO WIDTH JOINER"),
        ("\u2060", "WORD JOINER"),
        ("\ufeff", "ZERO WIDTH NO-BREAK SPACE"),
        ("\u00ad", "SOFT HYPHEN"),
        ("\u200e", "LEFT-TO-RIGHT MARK"),
        ("\u00a0", "NO-BREAK SPACE"),
    ],
)
def test_an_invisible_character_in_an_id_is_named(tmp_path: Path, char: str, name: str) -> None:
    # Allowed in text (emoji, some scripts and hyphenation need them), never in an id.
    text = TINY.replace("  - id: testing\n", f"  - id: test{char}ing\n")
    [(line, col, rule, message)] = problems(tmp_path, text)
    assert (line, col, rule) == (18, 9, "schema")
    assert f"is not a valid id (it contains U+{ord(char):04X} {name})" in message


def test_an_invisible_character_in_an_expectations_key_is_named(tmp_path: Path) -> None:
    text = TINY.replace("      two:\n", "      t\u200bwo:\n")
    found = problems(tmp_path, text)
    assert any(
        (line, col, rule) == (24, 7, "schema") and "U+200B ZERO WIDTH SPACE" in message
        for line, col, rule, message in found
    ), found


def test_a_left_to_right_mark_in_a_statement_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY.replace("Reads the tests", "Reads \u200fthe tests"), encoding="utf-8")
    assert check_paths([path]).ok
