"""The format-neutral draft every importer fills in, and helpers they share.

Importers describe what they found — names, statements and where each came from — and
leave ids, uniqueness, limits and YAML to `writer.py`. Each item keeps its `Origin` so
that every warning points at the cell or line of the source it is about.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ladderpress.core.problems import InputError, Problem, error, warning
from ladderpress.load.document import Document, JsonPath
from ladderpress.load.source import MAX_FILE_BYTES, decode_utf8

# `\Z`, not `$`, which also matches before a final newline.
ID_PATTERN = re.compile(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z")
MAX_ID = 64
DEFAULT_CATEGORY = "General"


@dataclass(frozen=True)
class Origin:
    """Where something came from: a file, a 1-based line and column, and a label for
    messages such as "cell B7" (spreadsheets) — empty for text files."""

    path: str
    line: int
    col: int
    label: str = ""

    def describe(self) -> str:
        return self.label or f"line {self.line}"

    def warn(self, message: str, rule: str = "import") -> Problem:
        return warning(self.path, self.line, self.col, message, rule)

    def fail(self, message: str, rule: str = "import") -> InputError:
        return InputError([error(self.path, self.line, self.col, message, rule)])


@dataclass(frozen=True)
class Cell:
    """A spreadsheet cell as the importers see it: its text and where it is."""

    text: str
    row: int  # 1-based spreadsheet row (a record of a CSV file)
    column: int  # 1-based
    origin: Origin


Grid = list[list[Cell]]


@dataclass
class DraftStatement:
    text: str
    origin: Origin
    explicit_id: str | None = None
    examples: list[str] = field(default_factory=list)
    proficiency: str | None = None  # how well, in the source's own scale


@dataclass
class DraftLevel:
    name: str
    origin: Origin
    key: str | None = None  # text the id is made from (default: the name)
    explicit: bool = False  # `key` was declared as an id in the source
    summary: str | None = None
    sections: list[tuple[str, str]] = field(default_factory=list)  # (title, Markdown body)


@dataclass
class DraftTrack:
    """A career path through some of the draft's levels (indexes into Draft.levels, lowest
    first). Tracks that share levels list the same ones first, as the schema asks."""

    name: str
    levels: list[int]
    kind: str = "individual-contributor"  # or "management", "other"
    key: str | None = None


@dataclass
class DraftCategory:
    name: str
    origin: Origin
    key: str | None = None
    description: str | None = None


@dataclass
class DraftCompetency:
    name: str
    category: int  # index into Draft.categories
    origin: Origin
    key: str | None = None
    explicit: bool = False
    description: str | None = None
    # level index (into Draft.levels) -> statements, in the order they were found
    expectations: dict[int, list[DraftStatement]] = field(default_factory=dict)

    def add(self, level: int, statement: DraftStatement) -> None:
        self.expectations.setdefault(level, []).append(statement)


@dataclass
class Draft:
    format: str  # a name in importers.REGISTRY: "csv", "xlsx", "monzo", "ft"
    label: str  # what the format is called in the generated comment
    source: Origin  # the file or folder as a whole
    levels: list[DraftLevel] = field(default_factory=list)
    categories: list[DraftCategory] = field(default_factory=list)
    competencies: list[DraftCompetency] = field(default_factory=list)
    cumulative: bool = True
    cumulative_note: list[str] = field(default_factory=list)  # comment lines above it
    title: str | None = None
    summary: str | None = None
    file_name: str = ""  # the source's own name, for the generated comment
    warnings: list[Problem] = field(default_factory=list)
    tracks: list[DraftTrack] = field(default_factory=list)  # none: every level on one track
    track_note: str = ""  # how the tracks were found, for the review warning
    tags: list[str] = field(default_factory=list)
    sheet: str | None = None  # the workbook sheet asked for (name or 1-based number)


def slugify(text: str) -> str:
    """A ladderpress id made from free text ("" when nothing usable is left)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = re.sub(r"['`]", "", ascii_text.lower())  # "team's" -> "teams"
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:MAX_ID].rstrip("-")


