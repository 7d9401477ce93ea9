"""Import Monzo's progression-framework format: one Markdown page with YAML front matter.

The facts of the format, as Monzo's site reads it:

- The front matter holds `title`, `sidebarTitle`, `sidebarGroup`, `yaml`, `levels: N` and
  `topics`: `{name, title, content: [{level, criteria: [...], exampleCriteria: [{criteria,
  examples}]}]}`. Each topic becomes a competency (id from `name`), each `criteria` entry
  and each `exampleCriteria` (with its `examples`) a statement at "Level N" of one track.
- Generic inheritance: a topic whose `name` is also a topic of the generic page (the page
  at path `/generic`, `generic.md` in the page's folder or the nearest folder above) takes
  the generic topic's `title`, and at each level the generic topic's `criteria` after its
  own. The generic page itself inherits nothing.
- The Markdown body under the front matter is the page's introduction: it becomes the
  framework's summary. Pages with `yaml: false` keep the whole framework in the body
  (`monzo_text.py`).
- Monzo lists at each level what that level adds: the framework is cumulative.

Kept beyond what Monzo's site shows, each with a warning: content for levels above
`levels: N` (which the site cannot reach), and `exampleCriteria` named "Criteria for
sublevel A", "… B", which become levels of their own ("Level 1A", "Level 1B"), their
examples the statements, since a ladderpress level has no sub-levels.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ladderpress.core.problems import InputError
from ladderpress.importers.draft import (
    DEFAULT_CATEGORY,
    Draft,
    DraftCategory,
    DraftCompetency,
    DraftLevel,
    DraftStatement,
    Origin,
    humanize,
    one_line,
    origin_at,
    text_items,
    text_list,
)
from ladderpress.importers.formats import ImportFormat, head_text
from ladderpress.importers.frontmatter import NotAPage, Page, read_page
from ladderpress.importers.monzo_text import read_text_page
from ladderpress.load.document import JsonPath

MAX_LEVELS = 30  # a track's limit in the schema
GENERIC_NAME = "generic.md"
GENERIC_PATH = "/generic"
MAX_GENERIC_DEPTH = 4  # folders above a page that may hold its generic page
_SUBLEVEL = re.compile(r"^\s*(?:criteria\s+for\s+)?sub-?level\s+([A-Za-z0-9]{1,3})\b\s*(.*)$", re.I)
CUMULATIVE_NOTE = [
    "Monzo's framework lists at each level what that level adds, so expectations are",
    "cumulative: a level also expects everything listed at the levels below it.",
]

# One statement found in a page: (level number, sub-level or "", statement)
Found = tuple[int, str, DraftStatement]


def as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def find_generic(page: Path) -> Path | None:
    """The generic page a page inherits from: `generic.md` in its folder or the nearest
    folder above it (not above its git checkout)."""
    folder = page.resolve().parent
    for _ in range(MAX_GENERIC_DEPTH):
        candidate = folder / GENERIC_NAME
        if candidate.is_file():
            return candidate
        if (folder / ".git").exists() or folder.parent == folder:
            return None
        folder = folder.parent
    return None


def _criteria(page: Page, where: JsonPath, entry: dict[str, Any], level: int) -> list[Found]:
    """What one `content` entry lists at its level, in the order Monzo shows it."""
    doc, warnings = page.doc, page.warnings
    out: list[Found] = []
    criteria = (*where, "criteria")
    for s_index, text in text_items(doc, entry.get("criteria"), criteria, warnings):
        out.append((level, "", DraftStatement(text, origin_at(doc, (*criteria, s_index)))))
    examples = entry.get("exampleCriteria") or []
    for e_index, example in enumerate(examples if isinstance(examples, list) else []):
        e_where: JsonPath = (*where, "exampleCriteria", e_index)
        criterion = example.get("criteria") if isinstance(example, dict) else None
        if not isinstance(criterion, str) or not criterion.strip():
            warnings.append(
                origin_at(doc, e_where).warn(
                    "expected `criteria` text; this example entry was not imported",
                    "import-monzo",
                )
            )
            continue
        found = text_list(doc, example.get("examples"), (*e_where, "examples"), warnings)
        sub = _SUBLEVEL.match(criterion)
        if sub and found:
            key = one_line(sub.group(1).upper() + (" " + sub.group(2) if sub.group(2) else ""))
            for x_index, text in enumerate(found):
                origin = origin_at(doc, (*e_where, "examples", x_index))
                out.append((level, key, DraftStatement(text, origin)))
            continue
        origin = origin_at(doc, e_where)
        out.append((level, "", DraftStatement(criterion.strip(), origin, examples=found)))
    return out


def _topic_content(page: Page, index: int, topic: dict[str, Any]) -> list[Found]:
    content = topic.get("content")
    base: JsonPath = ("topics", index, "content")
    out: list[Found] = []
    for c_index, entry in enumerate(content if isinstance(content, list) else []):
        where: JsonPath = (*base, c_index)
        level = as_int(entry.get("level")) if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or level is None or not 1 <= level <= MAX_LEVELS:
            page.warnings.append(
                origin_at(page.doc, (*where, "level") if isinstance(entry, dict) else where).warn(
                    f"expected an entry with a `level` from 1 to {MAX_LEVELS}; "
                    "this entry was not imported",
                    "import-monzo",
                )
            )
            continue
        out.extend(_criteria(page, where, entry, level))
    return out


class _Generic:
    """The generic page's topics: name -> (title, criteria by level)."""

    def __init__(self, page: Page | None, path: Path | None) -> None:
        self.path = path
        self.topics: dict[str, tuple[str, list[Found]]] = {}
        self.titles: dict[str, str] = {}
        if page is None:
            return
        for index, topic in enumerate(_topics(page)):
            if isinstance(topic, dict) and topic.get("name"):
                name = str(topic["name"]).strip()
                found = [f for f in _topic_content(page, index, topic) if not f[2].examples]
                self.topics[name] = (one_line(str(topic.get("title") or "")), found)


