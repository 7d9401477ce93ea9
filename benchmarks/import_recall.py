"""How much of a published ladder an import keeps: import a folder, build, count.

    python benchmarks/import_recall.py SOURCE [SOURCE …] [--format monzo|ft] [--keep DIR]

Each SOURCE is a folder (or file) as its organisation publishes it: a checkout of a
Monzo-format repository, or the FT's `data/job-families`. The script imports it with
`ladderpress import` as a migrating company would, builds the site with `ladderpress
build`, and counts which of the source's criteria appear, word for word, in the built
pages of the framework imported from their file. The criteria are read here straight
from the source, as the original site shows them — independently of the importer:

- Monzo: every `criteria` and `exampleCriteria` of each page's topics (with their
  examples), and the generic page's criteria that the site shows on a page inheriting
  from it (at that page's levels); for `yaml: false` pages, every paragraph or list item
  under a `###` heading;
- FT: every competency's `summary`, `examples` and supporting URL labels.

It prints one row per source (criteria, found, recall) and lists what was not found.
Standard library and PyYAML only; it uses the project's `.venv`.
"""

from __future__ import annotations

import argparse
import html
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
LADDERPRESS = [str(ROOT / ".venv" / "bin" / "python"), "-m", "ladderpress"]
_TAGS = re.compile(r"<[^>]+>")
_MARKUP = re.compile(r"[*_`#>\[\]]|\]\([^)]*\)|\(<?https?://[^)\s]*>?\)")
_SKIP = {".git", "node_modules"}


def normal(text: str) -> str:
    """Text compared as a reader sees it: no Markdown or HTML, quotes and spaces unified."""
    text = re.sub(r"(?m)^\s*(?:\d{1,3}[.)]|[-*+])\s+", "", text)  # list markers
    text = html.unescape(_TAGS.sub(" ", text))
    text = re.sub(r"\]\(<?[^)]*>?\)", "", text)
    text = _MARKUP.sub("", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"')
    return " ".join(text.split()).casefold()


def _front_matter(path: Path) -> tuple[dict[str, Any], str] | None:
    text = path.read_text(encoding="utf-8-sig")
    if not text.startswith("---"):
        return None
    head, _, body = text[3:].partition("\n---")
    head = re.sub(r"(?m)^(\s*-)[ ]*\t", r"\1 ", head)  # what js-yaml accepts
    data = yaml.safe_load(head)
    return (
        (data, body.split("\n", 1)[1] if "\n" in body else "") if isinstance(data, dict) else None
    )


def _topic_criteria(topic: dict[str, Any], levels: int | None) -> list[str]:
    out = []
    for entry in topic.get("content") or []:
        if not isinstance(entry, dict):
            continue
        if levels is not None and (entry.get("level") or 0) > levels:
            continue
        out += [str(c) for c in entry.get("criteria") or [] if c]
        for example in entry.get("exampleCriteria") or []:
            if not isinstance(example, dict):
                continue
            if levels is not None:  # inherited: Monzo's site shows only the criteria
                continue
            if not re.match(r"\s*(criteria for )?sub-?level\b", str(example.get("criteria")), re.I):
                out.append(str(example.get("criteria")))
            out += [str(e) for e in example.get("examples") or [] if e]
    return out


def _paragraphs(body: str) -> list[str]:
    out: list[str] = []
    under = False
    current: list[str] = []
    for line in [*body.split("\n"), ""]:
        heading = re.match(r"^(#{1,6})\s", line)
        item = re.match(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+(.*)$", line)
        if heading or not line.strip() or item or re.match(r"^\s*([-*_])(\s*\1){2,}\s*$", line):
            if current and under:
                out.append(" ".join(current))
            current = []
        if heading:
            under = under or len(heading.group(1)) >= 2
        elif item:
            current = [item.group(1)]
        elif line.strip() and not re.match(r"^\s*([-*_])(\s*\1){2,}\s*$", line):
            current.append(line.strip())
    return out


def monzo_criteria(folder: Path) -> dict[Path, list[str]]:
    pages: dict[Path, tuple[dict[str, Any], str]] = {}
    for path in sorted(folder.rglob("*.md")):
        if _SKIP.intersection(path.parts):
            continue
        try:
            found = _front_matter(path)
        except yaml.YAMLError:
            found = None
        if found is not None:
            pages[path] = found
    out: dict[Path, list[str]] = {}
    for path, (data, body) in pages.items():
        generic = next(
            (
                pages[p][0]
                for p in [d / "generic.md" for d in [path.parent, *path.parents][:4]]
                if p in pages and p != path
            ),
            None,
        )
        if data.get("yaml") is False or not data.get("topics"):
            out[path] = _paragraphs(body)
            continue
        criteria: list[str] = []
        generic_topics = {t.get("name"): t for t in (generic or {}).get("topics") or []}
        levels = data.get("levels") if isinstance(data.get("levels"), int) else None
        for topic in data.get("topics") or []:
            if not isinstance(topic, dict):
                continue
            criteria += _topic_criteria(topic, None)
            if generic is not None and topic.get("name") in generic_topics:
                criteria += _topic_criteria(generic_topics[topic["name"]], levels or 99)
        out[path] = criteria
    return out


def ft_criteria(folder: Path) -> dict[Path, list[str]]:
    out: dict[Path, list[str]] = {}
    files = [folder] if folder.is_file() else sorted(folder.rglob("*.yml"))
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "competencies" not in data:
            continue
        criteria: list[str] = []
        for item in data["competencies"]:
            criteria.append(str(item.get("summary", "")))
            criteria += [str(e) for e in item.get("examples") or []]
            criteria += [str(u.get("label")) for u in item.get("supportingUrls") or []]
        out[path] = [c for c in criteria if c.strip()]
    return out


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*LADDERPRESS, *args], capture_output=True, text=True, check=False)


