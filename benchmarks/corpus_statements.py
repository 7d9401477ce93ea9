"""The competencies of one generated framework (corpus.py) and their statements: sentences
assembled from word lists, wider in scope at higher levels, some with Markdown, ids,
examples and ``evolves`` links, none repeated and none close to another of the same
competency.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any

from corpus_levels import LevelPlan, slugify
from corpus_words import (
    CODE_OBJECTS,
    COMPETENCY_POOL,
    EMPHASIS,
    LINK_TOPICS,
    MANNERS,
    OBJECTS,
    PAST_VERBS,
    PRODUCT_AREAS,
    PURPOSES,
    QUARTERS,
    SCOPES,
    VERBS,
)

_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> tuple[str, ...]:
    """The same word split as ladderpress's duplicate-statement lint."""
    return tuple(_WORD.findall(text.lower()))


@dataclass
class CompetencyText:
    """Statements already used in one competency, to keep new ones clearly different."""

    word_sets: list[frozenset[str]] = field(default_factory=list)


class StatementWriter:
    """Plausible expectation sentences from word lists, never repeated within a framework."""

    def __init__(self, rng: random.Random, slug: str) -> None:
        self.rng = rng
        self.slug = slug
        self.used: set[tuple[str, ...]] = set()

    def _sentence(self, rank: float, markdown: bool) -> str:
        rng = self.rng
        verb = rng.choice(VERBS)
        obj = rng.choice(CODE_OBJECTS) if markdown and rng.random() < 0.35 else rng.choice(OBJECTS)
        # Wider scope for higher levels, with some spread.
        scope_index = max(
            0, min(len(SCOPES) - 1, round(rank * (len(SCOPES) - 1)) + rng.randint(-1, 1))
        )
        parts = [verb]
        if markdown and rng.random() < 0.35:
            parts.append(rng.choice(EMPHASIS))
        parts += [obj, SCOPES[scope_index]]
        if rng.random() < 0.7:
            parts.append(rng.choice(MANNERS))
        if markdown and rng.random() < 0.4:
            label, path = rng.choice(LINK_TOPICS)
            parts.append(f"following the [{label}](https://example.com/{self.slug}/{path})")
        if rng.random() < 0.6:
            parts[-1] += ","
            parts.append(rng.choice(PURPOSES))
        return " ".join(parts) + "."

    def statement(self, rank: float, cell: CompetencyText) -> str:
        for _ in range(200):
            text = self._sentence(rank, markdown=self.rng.random() < 0.3)
            key = words(text)
            if key in self.used:
                continue
            word_set = frozenset(key)
            # ladderpress flags near-duplicates from 60% word overlap upwards; stay well under.
            if any(
                len(word_set & other) / len(word_set | other) >= 0.5 for other in cell.word_sets
            ):
                continue
            self.used.add(key)
            cell.word_sets.append(word_set)
            return text
        raise RuntimeError("could not find a distinct statement; widen the word lists")

    def example(self) -> str:
        rng = self.rng
        return (
            f"{rng.choice(PAST_VERBS)} the {rng.choice(OBJECTS)} for {rng.choice(PRODUCT_AREAS)} "
            f"during {rng.choice(QUARTERS)}."
        )


def competencies(
    rng: random.Random,
    writer: StatementWriter,
    categories: list[str],
    levels: list[LevelPlan],
    track_levels: list[list[str]],
    cumulative: bool,
) -> list[dict[str, Any]]:
    """10-20 competencies over ``categories``, each with its statements at every level."""
    count = rng.randint(10, 20)
    names = rng.sample(COMPETENCY_POOL, count)
    # Every category gets at least one competency, then the rest at random.
    assignment = categories + [rng.choice(categories) for _ in range(count - len(categories))]
    rng.shuffle(assignment)
    by_id = {lvl.id: lvl for lvl in levels}
    order = [lvl.id for lvl in levels]  # lowest first within each track, tracks in order
    below: dict[str, list[str]] = {}
    for track in track_levels:
        for i, level_id in enumerate(track):
            below.setdefault(level_id, track[:i])
    max_position = max(lvl.position for lvl in levels)
    result = []
    for name, category in zip(names, assignment, strict=True):
        competency_id = slugify(name)
        cell_text = CompetencyText()
        expectations: dict[str, list[Any]] = {}
        ids_at: dict[str, list[str]] = {}  # level -> statement ids defined there
        evolved: set[str] = set()
        counts: dict[str, int] = {}
        serial = 0
        for level_id in order:
            lower = below[level_id]
            # Non-cumulative frameworks restate everything: never fewer statements going up.
            floor = counts[lower[-1]] if (lower and not cumulative) else 3
            n = rng.randint(floor, 6)
            counts[level_id] = n
            rank = (by_id[level_id].position - 1) / max(1.0, max_position - 1)
            items: list[Any] = []
            for _ in range(n):
                text = writer.statement(rank, cell_text)
                roll = rng.random()
                if roll < 0.25:
                    serial += 1
                    item: dict[str, Any] = {"id": f"{competency_id}-{serial}", "text": text}
                    if rng.random() < 0.3:
                        item["examples"] = [writer.example() for _ in range(rng.randint(1, 2))]
                    candidates = [
                        sid for lvl in lower for sid in ids_at.get(lvl, []) if sid not in evolved
                    ]
                    if candidates and rng.random() < 0.5:
                        target = rng.choice(candidates)
                        evolved.add(target)
                        item["evolves"] = target
                    ids_at.setdefault(level_id, []).append(item["id"])
                    items.append(item)
                else:
                    items.append(text)
            expectations[level_id] = items
        competency: dict[str, Any] = {"id": competency_id, "name": name, "category": category}
        if rng.random() < 0.2:
            competency["weight"] = rng.choice([0.5, 1.5, 2])
        competency["description"] = (
            f"How someone handles {name.lower()}: {rng.choice(OBJECTS)} and "
            f"{rng.choice(OBJECTS)}, {rng.choice(PURPOSES)}."
        )
        competency["expectations"] = expectations
        result.append(competency)
    return result
