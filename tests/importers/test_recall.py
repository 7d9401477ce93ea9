"""The recall measure of benchmarks/import_recall.py on the fixtures: every criterion of
the sources, inherited ones included, is on the built site's pages."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from tests.support.importing import IMPORT

ROOT = Path(__file__).resolve().parents[2]


def _recall() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "import_recall", ROOT / "benchmarks" / "import_recall.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["import_recall"] = module
    spec.loader.exec_module(module)
    return module


def test_every_criterion_of_the_fixtures_is_published(tmp_path: Path) -> None:
    recall = _recall()
    for folder, fmt, exit_code in (("example-bank", "monzo", 1), ("daily-planet", "ft", 0)):
        work = tmp_path / folder
        total, found, missing, code = recall.measure(IMPORT / folder, fmt, work)
        assert (code, total > 5) == (exit_code, True), folder
        # the one criterion not imported is reported (at no level: backend.md line 33)
        assert missing == (["backend.md: A criterion at no level."] if fmt == "monzo" else [])
        assert found / total >= 0.95
    criteria = recall.monzo_criteria(IMPORT / "example-bank")
    inherited = criteria[IMPORT / "example-bank/frameworks/engineering/backend.md"]
    assert "Chooses the right tool for a task without help." in inherited  # generic.md's


def test_the_measure_sees_what_is_missing(tmp_path: Path) -> None:
    recall = _recall()
    source = tmp_path / "pages"
    source.mkdir()
    (source / "one.md").write_text(
        "---\ntitle: One\nlevels: 1\ntopics:\n  - name: craft\n    content:\n"
        "      - level: 1\n        criteria: [Kept.]\n      - level: 0\n"
        "        criteria: [At no level.]\n---\n",
        encoding="utf-8",
    )
    total, found, missing, _ = recall.measure(source, "monzo", tmp_path / "work")
    assert (total, found) == (2, 1)
    assert missing == ["one.md: At no level."]
