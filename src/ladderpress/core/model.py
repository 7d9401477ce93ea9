"""The framework model: frozen dataclasses built from validated data, with derived facts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from ladderpress.core.problems import Problem


@dataclass(frozen=True, slots=True)
class Statement:
    id: str
    text: str
    examples: tuple[str, ...]
    explicit_id: bool
    competency: str
    level: str
    index: int
    evolves: str | None = None
    # The text as HTML, kept only where that differs from the text (Markdown, or one of
    # & < > "). Rendered once while checking, on every core, rather than on each page.
    rendered: str | None = None

    @property
    def anchor(self) -> str:
        return f"s-{self.id}"

    @property
    def html(self) -> Markup:
        return Markup(self.html_text)

    @property
    def html_text(self) -> str:
        """The HTML as a plain string, for code that compares wordings."""
        return self.text if self.rendered is None else self.rendered


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    body: str


@dataclass(frozen=True, slots=True)
class Level:
    id: str
    name: str
    code: str | None
    titles: tuple[str, ...]
    summary: str | None
    scope: str | None
    time_at_level: str | None
    position: float | None
    sections: tuple[Section, ...]
    tracks: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Track:
    id: str
    name: str
    kind: str
    description: str | None
    levels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    name: str
    description: str | None
    competencies: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Competency:
    id: str
    name: str
    category: str
    description: str | None
    weight: float
    index: int
    expectations: dict[str, tuple[Statement, ...]] = field(hash=False)

    def at(self, level_id: str) -> tuple[Statement, ...]:
        return self.expectations.get(level_id, ())


@dataclass(frozen=True, slots=True)
class Equivalence:
    levels: tuple[str, ...]
    note: str | None


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    url: str | None
    size: str | None
    industry: tuple[str, ...]
    example: bool


@dataclass(frozen=True, slots=True)
class LadderCell:
    level: str
    span: int
    tracks: tuple[str, ...]


@dataclass(frozen=True, eq=False, slots=True)
class Framework:
    slug: str
    path: str
    title: str
    summary: str | None
    organisation: Organisation
    source_url: str | None
    licence: str | None
    last_reviewed: str | None
    disciplines: tuple[str, ...]
    tags: tuple[str, ...]
    cumulative: bool
    tracks: tuple[Track, ...]
    levels: dict[str, Level]
    categories: tuple[Category, ...]
    competencies: dict[str, Competency]
    equivalences: tuple[Equivalence, ...]
    level_order: tuple[str, ...]
    below: dict[str, tuple[str, ...]]
    # Hash of the source file: what page caches key on.
    digest: str = ""
    # Set for a translation (`<slug>.<language>.yaml`); None for the site's own language.
    language: str | None = None

    @property
    def url_root(self) -> str:
        """Where the framework's pages live: `<slug>`, or `<language>/<slug>`."""
        return f"{self.language}/{self.slug}" if self.language else self.slug

    def statements(self) -> Iterator[Statement]:
        for competency in self.competencies.values():
            for level_id in self.level_order:
                yield from competency.at(level_id)

    @property
    def statement_count(self) -> int:
        # Pages listing every framework ask for it: counted, not iterated.
        return sum(
            len(c.at(level_id)) for c in self.competencies.values() for level_id in self.level_order
        )

    def neighbours(self, level_id: str) -> list[tuple[Track, str | None, str | None]]:
        """For each track holding the level: (track, previous level, next level)."""
        result = []
        for track in self.tracks:
            if level_id in track.levels:
                i = track.levels.index(level_id)
                previous = track.levels[i - 1] if i > 0 else None
                following = track.levels[i + 1] if i + 1 < len(track.levels) else None
                result.append((track, previous, following))
        return result

    def superseded(self, competency: Competency, level_id: str) -> set[str]:
        """Ids of lower statements replaced by an `evolves` statement at or below the level."""
        return {
            s.evolves
            for lower in (*self.below[level_id], level_id)
            for s in competency.at(lower)
            if s.evolves
        }

    def inherited(
        self, competency: Competency, level_id: str
    ) -> list[tuple[str, tuple[Statement, ...]]]:
        """Statements a level carries from the levels below it (cumulative frameworks only)."""
        if not self.cumulative:
            return []
        replaced = self.superseded(competency, level_id)
        carried = []
        for lower in self.below[level_id]:
            kept = tuple(s for s in competency.at(lower) if s.id not in replaced)
            if kept:
                carried.append((lower, kept))
        return carried

    def expected(self, competency: Competency, level_id: str) -> tuple[Statement, ...]:
        """Everything a level expects in a competency, inherited statements first."""
        carried = [s for _, group in self.inherited(competency, level_id) for s in group]
        return (*carried, *competency.at(level_id))

    def previous(self, level_id: str) -> str | None:
        """The level just below on the level's track(s); shared prefixes make it unique."""
        lower = self.below[level_id]
        return lower[-1] if lower else None

    def steps(self) -> list[tuple[str, str, tuple[Track, ...]]]:
        """Each promotion step (lower, upper) once, with the tracks it belongs to."""
        found: dict[tuple[str, str], list[Track]] = {}
        for track in self.tracks:
            for lower, upper in zip(track.levels, track.levels[1:], strict=False):
                found.setdefault((lower, upper), []).append(track)
        ordered = sorted(found, key=lambda pair: (self.order(pair[0]), self.order(pair[1])))
        return [(lower, upper, tuple(found[(lower, upper)])) for lower, upper in ordered]

    def order(self, level_id: str) -> int:
        return self.level_order.index(level_id)

    def equivalents(self, level_id: str) -> list[str]:
        found: list[str] = []
        for equivalence in self.equivalences:
            if level_id in equivalence.levels:
                found.extend(other for other in equivalence.levels if other != level_id)
        return found

    def ladder(self) -> list[list[LadderCell]]:
        """Rows of the ladder diagram, highest rank first; shared levels span their tracks."""
        ordered = _trie_order(list(self.tracks), 0)
        height = max(len(track.levels) for track in ordered)
        rows: list[list[LadderCell]] = []
        for rank in reversed(range(height)):
            row: list[LadderCell] = []
            for track in ordered:
                level = track.levels[rank] if rank < len(track.levels) else ""
                if row and row[-1].level == level and level:
                    last = row[-1]
                    row[-1] = LadderCell(level, last.span + 1, (*last.tracks, track.id))
                else:
                    row.append(LadderCell(level, 1, (track.id,)))
            rows.append(row)
        return rows

    def ladder_tracks(self) -> list[Track]:
        return _trie_order(list(self.tracks), 0)


