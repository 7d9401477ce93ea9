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
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_SEED = 20240601

# ---------------------------------------------------------------------------------------
# Word lists. Everything below is invented for this benchmark.

ORG_FIRST = [
    "Amberly", "Brackwater", "Cinderfield", "Dovecote", "Elmstead", "Foxglove", "Granite",
    "Hollowmere", "Inkwell", "Juniper", "Kestrel", "Lanternway", "Marlow", "Nettlebank",
    "Oakhaven", "Pebblestone", "Quarry", "Rushmoor", "Saltmarsh", "Thistledown", "Umberly",
    "Vantage", "Willowby", "Yarrow", "Zephyr", "Bluebell", "Copperleaf", "Driftwood",
    "Emberton", "Fairhaven", "Greyhawk", "Heathrow", "Ivybridge", "Larchmont", "Moorfield",
]  # fmt: skip
ORG_SECOND = [
    "Logistics", "Health", "Payments", "Learning", "Energy", "Insurance", "Media", "Robotics",
    "Foods", "Travel", "Analytics", "Software", "Housing", "Telecom", "Mobility", "Games",
    "Bank", "Pharmacy", "Agritech", "Studios", "Labs", "Networks", "Retail", "Cloud",
]  # fmt: skip
INDUSTRIES = [
    "logistics", "healthcare", "fintech", "education", "energy", "insurance", "media",
    "manufacturing", "food", "travel", "retail", "telecommunications", "public-sector",
    "gaming", "e-commerce", "transport",
]  # fmt: skip
SIZES = ["1-10", "11-50", "51-200", "201-1000", "1001-5000", "5001+"]

# discipline id -> (framework title, role noun, manager noun)
DISCIPLINES: dict[str, tuple[str, str, str]] = {
    "engineering": ("Engineering career framework", "Engineer", "Engineering Manager"),
    "data": ("Data career ladder", "Data Scientist", "Data Science Manager"),
    "design": ("Design progression", "Designer", "Design Manager"),
    "product": ("Product management levels", "Product Manager", "Group Product Manager"),
    "security": ("Security engineering ladder", "Security Engineer", "Security Manager"),
    "reliability": ("Site reliability progression", "Reliability Engineer", "SRE Manager"),
    "analytics": ("Analytics career framework", "Analyst", "Analytics Manager"),
    "research": ("User research levels", "Researcher", "Research Manager"),
}

IC_NAMES = [
    "Apprentice {role}", "Associate {role}", "{role}", "{role} II", "Senior {role}",
    "Senior {role} II", "Lead {role}", "Staff {role}", "Senior Staff {role}",
    "Principal {role}", "Senior Principal {role}", "Distinguished {role}", "{role} Fellow",
    "Senior {role} Fellow",
]  # fmt: skip
MANAGER_NAMES = [
    "Team Lead", "{manager}", "Senior {manager}", "Head of {discipline}",
    "Director of {discipline}", "Senior Director of {discipline}", "VP of {discipline}",
]  # fmt: skip
OTHER_NAMES = [
    "Technical Lead", "Senior Technical Lead", "Architect", "Senior Architect",
    "Chief Architect",
]  # fmt: skip

CATEGORY_POOL = [
    ("craft", "Craft", "The hands-on skills of doing the work well."),
    ("delivery", "Delivery", "Planning work, seeing it through and improving how it gets done."),
    ("impact", "Impact", "Choosing the work that matters and showing its effect."),
    ("collaboration", "Collaboration", "Communicating, working across teams, sharing knowledge."),
    ("leadership", "Leadership", "Setting direction and helping others do their best work."),
    ("people", "People", "Growing people and keeping teams healthy and inclusive."),
    ("operations", "Operations", "Running what we build safely and sustainably."),
    ("strategy", "Strategy", "Connecting everyday work to the organisation's goals."),
]
COMPETENCY_POOL = [
    "Code quality", "Testing", "System design", "Observability", "Incident response",
    "Security practice", "Performance", "Accessibility", "Documentation", "Data modelling",
    "Experimentation", "Estimation", "Planning", "Prioritisation", "Release management",
    "Stakeholder management", "Written communication", "Presenting", "Mentoring", "Hiring",
    "Feedback", "Coaching", "Decision making", "Risk management", "Cost awareness",
    "Customer focus", "Domain knowledge", "Technical debt", "Tooling", "Automation",
    "Process improvement", "Knowledge sharing", "Inclusion", "Team health", "Vision",
    "Roadmapping", "Vendor management", "Compliance", "Research methods", "Quality assurance",
]  # fmt: skip

