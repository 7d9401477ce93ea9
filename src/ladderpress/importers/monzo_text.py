"""Read a Monzo page kept as Markdown (`yaml: false`): its framework is in the headings.

Two layouts are in use, told apart by the second-level headings:

- levels as headings: `## Level 1` … `## Level N`, under each `### Competency` headings,
  and under those the statements — each paragraph or list item one statement. Text under
  a level's heading before its first competency is the level's summary.
- one level per page (a page per role): the page is one level, named by its
  `sidebarTitle` (else `title`); `## Group` headings are categories and `### Competency`
  headings competencies; text right under a `##` is a competency named by that heading.

Text before the first heading is the framework's introduction (its summary). Horizontal
rules are separators; a deeper heading (`####`) leads the paragraph after it, in bold,
so that nothing of the page is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from ladderpress.importers.draft import (
    DEFAULT_CATEGORY,
    Draft,
    DraftCategory,
    DraftCompetency,
    DraftLevel,
    DraftStatement,
    Origin,
    one_line,
)
from ladderpress.load.document import Document


class Page(Protocol):
    """What this module reads of a page (frontmatter.Page)."""

    @property
    def doc(self) -> Document: ...  # the front matter

    @property
    def body(self) -> str: ...

    @property
    def body_line(self) -> int: ...


_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_RULE = re.compile(r"^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_ITEM = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$")
_LEVEL = re.compile(r"^\s*(?:level|lvl|l)\s*(\d{1,2})\b", re.I)
_EMOJI = re.compile(r"^[^\w(\"'“]+", re.UNICODE)


@dataclass
class _Block:
    """A paragraph or list item: one statement."""

    lines: list[str]
    line: int

    def text(self) -> str:
        return "\n".join(part.strip() for part in self.lines).strip()


@dataclass
class _Reader:
    page: Page
    draft: Draft
    by_levels: bool
    intro: list[str] = field(default_factory=list)
    level: int | None = None
    category: int | None = None
    competency: DraftCompetency | None = None
    level_text: list[str] = field(default_factory=list)
    competencies: dict[tuple[int, str], DraftCompetency] = field(default_factory=dict)
    lead: tuple[str, int] | None = None  # a deeper heading, waiting for its paragraph

    def origin(self, line: int) -> Origin:
        return Origin(self.page.doc.path, line, 1)

    def _category(self, name: str, line: int) -> int:
        for index, category in enumerate(self.draft.categories):
            if category.name.casefold() == name.casefold():
                return index
        self.draft.categories.append(DraftCategory(name, self.origin(line)))
        return len(self.draft.categories) - 1

    def _competency(self, name: str, line: int) -> DraftCompetency:
        category = self.category
        if category is None:
            category = self.category = self._category(DEFAULT_CATEGORY, line)
        key = (category, name.casefold())
        if key not in self.competencies:
            found = DraftCompetency(name, category, self.origin(line))
            self.competencies[key] = found
            self.draft.competencies.append(found)
        return self.competencies[key]

    def finish_level_text(self) -> None:
        if self.level is not None and self.level_text:
            level = self.draft.levels[self.level]
            text = "\n\n".join(self.level_text)
            level.summary = f"{level.summary}\n\n{text}" if level.summary else text
        self.level_text = []

    def heading(self, depth: int, text: str, line: int) -> None:
        self.flush_lead()
        if depth <= 1:
            return  # the page's own title, which the front matter also gives
        if depth == 2:
            self.finish_level_text()
            self.competency = None
            if self.by_levels:
                self.level = self._level(text, line)
            else:
                self.category = self._category(text, line)
            return
        if depth == 3:
            self.competency = self._competency(text, line)
            return
        self.lead = (f"**{text}**", line)

    def _level(self, text: str, line: int) -> int:
        number = _LEVEL.match(text)
        key = f"level-{number.group(1)}" if number else None
        for index, level in enumerate(self.draft.levels):
            if level.name.casefold() == text.casefold():
                return index
        self.draft.levels.append(DraftLevel(text, self.origin(line), key=key))
        return len(self.draft.levels) - 1

    def flush_lead(self) -> None:
        """A deeper heading with no paragraph after it is a statement of its own."""
        if self.lead is not None:
            text, line = self.lead
            self.lead = None
            self.block(_Block([text], line))

    def block(self, block: _Block) -> None:
        text = block.text()
        if not text:
            return
        if self.lead is not None:
            text = f"{self.lead[0]}: {text}"
            self.lead = None
        if self.competency is None:
            if self.by_levels and self.level is not None:
                self.level_text.append(text)
                return
            if not self.by_levels and self.category is not None:
                name = self.draft.categories[self.category].name
                self.competency = self._competency(name, block.line)
            else:
                self.intro.append(text)
                return
        level = self.level if self.by_levels else 0
        if level is None:
            self.intro.append(text)
            return
        self.competency.add(level, DraftStatement(text, self.origin(block.line)))


def _blocks_and_headings(page: Page, reader: _Reader) -> None:
    current: _Block | None = None
    for offset, raw in enumerate(page.body.split("\n")):
        line = page.body_line + offset
        heading = _HEADING.match(raw)
        item = _ITEM.match(raw)
        if (heading or _RULE.match(raw) or not raw.strip() or item) and current is not None:
            reader.block(current)
            current = None
        if heading:
            reader.heading(len(heading.group(1)), one_line(heading.group(2)), line)
        elif item:
            current = _Block([item.group(1)], line)
        elif raw.strip() and not _RULE.match(raw):
            if current is None:
                current = _Block([raw], line)
            else:
                current.lines.append(raw)
    if current is not None:
        reader.block(current)
    reader.flush_lead()
    reader.finish_level_text()


def page_level_name(page: Page) -> str:
    data = page.doc.data
    for key in ("sidebarTitle", "title"):
        value = one_line(str(data.get(key) or ""))
        value = _EMOJI.sub("", value).strip()
        if value:
            return value
    return "Level 1"


def read_text_page(page: Page, draft: Draft) -> Draft:
    """Fill `draft` from the body of a `yaml: false` page (see the module docstring)."""
    headings = [m for m in map(_HEADING.match, page.body.split("\n")) if m]
    by_levels = any(len(m.group(1)) == 2 and _LEVEL.match(m.group(2)) for m in headings)
    reader = _Reader(page, draft, by_levels)
    if not by_levels:
        draft.levels.append(DraftLevel(page_level_name(page), Origin(page.doc.path, 1, 1)))
        draft.warnings.append(
            Origin(page.doc.path, page.body_line, 1).warn(
                f"this page's headings name no levels ('## Level 1' …): the page was read as "
                f"one level, '{draft.levels[0].name}', with '##' headings as categories",
                "import-monzo",
            )
        )
    _blocks_and_headings(page, reader)
    if reader.intro:
        draft.summary = "\n\n".join(reader.intro)
    if not draft.competencies:
        raise Origin(page.doc.path, page.body_line, 1).fail(
            "this `yaml: false` page has no '### Competency' headings with text under them "
            "to import; write each level as '## Level N', each competency under it as "
            "'### Name', and its statements as paragraphs",
            "import-monzo",
        )
    draft.cumulative = True
    draft.cumulative_note = [
        "Monzo's pages describe at each level what that level adds, so expectations are",
        "cumulative: a level also expects everything described at the levels below it.",
    ]
    draft.warnings.append(
        Origin(page.doc.path, page.body_line, 1).warn(
            "read from the page's Markdown (`yaml: false`): each paragraph or list item under "
            "a '###' heading became one statement; check where they were split",
            "import-review",
        )
    )
    return draft
