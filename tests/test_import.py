"""`ladderpress.importers`: spreadsheets, Monzo pages and FT YAML become valid frameworks."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladderpress.importers import ImportResult, detect_format, import_file
from ladderpress.importers.draft import slugify, split_statements
from ladderpress.problems import InputError, Problem, Severity
from ladderpress.validate import check_paths

from .conftest import FIXTURES

IMPORT = FIXTURES / "import"
SCHEMA_LINE = (
    "# yaml-language-server: $schema=https://ladderpress.dev/schema/v1/framework.schema.json"
)
KEY_ORDER = [
    "title",
    "summary",
    "organisation",
    "disciplines",
    "cumulative",
    "tracks",
    "levels",
    "categories",
    "competencies",
]


def valid(result: ImportResult, folder: Path) -> dict[str, Any]:
    """Write the import where `validate` expects it, assert it has no error, return the data."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{result.slug}.yaml"
    target.write_text(result.yaml_text, encoding="utf-8")
    checked = check_paths([target])
    assert checked.ok, [p for p in checked.problems if p.is_error]
    assert result.yaml_text.splitlines()[0] == SCHEMA_LINE
    assert all(p.severity is Severity.WARNING for p in result.warnings)
    data: dict[str, Any] = yaml.safe_load(result.yaml_text)
    assert list(data) == [key for key in KEY_ORDER if key in data]
    return data


def competency(data: dict[str, Any], competency_id: str) -> dict[str, Any]:
    return next(c for c in data["competencies"] if c["id"] == competency_id)


def at(warnings: list[Problem], rule: str) -> list[tuple[int, int]]:
    return [(w.line, w.col) for w in warnings if w.rule == rule]


def position_of(path: Path, needle: str) -> tuple[int, int]:
    """1-based line and column of `needle` in a file (the start of its cell)."""
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


# --- spreadsheets ------------------------------------------------------------------------


def test_realistic_csv(tmp_path: Path) -> None:
    source = IMPORT / "ladder.csv"
    result = import_file(source)
    assert (result.format, result.slug) == ("csv", "ladder")
    data = valid(result, tmp_path)

    assert [level["id"] for level in data["levels"]] == [
        "junior-engineer",
        "engineer",
        "senior-engineer",
        "staff-engineer",
    ]
    assert data["tracks"][0]["levels"] == [level["id"] for level in data["levels"]]
    assert [c["id"] for c in data["categories"]] == ["craft", "delivery", "people"]
    assert [c["id"] for c in data["competencies"]] == [
        "code-quality",
        "testing",
        "planning",
        "delivery-testing",
        "mentoring",
    ]
    quality = competency(data, "code-quality")
    assert quality["description"] == "Writing code that others can read, change and trust."
    assert quality["expectations"]["junior-engineer"] == [
        "Writes small, readable functions with clear names.",
        "Asks for a review before merging.",
    ]
    assert (
        quality["expectations"]["engineer"][0] == "Leaves code a little tidier than they found it."
    )
    assert quality["expectations"]["senior-engineer"] == ["Sets code review norms for the team."]
    testing = competency(data, "testing")
    assert testing["category"] == "craft"  # an empty Category cell keeps the one above
    assert "senior-engineer" not in testing["expectations"]  # an empty cell
    assert testing["expectations"]["engineer"][1] == "Keeps the test suite fast and reliable."
    assert competency(data, "delivery-testing")["name"] == "Testing"
    mentoring = competency(data, "mentoring")
    assert set(mentoring["expectations"]) == {"engineer", "senior-engineer", "staff-engineer"}
    assert data["cumulative"] is True
    assert "A statement without a competency name." not in result.yaml_text
    assert "A note under no header" not in result.yaml_text

    assert at(result.warnings, "import-duplicate") == [position_of(source, "Testing,,Checks")]
    duplicate = next(w for w in result.warnings if w.rule == "import-duplicate")
    assert "'Testing'" in duplicate.message and "cell B3" in duplicate.message
    no_name = at(result.warnings, "import-no-name")
    assert no_name == [position_of(source, "A statement without")]
    stray = [w for w in result.warnings if w.rule == "import-stray-cell"]
    assert [(w.line, w.col) for w in stray] == [
        position_of(source, "A note under no header"),
        position_of(source, "an extra cell"),
    ]
    assert "cell G8 is under a column with no header" in stray[0].message
    assert "cell I8 is beyond the last column" in stray[1].message
    assert all(w.path.endswith("ladder.csv") for w in result.warnings)