VERBS = [
    "Designs", "Reviews", "Documents", "Automates", "Leads", "Coordinates", "Improves",
    "Measures", "Shares", "Maintains", "Plans", "Simplifies", "Tests", "Explains",
    "Prioritises", "Negotiates", "Owns", "Audits", "Champions", "Facilitates", "Drafts",
    "Evaluates", "Refines", "Monitors", "Proposes", "Questions", "Aligns", "Standardises",
    "Rebuilds", "Scopes", "Presents", "Budgets for", "Retires", "Mentors others on",
]  # fmt: skip
PAST_VERBS = [
    "Rewrote", "Introduced", "Replaced", "Ran", "Published", "Retired", "Measured",
    "Organised", "Automated", "Simplified", "Proposed", "Migrated", "Documented",
]  # fmt: skip
OBJECTS = [
    "release checklists", "service interfaces", "on-call runbooks", "data models",
    "incident reviews", "hiring loops", "quarterly plans", "accessibility checks",
    "dependency upgrades", "cost reports", "design proposals", "customer interviews",
    "performance budgets", "onboarding guides", "threat models", "test strategies",
    "API contracts", "migration plans", "dashboards", "error budgets", "feature flags",
    "architecture decision records", "retrospective actions", "capacity forecasts",
    "style guides", "experiment results", "vendor contracts", "alerting rules",
    "deployment pipelines", "support escalations", "roadmap trade-offs", "career goals",
    "interview rubrics", "backlog priorities", "usability findings", "data retention rules",
    "service-level objectives", "code review norms", "pairing sessions", "launch plans",
]  # fmt: skip
CODE_OBJECTS = [
    "`CODEOWNERS` rules", "the `make check` target", "`deploy.yaml` pipelines",
    "`README.md` files", "`pyproject.toml` settings", "`docker compose` setups",
    "`terraform plan` reviews", "`OWNERS` files", "the `release-notes` template",
    "`pre-commit` hooks", "`openapi.yaml` specs", "the `/healthz` endpoint",
]  # fmt: skip
SCOPES = [
    "for a single task",
    "within one feature",
    "for the team's own services",
    "across the team",
    "across two or three teams",
    "across a whole product area",
    "across the department",
    "for the whole organisation",
    "with peers in the wider industry",
]
MANNERS = [
    "with little guidance", "without being asked", "using agreed templates",
    "with clear written reasoning", "by pairing with colleagues",
    "through small, reversible steps", "before problems reach customers",
    "with measurable results", "in plain language", "while keeping delivery steady",
    "with input from users", "on a regular cadence", "when priorities shift",
    "even under deadline pressure", "after every major incident",
]  # fmt: skip
PURPOSES = [
    "so that releases stay predictable", "so that newcomers contribute sooner",
    "to reduce operational risk", "to keep costs visible", "so that decisions are traceable",
    "to shorten feedback loops", "so that customers notice fewer regressions",
    "to make trade-offs explicit", "so that others can build on the work",
    "to protect the team's focus", "so that quality is everyone's job",
    "to keep commitments realistic", "to spread knowledge beyond one person",
    "so that problems surface early", "to earn the trust of partner teams",
]  # fmt: skip
EMPHASIS = ["*consistently*", "**proactively**", "*carefully*", "**deliberately**", "*openly*"]
LINK_TOPICS = [
    ("team handbook", "handbook"), ("engineering principles", "principles"),
    ("review guide", "review-guide"), ("incident policy", "incident-policy"),
    ("writing guide", "writing"), ("security baseline", "security-baseline"),
    ("design system", "design-system"), ("data charter", "data-charter"),
]  # fmt: skip
PRODUCT_AREAS = [
    "checkout", "search", "onboarding", "billing", "the mobile app", "reporting",
    "notifications", "the partner portal", "scheduling", "the admin console",
]  # fmt: skip
QUARTERS = ["the first quarter", "the spring", "the summer", "the autumn", "the year-end peak"]
TIME_AT_LEVEL = ["6-18 months", "1-2 years", "1-3 years", "2-4 years", "3+ years", "Open-ended"]
POSITION_SUMMARIES = {
    1: "Learns the craft on small, well-defined tasks with close support",
    2: "Delivers well-defined work reliably and asks for help on unfamiliar problems",
    3: "Owns features end to end and works independently within the team",
    4: "Leads the work of a team and raises its standards",
    5: "Influences several teams and takes on problems nobody owns yet",
    6: "Shapes the direction of an area made of several teams",
    7: "Shapes a whole department and represents it to the rest of the organisation",
    8: "Sets long-term direction for the organisation and is known across the industry",
}
POSITION_SCOPES = {
    1: "Well-defined tasks within one team, with regular review.",
    2: "Tasks and small features within one team.",
    3: "Features within one team, sometimes touching a neighbouring team's systems.",
    4: "A team and the systems it owns.",
    5: "Several teams or a cross-cutting concern.",
    6: "An area made of several teams.",
    7: "A department and its place in the organisation.",
    8: "The organisation and the wider industry.",
}
SECTION_TITLES = ["Skills to develop", "Choosing what comes next", "Mentoring", "How to grow"]

_WORD = re.compile(r"[a-z0-9]+")
_PLAIN_KEY = re.compile(r"^[a-z][a-z0-9_-]*$")
_YAML_SPECIAL = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


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


# ---------------------------------------------------------------------------------------
# YAML output (hand-written: no dependency, stable, and every string double-quoted)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    return json.dumps(value, ensure_ascii=False)


def _key(key: str) -> str:
    return key if _PLAIN_KEY.match(key) and key not in _YAML_SPECIAL else json.dumps(key)


def _emit(value: Any, indent: int) -> Iterator[str]:
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list) and item:
                yield f"{pad}{_key(key)}:"
                yield from _emit(item, indent + 2)
            else:
                yield f"{pad}{_key(key)}: {_scalar(item)}"
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                lines = list(_emit(item, indent + 2))
                yield f"{pad}- {lines[0].lstrip()}"
                yield from lines[1:]
            elif isinstance(item, list):
                yield f"{pad}-"
                yield from _emit(item, indent + 2)
            else:
                yield f"{pad}- {_scalar(item)}"
    else:
        yield f"{pad}{_scalar(value)}"


def to_yaml(data: dict[str, Any], comment: str = "") -> str:
    header = ["# yaml-language-server: $schema=../schema/framework.schema.json"]
    if comment:
        header.append(f"# {comment}")
    return "\n".join([*header, *_emit(data, 0)]) + "\n"


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
