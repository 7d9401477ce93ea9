"""What an import format declares about itself, for the registry (`REGISTRY` in `__init__.py`).

Each format module (`csvfile.py`, `xlsx.py`, `monzo.py`, `ft.py`) ends with one
`FORMAT = ImportFormat(...)`: the name `--format` takes, the description shown in help
and in the generated file's comment, the extensions it claims, a sniffer that recognises
its content when the extension says nothing, and the reader that fills a draft. A format
that also reads a folder names the extensions that make a folder its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ladderpress.importers.draft import Draft

HEAD_BYTES = 4096  # how much of a file the sniffers see

# sniff(path, the file's first HEAD_BYTES bytes) -> whether the content looks like this format
Sniffer = Callable[[Path, bytes], bool]
# read(path, draft to fill, how to show a path in messages) -> the filled draft
Reader = Callable[[Path, Draft, Callable[[Path], str]], Draft]


@dataclass(frozen=True)
class ImportFormat:
    """One format `ladderpress import` reads."""

    name: str  # the `--format` value, ImportResult.format and Draft.format
    description: str  # "CSV spreadsheet": in help and in the generated file's comment
    suffixes: tuple[str, ...]  # lowercase extensions with their dot, claimed by this format
    sniff: Sniffer
    read: Reader
    folder_suffixes: tuple[str, ...] = ()  # a folder holding such files is this format's
    folder_hint: str = ""  # ".md files (Monzo's format)", for a folder that is no format's
    # whether a file found in a folder is a framework of this format (a README, a CI
    # workflow or a site's settings file is not): see tree.py
    member: Callable[[Path], bool] | None = None
    # the sources in a folder that are one framework each (default: every member file)
    units: Callable[[Path], list[Path]] | None = None

    @property
    def reads_folders(self) -> bool:
        return bool(self.folder_suffixes)

    def summary(self) -> str:
        """Its entry in help text, such as: csv (CSV spreadsheet: .csv, .tsv)."""
        where = ", ".join(self.suffixes)
        if self.reads_folders:
            where += f", or a folder of {self.folder_suffixes[0]} files"
        return f"{self.name} ({self.description}: {where})"


def head_text(head: bytes) -> str:
    """The start of a file as text, for sniffers that look for text markers."""
    return head.decode("utf-8", "replace").lstrip("\ufeff")
