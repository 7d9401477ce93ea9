"""Import the Financial Times engineering-progression format: YAML competency lists.

One file holds `levels` (entries `{id, name, summary}` or plain ids), `themes` (or
`areas`: `{id, name, summary}` or plain names) and `competencies`, a list of `{id, level,
theme (or area), summary, examples}`; a folder may split them into several YAML files,
either as top-level keys or as lists named by the file (`levels.yml`, `competencies.yml`).
Each theme becomes a competency of one category; each competency entry a statement at its
level, keeping its `id` when it is a valid ladderpress id (made into one otherwise) and
its `examples`. A `level` may name a level's id or name, or be its 1-based number. The
top-level `name` and `summary` become the framework's title and summary; `isLegacy: true`
the tag `legacy`. Roles marked individual contributor and people manager become two
tracks (ft_roles.py); each `proficiency` (Awareness … Expert) becomes the statement's
own, shown beside it, and each of `supportingUrls` a link among its examples. The FT shows
on each level's page that level's complete list, so nothing is inherited (not cumulative).

In a folder every job family (a file with `competencies`) is a framework of its own, and
so is a folder of lists named after their key (`levels.yml`, `competencies.yml`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ladderpress.core.problems import InputError, warning
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
    read_text,
    slugify,
    text_list,
)
from ladderpress.importers.formats import ImportFormat, head_text
from ladderpress.importers.ft_roles import role_tracks
from ladderpress.importers.walk import member_files
from ladderpress.load.document import Document, JsonPath
from ladderpress.load.source import MAX_FILE_BYTES, parse_text

EXPECTED = "an FT engineering-progression YAML file with `levels`, `themes` and `competencies`"
SECTIONS = ("levels", "themes", "areas", "competencies")
READ_KEYS = {"id", "level", "theme", "area", "summary", "examples", "proficiency", "supportingUrls"}
TOP_KEYS = {*SECTIONS, "name", "title", "summary", "description", "isLegacy"}
# Keys the FT's tools use that readers never see: no warning for leaving them out.
TOOL_KEYS = {"googleSheetId"}
SUFFIXES = (".yml", ".yaml")


class _Source:
    """The top-level values of one file, or of every YAML file of a folder, with where
    each came from (a document, and the path of the value inside it)."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.values: dict[str, tuple[Any, Document, JsonPath]] = {}

    def add_file(self, doc: Document, stem: str | None) -> None:
        if isinstance(doc.data, dict):
            for key, value in doc.data.items():
                self._add(key, value, doc, (key,))
        elif isinstance(doc.data, list) and (stem in SECTIONS or stem is None):
            self._add(stem or "competencies", doc.data, doc, ())
        elif stem is None:
            raise Origin(doc.path, 1, 1).fail(f"expected {EXPECTED}", "import-ft")
        else:
            self.draft.warnings.append(
                Origin(doc.path, 1, 1).warn(
                    f"a list in a file not named after {', '.join(SECTIONS)}; skipped", "import-ft"
                )
            )

    def _add(self, key: str, value: Any, doc: Document, where: JsonPath) -> None:
        if key in self.values:
            first = self.values[key][1].path
            self.draft.warnings.append(
                origin_at(doc, where).warn(
                    f"`{key}` is also in {first}; this one was skipped", "import-ft"
                )
            )
            return
        self.values[key] = (value, doc, where)

    def origin(self, key: str, *rest: str | int) -> Origin:
        _, doc, where = self.values[key]
        return origin_at(doc, (*where, *rest))

    def items(self, key: str) -> list[Any]:
        if key not in self.values:
            return []
        value = self.values[key][0]
        if not isinstance(value, list):
            raise self.origin(key).fail(f"`{key}` should be a list", "import-ft")
        return value

    def text(self, *keys: str) -> str | None:
        for key in keys:
            value = self.values.get(key, (None,))[0]
            if isinstance(value, str) and value.strip():
                return value.strip()
        return None


def _entry(value: Any) -> tuple[str | None, str | None, str | None]:
    """(id, name, summary) of a level or theme written as a mapping or a plain value."""
    if isinstance(value, dict):
        raw = value.get("id")
        ident = str(raw).strip() if raw is not None and str(raw).strip() else None
        name = value.get("name") or value.get("title")
        name = one_line(str(name)) if name else (humanize(ident) if ident else None)
        about = value.get("summary") or value.get("description")
        return ident, name, (str(about).strip() or None) if about else None
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
        text = str(value).strip()
        return text, (f"Level {text}" if text.isdigit() else humanize(text)), None
    return None, None, None


