"""The theme's words, from message catalogues: theme/messages/<language>.yaml.

A catalogue maps the English text (the message id) to its translation. The site's theme
folder may add or override catalogues; a missing language or message falls back to the
language without its region (`en-GB` → `en`), then to English, then to the id itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ladderpress.core.problems import InputError, error
from ladderpress.load.source import read_document


def _catalogue(theme_dirs: tuple[Path, ...], language: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for theme in reversed(theme_dirs):  # the default theme first, the site's theme last
        file = theme / "messages" / f"{language}.yaml"
        if not file.is_file():
            continue
        data = read_document(file).data or {}
        if not isinstance(data, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in data.items()
        ):
            raise InputError(
                [error(str(file), 1, 1, "a message catalogue maps text to text", "messages")]
            )
        merged.update(data)
    return merged


def catalogue_chain(theme_dirs: tuple[Path, ...], language: str) -> tuple[dict[str, str], ...]:
    """The catalogues to look a message up in, most specific first, read now: a renderer
    keeps what it read for its build (a catalogue edited while serve runs is read again)."""
    languages = [language, language.split("-")[0], "en"]
    unique = list(dict.fromkeys(lang.lower() for lang in languages))
    return tuple(_catalogue(theme_dirs, lang) for lang in unique)


def translate(chain: Sequence[dict[str, str]], msgid: str, params: dict[str, object]) -> str:
    text = next((catalogue[msgid] for catalogue in chain if msgid in catalogue), msgid)
    return text % params if params else text


def catalogue_digest(theme_dirs: Sequence[Path]) -> str:
    """Changes whenever any catalogue of the theme chain changes: part of page cache keys."""
    import hashlib

    digest = hashlib.sha256()
    for theme in theme_dirs:
        for file in sorted((theme / "messages").glob("*.yaml")):
            digest.update(file.name.encode() + file.read_bytes())
    return digest.hexdigest()


# Names of languages in themselves, for the language switcher; other tags show as is.
LANGUAGE_NAMES = {
    "da": "Dansk",
    "de": "Deutsch",
    "en": "English",
    "es": "Español",
    "fi": "Suomi",
    "fr": "Français",
    "it": "Italiano",
    "ja": "日本語",
    "ko": "한국어",
    "nb": "Norsk bokmål",
    "nl": "Nederlands",
    "pl": "Polski",
    "pt": "Português",
    "sv": "Svenska",
    "zh": "中文",
}


def language_name(tag: str) -> str:
    return LANGUAGE_NAMES.get(tag.lower(), LANGUAGE_NAMES.get(tag.split("-")[0].lower(), tag))


JS_MESSAGES = (
    "Choose two different levels.",
    "Reference position %(position)s",
    "%(time)s at level",
    "%(min)s to %(max)s months",
    "%(min)s to %(max)s years",
    "At least %(min)s months",
    "At least %(min)s years",
    "Up to %(max)s months",
    "Up to %(max)s years",
    "Loading…",
    "The frameworks could not be loaded. Check your connection and try again.",
    "Best fit: %(level)s (%(share)s of what it expects).",
    "Best fit on the %(track)s track: %(level)s (%(share)s of what it expects).",
    "You meet %(share)s of what %(level)s expects; a level fits from %(threshold)s.",
    "Not yet %(level)s",
    "%(share)s of %(level)s",
    "Top of the track",
    "You meet what the top level of this track expects.",
    "To reach %(level)s (%(share)s met)",
    "Answers cleared.",
    "Link copied. Anyone with it sees these answers.",
    "Copy the address from your browser's address bar to share these answers.",
    "Search is not available right now.",
    "%(shown)s of %(total)s frameworks match.",
)
"""The messages the theme's script shows, handed to it translated in each page."""
