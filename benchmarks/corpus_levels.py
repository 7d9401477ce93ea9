"""The levels and tracks of one generated framework (corpus.py): how many levels, on which
tracks (an individual contributor track first, then management and technical-lead tracks
that share its first levels and branch), their positions, each level's record, and which
branch levels are equivalent.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Any

from corpus_words import (
    DISCIPLINES,
    IC_NAMES,
    MANAGER_NAMES,
    MANNERS,
    OBJECTS,
    OTHER_NAMES,
    POSITION_SCOPES,
    POSITION_SUMMARIES,
    PURPOSES,
    SECTION_TITLES,
    TIME_AT_LEVEL,
    VERBS,
)


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass
class LevelPlan:
    """One planned level: its id, name, code and reference position."""

    id: str
    name: str
    code: str
    position: float


def _track_shapes(rng: random.Random, total: int) -> list[tuple[int, int]]:
    """(branch point, own levels) per track: the first track owns its levels from 0."""
    for _ in range(50):
        track_count = rng.choice([1, 1, 2, 2, 2, 3])
        shapes: list[tuple[int, int]] = []
        extra = [rng.randint(2, 4) for _ in range(track_count - 1)]
        main = total - sum(extra)
        if main < 4:
            continue
        for own in extra:
            branch = rng.randint(2, min(4, main - 2))  # shares at least two levels
            shapes.append((branch, own))
        return [(0, main), *shapes]
    return [(0, total)]


def _positions(count: int, start: float, end: float) -> list[float]:
    """``count`` non-decreasing positions spread from ``start`` to ``end``, in halves."""
    if count == 1:
        return [start]
    step = (end - start) / (count - 1)
    return [min(8.0, round((start + i * step) * 2) / 2) for i in range(count)]


def plan_levels(
    rng: random.Random, discipline: str
) -> tuple[list[dict[str, Any]], list[LevelPlan], list[list[str]]]:
    """The tracks' records, every level's plan (tracks in order), and each track's level ids."""
    _, role, manager = DISCIPLINES[discipline]
    discipline_name = discipline.replace("-", " ").capitalize()
    total = rng.randint(6, 14)
    shapes = _track_shapes(rng, total)
    main_count = shapes[0][1]
    # Pick IC names spread over the list, so short ladders still span junior to senior.
    picks = sorted(rng.sample(range(len(IC_NAMES)), main_count))
    levels: list[LevelPlan] = []
    start = rng.choice([1.0, 1.0, 2.0]) if main_count <= 8 else 1.0
    main_positions = _positions(main_count, start, rng.choice([6.0, 7.0, 8.0]))
    for n, index in enumerate(picks):
        name = IC_NAMES[index].format(role=role)
        levels.append(LevelPlan(slugify(name), name, f"IC{n + 1}", main_positions[n]))
    track_levels = [[lvl.id for lvl in levels]]
    tracks = [
        {
            "id": "ic",
            "name": "Individual contributor",
            "kind": "individual-contributor",
            "description": f"For people who grow through the depth and reach of their "
            f"{discipline} work, without managing people.",
            "levels": track_levels[0],
        }
    ]
    for t, (branch, own) in enumerate(shapes[1:]):
        is_manager = t == 0
        names = MANAGER_NAMES if is_manager else OTHER_NAMES
        shared = track_levels[0][:branch]
        base = levels[branch - 1].position
        positions = _positions(own + 1, base, min(8.0, base + rng.choice([2.0, 3.0, 4.0])))[1:]
        new_ids = []
        for n in range(own):
            name = names[n].format(manager=manager, discipline=discipline_name)
            level_id = slugify(name)
            prefix = "M" if is_manager else "T"
            levels.append(LevelPlan(level_id, name, f"{prefix}{n + 1}", positions[n]))
            new_ids.append(level_id)
        track_levels.append(shared + new_ids)
        tracks.append(
            {
                "id": "management" if is_manager else "technical-lead",
                "name": "Management" if is_manager else "Technical leadership",
                "kind": "management" if is_manager else "other",
                "description": (
                    "For people who grow by leading teams and developing people."
                    if is_manager
                    else "For people who lead the technical work of several teams, hands-on."
                )
                + f" It branches after **{levels[branch - 1].name}**.",
                "levels": track_levels[-1],
            }
        )
    return tracks, levels, track_levels


def level_record(rng: random.Random, level: LevelPlan) -> dict[str, Any]:
    """The framework file's record of one level."""
    record: dict[str, Any] = {"id": level.id, "name": level.name, "code": level.code}
    if rng.random() < 0.2:
        record["titles"] = [f"{level.name} ({rng.choice(['Platform', 'Product', 'Core'])})"]
    record["summary"] = (
        f"{POSITION_SUMMARIES[int(level.position)]}. {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
        f"{rng.choice(MANNERS)}, {rng.choice(PURPOSES)}."
    )
    record["scope"] = POSITION_SCOPES[int(level.position)]
    record["time_at_level"] = rng.choice(TIME_AT_LEVEL)
    record["position"] = level.position if level.position % 1 else int(level.position)
    if rng.random() < 0.25:
        record["sections"] = [
            {
                "title": title,
                "body": f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(MANNERS)}, "
                f"{rng.choice(PURPOSES)}. See the *{level.name}* notes in the handbook.",
            }
            for title in rng.sample(SECTION_TITLES, rng.randint(1, 2))
        ]
    return record


def level_equivalences(
    levels: list[LevelPlan], track_levels: list[list[str]]
) -> list[dict[str, Any]]:
    """Branch levels at the same position on different tracks."""
    if len(track_levels) < 2:
        return []
    shared = set(track_levels[0]).intersection(*track_levels[1:])
    by_position: dict[float, list[str]] = {}
    owner: dict[str, int] = {}
    for t, track in enumerate(track_levels):
        for level_id in track:
            owner.setdefault(level_id, t)
    for level in levels:
        if level.id not in shared:
            by_position.setdefault(level.position, []).append(level.id)
    result = []
    for position, found in sorted(by_position.items()):
        # One level of each track: two of one track are a promotion, not equivalent.
        ids = list({owner[i]: i for i in reversed(found)}.values())[::-1]
        if len(ids) > 1:
            result.append(
                {
                    "levels": ids,
                    "note": f"These levels sit at reference position {position:g}, with a similar "
                    "scope on different tracks.",
                }
            )
    return result
