"""No control character reaches a page, the feed, the sitemap or an export.

YAML's escapes ("\\x1b", "\\0", "\\e", "\\u0085", "\\uFFFE"…) let a framework hold
characters that XML 1.0 cannot carry and that terminals act on. Whatever a framework
holds, either `validate` refuses it, naming the character, or the Atom feed, the
sitemap and the exports parse.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ladderpress.check.config import load_config
from ladderpress.check.files import check_paths
from ladderpress.core.problems import InputError
from ladderpress.core.site import SiteConfig
from ladderpress.importers.draft import (
    Draft,
    DraftCategory,
    DraftCompetency,
    DraftLevel,
    DraftStatement,
    Origin,
)
from ladderpress.importers.writer import render
from ladderpress.load.characters import FORBIDDEN
from ladderpress.plan.pages import Page
from ladderpress.render.export import framework_csv, framework_json
from ladderpress.render.feeds import atom_feed, sitemap

TINY = """\
title: "Tiny ladder TITLE"
organisation:
  name: "Tiny Co NAME"
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
        - "Reads the tests STATEMENT"
      two:
        - Designs the test strategy for a service.
"""


def framework_with(tmp_path: Path, escape: str) -> Path:
    """The tiny framework with the YAML escape `escape` in its title, organisation name
    and a statement."""
    path = tmp_path / "tiny.yaml"
    text = TINY
    for marker in ("TITLE", "NAME", "STATEMENT"):
        text = text.replace(marker, f"{marker.lower()}{escape}end")
    path.write_text(text, encoding="utf-8")
    return path


def outputs_parse(tmp_path: Path, path: Path) -> None:
    result = check_paths([path])
    assert result.ok, result.problems
    config = SiteConfig(root=tmp_path, base_url="https://example.org/")
    ET.fromstring(atom_feed(config, result.frameworks))
    pages = [Page(url="tiny/", template="framework.html", title="Tiny")]
    site_map = sitemap(config, pages)
    assert site_map is not None
    ET.fromstring(site_map)
    [framework] = result.frameworks
    json.loads(framework_json(framework))
    rows = list(csv.reader(io.StringIO(framework_csv(framework).decode("utf-8-sig"))))
    assert len(rows) == 2


# Every C0 and C1 control, DEL, the bidi controls, and characters near them.
CODE_POINTS = [
    *range(0x00, 0x20),
    *range(0x7F, 0xA1),
    0xAD,
    *range(0x200B, 0x2010),
    *range(0x2028, 0x202F),
    *range(0x2060, 0x206A),
    0xFEFF,
    0xFFFD,
    0xFFFE,
    0xFFFF,
    0x1F600,
    0xE0041,
]


@pytest.mark.parametrize("code", CODE_POINTS, ids=[f"U+{c:04X}" for c in CODE_POINTS])
def test_a_character_is_refused_by_name_or_every_output_parses(tmp_path: Path, code: int) -> None:
    path = framework_with(tmp_path, f"\\U{code:08X}")
    result = check_paths([path])
    if FORBIDDEN.match(chr(code)):
        assert not result.ok
        assert {p.rule for p in result.problems} == {"control-character"}
        assert [(p.line, p.col) for p in result.problems] == [(1, 8), (3, 9), (23, 11)]
        assert all(f"U+{code:04X}" in p.message for p in result.problems)
        assert all("delete it" in p.message or "new lines" in p.message for p in result.problems)
    else:
        outputs_parse(tmp_path, path)


def test_tab_newline_and_invisible_marks_are_kept(tmp_path: Path) -> None:
    path = framework_with(tmp_path, "\\t\\n\\u200e\\u200d\\ufeff\\L")
    outputs_parse(tmp_path, path)
    [framework] = check_paths([path]).frameworks
    assert framework.organisation.name == "Tiny Co name\t\n\u200e\u200d\ufeff\u2028end"


def test_a_raw_bidi_override_is_pointed_at_exactly(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY.replace("Reads the tests", "Reads \u202ethe tests"), encoding="utf-8")
    [problem] = check_paths([path]).problems
    assert (problem.line, problem.col, problem.rule) == (23, 18, "control-character")
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in problem.message
    assert "\u202e" not in problem.message


def test_a_control_character_in_a_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY.replace("  name: ", '  "name\\e[2J": ', 1), encoding="utf-8")
    problems = check_paths([path]).problems
    assert [(p.line, p.col, p.rule) for p in problems] == [(3, 3, "control-character")]
    assert "this key contains U+001B ESCAPE" in problems[0].message


def test_a_carriage_return_escape_is_refused_but_crlf_line_ends_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_bytes(
        TINY.replace("TITLE", "")
        .replace("NAME", "")
        .replace("STATEMENT", "")
        .replace("\n", "\r\n")
        .encode()
    )
    assert check_paths([path]).ok
    problems = check_paths([framework_with(tmp_path, "\\r")]).problems
    assert problems and all("U+000D CARRIAGE RETURN" in p.message for p in problems)


def test_the_command_line_never_prints_the_character(tmp_path: Path, cli) -> None:
    result = cli("validate", str(framework_with(tmp_path, "\\e[31m")))
    assert result.code == 1
    assert "\x1b" not in result.err + result.out
    assert result.err.count("[control-character]") == 3


def test_the_site_configuration_is_checked_too(tmp_path: Path) -> None:
    (tmp_path / "ladderpress.yaml").write_text('title: "Ladders\\x07"\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_config(tmp_path)
    [problem] = caught.value.problems
    assert (problem.line, problem.col, problem.rule) == (1, 8, "control-character")
    assert "U+0007 BELL" in problem.message


def test_a_built_site_with_unusual_but_allowed_characters_has_a_feed_that_parses(
    cli, site: Path
) -> None:
    framework = site / "frameworks/acme-engineering.yaml"
    text = framework.read_text(encoding="utf-8")
    framework.write_text(
        text.replace("  name: Acme Test Co\n", '  name: "Acme\\tTest \\u200eCo\\ufeff & <x>"\n'),
        encoding="utf-8",
    )
    (site / "ladderpress.yaml").write_text('title: "Fixture\\tladders"\n', encoding="utf-8")
    result = cli("build", "--site", str(site), "--base-url", "https://example.org/")
    assert result.code == 0, result.err
    out = site / "_site"
    feed = ET.parse(out / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    assert feed.findtext(f"{atom}title") == "Fixture\tladders"
    assert feed.findtext(f"{atom}entry/{atom}title", "").startswith(
        "Acme\tTest \u200eCo\ufeff & <x>"
    )
    ET.parse(out / "sitemap.xml")
    json.loads((out / "acme-engineering.json").read_text(encoding="utf-8"))


def test_an_import_never_writes_a_character_that_validate_refuses(tmp_path: Path) -> None:
    where = Origin("ladder.md", 1, 1)
    draft = Draft("monzo", "Monzo", where, title="Ladder\u2066")
    draft.levels.append(DraftLevel("One\x7f", where))
    draft.categories.append(DraftCategory("Craft", where))
    competency = DraftCompetency("Testing", 0, where)
    competency.add(0, DraftStatement("Writes\x1b tests", where))
    draft.competencies.append(competency)
    text, warnings = render(draft, slug="ladder", organisation="Tiny Co")
    assert FORBIDDEN.search(text) is None and "\\e" not in text and "\\x" not in text
    assert [w.rule for w in warnings].count("import-character") == 1
    path = tmp_path / "ladder.yaml"
    path.write_text(text, encoding="utf-8")
    assert check_paths([path]).ok
