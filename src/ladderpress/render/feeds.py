"""sitemap.xml, robots.txt and the Atom feed of frameworks."""

from __future__ import annotations

from datetime import datetime, timezone
from xml.sax.saxutils import escape, quoteattr

from ladderpress import __version__
from ladderpress.core.model import Framework
from ladderpress.core.site import SiteConfig
from ladderpress.core.urls import feed_url, framework_url, sitemap_url
from ladderpress.plan.pages import Page

# Templates that make pages worth listing for search engines.
_SITEMAP_SKIP = frozenset({"404.html", "search.html"})


def sitemap(config: SiteConfig, pages: list[Page]) -> bytes | None:
    """Sitemaps need absolute URLs: without a base URL there is none."""
    if not config.base_url:
        return None
    entries = "".join(
        f"  <url><loc>{escape(config.base_url + page.url)}</loc></url>\n"
        for page in pages
        if page.template not in _SITEMAP_SKIP
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n"
    ).encode()


def robots(config: SiteConfig) -> bytes:
    lines = ["User-agent: *", "Allow: /"]
    if config.base_url:
        lines.append(f"Sitemap: {config.base_url}{sitemap_url()}")
    return ("\n".join(lines) + "\n").encode()


def _updated(framework: Framework) -> str:
    return f"{framework.last_reviewed or '1970-01-01'}T00:00:00Z"


def atom_feed(config: SiteConfig, frameworks: list[Framework]) -> bytes:
    """One entry per framework, newest review first; links resolve against the feed's URL."""
    base = config.base_url or ""
    ordered = sorted(frameworks, key=lambda f: (f.last_reviewed or "", f.slug), reverse=True)
    updated = (
        _updated(ordered[0])
        if ordered
        else datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    )
    feed_id = base + feed_url() if base else "urn:ladderpress:feed"
    entries = []
    for framework in ordered:
        link = base + framework_url(framework)
        entry_id = link if base else f"urn:ladderpress:framework:{framework.slug}"
        summary = (
            f"{framework.organisation.name}: {len(framework.levels)} levels, "
            f"{len(framework.competencies)} competencies, {framework.statement_count} statements."
        )
        entries.append(
            "  <entry>\n"
            f"    <title>{escape(framework.organisation.name + ' — ' + framework.title)}</title>\n"
            f"    <link href={quoteattr(link)}/>\n"
            f"    <id>{escape(entry_id)}</id>\n"
            f"    <updated>{_updated(framework)}</updated>\n"
            f"    <summary>{escape(summary)}</summary>\n"
            "  </entry>\n"
        )
    self_link = f'  <link rel="self" href={quoteattr(base + feed_url())}/>\n' if base else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(config.language)}>\n'
        f"  <title>{escape(config.title)}</title>\n"
        f"  <subtitle>{escape(config.description)}</subtitle>\n"
        f"  <id>{escape(feed_id)}</id>\n"
        f"  <updated>{updated}</updated>\n"
        f"{self_link}"
        f'  <generator version="{__version__}">ladderpress</generator>\n'
        + "".join(entries)
        + "</feed>\n"
    ).encode()
