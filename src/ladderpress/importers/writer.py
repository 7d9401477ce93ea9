"""Turn a Draft into the text of a framework file that passes `ladderpress validate`.

This is where ids are made (from names, unique, never a reserved name), names are kept
within the schema's limits, empty competencies are dropped, placeholders are filled in
for what the source lacks — each with a warning — and the YAML is laid out for people:
block style, two-space indents, keys in the schema's order, a blank line between parts.
"""

from __future__ import annotations

import re
from typing import Any

from ladderpress.check.semantics import RESERVED_DEVICE_NAMES
from ladderpress.core.problems import Problem
from ladderpress.importers.draft import (
    Draft,
    DraftCompetency,
    DraftStatement,
    Identity,
    Origin,
    is_id,
    one_line,
    short_name,
    slugify,
)
from ladderpress.importers.head import head, tracks
from ladderpress.load.characters import strip_forbidden
from ladderpress.load.dump import dump_yaml

SCHEMA_LINE = (
    "# yaml-language-server: $schema=https://ladderpress.dev/schema/v1/framework.schema.json"
)
MAX_NAME = 80
MAX_STATEMENT = 2000  # the schema's limit on a statement's text
# the schema's limits on a framework; one track holds at most 30 of its levels
MAX_LEVELS = 60
MAX_TRACK = 30
MAX_COMPETENCIES = 100
MAX_CATEGORIES = 50
MAX_CELL = 50


def _indent(text: str) -> str:
    return "".join(f"  {line}" if line.strip() else line for line in text.splitlines(True))


class _Ids:
    """Hands out unique ids in one namespace, warning when a name had to be changed."""

    def __init__(self, what: str, warnings: list[Problem]) -> None:
        self.what = what
        self.warnings = warnings
        self.used: dict[str, tuple[str, Origin, str | None]] = {}

    def take(
        self,
        name: str,
        origin: Origin,
        *,
        key: str | None = None,
        explicit: bool = False,
        fallback: str = "item",
        prefix: str | None = None,
    ) -> str:
        """An id for `name` (or `key`); on a clash, `prefix` (the category) goes in front
        when the first holder has another prefix, else a number goes at the end."""
        wanted = key if key is not None else name
        base = wanted if is_id(wanted) else slugify(wanted)
        if explicit and base != wanted:
            self.warnings.append(
                origin.warn(
                    f"{self.what} id '{wanted}' is not a valid ladderpress id (lowercase letters, "
                    f"digits and single hyphens); it became '{base or fallback}'",
                    "import-id",
                )
            )
        base = base or fallback
        if base in RESERVED_DEVICE_NAMES:
            base = f"{base}-{slugify(self.what)}"
        chosen = base
        if chosen in self.used:
            first_name, first, first_prefix = self.used[chosen]
            if prefix and prefix != first_prefix:
                chosen = slugify(f"{prefix}-{base}")
            number = 2
            while chosen in self.used:
                chosen = f"{base[:60]}-{number}"
                number += 1
            if self.what == "statement":
                reason = f"duplicate statement id '{base}'"
            elif first_name.casefold() == name.casefold():
                reason = f"duplicate {self.what} name '{name}'"
            else:
                reason = f"{self.what} '{name}' has the same id '{base}' as '{first_name}'"
            elsewhere = f" of {first.path}" if first.path != origin.path else ""
            self.warnings.append(
                origin.warn(
                    f"{reason} (also at {first.describe()}{elsewhere}): this one was imported "
                    f"with id '{chosen}'; merge or rename them",
                    "import-duplicate",
                )
            )
        self.used[chosen] = (name, origin, prefix)
        return chosen


def _name(
    text: str, origin: Origin, what: str, warnings: list[Problem], limit: int
) -> tuple[str, str | None]:
    """A name within `limit`, and the whole name when it had to be shortened: the caller
    keeps that in the description, so nothing of the source is lost."""
    name = one_line(text)
    if len(name) <= limit:
        return name, None
    warnings.append(
        origin.warn(
            f"{what} name is longer than {limit} characters: it was shortened, and the whole "
            "name starts its description; write a shorter name",
            "import-long-name",
        )
    )
    return short_name(name, limit), name


def _with_whole_name(whole: str | None, text: str | None) -> str | None:
    if whole is None:
        return text
    return f"{whole}\n\n{text}" if text else whole


