"""Deterministic generator of realistic ladderpress sites for benchmarking.

``generate_site(dest, count, seed)`` writes ``dest/ladderpress.yaml`` and
``dest/frameworks/*.yaml``: ``count`` fictional frameworks, each with 6-14 levels over
1-3 tracks that share their first levels and branch later, 10-20 competencies in 3-5
categories, and 3-6 Markdown statements per competency and level. Some statements carry
ids, examples and ``evolves`` links; most frameworks are cumulative. The same seed always
gives byte-identical files, and every file passes ``ladderpress validate`` without
warnings (the generator rejects statements that the duplicate checks would flag).

Run it on its own with ``python benchmarks/corpus.py DIR --count 10 --seed 1``. It only
needs the standard library, so any Python 3.10+ can run it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpus_words import (
    CATEGORY_POOL,
    CODE_OBJECTS,
    COMPETENCY_POOL,
    DISCIPLINES,
    EMPHASIS,
    IC_NAMES,
    INDUSTRIES,
    LINK_TOPICS,
    MANAGER_NAMES,
    MANNERS,
    OBJECTS,
    ORG_FIRST,
    ORG_SECOND,
    OTHER_NAMES,
    PAST_VERBS,
    POSITION_SCOPES,
    POSITION_SUMMARIES,
    PRODUCT_AREAS,
    PURPOSES,
    QUARTERS,
    SCOPES,
    SECTION_TITLES,
    SIZES,
    TIME_AT_LEVEL,
    VERBS,
)
from corpus_yaml import to_yaml

DEFAULT_SEED = 20240601

_WORD = re.compile(r"[a-z0-9]+")


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def words(text: str) -> tuple[str, ...]:
    """The same word split as ladderpress's duplicate-statement lint."""
    return tuple(_WORD.findall(text.lower()))


# ---------------------------------------------------------------------------------------
# Statements


@dataclass
class _CompetencyText:
    """Statements already used in one competency, to keep new ones clearly different."""

    word_sets: list[frozenset[str]] = field(default_factory=list)


class _Writer:
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

    def statement(self, rank: float, cell: _CompetencyText) -> str:
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


# ---------------------------------------------------------------------------------------
# Frameworks


@dataclass
class _LevelPlan:
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


def _plan_levels(
    rng: random.Random, discipline: str
) -> tuple[list[dict[str, Any]], list[_LevelPlan], list[list[str]]]:
    _, role, manager = DISCIPLINES[discipline]
    discipline_name = discipline.replace("-", " ").capitalize()
    total = rng.randint(6, 14)
    shapes = _track_shapes(rng, total)
    main_count = shapes[0][1]
    # Pick IC names spread over the list, so short ladders still span junior to senior.
    picks = sorted(rng.sample(range(len(IC_NAMES)), main_count))
    levels: list[_LevelPlan] = []
    start = rng.choice([1.0, 1.0, 2.0]) if main_count <= 8 else 1.0
    main_positions = _positions(main_count, start, rng.choice([6.0, 7.0, 8.0]))
    for n, index in enumerate(picks):
        name = IC_NAMES[index].format(role=role)
        levels.append(_LevelPlan(slugify(name), name, f"IC{n + 1}", main_positions[n]))
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
            levels.append(_LevelPlan(level_id, name, f"{prefix}{n + 1}", positions[n]))
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


def _level_record(rng: random.Random, level: _LevelPlan) -> dict[str, Any]:
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


def _competencies(
    rng: random.Random,
    writer: _Writer,
    categories: list[str],
    levels: list[_LevelPlan],
    track_levels: list[list[str]],
    cumulative: bool,
) -> list[dict[str, Any]]:
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
        cell_text = _CompetencyText()
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


