"""A small crawler over a built site folder: every internal link, asset and anchor exists."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.support.crawl import LinkParser


def _parse(path: Path) -> LinkParser:
    collector = LinkParser()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def _cached(parsed: dict[Path, LinkParser], path: Path) -> LinkParser:
    if path not in parsed:
        parsed[path] = _parse(path)
    return parsed[path]


def _target_file(root: Path, url_path: str) -> Path | None:
    candidate = root / url_path
    if url_path == "" or url_path.endswith("/"):
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(root: Path, *, skip: tuple[str, ...] = ("404.html",)) -> list[str]:
    """Problems as 'page -> link: reason'; external http(s)/mailto links are not followed."""
    parsed: dict[Path, LinkParser] = {}
    problems: list[str] = []
    for page in sorted(root.rglob("*.html")):
        rel = page.relative_to(root).as_posix()
        if rel in skip:
            continue
        collector = _cached(parsed, page)
        page_dir = posixpath.dirname(rel)
        for link in collector.links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https", "mailto"):
                continue
            if parts.scheme or link.startswith("//"):
                problems.append(f"{rel} -> {link}: unexpected scheme")
                continue
            if parts.path == "":
                target: Path | None = page
            else:
                joined = posixpath.normpath(posixpath.join(page_dir, unquote(parts.path)))
                if joined.startswith(".."):
                    problems.append(f"{rel} -> {link}: leaves the site")
                    continue
                joined = "" if joined == "." else joined
                if parts.path.endswith("/") and joined:
                    joined += "/"
                target = _target_file(root, joined)
            if target is None:
                problems.append(f"{rel} -> {link}: missing")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = _cached(parsed, target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{rel} -> {link}: no such anchor")
    return problems
