"""The wording lints (check/reviewer.py): what each finds, and what it must leave alone.

The "leave alone" cases come from reading real ladders: each is wording a reviewer would
not flag, that an earlier, looser pattern did.
"""

from __future__ import annotations

import pytest

from ladderpress.check.placeholders import (
    EXAMPLE_ORGANISATION,
    INTRODUCTION_PROMPT,
    LEVEL_SUMMARY_PROMPT,
    QUALITY_STARTERS,
    placeholder_in,
)
from ladderpress.check.reviewer import (
    WORD_LIST,
    coded_words,
    parse_word_list,
    requirement_in,
    vague_wording_in,
    word_list,
)


@pytest.mark.parametrize(
    ("text", "found", "what"),
    [
        ("Has 5+ years of experience in backend systems.", "5+ years of experience", "years"),
        (
            "Typically 3-5 years of professional experience.",
            "3-5 years of professional experience",
            "years",
        ),
        ("Five years’ experience leading teams.", "Five years’ experience", "years"),
        ("Has at least two years in a similar role.", "at least two years", "years"),
        ("Several years of industry experience.", "Several years of industry experience", "years"),
        ("Has 10 or more years behind them.", "10 or more years", "years"),
        ("Holds a degree in computer science.", "a degree", "a degree"),
        ("A Computer Science degree or equivalent.", "Computer Science degree", "a degree"),
        ("Has a BSc/MSc in a technical field.", "BSc", "a degree"),
        ("PhD preferred.", "PhD", "a degree"),
        ("Bachelor's degree required.", "Bachelor's degree", "a degree"),
        ("BS/MS in engineering.", "BS/MS", "a degree"),
    ],
)
def test_requirements_as_years_or_degrees_are_found(text: str, found: str, what: str) -> None:
    assert requirement_in(text) == (found, what)


@pytest.mark.parametrize(
    "text",
    [
        "Thinks multiple years ahead and plans for them.",  # a horizon, not a requirement
        "Plans the team's work for the next 2 years.",
        "Even if you're at level 3 for a couple of years, you still grow.",
        "Works with a high degree of autonomy.",
        "Uses code to make something with some degree of complexity.",
        "Gives 360-degree feedback to their peers.",
        "Agrees with the proposal to a degree.",
        "Uses MS Teams and BA reports.",
        "Services withstand a year's worth of growth in load.",
    ],
)
def test_time_and_degree_words_that_are_no_requirement_pass(text: str) -> None:
    assert requirement_in(text) is None


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Takes on more scope than the previous level.", "than the previous level"),
        ("Owns more than at the level below.", "than at the level below"),
        ("Performs at the next level.", "at the next level"),
        ("Writes better designs than before.", "than before"),
        ("Mentors others to a greater extent.", "to a greater extent"),
        ("Escalates problems as appropriate.", "as appropriate"),
        ("Where appropriate, builds on other teams' work.", "Where appropriate"),
    ],
)
def test_vague_comparatives_are_found(text: str, phrase: str) -> None:
    found = vague_wording_in(text)
    assert found is not None and found[0] == phrase


@pytest.mark.parametrize(
    "text",
    [
        "Mentors engineers, helping them grow toward the next level.",  # a promotion
        "Looks at requests from a higher level business point of view.",  # abstraction
        "Uses caching and polling as appropriate to cope with slow services.",  # a purpose
        "Each level lists only what is new; the levels below still apply.",  # structure
        "Asks for help when needed.",
    ],
)
def test_wording_that_only_looks_comparative_passes(text: str) -> None:
    assert vague_wording_in(text) is None


def test_gender_coded_words_are_found_with_alternatives() -> None:
    found = dict(coded_words("A rockstar who dominates meetings and pushes aggressively."))
    assert set(found) == {"rockstar", "dominates", "aggressively"}
    assert found["rockstar"].kind == "cliche"
    assert found["aggressively"].kind == "masculine"
    assert found["aggressively"].alternatives
    assert {w for w, _ in coded_words("Each engineer reviews his own code.")} == {"his"}
    assert {w for w, _ in coded_words("A true rock star of the team.")} == {"rock star"}


@pytest.mark.parametrize(
    "text",
    [
        "Leads the design of the system and supports others.",  # in the paper; names work
        "Works independently and is self-sufficient in their area.",
        "Is responsible for analysing incidents and deciding next steps.",
        "Commits code with understanding of its dependencies.",
        "Sets goals for the team's security self-sufficiency.",
        "Writes a greedy algorithm, knows the domain well and monitors with Nagios.",
        "Shares their thinking; shows empathy; thistle, sheet, hero, theme, history.",
    ],
)
def test_words_that_describe_the_work_pass(text: str) -> None:
    assert coded_words(text) == []


def test_the_word_list_is_data_and_every_entry_parses() -> None:
    words = word_list()
    entries = [*words.exact.values(), *words.stems.values(), *(e for _, e in words.phrases)]
    assert len(entries) == sum(
        1
        for line in WORD_LIST.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )
    assert {e.kind for e in entries} == {"masculine", "feminine", "cliche", "gendered"}
    assert "Gaucher, Friesen & Kay" in WORD_LIST.read_text(encoding="utf-8")


def test_a_broken_word_list_line_is_named() -> None:
    with pytest.raises(ValueError, match=r":2: expected 'word \| kind \| alternatives'"):
        parse_word_list("ninja | cliche | expert\nguru | unknown-kind | expert\n")


def test_placeholders_are_the_scaffolds_own_wording() -> None:
    assert placeholder_in(f"How people grow at Acme.  {INTRODUCTION_PROMPT}") == INTRODUCTION_PROMPT
    summary = LEVEL_SUMMARY_PROMPT.format(name="Senior Analyst")
    assert placeholder_in(summary) == summary
    assert placeholder_in(f"  {QUALITY_STARTERS[0]}\n") == QUALITY_STARTERS[0]
    assert placeholder_in("Checks their own work before handing it on.") is None
    assert placeholder_in(f"{LEVEL_SUMMARY_PROMPT.format(name='Lead')} Owns a team.") is None
    assert EXAMPLE_ORGANISATION == "Example Organisation"
