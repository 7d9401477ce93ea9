"""The lint rules: each one's id, why it matters, and how to fix what it finds.

The catalogue is the one list of rules a site can turn off (the config's `lints:`) or a
statement can ignore (`# ladderpress: ignore[rule-id]`), and what a SARIF report shows
for each rule. The checks themselves live in check/lints.py and check/reviewer.py.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    why: str  # one line: what the finding costs readers
    hint: str  # what to do about it, short enough to end a message


_RULES = (
    Rule(
        "duplicate-statement",
        "The same expectation stated twice makes readers wonder what changed between them.",
        "state it once",
    ),
    Rule(
        "near-duplicate-statement",
        "Two nearly identical statements hide what the difference between them is.",
        "merge them or make the difference explicit",
    ),
    Rule(
        "near-duplicate-limit",
        "Too many alike statements to compare them all: some repeats may go unreported.",
        "split the competency or make its statements more distinct",
    ),
    Rule(
        "expects-less",
        "A higher level expecting less than the one below reads as a step backwards.",
        "a higher level should include what the lower one expects",
    ),
    Rule(
        "level-gap",
        "A level silent on a competency its neighbours cover leaves readers guessing.",
        "fill the gap",
    ),
    Rule(
        "level-unchanged",
        "A level whose statements all come unchanged from below gives no reason to be promoted.",
        "say what is new at this level, or merge it with the level below",
    ),
    Rule(
        "experience-requirement",
        "Years and degrees measure time served and credentials, not what someone does; they "
        "turn away people who got there another way.",
        "describe the impact and behaviour the level expects instead",
    ),
    Rule(
        "vague-comparative",
        "Wording that leans on another level or on unstated judgement means nothing to a "
        "reader of this page alone.",
        "say what is expected in words that stand on their own: the situation, scope or result",
    ),
    Rule(
        "gender-coded",
        "Gender-coded words tell some readers the level is not meant for them.",
        "use wording that describes the work, not a temperament",
    ),
    Rule(
        "placeholder-text",
        "Text that `init` or `new` wrote for you to replace would be published as it is.",
        "replace it with your organisation's own words",
    ),
    Rule(
        "long-statement",
        "A statement far longer than the others usually holds several expectations, which a "
        "reader cannot answer yes or no to.",
        "split it into statements of one expectation each, or move detail into examples",
    ),
    Rule(
        "empty-category",
        "A category with no competency is a heading with nothing under it.",
        "add competencies to it or remove it",
    ),
    Rule(
        "equivalence-track",
        "Levels of one track, one above the other, cannot be equivalent: one is a promotion "
        "from the other.",
        "take one of them out of the equivalence",
    ),
    Rule(
        "equivalence-position",
        "Levels called equivalent but far apart on the reference scale send mixed signals "
        "about seniority.",
        "check the positions or the equivalence",
    ),
    Rule(
        "unused-ignore",
        "An ignore comment that silences nothing hides a later, real finding.",
        "remove it, or name a rule that fires on that line",
    ),
)

LINT_RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}

# What a site can set a rule to in its config's `lints:` (YAML also reads a bare `off`
# as false, and `on` as true).
RULE_SETTINGS = ("off", "warning", "error")
