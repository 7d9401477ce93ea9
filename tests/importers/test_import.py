"""`ladderpress.importers`: spreadsheets (CSV, TSV, XLSX) become valid frameworks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ladderpress.core.problems import InputError
from ladderpress.importers import import_file
from tests.support.importing import IMPORT, at, competency, position_of, valid

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
