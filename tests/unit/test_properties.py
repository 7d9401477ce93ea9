"""Property tests: whatever document arrives, the tool answers with a site or with clear
problems, never a traceback, and never writes outside the output folder."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladderpress.build import build
from ladderpress.check.config import load_config
from ladderpress.check.files import check_paths
from ladderpress.core.problems import InputError
from ladderpress.load.source import parse_text
from tests.support.paths import FIXTURES

BASE = yaml.safe_load((FIXTURES / "site/frameworks/acme-engineering.yaml").read_text())

hostile_text = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "../../etc/passwd",
        "CON",
        "",
        "a/b",
        "t\u0435st",
        "\u202eevil",
        "x" * 300,
        "=cmd|' /C calc'!A0",
        "\x00",
        "{{ 7*7 }}",
    ]
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 20),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    hostile_text,
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def paths_of(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, child in node.items():
            found += paths_of(child, (*prefix, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += paths_of(child, (*prefix, index))
    return found


@st.composite
def mutated_frameworks(draw: st.DrawFn) -> Any:
    document = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.sampled_from(paths_of(document)[1:]))
        parent = document
        for part in where[:-1]:
            parent = parent[part]
        if draw(st.booleans()):
            parent[where[-1]] = draw(values)
        elif isinstance(parent, dict):
            del parent[where[-1]]
        else:
            parent.pop(where[-1])
    return document


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_frameworks())
def test_any_document_builds_or_reports_problems(document: Any) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        (site / "frameworks").mkdir(parents=True)
        file = site / "frameworks/fuzz.yaml"
        file.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
        result = check_paths([file])
        for problem in result.problems:
            assert problem.line >= 1 and problem.col >= 1 and problem.message
        out = Path(tmp) / "out"
        try:
            build(load_config(site), out=out)
        except InputError as exc:
            assert not result.ok and exc.problems
            return
        assert result.ok
        for written in out.rglob("*"):
            assert written.resolve().is_relative_to(out.resolve())


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_parses_or_reports_a_position(text: str) -> None:
    try:
        parse_text("fuzz.yaml", text)
    except InputError as exc:
        # One problem, or one per character that no text may hold (characters.py).
        assert exc.problems
        for problem in exc.problems:
            assert problem.line >= 1 and problem.col >= 1


def test_a_fifty_megabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result = check_paths([big])
    assert [p.rule for p in result.problems] == ["file-too-large"]
