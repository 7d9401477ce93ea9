"""The Markdown pages (markdown_pages.py) written as a Hugo site and as a MkDocs site, each
with a tiny theme: a title and the content in a plain HTML shell, no plugins."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_pages import MdPage

_HUGO_CONFIG = """\
baseURL = "https://example.org/"
title = {title}
languageCode = "en"
disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotstxt"]
enableRobotsTXT = false

[markup.goldmark.renderer]
unsafe = true
"""
_SHELL_HEAD = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
    '<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
    '<body><header><a href="{home}">{site}</a></header><main>'
)
_SHELL_TAIL = "</main></body></html>\n"
_HUGO_BASEOF = (
    _SHELL_HEAD.format(
        title="{{ .Title }} · {{ site.Title }}",
        home="{{ site.Home.RelPermalink }}",
        site="{{ site.Title }}",
    )
    + '{{ block "main" . }}{{ end }}'
    + _SHELL_TAIL
)
_HUGO_MAIN = '{{ define "main" }}{{ .Content }}{{ end }}\n'
_HUGO_404 = '{{ define "main" }}<h1>Page not found</h1>{{ end }}\n'
_MKDOCS_MAIN = (
    _SHELL_HEAD.format(
        title="{{ page.title }} · {{ config.site_name }}",
        home="{{ base_url }}/",
        site="{{ config.site_name }}",
    )
    + "{% block content %}{{ page.content }}{% endblock %}"
    + _SHELL_TAIL
)
_MKDOCS_404 = (
    _SHELL_HEAD.format(title="Page not found", home="/", site="{{ config.site_name }}")
    + "<h1>Page not found</h1>"
    + _SHELL_TAIL
)


def _has_children(urls: set[str]) -> set[str]:
    parents = set()
    for url in urls:
        parts = url.rstrip("/").split("/")
        for n in range(len(parts)):
            parents.add("/".join(parts[:n]) + "/" if n else "")
    return parents & urls


def _front_matter(page: MdPage) -> str:
    return f"---\ntitle: {json.dumps(page.title, ensure_ascii=False)}\n---\n\n{page.body}\n"


def write_hugo(pages: list[MdPage], site_title: str, dest: Path) -> None:
    """Hugo content, flat, each page placed by its ``url``.

    A content tree would make Hugo add a list page for every top-level folder that has no
    page of its own (``disciplines/`` for example), so the page counts would differ.
    """
    content = dest / "content"
    layouts = dest / "layouts"
    for folder in (content, layouts):
        folder.mkdir(parents=True, exist_ok=True)
    (dest / "hugo.toml").write_text(_HUGO_CONFIG.format(title=json.dumps(site_title)), "utf-8")
    (layouts / "baseof.html").write_text(_HUGO_BASEOF, "utf-8")
    for kind in ("home", "section", "page"):
        (layouts / f"{kind}.html").write_text(_HUGO_MAIN, "utf-8")
    (layouts / "404.html").write_text(_HUGO_404, "utf-8")
    for n, page in enumerate(pages):
        title = json.dumps(page.title, ensure_ascii=False)
        if page.url == "":
            (content / "_index.md").write_text(
                f"---\ntitle: {title}\n---\n\n{page.body}\n", "utf-8"
            )
            continue
        (content / f"p{n:06d}.md").write_text(
            f"---\ntitle: {title}\nurl: {json.dumps('/' + page.url)}\n---\n\n{page.body}\n",
            "utf-8",
        )


def write_mkdocs(pages: list[MdPage], site_title: str, dest: Path) -> None:
    docs = dest / "docs"
    theme = dest / "theme"
    for folder in (docs, theme):
        folder.mkdir(parents=True, exist_ok=True)
    (dest / "mkdocs.yml").write_text(
        f"site_name: {json.dumps(site_title)}\n"
        "docs_dir: docs\n"
        "theme:\n"
        "  name: null\n"
        "  custom_dir: theme\n"
        "  static_templates: [404.html]\n"
        "plugins: []\n"
        "validation:\n"
        "  omitted_files: ignore\n"
        "  absolute_links: ignore\n"
        "  unrecognized_links: ignore\n"
        "  anchors: ignore\n",
        "utf-8",
    )
    (theme / "main.html").write_text(_MKDOCS_MAIN, "utf-8")
    (theme / "404.html").write_text(_MKDOCS_404, "utf-8")
    parents = _has_children({p.url for p in pages})
    for page in pages:
        if page.url in parents:
            target = docs / page.url / "index.md"
        else:
            target = docs / (page.url.rstrip("/") + ".md")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_front_matter(page), "utf-8")
