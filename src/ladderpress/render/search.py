"""Full-text search: a Pagefind index of every framework, level, competency and statement.

Pagefind turns headings with an id into results that link to that anchor. The served
pages keep statements as list items, so the index is built from small documents written
for it alone, at the same paths as the real pages, where each statement is a heading
whose id is the statement's anchor: a search result lands on the statement itself.
Pagefind comes with ladderpress where it publishes a binary for the platform; elsewhere,
or with no binary found, the build says once why the index was skipped and the site says
that search is unavailable.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from html import escape, unescape
from pathlib import Path

from ladderpress.core.markdown import render_inline
from ladderpress.core.model import Framework
from ladderpress.core.problems import InputError, error
from ladderpress.core.urls import competency_url, framework_url, level_url, search_bundles
from ladderpress.core.workers import fork_map

_TAG = re.compile(r"<[^>]+>")


# Where Pagefind publishes a binary wheel (pagefind_bin 1.5: sys.platform, machine), so that
# a plain install brings it; pyproject's dependency marker says the same to pip.
BINARY_PLATFORMS = frozenset(
    {
        ("linux", "x86_64"),
        ("linux", "aarch64"),
        ("darwin", "x86_64"),
        ("darwin", "arm64"),
        ("win32", "AMD64"),
        ("win32", "ARM64"),
    }
)
OLDEST_DARWIN = 21  # macOS 12: Pagefind's macOS wheels are tagged macosx_12_0
# Where the wrapper looks for a binary of the user's own when no wheel brought one.
BINARY_VARIABLE = "PAGEFIND_BINARY_PATH"
EXECUTABLES = ("pagefind_extended", "pagefind")


def binary_published(system: str, machine: str, release: str) -> bool:
    """Whether Pagefind publishes a binary wheel for this platform (see BINARY_PLATFORMS)."""
    if (system, machine) not in BINARY_PLATFORMS:
        return False
    if system != "darwin":
        return True
    major = release.split(".", 1)[0]
    return major.isdigit() and int(major) >= OLDEST_DARWIN


def _binary_found() -> bool:
    # The places the pagefind wrapper runs a binary from: a wheel's, then one of the user's.
    if any(
        importlib.util.find_spec(name) is not None
        for name in ("pagefind_bin_extended", "pagefind_bin")
    ):
        return True
    return any(shutil.which(name) is not None for name in EXECUTABLES)


def running_platform() -> tuple[str, str, str]:
    """(sys.platform, machine, release): what pip's environment markers compare."""
    return sys.platform, platform.machine(), platform.release()


def unavailable_reason() -> str | None:
    """Why this build cannot index the site, as the build's note says it; None when it can."""
    if importlib.util.find_spec("pagefind") is None:
        return (
            "search index skipped: the pagefind package is missing; reinstall ladderpress "
            "(pip install --force-reinstall ladderpress) to bring it back"
        )
    named = os.environ.get(BINARY_VARIABLE)
    if named:  # the wrapper runs this one before any other
        if Path(named).is_file():
            return None
        return (
            f"search index skipped: {BINARY_VARIABLE} names {named!r}, which is not a file; "
            "correct it, or unset it to use the installed Pagefind"
        )
    if _binary_found():
        return None
    system, machine, release = running_platform()
    if binary_published(system, machine, release):
        return (
            "search index skipped: no Pagefind binary is installed; "
            "pip install 'pagefind[bin]' adds it"
        )
    return (
        f"search index skipped: Pagefind publishes no binary for this platform ({system}, "
        f"{machine or 'unknown machine'}); put a pagefind executable on PATH, or name it in "
        f"{BINARY_VARIABLE}, and build again"
    )


def available() -> bool:
    return unavailable_reason() is None


def _plain(markdown: str | None) -> str:
    return _text(render_inline(markdown)) if markdown else ""


def _text(html: str) -> str:
    return unescape(_TAG.sub("", html)).strip()


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
                f"<p>{escape(' '.join(framework.all_disciplines + framework.tags))}</p>",
            ],
        ),
    )
    for level in framework.levels.values():
        parts = [
            f"<p>{escape(' · '.join((owner, *level.titles)))}</p>",
            f"<p>{escape(_plain(level.summary))} {escape(_plain(level.scope))}</p>",
        ]
        if level.has_facts:  # mentoring, signals, learning and specialisms are found too
            facts = [level.mentoring_gives, level.mentoring_receives, *level.learning]
            facts += [" ".join(filter(None, (x.name, x.measure, x.target))) for x in level.signals]
            facts += [" ".join(filter(None, (x.name, x.description))) for x in level.specialisms]
            parts.append(f"<p>{escape(' · '.join(_plain(f) for f in facts if f))}</p>")
        for competency in framework.competencies.values():
            for statement in competency.at(level.id):
                parts.append(
                    f'<h2 id="{statement.anchor}">{escape(_text(statement.html_text))}</h2>'
                )
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


# What the worker processes writing search documents read (inherited when they fork).
_documents_job: tuple[list[Framework], list[Path], str] | None = None
PARALLEL_DOCUMENTS = 20  # frameworks


