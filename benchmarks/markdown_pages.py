"""The benchmark corpus as Markdown pages, laid out for Hugo and for MkDocs.

ladderpress writes one page per framework overview, level, competency, comparison of two
levels, comparison index and self-assessment, plus a few site-wide pages. This module
writes the same pages as Markdown with the same statements (own and carried-over
expectations, what is added, removed and changed between two levels), so that Hugo and
MkDocs render the same page count from equivalent text.

``export(frameworks, ladderpress_pages, hugo_dir, mkdocs_dir)`` lines the page set up with
the HTML files ladderpress actually wrote: a page type ladderpress gained later (say a
search page) still gets a stand-in page, and one it dropped is left out, so the counts
match. 404 pages come from each tool's own 404 template, as ladderpress's does.

Both sites use a tiny theme (title + content in a plain HTML shell) and no plugins: the
comparison measures each tool's content pipeline, not its default theme.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown_sites import write_hugo, write_mkdocs

FrameworkData = tuple[str, dict[str, Any]]


@dataclass(frozen=True)
class MdPage:
    url: str  # site-relative, "" for home, folder pages end with "/"
    title: str
    body: str

    @property
    def output_path(self) -> str:
        return self.url + "index.html" if self.url == "" or self.url.endswith("/") else self.url


@dataclass(frozen=True)
class Stmt:
    id: str
    text: str
    examples: tuple[str, ...]
    evolves: str | None


class _Fw:
    """Just enough of ladderpress's model to lay out the same statements."""

    def __init__(self, slug: str, data: dict[str, Any]) -> None:
        self.slug = slug
        self.data = data
        self.cumulative = bool(data.get("cumulative", True))
        self.levels = {lvl["id"]: lvl for lvl in data["levels"]}
        self.order: list[str] = []
        self.below: dict[str, list[str]] = {}
        self.tracks_of: dict[str, list[str]] = {}
        for track in data["tracks"]:
            for i, level_id in enumerate(track["levels"]):
                if level_id not in self.below:
                    self.order.append(level_id)
                    self.below[level_id] = list(track["levels"][:i])
                self.tracks_of.setdefault(level_id, []).append(track["name"])
        self.competencies = {c["id"]: c for c in data["competencies"]}
        self.at: dict[tuple[str, str], list[Stmt]] = {}
        for competency in data["competencies"]:
            for level_id, items in competency["expectations"].items():
                self.at[(competency["id"], level_id)] = [
                    _stmt(item, competency["id"], level_id, i) for i, item in enumerate(items)
                ]

    @property
    def owner(self) -> str:
        return f"{self.data['organisation']['name']} {self.data['title']}"

    def own(self, competency: str, level: str) -> list[Stmt]:
        return self.at.get((competency, level), [])

    def inherited(self, competency: str, level: str) -> list[tuple[str, list[Stmt]]]:
        if not self.cumulative:
            return []
        replaced = {
            s.evolves
            for lower in [*self.below[level], level]
            for s in self.own(competency, lower)
            if s.evolves
        }
        carried = []
        for lower in self.below[level]:
            kept = [s for s in self.own(competency, lower) if s.id not in replaced]
            if kept:
                carried.append((lower, kept))
        return carried

    def expected(self, competency: str, level: str) -> list[Stmt]:
        carried = [s for _, group in self.inherited(competency, level) for s in group]
        return [*carried, *self.own(competency, level)]

    def name(self, level: str) -> str:
        return str(self.levels[level]["name"])

    def categories(self) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
        for category in self.data["categories"]:
            members = [c for c in self.data["competencies"] if c["category"] == category["id"]]
            yield category, members


def _stmt(raw: Any, competency: str, level: str, index: int) -> Stmt:
    if isinstance(raw, str):
        return Stmt(f"{competency}--{level}-{index + 1}", raw, (), None)
    return Stmt(
        raw.get("id", f"{competency}--{level}-{index + 1}"),
        raw["text"],
        tuple(raw.get("examples", ())),
        raw.get("evolves"),
    )