def test_header_and_placeholders(tmp_path: Path) -> None:
    result = import_file(IMPORT / "ladder.csv")
    lines = result.yaml_text.splitlines()
    assert lines[1].startswith("# Imported from ladder.csv (CSV spreadsheet)")
    assert any("review" in line for line in lines[1:9])
    data = valid(result, tmp_path)
    assert data["title"] == "Your organisation career framework"
    assert data["organisation"] == {"name": "Your organisation"}
    assert data["disciplines"] == ["engineering"]
    placeholders = [w.message for w in result.warnings if w.rule == "import-placeholder"]
    assert any(m.startswith("title is a placeholder") for m in placeholders)
    assert any(m.startswith("organisation name is a placeholder") for m in placeholders)
    assert any(m.startswith("disciplines are a placeholder") for m in placeholders)
    # block style, two-space indents
    assert "\n  - id: code-quality\n    name: Code quality\n" in result.yaml_text
    assert "{" not in result.yaml_text


def test_organisation_and_slug_arguments(tmp_path: Path) -> None:
    result = import_file(IMPORT / "ladder.csv", slug="acme-eng", organisation="Acme Widgets")
    assert result.slug == "acme-eng"
    data = valid(result, tmp_path)
    assert data["organisation"]["name"] == "Acme Widgets"
    assert data["title"] == "Acme Widgets career framework"
    messages = [w.message for w in result.warnings]
    assert not any(m.startswith("organisation name") for m in messages)
    with pytest.raises(InputError, match="cannot be a framework slug"):
        import_file(IMPORT / "ladder.csv", slug="Not A Slug")
    with pytest.raises(InputError, match="cannot be a framework slug"):
        import_file(IMPORT / "ladder.csv", slug="compare")


def test_semicolon_csv_is_sniffed(tmp_path: Path) -> None:
    result = import_file(IMPORT / "semicolon.csv")
    data = valid(result, tmp_path)
    assert [level["name"] for level in data["levels"]] == ["Level 1", "Level 2", "Level 3"]
    operations = competency(data, "operations")
    assert operations["expectations"]["level-1"] == ["Handles 1,000 requests a day without help"]
    assert competency(data, "communication")["expectations"]["level-1"] == [
        "Writes clear updates; keeps them short"
    ]


def test_excel_sep_line_and_tsv(tmp_path: Path) -> None:
    sep = tmp_path / "sep.csv"
    sep.write_text("sep=|\nSkill|Junior|Senior\nTesting|Tests, often|Tests; always\n")
    data = valid(import_file(sep), tmp_path / "a")
    assert competency(data, "testing")["expectations"] == {
        "junior": ["Tests, often"],
        "senior": ["Tests; always"],
    }
    tsv = tmp_path / "tabs.tsv"
    tsv.write_text("Competency\tJunior, new\tSenior; old\nTesting\tWrites tests\tDesigns tests\n")
    data = valid(import_file(tsv), tmp_path / "b")
    assert [level["id"] for level in data["levels"]] == ["junior-new", "senior-old"]