def _write_documents(number: int) -> None:
    assert _documents_job is not None
    frameworks, sites, language = _documents_job
    for path, html in search_documents(frameworks[number], language):
        target = sites[number] / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")


def _write_all_documents(frameworks: list[Framework], sites: list[Path], language: str) -> None:
    """Every framework's search documents, written into its bundle's folder.

    All are written before the pages are rendered, on every core: this process reading
    the model while the page workers run would copy its memory into each of them.
    """
    global _documents_job
    _documents_job = (frameworks, sites, language)
    try:
        numbers = list(range(len(frameworks)))
        for _ in fork_map(_write_documents, numbers, parallel_from=PARALLEL_DOCUMENTS):
            pass
    finally:
        _documents_job = None


def bundle_keys(frameworks: list[Framework], language: str, version: str) -> dict[str, str]:
    """Each search bundle's folder, with a hash of everything its index is made from."""
    keys = {}
    folders, groups = search_bundles(len(frameworks)), _groups(len(frameworks))
    for folder, numbers in zip(folders, groups, strict=True):
        group = (frameworks[n] for n in numbers)
        parts = [version, language, folder, *(f"{f.slug}:{f.digest}" for f in group)]
        keys[folder] = hashlib.sha256("\0".join(parts).encode()).hexdigest()
    return keys


def kept_bundles(
    keys: dict[str, str], previous_keys: dict[str, str], present: dict[str, str]
) -> dict[int, list[str]]:
    """The previous build's files of each bundle whose inputs did not change, by number."""
    kept = {}
    for number, (folder, key) in enumerate(keys.items()):
        if previous_keys.get(folder) != key:
            continue
        files = [
            name
            for name in present
            if name.startswith(folder) and not name[len(folder) :].startswith("part-")
        ]
        if folder + "pagefind-entry.json" in files:
            kept[number] = files
    return kept


def _groups(count: int) -> list[range]:
    """The numbers of the frameworks in each search bundle, in bundle order."""
    bundles = len(search_bundles(count))
    size = -(-count // bundles) if count else 1
    return [range(n * size, min((n + 1) * size, count)) for n in range(bundles)]


class SearchIndexJob:
    """The search index, built in the background while pages render.

    The documents to index are written first; then a thread runs Pagefind on one bundle
    (see search_bundles) after another: one bundle's worth of memory at a time.
    `files()` waits for it and yields the bundles one file at a time. Use as a context
    manager: the temporary folder, and a Pagefind still running if the build failed, are
    cleaned up on exit.
    """

    def __init__(
        self, frameworks: list[Framework], language: str, kept: dict[int, list[str]] | None = None
    ) -> None:
        self._language = language.split("-")[0].lower()
        self._tmp = tempfile.TemporaryDirectory(prefix="ladderpress-search-")
        self._bundles = search_bundles(len(frameworks))
        self._kept = kept or {}  # bundles whose files the previous build left as they are
        self._failure: str | None = None
        self._process: subprocess.Popen[str] | None = None
        self._stopped = threading.Event()
        wanted = [
            (frameworks[n], self._site(bundle))
            for bundle, numbers in enumerate(_groups(len(frameworks)))
            if bundle not in self._kept
            for n in numbers
        ]
        try:
            _write_all_documents(
                [framework for framework, _ in wanted], [site for _, site in wanted], self._language
            )
        except OSError as exc:
            self._failure = f"could not write the documents to index: {exc}"
            self._stopped.set()
        self._thread = threading.Thread(target=self._index_all, daemon=True)
        self._thread.start()

    def _folder(self, number: int) -> Path:
        return Path(self._tmp.name) / f"bundle-{number}"

    def _site(self, number: int) -> Path:
        return Path(self._tmp.name) / f"site-{number}"

    def _index_all(self) -> None:
        for number in range(len(self._bundles)):
            if number in self._kept:
                continue
            if self._stopped.is_set() or not self._index(number):
                return

    def _index(self, number: int) -> bool:
        site = self._site(number)
        site.mkdir(exist_ok=True)
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pagefind",
                "--site",
                str(site),
                "--output-path",
                str(self._folder(number)),
                "--force-language",
                self._language,
                "--silent",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        output, _ = self._process.communicate()
        if self._process.returncode != 0:
            self._failure = (output.strip().splitlines()[-1:] or ["failed"])[0]
            return False
        shutil.rmtree(site, ignore_errors=True)  # the documents are no longer needed
        return True

    def files(self) -> Iterator[tuple[str, bytes | None]]:
        """The search bundles' files, by their site path under `pagefind/`; None for a
        kept bundle's files (the writer keeps the previous build's)."""
        self._thread.join()
        if self._failure is not None:
            raise InputError([error("search index", 1, 1, f"Pagefind: {self._failure}", "search")])
        for number, folder in enumerate(self._bundles):
            if number in self._kept:
                yield from ((name, None) for name in self._kept[number])
                continue
            bundle = self._folder(number)
            for file in sorted(bundle.rglob("*")):
                if file.is_file():
                    yield folder + file.relative_to(bundle).as_posix(), file.read_bytes()

    def __enter__(self) -> SearchIndexJob:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopped.set()
        process = self._process
        if process is not None and process.poll() is None:
            process.kill()
        self._thread.join()
        self._tmp.cleanup()
