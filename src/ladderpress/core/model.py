"""The framework model: frozen dataclasses built from validated data, with derived facts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

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
    proficiency: str | None = None  # "Practitioner": how well, in the framework's scale

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
class TimeRange:
    """How long people typically stay at a level, in months; either end may be open."""

    min_months: int | None
    max_months: int | None
    note: str | None


@dataclass(frozen=True, slots=True)
class Signal:
    """Something that shows performance at a level: what, measured how, expected how much."""

    name: str
    measure: str | None
    target: str | None


@dataclass(frozen=True, slots=True)
class Specialism:
    name: str
    description: str | None


@dataclass(frozen=True, slots=True)
class Level:
    id: str
    name: str
    code: str | None
    titles: tuple[str, ...]
    summary: str | None
    scope: str | None
    time_at_level: str | None  # as text; a range is `time_range`
    position: float | None
    sections: tuple[Section, ...]
    tracks: tuple[str, ...]
    time_range: TimeRange | None = None
    mentoring_gives: str | None = None
    mentoring_receives: str | None = None
    signals: tuple[Signal, ...] = ()
    learning: tuple[str, ...] = ()
    specialisms: tuple[Specialism, ...] = ()

    @property
    def has_facts(self) -> bool:
        """Whether it states any of the typed facts beside its expectations."""
        return bool(
            self.mentoring_gives
            or self.mentoring_receives
            or self.signals
            or self.learning
            or self.specialisms
        )


@dataclass(frozen=True, slots=True)
class Track:
    id: str
    name: str
    kind: str
    description: str | None
    levels: tuple[str, ...]
    # The disciplines of this track's levels: the framework's unless the track says.
    disciplines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    name: str
    description: str | None
    competencies: tuple[str, ...]
    tracks: tuple[str, ...] = ()  # the tracks it applies to: all, unless it says


@dataclass(frozen=True, slots=True)
class Competency:
    id: str
    name: str
    category: str
    description: str | None
    weight: float
    index: int
    expectations: dict[str, tuple[Statement, ...]] = field(hash=False)
    # The tracks it applies to: its own list, else its category's, else all of them.
    tracks: tuple[str, ...] = ()
    kind: str | None = None  # "Skill", "Behaviour": the framework's own kinds

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
    # The framework's own words for what the theme calls statements, competencies,
    # categories and levels: (key, singular, plural) each.
    terms: tuple[tuple[str, str, str], ...] = ()

    @property
    def url_root(self) -> str:
        """Where the framework's pages live: `<slug>`, or `<language>/<slug>`."""
        return f"{self.language}/{self.slug}" if self.language else self.slug

    def applies(self, competency: Competency, level_id: str) -> bool:
        """Whether the competency applies to the level: to one of the level's tracks."""
        return not set(competency.tracks).isdisjoint(self.levels[level_id].tracks)

    def some_tracks(self, tracks: tuple[str, ...]) -> bool:
        """Whether a category's or competency's `tracks` leave some of the framework's out."""
        return len(tracks) < len(self.tracks)

    def has_begun(self, competency: Competency, level_id: str) -> bool:
        """Whether a level's pages show the competency: it applies to the level, and either
        applies to every track or expects something at the level or below it. A
        competency of some paths that starts higher up is "later" for a shared level."""
        if not self.applies(competency, level_id):
            return False
        if not self.some_tracks(competency.tracks):
            return True
        return any(competency.at(lower) for lower in (*self.below[level_id], level_id))

    def applicable(self, level_id: str) -> list[tuple[Category, list[Competency]]]:
        """The categories and competencies that apply to a level, in the framework's order;
        categories with none left out."""
        found = []
        for category in self.categories:
            members = [
                self.competencies[c]
                for c in category.competencies
                if self.applies(self.competencies[c], level_id)
            ]
            if members:
                found.append((category, members))
        return found

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds its competencies name, in order of first use: pages group by kind
        only when there are two or more."""
        return tuple(dict.fromkeys(c.kind for c in self.competencies.values() if c.kind))

    @property
    def labels_kinds(self) -> bool:
        """Whether pages label competencies by kind: only when it names two or more."""
        return len(self.kinds) > 1

    @property
    def scoped(self) -> bool:
        """Whether some competency applies to only some of the tracks."""
        return any(self.some_tracks(c.tracks) for c in self.competencies.values())

    def track_disciplines(self, track: Track) -> tuple[str, ...]:
        return track.disciplines or self.disciplines

    @property
    def all_disciplines(self) -> tuple[str, ...]:
        """The framework's disciplines, then those only some tracks have."""
        found = dict.fromkeys(self.disciplines)
        for track in self.tracks:
            found.update(dict.fromkeys(track.disciplines))
        return tuple(found)

    def level_disciplines(self, level_id: str) -> tuple[str, ...]:
        """The disciplines of the tracks holding the level."""
        found: dict[str, None] = {}
        for track in self.tracks:
            if level_id in track.levels:
                found.update(dict.fromkeys(self.track_disciplines(track)))
        return tuple(found)

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

    def following(self, level_id: str) -> tuple[str, ...]:
        """The levels just above on each of the level's tracks, each once: more than one
        where the ladder branches."""
        return tuple(dict.fromkeys(f for _, _, f in self.neighbours(level_id) if f))

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
        """Rows of the ladder diagram, highest first; shared levels span their tracks.

        When every level has a reference position, a row is a position, so levels of
        different tracks at the same seniority sit side by side; else a row is a rank.
        """
        ordered = _trie_order(list(self.tracks), 0)
        cell: Callable[[Track, float], str]
        if all(level.position is not None for level in self.levels.values()):
            keys = sorted({level.position or 0.0 for level in self.levels.values()}, reverse=True)

            def cell(track: Track, key: float) -> str:
                return next((x for x in track.levels if self.levels[x].position == key), "")

        else:
            keys = [float(rank) for rank in reversed(range(max(len(t.levels) for t in ordered)))]

            def cell(track: Track, key: float) -> str:
                rank = int(key)
                return track.levels[rank] if rank < len(track.levels) else ""

        rows: list[list[LadderCell]] = []
        for key in keys:
            row: list[LadderCell] = []
            for track in ordered:
                level = cell(track, key)
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


# What checking each file found (its model, None when it has errors, and its problems),
# by (resolved path, content digest): held across builds by a long-running process.
FileMemo = dict[tuple[str, str], tuple[Framework | None, list[Problem]]]
