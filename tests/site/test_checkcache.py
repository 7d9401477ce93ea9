"""Checks kept between builds: an unchanged file is not checked again, anything doubtful is."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ladderpress.build import load_frameworks
from ladderpress.check import files as validate
from ladderpress.check.config import load_config
from ladderpress.core.model import Framework
from ladderpress.core.problems import Problem
from ladderpress.incremental import checkcache
from tests.support.paths import FIXTURES


@pytest.fixture
def schema_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files whose data went through the schema: those checked, not reused."""
    seen: list[str] = []
    real = validate.check_schema

    def spy(doc, schema):  # type: ignore[no-untyped-def]
        seen.append(Path(doc.path).name)
        return real(doc, schema)

    monkeypatch.setattr(validate, "check_schema", spy)
    return seen


@pytest.fixture
def two_framework_site(site: Path) -> Path:
    # A second file, with warnings, so that kept warnings are seen too.
    shutil.copy(FIXTURES / "invalid" / "lint-warnings.yaml", site / "frameworks")
    return site


def load(site: Path, reuse: bool = True) -> tuple[list[Framework], list[Problem]]:
    return load_frameworks(load_config(site), reuse=reuse)


def test_an_unchanged_file_is_not_checked_again(
    two_framework_site: Path, schema_checks: list[str]
) -> None:
    first, first_warnings = load(two_framework_site)
    assert sorted(schema_checks) == ["acme-engineering.yaml", "lint-warnings.yaml"]
    assert first_warnings, "the fixture should have warnings"
    schema_checks.clear()

    again, again_warnings = load(two_framework_site)
    assert schema_checks == []
    # The same models, statements' HTML included, and the same warnings.
    assert [repr(f) for f in again] == [repr(f) for f in first]
    assert again_warnings == first_warnings


def test_an_edited_file_is_checked_again_and_its_errors_reported(
    two_framework_site: Path, schema_checks: list[str]
) -> None:
    load(two_framework_site)
    schema_checks.clear()
    path = two_framework_site / "frameworks" / "acme-engineering.yaml"
    path.write_text(path.read_text("utf-8").replace("title:", "titel:", 1), "utf-8")
    with pytest.raises(validate.InputError) as caught:
        load(two_framework_site)
    assert schema_checks == ["acme-engineering.yaml"]
    assert any(p.is_error for p in caught.value.problems)


def test_a_file_moved_elsewhere_is_checked_again(site: Path, schema_checks: list[str]) -> None:
    # Problems name the file by its path: the same bytes elsewhere are another entry.
    load(site)
    moved = site / "frameworks" / "acme-platform.yaml"
    (site / "frameworks" / "acme-engineering.yaml").rename(moved)
    schema_checks.clear()
    frameworks, _ = load(site)
    assert schema_checks == ["acme-platform.yaml"]
    assert [f.slug for f in frameworks] == ["acme-platform"]


@pytest.mark.parametrize(
    "content",
    [b"not json", b"{}", b'{"data": {"title": 1}, "html": {}, "problems": []}', b"[1, 2]"],
)
def test_a_broken_or_foreign_entry_is_ignored(
    site: Path, schema_checks: list[str], content: bytes
) -> None:
    first, _ = load(site)
    entries = list(checkcache.cache_dir().glob("*.json"))
    assert len(entries) == 1
    entries[0].write_bytes(content)
    schema_checks.clear()
    again, _ = load(site)
    assert schema_checks == ["acme-engineering.yaml"]
    assert [repr(f) for f in again] == [repr(f) for f in first]


def test_without_reuse_every_file_is_checked(site: Path, schema_checks: list[str]) -> None:
    load(site)
    load(site, reuse=False)
    assert schema_checks == ["acme-engineering.yaml", "acme-engineering.yaml"]


def test_a_cache_folder_that_cannot_be_written_costs_only_speed(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    result = cli("build", "--site", str(site), "--out", str(tmp_path / "out"))
    assert result.code == 0, result.err
    assert (tmp_path / "out" / "index.html").is_file()


def test_the_cli_build_reuses_checks_and_clean_does_not(
    site: Path, tmp_path: Path, schema_checks: list[str], cli
) -> None:
    out = str(tmp_path / "out")
    assert cli("build", "--site", str(site), "--out", out).code == 0
    # Another output folder: the build has no state of its own, only the kept checks.
    assert cli("build", "--site", str(site), "--out", str(tmp_path / "other")).code == 0
    assert schema_checks == ["acme-engineering.yaml"]
    assert cli("build", "--site", str(site), "--out", out, "--clean").code == 0
    assert schema_checks == ["acme-engineering.yaml", "acme-engineering.yaml"]


def test_entries_unused_for_a_month_are_removed(site: Path) -> None:
    load(site)
    [entry] = checkcache.cache_dir().glob("*.json")
    month_ago = entry.stat().st_mtime - checkcache.UNUSED_FOR - 60
    os.utime(entry, (month_ago, month_ago))
    checkcache.prune()
    assert not entry.exists()
    load(site)  # and a build makes it again
    assert entry.exists()
