"""Split a Markdown page into its YAML front matter and its body, as Monzo's site reads it.

Monzo's site parses front matter with js-yaml, which accepts a tab right after a list's
`- `; PyYAML (and the YAML specification) refuse it. Such a page is read as js-yaml reads
it — the tab counted as the space the list marker needs — with a warning naming each line,
so that one stray key press does not cost the whole page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ladderpress.core.problems import Problem
from ladderpress.importers.draft import Origin, read_text
from ladderpress.load.document import Document
from ladderpress.load.source import parse_text

EXPECTED = "a Markdown page whose YAML front matter lists `topics` (Monzo's format)"
_TAB_AFTER_DASH = re.compile(r"^([ ]*-)( *\t[ \t]*)(?=\S)")


@dataclass(frozen=True)
class Page:
    doc: Document  # the front matter
    body: str  # the Markdown after it
    body_line: int  # the file's line number of the body's first line
    warnings: list[Problem] = field(default_factory=list)  # about reading it


class NotAPage(Exception):
    """The file has no front matter: in a folder it is a README or a note, not a page."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def tolerate_tabs(text: str, shown: str, warnings: list[Problem]) -> str:
    """`text` with a tab after a list's dash read as a space (see the module docstring)."""
    if "\t" not in text:
        return text
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        found = _TAB_AFTER_DASH.match(line)
        if found:
            lines[number - 1] = found.group(1) + " " + line[found.end() :]
            warnings.append(
                Origin(shown, number, len(found.group(1)) + 1).warn(
                    "a tab after '-' (js-yaml reads it, YAML does not): read as a space; "
                    "replace the tab with a space",
                    "import-yaml-tab",
                )
            )
    return "\n".join(lines)


def read_page(path: Path, shown: str) -> Page:
    """The page's front matter and body; raises NotAPage without front matter and
    InputError when the front matter is not YAML."""
    text = read_text(path, shown, EXPECTED)
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise NotAPage(
            Origin(shown, 1, 1).warn(
                "no YAML front matter: a Monzo framework page starts with a line '---', then "
                "`title`, `levels` and `topics`, then another '---'",
                "import-monzo",
            )
        )
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise Origin(shown, 1, 1).fail(
            "the front matter that starts on line 1 is never closed; add a line '---' after it",
            "import-monzo",
        )
    # Keep the opening '---' (a YAML document start) so that line numbers match the file.
    warnings: list[Problem] = []
    head = tolerate_tabs("\n".join(lines[:end]) + "\n", shown, warnings)
    doc = parse_text(shown, head)
    if not isinstance(doc.data, dict):
        raise Origin(shown, 2, 1).fail("the front matter is not a mapping of keys", "import-monzo")
    return Page(doc, "\n".join(lines[end + 1 :]), end + 2, warnings)
