"""The FT's roles as tracks.

The FT's engineering job family lists its roles as one list of levels: the first ones
(Junior, Engineer, Senior 1) are shared, then each role comes as an individual
contributor (`senior-2-ic`, "… (Individual Contributor)") and a people manager
(`senior-2-pm`, "… (People Manager)") level; a later level with neither mark (Technology
Director) follows the path of the marked level before it. Each path becomes a track that
shares the first levels, as the FT's own diagram of its roles shows.
"""

from __future__ import annotations

import re

from ladderpress.importers.draft import Draft, DraftTrack

_IC = re.compile(r"(?:^|[-_ (])(?:ic|individual[ -]contributor)(?:$|[-_ )])", re.I)
_PM = re.compile(
    r"(?:^|[-_ (])(?:pm|em|people[ -]manager|engineering[ -]manager|manager)(?:$|[-_ )])", re.I
)
IC_TRACK = ("individual-contributor", "Individual contributor", "individual-contributor")
PM_TRACK = ("people-manager", "People manager", "management")


def _role(key: str, name: str) -> str | None:
    for found, role in ((_IC, "ic"), (_PM, "pm")):
        if found.search(key) or found.search(name):
            return role
    return None


def role_tracks(draft: Draft, keys: list[str]) -> None:
    """Split the draft's levels into an individual-contributor and a people-manager track
    when their ids (`keys`, one per level) or names mark the roles; else leave one track."""
    roles = [_role(key, level.name) for key, level in zip(keys, draft.levels, strict=True)]
    if "ic" not in roles or "pm" not in roles:
        return
    first = next(i for i, role in enumerate(roles) if role is not None)
    shared = list(range(first))
    paths: dict[str, list[int]] = {"ic": list(shared), "pm": list(shared)}
    current = roles[first]
    for index in range(first, len(roles)):
        role = roles[index] or current
        assert role is not None
        paths[role].append(index)
        current = role
    draft.tracks = [
        DraftTrack(name, paths[role], kind=kind, key=key)
        for role, (key, name, kind) in (("ic", IC_TRACK), ("pm", PM_TRACK))
    ]
    later = [draft.levels[i].name for i in range(first, len(roles)) if roles[i] is None]
    note = (
        f"tracks were made from the levels' names: {len(shared)} shared, then individual "
        "contributor and people manager levels"
    )
    if later:
        note += f"; {', '.join(later)} follow(s) the track of the level listed before"
    draft.track_note = note + ". Check them"
