"""How a framework's tracks run: which levels they share, and where each branches off."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ladderpress.core.model import Track


@dataclass(frozen=True)
class Run:
    """Levels, lowest first, that every one of `tracks` holds in this order, coming
    right after level `after` (None at the bottom of the ladder)."""

    tracks: tuple[Track, ...]
    after: str | None
    levels: tuple[str, ...]


def runs(tracks: Sequence[Track]) -> list[Run]:
    """The tracks as a tree: the levels they share once, then each branch, depth first."""
    found: list[Run] = []

    def walk(group: list[Track], depth: int, after: str | None) -> None:
        shared: list[str] = []
        while (
            all(depth < len(t.levels) for t in group) and len({t.levels[depth] for t in group}) == 1
        ):
            shared.append(group[0].levels[depth])
            depth += 1
        if shared:
            found.append(Run(tuple(group), after, tuple(shared)))
        branch_point = shared[-1] if shared else after
        branches: dict[str, list[Track]] = {}
        for track in group:
            if depth < len(track.levels):
                branches.setdefault(track.levels[depth], []).append(track)
        for branch in branches.values():
            walk(branch, depth, branch_point)

    if tracks:
        walk(list(tracks), 0, None)
    return found
