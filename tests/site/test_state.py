"""Build state kept in the output folder: no-op rebuilds do nothing, edits re-render little."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest

from ladderpress.build import UP_TO_DATE, BuildReport, build
from ladderpress.check.config import load_config
from ladderpress.core.model import Framework
from ladderpress.core.problems import InputError, Problem, Severity, warning
from ladderpress.incremental.keys import BuildCache
from ladderpress.incremental.state import PAGES_FILE, STATE_FILE, problem_from, problem_record
from ladderpress.render import export, search
from ladderpress.write.output import WriteReport
from tests.support.paths import FIXTURES
from tests.support.sites import snapshot

FRAMEWORK = "frameworks/acme-engineering.yaml"


def run(site: Path, **options: object) -> BuildReport:
    return build(load_config(site), **options)  # type: ignore[arg-type]


def is_noop(report: BuildReport) -> bool:
    return UP_TO_DATE in report.notes and set(report.timings) == {"up to date"}


def page_urls(site: Path) -> list[str]:
    return list(json.loads((site / "_site" / PAGES_FILE).read_text())["pages"])


def age(path: Path, seconds: float = 3600) -> None:
    """Give the file an old modification time, as if edited long before the build."""
    when = time.time_ns() - int(seconds * 1e9)
    os.utime(path, ns=(when, when))


@pytest.fixture
def two(site: Path) -> Path:
    """The fixture site with a second framework, so that one can change alone."""
    shutil.copy(site / FRAMEWORK, site / "frameworks/other.yaml")
    age(site / "frameworks/other.yaml")
    return site


def test_second_build_does_nothing(site: Path) -> None:
    first = run(site)
    assert not is_noop(first) and first.rendered == first.pages > 0
    before = snapshot(site / "_site")
    second = run(site)
    assert is_noop(second)
    assert second.pages == first.pages and second.frameworks == first.frameworks == 1
    assert second.written == WriteReport(0, first.written.written, 0)  # type: ignore[union-attr]
    assert second.rendered == 0
    assert snapshot(site / "_site") == before  # the state files too: nothing was written


def test_editing_a_framework_rerenders_its_pages_and_the_site_wide_ones(
    two: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(two)
    made: list[str] = []
    make_csv = export.framework_csv

    def spy(framework: Framework) -> bytes:
        made.append(framework.slug)
        return make_csv(framework)

    monkeypatch.setattr(export, "framework_csv", spy)
    others = [url for url in page_urls(two) if url.startswith("other/")]
    untouched = {url: (two / "_site" / url / "index.html").stat().st_ino for url in others}
    exports = {name: (two / "_site" / name).stat().st_ino for name in ("other.json", "other.csv")}
    framework = two / FRAMEWORK
    framework.write_text(framework.read_text().replace("Learning the ropes.", "Learning fast."))
    report = run(two)
    # The other framework's data files are neither made again nor rewritten.
    assert made == ["acme-engineering"]
    assert {name: (two / "_site" / name).stat().st_ino for name in exports} == exports
    assert "Learning fast." in (two / "_site/acme-engineering.json").read_text()
    assert not is_noop(report)
    assert report.reused == len(others) > 0
    assert report.rendered == report.pages - len(others)
    assert "Learning fast." in (two / "_site/acme-engineering/levels/junior/index.html").read_text()
    for url, inode in untouched.items():
        assert (two / "_site" / url / "index.html").stat().st_ino == inode, url


def test_editing_a_template_rerenders_the_pages_that_use_it(site: Path) -> None:
    run(site)
    levels = [
        url
        for url in page_urls(site)
        # The list of levels (levels.html) and next steps (next-steps.html) are not level pages.
        if url.startswith("acme-engineering/levels/") and url.count("/") == 3
    ]
    templates = site / "theme/templates"
    templates.mkdir(parents=True)
    level = templates / "level.html"
    level.write_text("{% extends 'base.html' %}{% block content %}<h1>first</h1>{% endblock %}")
    report = run(site)
    assert not is_noop(report) and report.rendered == len(levels) > 0
    page = site / "_site/acme-engineering/levels/junior/index.html"
    assert "<h1>first</h1>" in page.read_text()
    # Same size, and a modification time set back to what it was: the content still counts.
    mtime = level.stat().st_mtime_ns
    level.write_text(level.read_text().replace("first", "again"))
    os.utime(level, ns=(mtime, mtime))
    report = run(site)
    assert not is_noop(report) and report.rendered == len(levels)
    assert "<h1>again</h1>" in page.read_text()


def test_a_deleted_output_file_is_restored(site: Path) -> None:
    run(site)
    page = site / "_site/acme-engineering/levels/senior/index.html"
    expected = page.read_bytes()
    page.unlink()
    report = run(site)
    assert not is_noop(report)
    assert report.rendered == 1 and report.written == WriteReport(1, report.written.unchanged, 0)  # type: ignore[union-attr]
    assert page.read_bytes() == expected
    assert is_noop(run(site))


def test_clean_ignores_the_state(site: Path) -> None:
    first = run(site)
    report = run(site, clean=True)
    assert not is_noop(report)
    assert report.rendered == report.pages and report.reused == 0
    assert report.written == WriteReport(first.written.written, 0, 0)  # type: ignore[union-attr]
    assert is_noop(run(site))  # and leaves a state behind


def test_a_long_running_cache_is_never_short_circuited(site: Path) -> None:
    cache = BuildCache()
    run(site, cache=cache)
    report = run(site, cache=cache)
    assert not is_noop(report) and report.reused == report.pages and report.rendered == 0


def test_touching_a_file_without_changing_it_stores_the_new_state(site: Path) -> None:
    run(site)
    state = (site / "_site" / STATE_FILE).read_bytes()
    age(site / FRAMEWORK, 60)  # a new modification time, same content
    report = run(site)
    assert not is_noop(report)
    assert report.rendered == 0 and report.written == WriteReport(0, report.written.unchanged, 0)  # type: ignore[union-attr]
    assert (site / "_site" / STATE_FILE).read_bytes() != state
    assert is_noop(run(site))


def test_changing_an_option_rebuilds(site: Path) -> None:
    run(site)
    assert not is_noop(run(site, preview=True))
    assert not is_noop(run(site))
    assert is_noop(run(site))


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: "{not json",
        lambda text: "[]",
        lambda text: text.replace('"format": 1', '"format": 999'),
        lambda text: text.replace('"fingerprint": "', '"fingerprint": 7, "x": "'),
        lambda text: text.replace('"warnings": []', '"warnings": [{"path": 1}]'),
        lambda text: text.replace('"pages": ', '"pages": "many", "x": '),
    ],
)
def test_a_damaged_state_is_ignored(cli, site: Path, damage) -> None:
    assert cli("build", "--site", str(site)).code == 0
    for name in (STATE_FILE, PAGES_FILE):
        path = site / "_site" / name
        path.write_text(damage(path.read_text()))
    result = cli("build", "--site", str(site))
    assert result.code == 0 and "Traceback" not in result.err
    assert UP_TO_DATE not in result.err
    assert "0 written" in result.out  # rendered again, found identical
    assert UP_TO_DATE in cli("build", "--site", str(site)).err


def test_a_failed_build_keeps_the_previous_output_and_state(site: Path) -> None:
    run(site)
    before = snapshot(site / "_site")
    assert {STATE_FILE, PAGES_FILE} <= set(before)
    framework = site / FRAMEWORK
    good = framework.read_text()
    framework.write_text(good.replace("category: people", "category: peple"))
    with pytest.raises(InputError):
        run(site)
    assert snapshot(site / "_site") == before
    framework.write_text(good)
    report = run(site)
    assert not is_noop(report) and report.rendered == 0
    assert is_noop(run(site))


def test_warnings_are_reported_again_when_nothing_changed(site: Path) -> None:
    framework = site / FRAMEWORK
    line = "        - Asks for feedback on their work.\n"
    framework.write_text(framework.read_text().replace(line, line * 2))
    first = run(site)
    assert any(p.rule == "duplicate-statement" for p in first.warnings)
    second = run(site)
    assert is_noop(second) and second.warnings == first.warnings


def test_adding_a_translation_rerenders_the_pages_it_translates(site: Path) -> None:
    run(site)
    english = site / "_site/acme-engineering/levels/junior/index.html"
    assert 'hreflang="fr"' not in english.read_text()
    text = (site / FRAMEWORK).read_text().replace("Junior Engineer", "Ingénieur débutant")
    (site / "frameworks/acme-engineering.fr.yaml").write_text(text, encoding="utf-8")
    run(site)
    assert 'hreflang="fr"' in english.read_text()


def test_problems_survive_the_state_file() -> None:
    problem = warning("frameworks/é.yaml", 3, 7, "repeats “this”\non two lines", "dup")
    assert problem_from(json.loads(json.dumps(problem_record(problem)))) == problem
    with pytest.raises((KeyError, TypeError, ValueError)):
        problem_from({**problem_record(problem), "severity": "fatal"})
    assert Problem("p", 1, 1, Severity.ERROR, "m", "r") == problem_from(
        problem_record(Problem("p", 1, 1, Severity.ERROR, "m", "r"))
    )


def test_cli_build_twice_says_nothing_changed(cli, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "site", site)
    out = tmp_path / "out"
    first = cli("build", "--site", str(site), "--out", str(out))
    assert first.code == 0 and UP_TO_DATE not in first.err
    second = cli("build", "--site", str(site), "--out", str(out), "--verbose")
    assert second.code == 0
    assert f"note: {UP_TO_DATE}" in second.err and "up to date" in second.err
    built = re.compile(r"^Built (\d+) pages from 1 framework")
    assert built.match(first.out) and built.match(second.out)
    assert built.match(first.out)[1] == built.match(second.out)[1]  # type: ignore[index]
    assert "0 written" in second.out


def test_editing_a_framework_reindexes_only_its_search_bundle(
    two: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not search.available():
        pytest.skip("Pagefind is not installed")
    monkeypatch.setattr("ladderpress.core.urls.FRAMEWORKS_PER_SEARCH_BUNDLE", 1)
    indexed: list[int] = []
    index = search.SearchIndexJob._index

    def spy(job: search.SearchIndexJob, number: int) -> bool:
        indexed.append(number)
        return index(job, number)

    monkeypatch.setattr(search.SearchIndexJob, "_index", spy)
    run(two)
    assert sorted(indexed) == [0, 1]
    out = two / "_site"
    before = snapshot(out)
    # acme-engineering sorts first: its bundle is pagefind/, other.yaml's pagefind/part-2/.
    other = two / "frameworks/other.yaml"
    other.write_text(other.read_text().replace("Acme", "Zenith Quokka"))
    indexed.clear()
    run(two)
    assert indexed == [1]
    after = snapshot(out)
    kept = [n for n in before if n.startswith("pagefind/") and not n.startswith("pagefind/part-")]
    assert "pagefind/pagefind-entry.json" in kept
    assert all(after[name] == before[name] for name in kept)
    entry = "pagefind/part-2/pagefind-entry.json"
    assert after[entry][1] != before[entry][1]  # indexed with the new wording
    # A clean build indexes everything again.
    indexed.clear()
    run(two, clean=True)
    assert sorted(indexed) == [0, 1]
