"""Importing whole folders as companies keep them: Monzo's format and the FT's, each
framework of the fixtures compared with the statements its `expected.yaml` says it must
publish."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from ladderpress.check.files import check_paths
from ladderpress.core.model import Framework
from ladderpress.core.problems import InputError
from ladderpress.importers import TreeImport, import_file, import_tree, tree
from tests.conftest import CliResult
from tests.support.importing import IMPORT, position_of

BANK = IMPORT / "example-bank"
PLANET = IMPORT / "daily-planet"


def published(imported: TreeImport, folder: Path) -> dict[str, Framework]:
    """Write every imported framework, validate them together, return them by slug."""
    folder.mkdir(parents=True, exist_ok=True)
    for result in imported.results:
        (folder / f"{result.slug}.yaml").write_text(result.yaml_text, encoding="utf-8")
    checked = check_paths([folder])
    assert checked.ok, [p for p in checked.problems if p.is_error]
    return {f.slug: f for f in checked.frameworks}


def statements(framework: Framework) -> dict[str, dict[str, list[str]]]:
    """level -> competency -> the statements listed at that level, as `expected.yaml`."""
    out: dict[str, dict[str, list[str]]] = {}
    for level in framework.level_order:
        for competency in framework.competencies.values():
            texts = [s.text for s in competency.at(level)]
            if texts:
                out.setdefault(level, {})[competency.id] = texts
    return out


def expected(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((folder / "expected.yaml").read_text("utf-8"))
    return data


def test_monzo_folder_publishes_every_framework_as_expected(tmp_path: Path) -> None:
    imported = import_tree(BANK)
    frameworks = published(imported, tmp_path)
    want = expected(BANK)
    assert sorted(frameworks) == sorted(want)
    for slug, framework in frameworks.items():
        assert framework.title == want[slug]["title"], slug
        assert statements(framework) == want[slug]["levels"], slug
        names = {c.id: c.name for c in framework.competencies.values()}
        assert names == want[slug]["names"], slug
        if "summary" in want[slug]:
            assert framework.summary == want[slug]["summary"], slug
        assert framework.cumulative
        assert framework.organisation.name == "Example Bank"  # guessed from the folder
    assert list(frameworks["design-product-design"].disciplines) == ["design"]
    [(failed, problems)] = imported.failed
    assert failed.endswith("frameworks/broken.md")
    assert (problems[0].line, problems[0].col) == (4, 7)
    assert [p.path.rsplit("/", 1)[-1] for p in imported.skipped] == ["README.md"]


def _warnings(imported: TreeImport, slug: str) -> dict[str, list[tuple[int, int]]]:
    [result] = [r for r in imported.results if r.slug == slug]
    out: dict[str, list[tuple[int, int]]] = {}
    for problem in result.warnings:
        out.setdefault(problem.rule, []).append((problem.line, problem.col))
    return out


def test_monzo_reports_what_it_kept_beyond_the_site_and_what_it_did_not_import() -> None:
    imported = import_tree(BANK)
    page = BANK / "frameworks/engineering/backend.md"
    warned = _warnings(imported, "engineering-backend")
    tab_line, _ = position_of(page, "Keeps a service running")
    assert warned["import-yaml-tab"] == [(tab_line, 12)]
    assert (position_of(page, "levels: 2")[0], 9) in warned["import-monzo"]  # level 3 kept
    zero, _ = position_of(page, "level: 0")
    assert (zero, 16) in warned["import-monzo"]  # a level that does not exist: reported
    assert len(warned["import-duplicate"]) == 1
    assert warned["import-inherit"] == [(1, 1)]
    assert "import-sublevel" in _warnings(imported, "support-agents")
    assert "import-inherit" not in _warnings(imported, "generic")  # generic inherits nothing


def test_generic_criteria_above_a_page_levels_are_reported_not_inherited(
    tmp_path: Path,
) -> None:
    pages = tmp_path / "frameworks"
    pages.mkdir()
    (pages / "generic.md").write_text((BANK / "frameworks/generic.md").read_text("utf-8"))
    (pages / "two.md").write_text(
        "---\ntitle: Two\nlevels: 2\ntopics:\n  - name: craft\n    content:\n"
        "      - level: 1\n        criteria: [Reads the code.]\n---\n",
        encoding="utf-8",
    )
    imported = import_tree(pages)
    frameworks = published(imported, tmp_path / "out")
    assert statements(frameworks["two"]) == {
        "level-1": {"craft": ["Reads the code.", "Learns the tools of their trade."]},
        "level-2": {"craft": ["Chooses the right tool for a task without help."]},
    }
    [above] = [
        w
        for r in imported.results
        if r.slug == "two"
        for w in r.warnings
        if w.rule == "import-inherit" and "above" in w.message
    ]
    assert above.path.endswith("generic.md")
    line, col = position_of(pages / "generic.md", "Teaches the team")
    assert (above.line, above.col) == (line, col - 1)  # the criterion's list item


def test_ft_folder_gives_one_framework_per_job_family(tmp_path: Path) -> None:
    imported = import_tree(PLANET)
    frameworks = published(imported, tmp_path)
    want = expected(PLANET)
    assert sorted(frameworks) == sorted(want)
    for slug, framework in frameworks.items():
        assert {t.id: list(t.levels) for t in framework.tracks} == want[slug]["tracks"], slug
        assert statements(framework) == want[slug]["levels"], slug
        assert list(framework.tags) == want[slug].get("tags", []), slug
        assert not framework.cumulative
    engineering = frameworks["engineering"]
    assert [t.kind for t in engineering.tracks] == ["individual-contributor", "management"]
    # Each FT competency's proficiency is its statement's own, shown beside it.
    [people] = engineering.competencies["people"].at("senior-pm")
    assert people.proficiency == "Practitioner"
    assert not engineering.levels["senior-pm"].sections
    [first] = engineering.competencies["technical"].at("junior")
    assert first.id == "0c8a6f0e-1111-4aaa-8bbb-000000000001"  # the FT's anchor, kept
    assert first.examples == ("See [Our testing guide](<https://example.org/testing>)",)
    skipped = [p.path.rsplit("/", 1)[-1] for p in imported.skipped]
    assert skipped == ["expected.yaml", "site-settings.yml"]  # and .github/ is not looked in
    warned = _warnings(imported, "engineering")
    assert "import-ft" not in warned  # googleSheetId is the FT's tooling: nothing to say
    assert "import-kept-as" not in warned  # proficiency has a place of its own now


def test_cli_imports_a_folder_and_exits_1_for_the_broken_page(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    out = tmp_path / "frameworks"
    printed = cli("import", str(BANK), "--out", str(out))
    assert printed.code == 1
    assert sorted(p.stem for p in out.iterdir()) == sorted(expected(BANK))
    assert "broken.md: not imported" in printed.err
    assert "5 framework(s) imported, 1 could not be, 1 file(s) skipped" in printed.err
    again = cli("import", str(PLANET), "--out", str(out), "--organisation", "Daily Planet")
    assert again.code == 0, again.err
    assert "organisation name 'Daily Planet' is a guess" not in again.err
    refused = cli("import", str(PLANET), "--out", str(out))
    assert refused.code == 1 and "already exists; use --force" in refused.err
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(BANK / "frameworks/generic.md", one)
    printed = cli("import", str(one), "--out", str(out), "--force")  # a folder of one page
    assert printed.code == 0 and (out / "generic.yaml").is_file(), printed.err
    page = cli("import", str(one / "generic.md"), "--out", str(out))  # a file into a folder
    assert page.code == 1 and "is a folder; give --out a file name" in page.err


def test_slugs_come_from_the_path_below_the_folder(tmp_path: Path) -> None:
    assert tree.unit_slug(tmp_path, tmp_path / "frameworks/engineering/backend.md", None) == (
        "engineering-backend"
    )
    assert tree.unit_slug(tmp_path, tmp_path / "data/job-families/ops.yml", None) == "ops"
    assert tree.unit_slug(tmp_path, tmp_path / "web.md", "acme") == "acme-web"


def test_folder_limits_links_and_empty_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "README.md").write_text("# notes\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_tree(pages)
    assert caught.value.problems[0].rule == "import-nothing"
    (pages / "a.md").write_text((BANK / "frameworks/generic.md").read_text("utf-8"))
    os.symlink(pages, pages / "loop")  # a folder that contains itself is not walked into
    assert [r.slug for r in import_tree(pages).results] == ["a"]
    monkeypatch.setattr(tree, "MAX_SOURCES", 1)
    (pages / "b.md").write_text((BANK / "frameworks/generic.md").read_text("utf-8"))
    with pytest.raises(InputError) as too_many:
        import_tree(pages)
    assert too_many.value.problems[0].rule == "import-too-large"


def test_what_no_framework_can_hold_is_refused_cheaply(tmp_path: Path) -> None:
    page = tmp_path / "huge.md"
    page.write_text(
        "---\ntitle: Huge\nlevels: 1000000\ntopics:\n  - name: a\n    content:\n"
        "      - level: 1\n        criteria: [One.]\n---\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        import_file(page)
    assert (caught.value.problems[0].rule, caught.value.problems[0].line) == (
        "import-too-large",
        3,
    )
    many = "\n".join(f"          - 'Statement number {n}.'" for n in range(60))
    page.write_text(
        "---\ntitle: Many\nlevels: 1\ntopics:\n  - name: a\n    content:\n"
        f"      - level: 1\n        criteria:\n{many}\n---\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as full:
        import_file(page)
    assert "60 statements at one level, over the 50" in full.value.problems[0].message