def _trie_order(tracks: list[Track], depth: int) -> list[Track]:
    """Order tracks so that those sharing a prefix of levels sit next to each other."""
    groups: dict[str, list[Track]] = {}
    for track in tracks:
        key = track.levels[depth] if depth < len(track.levels) else ""
        groups.setdefault(key, []).append(track)
    ordered: list[Track] = []
    for key, group in groups.items():
        ordered.extend(group if not key or len(group) == 1 else _trie_order(group, depth + 1))
    return ordered


Render = Callable[[str], str | None]  # a statement's HTML, None when it is its text


def _statement(raw: Any, competency: str, level: str, index: int, render: Render) -> Statement:
    derived_id = f"{competency}--{level}-{index + 1}"
    if isinstance(raw, str):
        return Statement(derived_id, raw, (), False, competency, level, index, rendered=render(raw))
    explicit = "id" in raw
    return Statement(
        raw["id"] if explicit else derived_id,
        raw["text"],
        tuple(raw.get("examples", ())),
        explicit,
        competency,
        level,
        index,
        raw.get("evolves"),
        render(raw["text"]),
    )


def _level_order(tracks: tuple[Track, ...]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for track in tracks:
        for level_id in track.levels:
            seen.setdefault(level_id, None)
    return tuple(seen)


def build_framework(slug: str, path: str, data: dict[str, Any], render: Render) -> Framework:
    """Build the model from data that passed schema and semantic validation.

    `render` gives a statement's HTML: markdown.statement_html when checking a file; a
    kept check passes what it rendered before (see checkcache.py).
    """
    tracks = tuple(
        Track(
            t["id"],
            t["name"],
            t.get("kind", "individual-contributor"),
            t.get("description"),
            tuple(t["levels"]),
        )
        for t in data["tracks"]
    )
    levels = {
        raw["id"]: Level(
            id=raw["id"],
            name=raw["name"],
            code=raw.get("code"),
            titles=tuple(raw.get("titles", ())),
            summary=raw.get("summary"),
            scope=raw.get("scope"),
            time_at_level=raw.get("time_at_level"),
            position=raw.get("position"),
            sections=tuple(Section(s["title"], s["body"]) for s in raw.get("sections", ())),
            tracks=tuple(t.id for t in tracks if raw["id"] in t.levels),
        )
        for raw in data["levels"]
    }
    competencies = {
        raw["id"]: Competency(
            id=raw["id"],
            name=raw["name"],
            category=raw["category"],
            description=raw.get("description"),
            weight=float(raw.get("weight", 1)),
            index=index,
            expectations={
                level_id: tuple(
                    _statement(item, raw["id"], level_id, i, render) for i, item in enumerate(items)
                )
                for level_id, items in raw["expectations"].items()
            },
        )
        for index, raw in enumerate(data["competencies"])
    }
    categories = tuple(
        Category(
            c["id"],
            c["name"],
            c.get("description"),
            tuple(k for k, v in competencies.items() if v.category == c["id"]),
        )
        for c in data["categories"]
    )
    below: dict[str, tuple[str, ...]] = {}
    for track in tracks:
        for i, level_id in enumerate(track.levels):
            below.setdefault(level_id, track.levels[:i])
    organisation = data["organisation"]
    return Framework(
        slug=slug,
        path=path,
        title=data["title"],
        summary=data.get("summary"),
        organisation=Organisation(
            name=organisation["name"],
            url=organisation.get("url"),
            size=organisation.get("size"),
            industry=tuple(organisation.get("industry", ())),
            example=bool(organisation.get("example", False)),
        ),
        source_url=data.get("source_url"),
        licence=data.get("licence"),
        last_reviewed=data.get("last_reviewed"),
        disciplines=tuple(data["disciplines"]),
        tags=tuple(data.get("tags", ())),
        cumulative=bool(data.get("cumulative", True)),
        tracks=tracks,
        levels={level_id: levels[level_id] for level_id in _level_order(tracks)},
        categories=categories,
        competencies=competencies,
        equivalences=tuple(
            Equivalence(tuple(e["levels"]), e.get("note")) for e in data.get("equivalences", ())
        ),
        level_order=_level_order(tracks),
        below=below,
    )


# What checking each file found (its model, None when it has errors, and its problems),
# by (resolved path, content digest): held across builds by a long-running process.
FileMemo = dict[tuple[str, str], tuple[Framework | None, list[Problem]]]