def _link(from_url: str, to_url: str) -> str:
    """A relative link from one page to another, both given as site-relative URLs."""
    from_dir = "/" + (
        from_url if from_url == "" or from_url.endswith("/") else posixpath.dirname(from_url) + "/"
    )
    rel = posixpath.relpath("/" + to_url, from_dir)
    if rel == ".":
        return "./"
    return rel + "/" if to_url.endswith("/") else rel


def _statements(stmts: Iterable[Stmt]) -> list[str]:
    lines = []
    for s in stmts:
        lines.append(f"- {s.text}")
        lines.extend(f"    - *Example:* {example}" for example in s.examples)
    return lines


# ---------------------------------------------------------------------------------------
# Page bodies


def _framework_page(fw: _Fw, url: str) -> MdPage:
    d = fw.data
    org = d["organisation"]
    lines = [
        f"# {d['title']}",
        "",
        f"**{org['name']}** · {org.get('size', '')} · {', '.join(org.get('industry', []))}",
        "",
        d.get("summary", ""),
        "",
        "## Tracks",
        "",
    ]
    for track in d["tracks"]:
        levels = ", ".join(
            f"[{fw.name(lvl)}]({_link(url, f'{fw.slug}/levels/{lvl}/')})" for lvl in track["levels"]
        )
        lines += [f"### {track['name']}", "", track.get("description", ""), "", levels, ""]
    for eq in d.get("equivalences", []):
        lines += [" ≈ ".join(fw.name(lvl) for lvl in eq["levels"]) + f": {eq.get('note', '')}", ""]
    lines += ["## Competencies", ""]
    for category, members in fw.categories():
        lines += [f"### {category['name']}", "", category.get("description", ""), ""]
        for c in members:
            target = _link(url, f"{fw.slug}/competencies/{c['id']}/")
            lines.append(f"- [{c['name']}]({target})")
        lines.append("")
    lines += [
        "## Competency × level matrix",  # noqa: RUF001 - the page's own heading
        "",
        "| Competency | " + " | ".join(fw.levels[lvl].get("code", lvl) for lvl in fw.order) + " |",
        "| --- |" + " --- |" * len(fw.order),
    ]
    for competency in d["competencies"]:
        counts = " | ".join(str(len(fw.own(competency["id"], lvl))) for lvl in fw.order)
        lines.append(f"| {competency['name']} | {counts} |")
    return MdPage(url, f"{d['title']} — {d['organisation']['name']}", "\n".join(lines))


def _level_page(fw: _Fw, level_id: str, url: str) -> MdPage:
    level = fw.levels[level_id]
    lines = [f"# {level['name']} ({level.get('code', '')})", "", level.get("summary", ""), ""]
    lines += [
        f"- **Scope:** {level.get('scope', '')}",
        f"- **Typical time at level:** {level.get('time_at_level', '')}",
        f"- **Reference position:** {level.get('position', '')} of 8",
        "",
        "Compare with: "
        + ", ".join(
            f"[{fw.name(other)}]({_link(url, _pair_url(fw, level_id, other))})"
            for other in fw.order
            if other != level_id
        ),
        "",
    ]
    for section in level.get("sections", []):
        lines += [f"## {section['title']}", "", section["body"], ""]
    lines += ["## Expectations", ""]
    for category, members in fw.categories():
        lines += [f"### {category['name']}", ""]
        for competency in members:
            lines += [f"#### {competency['name']}", ""]
            own = fw.own(competency["id"], level_id)
            lines += _statements(own) if own else ["No expectations at this level."]
            lines.append("")
            for lower, stmts in fw.inherited(competency["id"], level_id):
                lines += [f"Also expected, from {fw.name(lower)}:", "", *_statements(stmts), ""]
    return MdPage(url, f"{level['name']} — {fw.owner}", "\n".join(lines))


def _competency_page(fw: _Fw, competency: dict[str, Any], url: str) -> MdPage:
    lines = [f"# {competency['name']}", "", competency.get("description", ""), ""]
    for level_id in fw.order:
        own = fw.own(competency["id"], level_id)
        if own:
            lines += [f"## {fw.name(level_id)}", "", *_statements(own), ""]
    return MdPage(url, f"{competency['name']} — {fw.owner}", "\n".join(lines))


