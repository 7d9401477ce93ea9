"""Facets of the directory of frameworks: disciplines, tags, sizes and kinds of track."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
    label: str
    frameworks: tuple[Framework, ...]

    @property
    def count(self) -> int:
        return len(self.frameworks)


def _label(value: str) -> str:
    return value.replace("-", " ").capitalize()


def facet(frameworks: Sequence[Framework], attribute: str) -> list[Facet]:
    """Values of `disciplines` or `tags`, most used first, with their frameworks."""
    found: dict[str, list[Framework]] = {}
    for framework in frameworks:
        for value in getattr(framework, attribute):
            found.setdefault(value, []).append(framework)
    ordered = sorted(found.items(), key=lambda item: (-len(item[1]), item[0]))
    return [Facet(value, _label(value), tuple(members)) for value, members in ordered]


def sizes(frameworks: Sequence[Framework]) -> list[str]:
    present = {f.organisation.size for f in frameworks if f.organisation.size}
    return [size for size in SIZE_ORDER if size in present]


def track_kinds(framework: Framework) -> list[str]:
    return sorted({track.kind for track in framework.tracks})
