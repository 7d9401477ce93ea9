"""Import Monzo's progression-framework format: Markdown pages with YAML front matter.

A page's front matter holds `title`, `sidebarGroup`, `levels: N` and `topics`, a list of
`{name, title, content: [{level, criteria: [...], exampleCriteria: [{criteria,
examples}]}]}`. Each topic becomes a competency (id from `name`, name from `title`), its
`criteria` statements at levels "Level 1" … "Level N" of one track, and each of its
`exampleCriteria` a statement with `examples`. A single page is one category, named by
`sidebarGroup` (else "General") and the framework is titled by the page's `title`; a
folder of pages gives one category per page, named by its `title`. Monzo lists at each
level what that level adds, so the framework is cumulative.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ladderpress.core.problems import InputError, Problem, warning
from ladderpress.importers.draft import (
    DEFAULT_CATEGORY,
    Draft,
    DraftCategory,
    DraftCompetency,
    DraftLevel,
    DraftStatement,
    Origin,
    origin_at,
    read_text,
    text_items,
    text_list,
)
from ladderpress.importers.formats import ImportFormat, head_text
from ladderpress.load.document import Document, JsonPath
from ladderpress.load.source import parse_text

MAX_LEVELS = 50
EXPECTED = "a Markdown page whose YAML front matter lists `topics` (Monzo's format)"


def _front_matter(path: Path, shown: str) -> Document:
    text = read_text(path, shown, EXPECTED)
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise Origin(shown, 1, 1).fail(
            "no YAML front matter: a Monzo framework page starts with a line '---', then "
            "`title`, `levels` and `topics`, then another '---'",
            "import-monzo",
        )
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise Origin(shown, 1, 1).fail(
            "the front matter that starts on line 1 is never closed; add a line '---' after it",
            "import-monzo",
        )
    # Keep the opening '---' (a YAML document start) so that line numbers match the file.
    doc = parse_text(shown, "\n".join(lines[:end]) + "\n")
    if not isinstance(doc.data, dict):
        raise Origin(shown, 2, 1).fail("the front matter is not a mapping of keys", "import-monzo")
    return doc


def _topics(doc: Document) -> list[Any]:
    topics = doc.data.get("topics")
    if not isinstance(topics, list) or not topics:
        hint = " (pages with `yaml: false` keep their text in Markdown, which cannot be read)"
        raise origin_at(doc, ("topics",)).fail(
            "the front matter has no `topics` list to import" + hint, "import-monzo"
        )
    return topics


def _level_count(doc: Document, topics: list[Any], warnings: list[Problem]) -> int:
    declared = doc.data.get("levels")
    found = [
        entry.get("level")
        for topic in topics
        if isinstance(topic, dict) and isinstance(topic.get("content"), list)
        for entry in topic["content"]
        if isinstance(entry, dict)
    ]
    numbers = [n for n in (_as_int(v) for v in found) if n is not None and n > 0]
    count = _as_int(declared)
    if count is None or count < 1:
        count = max(numbers, default=0)
        warnings.append(
            origin_at(doc, ("levels",)).warn(
                f"`levels` should be the number of levels; used {count}, the highest level "
                "in `topics`",
                "import-monzo",
            )
        )
    if count < 1 or count > MAX_LEVELS:
        raise origin_at(doc, ("levels",)).fail(
            f"cannot tell the number of levels (found {count}); set `levels: N`", "import-monzo"
        )
    return count


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _read_topic(
    doc: Document, index: int, topic: Any, draft: Draft, category: int, levels: int
) -> None:
    base: JsonPath = ("topics", index)
    if not isinstance(topic, dict):
        draft.warnings.append(origin_at(doc, base).warn("a topic should be a mapping; skipped"))
        return
    key = str(topic.get("name") or topic.get("title") or "").strip()
    name = str(topic.get("title") or topic.get("name") or "").strip()
    if not name:
        draft.warnings.append(
            origin_at(doc, base).warn("a topic has neither `name` nor `title`; skipped")
        )
        return
    competency = DraftCompetency(name, category, origin_at(doc, base), key=key)
    content = topic.get("content")
    if not isinstance(content, list):
        content = []
    for c_index, entry in enumerate(content):
        where: JsonPath = (*base, "content", c_index)
        level = _as_int(entry.get("level")) if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or level is None or not 1 <= level <= levels:
            draft.warnings.append(
                origin_at(doc, (*where, "level")).warn(
                    f"expected an entry with a `level` from 1 to {levels}; skipped",
                    "import-monzo",
                )
            )
            continue
        criteria = (*where, "criteria")
        for s_index, text in text_items(doc, entry.get("criteria"), criteria, draft.warnings):
            origin = origin_at(doc, (*criteria, s_index))
            competency.add(level - 1, DraftStatement(text, origin))
        examples = entry.get("exampleCriteria") or []
        for e_index, example in enumerate(examples if isinstance(examples, list) else []):
            e_where: JsonPath = (*where, "exampleCriteria", e_index)
            criterion = example.get("criteria") if isinstance(example, dict) else None
            if not isinstance(criterion, str) or not criterion.strip():
                draft.warnings.append(
                    origin_at(doc, e_where).warn(
                        "expected `criteria` text; skipped", "import-monzo"
                    )
                )
                continue
            found = text_list(doc, example.get("examples"), (*e_where, "examples"), draft.warnings)
            statement = DraftStatement(criterion.strip(), origin_at(doc, e_where), examples=found)
            competency.add(level - 1, statement)
    draft.competencies.append(competency)


def import_monzo(path: Path, draft: Draft, shown_of: Callable[[Path], str]) -> Draft:
    """Fill `draft` from one page, or from every `*.md` page of a folder (sorted by name)."""
    if path.is_dir():
        pages: list[Document] = []
        for file in sorted(path.glob("*.md")):
            try:
                doc = _front_matter(file, shown_of(file))
            except InputError as exc:
                if any(p.rule != "import-monzo" for p in exc.problems):
                    raise
                draft.warnings.extend(
                    warning(p.path, p.line, p.col, f"{p.message}; page skipped", p.rule)
                    for p in exc.problems
                )
                continue
            if isinstance(doc.data.get("topics"), list) and doc.data["topics"]:
                pages.append(doc)
            else:
                draft.warnings.append(
                    Origin(doc.path, 1, 1).warn("no `topics` in this page; skipped", "import-monzo")
                )
        if not pages:
            raise draft.source.fail(
                f"no page in this folder has front matter with `topics`; expected {EXPECTED}",
                "import-monzo",
            )
    else:
        pages = [_front_matter(path, draft.source.path)]
    counts = [_level_count(doc, _topics(doc), draft.warnings) for doc in pages]
    levels = max(counts)
    if len(set(counts)) > 1:
        draft.warnings.append(
            draft.source.warn(
                f"the pages have different numbers of levels ({', '.join(map(str, counts))}); "
                f"all {levels} are on one track",
                "import-monzo",
            )
        )
    for number in range(1, levels + 1):
        draft.levels.append(DraftLevel(f"Level {number}", draft.source, key=f"level-{number}"))
    for doc in pages:
        data = doc.data
        if len(pages) == 1:
            name = str(data.get("sidebarGroup") or "").strip() or DEFAULT_CATEGORY
            draft.title = str(data.get("title") or "").strip() or None
        else:
            name = str(data.get("title") or data.get("sidebarTitle") or "").strip()
            name = name or Path(doc.path).stem
        draft.categories.append(DraftCategory(name, Origin(doc.path, 1, 1)))
        for index, topic in enumerate(_topics(doc)):
            _read_topic(doc, index, topic, draft, len(draft.categories) - 1, levels)
    draft.cumulative = True
    draft.cumulative_note = [
        "Monzo's framework lists at each level what that level adds, so expectations are",
        "cumulative: a level also expects everything listed at the levels below it.",
    ]
    return draft


def _sniff(path: Path, head: bytes) -> bool:
    return head_text(head).startswith("---")  # front matter


FORMAT = ImportFormat(
    name="monzo",
    description="Monzo progression framework",
    suffixes=(".md", ".markdown"),
    sniff=_sniff,
    read=import_monzo,
    folder_suffixes=(".md",),
    folder_hint=".md files (Monzo's format)",
)