def _pair_url(fw: _Fw, a: str, b: str) -> str:
    if fw.order.index(a) > fw.order.index(b):
        a, b = b, a
    return f"{fw.slug}/compare/{a}/{b}/"


def _compare_index(fw: _Fw, url: str) -> MdPage:
    lines = [f"# Compare levels — {fw.owner}", "", "Choose two levels to compare.", ""]
    for i, a in enumerate(fw.order):
        for b in fw.order[i + 1 :]:
            lines.append(f"- [{fw.name(a)} → {fw.name(b)}]({_link(url, _pair_url(fw, a, b))})")
    return MdPage(url, f"Compare levels — {fw.owner}", "\n".join(lines))


def _self_assessment(fw: _Fw, url: str) -> MdPage:
    lines = [f"# Self-assessment — {fw.owner}", "", "Tick the statements you meet.", ""]
    for competency in fw.data["competencies"]:
        lines += [f"## {competency['name']}", ""]
        for level_id in fw.order:
            own = fw.own(competency["id"], level_id)
            if own:
                lines += [f"### {fw.name(level_id)}", ""]
                lines += [f"- [ ] {s.text}" for s in own]
                lines.append("")
    return MdPage(url, f"Self-assessment — {fw.owner}", "\n".join(lines))


def _pair_page(fw: _Fw, a: str, b: str, url: str) -> MdPage:
    la, lb = fw.levels[a], fw.levels[b]
    lines = [
        f"# {la['name']} → {lb['name']}",
        "",
        "| | " + la["name"] + " | " + lb["name"] + " |",
        "| --- | --- | --- |",
        f"| Track | {', '.join(fw.tracks_of[a])} | {', '.join(fw.tracks_of[b])} |",
        f"| Code | {la.get('code', '—')} | {lb.get('code', '—')} |",
        f"| Reference position | {la.get('position', '—')} | {lb.get('position', '—')} |",
        f"| Scope | {la.get('scope', '—')} | {lb.get('scope', '—')} |",
        "",
    ]
    for category, members in fw.categories():
        lines += [f"## {category['name']}", ""]
        for competency in members:
            before = fw.expected(competency["id"], a)
            after = fw.expected(competency["id"], b)
            before_ids = {s.id for s in before}
            after_ids = {s.id for s in after}
            by_id = {s.id: s for s in before}
            changed = [(by_id[s.evolves], s) for s in after if s.evolves in before_ids]
            changed_ids = {old.id for old, _ in changed} | {new.id for _, new in changed}
            added = [s for s in after if s.id not in before_ids and s.id not in changed_ids]
            removed = [s for s in before if s.id not in after_ids and s.id not in changed_ids]
            kept = len(before_ids & after_ids)
            lines += [
                f"### {competency['name']}",
                "",
                f"{len(added)} new, {len(changed)} changed, {len(removed)} only at "
                f"{la['name']}, {kept} at both",
                "",
            ]
            lines += [f"- **Added:** {s.text}" for s in added]
            lines += [f"- **Changed:** ~~{old.text}~~ → {new.text}" for old, new in changed]
            lines += [f"- **Only at {la['name']}:** {s.text}" for s in removed]
            lines.append("")
    return MdPage(url, f"{la['name']} and {lb['name']} compared — {fw.owner}", "\n".join(lines))


def _home(site_title: str, fws: list[_Fw]) -> MdPage:
    lines = [f"# {site_title}", "", "Every framework, with its disciplines, tracks and size.", ""]
    for fw in fws:
        d = fw.data
        statements = sum(len(v) for v in fw.at.values())
        lines.append(
            f"- [{d['title']} · {d['organisation']['name']}]({fw.slug}/) — "
            f"{', '.join(d['disciplines'])}; {len(d['tracks'])} track(s), "
            f"{len(fw.levels)} levels, {statements} statements"
        )
    return MdPage("", site_title, "\n".join(lines))


