"""An id matches its pattern over the whole string: "senior\\n" is not the id "senior".

Python's `$` (and so jsonschema's `pattern`, which uses re.search) also matches just
before a final newline, so `id: "senior\\n"` or a block scalar (`id: |`) used to pass
and became a folder name and a URL with a line break in it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from ladderpress.check.config import load_config
from ladderpress.check.files import SLUG, check_paths
from ladderpress.core.problems import InputError
from ladderpress.importers import import_file
from ladderpress.importers.draft import is_id
from tests.support.paths import REPO

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
        - id: reads-tests
          text: Reads the tests of the code they change.
      two:
        - Designs the test strategy for a service.
"""


def check(tmp_path: Path, text: str, name: str = "tiny.yaml") -> list[tuple[int, int, str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [(p.line, p.col, p.rule, p.message) for p in check_paths([path]).problems]


def test_the_unchanged_framework_is_valid(tmp_path: Path) -> None:
    assert check(tmp_path, TINY) == []


@pytest.mark.parametrize(
    ("old", "new", "line", "col"),
    [
        ("  - id: one\n", '  - id: "one\\n"\n', 10, 9),
        ("  - id: testing\n", "  - id: |\n      testing\n", 18, 9),
        ("        - id: reads-tests\n", '        - id: "reads-tests\\n"\n', 23, 15),
        ("    levels: [one, two]\n", '    levels: [one, "two\\n"]\n', 8, 19),
        ("disciplines: [engineering]\n", 'disciplines: ["engineering\\n"]\n', 4, 15),
    ],
    ids=["level-id", "block-scalar", "statement-id", "track-level", "discipline"],
)
def test_an_id_with_a_final_newline_is_refused(
    tmp_path: Path, old: str, new: str, line: int, col: int
) -> None:
    assert TINY.count(old) == 1
    problems = check(tmp_path, TINY.replace(old, new))
    # Cross-checks may add what follows from it (an unknown level); the id itself is
    # refused where it is written.
    [message] = [
        m
        for at_line, at_col, rule, m in problems
        if (at_line, at_col) == (line, col) and rule == "schema"
    ]
    assert "is not a valid id (it contains U+000A LINE FEED)" in message


def test_an_expectations_key_with_a_final_newline_is_refused(tmp_path: Path) -> None:
    text = TINY.replace("      one:\n", '      "one\\n":\n')
    problems = check(tmp_path, text)
    [message] = [m for line, col, rule, m in problems if (line, col, rule) == (22, 7, "schema")]
    assert "U+000A LINE FEED" in message


def test_a_file_name_with_a_final_newline_is_no_slug(tmp_path: Path) -> None:
    problems = check(tmp_path, TINY, name="tiny\n.yaml")
    assert [rule for *_, rule, _ in problems] == ["slug"]
    assert SLUG.match("tiny\n") is None and SLUG.match("tiny") is not None


def test_the_importer_does_not_take_an_id_with_a_final_newline() -> None:
    assert not is_id("senior\n") and is_id("senior")


def test_import_refuses_a_slug_with_a_final_newline(tmp_path: Path) -> None:
    source = tmp_path / "ladder.csv"
    source.write_text("Competency,Junior,Senior\nTesting,Writes tests,Sets the approach\n")
    with pytest.raises(InputError) as caught:
        import_file(source, slug="acme\n")
    assert [p.rule for p in caught.value.problems] == ["slug"]


@pytest.mark.parametrize(
    "line",
    ['include: ["acme\\n"]', 'language: "en\\n"', 'repository: "https://github.com/a/b\\n"'],
)
def test_the_site_configuration_refuses_a_final_newline(tmp_path: Path, line: str) -> None:
    (tmp_path / "ladderpress.yaml").write_text(line + "\n")
    with pytest.raises(InputError) as caught:
        load_config(tmp_path)
    assert caught.value.problems


def _patterns(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return own + [p for value in node.values() for p in _patterns(value)]
    if isinstance(node, list):
        return [p for value in node for p in _patterns(value)]
    return []


SCHEMAS = sorted((REPO / "schema").glob("*.schema.json"))
# A value each pattern of the schemas accepts; a new pattern needs one here.
SAMPLES = [
    "senior-engineer",
    "https://example.org/ladders/",
    "https://github.com/acme/ladders",
    "2026-09-30",
    "en-GB",
    "about/",
]


@pytest.mark.parametrize("schema", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_every_schema_pattern_refuses_a_final_newline(schema: Path) -> None:
    for pattern in _patterns(json.loads(schema.read_text(encoding="utf-8"))):
        accepted = [s for s in SAMPLES if re.search(pattern, s)]
        assert accepted, f"add a value that {pattern!r} accepts to SAMPLES"
        for sample in accepted:
            assert re.search(pattern, sample + "\n") is None, (pattern, sample)
