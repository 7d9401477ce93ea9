"""Facets of the directory of frameworks: disciplines, tags, sizes and kinds of track."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ladderpress.core.labels import display_label
from ladderpress.core.model import Framework

SIZE_ORDER = ("1-10", "11-50", "51-200", "201-1000", "1001-5000", "5001+")
TRACK_KINDS = {
    "individual-contributor": "Individual contributor",
    "management": "Management",
    "other": "Other",
}


@dataclass(frozen=True)
class Facet:
    value: str
    label: str  # as a heading or a list item reads it: "Data science", "SRE"
    phrase: str  # inside a sentence: "data science", "SRE"
    frameworks: tuple[Framework, ...]

    @property
    def count(self) -> int:
        return len(self.frameworks)


def facet(
    frameworks: Sequence[Framework], attribute: str, names: Mapping[str, str] | None = None
) -> list[Facet]:
    """Values of `all_disciplines` or `tags`, most used first, with their frameworks; `names`
    are the site's names for them (the config's `labels`)."""
    names = names or {}
    found: dict[str, list[Framework]] = {}
    for framework in frameworks:
        for value in getattr(framework, attribute):
            found.setdefault(value, []).append(framework)
    ordered = sorted(found.items(), key=lambda item: (-len(item[1]), item[0]))
    return [
        Facet(
            value,
            display_label(value, names),
            display_label(value, names, in_text=True),
            tuple(members),
        )
        for value, members in ordered
    ]


def sizes(frameworks: Sequence[Framework]) -> list[str]:
    present = {f.organisation.size for f in frameworks if f.organisation.size}
    return [size for size in SIZE_ORDER if size in present]


def track_kinds(framework: Framework) -> list[str]:
    return sorted({track.kind for track in framework.tracks})
