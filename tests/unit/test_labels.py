"""How discipline and tag identifiers read (core/labels.py) and the facets that use it."""

from __future__ import annotations

import pytest

from ladderpress.analyse.facets import facet
from ladderpress.core.labels import ACRONYMS, display_label
from tests.support.paths import REPO


@pytest.mark.parametrize(
    ("value", "label", "in_text"),
    [
        ("sre", "SRE", "SRE"),
        ("ux", "UX", "UX"),
        ("qa", "QA", "QA"),
        ("ml", "ML", "ML"),
        ("ux-research", "UX research", "UX research"),
        ("applied-ml", "Applied ML", "applied ML"),
        ("devops", "DevOps", "DevOps"),
        ("ios-engineering", "iOS engineering", "iOS engineering"),
        ("saas", "SaaS", "SaaS"),
        ("data-science", "Data science", "data science"),
        ("engineering", "Engineering", "engineering"),
        ("l4", "L4", "l4"),
        ("2024-intake", "2024 intake", "2024 intake"),
    ],
)
def test_built_in_labels(value: str, label: str, in_text: str) -> None:
    assert display_label(value, {}) == label
    assert display_label(value, {}, in_text=True) == in_text


def test_a_name_the_site_gives_is_used_as_written() -> None:
    names = {"sre": "Site Reliability Engineering", "platform": "Platform (core)"}
    assert display_label("sre", names) == "Site Reliability Engineering"
    assert display_label("sre", names, in_text=True) == "Site Reliability Engineering"
    assert display_label("platform", names) == "Platform (core)"
    assert display_label("ux", names) == "UX"


def test_every_acronym_is_one_word_found_by_its_lower_case_form() -> None:
    lower = [word.lower() for word in ACRONYMS]
    assert len(set(lower)) == len(lower)
    assert all(word.isalnum() and word != word.lower() for word in ACRONYMS)


def test_facets_carry_both_forms_of_the_label() -> None:
    from ladderpress.build import load_frameworks
    from ladderpress.check.config import load_config

    frameworks, _ = load_frameworks(load_config(REPO))
    sre = next(found for found in facet(frameworks, "disciplines") if found.value == "sre")
    assert (sre.label, sre.phrase) == ("SRE", "SRE")
    named = facet(frameworks, "disciplines", {"sre": "Site reliability"})
    assert next(f.label for f in named if f.value == "sre") == "Site reliability"