def _orgs_compare(fws: list[_Fw]) -> MdPage:
    url = "compare/"
    lines = ["# The same level across organisations", ""]
    positions = [p / 2 for p in range(2, 17)]
    by_discipline: dict[str, list[_Fw]] = {}
    for fw in fws:
        for discipline in fw.data["disciplines"]:
            by_discipline.setdefault(discipline, []).append(fw)
    for discipline, members in sorted(by_discipline.items(), key=lambda kv: -len(kv[1])):
        lines += [
            f"## {discipline.capitalize()}",
            "",
            "| Organisation | " + " | ".join(f"{p:g}" for p in positions) + " |",
            "| --- |" + " --- |" * len(positions),
        ]
        for fw in members:
            cells = []
            for p in positions:
                here = [lvl for lvl in fw.order if float(fw.levels[lvl].get("position", 0)) == p]
                cells.append(
                    "<br>".join(
                        f"[{fw.name(lvl)}]({_link(url, f'{fw.slug}/levels/{lvl}/')})"
                        for lvl in here
                    )
                )
            link = f"[{fw.data['organisation']['name']}]({_link(url, fw.slug + '/')})"
            lines.append(f"| {link} | " + " | ".join(cells) + " |")
        lines.append("")
    return MdPage(url, "The same level across organisations", "\n".join(lines))


def _orgs_levels(fws: list[_Fw]) -> MdPage:
    lines = ["# Two organisations' levels side by side", ""]
    for fw in fws:
        lines += [f"## {fw.owner}", ""]
        lines += [f"- {fw.name(lvl)} ({fw.levels[lvl].get('position', '—')})" for lvl in fw.order]
        lines.append("")
    return MdPage("compare/levels/", "Two organisations' levels side by side", "\n".join(lines))


def site_pages(site_title: str, frameworks: list[FrameworkData]) -> list[MdPage]:
    fws = [_Fw(slug, data) for slug, data in frameworks]
    pages = [_home(site_title, fws)]
    for fw in fws:
        base = f"{fw.slug}/"
        pages.append(_framework_page(fw, base))
        pages += [_level_page(fw, lvl, f"{base}levels/{lvl}/") for lvl in fw.order]
        pages += [
            _competency_page(fw, c, f"{base}competencies/{c['id']}/")
            for c in fw.data["competencies"]
        ]
        pages.append(_compare_index(fw, f"{base}compare/"))
        pages.append(_self_assessment(fw, f"{base}self-assessment/"))
        for i, a in enumerate(fw.order):
            for b in fw.order[i + 1 :]:
                pages.append(_pair_page(fw, a, b, _pair_url(fw, a, b)))
    pages += [_orgs_compare(fws), _orgs_levels(fws)]
    return pages


def align(pages: list[MdPage], ladderpress_html: Iterable[str]) -> tuple[list[MdPage], int, int]:
    """Keep the pages ladderpress also wrote and add stand-ins for the ones only it wrote.

    ``ladderpress_html`` holds output paths such as ``slug/levels/x/index.html``. 404 pages
    come from each tool's template, so they are not part of the Markdown. Returns the
    pages, how many stand-ins were added and how many pages were dropped.
    """
    wanted = {p for p in ladderpress_html if p != "404.html"}
    kept = [p for p in pages if p.output_path in wanted]
    have = {p.output_path for p in kept}
    extra = []
    for path in sorted(wanted - have):
        url = "" if path == "index.html" else path.removesuffix("index.html")
        title = url.strip("/").replace("/", " · ").replace("-", " ").capitalize() or "Home"
        extra.append(MdPage(url, title, f"# {title}\n\nA page ladderpress also writes."))
    return kept + extra, len(extra), len(pages) - len(kept)


def export(
    frameworks: list[FrameworkData],
    site_title: str,
    ladderpress_html: Iterable[str],
    hugo_dir: Path,
    mkdocs_dir: Path,
) -> dict[str, int]:
    """Write both Markdown sites; return page counts for the report."""
    pages, added, dropped = align(site_pages(site_title, frameworks), ladderpress_html)
    write_hugo(pages, site_title, hugo_dir)
    write_mkdocs(pages, site_title, mkdocs_dir)
    return {
        "markdown_pages": len(pages),
        "stand_in_pages": added,
        "dropped_pages": dropped,
        "markdown_bytes": sum(len(p.body.encode()) for p in pages),
    }