def _topics(page: Page) -> list[Any]:
    topics = page.doc.data.get("topics")
    return topics if isinstance(topics, list) else []


def load_generic(path: Path, shown_of: Callable[[Path], str], draft: Draft) -> _Generic:
    generic = find_generic(path)
    if generic is None or generic.resolve() == path.resolve():
        return _Generic(None, None)
    try:
        page = read_page(generic, shown_of(generic))
    except (NotAPage, InputError):  # a broken generic page is reported when it is imported
        draft.warnings.append(
            draft.source.warn(
                f"the generic page {shown_of(generic)} cannot be read, so nothing was "
                "inherited from it; fix it and import again",
                "import-monzo",
            )
        )
        return _Generic(None, None)
    return _Generic(page, generic)


def _is_generic(page: Page, generic: _Generic) -> bool:
    """Monzo's own test: the page's topic names and titles are the generic page's."""
    names = {str(t.get("name")).strip() for t in _topics(page) if isinstance(t, dict)}
    titles = {one_line(str(t.get("title") or "")) for t in _topics(page) if isinstance(t, dict)}
    return names == set(generic.topics) and titles == {t for t, _ in generic.topics.values()}


def _levels(page: Page, found: list[Found], draft: Draft) -> dict[tuple[int, str], int]:
    """Make the draft's levels; returns (level number, sub-level) -> level index."""
    doc = page.doc
    declared = as_int(doc.data.get("levels"))
    highest = max((n for n, _, _ in found), default=0)
    count = declared if declared is not None and declared > 0 else highest
    if declared is None or declared < 1:
        draft.warnings.append(
            origin_at(doc, ("levels",)).warn(
                f"`levels` should be the number of levels; used {count}, the highest level "
                "in `topics`",
                "import-monzo",
            )
        )
    elif highest > declared:
        line = min((s.origin.line for n, _, s in found if n > declared))
        extra = (
            f"level {highest} was"
            if highest == declared + 1
            else (f"levels {declared + 1} to {highest} were")
        )
        draft.warnings.append(
            origin_at(doc, ("levels",)).warn(
                f"`levels: {declared}`, but topics have content up to level {highest} (first "
                f"on line {line}), which Monzo's site never shows; {extra} imported too. "
                f"Set `levels: {highest}` in the source if that is meant",
                "import-monzo",
            )
        )
        count = highest
    if count > MAX_LEVELS:
        raise origin_at(doc, ("levels",)).fail(
            f"{count} levels, over the {MAX_LEVELS} a track holds; set `levels: N` to the "
            "number of levels",
            "import-too-large",
        )
    subs: dict[int, list[str]] = {}
    for number, sub, _ in found:
        if sub and sub not in subs.setdefault(number, []):
            subs[number].append(sub)
    index: dict[tuple[int, str], int] = {}
    for number in range(1, count + 1):
        for sub in subs.get(number) or [""]:
            index[(number, sub)] = len(draft.levels)
            name = f"Level {number}{sub if len(sub) <= 3 else ' ' + sub}"
            key = f"level-{number}" + (f"-{sub}" if sub else "")
            draft.levels.append(DraftLevel(name, draft.source, key=key))
        if number in subs:
            index[(number, "")] = index[(number, subs[number][0])]
            draft.warnings.append(
                draft.source.warn(
                    f"level {number} has sub-levels ({', '.join(subs[number])}): each became a "
                    f"level of its own, lowest first, with its examples as statements, and "
                    f"level {number}'s other criteria are at its first sub-level",
                    "import-sublevel",
                )
            )
    return index


