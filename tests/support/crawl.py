"""A crawl over HTTP of a served site: every link, asset and anchor from its home page."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urldefrag, urljoin, urlsplit


class LinkParser(HTMLParser):
    """The links (href, src, srcset, data-json) and the anchors (id, a name) of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif name in ("href", "src", "data-json"):
                self.links.append(value)
            elif name == "srcset":
                self.links.extend(part.split()[0] for part in value.split(",") if part.strip())


@dataclass
class Crawl:
    root: str
    pages: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)


def _fetch(url: str) -> tuple[int, str, str, bytes]:
    """Status, final address (after redirects), content type and body."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            content_type = response.headers.get_content_type()
            return response.status, response.url, content_type, response.read()
    except urllib.error.HTTPError as error:
        return error.code, url, "", b""


def crawl(root: str) -> Crawl:
    """Follow every link and asset from `root`; report missing targets and anchors."""
    result = Crawl(root)
    host = urlsplit(root).netloc
    ids: dict[str, set[str]] = {}
    status: dict[str, int] = {}
    referrers: dict[str, list[str]] = {}
    anchors: dict[tuple[str, str], list[str]] = {}  # (target, fragment) -> linking pages
    queue: deque[str] = deque([root])
    referrers[root] = []
    while queue:
        url = queue.popleft()
        code, base, content_type, body = _fetch(url)
        status[url] = code
        if code != 200:
            continue
        links: list[str] = []
        if content_type == "text/html":
            parser = LinkParser()
            parser.feed(body.decode("utf-8"))
            ids[url] = parser.ids
            links = parser.links
            result.pages.add(url)
        elif content_type == "text/css":
            for chunk in body.decode("utf-8").split("url(")[1:]:
                links.append(chunk.split(")", 1)[0].strip("'\" "))
        for link in links:
            if link.startswith(("data:", "mailto:", "tel:")):
                continue
            absolute = urljoin(base, link)
            parts = urlsplit(absolute)
            if parts.scheme not in ("http", "https") or parts.netloc != host:
                continue  # other sites are not followed
            target, fragment = urldefrag(absolute)
            if not target.startswith(root):
                result.problems.append(f"{url} -> {link}: outside the site's folder {root}")
                continue
            if fragment:
                anchors.setdefault((target, unquote(fragment)), []).append(f"{url} -> {link}")
            if target not in referrers:
                referrers[target] = []
                queue.append(target)
            referrers[target].append(f"{url} -> {link}")
    for target, code in sorted(status.items()):
        if code != 200:
            where = referrers[target]
            more = f" (and {len(where) - 3} more)" if len(where) > 3 else ""
            result.problems.append(f"{target}: HTTP {code}, linked from {where[:3]}{more}")
    for (target, fragment), where in sorted(anchors.items()):
        if target in ids and fragment not in ids[target]:
            more = f" (and {len(where) - 3} more)" if len(where) > 3 else ""
            result.problems.append(f"{target}#{fragment}: no such anchor, from {where[:3]}{more}")
    return result
