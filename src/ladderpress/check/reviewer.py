"""Lints of wording, as a reviewer of a ladder reads it: requirements stated as years or
degrees, comparisons that lean on another level, gender-coded words, and text the scaffold
wrote for the author to replace.

They read every text a reader sees: statements and their examples, summaries, scopes and
descriptions. Each pattern is anchored on words and has no nested repetition, so a long
or hostile text costs time linear in its length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ladderpress.analyse.similarity import plain_words
from ladderpress.check.placeholders import EXAMPLE_ORGANISATION, placeholder_in
from ladderpress.core.model import Framework
from ladderpress.core.problems import Problem, Severity
from ladderpress.core.rules import LINT_RULES
from ladderpress.load.document import Document, JsonPath, problem_at

WORD_LIST = Path(__file__).resolve().parent / "wordlists" / "gender-coded.txt"

_NUMBER = (
    r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|a\s+few|several|many)"
)
_YEARS = rf"{_NUMBER}\s*\+?\s*(?:(?:-|\u2013|to|or)\s*{_NUMBER}\s*\+?\s*)?(?:years?|yrs?)\b"
_DEGREE_OWNER = (
    r"a|an|university|college|undergraduate|postgraduate|graduate|relevant|technical"
    r"|engineering|stem|cs|computer\s+science|bachelor(?:'|\u2019)?s|master(?:'|\u2019)?s"
)
# (pattern, what it asks for), first match wins.
_REQUIREMENTS = (
    (
        re.compile(rf"\b{_YEARS}['\u2019]?\s+(?:of\s+)?(?:[\w-]+\s+){{0,3}}?experience\b", re.I),
        "years",
    ),
    (re.compile(r"\b(?:years|decades)\s+of\s+(?:[\w-]+\s+){0,2}?experience\b", re.I), "years"),
    (re.compile(rf"\b(?:at\s+least|a\s+minimum\s+of|minimum\s+of)\s+{_YEARS}", re.I), "years"),
    (re.compile(rf"\b{_NUMBER}\s*\+\s*(?:years?|yrs?)\b", re.I), "years"),
    (re.compile(rf"\b{_NUMBER}\s+or\s+more\s+years\b", re.I), "years"),
    (re.compile(rf"(?<!\bto )\b(?:{_DEGREE_OWNER})\s+degrees?\b(?!\s+of\b)", re.I), "a degree"),
    (re.compile(r"\bdegrees?\s+in\s+\w", re.I), "a degree"),
    (
        re.compile(
            r"\b(?:bachelor|master)(?:'s|\u2019s|s)?\s+of\s+(?:science|arts|engineering)\b", re.I
        ),
        "a degree",
    ),
    (
        re.compile(r"\b(?:b\.?\s?sc|m\.?\s?sc|b\.?\s?eng|m\.?\s?eng|ph\.?\s?d|mba)\b\.?", re.I),
        "a degree",
    ),
    (re.compile(r"\bB\.?S\.?\s*/\s*M\.?S\b"), "a degree"),
)

# (pattern, what to do instead), first match wins. A comparison with another level means
# nothing to a reader of one level's page; a hedge leaves the judgement to the reader.
# "Grows toward the next level" (a promotion) and "a higher-level view" (abstraction) are
# not comparisons, so only "than"/"as" with a level, and "at the next level", count.
_LEVEL = r"(?:level|grade|band)s?"
_ELSEWHERE = "say what this level expects: a reader of this page cannot see the other one"
_VAGUE = (
    (
        re.compile(
            r"\b(?:than|as)\s+(?:(?:at|in|on|for)\s+)?(?:the\s+|a\s+|their\s+|your\s+)?"
            rf"(?:previous|prior|lower|last|preceding|earlier|next|higher)\s+{_LEVEL}\b",
            re.I,
        ),
        _ELSEWHERE,
    ),
    (
        re.compile(
            rf"\b(?:than|as)\s+(?:(?:at|in|on|for)\s+)?the\s+{_LEVEL}\s+(?:below|above|before)\b",
            re.I,
        ),
        _ELSEWHERE,
    ),
    (re.compile(rf"\bat\s+the\s+next\s+{_LEVEL}\b", re.I), _ELSEWHERE),
    (re.compile(r"\bthan\s+(?:before|previously)\b", re.I), _ELSEWHERE),
    (
        re.compile(
            r"\bto\s+an?\s+(?:greater|larger|higher|lesser|increasing)\s+(?:extent|degree)\b", re.I
        ),
        "say what more is expected: a wider scope, a harder problem, a bigger result",
    ),
    # "as appropriate to cope with ..." names its purpose: not a hedge.
    (
        re.compile(r"\b(?:as|where|when|if)\s+appropriate\b(?!\s+(?:to|for)\b)", re.I),
        "say when, or drop it",
    ),
)

_KINDS = {
    "masculine": "is masculine-coded (Gaucher, Friesen & Kay 2011)",
    "feminine": "is feminine-coded (Gaucher, Friesen & Kay 2011)",
    "cliche": "is a job-ad cliché",
    "gendered": "names a gender",
}
_TOKEN = re.compile(r"[a-z0-9]+(?:['\u2019-][a-z0-9]+)*")


@dataclass(frozen=True)
class CodedWord:
    word: str  # as the list writes it, with a trailing * for a stem
    kind: str
    alternatives: tuple[str, ...]


@dataclass(frozen=True)
class WordList:
    exact: dict[str, CodedWord]
    stems: dict[str, CodedWord]
    phrases: tuple[tuple[re.Pattern[str], CodedWord], ...]
    longest_stem: int


def parse_word_list(text: str) -> WordList:
    """The list's entries (see the file's header for the format)."""
    exact: dict[str, CodedWord] = {}
    stems: dict[str, CodedWord] = {}
    phrases: list[tuple[re.Pattern[str], CodedWord]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [field.strip() for field in line.split("|")]
        if len(fields) != 3 or fields[1] not in _KINDS or not fields[0]:
            raise ValueError(f"{WORD_LIST.name}:{number}: expected 'word | kind | alternatives'")
        word, kind, alternatives = fields[0].lower(), fields[1], fields[2]
        entry = CodedWord(word, kind, tuple(a.strip() for a in alternatives.split(",") if a))
        stem = word.removesuffix("*")
        if " " in stem:
            tail = r"[\w'\u2019-]*" if word.endswith("*") else ""
            phrases.append((re.compile(rf"\b{re.escape(stem)}{tail}\b"), entry))
        else:
            (stems if word.endswith("*") else exact)[stem] = entry
    return WordList(exact, stems, tuple(phrases), max(map(len, stems), default=0))


@cache
def word_list() -> WordList:
    return parse_word_list(WORD_LIST.read_text(encoding="utf-8"))


def coded_words(text: str) -> list[tuple[str, CodedWord]]:
    """Each coded word of `text` once, as written there, with its list entry."""
    found: dict[str, tuple[str, CodedWord]] = {}
    words = word_list()
    lowered = text.lower()
    for token in _TOKEN.findall(lowered):
        entry = words.exact.get(token) or next(
            (
                words.stems[token[:length]]
                for length in range(min(len(token), words.longest_stem), 0, -1)
                if token[:length] in words.stems
            ),
            None,
        )
        if entry is not None:
            found.setdefault(token, (token, entry))
    for pattern, entry in words.phrases:
        match = pattern.search(lowered)
        if match:
            found.setdefault(match[0], (match[0], entry))
    return list(found.values())


def requirement_in(text: str) -> tuple[str, str] | None:
    """The wording that states a requirement as years or a degree, and which of them."""
    for pattern, what in _REQUIREMENTS:
        match = pattern.search(text)
        if match:
            return " ".join(match[0].split()), what
    return None


def vague_wording_in(text: str) -> tuple[str, str] | None:
    """Wording that means nothing out of context, and what to write instead."""
    for pattern, instead in _VAGUE:
        match = pattern.search(text)
        if match:
            return " ".join(match[0].split()), instead
    return None


def _warn(doc: Document, where: JsonPath, message: str, rule: str) -> Problem:
    return problem_at(doc, where, message, rule, severity=Severity.WARNING)


def _texts(doc: Document, framework: Framework) -> Iterator[tuple[JsonPath, str]]:
    """Every text a reader sees, with where it is; statements as readers see them."""
    data: dict[str, Any] = doc.data
    if framework.summary:
        yield ("summary",), framework.summary
    for index, level in enumerate(data.get("levels", ())):
        for field in ("summary", "scope"):
            if isinstance(level.get(field), str):
                yield ("levels", index, field), level[field]
    for competency in framework.competencies.values():
        if competency.description:
            yield ("competencies", competency.index, "description"), competency.description
        for level_id, statements in competency.expectations.items():
            for statement in statements:
                where: JsonPath = (
                    "competencies",
                    competency.index,
                    "expectations",
                    level_id,
                    statement.index,
                )
                # At its text, where an ignore comment would go, if it is a mapping.
                yield (*where, "text"), "".join(plain_words(statement.html_text))
                for number, example in enumerate(statement.examples):
                    yield (*where, "examples", number), example


def _coded_message(found: list[tuple[str, CodedWord]]) -> str:
    parts = []
    for word, entry in found:
        instead = " or ".join(f"'{a}'" for a in entry.alternatives[:2])
        parts.append(f"'{word}' {_KINDS[entry.kind]}" + (f", try {instead}" if instead else ""))
    return f"gender-coded wording: {'; '.join(parts)}"


def review_wording(doc: Document, framework: Framework) -> Iterator[Problem]:
    if framework.language is not None and framework.language.split("-")[0] != "en":
        return  # English patterns and words: a translation is checked in its original
    if framework.organisation.name == EXAMPLE_ORGANISATION:
        yield _warn(
            doc,
            ("organisation", "name"),
            f"'{EXAMPLE_ORGANISATION}' is the starter name of `ladderpress init` and `new`; "
            f"{LINT_RULES['placeholder-text'].hint}",
            "placeholder-text",
        )
    for where, text in _texts(doc, framework):
        for rule, message, hint in _findings(text):
            yield _warn(doc, where, f"{message}; {hint or LINT_RULES[rule].hint}", rule)


def _findings(text: str) -> Iterator[tuple[str, str, str | None]]:
    """What the wording lints find in one text: rule, message, and the advice to end it
    with when the rule's own hint is not the best one."""
    placeholder = placeholder_in(text)
    if placeholder is not None:
        starter = f"still holds starter text of `ladderpress init` and `new` ('{placeholder}')"
        yield "placeholder-text", starter, None
    requirement = requirement_in(text)
    if requirement is not None:
        found, what = requirement
        what = "years of experience" if what == "years" else what
        yield "experience-requirement", f"states a requirement as {what} ('{found}')", None
    vague = vague_wording_in(text)
    if vague is not None:
        phrase, instead = vague
        yield "vague-comparative", f"'{phrase}' means nothing out of context", instead
    coded = coded_words(text)
    if coded:
        yield "gender-coded", _coded_message(coded), None
