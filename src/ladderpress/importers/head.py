"""The head of an imported framework file: title, summary, organisation, disciplines, tags,
and its tracks — what the source said, what was guessed (with a warning saying from
what), and what is a placeholder (with a warning saying what to write).
"""

from __future__ import annotations

from typing import Any

from ladderpress.core.problems import Problem
from ladderpress.importers.draft import Draft, Identity, Origin, one_line, short_name, slugify

PLACEHOLDER_ORGANISATION = "Your organisation"
PLACEHOLDER_DISCIPLINES = ("engineering",)
TRACK_ID = "main"
TRACK_NAME = "Main track"
MAX_TITLE = 120
MAX_SUMMARY = 20_000  # the schema's limit on Markdown text


def _organisation(identity: Identity, where: Origin, warnings: list[Problem]) -> str:
    org = one_line(identity.organisation or "")[:MAX_TITLE]
    if not org:
        warnings.append(
            where.warn(
                f"organisation name is a placeholder ('{PLACEHOLDER_ORGANISATION}'); write the "
                "real name under 'organisation: name:', or import with --organisation NAME",
                "import-placeholder",
            )
        )
        return PLACEHOLDER_ORGANISATION
    if identity.organisation_guess:
        warnings.append(
            where.warn(
                f"organisation name '{org}' is a guess from {identity.organisation_guess}; "
                "check it, or import with --organisation NAME",
                "import-guess",
            )
        )
    return org


def _disciplines(identity: Identity, where: Origin, warnings: list[Problem]) -> list[str]:
    found = [slugify(d) for d in identity.disciplines if slugify(d)]
    if not found:
        warnings.append(
            where.warn(
                f"disciplines are a placeholder ({', '.join(PLACEHOLDER_DISCIPLINES)}); list "
                "the disciplines the framework covers, such as engineering, data, design or "
                "product, or import with --discipline ID",
                "import-placeholder",
            )
        )
        return list(PLACEHOLDER_DISCIPLINES)
    if identity.disciplines_guess:
        warnings.append(
            where.warn(
                f"disciplines ({', '.join(found)}) are a guess from {identity.disciplines_guess}; "
                "check them, or import with --discipline ID",
                "import-guess",
            )
        )
    return list(dict.fromkeys(found))


def head(draft: Draft, identity: Identity, warnings: list[Problem]) -> dict[str, Any]:
    """The framework's first keys, in the schema's order."""
    where = Origin(draft.source.path, 1, 1)
    org = _organisation(identity, where, warnings)
    title = one_line(draft.title or "")
    summary = draft.summary
    if not title:
        title = f"{org} career framework"
        warnings.append(
            where.warn(
                f"title is a placeholder ('{title}'); give the framework its real name",
                "import-placeholder",
            )
        )
    if len(title) > MAX_TITLE:
        warnings.append(
            where.warn(
                f"the title is longer than {MAX_TITLE} characters: it was shortened, and the "
                "whole title starts the summary; write a shorter title",
                "import-long-name",
            )
        )
        summary = f"{title}\n\n{summary}" if summary else title
        title = short_name(title, MAX_TITLE)
    out: dict[str, Any] = {"title": title}
    if summary:
        if len(summary) > MAX_SUMMARY:
            cut = summary[:MAX_SUMMARY].rsplit("\n\n", 1)[0]
            warnings.append(
                where.warn(
                    f"the introduction is {len(summary):,} characters, over the "
                    f"{MAX_SUMMARY:,} a summary holds: only its first {len(cut):,} were "
                    "imported; move the rest into the levels' or competencies' descriptions",
                    "import-long-text",
                )
            )
            summary = cut
        out["summary"] = summary
    out["organisation"] = {"name": org}
    out["disciplines"] = _disciplines(identity, where, warnings)
    if draft.tags:
        out["tags"] = list(dict.fromkeys(draft.tags))
    return out


def tracks(draft: Draft, level_ids: list[str], warnings: list[Problem]) -> list[dict[str, Any]]:
    """The draft's tracks with level ids, or every level on one track (with a warning)."""
    where = Origin(draft.source.path, 1, 1)
    if not draft.tracks:
        warnings.append(
            where.warn(
                f"all {len(level_ids)} levels are on one track named '{TRACK_NAME}', lowest "
                "first in the order of the source; rename it, or split the levels into "
                "several tracks",
                "import-placeholder",
            )
        )
        return [
            {
                "id": TRACK_ID,
                "name": TRACK_NAME,
                "kind": "individual-contributor",
                "levels": list(level_ids),
            }
        ]
    if draft.track_note:
        warnings.append(where.warn(draft.track_note, "import-guess"))
    out: list[dict[str, Any]] = []
    used: set[str] = set()
    for number, track in enumerate(draft.tracks, start=1):
        ident = slugify(track.key or track.name) or f"track-{number}"
        while ident in used:
            ident = f"{ident}-{number}"
        used.add(ident)
        out.append(
            {
                "id": ident,
                "name": one_line(track.name)[:80],
                "kind": track.kind,
                "levels": [level_ids[i] for i in track.levels],
            }
        )
    return out