def _inherit(
    page: Page, generic: _Generic, topic: dict[str, Any], levels: int, draft: Draft
) -> tuple[str, list[Found]]:
    name = str(topic.get("name") or "").strip()
    if name not in generic.topics:
        return "", []
    title, found = generic.topics[name]
    kept = [f for f in found if f[0] <= levels]
    above = [f for f in found if f[0] > levels]
    if above:
        draft.warnings.append(
            above[0][2].origin.warn(
                f"the generic topic '{name}' has {len(above)} criteria above this page's "
                f"{levels} levels, which Monzo's site does not show on "
                f"{page.doc.path}; they were not inherited there",
                "import-inherit",
            )
        )
    return title, kept


def read_page_into(page: Page, draft: Draft, generic: _Generic) -> Draft:
    """Fill `draft` from a page read already, inheriting from `generic`."""
    try:
        return _read_page_into(page, draft, generic)
    finally:
        draft.warnings.extend(page.warnings)


def _read_page_into(page: Page, draft: Draft, generic: _Generic) -> Draft:
    data = page.doc.data
    draft.title = one_line(str(data.get("title") or "")) or None
    intro = page.body.strip()
    if data.get("yaml") is False or (not _topics(page) and intro):
        return read_text_page(page, draft)
    if not _topics(page):
        raise origin_at(page.doc, ("topics",) if "topics" in data else ()).fail(
            "the front matter has no `topics` list to import, and the page has no text",
            "import-monzo",
        )
    draft.summary = intro or None
    category = one_line(str(data.get("sidebarGroup") or "")) or DEFAULT_CATEGORY
    draft.categories.append(DraftCategory(humanize(category), Origin(page.doc.path, 1, 1)))
    inherits = generic.path is not None and not _is_generic(page, generic)
    per_topic: list[tuple[int, dict[str, Any], list[Found]]] = []
    for index, topic in enumerate(_topics(page)):
        if not isinstance(topic, dict) or not (topic.get("name") or topic.get("title")):
            draft.warnings.append(
                origin_at(page.doc, ("topics", index)).warn(
                    "a topic needs a `name` or a `title`; it was not imported", "import-monzo"
                )
            )
            continue
        per_topic.append((index, topic, _topic_content(page, index, topic)))
    own = [f for _, _, found in per_topic for f in found]
    declared = as_int(data.get("levels")) or 0
    levels = _levels(page, own, draft)
    top = max(n for n, _ in levels)
    inherited = 0
    for index, topic, found in per_topic:
        key = str(topic.get("name") or topic.get("title")).strip()
        title, extra = "", list[Found]()
        if inherits:
            title, extra = _inherit(page, generic, topic, max(declared, top), draft)
        name = title or one_line(str(topic.get("title") or "")) or humanize(key)
        competency = DraftCompetency(name, 0, origin_at(page.doc, ("topics", index)), key=key)
        seen: dict[tuple[int, str], Origin] = {}
        for number, sub, statement in [*found, *extra]:
            level = levels.get((number, sub))
            if level is None:
                continue
            text = one_line(statement.text).casefold()
            if (level, text) in seen:
                draft.warnings.append(
                    statement.origin.warn(
                        f"the same criterion is already listed at level {number} of "
                        f"'{key}' (at {seen[(level, text)].describe()}); imported once",
                        "import-duplicate",
                    )
                )
                continue
            seen[(level, text)] = statement.origin
            competency.add(level, statement)
        inherited += len(extra)
        draft.competencies.append(competency)
    if inherits and inherited and generic.path is not None:
        draft.warnings.append(
            draft.source.warn(
                f"{inherited} criteria were inherited from the generic page "
                f"({generic.path.name}) and copied into this framework",
                "import-inherit",
            )
        )
    draft.cumulative = True
    draft.cumulative_note = list(CUMULATIVE_NOTE)
    return draft


def import_monzo(path: Path, draft: Draft, shown_of: Callable[[Path], str]) -> Draft:
    """Fill `draft` from one page (a folder is imported page by page, see tree.py)."""
    if path.is_dir():
        raise draft.source.fail(
            "this is a folder: each Monzo page in it is a framework of its own, so import "
            "it with `ladderpress import FOLDER` (import_tree), which reads them one by one",
            "import-monzo",
        )
    try:
        page = read_page(path, draft.source.path)
    except NotAPage as exc:
        raise Origin(exc.problem.path, 1, 1).fail(exc.problem.message, "import-monzo") from None
    return read_page_into(page, draft, load_generic(path, shown_of, draft))


def _sniff(path: Path, head: bytes) -> bool:
    return head_text(head).startswith("---")  # front matter


def _member(path: Path) -> bool:
    """A page with front matter (a folder's README or notes have none)."""
    try:
        with path.open("rb") as handle:
            return _sniff(path, handle.read(64))
    except OSError:
        return True  # let the import report why it cannot be read


FORMAT = ImportFormat(
    name="monzo",
    description="Monzo progression framework",
    suffixes=(".md", ".markdown"),
    sniff=_sniff,
    read=import_monzo,
    folder_suffixes=(".md",),
    folder_hint=".md files (Monzo's format)",
    member=_member,
)
