"""The registry of import formats: what each declares, detection, dispatch and the CLI."""

from __future__ import annotations

import argparse
import io
import zipfile
from pathlib import Path

import pytest

from ladderpress.app.cli import make_parser
from ladderpress.core.problems import InputError
from ladderpress.importers import FORMATS, REGISTRY, detect_format, import_file
from ladderpress.importers.detect import REFUSED_SUFFIXES
from ladderpress.importers.formats import ImportFormat

NAMES = [fmt.name for fmt in REGISTRY]


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


# Content each format's sniffer recognises; every registered format needs one here.
SAMPLES = {
    "xlsx": _zip(),
    "monzo": b"---\ntitle: Backend\nlevels: 2\ntopics: []\n---\n",
    "ft": b"levels: [junior]\nthemes: [Craft]\n"
    b"competencies:\n  - {level: junior, theme: Craft, summary: Writes tests}\n",
    "csv": b"Competency,Junior,Senior\nTesting,Writes tests,Sets the approach\n",
}


def test_every_format_declares_what_it_reads() -> None:
    assert REGISTRY, "no import format is registered"
    assert sorted(SAMPLES) == sorted(NAMES), "add a sample for each new format"
    for fmt in REGISTRY:
        assert isinstance(fmt, ImportFormat)
        assert fmt.name and fmt.description, fmt
        assert fmt.suffixes, f"{fmt.name} claims no extension"
        assert all(s.startswith(".") and s == s.lower() for s in fmt.suffixes), fmt.suffixes
        assert callable(fmt.sniff) and callable(fmt.read), fmt.name
        assert bool(fmt.folder_hint) == fmt.reads_folders, fmt.name
    assert {fmt.name: fmt.description for fmt in REGISTRY} == FORMATS


def test_names_and_suffixes_do_not_overlap() -> None:
    assert len(NAMES) == len(set(NAMES))
    claimed = [suffix for fmt in REGISTRY for suffix in fmt.suffixes]
    assert len(claimed) == len(set(claimed)), claimed
    assert not set(claimed) & set(REFUSED_SUFFIXES)


@pytest.mark.parametrize("fmt", REGISTRY, ids=lambda fmt: fmt.name)
def test_the_suffix_decides_over_the_content(fmt: ImportFormat, tmp_path: Path) -> None:
    other = next(name for name in SAMPLES if name != fmt.name)
    for suffix in (*fmt.suffixes, fmt.suffixes[0].upper()):
        source = tmp_path / f"ladder{suffix}"
        source.write_bytes(SAMPLES[other])
        assert detect_format(source) == fmt.name, suffix


@pytest.mark.parametrize("fmt", REGISTRY, ids=lambda fmt: fmt.name)
def test_an_unknown_suffix_is_sniffed(fmt: ImportFormat, tmp_path: Path) -> None:
    for name in ("ladder.txt", "ladder"):
        source = tmp_path / name
        source.write_bytes(SAMPLES[fmt.name])
        assert fmt.sniff(source, SAMPLES[fmt.name])
        assert detect_format(source) == fmt.name, name


def test_the_last_format_takes_what_no_other_recognises(tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_bytes(b"just some words\n")
    assert [fmt.name for fmt in REGISTRY if fmt.sniff(source, b"just some words\n")] == [
        REGISTRY[-1].name
    ]
    assert detect_format(source) == REGISTRY[-1].name


@pytest.mark.parametrize("fmt", [f for f in REGISTRY if f.reads_folders], ids=lambda f: f.name)
def test_a_folder_is_detected_from_its_files(fmt: ImportFormat, tmp_path: Path) -> None:
    (tmp_path / f"page{fmt.folder_suffixes[0]}").write_bytes(SAMPLES[fmt.name])
    assert detect_format(tmp_path) == fmt.name


def test_a_folder_of_no_format_names_every_folder_format(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        detect_format(tmp_path)
    [problem] = caught.value.problems
    assert problem.message == (
        "this folder has no .md files (Monzo's format) or .yml files (FT's format) to import"
    )


def _import_parser() -> argparse.ArgumentParser:
    [commands] = [a for a in make_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    parser: argparse.ArgumentParser = commands.choices["import"]
    return parser


def test_the_cli_offers_exactly_the_registered_formats() -> None:
    parser = _import_parser()
    [option] = [a for a in parser._actions if "--format" in a.option_strings]
    assert list(option.choices or ()) == NAMES
    described = parser.description or ""
    assert all(fmt.summary() in described for fmt in REGISTRY)


def test_format_given_by_name_skips_detection(cli, tmp_path: Path) -> None:
    source = tmp_path / "ladder.csv"  # FT's YAML under a spreadsheet's name
    source.write_bytes(SAMPLES["ft"])
    assert detect_format(source) == "csv"
    assert import_file(source, format_name="ft").format == "ft"
    printed = cli("import", str(source), "--stdout", "--format", "ft")
    assert printed.code == 0, printed.err
    assert "(FT engineering-progression YAML)" in printed.out
    sniffed = tmp_path / "ladder.txt"
    sniffed.write_bytes(SAMPLES["ft"])
    with pytest.raises(InputError) as caught:  # read as a spreadsheet, as asked
        import_file(sniffed, format_name="csv")
    assert caught.value.problems[0].rule == "import-layout"
    wrong = cli("import", str(source), "--stdout", "--format", "word")
    assert wrong.code == 2 and "invalid choice" in wrong.err


def test_format_given_by_name_is_checked(tmp_path: Path) -> None:
    for name, path, message in (
        ("csv", tmp_path, "the csv format reads a file, not a folder"),
        ("ft", tmp_path / "missing.yml", "no such file or folder"),
        ("word", tmp_path, "there is no import format 'word'; use one of "),
    ):
        with pytest.raises(InputError) as caught:
            import_file(path, format_name=name)
        assert caught.value.problems[0].message.startswith(message), name
