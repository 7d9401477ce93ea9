"""A kept check with the wrong shape anywhere inside (valid JSON, a wrong type, a missing
or extra key) is discarded and the file checked again: never a traceback, never a model
built from it."""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladderpress.build import load_frameworks
from ladderpress.check import files as validate
from ladderpress.check.config import load_config
from ladderpress.check.schema import validator_for
from ladderpress.check.semantics import check_semantics
from ladderpress.incremental import checkcache
from ladderpress.load.document import Document
from tests.support.paths import FIXTURES

Where = tuple[str | int, ...]

# One value of each JSON type, and objects and lists of the wrong kind.
WRONG = [None, True, 0, 1.5, "", "x", [], ["x"], [1], {}, {"x": 1}, {"text": 1}]


def _kind(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return repr(value)[:4]
    return type(value).__name__


def _places(node: Any, where: Where = ()) -> list[Where]:
    """Every position below the entry's top level, parents first."""
    found: list[Where] = [where] if where else []
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, child in items:
        found.extend(_places(child, (*where, key)))
    return found


def _replaced(entry: dict[str, Any], where: Where, value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(entry)
    parent: Any = changed
    for key in where[:-1]:
        parent = parent[key]
    if value is _DELETE:
        del parent[where[-1]]
    else:
        parent[where[-1]] = value
    return changed


_DELETE = object()


def _must_be_refused(changed: dict[str, Any], where: Where, value: Any) -> bool:
    """Whether `lookup` must refuse this change (some changes still make a sound entry)."""
    if len(where) == 1:
        return True  # the data, the HTML or the problems replaced or gone
    if where[0] == "data":
        data = changed["data"]
        if not validator_for(checkcache.FRAMEWORK_SCHEMA).is_valid(data):
            return True
        return any(p.is_error for p in check_semantics(Document("", data)))
    # One statement's HTML left out (it is rendered again) or one warning row: sound.
    return not (value is _DELETE and len(where) == 2)


@pytest.fixture
def kept(site: Path) -> dict[str, tuple[str, str, str, Path]]:
    """For each framework: slug, path as shown, digest, and its entry, after one build."""
    shutil.copy(FIXTURES / "invalid" / "lint-warnings.yaml", site / "frameworks")
    framework = site / "frameworks" / "acme-engineering.yaml"
    framework.write_text(framework.read_text("utf-8").replace(PLAIN, MARKED), "utf-8")
    load_frameworks(load_config(site), reuse=True)
    found = {}
    for path in sorted((site / "frameworks").glob("*.yaml")):
        shown = validate.display_path(path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        entry = checkcache._entry(shown, digest)
        assert entry.is_file()
        found[path.stem] = (path.stem, shown, digest, entry)
    return found


# A statement whose HTML differs from its text, so that the entry keeps some HTML.
PLAIN = "Writes unit tests for the code they change."
MARKED = "Writes **unit tests** for the code & <tests> they change."


KNOWN_BAD = [
    (("data", "organisation", "example"), "yes"),  # bool("yes") would hide it
    (("data", "tracks", 0, "levels"), "junior"),  # tuple("junior"): letters as levels
    (("data", "levels", 0, "summary"), 5),
    (("data", "levels", 0, "position"), "4"),
    (("data", "competencies", 0, "weight"), [1]),
    (("data", "competencies", 0, "expectations"), []),
    (("data", "title"), {"x": 1}),
    (("data", "categories"), {}),
    (("data", "tracks"), []),
    # The right types, naming what is not there.
    (("data", "tracks", 0, "levels"), ["junior", "nowhere"]),
    (("data", "competencies", 0, "category"), "nowhere"),
]


@pytest.mark.parametrize(("where", "value"), KNOWN_BAD)
def test_a_wrong_type_in_the_data_is_refused(
    kept: dict[str, tuple[str, str, str, Path]], where: Where, value: Any
) -> None:
    slug, shown, digest, entry = kept["acme-engineering"]
    original = json.loads(entry.read_bytes())
    assert checkcache.lookup(slug, shown, digest) is not None  # the sound entry is used
    entry.write_text(json.dumps(_replaced(original, where, value)), "utf-8")
    assert checkcache.lookup(slug, shown, digest) is None


def test_wrong_html_or_problem_rows_are_refused(
    kept: dict[str, tuple[str, str, str, Path]],
) -> None:
    for name, where, value in [
        ("acme-engineering", ("html", "*"), 5),
        ("acme-engineering", ("html", "*"), None),
        ("acme-engineering", ("html",), []),
        ("lint-warnings", ("problems", 0, 1), "33"),
        ("lint-warnings", ("problems", 0, 1), True),
        ("lint-warnings", ("problems", 0, 3), "fatal"),
        ("lint-warnings", ("problems", 0), ["a", 1, 1, "warning", "m"]),
        ("lint-warnings", ("problems",), {}),
        ("lint-warnings", ("extra",), 1),
    ]:
        slug, shown, digest, entry = kept[name]
        original = json.loads(entry.read_bytes())
        assert original["html"] if name == "acme-engineering" else original["problems"]
        if where[-1] == "*":  # the first statement's HTML
            where = (*where[:-1], next(iter(original["html"])))
        entry.write_text(json.dumps(_replaced(original, where, value)), "utf-8")
        assert checkcache.lookup(slug, shown, digest) is None, where
        entry.write_text(json.dumps(original), "utf-8")
        assert checkcache.lookup(slug, shown, digest) is not None


def test_a_build_checks_the_file_again_and_gets_the_same_site(
    site: Path, kept: dict[str, tuple[str, str, str, Path]]
) -> None:
    first, first_warnings = load_frameworks(load_config(site), reuse=False)
    for _, _, _, entry in kept.values():
        changed = json.loads(entry.read_bytes())
        changed["data"]["organisation"]["example"] = "yes"
        entry.write_text(json.dumps(changed), "utf-8")
    again, warnings = load_frameworks(load_config(site), reuse=True)
    assert [repr(f) for f in again] == [repr(f) for f in first]
    assert warnings == first_warnings
    # And the recheck wrote sound entries back.
    for slug, shown, digest, _ in kept.values():
        assert checkcache.lookup(slug, shown, digest) is not None


@pytest.mark.parametrize("name", ["acme-engineering", "lint-warnings"])
def test_any_wrong_shape_anywhere_is_refused(
    kept: dict[str, tuple[str, str, str, Path]], name: str
) -> None:
    slug, shown, digest, entry = kept[name]
    original = json.loads(entry.read_bytes())
    places = _places(original)

    @settings(
        max_examples=150,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(
        where=st.sampled_from(places),
        value=st.sampled_from([*WRONG, _DELETE]),
    )
    def check(where: Where, value: Any) -> None:
        parent: Any = original
        for key in where:
            parent = parent[key]
        if value is not _DELETE and _kind(value) == _kind(parent):
            return  # the same type: not a wrong shape
        changed = _replaced(original, where, value)
        entry.write_text(json.dumps(changed), "utf-8")
        found = checkcache.lookup(slug, shown, digest)  # never raises
        if _must_be_refused(changed, where, value):
            assert found is None, (where, value)

    check()


def test_a_statement_without_kept_html_is_rendered_again(
    kept: dict[str, tuple[str, str, str, Path]],
) -> None:
    slug, shown, digest, entry = kept["acme-engineering"]
    original = json.loads(entry.read_bytes())
    assert MARKED in original["html"]
    entry.write_text(json.dumps(_replaced(original, ("html", MARKED), _DELETE)), "utf-8")
    found = checkcache.lookup(slug, shown, digest)
    assert found is not None
    [statement] = [s for s in found[0].statements() if s.text == MARKED]
    # Escaped and rendered as on the first build, never the raw text taken as HTML.
    assert statement.html_text == original["html"][MARKED]
    assert "<tests>" not in statement.html_text
