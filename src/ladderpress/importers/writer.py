"""Turn a Draft into the text of a framework file that passes `ladderpress validate`.

This is where ids are made (from names, unique, never a reserved name), names are kept
within the schema's limits, empty competencies are dropped, placeholders are filled in
for what the source lacks — each with a warning — and the YAML is laid out for people:
block style, two-space indents, keys in the schema's order, a blank line between parts.
"""

from __future__ import annotations

from typing import Any

from ladderpress.check.semantics import RESERVED_DEVICE_NAMES
from ladderpress.core.problems import Problem
from ladderpress.importers.draft import Draft, DraftStatement, Origin, is_id, one_line, slugify
from ladderpress.load.characters import strip_forbidden
from ladderpress.load.dump import dump_yaml

SCHEMA_LINE = (
    "# yaml-language-server: $schema=https://ladderpress.dev/schema/v1/framework.schema.json"
)
PLACEHOLDER_ORGANISATION = "Your organisation"
PLACEHOLDER_DISCIPLINES = ["engineering"]
TRACK_ID = "main"
TRACK_NAME = "Main track"
MAX_NAME = 80
MAX_TITLE = 120


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


def _name(text: str, origin: Origin, what: str, warnings: list[Problem], limit: int) -> str:
    name = one_line(text)
    if len(name) <= limit:
        return name
    warnings.append(
        origin.warn(
            f"{what} name is longer than {limit} characters and was shortened; "
            "move the detail into a description",
            "import-long-name",
        )
    )
    return name[: limit - 1].rstrip() + "…"


def _statement(item: DraftStatement, ids: _Ids) -> str | dict[str, Any]:
    out: dict[str, Any] = {}
    if item.explicit_id is not None and item.explicit_id.strip():
        out["id"] = ids.take(item.explicit_id, item.origin, explicit=True, fallback="statement")
    if not out and not item.examples:
        return item.text
    out["text"] = item.text
    if item.examples:
        out["examples"] = list(item.examples)
    return out


def render(draft: Draft, *, slug: str, organisation: str | None) -> tuple[str, list[Problem]]:
    """The framework file's text, and the warnings (the draft's and the writer's own)."""
    warnings = list(draft.warnings)
    level_ids = _Ids("level", warnings)
    levels = []
    for number, level in enumerate(draft.levels, start=1):
        entry: dict[str, Any] = {
            "id": level_ids.take(
                level.name,
                level.origin,
                key=level.key,
                explicit=level.explicit,
                fallback=f"level-{number}",
            ),
            "name": _name(level.name, level.origin, "level", warnings, MAX_NAME),
        }
        if level.summary:
            entry["summary"] = level.summary
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

    category_ids = _Ids("category", warnings)
    categories: list[dict[str, Any]] = []
    category_id: dict[int, str] = {}
    for index, category in enumerate(draft.categories):
        if not any(c.category == index for c in kept):
            continue
        category_id[index] = category_ids.take(
            category.name, category.origin, key=category.key, fallback="category"
        )
        cat: dict[str, Any] = {
            "id": category_id[index],
            "name": _name(category.name, category.origin, "category", warnings, MAX_NAME),
        }
        if category.description:
            cat["description"] = category.description
        categories.append(cat)

    competency_ids = _Ids("competency", warnings)
    statement_ids = _Ids("statement", warnings)
    competencies: list[dict[str, Any]] = []
    for competency in kept:
        entry = {
            "id": competency_ids.take(
                competency.name,
                competency.origin,
                key=competency.key,
                explicit=competency.explicit,
                fallback="competency",
                prefix=category_id[competency.category],
            ),
            "name": _name(competency.name, competency.origin, "competency", warnings, MAX_NAME),
            "category": category_id[competency.category],
        }
        if competency.description:
            entry["description"] = competency.description
        entry["expectations"] = {
            levels[index]["id"]: [_statement(s, statement_ids) for s in items]
            for index, items in sorted(competency.expectations.items())
            if items
        }
        competencies.append(entry)

    head = _head(draft, organisation, warnings)
    parts, removed = _without_forbidden([head, levels, categories, competencies])
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


def _head(draft: Draft, organisation: str | None, warnings: list[Problem]) -> dict[str, Any]:
    where = Origin(draft.source.path, 1, 1)
    org = one_line(organisation or "")
    if not org:
        org = PLACEHOLDER_ORGANISATION
        warnings.append(
            where.warn(
                f"organisation name is a placeholder ('{org}'); write the real name under "
                "'organisation: name:'",
                "import-placeholder",
            )
        )
    title = one_line(draft.title or "")
    if not title:
        title = f"{org} career framework"
        warnings.append(
            where.warn(
                f"title is a placeholder ('{title}'); give the framework its real name",
                "import-placeholder",
            )
        )
    if len(title) > MAX_TITLE:
        title = title[: MAX_TITLE - 1].rstrip() + "…"
    warnings.append(
        where.warn(
            f"disciplines are a placeholder ({', '.join(PLACEHOLDER_DISCIPLINES)}); list the "
            "disciplines the framework covers, such as engineering, data, design or product",
            "import-placeholder",
        )
    )
    warnings.append(
        where.warn(
            f"all {len(draft.levels)} levels are on one track named '{TRACK_NAME}', lowest first "
            "in the order of the source; rename it, or split the levels into several tracks",
            "import-placeholder",
        )
    )
    head: dict[str, Any] = {"title": title}
    if draft.summary:
        head["summary"] = draft.summary
    head["organisation"] = {"name": org[:MAX_TITLE]}
    head["disciplines"] = list(PLACEHOLDER_DISCIPLINES)
    return head


def _layout(
    draft: Draft,
    slug: str,
    head: dict[str, Any],
    levels: list[dict[str, Any]],
    categories: list[dict[str, Any]],
    competencies: list[dict[str, Any]],
) -> str:
    name = " ".join((draft.file_name or draft.source.path).split())
    lines = [
        SCHEMA_LINE,
        f"# Imported from {name} ({draft.label}) by `ladderpress import`;",
        f"# save it as frameworks/{slug}.yaml. Before publishing, review:",
        "# - the title, organisation and disciplines, which are placeholders when the source",
        "#   had none, and the track: every level is on one track, in the source's order;",
        "# - the ids, made from names: they become page addresses, so settle them now;",
        "# - each level's `position` on the reference scale (1 entry … 8 executive), which",
        "#   lets readers compare levels with other organisations' frameworks;",
        "# - `cumulative`, below, and the wording of every statement.",
    ]
    parts = ["\n".join(lines) + "\n" + dump_yaml(head)]
    note = "".join(f"# {line}\n" for line in draft.cumulative_note)
    parts[0] += note + dump_yaml({"cumulative": draft.cumulative})
    track = {
        "id": TRACK_ID,
        "name": TRACK_NAME,
        "kind": "individual-contributor",
        "levels": [level["id"] for level in levels],
    }
    parts.append(dump_yaml({"tracks": [track]}))
    parts.append(dump_yaml({"levels": levels}))
    parts.append(dump_yaml({"categories": categories}))
    parts.append("competencies:\n" + "\n".join(_indent(dump_yaml([c])) for c in competencies))
    return "\n".join(parts)
