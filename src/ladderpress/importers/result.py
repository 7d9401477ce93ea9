"""What importing one framework gives: its file's text and what to review in it."""

from __future__ import annotations

from dataclasses import dataclass

from ladderpress.core.problems import Problem


@dataclass(frozen=True)
class ImportResult:
    """The framework file's text, what to review in it, and what was read."""

    yaml_text: str
    warnings: list[Problem]
    format: str  # a key of FORMATS
    slug: str = ""  # the suggested file name, without .yaml
    source: str = ""  # the file or folder it was read from, as shown in messages