def generate_framework(seed: int, index: int) -> tuple[str, dict[str, Any]]:
    """One framework, as (slug, data). Depends only on (seed, index)."""
    rng = random.Random(f"{seed}:{index}")
    reviewed = f"20{rng.randint(22, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    org = f"{rng.choice(ORG_FIRST)} {rng.choice(ORG_SECOND)}"
    discipline = rng.choice(list(DISCIPLINES))
    slug = f"{slugify(org)}-{discipline}-{index + 1:04d}"
    writer = _Writer(rng, slug)
    tracks, levels, track_levels = _plan_levels(rng, discipline)
    cumulative = rng.random() < 0.8
    categories = rng.sample(CATEGORY_POOL, rng.randint(3, 5))
    data: dict[str, Any] = {
        "title": DISCIPLINES[discipline][0],
        "summary": (
            f"A fictional example framework generated for benchmarking; *{org}* is invented. "
            + (
                "Expectations are cumulative: each level lists only what is new."
                if cumulative
                else "Every level lists its complete set of expectations."
            )
        ),
        "organisation": {
            "name": org,
            "url": f"https://example.com/{slugify(org)}",
            "size": rng.choice(SIZES),
            "industry": sorted(rng.sample(INDUSTRIES, rng.randint(1, 2))),
            "example": True,
        },
        "licence": "CC-BY-4.0",
        "last_reviewed": reviewed,
        "disciplines": [discipline],
        "tags": ["example", "generated"],
        "cumulative": cumulative,
        "tracks": tracks,
    }
    equivalences = _equivalences(levels, track_levels)
    if equivalences:
        data["equivalences"] = equivalences
    data["levels"] = [_level_record(rng, level) for level in levels]
    data["categories"] = [
        {"id": cid, "name": name, "description": description}
        for cid, name, description in categories
    ]
    data["competencies"] = _competencies(
        rng, writer, [c[0] for c in categories], levels, track_levels, cumulative
    )
    return slug, data


def _equivalences(levels: list[_LevelPlan], track_levels: list[list[str]]) -> list[dict[str, Any]]:
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
    for position, ids in sorted(by_position.items()):
        if len({owner[i] for i in ids}) > 1:
            result.append(
                {
                    "levels": ids,
                    "note": f"These levels sit at reference position {position:g}, with a similar "
                    "scope on different tracks.",
                }
            )
    return result


def generate_site(
    dest: Path, count: int, seed: int = DEFAULT_SEED
) -> list[tuple[str, dict[str, Any]]]:
    """Write a site of ``count`` frameworks into ``dest``; return each (slug, data)."""
    frameworks_dir = dest / "frameworks"
    frameworks_dir.mkdir(parents=True, exist_ok=True)
    (dest / "ladderpress.yaml").write_text(
        f"title: {json.dumps(f'Benchmark corpus: {count} frameworks')}\n"
        f"description: {json.dumps(f'Generated by benchmarks/corpus.py with seed {seed}.')}\n"
        "language: en\n",
        encoding="utf-8",
    )
    result = []
    for index in range(count):
        slug, data = generate_framework(seed, index)
        text = to_yaml(data, f"Generated by benchmarks/corpus.py (seed {seed}, #{index + 1}).")
        (frameworks_dir / f"{slug}.yaml").write_text(text, encoding="utf-8")
        result.append((slug, data))
    return result


def edit_one_statement(path: Path, tag: str) -> str:
    """Reword the first plain statement of a framework file in place; return the new line."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    inside = False
    for n, line in enumerate(lines):
        if line.startswith("competencies:"):
            inside = True
        stripped = line.strip()
        if inside and stripped.startswith('- "') and stripped.endswith('."'):
            lines[n] = line.rstrip("\n")[:-2] + f' (revised in {tag})."\n'
            path.write_text("".join(lines), encoding="utf-8")
            return lines[n].strip()
    raise ValueError(f"no plain statement found in {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("dest", type=Path, help="site folder to write")
    parser.add_argument("--count", type=int, default=10, help="number of frameworks")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    generated = generate_site(args.dest, args.count, args.seed)
    print(f"Wrote {len(generated)} frameworks to {args.dest / 'frameworks'}")


if __name__ == "__main__":
    main()