def _register(lookup: dict[str, int], index: int, *names: str | None) -> None:
    for name in names:
        if name:
            for form in (name, name.casefold(), slugify(name)):
                if form:
                    lookup.setdefault(form, index)


def _find(lookup: dict[str, int], value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    for form in (text, text.casefold(), slugify(text)):
        if form in lookup:
            return lookup[form]
    return None


def _levels(source: _Source, competencies: list[Any]) -> dict[str, int]:
    draft = source.draft
    lookup: dict[str, int] = {}
    listed = source.items("levels")
    if not listed:
        values = [c.get("level") for c in competencies if isinstance(c, dict)]
        listed = list(dict.fromkeys(str(v).strip() for v in values if v is not None))
        if listed and all(v.isdigit() for v in listed):
            listed.sort(key=int)
        draft.warnings.append(
            draft.source.warn(
                "no `levels` list: the levels were made from the competencies' `level` values "
                f"({', '.join(listed)}); check their order and names",
                "import-ft",
            )
        )
    for index, value in enumerate(listed):
        ident, name, summary = _entry(value)
        origin = source.origin("levels", index) if "levels" in source.values else draft.source
        if name is None:
            draft.warnings.append(
                origin.warn("a level needs an `id` or a `name`; skipped", "import-ft")
            )
            continue
        key = f"level-{ident}" if ident is not None and ident.isdigit() else ident
        level = DraftLevel(name, origin, key=key, explicit=key is not None, summary=summary)
        _register(lookup, len(draft.levels), ident, name)
        draft.levels.append(level)
    for number in range(1, len(draft.levels) + 1):
        lookup.setdefault(str(number), number - 1)
    return lookup


def _themes(source: _Source) -> dict[str, int]:
    draft = source.draft
    lookup: dict[str, int] = {}
    section = "themes" if "themes" in source.values else "areas"
    for index, value in enumerate(source.items(section)):
        ident, name, about = _entry(value)
        origin = source.origin(section, index)
        if name is None:
            draft.warnings.append(
                origin.warn("a theme needs an `id` or a `name`; skipped", "import-ft")
            )
            continue
        competency = DraftCompetency(
            name, 0, origin, key=ident or name, explicit=ident is not None, description=about
        )
        _register(lookup, len(draft.competencies), ident, name)
        draft.competencies.append(competency)
    return lookup


def _statement(source: _Source, index: int, item: dict[str, Any], level: int, theme: int) -> None:
    draft = source.draft
    origin = source.origin("competencies", index)
    summary = item.get("summary")
    if not isinstance(summary, str) or not summary.strip():
        draft.warnings.append(
            origin.warn("a competency entry has no `summary`; skipped", "import-ft")
        )
        return
    _, doc, where = source.values["competencies"]
    examples = text_list(doc, item.get("examples"), (*where, index, "examples"), draft.warnings)
    examples += _links(source, index, item.get("supportingUrls"))
    ident = item.get("id")
    explicit = str(ident).strip() if ident is not None and str(ident).strip() else None
    if explicit is not None:
        origin = source.origin("competencies", index, "id")
    found = item.get("proficiency")
    proficiency = one_line(found) if isinstance(found, str) and found.strip() else None
    statement = DraftStatement(
        summary.strip(), origin, explicit_id=explicit, examples=examples, proficiency=proficiency
    )
    draft.competencies[theme].add(level, statement)


def _links(source: _Source, index: int, urls: Any) -> list[str]:
    """Supporting URLs as Markdown links, kept among the examples (see the docstring)."""
    out = []
    for u_index, entry in enumerate(urls if isinstance(urls, list) else []):
        url = entry.get("url") if isinstance(entry, dict) else entry
        label = entry.get("label") if isinstance(entry, dict) else None
        if not isinstance(url, str) or not url.strip().startswith(("http://", "https://")):
            source.draft.warnings.append(
                source.origin("competencies", index, "supportingUrls", u_index).warn(
                    "a supporting URL needs a `url` starting with http:// or https://; "
                    "it was not imported",
                    "import-ft",
                )
            )
            continue
        text = one_line(str(label or "")).replace("[", "(").replace("]", ")") or url.strip()
        out.append(f"See [{text}](<{url.strip()}>)")
    return out


def _competencies(source: _Source, items: list[Any]) -> None:
    draft = source.draft
    levels = _levels(source, items)
    themes = _themes(source)
    had_themes = bool(themes)
    ignored: set[str] = set(TOOL_KEYS)
    for index, item in enumerate(items):
        origin = source.origin("competencies", index)
        if not isinstance(item, dict):
            draft.warnings.append(
                origin.warn("a competency entry should be a mapping; skipped", "import-ft")
            )
            continue
        if "expectations" in item:
            raise origin.fail(
                "this is already a ladderpress framework; check it with `ladderpress validate`",
                "import-ft",
            )
        theme_value = item.get("theme", item.get("area"))
        theme = _find(themes, theme_value)
        if theme is None and theme_value is not None and str(theme_value).strip():
            name = humanize(str(theme_value).strip())
            theme = len(draft.competencies)
            draft.competencies.append(DraftCompetency(name, 0, origin, key=str(theme_value)))
            _register(themes, theme, str(theme_value), name)
            if had_themes:
                draft.warnings.append(
                    origin.warn(
                        f"theme '{theme_value}' is not in `themes`; it was added", "import-ft"
                    )
                )
        level = _find(levels, item.get("level"))
        if theme is None or level is None:
            missing = "`theme`" if theme is None else f"level '{item.get('level')}'"
            draft.warnings.append(
                origin.warn(f"unknown or missing {missing}; entry skipped", "import-ft")
            )
            continue
        _statement(source, index, item, level, theme)
        for key, value in item.items():
            if key not in READ_KEYS and key not in ignored and value not in (None, "", []):
                ignored.add(key)
                draft.warnings.append(
                    source.origin("competencies", index, key).warn(
                        f"`{key}` has no place in a ladderpress framework and was not imported "
                        "(here or in the entries after this one)",
                        "import-ft",
                    )
                )


def _load(path: Path, draft: Draft, shown_of: Callable[[Path], str]) -> _Source:
    source = _Source(draft)
    if not path.is_dir():
        shown = draft.source.path
        source.add_file(parse_text(shown, read_text(path, shown, EXPECTED)), None)
        return source
    files = sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES)
    for file in files:
        try:
            doc = parse_text(shown_of(file), read_text(file, shown_of(file), EXPECTED))
        except InputError as exc:
            if any(p.rule != "import-empty" for p in exc.problems):
                raise
            draft.warnings.extend(
                warning(p.path, p.line, p.col, f"{p.message}; skipped", p.rule)
                for p in exc.problems
            )
            continue
        source.add_file(doc, file.stem.lower())
    return source


