"""Machine-readable outputs: JSON export against its schema, CSV matrix, index, feeds."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from jsonschema import Draft202012Validator

from tests.support.paths import REPO


def build(cli, site: Path, *extra: str) -> Path:
    result = cli("build", "--site", str(site), *extra)
    assert result.code == 0, result.err
    return site / "_site"


def test_json_export_validates_against_its_schema(cli, site: Path) -> None:
    out = build(cli, site)
    record = json.loads((out / "acme-engineering.json").read_text(encoding="utf-8"))
    schema = json.loads((REPO / "schema/export.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator(schema).validate(record)
    assert record["slug"] == "acme-engineering" and record["cumulative"] is True
    testing = next(c for c in record["competencies"] if c["id"] == "testing")
    junior = testing["expectations"]["junior"]
    assert junior[1]["id"] == "testing-reads-failures"
    assert junior[0]["html"] == "Writes unit tests for the code they change."
    assert (out / "schema/export.schema.json").is_file()
    assert (out / "schema/framework.schema.json").is_file()


def test_csv_reproduces_the_matrix(cli, site: Path) -> None:
    out = build(cli, site)
    raw = (out / "acme-engineering.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == [
        "Category",
        "Competency",
        "Junior Engineer",
        "Engineer",
        "Senior Engineer",
        "Staff Engineer",
        "Engineering Manager",
    ]
    testing = next(r for r in rows if r[1] == "Testing")
    assert testing[0] == "Craft"
    assert testing[2].split("\n") == [
        "Writes unit tests for the code they change.",
        "Reads a failing test and finds the cause.",
    ]
    assert len(rows) == 3


def test_csv_cells_cannot_become_formulas(cli, site: Path) -> None:
    framework = site / "frameworks/acme-engineering.yaml"
    framework.write_text(
        framework.read_text().replace(
            "- Asks for feedback on their work.", '- "=HYPERLINK(\\"http://x\\")"'
        )
    )
    out = build(cli, site)
    rows = list(csv.reader(io.StringIO((out / "acme-engineering.csv").read_text("utf-8-sig"))))
    mentoring = next(r for r in rows if r[1] == "Mentoring")
    assert mentoring[2].startswith("'=")


def test_index_json_lists_every_framework(cli, site: Path) -> None:
    out = build(cli, site)
    index = json.loads((out / "frameworks.json").read_text(encoding="utf-8"))
    [entry] = index["frameworks"]
    assert entry["slug"] == "acme-engineering" and entry["statements"] == 11
    assert (out / entry["json"]).is_file() and (out / entry["csv"]).is_file()


def test_feeds_and_sitemap_with_base_url(cli, site: Path) -> None:
    out = build(cli, site, "--base-url", "https://example.org/ladders/")
    urls = [
        e.text
        for e in ET.parse(out / "sitemap.xml")
        .getroot()
        .iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert "https://example.org/ladders/acme-engineering/levels/senior/" in urls
    assert not any("404" in u for u in urls)
    robots = (out / "robots.txt").read_text()
    assert "Sitemap: https://example.org/ladders/sitemap.xml" in robots
    feed = ET.parse(out / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    [entry] = feed.findall(f"{atom}entry")
    assert entry.find(f"{atom}link").get("href") == "https://example.org/ladders/acme-engineering/"
    assert entry.find(f"{atom}updated").text == "2026-01-15T00:00:00Z"
    page = (out / "acme-engineering/index.html").read_text()
    assert (
        '<meta property="og:url" content="https://example.org/ladders/acme-engineering/">' in page
    )
    assert '<meta property="og:title" content="Engineering ladder — Acme Test Co">' in page


def test_without_base_url_there_is_no_sitemap_but_a_feed(cli, site: Path) -> None:
    out = build(cli, site)
    assert not (out / "sitemap.xml").exists()
    assert "Sitemap" not in (out / "robots.txt").read_text()
    ET.parse(out / "feed.xml")


def test_discipline_and_tag_pages(cli, site: Path) -> None:
    out = build(cli, site)
    for page in ("disciplines/engineering/index.html", "tags/testing/index.html"):
        html = (out / page).read_text()
        assert 'href="../../acme-engineering/"' in html


def test_search_index_is_built(cli, site: Path) -> None:
    out = build(cli, site)
    assert (out / "pagefind/pagefind.js").is_file()
    assert (out / "search/index.html").is_file()
    assert 'href="search/"' in (out / "index.html").read_text()


def test_config_include_and_navigation(cli, site: Path) -> None:
    (site / "frameworks/second.yaml").write_text(
        (site / "frameworks/acme-engineering.yaml").read_text()
    )
    (site / "ladderpress.yaml").write_text(
        "title: Fixture\ninclude: [second]\n"
        "navigation:\n  - {title: About, url: about/}\n  - {title: Blog, url: 'https://example.org/blog'}\n"
    )
    out = build(cli, site)
    assert (out / "second/index.html").exists()
    assert not (out / "acme-engineering").exists()
    home = (out / "index.html").read_text()
    assert '<a href="about/">About</a>' in home and 'href="https://example.org/blog"' in home
    (site / "ladderpress.yaml").write_text("include: [nope]\n")
    result = cli("build", "--site", str(site))
    assert result.code == 1 and "'include' names frameworks that do not exist: nope" in result.err


def test_export_command_and_csv_round_trip_through_import(cli, tmp_path: Path) -> None:
    from ladderpress.check.files import check_paths

    out = tmp_path / "export"
    result = cli("export", "--out", str(out), str(REPO / "frameworks/quillstack-startup.yaml"))
    assert result.code == 0, result.err
    assert (out / "quillstack-startup.json").is_file() and (out / "frameworks.json").is_file()
    site = tmp_path / "site"
    site.mkdir()  # import writes into an existing site, never creates one
    imported = cli(
        "import", str(out / "quillstack-startup.csv"), "--site", str(site), "--slug", "round-trip"
    )
    assert imported.code == 0, imported.err
    [original] = check_paths([REPO / "frameworks/quillstack-startup.yaml"]).frameworks
    again = check_paths([site / "frameworks/round-trip.yaml"])
    assert again.ok, again.problems
    [copy] = again.frameworks

    def matrix(framework) -> list[tuple[str, str, list[list[str]]]]:
        return [
            (
                category.name,
                framework.competencies[cid].name,
                [
                    [s.text for s in framework.competencies[cid].at(lvl)]
                    for lvl in framework.level_order
                ],
            )
            for category in framework.categories
            for cid in category.competencies
        ]

    assert matrix(copy) == matrix(original)


def test_import_refuses_to_overwrite(cli, tmp_path: Path) -> None:
    source = tmp_path / "ladder.csv"
    source.write_text("Competency,Junior,Senior\nTesting,Writes tests,Sets the approach\n")
    assert cli("import", str(source), "--site", str(tmp_path)).code == 0
    again = cli("import", str(source), "--site", str(tmp_path))
    assert again.code == 1 and "already exists" in again.err
    assert cli("import", str(source), "--site", str(tmp_path), "--force").code == 0
    printed = cli("import", str(source), "--stdout")
    assert printed.out.startswith("# yaml-language-server: $schema=")


def test_import_of_garbage_is_a_clear_error(cli, tmp_path: Path) -> None:
    source = tmp_path / "ladder.csv"
    source.write_bytes(b"\x00\x01\x02binary")
    result = cli("import", str(source))
    assert result.code == 1 and "Traceback" not in result.err
    assert "ladder.csv:" in result.err


def test_suggest_a_change_links_when_a_repository_is_named(cli, site: Path) -> None:
    from urllib.parse import parse_qs, urlsplit

    out = build(cli, site)
    assert "Suggest a change" not in (out / "acme-engineering/levels/junior/index.html").read_text()
    (site / "ladderpress.yaml").write_text("repository: https://github.com/acme/ladders\n")
    out = build(cli, site)
    html = (out / "acme-engineering/levels/junior/index.html").read_text()
    import re

    links = re.findall(r'class="suggest" href="([^"]+)"', html)
    assert links
    target = urlsplit(links[0].replace("&amp;", "&"))
    assert target.netloc == "github.com" and target.path == "/acme/ladders/issues/new"
    query = parse_qs(target.query)
    assert query["title"] == ["acme-engineering: Testing at Junior Engineer"]
    assert "**Statement:** `testing--junior-1`" in query["body"][0]
    assert "> Writes unit tests for the code they change." in query["body"][0]
