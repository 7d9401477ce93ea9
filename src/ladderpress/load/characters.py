"""Characters that no text of a framework or a site configuration may hold.

The Atom feed and the sitemap are XML 1.0, which cannot carry most C0 controls at all;
terminals act on escape sequences printed in messages; and bidirectional overrides and
isolates (U+202A to U+202E, U+2066 to U+2069) make text display in another order than
it is stored in, so reviewers of a pull request could approve words other than the ones
that get published. YAML lets every one of them in through escapes such as "\\x1b" or
"\\u202e", so the check runs over the parsed keys and values, not only the bytes.

Tab and line feed are ordinary text. A carriage return can only come from an escape
(YAML turns CRLF line ends into line feeds) and is refused like the other controls, so
nothing downstream has to know about it. Refusing, rather than quietly removing, keeps
the published text exactly the text that was reviewed.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import TYPE_CHECKING, Any

from ladderpress.core.problems import Problem, error

if TYPE_CHECKING:
    from ladderpress.load.document import Document, JsonPath, Position

# C0 controls but tab and line feed, DEL, C1 controls, bidi embeddings, overrides and
# isolates, surrogates (a JSON or UTF-8 encoder fails on a lone one) and the two
# noncharacters XML 1.0 excludes.
FORBIDDEN = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Controls have no name in the Unicode database; these are their usual names.
_CONTROL_NAMES = {
    0x00: "NULL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x09: "CHARACTER TABULATION",
    0x0A: "LINE FEED",
    0x0B: "LINE TABULATION",
    0x0C: "FORM FEED",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
}
RULE = "control-character"
_PER_STRING = 3


def describe(ch: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': a character's code point and name."""
    code = ord(ch)
    name = _CONTROL_NAMES.get(code) or unicodedata.name(ch, "")
    if not name:
        category = unicodedata.category(ch)
        name = {"Cc": "a control character", "Cs": "a surrogate"}.get(category, "")
        name = f"({name})" if name else "(a noncharacter)"
    return f"U+{code:04X} {name}"


def advice(ch: str) -> str:
    """What to do about a forbidden character, in words for the person who wrote it."""
    if ch in _BIDI:
        return (
            "it makes text display in another order than it is written, so what reviewers "
            "read may not be what is published; delete it (text takes its direction from its "
            "own letters; U+200E and U+200F marks are allowed)"
        )
    if ch == "\r":
        return "write line breaks as ordinary new lines"
    return "web feeds and data files cannot carry it; delete it"


def strip_forbidden(text: str) -> str:
    return FORBIDDEN.sub("", text)


def _strings(data: Any, path: JsonPath, found: list[tuple[JsonPath, bool, str]]) -> None:
    if isinstance(data, str):
        if FORBIDDEN.search(data):
            found.append((path, False, data))
    elif isinstance(data, dict):
        for key, value in data.items():
            if FORBIDDEN.search(key):
                found.append(((*path, key), True, key))
            _strings(value, (*path, key), found)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            _strings(value, (*path, index), found)


class _Locator:
    """Finds a character inside the node that starts at a position, when it is written
    there as itself; an escape ("\\x1b") leaves the node's own position."""

    def __init__(self, doc: Document, text: str) -> None:
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.starts = sorted({self._offset(p) for p in (*doc.values.values(), *doc.keys.values())})

    def _offset(self, pos: Position) -> int:
        if pos.line > len(self.line_starts):
            return len(self.text)
        return min(self.line_starts[pos.line - 1] + pos.col - 1, len(self.text))

    def find(self, pos: Position, ch: str) -> tuple[int, int] | None:
        start = self._offset(pos)
        after = bisect_right(self.starts, start)
        end = self.starts[after] if after < len(self.starts) else len(self.text)
        index = self.text.find(ch, start, end)
        if index < 0:
            return None
        line = bisect_right(self.line_starts, index)
        return line, index - self.line_starts[line - 1] + 1

    def how_written(self, pos: Position) -> str:
        """How a character not written as itself got into the node at `pos`."""
        if self.text.startswith("*", self._offset(pos)):
            return " (through this alias)"
        return " (from an escape sequence)"


def check_characters(doc: Document, text: str) -> list[Problem]:
    """An error for every key and value of `doc` (parsed from `text`) that holds a
    forbidden character, at the character when it is written as itself."""
    if FORBIDDEN.search(text) is None and "\\" not in text:
        return []  # nothing raw, and no escape that could make one
    found: list[tuple[JsonPath, bool, str]] = []
    _strings(doc.data, (), found)
    if not found:
        return []
    locator = _Locator(doc, text)
    problems = []
    for where, is_key, value in found:
        pos = doc.position(where, key=is_key)
        what = "this key" if is_key else "this text"
        # One problem per distinct character, each with its own advice; a few suffice.
        for ch in list(dict.fromkeys(FORBIDDEN.findall(value)))[:_PER_STRING]:
            exact = locator.find(pos, ch)
            line, col = exact if exact is not None else (pos.line, pos.col)
            written = "" if exact is not None else locator.how_written(pos)
            problems.append(
                error(
                    doc.path,
                    line,
                    col,
                    f"{what} contains {describe(ch)}{written}: {advice(ch)}",
                    RULE,
                )
            )
    return problems