def import_ft(path: Path, draft: Draft, shown_of: Callable[[Path], str]) -> Draft:
    source = _load(path, draft, shown_of)
    if "competencies" not in source.values:
        raise draft.source.fail(
            "no `competencies` list; expected "
            + EXPECTED
            + ": `competencies: [{id, level, theme, summary, examples}, …]`",
            "import-ft",
        )
    items = source.items("competencies")
    if not items:
        raise source.origin("competencies").fail("`competencies` is empty", "import-ft")
    draft.title = source.text("name", "title")
    draft.summary = source.text("summary", "description")
    draft.categories.append(DraftCategory(DEFAULT_CATEGORY, draft.source))
    _competencies(source, items)
    role_tracks(draft, [level.key or "" for level in draft.levels])
    if source.values.get("isLegacy", (None,))[0] is True:
        draft.tags.append("legacy")
    for key in source.values:
        if key not in TOP_KEYS and key not in TOOL_KEYS:
            draft.warnings.append(
                source.origin(key).warn(
                    f"`{key}` has no place in a ladderpress framework and was not imported",
                    "import-ft",
                )
            )
    draft.cumulative = False
    draft.cumulative_note = [
        "The FT shows on each level's page that level's complete list of competencies,",
        "so nothing is inherited from the levels below: cumulative is false.",
    ]
    return draft


def _member(path: Path) -> bool:
    """A job family: a YAML file with a top-level `competencies` (or a list file of a
    folder of lists, named after its key)."""
    if path.stem.lower() in SECTIONS:
        return True
    try:
        with path.open("rb") as handle:
            text = handle.read(MAX_FILE_BYTES).decode("utf-8", "replace")
    except OSError:
        return True  # let the import report why it cannot be read
    return any(line.startswith("competencies:") for line in text.splitlines())


def _units(folder: Path) -> list[Path]:
    """A folder of lists is one job family; every other YAML file is one of its own."""
    out: list[Path] = []
    lists: set[Path] = set()
    for file in member_files(folder, SUFFIXES):
        if file.stem.lower() in SECTIONS:
            lists.add(file.parent)
        else:
            out.append(file)
    return sorted([*out, *lists])


def _sniff(path: Path, head: bytes) -> bool:
    return any(line.startswith("competencies:") for line in head_text(head).splitlines())


FORMAT = ImportFormat(
    name="ft",
    description="FT engineering-progression YAML",
    suffixes=SUFFIXES,
    sniff=_sniff,
    read=import_ft,
    folder_suffixes=SUFFIXES,
    folder_hint=".yml files (FT's format)",
    member=_member,
    units=_units,
)
