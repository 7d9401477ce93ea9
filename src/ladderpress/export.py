"""Machine-readable forms of the model: the per-framework JSON that pages and tools read."""

from __future__ import annotations

import json
from typing import Any

from .markdown import render_inline
from .model import Framework, Level, Statement
from .pages import competency_url, framework_url, level_url

FORMAT = "ladderpress-framework"
FORMAT_VERSION = 1


def _drop_empty(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value not in (None, (), [], {})}


def _statement(statement: Statement) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": statement.id,
            "anchor": statement.anchor,
            "text": statement.text,
            "html": str(render_inline(statement.text)),
            "examples": list(statement.examples),
            "evolves": statement.evolves,
        }
    )


def _level(framework: Framework, level: Level) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": level.id,
            "name": level.name,
            "code": level.code,
            "titles": list(level.titles),
            "summary": level.summary,
            "scope": level.scope,
            "time_at_level": level.time_at_level,
            "position": level.position,
            "tracks": list(level.tracks),
            "below": list(framework.below[level.id]),
            "url": level_url(framework, level.id),
            "sections": [{"title": s.title, "body": s.body} for s in level.sections],
        }
    )


def framework_record(framework: Framework) -> dict[str, Any]:
    """The framework as plain JSON-ready data; URLs are relative to the site root."""
    organisation = framework.organisation
    return _drop_empty(
        {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "slug": framework.slug,
            "url": framework_url(framework),
            "title": framework.title,
            "summary": framework.summary,
            "organisation": _drop_empty(
                {
                    "name": organisation.name,
                    "url": organisation.url,
                    "size": organisation.size,
                    "industry": list(organisation.industry),
                    "example": organisation.example,
                }
            ),
            "source_url": framework.source_url,
            "licence": framework.licence,
            "last_reviewed": framework.last_reviewed,
            "disciplines": list(framework.disciplines),
            "tags": list(framework.tags),
            "cumulative": framework.cumulative,
            "tracks": [
                _drop_empty(
                    {
                        "id": t.id,
                        "name": t.name,
                        "kind": t.kind,
                        "description": t.description,
                        "levels": list(t.levels),
                    }
                )
                for t in framework.tracks
            ],
            "equivalences": [
                _drop_empty({"levels": list(e.levels), "note": e.note})
                for e in framework.equivalences
            ],
            "levels": [_level(framework, level) for level in framework.levels.values()],
            "categories": [
                _drop_empty(
                    {
                        "id": c.id,
                        "name": c.name,
                        "description": c.description,
                        "competencies": list(c.competencies),
                    }
                )
                for c in framework.categories
            ],
            "competencies": [
                _drop_empty(
                    {
                        "id": c.id,
                        "name": c.name,
                        "category": c.category,
                        "description": c.description,
                        "weight": c.weight,
                        "url": competency_url(framework, c.id),
                        "expectations": {
                            level_id: [_statement(s) for s in c.at(level_id)]
                            for level_id in framework.level_order
                            if c.at(level_id)
                        },
                    }
                )
                for c in framework.competencies.values()
            ],
        }
    )


def to_json(record: dict[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode()
