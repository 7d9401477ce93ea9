"""Importing Monzo's pages and the FT's YAML, format detection, refusals, and the draft helpers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladderpress.core.csvcells import split_statements
from ladderpress.core.problems import InputError
from ladderpress.importers import TreeImport, detect_format, import_file, import_tree
from ladderpress.importers.draft import slugify
from tests.support.importing import IMPORT, at, competency, position_of, valid

# --- Monzo and FT ------------------------------------------------------------------------


def test_monzo_folder(tmp_path: Path) -> None:
    imported = import_tree(IMPORT / "monzo")
    assert [(r.format, r.slug) for r in imported.results] == [
        ("monzo", "backend"),
        ("monzo", "web"),
    ]
    backend = valid(imported.results[0], tmp_path)
    web = valid(imported.results[1], tmp_path)
    assert [c["name"] for c in web["categories"]] == ["Engineering"]
    assert [c["id"] for c in web["competencies"]] == ["technical", "communication"]
    assert web["cumulative"] is True
    assert "# Monzo's framework lists at each level what that level adds" in web_text(imported)
    speed = competency(web, "technical")["expectations"]["level-3"]
    assert speed == [
        {
            "text": "Improves how fast pages load for customers.",
            "examples": ["Halved the size of the checkout bundle."],
        }
    ]
    [skipped] = imported.skipped
    assert skipped.path.endswith("README.md") and "skipped" in skipped.message
    # `levels: 4`, but a topic has content at level 6: kept (up to level 6), and reported
    assert [level["id"] for level in backend["levels"]] == [f"level-{n}" for n in range(1, 7)]
    assert competency(backend, "ownership")["expectations"]["level-6"] == [
        "A level that does not exist."
    ]
    beyond = next(w for w in imported.results[0].warnings if "up to level 6" in w.message)
    assert (beyond.line, beyond.col) == position_of(IMPORT / "monzo/backend.md", "4")


def web_text(imported: TreeImport) -> str:
    return imported.results[1].yaml_text


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
            "proficiency": "Awareness",
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
