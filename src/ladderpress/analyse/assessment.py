"""The data a self-assessment page needs to tell which level fits, computed once here."""

from __future__ import annotations

from typing import Any

from ladderpress.core.model import Framework

# A level fits when this share of what it expects is met, weighted by competency.
FIT_THRESHOLD = 0.8
# A competency counts towards a level only once this many of its statements there are
# met (or all of them, when it expects fewer): one ticked box in a small cell is no fit.
MIN_MET = 2


def assessment_data(framework: Framework) -> dict[str, Any]:
    """Plain data for the page's script: statement order, and what each level expects."""
    statements = [
        s.id
        for category in framework.categories
        for competency_id in category.competencies
        for level_id in framework.level_order
        for s in framework.competencies[competency_id].at(level_id)
    ]
    return {
        "slug": framework.slug,
        "threshold": FIT_THRESHOLD,
        "min_met": MIN_MET,
        "statements": statements,
        "tracks": [
            {"id": t.id, "name": t.name, "levels": list(t.levels)} for t in framework.tracks
        ],
        "levels": {level.id: level.name for level in framework.levels.values()},
        "competencies": [
            {
                "id": competency.id,
                "name": competency.name,
                "weight": competency.weight,
                "tracks": list(competency.tracks),
                "expected": {
                    level_id: [s.id for s in framework.expected(competency, level_id)]
                    for level_id in framework.level_order
                },
            }
            for category in framework.categories
            for competency in (framework.competencies[c] for c in category.competencies)
        ],
    }
