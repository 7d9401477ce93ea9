"""The framework model from data that passed the schema and the semantic checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ladderpress.core.model import (
    Category,
    Competency,
    Equivalence,
    Framework,
    Level,
    Organisation,
    Section,
    Signal,
    Specialism,
    Statement,
    TimeRange,
    Track,
)
from ladderpress.core.terms import read_terms

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
        raw.get("proficiency"),
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
            tuple(t.get("disciplines", ())),
        )
        for t in data["tracks"]
    )
    every_track = tuple(t.id for t in tracks)
    category_tracks = {c["id"]: tuple(c.get("tracks", every_track)) for c in data["categories"]}
    levels = {
        raw["id"]: Level(
            id=raw["id"],
            name=raw["name"],
            code=raw.get("code"),
            titles=tuple(raw.get("titles", ())),
            summary=raw.get("summary"),
            scope=raw.get("scope"),
            time_at_level=_text_or_none(raw.get("time_at_level")),
            time_range=_time_range(raw.get("time_at_level")),
            position=raw.get("position"),
            sections=tuple(Section(s["title"], s["body"]) for s in raw.get("sections", ())),
            tracks=tuple(t.id for t in tracks if raw["id"] in t.levels),
            mentoring_gives=raw.get("mentoring", {}).get("gives"),
            mentoring_receives=raw.get("mentoring", {}).get("receives"),
            signals=tuple(
                Signal(x["name"], x.get("measure"), x.get("target")) for x in raw.get("signals", ())
            ),
            learning=tuple(raw.get("learning", ())),
            specialisms=tuple(
                Specialism(x["name"], x.get("description")) for x in raw.get("specialisms", ())
            ),
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
            tracks=tuple(raw.get("tracks", category_tracks[raw["category"]])),
            kind=raw.get("kind"),
        )
        for index, raw in enumerate(data["competencies"])
    }
    categories = tuple(
        Category(
            c["id"],
            c["name"],
            c.get("description"),
            tuple(k for k, v in competencies.items() if v.category == c["id"]),
            category_tracks[c["id"]],
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
        terms=read_terms(data.get("terms", {})),
    )


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _time_range(value: Any) -> TimeRange | None:
    if not isinstance(value, dict):
        return None
    return TimeRange(value.get("min_months"), value.get("max_months"), value.get("note"))
