"""Full-text search: a Pagefind index of every framework, level, competency and statement.

Pagefind turns headings with an id into results that link to that anchor. The served
pages keep statements as list items, so the index is built from small documents written
for it alone, at the same paths as the real pages, where each statement is a heading
whose id is the statement's anchor: a search result lands on the statement itself.
Pagefind is optional (`pip install 'ladderpress[search]'`); without it the build says
that the search index was skipped.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from html import escape, unescape
from pathlib import Path

from .markdown import render_inline
from .model import Framework
from .pages import competency_url, framework_url, level_url
from .problems import InputError, error

SEARCH_FOLDER = "pagefind"
_TAG = re.compile(r"<[^>]+>")


def available() -> bool:
    return importlib.util.find_spec("pagefind") is not None and any(
        importlib.util.find_spec(name) is not None
        for name in ("pagefind_bin", "pagefind_bin_extended")
    )


def _plain(markdown: str | None) -> str:
    return unescape(_TAG.sub("", str(render_inline(markdown)))).strip() if markdown else ""


def _document(language: str, title: str, parts: list[str]) -> str:
    body = "\n".join(parts)
    return (
        f'<!doctype html><html lang="{escape(language)}"><head><title>{escape(title)}</title>'
        f"</head><body><main data-pagefind-body><h1>{escape(title)}</h1>\n{body}\n"
        "</main></body></html>"
    )


def search_documents(framework: Framework, language: str) -> Iterator[tuple[str, str]]:
    """(site path of the page, document to index in its place) for one framework."""
    owner = f"{framework.organisation.name} · {framework.title}"
    yield (
        framework_url(framework) + "index.html",
        _document(
            language,
            owner,
            [
                f"<p>{escape(_plain(framework.summary))}</p>",
                f"<p>{escape(' '.join(framework.disciplines + framework.tags))}</p>",
            ],
        ),
    )
    for level in framework.levels.values():
        parts = [
            f"<p>{escape(' · '.join((owner, *level.titles)))}</p>",
            f"<p>{escape(_plain(level.summary))} {escape(_plain(level.scope))}</p>",
        ]
        for competency in framework.competencies.values():
            for statement in competency.at(level.id):
                parts.append(f'<h2 id="{statement.anchor}">{escape(_plain(statement.text))}</h2>')
                parts.append(f"<p>{escape(competency.name)} · {escape(level.name)}</p>")
        yield (
            level_url(framework, level.id) + "index.html",
            _document(language, f"{level.name} — {owner}", parts),
        )
    for competency in framework.competencies.values():
        yield (
            competency_url(framework, competency.id) + "index.html",
            _document(
                language,
                f"{competency.name} — {owner}",
                [
                    f"<p>{escape(_plain(competency.description))}</p>",
                ],
            ),
        )


def build_search_index(frameworks: list[Framework], language: str) -> dict[str, bytes]:
    """The search bundle's files, keyed by their site path under `pagefind/`."""
    lang = language.split("-")[0].lower()
    with tempfile.TemporaryDirectory(prefix="ladderpress-search-") as tmp:
        site = Path(tmp) / "site"
        for framework in frameworks:
            for path, html in search_documents(framework, lang):
                target = site / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(html, encoding="utf-8")
        bundle = Path(tmp) / SEARCH_FOLDER
        site.mkdir(exist_ok=True)
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pagefind",
                "--site",
                str(site),
                "--output-path",
                str(bundle),
                "--force-language",
                lang,
                "--silent",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            message = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["failed"]
            raise InputError([error("search index", 1, 1, f"Pagefind: {message[0]}", "search")])
        return {
            f"{SEARCH_FOLDER}/{file.relative_to(bundle).as_posix()}": file.read_bytes()
            for file in sorted(bundle.rglob("*"))
            if file.is_file()
        }