def _check_limits(draft: Draft, kept: list[DraftCompetency]) -> None:
    """Refuse what no framework file can hold, rather than write one that fails."""
    longest = max((len(t.levels) for t in draft.tracks), default=len(draft.levels))
    counts = (
        (len(draft.levels), MAX_LEVELS, "levels"),
        (longest, MAX_TRACK, "levels on one track"),
        (len(kept), MAX_COMPETENCIES, "competencies"),
        (len({c.category for c in kept}), MAX_CATEGORIES, "categories"),
    )
    for found, limit, what in counts:
        if found > limit:
            raise draft.source.fail(
                f"the source has {found} {what}, over the {limit} a framework holds; split it "
                "into several sources and import each",
                "import-too-large",
            )
    for competency in kept:
        for items in competency.expectations.values():
            if len(items) > MAX_CELL:
                raise items[MAX_CELL].origin.fail(
                    f"'{one_line(competency.name)}' has {len(items)} statements at one level, "
                    f"over the {MAX_CELL} a level holds; merge some or move them to another "
                    "competency",
                    "import-too-large",
                )


def _pieces(item: DraftStatement, warnings: list[Problem]) -> list[DraftStatement]:
    """`item`, or when its text is over a statement's limit, its sentences in statements
    that fit (the first keeps its id and examples): cut, none of it would be published."""
    if len(item.text) <= MAX_STATEMENT:
        return [item]
    sentences = re.split(r"(?<=[.!?])\s+", item.text)
    texts: list[str] = []
    for sentence in sentences:
        while len(sentence) > MAX_STATEMENT:
            texts.append(sentence[:MAX_STATEMENT])
            sentence = sentence[MAX_STATEMENT:]
        if texts and len(texts[-1]) + 1 + len(sentence) <= MAX_STATEMENT:
            texts[-1] = f"{texts[-1]} {sentence}"
        elif sentence:
            texts.append(sentence)
    warnings.append(
        item.origin.warn(
            f"this statement is {len(item.text):,} characters, over the {MAX_STATEMENT:,} a "
            f"statement holds: it was split into {len(texts)} statements at sentence ends; "
            "check them",
            "import-long-text",
        )
    )
    first = DraftStatement(
        texts[0], item.origin, item.explicit_id, list(item.examples), item.proficiency
    )
    rest = [DraftStatement(text, item.origin, proficiency=item.proficiency) for text in texts[1:]]
    return [first, *rest]


def _statement(item: DraftStatement, ids: _Ids) -> str | dict[str, Any]:
    out: dict[str, Any] = {}
    if item.explicit_id is not None and item.explicit_id.strip():
        out["id"] = ids.take(item.explicit_id, item.origin, explicit=True, fallback="statement")
    if not out and not item.examples and not item.proficiency:
        return item.text
    out["text"] = item.text
    if item.proficiency:
        out["proficiency"] = item.proficiency[:40]
    if item.examples:
        out["examples"] = list(item.examples)
    return out


