"""`init` and `new`: a fresh site builds at once; a new framework is valid at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ladderpress.check.files import check_paths


def test_init_creates_a_site_that_builds(cli, tmp_path: Path) -> None:
    folder = tmp_path / "ladders"
    result = cli("init", str(folder), "--title", "Our ladders")
    assert result.code == 0, result.err
    for path in (
        "ladderpress.yaml",
        "frameworks/example-engineering.yaml",
        ".github/workflows/pages.yml",
        ".gitignore",
        "theme/README.md",
        "schema/framework.schema.json",
        "schema/config.schema.json",
    ):
        assert (folder / path).is_file(), path
    assert 'title: "Our ladders"' in (folder / "ladderpress.yaml").read_text()
    # Valid at once; its starter text is flagged until replaced, so --strict fails on it.
    checked = cli("validate", "--site", str(folder))
    assert checked.code == 0, checked.err
    assert "warning" in checked.err and "[placeholder-text]" in checked.err
    strict = cli("validate", "--strict", "--site", str(folder))
    assert strict.code == 1
    warned = {line.rsplit(" ", 1)[-1] for line in strict.err.splitlines() if ": warning: " in line}
    assert warned == {"[placeholder-text]"}
    # Editors resolve the schema line against the file: it must reach the local copy.
    starter = (folder / "frameworks/example-engineering.yaml").read_text()
    assert starter.startswith("# yaml-language-server: $schema=../schema/framework.schema.json")
    assert cli("new", "second", "--site", str(folder), "--yes").code == 0
    second = (folder / "frameworks/second.yaml").read_text()
    assert second.startswith("# yaml-language-server: $schema=../schema/framework.schema.json")
    built = cli("build", "--site", str(folder))
    assert built.code == 0, built.err
    assert (folder / "_site/example-engineering/levels/senior/index.html").is_file()


def test_init_refuses_to_overwrite(cli, tmp_path: Path) -> None:
    assert cli("init", str(tmp_path)).code == 0
    again = cli("init", str(tmp_path))
    assert again.code == 1 and "not overwriting" in again.err
    assert cli("init", str(tmp_path), "--force").code == 0


def test_new_with_flags_is_valid_and_autocompletes(cli, tmp_path: Path) -> None:
    result = cli(
        "new",
        "acme-data",
        "--site",
        str(tmp_path),
        "--yes",
        "--organisation",
        'Acme: "Data" & Co',
        "--levels",
        "Analyst, Senior Analyst, Lead, Head",
        "--management",
        "--discipline",
        "data",
    )
    assert result.code == 0, result.err
    file = tmp_path / "frameworks/acme-data.yaml"
    text = file.read_text()
    # No local schema and no base URL: the schema's own address.
    assert text.startswith("# yaml-language-server: $schema=https://ladderpress.dev/schema/v1/")
    checked = check_paths([file])
    # Valid; what it says is the scaffold's starter text, for the author to replace.
    assert checked.ok, checked.problems
    assert {p.rule for p in checked.problems} == {"placeholder-text"}
    [framework] = checked.frameworks
    assert framework.organisation.name == 'Acme: "Data" & Co'
    assert [lvl.name for lvl in framework.levels.values()] == [
        "Analyst",
        "Senior Analyst",
        "Lead",
        "Head",
        "Manager",
    ]
    assert framework.disciplines == ("data",)


def test_new_refuses_bad_slugs_and_existing_files(cli, tmp_path: Path) -> None:
    assert cli("new", "Bad Slug", "--site", str(tmp_path), "--yes").code == 2
    assert cli("new", "compare", "--site", str(tmp_path), "--yes").code == 2
    assert cli("new", "ok", "--site", str(tmp_path), "--yes").code == 0
    assert cli("new", "ok", "--site", str(tmp_path), "--yes").code == 1


def test_new_asks_questions_in_a_terminal(tmp_path: Path) -> None:
    # A pseudo-terminal would be closer to life; piping answers proves the prompts' order.
    script = (
        "import sys; sys.stdin.isatty = lambda: True; "
        "from ladderpress.app.cli import main; raise SystemExit(main(sys.argv[1:]))"
    )
    answers = "Bright Co\n\nIntern, Engineer, Senior\nn\n"
    process = subprocess.run(
        [sys.executable, "-c", script, "new", "bright", "--site", str(tmp_path)],
        input=answers,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert process.returncode == 0, process.stderr
    [framework] = check_paths([tmp_path / "frameworks/bright.yaml"]).frameworks
    assert framework.organisation.name == "Bright Co"
    assert framework.title == "Bright Co career framework"
    assert len(framework.tracks) == 1 and len(framework.levels) == 3
