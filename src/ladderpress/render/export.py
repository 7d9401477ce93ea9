"""Machine-readable forms of the model: the per-framework JSON that pages and tools read."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ladderpress.core.csvcells import LEVEL_FACTS, guard, split_statements
from ladderpress.core.model import Framework, Level, Signal, Statement
from ladderpress.core.urls import (
    competency_url,
    framework_csv_url,
    framework_json_url,
    framework_statements_csv_url,
    framework_url,
    level_url,
)
from ladderpress.render.csv_long import framework_long_csv

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
            "html": str(statement.html),
            "examples": list(statement.examples),
            "evolves": statement.evolves,
            "proficiency": statement.proficiency,
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
            "time_at_level": level.time_at_level or _time_range(level),
            "mentoring": _drop_empty(
                {"gives": level.mentoring_gives, "receives": level.mentoring_receives}
            ),
            "signals": [
                _drop_empty({"name": x.name, "measure": x.measure, "target": x.target})
                for x in level.signals
            ],
            "learning": list(level.learning),
            "specialisms": [
                _drop_empty({"name": x.name, "description": x.description})
                for x in level.specialisms
            ],
            "position": level.position,
            "tracks": list(level.tracks),
            "url": level_url(framework, level.id),
            "sections": [{"title": s.title, "body": s.body} for s in level.sections],
        }
    ) | {"below": list(framework.below[level.id])}  # kept even when empty: readers need it


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
            "terms": {
                key: {"singular": singular, "plural": plural}
                for key, singular, plural in framework.terms
            },
            "tracks": [
                _drop_empty(
                    {
                        "id": t.id,
                        "name": t.name,
                        "kind": t.kind,
                        "description": t.description,
                        "levels": list(t.levels),
                        "disciplines": list(t.disciplines),
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
                        "tracks": _scope(framework, c.tracks),
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
                        "kind": c.kind,
                        "tracks": _scope(framework, c.tracks),
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


def _time_range(level: Level) -> dict[str, Any] | None:
    found = level.time_range
    if found is None:
        return None
    return _drop_empty(
        {"min_months": found.min_months, "max_months": found.max_months, "note": found.note}
    )


def _scope(framework: Framework, tracks: tuple[str, ...]) -> list[str]:
    """The tracks something applies to, or none when it applies to every track."""
    return list(tracks) if framework.some_tracks(tracks) else []


def to_json(record: dict[str, Any]) -> bytes:
    # Compact: smaller downloads, and json's fast C encoder works only without indent.
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def _statements_cell(texts: list[str]) -> str:
    """One cell of statements that `ladderpress import` splits back into the same ones.

    One statement per line reads back as itself, unless a statement looks like a list
    marker ("- …", "1. …") or a placeholder ("n/a"), or spans lines: then each statement
    gets a marker of its own, and import removes exactly that one.
    """
    plain = "\n".join(texts)
    if split_statements(plain) == texts:
        return plain
    return "\n".join(f"- {text}" for text in texts)


def framework_csv(framework: Framework) -> bytes:
    """The competency by level matrix: one row per competency, one statement per line.

    UTF-8 with a byte order mark and CRLF rows, so spreadsheet programs open it cleanly;
    `ladderpress import` reads the same layout back. Every cell, the header's too, goes
    through `guard` (csvcells.py), so that none can run as a formula.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    order = framework.level_order
    header = ["Category", "Competency", *(framework.levels[lvl].name for lvl in order)]
    writer.writerow([guard(v) for v in header])
    for category in framework.categories:
        for competency_id in category.competencies:
            competency = framework.competencies[competency_id]
            cells = [_statements_cell([s.text for s in competency.at(lvl)]) for lvl in order]
            writer.writerow([guard(v) for v in (category.name, competency.name, *cells)])
    levels = [framework.levels[lvl] for lvl in order]
    if any(level.has_facts for level in levels):
        for name, cells in _fact_rows(levels):
            writer.writerow([guard(v) for v in (LEVEL_FACTS, name, *cells)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _fact_rows(levels: list[Level]) -> list[tuple[str, list[str]]]:
    def lines(values: list[str]) -> str:
        return "\n".join(values)

    def signal(x: Signal) -> str:
        return " · ".join(filter(None, (x.name, x.measure, x.target)))

    return [
        ("Mentoring given", [level.mentoring_gives or "" for level in levels]),
        ("Mentoring received", [level.mentoring_receives or "" for level in levels]),
        (
            "Signals of performance",
            [
                lines(
                    [" · ".join(filter(None, (x.name, x.measure, x.target))) for x in lvl.signals]
                )
                for lvl in levels
            ],
        ),
        ("Learning and certifications", [lines(list(lvl.learning)) for lvl in levels]),
        ("Specialisms", [lines([x.name for x in lvl.specialisms]) for lvl in levels]),
    ]


def index_record(frameworks: list[Framework]) -> dict[str, Any]:
    """frameworks.json: one summary per framework, with links to its pages and exports."""
    return {
        "format": "ladderpress-index",
        "version": FORMAT_VERSION,
        "frameworks": [
            _drop_empty(
                {
                    "slug": f.slug,
                    "title": f.title,
                    "organisation": f.organisation.name,
                    "example": f.organisation.example,
                    "size": f.organisation.size,
                    "disciplines": list(f.all_disciplines),
                    "tags": list(f.tags),
                    "tracks": [t.name for t in f.tracks],
                    "levels": len(f.levels),
                    "competencies": len(f.competencies),
                    "statements": f.statement_count,
                    "last_reviewed": f.last_reviewed,
                    "url": framework_url(f),
                    "json": framework_json_url(f),
                    "csv": framework_csv_url(f),
                }
            )
            for f in frameworks
        ],
    }


def framework_json(framework: Framework) -> bytes:
    return to_json(framework_record(framework))


@dataclass(frozen=True)
class ExportFile:
    """One data file of a framework, made when called (by a render worker, see build)."""

    path: str
    framework: Framework
    make: Callable[[Framework], bytes]

    def __call__(self) -> bytes:
        return self.make(self.framework)


def export_files(framework: Framework) -> list[ExportFile]:
    return [
        ExportFile(framework_json_url(framework), framework, framework_json),
        ExportFile(framework_csv_url(framework), framework, framework_csv),
        ExportFile(framework_statements_csv_url(framework), framework, framework_long_csv),
    ]
