"""The wording `init` and `new` write for the author to replace.

The scaffold (app/scaffold.py) writes new frameworks from these, and the placeholder-text
lint (check/reviewer.py) finds what is left of them, so the two cannot drift apart.
"""

from __future__ import annotations

import re

# Closes the framework's summary; the sentence before it names the organisation.
INTRODUCTION_PROMPT = "Replace this with your own introduction."
# Every level's summary, with the level's name in place of {name}.
LEVEL_SUMMARY_PROMPT = "What a {name} is trusted with, in two or three sentences."
# `new` offers it when asked nothing; init's example framework uses it.
EXAMPLE_ORGANISATION = "Example Organisation"

# Starter statements, one per level upward, distinct enough to pass the other lints.
QUALITY_STARTERS = (
    "Checks their own work against the team's definition of done before handing it on.",
    "Finds and fixes the causes of defects in the areas they own.",
    "Sets quality standards for the team's work and helps others meet them.",
    "Improves how several teams prevent, detect and learn from defects.",
    "Decides where the organisation invests in quality, and measures the return.",
    "Shapes how the whole organisation thinks about quality and risk.",
)
COMMUNICATION_STARTERS = (
    "Asks questions early when a task is unclear.",
    "Writes updates that let others follow their work without a meeting.",
    "Explains trade-offs to people outside the team in terms they care about.",
    "Brings groups with different goals to a shared decision.",
    "Represents their area in company-wide planning.",
    "Speaks for the organisation's practice outside it.",
)
MANAGER_STARTERS = (
    "Makes room in the team's plans for quality work.",
    "Keeps the team informed of decisions and the reasons for them.",
)
STARTER_STATEMENTS = frozenset((*QUALITY_STARTERS, *COMMUNICATION_STARTERS, *MANAGER_STARTERS))

# The level summary prompt with any name: the name is whatever the author typed.
_BEFORE_NAME, _AFTER_NAME = LEVEL_SUMMARY_PROMPT.split("{name}")
_LEVEL_SUMMARY = re.compile(rf"\A{re.escape(_BEFORE_NAME)}.+{re.escape(_AFTER_NAME)}\Z")


def _plain(text: str) -> str:
    return " ".join(text.split())


def placeholder_in(text: str) -> str | None:
    """The scaffold's wording that `text` still holds, if any."""
    plain = _plain(text)
    if INTRODUCTION_PROMPT in plain:
        return INTRODUCTION_PROMPT
    if _LEVEL_SUMMARY.match(plain):
        return plain
    if plain in STARTER_STATEMENTS:
        return plain
    return None
