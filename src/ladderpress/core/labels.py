"""How a discipline or tag identifier reads on a page: `data-science` is "Data science",
`sre` is "SRE", `ios-engineering` is "iOS engineering".

A name the site configuration gives (`labels: {sre: Site reliability}`) is used as it is
written. Without one, each word of the identifier that is a well-known acronym or
initialism is written as below, and the first word takes a capital.
"""

from __future__ import annotations

from collections.abc import Mapping

# Words written otherwise than in lower case, as they are written. Identifiers are lower
# case (`sre`, `ux-research`), so each is found by its lower-case form.
ACRONYMS = (
    "AI",
    "API",
    "B2B",
    "B2C",
    "BI",
    "CTO",
    "DevOps",
    "DevSecOps",
    "FinOps",
    "HR",
    "iOS",
    "IT",
    "ML",
    "MLOps",
    "NLP",
    "PM",
    "QA",
    "SaaS",
    "SEO",
    "SRE",
    "UI",
    "UX",
)
_WRITTEN = {word.lower(): word for word in ACRONYMS}


def display_label(value: str, names: Mapping[str, str], *, in_text: bool = False) -> str:
    """The label of `value`: the site's name for it, else its words, acronyms kept.

    `in_text`: the label inside a sentence ("frameworks for data science"), where only
    acronyms and names the site gives keep their capitals.
    """
    named = names.get(value)
    if named is not None:
        return named
    words = [_WRITTEN.get(word, word) for word in value.split("-")]
    if not in_text and words and words[0].islower():
        words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words)