def render(
    draft: Draft,
    *,
    slug: str,
    identity: Identity | None = None,
    organisation: str | None = None,
) -> tuple[str, list[Problem]]:
    """The framework file's text, and the warnings (the draft's and the writer's own).
    `identity` says whose framework it is (guess.py); `organisation` alone is short for an
    identity with that name given and nothing guessed."""
    if identity is None:
        identity = Identity(organisation)
    warnings = list(draft.warnings)
    level_ids = _Ids("level", warnings)
    levels = []
    for number, level in enumerate(draft.levels, start=1):
        name, whole = _name(level.name, level.origin, "level", warnings, MAX_NAME)
        entry: dict[str, Any] = {
            "id": level_ids.take(
                level.name,
                level.origin,
                key=level.key,
                explicit=level.explicit,
                fallback=f"level-{number}",
            ),
            "name": name,
        }
        summary = _with_whole_name(whole, level.summary)
        if summary:
            entry["summary"] = summary
        if level.sections:
            entry["sections"] = [{"title": t, "body": b} for t, b in level.sections]
        levels.append(entry)

    kept = [c for c in draft.competencies if any(c.expectations.values())]
    for competency in draft.competencies:
        if competency not in kept:
            warnings.append(
                competency.origin.warn(
                    f"competency '{one_line(competency.name)}' has no statements at any level; "
                    "it was not imported",
                    "import-empty-competency",
                )
            )
    if not kept:
        raise draft.source.fail(
            "found no statements to import; see the expected layout in the documentation of "
            "`ladderpress import`",
            "import-nothing",
        )
    _check_limits(draft, kept)

    category_ids = _Ids("category", warnings)
    categories: list[dict[str, Any]] = []
    category_id: dict[int, str] = {}
    for index, category in enumerate(draft.categories):
        if not any(c.category == index for c in kept):
            continue
        category_id[index] = category_ids.take(
            category.name, category.origin, key=category.key, fallback="category"
        )
        name, whole = _name(category.name, category.origin, "category", warnings, MAX_NAME)
        cat: dict[str, Any] = {"id": category_id[index], "name": name}
        description = _with_whole_name(whole, category.description)
        if description:
            cat["description"] = description
        categories.append(cat)

    competency_ids = _Ids("competency", warnings)
    statement_ids = _Ids("statement", warnings)
    competencies: list[dict[str, Any]] = []
    for competency in kept:
        name, whole = _name(competency.name, competency.origin, "competency", warnings, MAX_NAME)
        entry = {
            "id": competency_ids.take(
                competency.name,
                competency.origin,
                key=competency.key,
                explicit=competency.explicit,
                fallback="competency",
                prefix=category_id[competency.category],
            ),
            "name": name,
            "category": category_id[competency.category],
        }
        description = _with_whole_name(whole, competency.description)
        if description:
            entry["description"] = description
        entry["expectations"] = {
            levels[index]["id"]: [
                _statement(piece, statement_ids) for s in items for piece in _pieces(s, warnings)
            ]
            for index, items in sorted(competency.expectations.items())
            if items
        }
        competencies.append(entry)

    first = head(draft, identity, warnings)
    paths = tracks(draft, [level["id"] for level in levels], warnings)
    parts, removed = _without_forbidden([first, paths, levels, categories, competencies])
    if removed:
        # Spreadsheet cells were cleaned with a warning each (spreadsheet.py); this is
        # what other formats' text (Markdown pages) still held.
        warnings.append(
            draft.source.warn(
                f"removed {removed} control or bidi override character(s) that a framework "
                "cannot hold",
                "import-character",
            )
        )
    text = _layout(draft, slug, *parts)
    return text, warnings


def _without_forbidden(value: Any) -> tuple[Any, int]:
    """`value` with every string cleaned of what `validate` refuses (characters.py),
    and how many characters were removed."""
    if isinstance(value, str):
        cleaned = strip_forbidden(value)
        return cleaned, len(value) - len(cleaned)
    if isinstance(value, dict):
        pairs = [(key, _without_forbidden(item)) for key, item in value.items()]
        return {k: v for k, (v, _) in pairs}, sum(n for _, (_, n) in pairs)
    if isinstance(value, list):
        items = [_without_forbidden(item) for item in value]
        return [v for v, _ in items], sum(n for _, n in items)
    return value, 0


def _layout(
    draft: Draft,
    slug: str,
    first: dict[str, Any],
    paths: list[dict[str, Any]],
    levels: list[dict[str, Any]],
    categories: list[dict[str, Any]],
    competencies: list[dict[str, Any]],
) -> str:
    name = " ".join((draft.file_name or draft.source.path).split())
    lines = [
        SCHEMA_LINE,
        f"# Imported from {name} ({draft.label}) by `ladderpress import`;",
        f"# save it as frameworks/{slug}.yaml. Before publishing, review:",
        "# - the title, organisation and disciplines, which are guesses or placeholders when",
        "#   the source had none, and the tracks and the order of their levels;",
        "# - the ids, made from names: they become page addresses, so settle them now;",
        "# - each level's `position` on the reference scale (1 entry … 8 executive), which",
        "#   lets readers compare levels with other organisations' frameworks;",
        "# - `cumulative`, below, and the wording of every statement.",
    ]
    parts = ["\n".join(lines) + "\n" + dump_yaml(first)]
    note = "".join(f"# {line}\n" for line in draft.cumulative_note)
    parts[0] += note + dump_yaml({"cumulative": draft.cumulative})
    parts.append(dump_yaml({"tracks": paths}))
    parts.append(dump_yaml({"levels": levels}))
    parts.append(dump_yaml({"categories": categories}))
    parts.append("competencies:\n" + "\n".join(_indent(dump_yaml([c])) for c in competencies))
    return "\n".join(parts)
