"""A framework's own words for what the theme calls statements, competencies, categories
and levels ("behaviours", "skills", "grades"), put into every message of its pages.

Each language's catalogue says which of its words name each thing (theme/messages/
_terms.yaml: "level"/"levels" in English, "niveau"/"niveaux" in French); a message is
rewritten word by word before its placeholders are filled, so nothing a framework wrote
(level names, statements) is ever touched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ladderpress.core.problems import InputError, error
from ladderpress.core.terms import TERM_KEYS
from ladderpress.load.source import read_document

TERMS_FILE = "_terms.yaml"

# (key, singular, plural) for each renamed thing, in TERM_KEYS order (Framework.terms).
Terms = tuple[tuple[str, str, str], ...]
# For one language: each lowercase word of the theme's → (key, whether it is plural).
Words = dict[str, tuple[str, bool]]

_TOKEN = re.compile(r"%\([^)]*\)s|%%|[^\W\d_]+")


def read_words(theme_dirs: Sequence[Path], language: str) -> Words:
    """The theme's words for each thing in `language`, the site's theme over the default."""
    found: Words = {}
    for theme in reversed(theme_dirs):
        file = theme / "messages" / TERMS_FILE
        if not file.is_file():
            continue
        data = read_document(file).data or {}
        for lang in dict.fromkeys((language.split("-")[0].lower(), language.lower())):
            found.update(_words_of(file, data, lang))
    return found


def _words_of(file: Path, data: object, language: str) -> Words:
    entry = data.get(language) if isinstance(data, dict) else None
    if entry is None:
        return {}
    words: Words = {}
    problem = InputError(
        [
            error(
                str(file),
                1,
                1,
                f"'{language}' must map each of {TERM_KEYS} to [singular, plural] pairs of words",
                "messages",
            )
        ]
    )
    if not isinstance(entry, dict):
        raise problem
    for key, pairs in entry.items():
        if key not in TERM_KEYS or not isinstance(pairs, list):
            raise problem
        for pair in pairs:
            if not (
                isinstance(pair, list) and len(pair) == 2 and all(isinstance(w, str) for w in pair)
            ):
                raise problem
            words[pair[0].lower()] = (key, False)
            words[pair[1].lower()] = (key, True)
    return words


def _cased(term: str, like: str) -> str:
    if like[:1].isupper():
        return term[:1].upper() + term[1:]
    # Lowercase the first letter unless the term reads as an acronym ("OKRs").
    return term if term[1:2].isupper() else term[:1].lower() + term[1:]


def apply_terms(text: str, words: Words, terms: Terms) -> str:
    """The message with the theme's words replaced by the framework's; placeholders kept."""
    if not terms or not words:
        return text
    chosen = {key: (singular, plural) for key, singular, plural in terms}

    def swap(match: re.Match[str]) -> str:
        token = match.group(0)
        found = words.get(token.lower())
        if found is None or found[0] not in chosen:
            return token
        singular, plural = chosen[found[0]]
        return _cased(plural if found[1] else singular, token)

    return _TOKEN.sub(swap, text)