def test_bom_crlf_csv_with_empty_first_header(tmp_path: Path) -> None:
    assert (IMPORT / "bom.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    result = import_file(IMPORT / "bom.csv")
    data = valid(result, tmp_path)
    assert [level["id"] for level in data["levels"]] == ["associate", "practitioner", "lead"]
    assert data["categories"] == [{"id": "general", "name": "General"}]
    assert competency(data, "design-systems")["expectations"]["associate"] == [
        "Uses components from the shared library.",
        "Reports gaps in it.",
    ]


def test_utf16_tab_separated_text(tmp_path: Path) -> None:
    # What Excel writes as "Unicode Text".
    source = tmp_path / "unicode.txt"
    source.write_bytes("Competency\tDébutant\tConfirmé\nRévision\tRelit\tGuide\n".encode("utf-16"))
    data = valid(import_file(source), tmp_path / "out")
    assert [level["id"] for level in data["levels"]] == ["debutant", "confirme"]
    assert competency(data, "revision")["name"] == "Révision"


def test_duplicate_levels_headings_and_reserved_ids(tmp_path: Path) -> None:
    source = tmp_path / "ladder.csv"
    source.write_text(
        "Competency,Senior,Senior,Lead\n"
        "Building,,,\n"
        "Con,Ships,Ships more,Ships most\n"
        "Con,Tests,,\n"
        f"{'Very long name ' * 8},Reviews,,\n"
        "Empty,,,\n"
        "Operating,,,\n"
        "Runbooks,Writes one,,Reviews all\n"
    )
    result = import_file(source)
    data = valid(result, tmp_path / "out")
    assert [level["id"] for level in data["levels"]] == ["senior", "senior-2", "lead"]
    assert [c["id"] for c in data["categories"]] == ["building", "operating"]
    ids = [c["id"] for c in data["competencies"]]
    assert ids[:2] == ["con-competency", "con-competency-2"]
    assert len(data["competencies"][2]["name"]) <= 80
    assert "runbooks" in ids and "empty" not in ids
    rules = [w.rule for w in result.warnings]
    assert rules.count("import-duplicate") == 2  # a level and a competency
    assert "import-long-name" in rules
    assert rules.count("import-heading") == 3  # Building, Empty, Operating


def test_columns_that_repeat_statements_are_not_cumulative(tmp_path: Path) -> None:
    source = tmp_path / "full.csv"
    source.write_text(
        "Competency,L1,L2\n"
        'Testing,Writes tests,"Writes tests\nDesigns tests"\n'
        'Reviews,Reviews code,"Reviews code\nReviews designs"\n'
    )
    result = import_file(source)
    assert valid(result, tmp_path / "out")["cumulative"] is False
    assert "cumulative: false" in next(
        w.message for w in result.warnings if w.rule == "import-review"
    )


def test_xlsx_built_with_openpyxl(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Ladder"
    sheet.append(["Category", "Competency", "Associate", "Senior", "Principal"])
    sheet.append(["Craft", "Testing", "- Writes tests\n- Runs them", "Designs test plans", None])
    sheet.append([None, "Debugging", "Reads logs", None, "Finds the cause of rare faults"])
    sheet.append([])
    sheet.append(["People", "Mentoring", None, 3, "Grows other mentors"])
    sheet["G2"] = "orphan"
    notes = workbook.create_sheet("Notes")
    notes["A1"] = "Not part of the ladder"
    path = tmp_path / "ladder.xlsx"
    workbook.save(path)

    result = import_file(path)
    assert result.format == "xlsx"
    data = valid(result, tmp_path / "out")
    assert competency(data, "testing")["expectations"]["associate"] == ["Writes tests", "Runs them"]
    assert competency(data, "debugging")["category"] == "craft"
    assert competency(data, "mentoring")["expectations"]["senior"] == ["3"]
    stray = next(w for w in result.warnings if w.rule == "import-stray-cell")
    assert (stray.line, stray.col) == (2, 7)
    assert "cell G2 of sheet 'Ladder'" in stray.message
    assert any("'Notes'" in w.message for w in result.warnings if w.rule == "import-xlsx-sheets")


def test_xlsx_without_openpyxl(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from ladderpress.importers import xlsx

    def missing(name: str) -> Any:
        raise ImportError(name)

    monkeypatch.setattr(xlsx.importlib, "import_module", missing)
    path = tmp_path / "ladder.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match=r"pip install 'ladderpress\[xlsx\]'"):
        import_file(path)


def test_damaged_xlsx(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not a workbook")
    with pytest.raises(InputError, match=r"cannot read this as an Excel \.xlsx workbook"):
        import_file(path)


# --- Monzo and FT ------------------------------------------------------------------------


def test_monzo_folder(tmp_path: Path) -> None:
    result = import_file(IMPORT / "monzo")
    assert (result.format, result.slug) == ("monzo", "monzo")
    data = valid(result, tmp_path)
    assert [level["id"] for level in data["levels"]] == [f"level-{n}" for n in range(1, 5)]
    assert data["levels"][0]["name"] == "Level 1"
    assert [c["name"] for c in data["categories"]] == ["Backend Engineering", "Web Engineering"]
    assert [c["id"] for c in data["competencies"]] == [
        "technical",
        "ownership",
        "web-engineering-technical",
        "communication",
    ]
    assert data["cumulative"] is True
    assert "# Monzo's framework lists at each level what that level adds" in result.yaml_text
    speed = competency(data, "web-engineering-technical")["expectations"]["level-3"]
    assert speed == [
        {
            "text": "Improves how fast pages load for customers.",
            "examples": ["Halved the size of the checkout bundle."],
        }
    ]
    skipped = [w for w in result.warnings if w.path.endswith("README.md")]
    assert skipped and "page skipped" in skipped[0].message
    level_six = next(w for w in result.warnings if "from 1 to 4" in w.message)
    assert level_six.path.endswith("backend.md")
    assert (level_six.line, level_six.col) == position_of(IMPORT / "monzo/backend.md", "6")


def test_monzo_single_page(tmp_path: Path) -> None:
    result = import_file(IMPORT / "monzo" / "backend.md", organisation="Example Bank")
    data = valid(result, tmp_path)
    assert data["title"] == "Backend Engineering"
    assert data["categories"] == [{"id": "engineering", "name": "Engineering"}]
    technical = competency(data, "technical")
    assert technical["name"] == "Technical skills"
    assert technical["expectations"]["level-2"][1]["examples"] == [
        "Picked an append-only table for the audit trail.",
        "Split a wide table so that reads stay fast.",
    ]
    assert not any(w.message.startswith("title is a placeholder") for w in result.warnings)


def test_ft_file(tmp_path: Path) -> None:
    source = IMPORT / "ft.yml"
    result = import_file(source)
    assert result.format == "ft"
    data = valid(result, tmp_path)
    assert data["title"] == "Engineering"
    assert data["summary"] == "Competencies for engineers at an invented newspaper."
    assert [level["id"] for level in data["levels"]] == ["junior", "engineer", "senior-1"]
    assert data["levels"][0]["summary"].startswith("Learns the team's tools")
    assert [c["id"] for c in data["competencies"]] == [
        "delivery",
        "technical",
        "team-work",
        "security",
    ]
    delivery = competency(data, "delivery")
    assert delivery["description"] == "Getting useful work into readers' hands."
    assert delivery["expectations"]["junior"] == [
        {
            "id": "3f1c9a2e-0b7d-4c55-9e21-a8d4f6b0c312",
            "text": "Moves their own tickets across the board as work progresses.",
            "examples": ["Updates the ticket when a change is blocked."],
        }
    ]
    technical = competency(data, "technical")["expectations"]
    assert technical["junior"] == [
        {
            "id": "9b8e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
            "text": "Uses version control for every change they make.",
        }
    ]
    assert technical["engineer"] == ["Writes code that is easy to follow, with tests."]  # level: 2
    assert competency(data, "team-work")["expectations"]["engineer"][0]["id"] == "team-work-1"
    assert at(result.warnings, "import-id") == [position_of(source, "Team Work 1")]
    messages = [w.message for w in result.warnings]
    assert any("`proficiency`" in m for m in messages)
    assert any("theme 'security' is not in `themes`" in m for m in messages)
    assert any("level 'principal'" in m for m in messages)


def test_ft_folder_of_lists(tmp_path: Path) -> None:
    data = valid(import_file(IMPORT / "ft-split"), tmp_path)
    assert [level["name"] for level in data["levels"]] == ["Junior to mid", "Mid to senior"]
    assert [c["id"] for c in data["competencies"]] == ["technical", "communication"]
    assert len(competency(data, "technical")["expectations"]["mid-to-senior"]) == 1


def test_detects_formats() -> None:
    assert detect_format(IMPORT / "ladder.csv") == "csv"
    assert detect_format(IMPORT / "monzo") == "monzo"
    assert detect_format(IMPORT / "ft-split") == "ft"
    assert detect_format(IMPORT / "ft.yml") == "ft"


# --- refusals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message", "line"),
    [
        ("empty.csv", "the file is empty", 1),
        ("header-only.csv", "there is only a header row", 1),
        ("garbage.csv", "looks like a binary file", 1),
        ("no-front-matter.md", "no YAML front matter", 1),
        ("ft-no-competencies.yml", "no `competencies` list", 1),
        ("does-not-exist.csv", "no such file or folder", 1),
    ],
)
def test_unusable_input_is_refused(name: str, message: str, line: int) -> None:
    with pytest.raises(InputError) as caught:
        import_file(IMPORT / name)
    [problem] = caught.value.problems
    assert problem.is_error and message in problem.message
    assert problem.path.endswith(name) and problem.line == line
    text = str(caught.value)
    assert text.startswith(f"{problem.path}:{line}:") and "Traceback" not in text


@pytest.mark.parametrize(
    ("name", "content", "message", "position"),
    [
        ("open.csv", 'Competency,Junior\nTesting,"never closed\n', "is never closed", (2, 9)),
        ("latin1.csv", b"Competency,Junior\nT\xe9sting,Writes\n", "not valid UTF-8", (2, 2)),
        ("one.csv", "Competency\nTesting\n", "names no levels", (1, 1)),
        ("blank.csv", ",,,\n,,\n", "no cell has any text", (1, 1)),
        ("page.md", "---\ntitle: x\nlevels: [\n---\n", "invalid YAML", (4, 1)),
        ("unclosed.md", "---\ntitle: x\n", "never closed", (1, 1)),
        ("topicless.md", "---\ntitle: x\nlevels: 3\n---\n", "no `topics` list", (2, 1)),
        (
            "ladder.yaml",
            "title: T\norganisation: {name: O}\ncompetencies:\n"
            "  - {id: c, name: C, category: g, expectations: {l: [Does it.]}}\n",
            "already a ladderpress framework",
            None,
        ),
        ("sheet.xls", b"\xd0\xcf\x11\xe0", "save the spreadsheet as .xlsx", (1, 1)),
    ],
)
def test_more_refusals(
    tmp_path: Path, name: str, content: str | bytes, message: str, position: tuple[int, int] | None
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_file(path)
    [problem] = caught.value.problems
    assert message in problem.message
    if position is not None:
        assert (problem.line, problem.col) == position


# --- helpers and robustness --------------------------------------------------------------


def test_split_statements() -> None:
    assert split_statements("- one\n* two\n• three\n1. four\n2) five") == [
        "one",
        "two",
        "three",
        "four",
        "five",
    ]
    assert split_statements("plain one\r\n\r\nplain two") == ["plain one", "plain two"]
    assert split_statements("- wrapped by\n  hand\n- next") == ["wrapped by hand", "next"]
    assert split_statements("**bold** start\n-") == ["**bold** start"]
    assert split_statements(" n/a ") == []


def test_slugify() -> None:
    assert slugify("Problem Solving & Decision Making") == "problem-solving-decision-making"
    assert slugify("Team's Work") == "teams-work"
    assert slugify("Ingénieur·e confirmé") == "ingenieure-confirme"
    assert slugify("!!!") == ""
    assert len(slugify("x" * 100)) == 64


_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"),
    max_size=30,
)
_cell = st.one_of(_text, st.lists(_text, max_size=3).map("\n".join))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    header=st.lists(_text, min_size=1, max_size=5),
    rows=st.lists(st.lists(_cell, max_size=7), min_size=1, max_size=6),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_any_spreadsheet_imports_validly_or_is_refused(
    tmp_path: Path, header: list[str], rows: list[list[str]], delimiter: str
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(["Competency", *header])
    writer.writerows(rows)
    source = tmp_path / "random.csv"
    source.write_text(buffer.getvalue(), encoding="utf-8")
    try:
        result = import_file(source)
    except InputError as exc:
        assert exc.problems and all(p.is_error for p in exc.problems)
        return
    valid(result, tmp_path / "out")