def is_id(text: str) -> bool:
    return len(text) <= MAX_ID and ID_PATTERN.match(text) is not None


def one_line(text: str) -> str:
    """Collapse a name written over several lines or with stray spaces."""
    return " ".join(text.split())


def read_text(path: Path, shown: str, expected: str) -> str:
    """Read a text source: bounded size, UTF-8 (BOM allowed) or UTF-16 with a BOM; refuses
    empty and binary files with a message naming the `expected` kind of file."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise Origin(shown, 1, 1).fail(
                f"file is {size / 1024 / 1024:.1f} MB, over the "
                f"{MAX_FILE_BYTES // 1024 // 1024} MB limit",
                "file-too-large",
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise Origin(shown, 1, 1).fail(f"cannot read file: {exc.strerror or exc}", "io") from None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise Origin(shown, 1, 1).fail(
                "the file starts like UTF-16 text but cannot be decoded", "encoding"
            ) from None
    elif b"\x00" in raw:
        raise _binary(shown, expected)
    else:
        text = decode_utf8(
            shown, raw, "save it with UTF-8 encoding (in a spreadsheet: 'CSV UTF-8')"
        )
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise Origin(shown, 1, 1).fail(f"the file is empty; expected {expected}", "import-empty")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(2, len(text) // 100):
        raise _binary(shown, expected)
    return text


def _binary(shown: str, expected: str) -> InputError:
    return Origin(shown, 1, 1).fail(
        f"this looks like a binary file, not text; expected {expected}", "encoding"
    )


def column_letters(index: int) -> str:
    """1 -> "A", 27 -> "AA": the spreadsheet name of a 1-based column."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def origin_at(doc: Document, where: JsonPath) -> Origin:
    """The position of the value at `where` in a parsed YAML document."""
    pos = doc.position(where)
    return Origin(doc.path, pos.line, pos.col)


def text_items(
    doc: Document, values: Any, where: JsonPath, warnings: list[Problem]
) -> list[tuple[int, str]]:
    """The texts of a YAML list with their indexes, stripped; warns about (and skips)
    anything else in it."""
    if values is None:
        return []
    if not isinstance(values, list):
        warnings.append(origin_at(doc, where).warn("expected a list of text; skipped"))
        return []
    out = []
    for index, value in enumerate(values):
        if isinstance(value, (str, int, float)) and str(value).strip():
            out.append((index, str(value).strip()))
        elif value is not None:
            warnings.append(origin_at(doc, (*where, index)).warn("expected text; skipped"))
    return out


def text_list(doc: Document, values: Any, where: JsonPath, warnings: list[Problem]) -> list[str]:
    return [text for _, text in text_items(doc, values, where, warnings)]


def short_name(name: str, limit: int) -> str:
    """The first clause of `name` when it fits (before ':', ' - ', '(' or '.'), else its
    first words within `limit`, ending with an ellipsis."""
    for mark in (": ", " - ", " \u2013 ", " (", ". "):
        head = name.split(mark, 1)[0].strip()
        if 3 <= len(head) <= limit and head != name:
            return head
    cut = name[: limit - 1].rsplit(" ", 1)[0] if " " in name[: limit - 1] else name[: limit - 1]
    return cut.rstrip(" ,;:-") + "…"


def humanize(value: str) -> str:
    """'junior-to-mid' -> 'Junior to mid': a readable name made from an identifier."""
    words = " ".join(value.replace("-", " ").replace("_", " ").split())
    return words[:1].upper() + words[1:]


@dataclass(frozen=True)
class Identity:
    """Whose framework it is and what it covers: given on the command line, guessed from
    the source's folders and title (and then reported as a guess), or left to a placeholder."""

    organisation: str | None = None
    organisation_guess: str = ""  # what the name was guessed from; "" when given or none
    disciplines: tuple[str, ...] = ()
    disciplines_guess: str = ""