def measure(source: Path, fmt: str, work: Path) -> tuple[int, int, list[str], int]:
    site = work / "site"
    (site / "frameworks").mkdir(parents=True, exist_ok=True)
    (site / "ladderpress.yaml").write_text("title: Recall\n", encoding="utf-8")
    done = _run("import", str(source), "--format", fmt, "--out", str(site / "frameworks"))
    imported = {}
    for line in done.stdout.splitlines():
        found = re.match(r"Imported (.+) \(\w+\) into (.+\.yaml) with", line)
        if found:
            imported[Path(found.group(1)).resolve()] = Path(found.group(2)).stem
    built = _run("build", "--site", str(site), "--out", str(work / "out"))
    if built.returncode != 0:
        sys.stderr.write(built.stderr[-3000:])
    criteria = monzo_criteria(source) if fmt == "monzo" else ft_criteria(source)
    total = found_count = 0
    missing: list[str] = []
    for path, texts in criteria.items():
        slug = imported.get(path.resolve())
        pages = ""
        if slug is not None:
            pages = normal(
                " ".join(
                    p.read_text(encoding="utf-8") for p in (work / "out" / slug).rglob("*.html")
                )
            )
        for text in texts:
            total += 1
            if normal(text) and normal(text) in pages:
                found_count += 1
            else:
                missing.append(f"{path.name}: {text[:90]}")
    return total, found_count, missing, done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="+", type=Path)
    parser.add_argument("--format", choices=["monzo", "ft"], default=None)
    parser.add_argument("--missing", action="store_true", help="list what was not found")
    args = parser.parse_args()
    print(f"{'source':44} {'criteria':>8} {'found':>6} {'recall':>7} {'import exit':>11}")
    for source in args.sources:
        fmt = args.format or (
            "ft" if list(source.rglob("*.yml")) and not list(source.rglob("*.md")) else "monzo"
        )
        with tempfile.TemporaryDirectory() as work:
            total, found, missing, code = measure(source, fmt, Path(work))
        recall = found / total if total else 0.0
        print(f"{str(source)[-44:]:44} {total:8} {found:6} {recall:7.1%} {code:11}")
        if args.missing:
            for line in missing:
                print(f"    missing: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
